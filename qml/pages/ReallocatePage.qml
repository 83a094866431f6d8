// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A manager moves a child of the team to another worker, with the reason (ReallocationForm). The
// service makes the move; the tablet then syncs, and the new worker's tablet receives the child.
Page {
    id: page
    objectName: "reallocatePage"
    property string childId: ""
    property alias form: reallocation
    background: Rectangle { color: Theme.background }

    ReallocationForm {
        id: reallocation
        store: AppState.store
        managerSync: AppState.managerSync
        childId: page.childId
        onReallocated: {
            AppState.syncNow()
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
                Accessible.name: qsTr("Back without reallocating")
                onClicked: page.StackView.view.pop()
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label {
                    text: qsTr("Reallocate %1").arg(reallocation.childName)
                    font.pixelSize: Theme.heading
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Allocated to %1").arg(reallocation.currentWorkerName)
                    color: Theme.muted
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollBar.vertical: ScrollBar {}
        ColumnLayout {
            id: column
            x: Math.max(Theme.margin, (page.width - width) / 2)
            y: Theme.margin
            width: Math.min(page.width - 2 * Theme.margin, 760)
            spacing: Theme.spacing

            Rectangle {
                objectName: "reallocationError"
                visible: reallocation.errorText.length > 0
                Layout.fillWidth: true
                implicitHeight: errorLabel.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.dangerSoft
                border.color: Theme.danger
                Label {
                    id: errorLabel
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: reallocation.errorText
                    color: Theme.danger
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            Label {
                text: qsTr("The new worker receives the child and every record about them at their next sync; the child leaves the current worker's tablet. Work the current worker recorded before now still reaches the child's file for four weeks.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("New worker *"); font.bold: true }
            ChoiceBox {
                id: workerBox
                objectName: "newWorkerPicker"
                visible: reallocation.workers.length > 0
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                textRole: "text"
                valueRole: "value"
                model: reallocation.workers
                displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                currentIndex: indexOfValue(reallocation.workerId)
                Accessible.name: qsTr("New worker: %1").arg(currentIndex < 0 ? qsTr("not chosen") : currentText)
                onActivated: reallocation.workerId = currentValue
            }
            Label {
                objectName: "noWorkersNote"
                visible: reallocation.workers.length === 0
                text: qsTr("No other worker of your team is known on this tablet yet. Sync, then try again.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FieldError {
                objectName: "fieldError:worker"
                message: reallocation.workerError
                Layout.fillWidth: true
            }

            Label { text: qsTr("Reason *"); font.bold: true }
            Label {
                text: qsTr("Why the child moves, and why to this worker: kept with your decision in the audit trail.")
                color: Theme.muted
                font.pixelSize: Theme.small
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextArea {
                id: reasonArea
                objectName: "reallocationReason"
                Layout.fillWidth: true
                Layout.minimumHeight: Math.max(Theme.touch * 2, implicitHeight)
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.body
                text: reallocation.reason
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                placeholderText: qsTr("Type here")
                Accessible.name: qsTr("Reason for the reallocation")
                onTextChanged: reallocation.reason = text
                background: Rectangle {
                    color: Theme.surface
                    radius: 4
                    border.width: reasonArea.activeFocus ? 2 : 1
                    border.color: reallocation.reasonError.length > 0 ? Theme.danger : (reasonArea.activeFocus ? Theme.accent : Theme.border)
                }
            }
            FieldError {
                objectName: "fieldError:reason"
                message: reallocation.reasonError
                Layout.fillWidth: true
            }

            Button {
                objectName: "reallocateButton"
                text: reallocation.busy ? qsTr("Reallocating…") : qsTr("Reallocate")
                enabled: !reallocation.busy
                highlighted: true
                Layout.minimumHeight: Theme.touch
                Layout.alignment: Qt.AlignRight
                Accessible.name: qsTr("Reallocate %1").arg(reallocation.childName)
                onClicked: reallocation.submit()
            }
        }
    }
}
