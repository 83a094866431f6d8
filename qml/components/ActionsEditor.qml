// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// SMART actions: what, who, by when (and, on a plan, where each stands).
ColumnLayout {
    id: root
    required property RecordForm form
    // Where the list is in the record: a visit's "actions", a child's "plan.actions".
    property string listPath: "actions"
    // A plan's actions are kept and marked done or cancelled; a visit's are agreed on the day.
    property bool showStatus: false
    readonly property int count: form.count(listPath, form.revision)
    spacing: Theme.spacing

    Repeater {
        model: root.count
        delegate: Rectangle {
            id: actionCard
            required property int index
            readonly property string base: root.listPath + "[" + index + "]"
            Layout.fillWidth: true
            implicitHeight: grid.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            GridLayout {
                id: grid
                anchors.fill: parent
                anchors.margins: Theme.spacing
                columns: root.width < 700 || Theme.textScale >= 1.5 ? 1 : (root.showStatus && root.width < 900 ? 2 : 3)
                columnSpacing: Theme.spacing
                LabeledField {
                    form: root.form
                    path: actionCard.base + ".what"
                    label: qsTr("What will be done")
                    required: true
                    Layout.fillWidth: true
                    Layout.columnSpan: grid.columns
                }
                LabeledField {
                    form: root.form
                    path: actionCard.base + ".owner"
                    label: qsTr("Who")
                    required: true
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                DateField {
                    form: root.form
                    path: actionCard.base + ".due"
                    label: qsTr("By when")
                    required: true
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                ReasonPicker {
                    visible: root.showStatus
                    form: root.form
                    path: actionCard.base + ".status"
                    label: qsTr("Where it stands")
                    options: Labels.actionStatuses()
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                Button {
                    objectName: "removeActionButton"
                    text: qsTr("Remove")
                    flat: true
                    Layout.minimumHeight: Theme.touch
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: grid.columns > 1 ? Theme.body + 8 : 0
                    Accessible.name: qsTr("Remove action %1").arg(actionCard.index + 1)
                    // An action with nothing in it yet goes at once; one with words asks first.
                    onClicked: root.form.hasContent(actionCard.base, root.form.version) ? confirm.open()
                                                                                         : root.form.removeAction(actionCard.index, root.listPath)
                }
            }

            // Asked when the action has words in it: they go with it.
            property alias confirmRemove: confirm
            ConfirmRemove {
                id: confirm
                question: qsTr("Remove action %1?").arg(actionCard.index + 1)
                consequence: qsTr("What is written about this action will be removed from the record.")
                keepName: qsTr("Keep the action")
                removeName: qsTr("Remove the action")
                onConfirmed: root.form.removeAction(actionCard.index, root.listPath)
            }
        }
    }
    Button {
        text: qsTr("Add an action")
        icon.name: "list-add"
        Layout.minimumHeight: Theme.touch
        Accessible.name: text
        onClicked: root.form.addAction(root.listPath)
    }
}
