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
    /** In a column that can be narrower than the text (a list row on a narrow screen at a large
     *  text size): the badge narrows to the column and its text wraps. Elsewhere it never shrinks
     *  below its text. */
    property bool wraps: false
    visible: label.text.length > 0
    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.height + 6
    Layout.fillWidth: wraps
    Layout.minimumWidth: wraps ? 0 : implicitWidth
    Layout.maximumWidth: implicitWidth
    radius: Math.min(height / 2, 12)
    color: fill
    border.color: tint
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Label {
        id: label
        x: 8
        width: badge.wraps ? badge.width - 16 : implicitWidth
        anchors.verticalCenter: parent.verticalCenter
        color: badge.tint
        font.pixelSize: Theme.small
        font.bold: true
        wrapMode: badge.wraps ? Text.Wrap : Text.NoWrap
        horizontalAlignment: Text.AlignHCenter
    }
}
