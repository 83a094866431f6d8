// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma Singleton
import QtQuick
import Doorstep

// One place for sizes and colours: touch targets of at least 48 px, text that scales to 200%.
QtObject {
    readonly property real textScale: AppState ? AppState.textScale : 1.0
    readonly property int touch: 48
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 8

    readonly property int small: Math.round(14 * textScale)
    readonly property int body: Math.round(16 * textScale)
    readonly property int title: Math.round(20 * textScale)
    readonly property int heading: Math.round(26 * textScale)

    // A phone, or a tablet at a large text size: too narrow, in unscaled points, for a label and
    // its value or a status and its buttons side by side.
    function isNarrow(width) { return width / textScale < 560 }

    readonly property color background: "#f6f7f9"
    readonly property color surface: "#ffffff"
    readonly property color border: "#d6dae0"
    readonly property color text: "#1b1f24"
    readonly property color muted: "#545c66"
    readonly property color accent: "#1d5fa8"
    readonly property color danger: "#b3261e"
    readonly property color dangerSoft: "#fdecea"
    readonly property color warning: "#8a5a00"
    readonly property color warningSoft: "#fff4d6"
    readonly property color ok: "#1e6b3a"
    readonly property color okSoft: "#e3f3e8"
    readonly property color infoSoft: "#e6eef8"
    readonly property color infoPressed: "#cddcf0"
}
