// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// The words of a switch, radio button or check box, wrapping beside its indicator: a control
// with this as its contentItem can be given less than its one-line width.
Label {
    required property Item control
    // Guarded: the bindings also run while the control is being set up and torn down.
    text: control ? control.text : ""
    font: control ? control.font : Qt.application.font
    wrapMode: Text.Wrap
    verticalAlignment: Text.AlignVCenter
    leftPadding: control && control.indicator && !control.mirrored ? control.indicator.width + control.spacing : 0
    rightPadding: control && control.indicator && control.mirrored ? control.indicator.width + control.spacing : 0
}
