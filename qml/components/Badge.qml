// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

Rectangle {
    id: badge
    property alias text: label.text
    property color tint: Theme.accent
    property color fill: Theme.infoSoft
    visible: label.text.length > 0
    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    // In a layout a badge never shrinks below its text (large text sizes would overflow it).
    Layout.minimumWidth: implicitWidth
    Layout.maximumWidth: implicitWidth
    radius: height / 2
    color: fill
    border.color: tint
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Label {
        id: label
        anchors.centerIn: parent
        color: badge.tint
        font.pixelSize: Theme.small
        font.bold: true
    }
}
