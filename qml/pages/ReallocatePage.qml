// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A manager moves a child of the team to another worker, with the reason (ReallocationForm). The
// service makes the move; the tablet then syncs, and the new worker's tablet receives the child.
// Or asks another team's manager to take the child: the child stays with its worker until they
// accept (TransfersPage lists the answer).
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
        onTransferRequested: {
            if (page.StackView.view)
                page.StackView.view.replace(page, Qt.resolvedUrl("TransfersPage.qml"))
        }
    }
    // The other teams come with the transfers: fetched again on opening (the form reads them again
    // when they arrive).
    Component.onCompleted: AppState.managerSync.refreshTransfers()

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
                PageTitle {
                    text: reallocation.toAnotherTeam ? qsTr("Move %1 to another team").arg(reallocation.childName)
                                                     : qsTr("Reallocate %1").arg(reallocation.childName)
                }
                Label {
                    text: qsTr("Allocated to %1").arg(reallocation.currentWorkerName)
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

            Label { text: qsTr("Move to"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                WrapRadio {
                    objectName: "withinTeamChoice"
                    text: qsTr("Another worker in my team")
                    checked: !reallocation.toAnotherTeam
                    onToggled: if (checked) reallocation.toAnotherTeam = false
                }
                WrapRadio {
                    objectName: "anotherTeamChoice"
                    text: qsTr("Another team")
                    checked: reallocation.toAnotherTeam
                    Accessible.name: qsTr("Another team: its manager accepts or declines")
                    onToggled: if (checked) reallocation.toAnotherTeam = true
                }
            }

            Label {
                visible: !reallocation.toAnotherTeam
                text: qsTr("The new worker receives the child and every record about them at their next sync; the child leaves the current worker's tablet. Work the current worker recorded before now still reaches the child's file for four weeks.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: reallocation.toAnotherTeam
                text: qsTr("The other team's manager reads who the child is and your reason, then accepts and allocates one of their workers, or declines with a reason. Until then %1 stays with %2.").arg(reallocation.childName).arg(reallocation.currentWorkerName)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Rectangle {
                objectName: "openTransferNote"
                visible: reallocation.toAnotherTeam && reallocation.openTransferText.length > 0
                Layout.fillWidth: true
                implicitHeight: openTransferLabel.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.infoSoft
                border.color: Theme.accent
                Label {
                    id: openTransferLabel
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: reallocation.openTransferText
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }

            Label { visible: reallocation.toAnotherTeam; text: qsTr("Team *"); font.bold: true }
            ChoiceBox {
                objectName: "newTeamPicker"
                visible: reallocation.toAnotherTeam && reallocation.teams.length > 0
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                textRole: "text"
                valueRole: "value"
                model: reallocation.teams
                displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                currentIndex: indexOfValue(reallocation.teamId)
                Accessible.name: qsTr("Team: %1").arg(currentIndex < 0 ? qsTr("not chosen") : currentText)
                onActivated: reallocation.teamId = currentValue
            }
            Label {
                objectName: "noTeamsNote"
                visible: reallocation.toAnotherTeam && reallocation.teams.length === 0
                text: qsTr("No other team is known on this tablet yet. Connect to the service, then try again.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FieldError {
                objectName: "fieldError:team"
                message: reallocation.toAnotherTeam ? reallocation.teamError : ""
                Layout.fillWidth: true
            }

            Label { visible: !reallocation.toAnotherTeam; text: qsTr("New worker *"); font.bold: true }
            ChoiceBox {
                id: workerBox
                objectName: "newWorkerPicker"
                visible: !reallocation.toAnotherTeam && reallocation.workers.length > 0
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
                visible: !reallocation.toAnotherTeam && reallocation.workers.length === 0
                text: qsTr("No other worker of your team is known on this tablet yet. Sync, then try again.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FieldError {
                objectName: "fieldError:worker"
                message: reallocation.toAnotherTeam ? "" : reallocation.workerError
                Layout.fillWidth: true
            }

            Label { text: qsTr("Reason *"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label {
                text: reallocation.toAnotherTeam ? qsTr("Why the child should move to that team: its manager reads it, and it is kept in the audit trail.")
                                                 : qsTr("Why the child moves, and why to this worker: kept with your decision in the audit trail.")
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
                Accessible.name: reallocation.toAnotherTeam ? qsTr("Reason for the move to another team") : qsTr("Reason for the reallocation")
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
                text: reallocation.toAnotherTeam ? (reallocation.busy ? qsTr("Asking…") : qsTr("Ask the team"))
                                                 : (reallocation.busy ? qsTr("Reallocating…") : qsTr("Reallocate"))
                enabled: !reallocation.busy
                highlighted: true
                Layout.minimumHeight: Theme.touch
                Layout.alignment: Qt.AlignRight
                Accessible.name: reallocation.toAnotherTeam ? qsTr("Ask the other team to take %1").arg(reallocation.childName)
                                                            : qsTr("Reallocate %1").arg(reallocation.childName)
                onClicked: reallocation.submit()
            }
        }
    }
}
