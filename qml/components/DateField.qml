// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A date (and, with withTime, a time): typed as 23/11/2026 and 14:30, or picked from a calendar
// and two wheels. Bound to a form field (form + path), or standalone (value + committed) where the
// value is not a form's (the conflicts screen). The value is what the record keeps: "2026-11-23",
// or the UTC datetime "2026-11-23T14:30:00Z"; DateInput converts both ways.
ColumnLayout {
    id: root
    objectName: "dateField:" + path
    property RecordForm form: null
    property string path: ""
    property string label: ""
    property bool required: false
    property bool withTime: false
    /** Standalone use: the value shown (a form field's value otherwise). */
    property string externalValue: ""
    readonly property string value: form ? (form.value(path, form.version) || "") : externalValue
    readonly property string error: form ? (form.errors[path] || "") : ""
    property bool badFormat: false
    // The time goes under the date where both do not fit on one line (a phone at a large text size).
    readonly property bool timeBelow: withTime && width < Math.round(Theme.body * 7) + Math.round(Theme.body * 5.5) + 2 * Theme.touch + 24
    property alias dateEdit: dateEdit
    property alias timeEdit: timeEdit
    /** The new value (standalone use; a form field is written directly). */
    signal committed(string value)
    spacing: 4

    function refresh() {
        dateEdit.text = DateInput.dateTextOf(value)
        timeEdit.text = DateInput.timeTextOf(value)
    }
    function store(dateText, timeText) {
        const r = DateInput.combine(dateText, timeText, value, withTime)
        badFormat = !r.ok
        if (!r.ok)
            return
        if (form)
            form.setValue(path, r.value)
        else
            committed(r.value)
        refresh()
    }
    function commit() { store(dateEdit.text, timeEdit.text) }
    Component.onCompleted: refresh()
    onValueChanged: if (!dateEdit.activeFocus && !timeEdit.activeFocus) refresh()

    Label {
        text: root.required || (root.form && root.form.needed[root.path] === true) ? root.label + " *" : root.label
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    GridLayout {
        columns: root.timeBelow ? 2 : 4
        columnSpacing: 8
        rowSpacing: 8
        Layout.fillWidth: true
        TextField {
            id: dateEdit
            objectName: "dateText"
            Layout.fillWidth: true
            Layout.minimumWidth: Math.round(Theme.body * 7)
            Layout.minimumHeight: Theme.touch
            font.pixelSize: Theme.body
            placeholderText: qsTr("DD/MM/YYYY")
            inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
            Accessible.name: root.withTime ? qsTr("%1, date (day/month/year)").arg(root.label) : qsTr("%1 (day/month/year)").arg(root.label)
            onEditingFinished: root.commit()
            background: Rectangle {
                color: Theme.surface
                radius: 4
                border.width: dateEdit.activeFocus ? 2 : 1
                border.color: root.badFormat || root.error.length > 0 ? Theme.danger : (dateEdit.activeFocus ? Theme.accent : Theme.border)
            }
        }
        Button {
            id: calendarButton
            objectName: "calendarButton"
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            Accessible.name: qsTr("Choose %1 from a calendar").arg(root.label)
            onClicked: root.openCalendar()
            // A small calendar drawn in the theme's colours (no icon theme on every tablet).
            contentItem: Item {
                Rectangle {
                    anchors.centerIn: parent
                    width: 22; height: 20; radius: 3
                    color: "transparent"
                    border.color: Theme.accent; border.width: 2
                    Rectangle { x: 0; y: 0; width: parent.width; height: 6; color: Theme.accent; radius: 2 }
                    Grid {
                        x: 4; y: 9; columns: 3; spacing: 3
                        Repeater { model: 6; Rectangle { width: 3; height: 3; color: Theme.accent } }
                    }
                }
            }
        }
        TextField {
            id: timeEdit
            objectName: "timeText"
            visible: root.withTime
            Layout.preferredWidth: Math.round(Theme.body * 5.5)
            Layout.minimumHeight: Theme.touch
            font.pixelSize: Theme.body
            placeholderText: qsTr("HH:MM")
            inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
            Accessible.name: qsTr("%1, time (24-hour clock)").arg(root.label)
            onEditingFinished: root.commit()
            background: Rectangle {
                color: Theme.surface
                radius: 4
                border.width: timeEdit.activeFocus ? 2 : 1
                border.color: root.badFormat ? Theme.danger : (timeEdit.activeFocus ? Theme.accent : Theme.border)
            }
        }
        Button {
            objectName: "clockButton"
            visible: root.withTime
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            Accessible.name: qsTr("Choose the time of %1").arg(root.label)
            onClicked: root.openClock()
            contentItem: Item {
                Rectangle {
                    anchors.centerIn: parent
                    width: 22; height: 22; radius: 11
                    color: "transparent"
                    border.color: Theme.accent; border.width: 2
                    Rectangle { x: 10; y: 4; width: 2; height: 8; color: Theme.accent }
                    Rectangle { x: 10; y: 10; width: 7; height: 2; color: Theme.accent }
                }
            }
        }
    }
    Label {
        // The day in words, so a typed date can be checked at a glance.
        visible: text.length > 0 && !root.badFormat
        text: DateInput.longDate(DateInput.isoDateOf(root.value))
        color: Theme.muted
        font.pixelSize: Theme.small
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    FieldError {
        objectName: "fieldError:" + root.path
        message: root.badFormat ? (root.withTime ? qsTr("Write the date as day/month/year (23/11/2026) and the time as hours:minutes (14:30).")
                                                 : qsTr("Write the date as day/month/year, for example 23/11/2026."))
                                : root.error
        Layout.fillWidth: true
    }
    PromptNote {
        prompt: root.form ? root.form.prompts[root.path] : undefined
        Layout.fillWidth: true
    }

    // The popups are made on first use: a form has many date fields and most are typed or left.
    property DatePopup calendar: null
    property TimePopup clock: null
    function openCalendar() {
        if (!calendar)
            calendar = calendarComponent.createObject(root)
        calendar.selected = DateInput.isoDateOf(value)
        calendar.open()
        return calendar
    }
    function openClock() {
        if (!clock)
            clock = clockComponent.createObject(root)
        clock.time = timeEdit.text
        clock.open()
        return clock
    }
    Component {
        id: calendarComponent
        DatePopup {
            title: root.label
            latest: root.form ? root.form.latestDate(root.path) : ""
            onPicked: (isoDate) => root.store(isoDate, root.timeEdit.text)
            onCleared: root.store("", "")
        }
    }
    Component {
        id: clockComponent
        TimePopup {
            title: root.label
            onPicked: (time) => root.store(root.dateEdit.text, time)
            onNowPicked: root.store(DateInput.today(), Qt.formatTime(new Date(), "HH:mm"))
        }
    }
}
