// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

Label {
    property int step: 0
    font.pixelSize: Theme.title
    font.bold: true
    color: Theme.accent
    topPadding: Theme.spacing
    wrapMode: Text.Wrap
    // Given the column's width, so a long heading wraps; at its one-line width it would widen
    // the whole column on a phone at a large text size.
    Layout.fillWidth: true
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
