// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Choose a PIN (after signing in) or unlock with it.
Page {
    id: page
    readonly property bool choosing: AppState.phase === AppState.ChoosePin
    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 4 * Theme.margin
        clip: true
        ColumnLayout {
            id: column
            width: Math.min(page.width - 2 * Theme.margin, 420)
            x: (page.width - width) / 2
            y: Math.max(Theme.margin, (page.height - implicitHeight) / 3)
            spacing: Theme.spacing

            Label {
                text: page.choosing ? qsTr("Choose a PIN") : qsTr("Enter your PIN")
                font.pixelSize: Theme.heading
                font.bold: true
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Label {
                text: page.choosing
                      ? qsTr("You will use this PIN to unlock Doorstep on this tablet. Use at least 4 digits, not your date of birth.")
                      : (AppState.displayName.length > 0 ? qsTr("Signed in as %1.").arg(AppState.displayName) : qsTr("Doorstep is locked."))
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: pin
                objectName: "pinField"
                focus: true
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                font.pixelSize: Theme.title
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhHiddenText
                placeholderText: qsTr("PIN")
                Accessible.name: page.choosing ? qsTr("New PIN") : qsTr("PIN")
                onAccepted: page.choosing ? again.forceActiveFocus() : go.clicked()
            }
            TextField {
                id: again
                objectName: "pinAgainField"
                visible: page.choosing
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                font.pixelSize: Theme.title
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhHiddenText
                placeholderText: qsTr("PIN again")
                Accessible.name: qsTr("Repeat the new PIN")
                onAccepted: go.clicked()
            }
            Label {
                visible: AppState.errorString.length > 0
                text: AppState.errorString
                color: Theme.danger
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Button {
                id: go
                objectName: "pinButton"
                text: AppState.busy ? qsTr("Checking…") : (page.choosing ? qsTr("Save PIN") : qsTr("Unlock"))
                enabled: !AppState.busy
                highlighted: true
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                Accessible.name: page.choosing ? qsTr("Save PIN") : qsTr("Unlock")
                onClicked: {
                    if (page.choosing)
                        AppState.choosePin(pin.text, again.text)
                    else
                        AppState.unlock(pin.text)
                    pin.text = ""
                    again.text = ""
                }
            }
        }
    }
}
