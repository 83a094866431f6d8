// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Asked before a child is taken off a record (a visit's card, a direct work session): what was
// written about them goes with them. The caller says the words and does the removal.
Popup {
    id: confirm
    objectName: "confirmRemoveChild"
    /** "Remove Ben from this visit?" */
    property string question
    /** What goes with the child. */
    property string consequence
    /** Accessible names of the two buttons. */
    property string keepName: qsTr("Keep the child on the record")
    property string removeName: qsTr("Remove the child")
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
                objectName: "keepChildButton"
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
