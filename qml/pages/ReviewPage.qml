// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A submitted record read in full, read-only, and the manager's decision: approve, or return it to
// the worker; both need the reason, which is kept with the record.
Page {
    id: page
    objectName: "reviewPage"
    property alias recordId: vm.recordId
    property alias userId: vm.userId
    property alias viewModel: vm
    property alias flickable: recordView
    /** When false the page stays after a decision (screenshots); normally it goes back to the queue. */
    property bool closeAfterDecision: true
    readonly property bool wide: width / Theme.textScale > 1000
    /** A phone, or large text: the decision follows the record in one scrolled column, where a
     *  panel fixed below it would leave no room to read the record. */
    readonly property bool narrow: Theme.isNarrow(width)
    background: Rectangle { color: Theme.background }

    ReviewViewModel {
        id: vm
        store: AppState.store
        userId: AppState.userId
        onLoadedChanged: if (found) AppState.managerSync.noteViewed("", recordId)
        onDecided: {
            AppState.recordSaved() // recount, refresh the lists and sync when possible
            if (page.closeAfterDecision && page.StackView.view)
                page.StackView.view.pop()
        }
    }

    // On a phone these scroll with the record rather than take room from it in the header.
    component RecordBadges: Flow {
        spacing: Theme.spacing
        Badge {
            text: vm.safetyConcern ? qsTr("⚠ Safety concern") : ""
            tint: Theme.danger
            fill: Theme.dangerSoft
        }
        Badge {
            text: vm.found ? vm.stateText : ""
            tint: Theme.accent
            fill: Theme.infoSoft
        }
    }
    component Byline: Label {
        text: qsTr("%1 · %2 · by %3 · %4 · version %5").arg(vm.typeText).arg(vm.childNames).arg(vm.authorName)
                  .arg(vm.submittedText).arg(vm.rev)
        color: Theme.muted
        font.pixelSize: Theme.small
        wrapMode: Text.Wrap
    }

    header: Rectangle {
        color: Theme.surface
        implicitHeight: top.implicitHeight + 2 * Theme.spacing
        ColumnLayout {
            id: top
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: 4
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ToolButton {
                    text: qsTr("‹ Queue")
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Back to the approval queue")
                    onClicked: page.StackView.view.pop()
                }
                PageTitle {
                    text: vm.found ? vm.title : (vm.loading ? qsTr("Opening…") : qsTr("Record not found"))
                }
                RecordBadges {
                    visible: !page.narrow
                }
            }
            Byline {
                visible: vm.found && !page.narrow
                Layout.fillWidth: true
            }
        }
    }

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        // The record, read-only.
        Flickable {
            id: recordView
            objectName: "reviewRecord"
            readonly property KeepInView keepInView: KeepInView { flickable: recordView }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: sectionsColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: sectionsColumn
                width: recordView.width - Theme.spacing
                spacing: Theme.spacing
                RecordBadges {
                    visible: page.narrow
                    Layout.fillWidth: true
                }
                Byline {
                    visible: vm.found && page.narrow
                    Layout.fillWidth: true
                }
                // The decision comes after the record here: what became of an earlier one is said
                // first, so a refused approval is not found only at the end.
                Rectangle {
                    objectName: "decisionNotice"
                    visible: page.narrow && vm.decisionStatus.length > 0
                    Layout.fillWidth: true
                    implicitHeight: noticeColumn.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: banner.problem ? Theme.dangerSoft : Theme.okSoft
                    border.color: banner.problem ? Theme.danger : Theme.ok
                    ColumnLayout {
                        id: noticeColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacing
                        spacing: 6
                        Label {
                            text: vm.decisionStatusText
                            font.bold: true
                            color: banner.problem ? Theme.danger : Theme.ok
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        WrapButton {
                            objectName: "goToDecision"
                            text: qsTr("Go to your decision")
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Go to your decision, after the record")
                            onClicked: recordView.contentY = Math.max(0, Math.min(panel.y, recordView.contentHeight - recordView.height))
                        }
                    }
                }
                Repeater {
                    model: vm.sections
                    delegate: Rectangle {
                        id: section
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: sectionItems.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: modelData.alert ? Theme.danger : Theme.border
                        border.width: modelData.alert ? 2 : 1
                        ColumnLayout {
                            id: sectionItems
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: Theme.spacing
                            spacing: 6
                            SectionHeader {
                                text: section.modelData.heading
                                topPadding: 0
                                color: section.modelData.alert ? Theme.danger : Theme.accent
                                Layout.fillWidth: true
                            }
                            Repeater {
                                model: section.modelData.items
                                delegate: GridLayout {
                                    id: field
                                    required property var modelData
                                    Layout.fillWidth: true
                                    columns: page.width / Theme.textScale > 700 ? 2 : 1
                                    columnSpacing: Theme.spacing
                                    rowSpacing: 0
                                    Label {
                                        text: field.modelData.label
                                        color: Theme.muted
                                        font.pixelSize: Theme.small
                                        font.bold: true
                                        wrapMode: Text.Wrap
                                        Layout.preferredWidth: 200
                                        Layout.maximumWidth: 240
                                        Layout.alignment: Qt.AlignTop
                                    }
                                    Label {
                                        text: field.modelData.value
                                        color: field.modelData.alert ? Theme.danger : field.modelData.missing ? Theme.muted : Theme.text
                                        font.italic: field.modelData.missing
                                        font.bold: field.modelData.alert
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                        Layout.alignment: Qt.AlignTop
                                        Accessible.role: Accessible.StaticText
                                        Accessible.name: field.modelData.label + ": " + field.modelData.value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        // The decision.
        Rectangle {
            id: panel
            objectName: "decisionPanel"
            // Appended after the record's sections when narrow (the Repeater keeps its delegates
            // before it), beside or below the record otherwise.
            parent: page.narrow ? sectionsColumn : grid
            Layout.fillWidth: !page.wide
            Layout.preferredWidth: page.wide ? Math.min(420 * Theme.textScale, page.width * 0.4) : -1
            Layout.alignment: Qt.AlignTop
            implicitHeight: decisionColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                id: decisionColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacing
                spacing: Theme.spacing

                Label {
                    text: qsTr("Your decision")
                    font.pixelSize: Theme.title
                    font.bold: true
                    Accessible.role: Accessible.Heading
                    Layout.fillWidth: true
                }

                // What became of an earlier decision on this record.
                Rectangle {
                    id: banner
                    objectName: "decisionBanner"
                    visible: vm.decisionStatus.length > 0
                    Layout.fillWidth: true
                    implicitHeight: bannerColumn.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    readonly property bool problem: vm.decisionStatus === "conflict" || vm.decisionStatus === "refused"
                    color: problem ? Theme.dangerSoft : Theme.okSoft
                    border.color: problem ? Theme.danger : Theme.ok
                    ColumnLayout {
                        id: bannerColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacing
                        spacing: 6
                        Label {
                            text: vm.decisionStatusText
                            font.bold: true
                            color: banner.problem ? Theme.danger : Theme.ok
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "decisionProblem"
                            visible: text.length > 0
                            text: vm.decisionProblem
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: vm.decisionStatus === "pending"
                            text: qsTr("Deciding again replaces it.")
                            font.pixelSize: Theme.small
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            WrapButton {
                                visible: vm.decisionStatus === "conflict"
                                text: qsTr("Show the current version")
                                Accessible.name: qsTr("Show the current version of the record")
                                onClicked: vm.reload()
                            }
                            WrapButton {
                                visible: vm.decisionStatus !== "accepted"
                                text: vm.decisionStatus === "pending" ? qsTr("Cancel queued decision") : qsTr("Dismiss")
                                Accessible.name: vm.decisionStatus === "pending" ? qsTr("Cancel the queued decision")
                                                                                 : qsTr("Dismiss this message without deciding")
                                onClicked: vm.discardDecision()
                            }
                        }
                    }
                }

                Label {
                    text: qsTr("Reason for your decision (required)")
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextArea {
                    id: rationale
                    objectName: "rationaleField"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Math.max(Theme.touch * 2, implicitHeight)
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("What you checked and why")
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    Accessible.name: qsTr("Reason for your decision")
                    text: vm.rationale
                    onTextChanged: if (text !== vm.rationale) vm.rationale = text
                    KeyNavigation.priority: KeyNavigation.BeforeItem
                    KeyNavigation.tab: approveButton
                    background: Rectangle {
                        radius: 4
                        color: Theme.surface
                        border.color: rationale.activeFocus ? Theme.accent : Theme.border
                        border.width: rationale.activeFocus ? 2 : 1
                    }
                }
                Label {
                    visible: vm.errorString.length > 0
                    text: vm.errorString
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: page.wide || page.width / Theme.textScale < 500 ? 1 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    WrapButton {
                        id: approveButton
                        objectName: "approveButton"
                        text: qsTr("Approve")
                        highlighted: true
                        enabled: vm.canApprove
                        opacity: enabled ? 1 : 0.45 // the Basic style barely greys a highlighted button
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: enabled ? qsTr("Approve this record") : qsTr("Approve (not available: %1)").arg(vm.blockedReason)
                        onClicked: vm.approve()
                    }
                    WrapButton {
                        objectName: "returnButton"
                        text: qsTr("Return to the worker")
                        enabled: vm.canReturn
                        opacity: enabled ? 1 : 0.45
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: enabled ? qsTr("Return this record to the worker with your reason")
                                                 : qsTr("Return (not available: %1)").arg(vm.blockedReason)
                        onClicked: vm.returnRecord()
                    }
                }
                // Under the buttons, so they stay where they are when it goes (on the first letter
                // of a reason): a tap aimed at one must not land on empty space.
                Label {
                    objectName: "blockedReason"
                    visible: text.length > 0
                    text: vm.blockedReason
                    color: Theme.warning
                    font.pixelSize: Theme.small
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
