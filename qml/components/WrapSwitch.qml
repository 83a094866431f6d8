// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A switch whose label wraps instead of eliding, and which takes the width it is given: in a
// layout a plain Switch keeps its one-line width, which pushes a phone's column off the screen at
// a large text size.
Switch {
    id: toggle
    font.pixelSize: Theme.body
    Layout.minimumHeight: Theme.touch
    Layout.fillWidth: true
    Accessible.name: text
    contentItem: IndicatorLabel { control: toggle }
}
