// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// A radio button for a Flow: never wider than the row, its words wrapping beside the indicator
// (a plain RadioButton keeps its one-line width and runs off a phone's screen at a large text size).
RadioButton {
    id: toggle
    width: parent ? Math.min(implicitWidth, parent.width) : implicitWidth
    height: Math.max(Theme.touch, implicitHeight)
    Accessible.name: text
    contentItem: IndicatorLabel { control: toggle }
}
