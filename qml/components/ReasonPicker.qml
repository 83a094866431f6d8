// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Picks one of a list of {value, text} options for a field (reasons, visit type, location...).
ColumnLayout {
    objectName: "reasonPicker:" + path
    id: root
    required property RecordForm form
    required property string path
    property string label: ""
    property var options: []
    readonly property string current: form ? form.value(path, form.version) || "" : ""
    spacing: 4

    Label {
        // Marked while the rules still need it for submitting (RecordForm.needed).
        text: root.form && root.form.needed[root.path] === true ? root.label + " *" : root.label
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ChoiceBox {
        id: box
        objectName: "choice:" + root.path
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touch
        font.pixelSize: Theme.body
        readonly property var choices: [{ value: "", text: qsTr("Choose…") }].concat(root.options)
        model: choices
        textRole: "text"
        valueRole: "value"
        // Found in the list itself: indexOfValue() is not re-run once the model is in place, so a
        // value there from the start would show as "Choose…".
        currentIndex: Math.max(0, choices.findIndex(option => option.value === root.current))
        Accessible.name: root.label
        onActivated: root.form.setValue(root.path, currentValue)
    }
    FieldError {
        objectName: "fieldError:" + root.path
        message: root.form ? root.form.errors[root.path] || "" : ""
        Layout.fillWidth: true
    }
    PromptNote {
        // The form goes first when a page is torn down; its fields may outlive it for a moment.
        prompt: root.form ? root.form.prompts[root.path] : undefined
        Layout.fillWidth: true
    }
}
