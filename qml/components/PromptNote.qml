// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// A quality prompt (not blocking): what an inspector would look for here.
Rectangle {
    id: note
    property var prompt: undefined
    readonly property bool strong: prompt !== undefined && prompt.strong === true
    visible: prompt !== undefined
    implicitHeight: visible ? label.implicitHeight + 16 : 0
    radius: Theme.radius
    color: strong ? Theme.warningSoft : Theme.infoSoft
    border.color: strong ? Theme.warning : "transparent"
    Label {
        id: label
        anchors.fill: parent
        anchors.margins: 8
        text: note.prompt ? (note.strong ? qsTr("Important: %1") : qsTr("Tip: %1")).arg(note.prompt.message) : ""
        color: note.strong ? Theme.warning : Theme.text
        font.pixelSize: Theme.small
        font.bold: note.strong
        wrapMode: Text.Wrap
        Accessible.name: note.prompt ? qsTr("Prompt: %1").arg(note.prompt.message) : ""
    }
}
