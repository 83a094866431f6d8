// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// A button for a Flow: never wider than the Flow, its words wrapping onto a second line instead
// of running off a phone's screen at a large text size.
Button {
    id: control
    width: parent ? Math.min(implicitWidth, parent.width) : implicitWidth
    height: Math.max(Theme.touch, implicitHeight)
    contentItem: Label {
        text: control.text
        font: control.font
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        color: control.highlighted || control.checked ? control.palette.brightText : control.palette.buttonText
    }
}
