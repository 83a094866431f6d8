// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Who is signed in, text size, sync, and signing out. Signing out removes this person's records
// and their key from the tablet, so it is refused while anything is unsent unless the person first
// makes an encrypted rescue copy (AppState.signOut, AppState.exportRescueCopy).
Page {
    id: page
    objectName: "settingsPage"
    background: Rectangle { color: Theme.background }

    Component.onCompleted: { AppState.clearError(); AppState.checkUnsent() }
    Connections {
        target: AppState
        function onRescueCopyFinished(path) {
            if (path.length > 0) {
                passphrase.text = ""
                passphraseAgain.text = ""
            }
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
                Accessible.name: qsTr("Back to the caseload")
                onClicked: page.StackView.view.pop()
            }
            PageTitle {
                text: qsTr("Settings")
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        readonly property KeepInView keepInView: KeepInView { flickable: flick }
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollBar.vertical: ScrollBar {}
        ColumnLayout {
            id: column
            x: Math.max(Theme.margin, (page.width - width) / 2)
            y: Theme.margin
            width: Math.min(page.width - 2 * Theme.margin, 860)
            spacing: Theme.spacing

            SectionHeader { text: qsTr("Signed in"); topPadding: 0 }
            Label {
                text: AppState.displayName.length > 0
                      ? qsTr("%1 (%2)").arg(AppState.displayName).arg(AppState.isManager ? qsTr("manager") : qsTr("worker"))
                      : qsTr("Not signed in to a service (demonstration)")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: AppState.serverUrl.length > 0
                text: qsTr("Service: %1").arg(AppState.serverUrl)
                color: Theme.muted
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }

            SectionHeader { text: qsTr("Text size") }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Repeater {
                    model: [1.0, 1.25, 1.5, 2.0]
                    delegate: Button {
                        required property real modelData
                        objectName: "textScale:" + modelData
                        text: qsTr("%1%").arg(Math.round(modelData * 100))
                        checkable: true
                        checked: Math.abs(AppState.textScale - modelData) < 0.01
                        highlighted: checked
                        height: Theme.touch
                        Accessible.name: qsTr("Text size %1 percent").arg(Math.round(modelData * 100))
                        onClicked: AppState.chooseTextScale(modelData)
                    }
                }
            }

            SectionHeader { text: qsTr("Sync") }
            Label {
                text: AppState.syncStatus
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Sync now")
                enabled: !AppState.syncing
                Layout.minimumHeight: Theme.touch
                Accessible.name: text
                onClicked: AppState.syncNow()
            }

            SectionHeader { text: qsTr("Sign out") }
            Label {
                text: qsTr("Signing out removes your records and their key from this tablet. The next person signs in with their own account; your records stay on the service.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "unsentSummary"
                visible: AppState.unsentCount >= 0
                text: AppState.unsentSummary
                color: AppState.unsentCount > 0 ? Theme.warning : Theme.ok
                font.bold: AppState.unsentCount > 0
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // Unsent work: sync first, or make a rescue copy so nothing is lost.
            Rectangle {
                visible: AppState.unsentCount > 0
                Layout.fillWidth: true
                implicitHeight: rescue.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.warning
                ColumnLayout {
                    id: rescue
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacing
                    Label {
                        text: qsTr("Sync first if you can. If the work cannot reach the service, make a rescue copy: an encrypted file of everything on this tablet that your IT service desk can recover it from, with the passphrase you choose here.")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Passphrase (at least 12 characters: a few words you will remember)")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: passphrase
                        objectName: "rescuePassphrase"
                        echoMode: TextInput.Password
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: qsTr("Rescue copy passphrase")
                    }
                    TextField {
                        id: passphraseAgain
                        objectName: "rescuePassphraseAgain"
                        echoMode: TextInput.Password
                        placeholderText: qsTr("The same passphrase again")
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: qsTr("Rescue copy passphrase, again")
                    }
                    Button {
                        objectName: "rescueCopyButton"
                        text: AppState.busy ? qsTr("Writing the copy…") : qsTr("Make a rescue copy")
                        enabled: !AppState.busy && passphrase.text.length > 0
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: qsTr("Make an encrypted rescue copy")
                        onClicked: AppState.exportRescueCopy(passphrase.text, passphraseAgain.text)
                    }
                    Label {
                        visible: AppState.rescueCopyPath.length > 0
                        text: qsTr("Rescue copy saved as %1. Give the file and the passphrase to your IT service desk separately.").arg(AppState.rescueCopyPath)
                        color: Theme.ok
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                }
            }

            Label {
                visible: AppState.errorString.length > 0
                text: AppState.errorString
                color: Theme.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "signOutButton"
                text: qsTr("Sign out of this tablet")
                enabled: AppState.canSignOut && !AppState.busy && !AppState.syncing
                Layout.minimumHeight: Theme.touch
                Accessible.name: text
                Accessible.description: AppState.canSignOut ? "" : qsTr("Sync or make a rescue copy first")
                onClicked: confirmSignOut.open()
            }
        }
    }

    Dialog {
        id: confirmSignOut
        objectName: "confirmSignOut"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.margin, 560)
        modal: true
        title: qsTr("Sign out?")
        contentItem: Label {
            text: AppState.unsentCount > 0
                  ? qsTr("Your records and their key will be removed from this tablet. Work not yet sent is only in the rescue copy.")
                  : qsTr("Your records and their key will be removed from this tablet. Everything has reached the service.")
            wrapMode: Text.Wrap
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Stay signed in")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: text
            }
            Button {
                objectName: "confirmSignOutButton"
                text: qsTr("Sign out")
                highlighted: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Sign out and remove the records from this tablet")
            }
        }
        onAccepted: AppState.signOut()
    }
}
