// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The visit form as a worker uses it: submit too early, see each violation at its field, fix it.
Item {
    id: root
    width: 1280
    height: 800

    CaseloadModel {
        id: caseload
        store: AppState.store
    }
    Component {
        id: pageComponent
        VisitFormPage {}
    }

    TestCase {
        name: "VisitForm"
        when: windowShown

        function shownError(page, path) {
            const label = findChild(page, "fieldError:" + path)
            return label && label.visible ? label.message : ""
        }
        function cleanup() {
            AppState.chooseTextScale(1.0)
        }
        function openForm(size) {
            tryVerify(() => caseload.count === 3 && !caseload.loading && caseload.childIdAt(2) !== "", 10000) // settled, not mid-reload
            const page = createTemporaryObject(pageComponent, root, { width: size ? size.width : root.width,
                                                                       height: size ? size.height : root.height,
                                                                       childIds: [caseload.childIdAt(0)] })
            verify(page)
            tryVerify(() => page.form.ready && Object.keys(page.form.childNames).length === 1, 10000)
            page.form.autosaveMs = 60000
            return page
        }

        function test_submitShowsViolationsAtTheirFields() {
            const page = openForm()
            const submit = findChild(page, "submitButton")
            verify(submit)
            mouseClick(submit)
            tryVerify(() => page.form.errorFields.length > 0, 5000)
            verify(page.form.errorFields.indexOf("rationale") >= 0)
            // The focus goes to the first thing listed, so the keyboard and a screen reader land on it.
            tryVerify(() => page.Window.activeFocusItem === findChild(page, "errorLink:" + page.form.errorFields[0]))
            compare(shownError(page, "rationale"), page.form.errors["rationale"])
            verify(shownError(page, "rationale").length > 0, "the rationale's message is shown under it")
            // Typing a rationale clears that message, and only that one.
            const before = page.form.errorFields.length
            page.form.setValue("rationale", "Statutory visit")
            compare(page.form.errorFields.length, before - 1)
            compare(shownError(page, "rationale"), "")
        }

        // Where the visit took place, in words: asked for once a place is chosen, prompted for "other".
        function test_whereExactlyFollowsThePlace() {
            const page = openForm()
            const detail = findChild(page, "locationDetail")
            verify(detail)
            page.form.setValue("location", undefined)
            verify(!detail.visible, "no place chosen, nothing to add to it")
            page.form.setValue("location", "school")
            verify(detail.visible)
            verify(page.form.prompts["location_detail"] === undefined, "a school needs no more words")
            page.form.setValue("location", "other")
            compare(page.form.prompts["location_detail"].code, "location_unsaid")
            page.form.setValue("location_detail", "Family contact centre, Mill Lane")
            verify(page.form.prompts["location_detail"] === undefined)
            compare(page.form.value("location_detail"), "Family contact centre, Mill Lane")
        }

        function test_notSeenAloneAsksForTheRegulation29Reason() {
            const page = openForm()
            page.form.setValue("children[0].seen", true)
            page.form.setValue("children[0].seen_alone", false)
            let picker = null
            tryVerify(() => (picker = findChild(page, "reasonPicker:children[0].not_seen_alone_reason")) !== null, 5000)
            tryVerify(() => picker.visible)
            compare(picker.options.length, 5)
            page.form.submit()
            tryVerify(() => page.form.errors["children[0].not_seen_alone_reason"] !== undefined, 5000)
            compare(shownError(page, "children[0].not_seen_alone_reason"), page.form.errors["children[0].not_seen_alone_reason"])
            // The list at the top says whose card it is (a visit can be about brothers and sisters).
            const name = page.form.childNames[page.form.childIds()[0]].name
            compare(page.form.errorText("children[0].not_seen_alone_reason"),
                    name + ": " + page.form.errors["children[0].not_seen_alone_reason"])
            page.form.setValue("children[0].seen_alone", true)
            tryVerify(() => !picker.visible)
        }

        function test_childNotSeenStillShowsEveryQuestionTheRulesAsk() {
            // Whatever the rules refuse, the worker can see and answer: a child not seen (at school,
            // say) may still have had their bedroom seen on a statutory visit.
            const page = openForm()
            page.form.setValue("children[0].seen", false)
            page.form.submit()
            tryVerify(() => page.form.errorFields.length > 0, 5000)
            verify(page.form.errorFields.indexOf("children[0].bedroom_seen") >= 0, "a statutory visit asks about the bedroom")
            verify(page.form.errorFields.indexOf("children[0].not_seen_reason") >= 0)
            for (const field of page.form.errorFields)
                verify(shownError(page, field).length > 0, field + "'s message is shown where it can be put right")
        }

        function test_qualityPromptWhenAloneWithoutViews() {
            const page = openForm()
            page.form.setValue("children[0].seen", true)
            page.form.setValue("children[0].seen_alone", true)
            const strong = page.form.promptList.filter(p => p.strong)
            verify(strong.length >= 1, "seen alone without the child's views is a strong prompt")
        }

        function test_siblingAddedFromTheCaseloadAndRemoved() {
            const page = openForm()
            findChild(page, "addChildButton").clicked() // below the fold: the button, not a tap
            const picker = findChild(page, "childPicker")
            tryVerify(() => picker.opened)
            const list = findChild(picker.contentItem, "childList")
            tryVerify(() => list.count === 3, 10000)
            // Search narrows the caseload; the child already on the visit cannot be added twice.
            const first = page.form.childNames[page.form.childIds()[0]].name.split(" ")[0]
            findChild(picker.contentItem, "childSearch").text = first
            tryVerify(() => list.count === 1, 10000)
            tryVerify(() => list.itemAtIndex(0) !== null)
            verify(!list.itemAtIndex(0).enabled)
            findChild(picker.contentItem, "childSearch").text = ""
            tryVerify(() => list.count === 3, 10000)
            let other = null
            for (let i = 0; i < list.count && !other; ++i) {
                const row = list.itemAtIndex(i)
                if (row && row.enabled)
                    other = row
            }
            verify(other)
            const otherId = other.childId
            mouseClick(other)
            tryVerify(() => !picker.visible)
            compare(page.form.childIds(), [caseload.childIdAt(0), otherId])
            const cards = findChild(page, "cardRepeater")
            tryCompare(cards, "count", 2)
            // Each card asks its own questions, and each can be taken off again.
            const firstSeen = page.form.value("children[0].seen")
            page.form.setValue("children[1].seen", false)
            compare(page.form.value("children[1].seen"), false)
            compare(page.form.value("children[0].seen"), firstSeen)
            const remove = findChild(page, "removeChild:1")
            verify(remove && remove.visible)
            remove.clicked()
            const card = cards.itemAt(1)
            tryVerify(() => card.confirmRemove && card.confirmRemove.opened)
            mouseClick(findChild(card.confirmRemove.contentItem, "confirmRemoveButton"))
            tryCompare(cards, "count", 1)
            compare(page.form.childIds(), [caseload.childIdAt(0)])
            verify(!findChild(page, "removeChild:0").visible, "the last child stays on the visit")
        }

        function test_actionWithWordsAsksBeforeItGoes() {
            const page = openForm()
            // An empty action goes at once: nothing is lost.
            page.form.addAction()
            compare(page.form.count("actions"), 1)
            verify(!page.form.hasContent("actions[0]"), JSON.stringify(page.form.value("actions[0]")))
            let remove = findChild(page, "removeActionButton")
            tryVerify(() => remove && remove.visible)
            remove.clicked() // below the fold: its handler, as a tap runs it
            compare(page.form.count("actions"), 0)
            // One with words asks first; "Keep" keeps it, "Remove" takes it.
            page.form.addAction()
            page.form.setValue("actions[0].what", "Ring the school about attendance")
            remove = findChild(page, "removeActionButton")
            tryVerify(() => remove && remove.visible)
            remove.clicked() // below the fold: its handler, as a tap runs it
            const card = remove.parent.parent
            tryVerify(() => card.confirmRemove.opened)
            compare(page.form.count("actions"), 1)
            mouseClick(findChild(card.confirmRemove.contentItem, "keepButton"))
            tryVerify(() => !card.confirmRemove.visible)
            compare(page.form.value("actions[0].what"), "Ring the school about attendance")
            remove.clicked() // below the fold: the handler, not a tap
            tryVerify(() => card.confirmRemove.opened)
            mouseClick(findChild(card.confirmRemove.contentItem, "confirmRemoveButton"))
            compare(page.form.count("actions"), 0)
        }

        function test_visitCannotStartTomorrow() {
            // The rules refuse a visit in the future, so its calendar stops at today.
            const page = openForm()
            const field = findChild(page, "dateField:started_at")
            verify(field)
            const before = page.form.value("started_at")
            const popup = field.openCalendar()
            tryVerify(() => popup.opened)
            compare(popup.latest, DateInput.today())
            verify(!findChild(popup.contentItem, "nextMonthButton").enabled, "no month after this one can be chosen")
            const tomorrow = DateInput.addDays(DateInput.today(), 1)
            const grid = findChild(popup.contentItem, "monthGrid")
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Right) // the keyboard can reach tomorrow, but not pick it
            compare(popup.cursor, tomorrow)
            keyClick(Qt.Key_Return)
            verify(popup.visible)
            compare(page.form.value("started_at"), before)
            let cell = null
            for (let i = 0; i < grid.contentItem.children.length && !cell; ++i)
                if (grid.contentItem.children[i].iso === tomorrow)
                    cell = grid.contentItem.children[i]
            verify(cell, "tomorrow is on the grid")
            verify(!cell.enabled)
            cell.clicked()
            verify(popup.visible)
            compare(page.form.value("started_at"), before)
            // Today can be picked.
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Return)
            tryVerify(() => !popup.visible)
            compare(DateInput.isoDateOf(page.form.value("started_at")), DateInput.today())
            // Dates with no such rule (an action's "by when") have no limit.
            page.form.addAction()
            const due = findChild(page, "dateField:actions[0].due")
            verify(due)
            compare(due.openCalendar().latest, "")
        }

        function test_oneMessagePerField() {
            const page = openForm()
            page.form.setValue("children[0].seen", true)
            page.form.setValue("children[0].seen_alone", false)
            const path = "children[0].not_seen_alone_reason"
            verify(page.form.prompts[path] !== undefined, "a tip before submitting")
            page.form.submit()
            tryVerify(() => page.form.errors[path] !== undefined, 5000)
            compare(page.form.prompts[path], undefined)
            // On screen: the violation under the picker, and no tip saying the same again.
            const picker = findChild(page, "reasonPicker:" + path)
            let notes = 0
            for (let i = 0; i < picker.children.length; ++i) {
                const c = picker.children[i]
                if (c.prompt !== undefined && c.visible)
                    ++notes
            }
            compare(notes, 0)
            compare(shownError(page, path), page.form.errors[path])
        }

        // On a phone at double text size the header and footer would take over a quarter of the screen:
        // they slide away while the form is scrolled on down, come back on a scroll up, and are
        // there at the top and at the end, where the submit button is wanted. On a tablet they stay.
        function test_barsScrollAwayOnAPhone() {
            AppState.chooseTextScale(2.0)
            const page = openForm({ width: 400, height: 800 })
            const flick = page.flickable
            tryVerify(() => flick.contentHeight > 4 * flick.height, 5000)
            waitForRendering(page)
            verify(flick.barsScrollAway)
            const header = flick.header
            const footer = flick.footer
            verify(header.height > 0 && footer.height > 0)
            compare(header.y, 0)
            compare(footer.y + footer.height, flick.height)
            // The form's first field starts below the header, not behind it.
            const first = findChild(page, "fieldError:rationale").parent
            verify(first.mapToItem(flick, 0, 0).y >= header.height, "the first field is below the header")

            for (let y = 50; y <= 600; y += 50)
                flick.contentY = y
            compare(header.y, -header.height)
            verify(footer.y >= flick.height, "the footer is out of sight")
            // A short scroll up starts bringing them back; the header's height brings them back in full.
            flick.contentY = 580
            verify(header.y > -header.height && header.y < 0)
            flick.contentY = 580 - header.height
            compare(header.y, 0)
            compare(footer.y + footer.height, flick.height)

            // Tab reaching a bar brings the bars back.
            flick.contentY = 900
            compare(header.y, -header.height)
            findChild(page, "submitButton").forceActiveFocus(Qt.TabFocusReason)
            compare(header.y, 0)
            compare(footer.y + footer.height, flick.height)

            // At the end the bars are back, and submitting from there works.
            flick.contentY = 1200
            verify(header.y < 0)
            flick.contentY = flick.contentHeight - flick.height
            compare(header.y, 0)
            const submit = findChild(page, "submitButton")
            mouseClick(submit)
            tryVerify(() => page.form.errorFields.length > 0, 5000)
        }

        function test_barsStayOnATablet() {
            const page = openForm()
            const flick = page.flickable
            waitForRendering(page) // the bars' heights once laid out
            verify(!flick.barsScrollAway, "bars " + flick.header.height + " + " + flick.footer.height + " of " + flick.height)
            for (let y = 50; y <= 600; y += 50)
                flick.contentY = y
            compare(flick.header.y, 0)
            compare(flick.footer.y + flick.footer.height, flick.height)
        }

        // Writing stays in view: a field reached from the keyboard scrolls between the header and
        // the footer, and the cursor stays above the footer as a narrative grows line by line.
        function test_whatIsWrittenStaysInView() {
            const page = openForm()
            const flick = page.flickable
            waitForRendering(page)
            const room = () => ({ top: flick.header.height, bottom: flick.height - flick.footer.height })
            const area = findChild(page, "fieldError:analysis_strengths").parent.area
            verify(area.mapToItem(flick, 0, 0).y > flick.height, "starts below the screen")
            area.forceActiveFocus(Qt.TabFocusReason)
            tryVerify(() => {
                const y = area.mapToItem(flick, 0, 0).y
                return y >= room().top && y + area.height <= room().bottom
            }, 2000, "the field is between the bars")
            const before = flick.contentY
            for (let i = 0; i < 12; ++i) {
                keyClick(Qt.Key_A)
                keyClick(Qt.Key_Return)
            }
            tryVerify(() => {
                const r = area.cursorRectangle
                const y = area.mapToItem(flick, r.x, r.y).y
                return y >= room().top && y + r.height <= room().bottom
            }, 2000, "the cursor is above the footer")
            verify(flick.contentY > before, "the form scrolled on with the writing")
            compare(page.form.value("analysis_strengths", page.form.revision).split("\n").length, 13)

            // Back up the form from the keyboard: a field above the screen comes down into view.
            const rationale = findChild(page, "fieldError:rationale").parent.area
            rationale.forceActiveFocus(Qt.BacktabFocusReason)
            tryVerify(() => rationale.mapToItem(flick, 0, 0).y >= room().top, 2000, "the field is below the header")
        }

        // Each thing the summary lists is a link to its field: on a phone at double text size the
        // reason a child was not seen alone is screens below the list; the link brings it into view
        // with the focus in it. No link is dead: every listed path names a field on the form.
        function test_theSummaryLinksToEachField() {
            AppState.chooseTextScale(2.0)
            const page = openForm({ width: 400, height: 800 })
            const flick = page.flickable
            page.form.setValue("children[0].seen", true)
            page.form.setValue("children[0].seen_alone", false)
            page.form.addAction()
            page.form.setValue("actions[0].what", "Refer to the school nurse")
            page.form.submit()
            const path = "children[0].not_seen_alone_reason"
            tryVerify(() => page.form.errorFields.indexOf(path) >= 0, 5000)
            waitForRendering(page)
            compare(flick.contentY, 0)
            const link = findChild(page, "errorLink:" + path)
            verify(link && link.visible)
            const picker = findChild(page, "reasonPicker:" + path)
            verify(picker.mapToItem(flick, 0, 0).y > flick.height, "the field starts screens below")
            mouseClick(link)
            tryVerify(() => {
                const y = picker.mapToItem(flick, 0, 0).y
                return y >= 0 && y + picker.height <= flick.height
            }, 2000, "the field is on screen")
            let focused = page.Window.activeFocusItem
            verify(focused && picker.children.length > 0)
            let inPicker = false
            for (let p = focused; p; p = p.parent)
                inPicker = inPicker || p === picker
            verify(inPicker, "the focus is in the field")

            for (const listed of page.form.errorFields)
                verify(flick.showField(listed), "a field on the form for " + listed)
        }
    }
}
