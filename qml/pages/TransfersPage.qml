// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Moves between teams (TransfersModel): requests waiting for this team's answer, then this team's
// own, with the other team's answer and its reason. Answering opens TransferAnswerPage; a request
// of this team's still waiting can be withdrawn. The list is fetched whenever the page shows.
Page {
    id: page
    objectName: "transfersPage"
    property alias model: transfers
    background: Rectangle { color: Theme.background }

    TransfersModel {
        id: transfers
        store: AppState.store
        managerSync: AppState.managerSync
    }
    TransferDecisionForm {
        id: withdrawal
        store: AppState.store
        managerSync: AppState.managerSync
    }
    StackView.onActivated: {
        transfers.markSeen() // the answers shown here are no longer news on the caseload
        AppState.managerSync.refreshTransfers()
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
                    text: qsTr("‹ Back")
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Back")
                    onClicked: page.StackView.view.pop()
                }
                PageTitle {
                    text: qsTr("Moves between teams")
                }
            }
            Label {
                objectName: "transfersFetched"
                text: transfers.fetchedText
                color: Theme.muted
                font.pixelSize: Theme.small
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Rectangle {
                objectName: "transfersError"
                visible: withdrawal.errorText.length > 0 || transfers.errorString.length > 0
                Layout.fillWidth: true
                implicitHeight: errorLabel.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.dangerSoft
                border.color: Theme.danger
                Label {
                    id: errorLabel
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: withdrawal.errorText.length > 0 ? withdrawal.errorText : transfers.errorString
                    color: Theme.danger
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
        }
    }

    Label {
        objectName: "noTransfers"
        visible: transfers.count === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 560)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.muted
        text: qsTr("No moves between teams. To ask another team to take a child, open the child and choose Reallocate.")
    }

    ListView {
        id: list
        objectName: "transfersList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        clip: true
        model: transfers
        keyNavigationEnabled: true
        focus: true
        ScrollBar.vertical: ScrollBar {}
        // Each part of the list under its heading (shown on its first row).
        delegate: Column {
            id: entry
            required property int index
            required property string group
            required property bool firstInGroup
            required property string transferId
            required property string childName
            required property string childDetails
            required property string teamText
            required property string heldBy
            required property string requestedText
            required property string reason
            required property string state
            required property string stateText
            required property string decisionReason
            required property bool canAnswer
            required property bool canWithdraw
            width: ListView.view.width
            spacing: 4
            Label {
                objectName: "transferGroupHeading"
                visible: entry.firstInGroup
                width: parent.width
                topPadding: entry.index > 0 ? Theme.spacing : 0
                text: entry.group
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Rectangle {
                id: row
                width: entry.width
                implicitHeight: content.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: entry.canAnswer ? Theme.accent : (entry.state === "declined" ? Theme.danger : Theme.border)
                border.width: entry.canAnswer ? 2 : 1
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2. %3. %4").arg(entry.childName).arg(entry.teamText).arg(entry.stateText).arg(entry.reason)

                ColumnLayout {
                    id: content
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacing
                    spacing: 4
                    Label {
                        text: entry.childName
                        font.pixelSize: Theme.title
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: entry.childDetails
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: entry.heldBy.length > 0 ? qsTr("%1 · held by %2").arg(entry.teamText).arg(entry.heldBy) : entry.teamText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: entry.requestedText
                        color: Theme.muted
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Why: %1").arg(entry.reason)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "transferState"
                        text: entry.stateText
                        font.bold: true
                        color: entry.state === "declined" ? Theme.danger : entry.state === "accepted" ? Theme.ok : Theme.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: entry.decisionReason.length > 0
                        text: qsTr("Their reason: %1").arg(entry.decisionReason)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        visible: entry.canAnswer || entry.canWithdraw
                        Button {
                            objectName: "answerTransferButton"
                            visible: entry.canAnswer
                            text: qsTr("Answer")
                            highlighted: true
                            height: Theme.touch
                            Accessible.name: qsTr("Answer the request to take %1").arg(entry.childName)
                            onClicked: page.StackView.view.push(Qt.resolvedUrl("TransferAnswerPage.qml"), { transfer: transfers.get(entry.index) })
                        }
                        Button {
                            objectName: "withdrawTransferButton"
                            visible: entry.canWithdraw
                            text: withdrawal.busy && withdrawal.transferId === entry.transferId ? qsTr("Withdrawing…") : qsTr("Withdraw")
                            enabled: !withdrawal.busy
                            height: Theme.touch
                            Accessible.name: qsTr("Withdraw the request to move %1").arg(entry.childName)
                            onClicked: {
                                confirmWithdraw.transferId = entry.transferId
                                confirmWithdraw.childName = entry.childName
                                confirmWithdraw.open()
                            }
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: confirmWithdraw
        objectName: "confirmWithdraw"
        property string transferId: ""
        property string childName: ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 560)
        modal: true
        title: qsTr("Withdraw the request?")
        contentItem: Label {
            text: qsTr("The other team will no longer be asked to take %1. The child stays with their worker.").arg(confirmWithdraw.childName)
            wrapMode: Text.Wrap
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Withdraw")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Withdraw the request")
            }
            Button {
                text: qsTr("Keep it")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: qsTr("Keep the request")
            }
        }
        onAccepted: {
            withdrawal.transferId = transferId
            withdrawal.withdraw()
        }
    }
}
