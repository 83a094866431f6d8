// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// A submission rule broken at this field, in the rules' own words.
Label {
    property string message: ""
    visible: message.length > 0
    text: "⚠ " + message
    color: Theme.danger
    font.pixelSize: Theme.body
    font.bold: true
    wrapMode: Text.Wrap
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message
}
