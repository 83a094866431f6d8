// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One 100% bar per row of the model: the counted share and the rest, each part a button that
// lists its children.
ColumnLayout {
    id: root
    property var model: null
    property string numeratorRole: ""
    property string denominatorRole: ""
    property string percentRole: ""
    property string textRole: ""
    property string countedFigure: ""
    property string missingFigure: ""
    property string countedName: ""
    property string missingName: ""
    readonly property bool narrow: width < 520 * Theme.textScale
    /** Numbers under the bars, for a phone at a large text size (the page decides, from its width). */
    property bool compact: false
    signal partClicked(int row, string figure, string title)
    spacing: 6

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
            ShareBar {
                Layout.fillWidth: true
                textBelow: root.compact
                numerator: group.model[root.numeratorRole]
                denominator: group.model[root.denominatorRole]
                percent: group.model[root.percentRole]
                valueText: group.model[root.textRole]
                countedName: group.model.label + ", " + root.countedName
                missingName: group.model.label + ", " + root.missingName
                onCountedClicked: root.partClicked(group.index, root.countedFigure, group.model.label + " — " + root.countedName)
                onMissingClicked: root.partClicked(group.index, root.missingFigure, group.model.label + " — " + root.missingName)
            }
        }
    }
    Label {
        visible: !root.model || root.model.count === 0
        text: qsTr("Nothing to show yet.")
        color: Theme.muted
    }
}
