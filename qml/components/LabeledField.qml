// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A one-line field: text, a local date-time ("2026-03-04 14:30") or a date ("2026-03-04").
ColumnLayout {
    id: root
    required property RecordForm form
    required property string path
    property string label: ""
    property string kind: "text" // text | datetime | date
    property bool required: false
    property bool badFormat: false
    spacing: 4

    function current(stamp) { // stamp: the form revision, so bindings re-read on load
        if (kind === "datetime")
            return form.dateTimeText(path)
        if (kind === "date")
            return form.dateText(path)
        return form.value(path) || ""
    }
    function commit(text) {
        if (kind === "datetime")
            badFormat = !form.setDateTimeText(path, text)
        else if (kind === "date")
            badFormat = !form.setDateText(path, text)
        else
            form.setValue(path, text)
    }

    Label {
        text: root.required || (root.form && root.form.needed[root.path] === true) ? root.label + " *" : root.label
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    TextField {
        id: field
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touch
        font.pixelSize: Theme.body
        text: root.form ? root.current(root.form.revision) : ""
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            | (root.kind === "text" ? Qt.ImhNone : Qt.ImhPreferNumbers)
        placeholderText: root.kind === "datetime" ? qsTr("YYYY-MM-DD HH:MM") : (root.kind === "date" ? qsTr("YYYY-MM-DD") : "")
        Accessible.name: root.label
        onTextChanged: if (activeFocus && root.kind === "text") root.commit(text)
        onEditingFinished: root.commit(text)
    }
    FieldError {
        objectName: "fieldError:" + root.path
        message: root.badFormat ? (root.kind === "date" ? qsTr("Write the date as YYYY-MM-DD.") : qsTr("Write the date and time as YYYY-MM-DD HH:MM."))
                                : (root.form ? root.form.errors[root.path] || "" : "")
        Layout.fillWidth: true
    }
    PromptNote {
        // The form goes first when a page is torn down; its fields may outlive it for a moment.
        prompt: root.form ? root.form.prompts[root.path] : undefined
        Layout.fillWidth: true
    }
}
