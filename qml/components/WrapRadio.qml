// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// A radio button for a Flow: never wider than the row, its words wrapping beside the indicator
// (a plain RadioButton keeps its one-line width and runs off a phone's screen at a large text size).
RadioButton {
    id: control
    width: parent ? Math.min(implicitWidth, parent.width) : implicitWidth
    height: Math.max(Theme.touch, implicitHeight)
    Accessible.name: text
    contentItem: Label {
        text: control.text
        font: control.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        leftPadding: control.indicator && !control.mirrored ? control.indicator.width + control.spacing : 0
        rightPadding: control.indicator && control.mirrored ? control.indicator.width + control.spacing : 0
    }
}
