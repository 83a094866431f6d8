// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A month calendar to pick a date by touch, or by keyboard: arrows move a day or a week,
// Page Up / Page Down a month, Home goes to today, Enter or Space picks, Escape closes.
Popup {
    id: popup
    objectName: "datePopup"
    /** The date the field holds ("2026-11-23", or "" when unanswered). */
    property string selected: ""
    /** The day the keyboard is on; its month is the one shown. */
    property string cursor: DateInput.today()
    property string title: ""
    /** The last day that can be picked ("" for no limit): a visit's start, a date of birth. */
    property string latest: ""
    readonly property int cell: Math.max(Theme.touch, Math.round(Theme.body * 2.6))
    signal picked(string isoDate)
    signal cleared()

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.margin
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onAboutToShow: {
        cursor = selected.length > 0 ? selected : DateInput.today()
        grid.forceActiveFocus()
    }
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }

    function move(days) { cursor = DateInput.addDays(cursor, days) }
    function moveMonths(months) { cursor = DateInput.addMonths(cursor, months) }
    function allowed(isoDate) { return latest.length === 0 || isoDate <= latest } // ISO dates sort as text
    function pick(isoDate) {
        if (!allowed(isoDate))
            return
        picked(isoDate)
        close()
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            visible: popup.title.length > 0
            text: popup.title
            font.pixelSize: Theme.body
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.maximumWidth: 7 * popup.cell + 6 * 4
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                text: "‹"
                font.pixelSize: Theme.title
                Layout.preferredWidth: popup.cell
                Layout.preferredHeight: popup.cell
                Accessible.name: qsTr("Previous month")
                onClicked: popup.moveMonths(-1)
            }
            Label {
                text: grid.title
                font.pixelSize: Theme.title
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Button {
                text: "›"
                font.pixelSize: Theme.title
                Layout.preferredWidth: popup.cell
                Layout.preferredHeight: popup.cell
                objectName: "nextMonthButton"
                opacity: enabled ? 1 : 0.35 // the app's palette draws a disabled button like an enabled one
                Accessible.name: qsTr("Next month")
                enabled: popup.allowed(DateInput.addMonths(DateInput.fromParts(grid.year, grid.month, 1), 1))
                onClicked: popup.moveMonths(1)
            }
        }
        DayOfWeekRow {
            locale: grid.locale
            spacing: 4
            Layout.fillWidth: true
            delegate: Label {
                required property string shortName
                required property string longName
                text: shortName
                color: Theme.muted
                font.pixelSize: Theme.small
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                Accessible.name: longName
            }
        }
        MonthGrid {
            id: grid
            objectName: "monthGrid"
            month: DateInput.monthOf(popup.cursor)
            year: DateInput.yearOf(popup.cursor)
            locale: Qt.locale()
            spacing: 4
            focus: true
            activeFocusOnTab: true
            Layout.fillWidth: true
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Calendar, %1").arg(title)
            Accessible.description: qsTr("Arrow keys move between days, Page Up and Page Down between months, Enter picks the day.")
            Keys.onPressed: (event) => {
                switch (event.key) {
                case Qt.Key_Left: popup.move(-1); break
                case Qt.Key_Right: popup.move(1); break
                case Qt.Key_Up: popup.move(-7); break
                case Qt.Key_Down: popup.move(7); break
                case Qt.Key_PageUp: popup.moveMonths(-1); break
                case Qt.Key_PageDown: popup.moveMonths(1); break
                case Qt.Key_Home: popup.cursor = DateInput.today(); break
                case Qt.Key_Return:
                case Qt.Key_Enter:
                case Qt.Key_Space: popup.pick(popup.cursor); break
                default: return
                }
                event.accepted = true
            }
            // No `pragma ComponentBehavior: Bound` in this file: with it, Qt 6.4's MonthGrid warns
            // for every day it fills in ("Cannot set property on internal context").
            delegate: AbstractButton {
                id: day
                required property var model
                readonly property var dayModel: model
                readonly property string iso: DateInput.fromParts(dayModel.year, dayModel.month, dayModel.day)
                readonly property bool inMonth: dayModel.month === grid.month
                readonly property bool chosen: iso === popup.selected
                readonly property bool atCursor: iso === popup.cursor && grid.activeFocus
                enabled: popup.allowed(iso)
                implicitWidth: popup.cell
                implicitHeight: popup.cell
                focusPolicy: Qt.NoFocus
                text: dayModel.day
                font.pixelSize: Theme.body
                Accessible.name: DateInput.longDate(iso) + (dayModel.today ? qsTr(", today") : "") + (chosen ? qsTr(", chosen") : "")
                                 + (enabled ? "" : qsTr(", cannot be chosen"))
                onClicked: popup.pick(iso)
                contentItem: Label {
                    text: day.text
                    font.pixelSize: Theme.body
                    font.bold: day.dayModel.today || day.chosen
                    color: day.chosen ? "#ffffff" : (day.inMonth && day.enabled ? Theme.text : Theme.muted)
                    opacity: !day.enabled ? 0.35 : day.inMonth ? 1 : 0.6
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: width / 2
                    color: day.chosen ? Theme.accent : (day.pressed ? Theme.infoSoft : "transparent")
                    border.width: day.atCursor ? 3 : (day.dayModel.today ? 1 : 0)
                    border.color: day.atCursor ? Theme.text : Theme.accent
                }
            }
        }
        Flow {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.maximumWidth: 7 * popup.cell + 6 * 4
            Button {
                text: qsTr("Today")
                height: Theme.touch
                font.pixelSize: Theme.body
                Accessible.name: qsTr("Pick today")
                onClicked: popup.pick(DateInput.today())
            }
            Button {
                text: qsTr("Clear")
                height: Theme.touch
                font.pixelSize: Theme.body
                flat: true
                Accessible.name: qsTr("Clear the date")
                onClicked: { popup.cleared(); popup.close() }
            }
            Button {
                text: qsTr("Cancel")
                height: Theme.touch
                font.pixelSize: Theme.body
                flat: true
                Accessible.name: qsTr("Close the calendar without changing the date")
                onClicked: popup.close()
            }
        }
    }
}
