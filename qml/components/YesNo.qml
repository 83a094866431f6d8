// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A yes / no question with big buttons; unanswered until the worker picks one.
ColumnLayout {
    id: root
    required property RecordForm form
    required property string path
    property string label: ""
    readonly property var answer: form.value(path, form.version)
    spacing: 4

    Label {
        // Marked while the rules still need it for submitting (RecordForm.needed).
        text: root.form && root.form.needed[root.path] === true ? root.label + " *" : root.label
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.spacing
        Button {
            text: qsTr("Yes")
            checkable: true
            checked: root.answer === true
            highlighted: checked
            Layout.minimumHeight: Theme.touch
            Layout.minimumWidth: 96
            font.pixelSize: Theme.body
            Accessible.name: qsTr("%1: yes").arg(root.label)
            onClicked: root.form.setValue(root.path, true)
        }
        Button {
            text: qsTr("No")
            checkable: true
            checked: root.answer === false
            highlighted: checked
            Layout.minimumHeight: Theme.touch
            Layout.minimumWidth: 96
            font.pixelSize: Theme.body
            Accessible.name: qsTr("%1: no").arg(root.label)
            onClicked: root.form.setValue(root.path, false)
        }
    }
    FieldError {
        objectName: "fieldError:" + root.path
        message: root.form.errors[root.path] || ""
        Layout.fillWidth: true
    }
    PromptNote {
        prompt: root.form.prompts[root.path]
        Layout.fillWidth: true
    }
}
