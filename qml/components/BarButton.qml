// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// One bar of a dashboard chart: its length shows `value` against `maximum`, the number sits
// beside it, and tapping it lists the children behind the figure. At least 48 px tall.
AbstractButton {
    id: root
    property real value: 0
    property real maximum: 1
    property color barColor: Theme.accent
    property string valueText: ""
    /** The number under the bar, whose scale then takes the whole width: set by the chart on a
     *  phone at a large text size, where it would not fit beside. (Not decided from the bar's own
     *  width: its height would then change while the chart's layouts place it, a loop.) */
    property bool textBelow: false
    /** Width kept for the number after the bar. */
    readonly property real textReserve: textBelow ? 0 : Math.min(width * 0.45, valueLabel.implicitWidth + 8)
    implicitHeight: textBelow ? Theme.touch + valueLabel.height : Theme.touch
    implicitWidth: 160
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: text

    background: Rectangle {
        radius: 4
        color: root.down || root.visualFocus ? Theme.infoSoft : "transparent"
        border.width: root.visualFocus ? 2 : 0
        border.color: Theme.accent
    }
    contentItem: Item {
        Rectangle {
            id: bar
            y: (Theme.touch - height) / 2
            height: Math.round(Theme.touch * 0.5)
            radius: 3
            color: root.barColor
            width: root.maximum > 0 && root.value > 0
                   ? Math.max(3, (root.width - root.textReserve) * Math.min(1, root.value / root.maximum)) : 0
        }
        Label {
            id: valueLabel
            x: root.textBelow ? 0 : bar.width + 6
            y: root.textBelow ? Theme.touch : (Theme.touch - height) / 2
            // As in ShareBar: one line at its natural width beside the bar (width left unset, so
            // no loop through the implicit width), the bar's width and wrapped under it.
            width: root.textBelow ? root.width : undefined
            text: root.valueText
            font.pixelSize: Theme.small
            color: Theme.text
            wrapMode: root.textBelow ? Text.Wrap : Text.NoWrap
        }
    }
}
