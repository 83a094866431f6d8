// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The header of a record form: back (the draft is kept), the title and the record's state. Where
// the three do not fit on one line (a phone at a large text size), the state goes under the title,
// which then has the row's width to itself.
Rectangle {
    id: root
    property string title
    property string stateText
    signal back()
    // Measured on the one-line widths, which do not change with the layout: no loop.
    readonly property bool badgeBelow: backButton.implicitWidth + titleLabel.implicitWidth + sideBadge.implicitWidth
                                   + 2 * row.spacing > row.width
    color: Theme.surface
    implicitHeight: row.implicitHeight + 2 * Theme.spacing

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        ToolButton {
            id: backButton
            text: qsTr("‹ Back")
            Layout.minimumHeight: Theme.touch
            Accessible.name: qsTr("Back; your draft is kept")
            onClicked: root.back()
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            PageTitle {
                id: titleLabel
                text: root.title
            }
            Badge {
                text: root.stateText
                visible: root.badgeBelow && text.length > 0
            }
        }
        Badge {
            id: sideBadge
            text: root.stateText
            visible: !root.badgeBelow && text.length > 0
        }
    }
}
