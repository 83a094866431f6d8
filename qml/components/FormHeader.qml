// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The header of a record form: back (the draft is kept), the title and the record's state. On a
// phone the state goes under the title, which then has the row's width to itself.
Rectangle {
    id: root
    property string title
    property string stateText
    signal back()
    readonly property bool narrow: Theme.isNarrow(width)
    color: Theme.surface
    implicitHeight: row.implicitHeight + 2 * Theme.spacing

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        ToolButton {
            text: qsTr("‹ Back")
            Layout.minimumHeight: Theme.touch
            Accessible.name: qsTr("Back; your draft is kept")
            onClicked: root.back()
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            PageTitle {
                text: root.title
            }
            Badge {
                text: root.stateText
                visible: root.narrow && text.length > 0
            }
        }
        Badge {
            text: root.stateText
            visible: !root.narrow && text.length > 0
        }
    }
}
