// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

Label {
    property int step: 0
    font.pixelSize: Theme.title
    font.bold: true
    color: Theme.accent
    topPadding: Theme.spacing
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
