// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The receiving manager's answer to a request to take a child (TransferDecisionForm): who the
// child is, who asked and why; then accept, allocating a worker of the team with the reason, or
// decline with the reason. Accepted, the tablet syncs and the child arrives.
Page {
    id: page
    objectName: "transferAnswerPage"
    /** The row of TransfersModel being answered (TransfersModel.get). */
    property var transfer: ({})
    property alias form: decision
    background: Rectangle { color: Theme.background }

    TransferDecisionForm {
        id: decision
        store: AppState.store
        managerSync: AppState.managerSync
        transferId: page.transfer.transferId || ""
        onDecided: function(state) {
            if (state === "accepted")
                AppState.syncNow() // the child and their records arrive
            if (page.StackView.view)
                page.StackView.view.pop()
        }
    }

    header: Rectangle {
        color: Theme.surface
        implicitHeight: titleRow.implicitHeight + 2 * Theme.spacing
        RowLayout {
            id: titleRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            ToolButton {
                text: qsTr("‹ Back")
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Back without answering")
                onClicked: page.StackView.view.pop()
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                PageTitle {
                    text: qsTr("Take %1 into your team?").arg(page.transfer.childName || "")
                }
                Label {
                    text: page.transfer.teamText || ""
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        readonly property KeepInView keepInView: KeepInView { flickable: flick }
        clip: true
        ScrollBar.vertical: ScrollBar {}
        ColumnLayout {
            id: column
            x: Math.max(Theme.margin, (page.width - width) / 2)
            y: Theme.margin
            width: Math.min(page.width - 2 * Theme.margin, 760)
            spacing: Theme.spacing

            Rectangle {
                objectName: "transferAnswerError"
                visible: decision.errorText.length > 0
                Layout.fillWidth: true
                implicitHeight: errorLabel.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.dangerSoft
                border.color: Theme.danger
                Label {
                    id: errorLabel
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: decision.errorText
                    color: Theme.danger
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            // What the asking team said, as they said it.
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: request.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ColumnLayout {
                    id: request
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacing
                    spacing: 4
                    Label {
                        text: page.transfer.childDetails || ""
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: (page.transfer.heldBy || "").length > 0
                        text: qsTr("Held now by %1").arg(page.transfer.heldBy || "")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: page.transfer.requestedText || ""
                        color: Theme.muted
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "transferRequestReason"
                        text: qsTr("Why: %1").arg(page.transfer.reason || "")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            Label {
                text: qsTr("Accepting moves the child and every record about them to your team and to the worker you choose, at their next sync; the child leaves the other team's tablets. Declining leaves the child where they are, and the other team's manager reads your reason.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("Worker, if you accept"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            ChoiceBox {
                objectName: "transferWorkerPicker"
                visible: decision.workers.length > 0
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                textRole: "text"
                valueRole: "value"
                model: decision.workers
                displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                currentIndex: indexOfValue(decision.workerId)
                Accessible.name: qsTr("Worker, if you accept: %1").arg(currentIndex < 0 ? qsTr("not chosen") : currentText)
                onActivated: decision.workerId = currentValue
            }
            Label {
                objectName: "noTransferWorkersNote"
                visible: decision.workers.length === 0
                text: qsTr("No worker of your team is known on this tablet yet. Sync, then try again.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FieldError {
                objectName: "fieldError:worker"
                message: decision.workerError
                Layout.fillWidth: true
            }

            Label { text: qsTr("Reason *"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label {
                text: qsTr("Why you accept, and why this worker; or why you decline. Kept with your decision in the audit trail.")
                color: Theme.muted
                font.pixelSize: Theme.small
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextArea {
                id: reasonArea
                objectName: "transferAnswerReason"
                Layout.fillWidth: true
                Layout.minimumHeight: Math.max(Theme.touch * 2, implicitHeight)
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.body
                text: decision.reason
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                placeholderText: qsTr("Type here")
                Accessible.name: qsTr("Reason for your answer")
                onTextChanged: decision.reason = text
                background: Rectangle {
                    color: Theme.surface
                    radius: 4
                    border.width: reasonArea.activeFocus ? 2 : 1
                    border.color: decision.reasonError.length > 0 ? Theme.danger : (reasonArea.activeFocus ? Theme.accent : Theme.border)
                }
            }
            FieldError {
                objectName: "fieldError:reason"
                message: decision.reasonError
                Layout.fillWidth: true
            }

            Flow {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignRight
                layoutDirection: Qt.RightToLeft
                spacing: Theme.spacing
                Button {
                    objectName: "acceptTransferButton"
                    text: decision.busy ? qsTr("Sending…") : qsTr("Accept and allocate")
                    enabled: !decision.busy
                    highlighted: true
                    height: Theme.touch
                    Accessible.name: qsTr("Accept %1 into your team and allocate the chosen worker").arg(page.transfer.childName || "")
                    onClicked: decision.accept()
                }
                Button {
                    objectName: "declineTransferButton"
                    text: qsTr("Decline")
                    enabled: !decision.busy
                    height: Theme.touch
                    Accessible.name: qsTr("Decline to take %1").arg(page.transfer.childName || "")
                    onClicked: decision.decline()
                }
            }
        }
    }
}
