// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// First run (and after too many wrong PINs): the service address, username and password.
Page {
    id: page
    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ColumnLayout {
            id: column
            width: Math.min(page.width - 2 * Theme.margin, 560)
            x: (page.width - width) / 2
            y: Theme.margin * 2
            spacing: Theme.spacing

            Label {
                text: qsTr("Doorstep")
                font.pixelSize: Theme.heading * 1.4
                font.bold: true
                color: Theme.accent
            }
            Label {
                text: qsTr("Sign in to connect this tablet to your council's Doorstep service. You need to be online this once; afterwards you unlock with a PIN, with or without signal.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
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
            Label { text: qsTr("Service address"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            TextField {
                id: server
                objectName: "serverField"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                text: AppState.serverUrl
                placeholderText: qsTr("https://doorstep.example.gov.uk")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Service address")
            }
            Label { text: qsTr("Username"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            TextField {
                id: user
                objectName: "userField"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                text: AppState.userName
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Username")
            }
            Label { text: qsTr("Password"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            TextField {
                id: password
                objectName: "passwordField"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhHiddenText
                Accessible.name: qsTr("Password")
                onAccepted: signInButton.clicked()
            }
            Button {
                id: signInButton
                text: AppState.busy ? qsTr("Signing in…") : qsTr("Sign in")
                enabled: !AppState.busy
                highlighted: true
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Sign in")
                onClicked: {
                    AppState.signIn(server.text, user.text, password.text)
                    password.text = ""
                }
            }
        }
    }
}
