// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The same field changed here and on the service: before, this tablet and the service side by
// side; keep one, or write the combined text. Narrative is never silently overwritten.
Page {
    id: page
    objectName: "conflictsPage"
    property alias model: conflicts
    background: Rectangle { color: Theme.background }

    ConflictModel {
        id: conflicts
        store: AppState.store
        onResolved: AppState.recordSaved()
    }
    Connections {
        target: AppState
        function onRecordsChanged() { conflicts.reload() }
    }

    header: Rectangle {
        color: Theme.surface
        implicitHeight: top.implicitHeight + 2 * Theme.spacing
        RowLayout {
            id: top
            anchors.fill: parent
            anchors.margins: Theme.spacing
            ToolButton {
                text: qsTr("‹ Back")
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Back")
                onClicked: page.StackView.view.pop()
            }
            PageTitle {
                text: qsTr("Conflicts to resolve")
            }
        }
    }

    ListView {
        id: list
        objectName: "conflictList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin
        clip: true
        readonly property KeepInView keepInView: KeepInView { flickable: list }
        model: conflicts
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: item
            objectName: "conflict:" + field
            required property int index
            required property string field
            required property string recordTitle
            required property string fieldLabel
            required property string base
            required property string mine
            required property string theirs
            required property bool editable
            required property string kind
            required property var options
            required property var mineValue
            required property var theirsValue
            required property string merged
            required property var listGroups
            property bool editing: false
            width: ListView.view.width
            implicitHeight: col.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.warning
            ColumnLayout {
                id: col
                anchors.fill: parent
                anchors.margins: Theme.margin
                spacing: Theme.spacing
                Label {
                    text: qsTr("%1 — %2").arg(item.recordTitle).arg(item.fieldLabel)
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                GridLayout {
                    columns: page.width > 900 ? 3 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    Layout.fillWidth: true
                    Repeater {
                        model: [
                            { heading: qsTr("Before either change"), text: item.base, tint: Theme.muted },
                            { heading: qsTr("On this tablet (mine)"), text: item.mine, tint: Theme.accent },
                            { heading: qsTr("On the service (theirs)"), text: item.theirs, tint: Theme.warning }
                        ]
                        delegate: Rectangle {
                            id: side
                            required property var modelData
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            Layout.alignment: Qt.AlignTop
                            implicitHeight: sideCol.implicitHeight + 2 * Theme.spacing
                            radius: 4
                            color: Theme.background
                            border.color: side.modelData.tint
                            ColumnLayout {
                                id: sideCol
                                anchors.fill: parent
                                anchors.margins: Theme.spacing
                                Label {
                                    text: side.modelData.heading
                                    color: side.modelData.tint
                                    font.bold: true
                                    font.pixelSize: Theme.small
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: side.modelData.text
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                            }
                        }
                    }
                }
                Loader {
                    active: item.editing
                    visible: active
                    Layout.fillWidth: true
                    sourceComponent: ConflictEditor {
                        model: conflicts
                        row: item.index
                        kind: item.kind
                        fieldLabel: item.fieldLabel
                        options: item.options
                        mineValue: item.mineValue
                        theirsValue: item.theirsValue
                        merged: item.merged
                        listGroups: item.listGroups
                        onDone: item.editing = false
                    }
                }
                Flow {
                    visible: !item.editing
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Keep mine")
                        height: Theme.touch
                        Accessible.name: qsTr("Keep the value on this tablet")
                        onClicked: conflicts.keepMine(item.index)
                    }
                    Button {
                        text: qsTr("Keep theirs")
                        height: Theme.touch
                        Accessible.name: qsTr("Keep the value on the service")
                        onClicked: conflicts.keepTheirs(item.index)
                    }
                    Button {
                        objectName: "editConflict"
                        visible: item.kind !== "value"
                        text: item.kind === "text" ? qsTr("Combine…") : qsTr("Edit…")
                        height: Theme.touch
                        Accessible.name: item.kind === "text" ? qsTr("Write a text that combines both") : qsTr("Choose another value for %1").arg(item.fieldLabel)
                        onClicked: item.editing = true
                    }
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No conflicts. Nothing needs your decision.")
            color: Theme.muted
        }
    }
}
