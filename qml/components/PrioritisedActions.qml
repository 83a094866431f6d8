// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Supervision actions: a priority (1 to 3), what, who and by when — each violation from the
// supervision rules under its own field.
ColumnLayout {
    id: root
    required property RecordForm form
    readonly property int count: form.count("actions", form.revision)
    readonly property bool narrow: width < 700 * Theme.textScale
    spacing: Theme.spacing

    FieldError {
        objectName: "fieldError:actions"
        message: root.form.errors["actions"] || ""
        Layout.fillWidth: true
    }
    Repeater {
        model: root.count
        delegate: Rectangle {
            id: actionCard
            required property int index
            readonly property string base: "actions[" + index + "]"
            readonly property var priority: root.form.value(base + ".priority", root.form.version)
            objectName: "supervisionAction:" + index
            Layout.fillWidth: true
            implicitHeight: grid.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: (root.form.errors[base + ".priority"] || "") !== "" ? Theme.danger : Theme.border
            GridLayout {
                id: grid
                anchors.fill: parent
                anchors.margins: Theme.spacing
                columns: root.narrow ? 1 : 3
                columnSpacing: Theme.spacing
                ColumnLayout {
                    spacing: 4
                    Layout.columnSpan: root.narrow ? 1 : 3
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Priority *")
                        font.bold: true
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Repeater {
                            model: [{ value: 1, text: qsTr("1 · Urgent") },
                                    { value: 2, text: qsTr("2 · High") },
                                    { value: 3, text: qsTr("3 · Routine") }]
                            delegate: Button {
                                required property var modelData
                                objectName: "priority:" + actionCard.index + ":" + modelData.value
                                text: modelData.text
                                checkable: true
                                checked: actionCard.priority === modelData.value
                                highlighted: checked
                                height: Theme.touch
                                font.pixelSize: Theme.body
                                Accessible.name: qsTr("Action %1 priority: %2").arg(actionCard.index + 1).arg(modelData.text)
                                onClicked: root.form.setValue(actionCard.base + ".priority", modelData.value)
                            }
                        }
                    }
                    FieldError {
                        objectName: "fieldError:" + actionCard.base + ".priority"
                        message: root.form.errors[actionCard.base + ".priority"] || ""
                        Layout.fillWidth: true
                    }
                }
                LabeledField {
                    form: root.form
                    path: actionCard.base + ".what"
                    label: qsTr("What will be done")
                    required: true
                    Layout.fillWidth: true
                    Layout.columnSpan: root.narrow ? 1 : 3
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
                Button {
                    objectName: "removeActionButton"
                    text: qsTr("Remove")
                    flat: true
                    Layout.minimumHeight: Theme.touch
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Remove action %1").arg(actionCard.index + 1)
                    // An action with nothing in it yet goes at once; one with words asks first.
                    onClicked: root.form.hasContent(actionCard.base, root.form.version) ? confirm.open()
                                                                                         : root.form.removeAction(actionCard.index)
                }
            }

            // Asked when the action has words in it: they go with it.
            property alias confirmRemove: confirm
            ConfirmRemove {
                id: confirm
                question: qsTr("Remove action %1?").arg(actionCard.index + 1)
                consequence: qsTr("What is written about this action will be removed from the supervision record.")
                keepName: qsTr("Keep the action")
                removeName: qsTr("Remove the action")
                onConfirmed: root.form.removeAction(actionCard.index)
            }
        }
    }
    Button {
        objectName: "addSupervisionAction"
        text: qsTr("Add an action")
        Layout.minimumHeight: Theme.touch
        Accessible.name: qsTr("Add a prioritised action")
        onClicked: root.form.addAction()
    }
}
