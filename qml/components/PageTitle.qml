// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A page's title beside its back button. It wraps by word; a word longer than the room left (a
// phone at a large text size) shrinks the title rather than breaking in two.
Label {
    font.pixelSize: Theme.heading
    font.bold: true
    wrapMode: Text.WordWrap
    fontSizeMode: Text.HorizontalFit
    minimumPixelSize: Theme.body
    Layout.fillWidth: true
    // Text reckons its implicit height at the unshrunk size, which can be lines taller.
    Layout.preferredHeight: contentHeight
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
