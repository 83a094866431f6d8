// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// "Edit" on a conflict, with the same kind of control as the form: a text to merge, yes / no,
// a choice, a date (and time), or a list built item by item from both sides. What is chosen goes
// to ConflictModel, which saves it and queues it for the service.
ColumnLayout {
    id: root
    required property ConflictModel model
    required property int row
    required property string kind
    required property string fieldLabel
    required property var options
    required property var mineValue
    required property var theirsValue
    required property string merged
    required property var listGroups
    /** The yes/no, choice or date picked so far (starts at this tablet's value). */
    property var pending: mineValue
    property var listChoice: listGroups.map(g => g.defaultKey)
    property string problem: ""
    signal done()
    spacing: Theme.spacing

    function save() {
        let ok = true
        if (kind === "text")
            model.useEdited(row, textEdit.text)
        else if (kind === "list")
            ok = model.useListItems(row, listChoice)
        else
            ok = model.useValue(row, pending === undefined ? null : pending)
        problem = ok ? "" : qsTr("That value does not fit this field. Choose again.")
        if (ok)
            done()
    }

    Label {
        text: root.kind === "text" ? qsTr("Write the text to keep. It starts with both versions; remove what should not stay.")
            : root.kind === "list" ? qsTr("Choose what to keep of each item. Items only on one side can be kept or left out.")
            : qsTr("Choose the value to keep.")
        color: Theme.muted
        font.pixelSize: Theme.small
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // Text: both versions, to be merged by hand.
    TextArea {
        id: textEdit
        objectName: "mergeText"
        visible: root.kind === "text"
        text: root.merged
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.body
        Layout.fillWidth: true
        Layout.minimumHeight: Math.max(Theme.touch * 3, implicitHeight)
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Accessible.name: qsTr("Combined text for %1").arg(root.fieldLabel)
        Keys.onTabPressed: (event) => { nextItemInFocusChain().forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
        background: Rectangle {
            color: Theme.surface
            radius: 4
            border.width: textEdit.activeFocus ? 2 : 1
            border.color: textEdit.activeFocus ? Theme.accent : Theme.border
        }
    }

    // Yes / no, as in the form.
    RowLayout {
        visible: root.kind === "yesno"
        spacing: Theme.spacing
        Repeater {
            model: [{ text: qsTr("Yes"), value: true }, { text: qsTr("No"), value: false }]
            delegate: Button {
                required property var modelData
                text: modelData.text
                checkable: true
                checked: root.pending === modelData.value
                highlighted: checked
                font.pixelSize: Theme.body
                Layout.minimumHeight: Theme.touch
                Layout.minimumWidth: 96
                Accessible.name: qsTr("%1: %2").arg(root.fieldLabel).arg(modelData.text)
                onClicked: root.pending = modelData.value
            }
        }
    }

    // One of the form's options.
    ChoiceBox {
        id: choice
        visible: root.kind === "choice"
        model: [{ value: "", text: qsTr("Choose…") }].concat(root.options || [])
        textRole: "text"
        valueRole: "value"
        currentIndex: Math.max(0, indexOfValue(root.pending || ""))
        font.pixelSize: Theme.body
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touch
        Accessible.name: root.fieldLabel
        onActivated: root.pending = currentValue
    }

    // A date, or a date and time.
    DateField {
        visible: root.kind === "date" || root.kind === "datetime"
        label: root.fieldLabel
        withTime: root.kind === "datetime"
        externalValue: typeof root.pending === "string" ? root.pending : ""
        Layout.fillWidth: true
        onCommitted: (value) => root.pending = value
    }

    // A list: each item of either side, kept in one version or left out.
    Repeater {
        model: root.kind === "list" ? root.listGroups : []
        delegate: Rectangle {
            id: groupBox
            required property var modelData
            required property int index
            Layout.fillWidth: true
            implicitHeight: groupCol.implicitHeight + 2 * Theme.spacing
            radius: 4
            color: Theme.background
            border.color: Theme.border
            ColumnLayout {
                id: groupCol
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4
                Label {
                    text: groupBox.modelData.note
                    color: Theme.muted
                    font.pixelSize: Theme.small
                    font.bold: true
                }
                Repeater {
                    model: groupBox.modelData.choices.concat([{ key: "", label: qsTr("Leave out"), text: "" }])
                    delegate: RadioButton {
                        id: radio
                        required property var modelData
                        text: radio.modelData.text.length > 0 ? radio.modelData.label + ": " + radio.modelData.text : radio.modelData.label
                        checked: root.listChoice[groupBox.index] === radio.modelData.key
                        font.pixelSize: Theme.body
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: text
                        contentItem: IndicatorLabel { control: radio }
                        onClicked: {
                            const next = root.listChoice.slice()
                            next[groupBox.index] = radio.modelData.key
                            root.listChoice = next
                        }
                    }
                }
            }
        }
    }

    FieldError { message: root.problem; Layout.fillWidth: true }
    Flow {
        spacing: Theme.spacing
        Layout.fillWidth: true
        Button {
            objectName: "saveEdit"
            text: root.kind === "text" ? qsTr("Save combined text") : root.kind === "list" ? qsTr("Save this list") : qsTr("Save this value")
            highlighted: true
            height: Theme.touch
            font.pixelSize: Theme.body
            Accessible.name: text
            onClicked: root.save()
        }
        Button {
            text: qsTr("Cancel")
            flat: true
            height: Theme.touch
            font.pixelSize: Theme.body
            Accessible.name: qsTr("Stop editing; nothing is changed")
            onClicked: root.done()
        }
    }
}
