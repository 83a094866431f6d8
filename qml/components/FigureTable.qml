// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A chart's numbers as a table: a header, then one row per worker, child or reason with the same
// figures as the bars. Each row's accessible name reads the whole row; a cell with children
// behind it is a button that lists them. Narrow or at large text, each row becomes a small card
// of "column: value" lines, so nothing is cut off.
ColumnLayout {
    id: root
    property var model: null
    property string labelTitle: qsTr("Worker")
    /** [{title, role, figure (optional), suffix (optional)}] */
    property var columns: []
    property string tableName: ""
    readonly property real labelWidth: Math.max(150, width * 0.26)
    readonly property real cellWidth: (width - labelWidth) / Math.max(1, columns.length)
    readonly property bool stacked: cellWidth < 120 * Theme.textScale
    signal cellClicked(int row, string figure, string title)
    spacing: 0
    Accessible.role: Accessible.Table
    Accessible.name: tableName

    function cellText(rowModel, column) {
        const v = rowModel[column.role]
        if (v === undefined || v === null)
            return ""
        return String(v) + (column.suffix || "")
    }

    Rectangle {
        visible: !root.stacked
        Layout.fillWidth: true
        implicitHeight: headerRow.implicitHeight + 12
        color: Theme.infoSoft
        radius: 4
        Accessible.role: Accessible.Row
        Accessible.name: [root.labelTitle].concat(root.columns.map(c => c.title)).join(", ")
        RowLayout {
            id: headerRow
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: 0
            Label {
                text: root.labelTitle
                font.bold: true
                font.pixelSize: Theme.small
                wrapMode: Text.Wrap
                leftPadding: 8
                Layout.preferredWidth: root.labelWidth
                Accessible.role: Accessible.ColumnHeader
                Accessible.name: text
            }
            Repeater {
                model: root.columns
                delegate: Label {
                    required property var modelData
                    text: modelData.title
                    font.bold: true
                    font.pixelSize: Theme.small
                    wrapMode: Text.Wrap
                    leftPadding: 8
                    Layout.preferredWidth: root.cellWidth
                    Accessible.role: Accessible.ColumnHeader
                    Accessible.name: text
                }
            }
        }
    }

    Repeater {
        model: root.model
        delegate: Rectangle {
            id: rowItem
            required property int index
            required property var model
            Layout.fillWidth: true
            implicitHeight: cells.implicitHeight + 4
            color: index % 2 ? Theme.background : Theme.surface
            Accessible.role: Accessible.Row
            Accessible.name: rowItem.model.label + ": "
                             + root.columns.map(c => c.title + " " + root.cellText(rowItem.model, c)).join("; ")
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }
            GridLayout {
                id: cells
                width: parent.width
                columns: root.stacked ? 1 : root.columns.length + 1
                columnSpacing: 0
                rowSpacing: 0
                Label {
                    text: rowItem.model.label
                    font.bold: true
                    wrapMode: Text.Wrap
                    leftPadding: 8
                    topPadding: 6
                    bottomPadding: 6
                    Layout.preferredWidth: root.stacked ? cells.width : root.labelWidth
                    Accessible.role: Accessible.RowHeader
                    Accessible.name: text
                }
                Repeater {
                    model: root.columns
                    delegate: ItemDelegate {
                        id: cell
                        required property var modelData
                        readonly property string value: root.cellText(rowItem.model, modelData)
                        readonly property bool drillable: (modelData.figure || "").length > 0
                        enabled: drillable
                        text: root.stacked ? modelData.title + ": " + value : value
                        font.pixelSize: Theme.body
                        Layout.preferredWidth: root.stacked ? cells.width : root.cellWidth
                        Layout.minimumHeight: Theme.touch
                        Accessible.role: drillable ? Accessible.Button : Accessible.Cell
                        Accessible.name: rowItem.model.label + ", " + modelData.title + ": " + value
                        contentItem: Label {
                            text: cell.text
                            wrapMode: Text.Wrap
                            color: cell.drillable ? Theme.accent : Theme.text
                            font.underline: cell.drillable
                            verticalAlignment: Text.AlignVCenter
                        }
                        background: Rectangle { color: cell.down ? Theme.infoSoft : "transparent" }
                        onClicked: root.cellClicked(rowItem.index, modelData.figure,
                                                    rowItem.model.label + " — " + modelData.title)
                    }
                }
            }
        }
    }
    Label {
        visible: root.model && root.model.count === 0
        text: qsTr("Nothing to show yet.")
        color: Theme.muted
        Layout.topMargin: 8
    }
}
