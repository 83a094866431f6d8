// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import Doorstep

// Every drop-down of the app. The Basic style draws the highlighted row of the list on
// palette.light (palette.midlight while pressed) in palette.highlightedText; the window's white
// highlightedText (right for selected text on the blue highlight) would be white on white there.
// Here the rows follow the app's lists instead: dark text on a soft blue.
ComboBox {
    id: control
    palette.highlightedText: Theme.text
    palette.light: Theme.infoSoft
    palette.midlight: Theme.infoPressed
    // The list's popup takes the window's palette, not this control's: colour its rows too.
    popup.palette.highlightedText: Theme.text
    popup.palette.light: Theme.infoSoft
    popup.palette.midlight: Theme.infoPressed
}
