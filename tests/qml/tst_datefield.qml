// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The date field as a worker uses it: typed the UK way, picked on the calendar by touch or by
// keyboard, a time from the wheels; what the form keeps is the wire format.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: standalone
        DateField { label: "Due"; width: 400 }
    }
    Component {
        id: withTime
        DateField { label: "Started"; withTime: true; width: 500 }
    }
    CaseloadModel {
        id: caseload
        store: AppState.store
    }
    Component {
        id: workPage
        DirectWorkPage {}
    }
    Component {
        id: visitPage
        VisitFormPage {}
    }

    TestCase {
        name: "DateField"
        when: windowShown

        function type(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
            keyClick(Qt.Key_Tab)
        }

        function test_typedTheUkWay() {
            const field = createTemporaryObject(standalone, root)
            const spy = signalSpy.createObject(field, { target: field, signalName: "committed" })
            type(field.dateEdit, "1/2/2026")
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "2026-02-01")
            verify(!field.badFormat)
            type(field.dateEdit, "31/02/2026")
            verify(field.badFormat, "an impossible date is refused, with the format shown")
            compare(spy.count, 1)
            const error = findChild(field, "fieldError:")
            verify(error && error.visible && error.message.indexOf("23/11/2026") >= 0)
        }

        function test_calendarByKeyboard() {
            const field = createTemporaryObject(standalone, root, { externalValue: "2026-03-31" })
            const spy = signalSpy.createObject(field, { target: field, signalName: "committed" })
            compare(field.dateEdit.text, "31/03/2026")
            const popup = field.openCalendar()
            tryVerify(() => popup.opened)
            const grid = findChild(popup.contentItem, "monthGrid")
            verify(grid.activeFocus)
            compare(grid.month, 2) // March, counted from 0
            keyClick(Qt.Key_Right) // 1 April: the grid follows into the next month
            compare(grid.month, 3)
            keyClick(Qt.Key_Down)  // a week later
            keyClick(Qt.Key_PageUp) // a month earlier
            keyClick(Qt.Key_Return)
            tryVerify(() => !popup.visible)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "2026-03-08")
        }

        function test_calendarByTouch() {
            const field = createTemporaryObject(standalone, root, { externalValue: "2026-11-10" })
            const spy = signalSpy.createObject(field, { target: field, signalName: "committed" })
            mouseClick(findChild(field, "calendarButton"))
            const popup = field.calendar
            tryVerify(() => popup && popup.opened)
            const grid = findChild(popup.contentItem, "monthGrid")
            // Tap the 20th of the month shown.
            let target = null
            for (let i = 0; i < grid.contentItem.children.length && !target; ++i) {
                const cell = grid.contentItem.children[i]
                if (cell.iso === "2026-11-20")
                    target = cell
            }
            verify(target, "the 20th is on the grid")
            verify(target.width >= 48 && target.height >= 48, "days are touch-sized")
            mouseClick(target)
            tryVerify(() => !popup.visible)
            compare(spy.signalArguments[0][0], "2026-11-20")
        }

        function test_dateAndTimeMakeOneUtcDatetime() {
            const field = createTemporaryObject(withTime, root)
            const spy = signalSpy.createObject(field, { target: field, signalName: "committed" })
            type(field.dateEdit, "23/11/2026")
            // The field's owner keeps what it commits (a form does; here the test does), so the
            // time typed next joins that date, whatever today is.
            field.externalValue = spy.signalArguments[spy.count - 1][0]
            type(field.timeEdit, "1430")
            const value = spy.signalArguments[spy.count - 1][0]
            verify(value.endsWith("Z"), value)
            compare(DateInput.dateTextOf(value), "23/11/2026")
            compare(DateInput.timeTextOf(value), "14:30")
            // The wheels: the time picked replaces the time only.
            field.externalValue = value
            const clock = field.openClock()
            tryVerify(() => clock.opened)
            findChild(clock.contentItem, "hourTumbler").currentIndex = 9
            findChild(clock.contentItem, "minuteTumbler").currentIndex = 5
            clock.picked("09:05")
            const later = spy.signalArguments[spy.count - 1][0]
            compare(DateInput.dateTextOf(later), "23/11/2026")
            compare(DateInput.timeTextOf(later), "09:05")
        }

        function test_formKeepsTheWireFormat() {
            tryVerify(() => caseload.count === 3, 10000)
            const page = createTemporaryObject(workPage, root, { width: root.width, height: root.height, childIds: [caseload.childIdAt(0)] })
            tryVerify(() => page.form.ready, 10000)
            page.form.autosaveMs = 60000
            const field = findChild(page, "dateField:session_date")
            verify(field)
            compare(field.dateEdit.text, DateInput.dateTextOf(page.form.value("session_date")))
            type(field.dateEdit, "5/1/2026")
            compare(page.form.value("session_date"), "2026-01-05")
            const visit = createTemporaryObject(visitPage, root, { width: root.width, height: root.height, childIds: [caseload.childIdAt(1)] })
            tryVerify(() => visit.form.ready, 10000)
            visit.form.autosaveMs = 60000
            const ended = findChild(visit, "dateField:ended_at")
            type(ended.dateEdit, "23/11/2026")
            type(ended.timeEdit, "16:45")
            compare(visit.form.dateTimeText("ended_at"), "2026-11-23 16:45")
        }
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
