// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A narrative field: label, hint, the text, its violation and its quality prompt.
ColumnLayout {
    id: root
    required property RecordForm form
    required property string path
    property string label: ""
    property string hint: ""
    property bool required: false
    property alias area: area
    spacing: 4

    Label {
        text: root.required || (root.form && root.form.needed[root.path] === true) ? root.label + " *" : root.label
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: root.hint.length > 0
        text: root.hint
        color: Theme.muted
        font.pixelSize: Theme.small
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    TextArea {
        id: area
        Layout.fillWidth: true
        Layout.minimumHeight: Math.max(Theme.touch * 2, implicitHeight)
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.body
        text: root.form.value(root.path, root.form.revision) || ""
        // Record content is sensitive: keep it out of keyboard learning and clipboard suggestions.
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        placeholderText: qsTr("Type here")
        Accessible.name: root.label
        Accessible.description: root.hint
        Keys.onTabPressed: (event) => { nextItemInFocusChain().forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
        onTextChanged: if (activeFocus) root.form.setValue(root.path, text)
        onEditingFinished: root.form.setValue(root.path, text)
        background: Rectangle {
            color: Theme.surface
            radius: 4
            border.width: area.activeFocus ? 2 : 1
            border.color: (root.form.errors[root.path] || "") !== "" ? Theme.danger : (area.activeFocus ? Theme.accent : Theme.border)
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
