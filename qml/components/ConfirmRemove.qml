// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Asked before something written is taken off a record (a child's card on a visit, a child from a
// direct work session, an action): what was written goes with it. The caller says the words and
// does the removal.
Popup {
    id: confirm
    objectName: "confirmRemove"
    /** "Remove Ben from this visit?", "Remove action 2?" */
    property string question
    /** What goes with it. */
    property string consequence
    /** Accessible names of the two buttons. */
    property string keepName: qsTr("Keep it")
    property string removeName: qsTr("Remove it")
    signal confirmed()

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 480, 560)
    padding: Theme.margin
    background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }
    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            text: confirm.question
            font.pixelSize: Theme.title
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: confirm.consequence
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing
            Button {
                objectName: "keepButton"
                text: qsTr("Keep")
                font.pixelSize: Theme.body
                Layout.minimumHeight: Theme.touch
                Accessible.name: confirm.keepName
                onClicked: confirm.close()
            }
            Button {
                objectName: "confirmRemoveButton"
                text: qsTr("Remove")
                highlighted: true
                font.pixelSize: Theme.body
                Layout.minimumHeight: Theme.touch
                Accessible.name: confirm.removeName
                onClicked: { confirm.close(); confirm.confirmed() }
            }
        }
    }
}
