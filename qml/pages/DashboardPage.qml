// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The manager's team dashboard: visits due and overdue, seen alone (and why not), the child's
// views, and how long recording and decisions take — per worker or per child, each chart with a
// table of the same numbers. Tapping a figure lists the children behind it.
Page {
    id: page
    objectName: "dashboardPage"
    property alias viewModel: vm
    property alias exporter: exports
    /** Show the tables instead of the bars (also the choice for screen-reader users). */
    property bool showTables: false
    /** "workers" or "children": whose figures the charts compare. */
    property string scope: "workers"
    readonly property bool wide: width / Theme.textScale > 900
    readonly property var figures: scope === "workers" ? vm.workers : vm.children
    readonly property string scopeTitle: scope === "workers" ? qsTr("Worker") : qsTr("Child")
    background: Rectangle { color: Theme.background }

    DashboardViewModel {
        id: vm
        store: AppState.store
        currentUserId: AppState.userId
        currentUserName: AppState.displayName
    }
    ManagerExports {
        id: exports
        store: AppState.store
        managerSync: AppState.managerSync
        teamId: AppState.teamId
        generatedBy: AppState.displayName
        onFinished: (path) => {
            if (path.length > 0)
                AppState.syncNow() // the export's audit report goes with the next sync
            savedDialog.open()
        }
    }
    Connections {
        target: AppState
        function onRecordsChanged() { vm.reload() }
    }
    Connections {
        target: AppState.managerSync
        function onUserNamesChanged() { vm.reload() }
    }

    function drill(model, row, figure, title) {
        if (figure === "reason")
            vm.showReason(row, title)
        else
            vm.showChildren(model, row, figure, title)
        drillPopup.open()
    }
    function openChild(childId) {
        drillPopup.close()
        page.StackView.view.push(Qt.resolvedUrl("ChildPage.qml"), { childId: childId })
    }
    function days(value) {
        return value < 0 ? "–" : qsTr("%1 d").arg(Math.round(value * 10) / 10)
    }

    // Back, the title and the controls: above the figures where there is room; on a phone at a
    // large text size they scroll away with the figures instead of keeping half the screen.
    readonly property bool narrow: Theme.isNarrow(width)
    component HeaderControls: Flow {
        id: headerFlow
        spacing: Theme.spacing
        ToolButton {
            text: qsTr("‹ Back")
            height: Theme.touch
            Accessible.name: qsTr("Back to the caseload")
            onClicked: page.StackView.view.pop()
        }
        Label {
            text: qsTr("Team dashboard")
            font.pixelSize: Theme.heading
            font.bold: true
            width: Math.min(implicitWidth, headerFlow.width)
            height: Math.max(Theme.touch, implicitHeight)
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
        }
        ChoiceBox {
            id: period
            objectName: "periodSelector"
            width: Math.min(Math.max(implicitWidth, 220 * Theme.textScale), headerFlow.width)
            height: Theme.touch
            textRole: "text"
            valueRole: "months"
            model: [{ text: qsTr("Last 3 months"), months: 3 },
                    { text: qsTr("Last 12 months"), months: 12 },
                    { text: qsTr("Everything on this tablet"), months: 0 }]
            currentIndex: Math.max(0, indexOfValue(vm.periodMonths))
            Accessible.name: qsTr("Period: %1").arg(currentText)
            onActivated: vm.periodMonths = currentValue
        }
        Button {
            objectName: "tablesToggle"
            text: page.showTables ? qsTr("Show charts") : qsTr("Show tables")
            height: Theme.touch
            checkable: true
            checked: page.showTables
            Accessible.name: page.showTables ? qsTr("Show the figures as charts") : qsTr("Show the figures as tables")
            onClicked: page.showTables = !page.showTables
        }
        Button {
            objectName: "exportCsvButton"
            text: exports.busy ? qsTr("Exporting…") : qsTr("Export visits CSV")
            enabled: !exports.busy
            height: Theme.touch
            Accessible.name: qsTr("Export the team's visits as a CSV file")
            onClicked: exportWarning.open()
        }
    }

    header: Rectangle {
        color: Theme.surface
        visible: !page.narrow
        implicitHeight: page.narrow ? 0 : headerControls.implicitHeight + 2 * Theme.spacing
        HeaderControls {
            id: headerControls
            visible: !page.narrow
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
        }
    }

    Flickable {
        id: flick
        objectName: "dashboardFlickable"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.margin

            HeaderControls {
                visible: page.narrow
                Layout.fillWidth: true
            }
            Label {
                text: vm.periodText + " · " + qsTr("due means within %n day(s)", "", vm.dueWindowDays)
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: vm.errorString.length > 0
                text: vm.errorString
                color: Theme.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // The team at a glance; each tile opens its children.
            GridLayout {
                objectName: "teamTiles"
                Layout.fillWidth: true
                columns: page.wide ? 7 : (page.width / Theme.textScale > 560 ? 4 : page.width / Theme.textScale > 300 ? 2 : 1)
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    id: tiles
                    readonly property var row: vm.teamFigures
                    model: tiles.row.label !== undefined ? [
                        { figure: "due", title: qsTr("Visits due"), value: String(tiles.row.due), detail: qsTr("children"), tint: Theme.accent },
                        { figure: "overdue", title: qsTr("Overdue"), value: String(tiles.row.overdue), detail: qsTr("children"), tint: Theme.danger },
                        { figure: "seenAlone", title: qsTr("Seen alone"), value: tiles.row.seenAlonePercent < 0 ? "–" : tiles.row.seenAlonePercent + "%", detail: tiles.row.seenAloneText, tint: Theme.ok },
                        { figure: "viewsRecorded", title: qsTr("Views recorded"), value: tiles.row.viewsPercent < 0 ? "–" : tiles.row.viewsPercent + "%", detail: tiles.row.viewsText, tint: Theme.ok },
                        { figure: "visitToSubmission", title: qsTr("Visit to submission"), value: page.days(tiles.row.visitToSubmissionMedian), detail: qsTr("median, working days"), tint: Theme.text },
                        { figure: "recordedInTime", title: qsTr("Recorded in time"), value: tiles.row.recordedInTimePercent < 0 ? "–" : tiles.row.recordedInTimePercent + "%", detail: qsTr("within %n working day(s)", "", vm.recordingStandardDays), tint: Theme.ok },
                        { figure: "submissionToDecision", title: qsTr("Submission to decision"), value: page.days(tiles.row.submissionToDecisionMedian), detail: qsTr("median, working days"), tint: Theme.text }
                    ] : []
                    delegate: ItemDelegate {
                        id: tile
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.minimumHeight: Theme.touch
                        objectName: "tile:" + modelData.figure
                        Accessible.role: Accessible.Button
                        Accessible.name: modelData.title + ": " + modelData.value + ", " + modelData.detail
                        onClicked: page.drill(vm.team, 0, modelData.figure, qsTr("Team — %1").arg(modelData.title))
                        background: Rectangle {
                            radius: Theme.radius
                            color: tile.down ? Theme.infoSoft : Theme.surface
                            border.color: Theme.border
                        }
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                text: tile.modelData.title
                                font.pixelSize: Theme.small
                                color: Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: tile.modelData.value
                                font.pixelSize: Theme.heading
                                font.bold: true
                                color: tile.modelData.tint
                            }
                            Label {
                                text: tile.modelData.detail
                                font.pixelSize: Theme.small
                                color: Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }

            // Whose figures the charts compare (a Flow: on a phone at a large text size the
            // buttons go under the label instead of widening the whole page).
            Flow {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Label {
                    text: qsTr("Compare:")
                    font.bold: true
                    height: Theme.touch
                    verticalAlignment: Text.AlignVCenter
                }
                Button {
                    objectName: "scopeWorkers"
                    text: qsTr("Workers")
                    checkable: true
                    checked: page.scope === "workers"
                    highlighted: checked
                    height: Theme.touch
                    Accessible.name: qsTr("Compare workers")
                    onClicked: page.scope = "workers"
                }
                Button {
                    objectName: "scopeChildren"
                    text: qsTr("Children")
                    checkable: true
                    checked: page.scope === "children"
                    highlighted: checked
                    height: Theme.touch
                    Accessible.name: qsTr("Compare children")
                    onClicked: page.scope = "children"
                }
            }

            GridLayout {
                Layout.fillWidth: true
                // Tables get the whole width: their columns need it more than bars do.
                columns: page.wide && !page.showTables ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                ChartCard {
                    objectName: "chart:due"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Visits due and overdue")
                    description: qsTr("Children whose next statutory visit is due soon (blue) or overdue (red).")
                    BarChart {
                        compact: page.narrow
                        visible: !page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        maximum: page.figures.maxDueOrOverdue
                        bars: [{ role: "due", figure: "due", color: Theme.accent, name: qsTr("due") },
                               { role: "overdue", figure: "overdue", color: Theme.danger, name: qsTr("overdue") }]
                        onBarClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                    FigureTable {
                        visible: page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        labelTitle: page.scopeTitle
                        tableName: qsTr("Visits due and overdue")
                        columns: [{ title: qsTr("Children"), role: "childCount", figure: "children" },
                                  { title: qsTr("Due"), role: "due", figure: "due" },
                                  { title: qsTr("Overdue"), role: "overdue", figure: "overdue" }]
                        onCellClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                }

                ChartCard {
                    objectName: "chart:seenAlone"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Seen alone")
                    description: qsTr("Of the children seen on submitted visits, how many were seen alone (green) or not (amber).")
                    ShareChart {
                        compact: page.narrow
                        visible: !page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        numeratorRole: "seenAlone"
                        denominatorRole: "seenAloneOf"
                        percentRole: "seenAlonePercent"
                        textRole: "seenAloneText"
                        countedFigure: "seenAlone"
                        missingFigure: "notSeenAlone"
                        countedName: qsTr("Seen alone")
                        missingName: qsTr("Not seen alone")
                        onPartClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                    FigureTable {
                        visible: page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        labelTitle: page.scopeTitle
                        tableName: qsTr("Seen alone")
                        columns: [{ title: qsTr("Seen alone"), role: "seenAlone", figure: "seenAlone" },
                                  { title: qsTr("Not alone"), role: "notSeenAlone", figure: "notSeenAlone" },
                                  { title: qsTr("Seen"), role: "seenAloneOf" },
                                  { title: qsTr("Share"), role: "seenAloneText" }]
                        onCellClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                }

                ChartCard {
                    objectName: "chart:reasons"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Why not seen alone")
                    description: qsTr("The team's reasons (regulation 29) when a child was seen but not alone: %n time(s).", "", vm.reasons.total)
                    BarChart {
                        compact: page.narrow
                        visible: !page.showTables
                        Layout.fillWidth: true
                        model: vm.reasons
                        maximum: vm.reasons.maxCount
                        bars: [{ role: "count", figure: "reason", color: "#c98a00", name: qsTr("not alone") }]
                        onBarClicked: (row, figure, title) => page.drill(vm.reasons, row, figure, title)
                    }
                    FigureTable {
                        visible: page.showTables
                        Layout.fillWidth: true
                        model: vm.reasons
                        labelTitle: qsTr("Reason")
                        tableName: qsTr("Why not seen alone")
                        columns: [{ title: qsTr("Times"), role: "count", figure: "reason" },
                                  { title: qsTr("Share"), role: "percent", suffix: "%" }]
                        onCellClicked: (row, figure, title) => page.drill(vm.reasons, row, figure, title)
                    }
                }

                ChartCard {
                    objectName: "chart:views"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Child's views recorded")
                    description: qsTr("Of the children seen, how many had their views written down (green) or not (amber).")
                    ShareChart {
                        compact: page.narrow
                        visible: !page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        numeratorRole: "viewsRecorded"
                        denominatorRole: "viewsRecordedOf"
                        percentRole: "viewsPercent"
                        textRole: "viewsText"
                        countedFigure: "viewsRecorded"
                        missingFigure: "viewsMissing"
                        countedName: qsTr("Views recorded")
                        missingName: qsTr("No views recorded")
                        onPartClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                    FigureTable {
                        visible: page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        labelTitle: page.scopeTitle
                        tableName: qsTr("Child's views recorded")
                        columns: [{ title: qsTr("Views recorded"), role: "viewsRecorded", figure: "viewsRecorded" },
                                  { title: qsTr("Seen"), role: "viewsRecordedOf", figure: "viewsMissing" },
                                  { title: qsTr("Share"), role: "viewsText" }]
                        onCellClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                }

                ChartCard {
                    objectName: "chart:recordedInTime"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Recorded in time")
                    description: qsTr("Of the visits submitted, how many within %n working day(s) of the visit (green) or later (amber).", "", vm.recordingStandardDays)
                    ShareChart {
                        compact: page.narrow
                        visible: !page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        numeratorRole: "recordedInTime"
                        denominatorRole: "recordedInTimeOf"
                        percentRole: "recordedInTimePercent"
                        textRole: "recordedInTimeText"
                        countedFigure: "recordedInTime"
                        missingFigure: "recordedLate"
                        countedName: qsTr("Recorded in time")
                        missingName: qsTr("Recorded late")
                        onPartClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                    FigureTable {
                        visible: page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        labelTitle: page.scopeTitle
                        tableName: qsTr("Recorded in time")
                        columns: [{ title: qsTr("In time"), role: "recordedInTime", figure: "recordedInTime" },
                                  { title: qsTr("Submitted"), role: "recordedInTimeOf", figure: "recordedLate" },
                                  { title: qsTr("Share"), role: "recordedInTimeText" }]
                        onCellClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                }

                ChartCard {
                    objectName: "chart:durations"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Time to submit and to decide")
                    description: qsTr("Median working days from the visit to its submission (blue) and from submission to the manager's decision (purple).")
                    BarChart {
                        compact: page.narrow
                        visible: !page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        maximum: page.figures.maxMedianDays
                        bars: [{ role: "visitToSubmissionMedian", figure: "visitToSubmission", color: Theme.accent, name: qsTr("working days to submit"), days: true },
                               { role: "submissionToDecisionMedian", figure: "submissionToDecision", color: "#6b4fa0", name: qsTr("working days to decide"), days: true }]
                        onBarClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                    FigureTable {
                        visible: page.showTables
                        Layout.fillWidth: true
                        model: page.figures
                        labelTitle: page.scopeTitle
                        tableName: qsTr("Time to submit and to decide")
                        columns: [{ title: qsTr("Visit to submission"), role: "visitToSubmissionText", figure: "visitToSubmission" },
                                  { title: qsTr("Recorded in time"), role: "recordedInTimeText", figure: "recordedInTime" },
                                  { title: qsTr("Submission to decision"), role: "submissionToDecisionText", figure: "submissionToDecision" }]
                        onCellClicked: (row, figure, title) => page.drill(page.figures, row, figure, title)
                    }
                }
            }
        }
    }

    // The children behind a figure; each opens the child's page.
    Popup {
        id: drillPopup
        objectName: "drillDown"
        parent: Overlay.overlay
        modal: true
        focus: true
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 720)
        height: Math.min(page.height - 2 * Theme.margin, drillColumn.implicitHeight + 2 * padding)
        padding: Theme.margin
        onClosed: vm.clearDrillDown()
        background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }
        contentItem: ColumnLayout {
            id: drillColumn
            spacing: Theme.spacing
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: vm.drillDownTitle
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Button {
                    text: qsTr("Close")
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Close the list of children")
                    onClicked: drillPopup.close()
                }
            }
            Label {
                text: qsTr("%n child(ren)", "", vm.drillDown.count)
                color: Theme.muted
            }
            ListView {
                id: drillList
                objectName: "drillDownList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: contentHeight
                clip: true
                spacing: 4
                model: vm.drillDown
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    id: childRow
                    required property string childId
                    required property string name
                    required property string legalStatusText
                    required property string workerName
                    width: ListView.view.width
                    height: Math.max(Theme.touch, childText.implicitHeight + 16)
                    Accessible.name: qsTr("%1, %2, allocated to %3; open").arg(name).arg(legalStatusText).arg(workerName)
                    onClicked: page.openChild(childId)
                    background: Rectangle {
                        radius: 4
                        color: childRow.down ? Theme.infoSoft : Theme.background
                    }
                    contentItem: ColumnLayout {
                        id: childText
                        spacing: 0
                        Label { text: childRow.name; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label {
                            text: childRow.legalStatusText + " · " + childRow.workerName
                            font.pixelSize: Theme.small
                            color: Theme.muted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: drillList.count === 0
                    text: qsTr("No children behind this figure.")
                    color: Theme.muted
                }
            }
        }
    }

    // Personal data leaves the encrypted store: say so before writing anything.
    Dialog {
        id: exportWarning
        objectName: "exportWarning"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 640)
        modal: true
        title: qsTr("Export personal data?")
        contentItem: ColumnLayout {
            spacing: Theme.spacing
            Label {
                text: qsTr("The CSV lists every child of your team with their name, legal status, worker and visit dates. It is an ordinary file: it is not encrypted and the app's PIN does not protect it.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("It will be saved in %1. Share it only through your council's secure channels and delete it when you no longer need it. The export is recorded in the audit trail.").arg(exports.outputDir)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Cancel the export")
            }
            Button {
                objectName: "confirmExport"
                text: qsTr("Export")
                highlighted: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Export the CSV file")
            }
        }
        onAccepted: exports.exportVisitsCsv()
    }

    Dialog {
        id: savedDialog
        objectName: "exportSaved"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 640)
        modal: true
        title: exports.lastPath.length > 0 ? qsTr("Export saved") : qsTr("Export failed")
        standardButtons: Dialog.Ok
        contentItem: ColumnLayout {
            Label {
                text: exports.lastPath.length > 0 ? qsTr("Saved as %1").arg(exports.lastPath) : exports.errorString
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            Label {
                visible: exports.lastPath.length > 0 && exports.errorString.length > 0
                text: exports.errorString
                color: Theme.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
