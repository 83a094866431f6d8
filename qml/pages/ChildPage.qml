// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One child: profile, plan and the chronology, newest first.
Page {
    id: page
    objectName: "childPage"
    property string childId: ""
    property alias viewModel: vm
    readonly property bool wide: width > 900
    // A phone, or a narrow window at a large text size: one column, labels above their values.
    readonly property bool phone: Theme.isNarrow(width)
    background: Rectangle { color: Theme.background }

    ChildViewModel {
        id: vm
        store: AppState.store
        childId: page.childId
        // Who read this child's file is in the audit trail, on the tablet and at the service.
        onLoadedChanged: if (!loading && name.length > 0) AppState.managerSync.noteViewed(page.childId)
    }
    Connections {
        target: AppState
        function onRecordsChanged() { vm.reload() }
    }

    function openRecord(recordId, type) {
        AppState.managerSync.noteViewed("", recordId)
        page.StackView.view.push(Qt.resolvedUrl(RecordPages.formFor(type)), { recordId: recordId })
    }

    // Managers: the chronology as a PDF, after a warning (a plain file with personal data).
    ManagerExports {
        id: exports
        store: AppState.store
        managerSync: AppState.managerSync
        teamId: AppState.teamId
        generatedBy: AppState.displayName
        onFinished: (path) => {
            if (path.length > 0)
                AppState.syncNow() // the export's audit report goes with the next sync
            pdfSaved.open()
        }
    }
    property alias exporter: exports

    header: Rectangle {
        color: Theme.surface
        implicitHeight: headerRow.implicitHeight + 2 * Theme.spacing
        GridLayout {
            id: headerRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            columns: page.wide ? (AppState.isManager ? 7 : 4) : page.phone ? 1 : 2
            ToolButton {
                text: qsTr("‹ Back")
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Back to the caseload")
                onClicked: page.StackView.view.pop()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                PageTitle {
                    text: vm.name
                }
                // The due date goes under the legal status when both do not fit on one line.
                Flow {
                    id: statusLine
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Label {
                        text: vm.legalStatusText
                        color: Theme.muted
                        width: Math.min(implicitWidth, statusLine.width)
                        wrapMode: Text.Wrap
                    }
                    Badge {
                        wraps: true
                        width: Math.min(implicitWidth, statusLine.width)
                        text: vm.dueText
                        tint: vm.overdue ? Theme.danger : Theme.ok
                        fill: vm.overdue ? Theme.dangerSoft : Theme.okSoft
                    }
                }
            }
            Button {
                objectName: "recordVisitButton"
                Layout.fillWidth: page.phone
                text: qsTr("Record a visit")
                highlighted: true
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Record a visit to %1").arg(vm.name)
                onClicked: page.StackView.view.push(Qt.resolvedUrl("VisitFormPage.qml"), { childIds: [page.childId] })
            }
            Button {
                text: qsTr("Record direct work")
                Layout.fillWidth: page.phone
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Record a direct work session with %1").arg(vm.name)
                onClicked: page.StackView.view.push(Qt.resolvedUrl("DirectWorkPage.qml"), { childIds: [page.childId] })
            }
            Button {
                objectName: "recordSupervisionButton"
                Layout.fillWidth: page.phone
                visible: AppState.isManager
                text: qsTr("Record supervision")
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Record case supervision about %1").arg(vm.name)
                onClicked: page.StackView.view.push(Qt.resolvedUrl("SupervisionFormPage.qml"), { childIds: [page.childId] })
            }
            Button {
                objectName: "chronologyPdfButton"
                Layout.fillWidth: page.phone
                visible: AppState.isManager
                text: exports.busy ? qsTr("Exporting…") : qsTr("Chronology PDF")
                enabled: !exports.busy
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Export %1's chronology as a PDF").arg(vm.name)
                onClicked: pdfWarning.open()
            }
            Button {
                objectName: "reallocateChildButton"
                Layout.fillWidth: page.phone
                visible: AppState.isManager
                text: qsTr("Reallocate")
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Reallocate %1 to another worker").arg(vm.name)
                onClicked: page.StackView.view.push(Qt.resolvedUrl("ReallocatePage.qml"), { childId: page.childId })
            }
        }
    }

    Dialog {
        id: pdfWarning
        objectName: "pdfWarning"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 640)
        modal: true
        title: qsTr("Export personal data?")
        contentItem: ColumnLayout {
            spacing: Theme.spacing
            Label {
                text: qsTr("The PDF holds %1's whole chronology: visits, the child's words, decisions and supervision. It is an ordinary file: it is not encrypted and the app's PIN does not protect it.").arg(vm.name)
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
                Accessible.name: qsTr("Cancel the export")
            }
            Button {
                objectName: "confirmPdfExport"
                text: qsTr("Export")
                highlighted: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Export the PDF file")
            }
        }
        onAccepted: exports.exportChronologyPdf(page.childId)
    }
    Dialog {
        id: pdfSaved
        objectName: "pdfSaved"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 640)
        modal: true
        title: exports.lastPath.length > 0 ? qsTr("Export saved") : qsTr("Export failed")
        standardButtons: Dialog.Ok
        contentItem: Label {
            text: exports.lastPath.length > 0 ? qsTr("Saved as %1").arg(exports.lastPath) + (exports.errorString.length > 0 ? "\n" + exports.errorString : "")
                                              : exports.errorString
            wrapMode: Text.WrapAnywhere
        }
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.margin

        // Profile and plan
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: page.wide
            Layout.preferredWidth: 2
            // Portrait: the profile takes what it needs up to 40%; the chronology gets the rest.
            Layout.preferredHeight: page.wide ? -1 : Math.min(contentHeight, page.height * 0.4)
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing
                SectionHeader { text: qsTr("Profile"); topPadding: 0 }
                // One grid for every row, not a row layout per entry: each row's height is then
                // worked out once from both its cells, so a label never drifts from its value
                // while the page is still being laid out (seen with a RowLayout per row).
                GridLayout {
                    objectName: "profileGrid"
                    columns: page.phone ? 1 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing / 2
                    Layout.fillWidth: true
                    Repeater {
                        // Label, value, label, value, ...: the grid fills its two columns in turn.
                        model: vm.profile.reduce((cells, row) => cells.concat([{ text: row.label, label: true },
                                                                               { text: row.value, label: false }]), [])
                        delegate: Label {
                            required property var modelData
                            text: modelData.text
                            color: modelData.label ? Theme.muted : Theme.text
                            wrapMode: Text.Wrap
                            Layout.alignment: Qt.AlignTop | Qt.AlignLeft
                            readonly property bool labelColumn: modelData.label && !page.phone
                            Layout.preferredWidth: labelColumn ? 180 * Theme.textScale : -1
                            Layout.maximumWidth: labelColumn ? 180 * Theme.textScale : Number.POSITIVE_INFINITY
                            Layout.fillWidth: !labelColumn
                        }
                    }
                }
                SectionHeader { text: qsTr("Plan") }
                Label {
                    text: qsTr("Visits: %1").arg(vm.frequencyText)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "frequencyReason"
                    visible: vm.ownFrequency
                    text: vm.frequencyReason.length > 0 ? qsTr("Why this often: %1").arg(vm.frequencyReason)
                                                        : qsTr("No reason recorded for this visiting frequency.")
                    color: vm.frequencyReason.length > 0 ? Theme.text : Theme.warning
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: vm.contingency.length > 0 ? qsTr("Contingency: %1").arg(vm.contingency) : qsTr("No contingency plan recorded.")
                    color: vm.contingency.length > 0 ? Theme.text : Theme.warning
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: vm.planActions
                    delegate: Label {
                        required property var modelData
                        text: "• " + qsTr("%1 — %2, by %3").arg(modelData.what).arg(modelData.owner).arg(modelData.due)
                              + (modelData.status === "done" ? qsTr(" (done)") : modelData.status === "cancelled" ? qsTr(" (cancelled)") : "")
                        color: modelData.status === "cancelled" ? Theme.muted : Theme.text
                        font.strikeout: modelData.status === "cancelled"
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Repeater {
                    model: vm.planPrompts
                    delegate: PromptNote {
                        required property var modelData
                        prompt: modelData
                        Layout.fillWidth: true
                    }
                }
                WrapButton {
                    objectName: "editPlanButton"
                    text: qsTr("Update plan and profile")
                    // Its words' width where there is room; narrower and wrapping on a phone.
                    Layout.fillWidth: true
                    Layout.maximumWidth: implicitWidth
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Update %1's plan and profile").arg(vm.name)
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("ChildFormPage.qml"), { childId: page.childId })
                }
            }
        }

        // Chronology
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: Theme.spacing
            SectionHeader { text: qsTr("Chronology"); topPadding: 0 }
            ListView {
                id: chronology
                objectName: "chronologyList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 8
                model: vm.chronology
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    id: entry
                    required property string recordId
                    required property string type
                    required property string typeText
                    required property string title
                    required property string state
                    required property string stateText
                    required property string whenText
                    required property string returnReason
                    required property bool isAmendment
                    required property string summary
                    required property bool safetyConcern
                    required property bool unsynced
                    width: ListView.view.width
                    height: Math.max(Theme.touch, body.implicitHeight + 2 * Theme.spacing)
                    enabled: type === "visit" || type === "direct_work" || (type === "supervision" && AppState.isManager)
                    Accessible.name: qsTr("%1, %2, %3").arg(title).arg(whenText).arg(stateText)
                    background: Rectangle {
                        radius: Theme.radius
                        color: entry.down ? Theme.infoSoft : Theme.surface
                        border.color: entry.state === "returned" ? Theme.warning : Theme.border
                    }
                    onClicked: page.openRecord(recordId, type)
                    contentItem: ColumnLayout {
                        id: body
                        spacing: 4
                        RowLayout {
                            spacing: Theme.spacing
                            Layout.fillWidth: true
                            Label {
                                text: entry.title + (entry.isAmendment ? qsTr(" (amendment)") : "")
                                font.bold: true
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Badge {
                                text: entry.stateText
                                tint: entry.state === "returned" ? Theme.warning : entry.state === "approved" ? Theme.ok : Theme.accent
                                fill: entry.state === "returned" ? Theme.warningSoft : entry.state === "approved" ? Theme.okSoft : Theme.infoSoft
                            }
                        }
                        Label {
                            text: entry.whenText + (entry.unsynced ? qsTr(" · not yet sent") : "")
                            color: Theme.muted
                            font.pixelSize: Theme.small
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: entry.safetyConcern
                            text: qsTr("Safety concern raised")
                            color: Theme.danger
                            font.bold: true
                            font.pixelSize: Theme.small
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: entry.summary.length > 0
                            text: entry.summary
                            wrapMode: Text.Wrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: entry.state === "returned" && entry.returnReason.length > 0
                            text: qsTr("Returned: %1").arg(entry.returnReason)
                            color: Theme.warning
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: chronology.count === 0 && !vm.loading
                    text: qsTr("Nothing recorded yet.")
                    color: Theme.muted
                }
            }
        }
    }
}
