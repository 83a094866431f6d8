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
        function openForm() {
            tryVerify(() => caseload.count === 3, 10000)
            const page = createTemporaryObject(pageComponent, root, { width: root.width, height: root.height, childIds: [caseload.childIdAt(0)] })
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
            compare(shownError(page, "rationale"), page.form.errors["rationale"])
            verify(shownError(page, "rationale").length > 0, "the rationale's message is shown under it")
            // Typing a rationale clears that message, and only that one.
            const before = page.form.errorFields.length
            page.form.setValue("rationale", "Statutory visit")
            compare(page.form.errorFields.length, before - 1)
            compare(shownError(page, "rationale"), "")
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
            page.form.setValue("children[0].seen_alone", true)
            tryVerify(() => !picker.visible)
        }

        function test_qualityPromptWhenAloneWithoutViews() {
            const page = openForm()
            page.form.setValue("children[0].seen", true)
            page.form.setValue("children[0].seen_alone", true)
            const strong = page.form.promptList.filter(p => p.strong)
            verify(strong.length >= 1, "seen alone without the child's views is a strong prompt")
        }
    }
}
