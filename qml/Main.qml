// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("Doorstep")
    color: Theme.background
    font.pixelSize: Theme.body
    // The Basic style, coloured here: it renders the same on every GPU and in offscreen grabs.
    palette.window: Theme.background
    palette.base: Theme.surface
    palette.text: Theme.text
    palette.windowText: Theme.text
    palette.button: "#e6eaf0"
    palette.buttonText: Theme.text
    palette.dark: Theme.accent
    palette.brightText: "#ffffff"
    palette.highlight: Theme.accent
    // White on the blue highlight: selected text in fields. Drop-down rows are drawn on
    // palette.light instead, so every drop-down is a ChoiceBox, which colours its rows itself.
    palette.highlightedText: "#ffffff"
    palette.mid: "#b8c2cf"
    palette.placeholderText: "#6b7480"

    readonly property bool portrait: height > width
    /** The stack of the unlocked app (null while locked): tests and screenshots navigate it. */
    property StackView stack: null

    /** Opens a page of the unlocked app by name (used by the self-test and the screenshots). */
    function openPage(name, properties) {
        if (!stack)
            return null
        const page = stack.push(Qt.resolvedUrl("pages/" + name + ".qml"), properties || {})
        return page
    }
    function home() {
        if (stack)
            stack.pop(null)
    }

    header: SyncBar {
        visible: AppState.phase === AppState.Unlocked
        onOutboxRequested: window.openPage("OutboxPage")
        onConflictsRequested: window.openPage("ConflictsPage")
        onHomeRequested: window.home()
    }

    Loader {
        id: content
        anchors.fill: parent
        sourceComponent: {
            switch (AppState.phase) {
            case AppState.Starting: return startingComponent
            case AppState.KeyProblem: return keyProblemComponent
            case AppState.SignIn: return firstRunComponent
            case AppState.ChoosePin:
            case AppState.Locked: return pinComponent
            default: return unlockedComponent
            }
        }
    }

    Component {
        id: startingComponent
        Item {
            BusyIndicator {
                anchors.centerIn: parent
                running: true
                Accessible.name: qsTr("Opening your records")
            }
        }
    }

    Component {
        id: keyProblemComponent
        Item {
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.margin, 640)
                spacing: Theme.spacing
                Label {
                    text: qsTr("Your records are locked")
                    font.pixelSize: Theme.heading
                    font.bold: true
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    text: qsTr("Doorstep cannot get the key to this tablet's records from the keychain, so nothing can be opened. Your records are still on the tablet. Please contact your IT service desk.")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    text: AppState.errorString
                    color: Theme.muted
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
            }
        }
    }

    Component {
        id: firstRunComponent
        FirstRunPage {}
    }

    Component {
        id: pinComponent
        PinPage {}
    }

    Component {
        id: unlockedComponent
        StackView {
            id: stackView
            initialItem: CaseloadPage {}
            Component.onCompleted: window.stack = stackView
            Component.onDestruction: window.stack = null
        }
    }

    // While the app is in the background nothing of a record may show (app switcher thumbnails).
    Rectangle {
        anchors.fill: parent
        visible: AppState.contentHidden
        color: Theme.background
        z: 1000
        Label {
            anchors.centerIn: parent
            text: qsTr("Doorstep is locked")
            font.pixelSize: Theme.title
        }
    }
}
