// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Horizontal bars, one group per row of the model (a worker, a child or a reason) and one bar
// per entry of `bars`; every bar is a button that lists the children behind it. Drawn with
// Rectangles (no Qt Charts). Narrow or at large text the row's name goes above its bars.
ColumnLayout {
    id: root
    property var model: null
    property real maximum: 1
    /** [{role, figure, color, name, days (bool)}] */
    property var bars: []
    readonly property bool narrow: width < 520 * Theme.textScale
    /** Numbers under the bars, for a phone at a large text size (the page decides, from its width). */
    property bool compact: false
    signal barClicked(int row, string figure, string title)
    spacing: 6

    function valueText(value, bar) {
        if (bar.days)
            return value < 0 ? qsTr("no visits") : qsTr("%1 %2").arg(Math.round(value * 10) / 10).arg(bar.name)
        return qsTr("%1 %2").arg(value).arg(bar.name)
    }

    Repeater {
        model: root.model
        delegate: GridLayout {
            id: group
            required property int index
            required property var model
            Layout.fillWidth: true
            columns: root.narrow ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: 0
            Label {
                text: group.model.label
                wrapMode: Text.Wrap
                font.bold: root.narrow
                Layout.preferredWidth: root.narrow ? root.width : Math.round(root.width * 0.3)
                Layout.alignment: Qt.AlignVCenter
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Repeater {
                    model: root.bars
                    delegate: BarButton {
                        id: bar
                        required property var modelData
                        readonly property real figureValue: group.model[modelData.role]
                        Layout.fillWidth: true
                        textBelow: root.compact
                        value: Math.max(0, figureValue)
                        maximum: root.maximum
                        barColor: modelData.color
                        valueText: root.valueText(figureValue, modelData)
                        text: group.model.label + ": " + valueText
                        onClicked: root.barClicked(group.index, modelData.figure, group.model.label + " — " + modelData.name)
                    }
                }
            }
            Rectangle {
                visible: group.index < root.model.count - 1
                Layout.columnSpan: root.narrow ? 1 : 2
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.border
            }
        }
    }
    Label {
        visible: !root.model || root.model.count === 0
        text: qsTr("Nothing to show yet.")
        color: Theme.muted
    }
}
