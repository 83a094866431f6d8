// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A share as a 100% bar: the counted part (e.g. seen alone) filled, the rest hatched in a soft
// colour; each part is a button that lists its children. An empty track says "no visits".
Item {
    id: root
    property int numerator: 0
    property int denominator: 0
    property int percent: -1
    property string valueText: ""
    property string countedName: ""   // "Seen alone" — for the parts' accessible names
    property string missingName: ""   // "Not seen alone"
    property color countedColor: Theme.ok
    property color missingColor: "#f0c36d"
    signal countedClicked()
    signal missingClicked()
    implicitHeight: textBelow ? Theme.touch + valueLabel.height : Theme.touch
    implicitWidth: 200

    /** The number under the track, which then takes the whole width: set by the chart on a phone
     *  at a large text size, where it would not fit beside. (Not decided from the bar's own width:
     *  its height would then change while the chart's layouts place it, a loop.) */
    property bool textBelow: false
    // The same track length on every row, whatever the number's width, so the bars compare.
    readonly property real textReserve: Math.min(width * 0.45, 130 * Theme.textScale)
    readonly property real trackWidth: textBelow ? width : Math.max(40, width - textReserve - 8)

    Rectangle {
        id: track
        y: (Theme.touch - height) / 2
        width: root.trackWidth
        height: Math.round(Theme.touch * 0.5)
        radius: 3
        color: Theme.background
        border.color: Theme.border
    }
    AbstractButton {
        id: counted
        visible: root.denominator > 0 && root.numerator > 0
        x: 0
        height: Theme.touch
        width: root.denominator > 0 ? root.trackWidth * root.numerator / root.denominator : 0
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("%1: %2 of %3").arg(root.countedName).arg(root.numerator).arg(root.denominator)
        onClicked: root.countedClicked()
        background: Item {
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width
                height: track.height
                radius: 3
                color: counted.down || counted.visualFocus ? Qt.darker(root.countedColor, 1.3) : root.countedColor
            }
        }
    }
    AbstractButton {
        id: missing
        visible: root.denominator > 0 && root.numerator < root.denominator
        x: counted.width
        height: Theme.touch
        width: root.trackWidth - counted.width
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("%1: %2 of %3").arg(root.missingName).arg(root.denominator - root.numerator).arg(root.denominator)
        onClicked: root.missingClicked()
        background: Item {
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width
                height: track.height
                radius: 3
                color: missing.down || missing.visualFocus ? Qt.darker(root.missingColor, 1.2) : root.missingColor
            }
        }
    }
    Label {
        id: valueLabel
        x: root.textBelow ? 0 : root.trackWidth + 8
        y: root.textBelow ? Theme.touch : (Theme.touch - height) / 2
        // Beside the track the label keeps its natural one-line width (width left unset: a wrapped
        // or elided label whose width is bound to its implicit width loops); under the track it
        // takes the bar's width and wraps.
        width: root.textBelow ? root.width : undefined
        text: root.valueText
        font.pixelSize: Theme.small
        wrapMode: root.textBelow ? Text.Wrap : Text.NoWrap
    }
}
