// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The manager's new-case page over the demo store (no service): everything missing is named at
// once before anything is sent; the category of a child protection plan is asked for only on one;
// leaving keeps the child's details and the reason as a draft that the page restores. Opening the case against a
// real service is tst_manageraudit::managerOpensANewCaseFromTheTablet.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: pageComponent
        NewCasePage {}
    }
    Component {
        id: stackComponent
        StackView {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "NewCase"
        when: windowShown

        function test_missingAnswersAreNamedAndTheDraftIsKept() {
            const stack = createTemporaryObject(stackComponent, root)
            let page = stack.push(pageComponent)
            tryVerify(() => page.form.ready, 10000)
            page.form.autosaveMs = 60000
            compare(page.form.recordType, "child")
            verify(findChild(page, "noWorkersNote").visible, "no team list fetched on this tablet: the page says so")
            verify(!findChild(page, "cpCategory").visible)

            mouseClick(findChild(page, "openCaseButton"))
            const summary = findChild(page, "errorSummary")
            tryVerify(() => summary.visible)
            compare(summary.count, 6) // first and last name, date of birth, legal status, worker, reason
            for (const listed of page.form.errorFields.concat(["worker", "reason"]))
                verify(page.flickable.showField(listed), "the summary links to a field for " + listed)
            for (const field of ["first_name", "last_name", "date_of_birth", "legal_status"])
                verify(page.form.errorFields.indexOf(field) >= 0, field)
            verify(findChild(page, "fieldError:worker").visible)
            verify(findChild(page, "fieldError:reason").visible)
            verify(!page.newCase.busy, "nothing was sent")
            compare(stack.currentItem, page)

            page.form.setValue("first_name", "Dara")
            page.form.setValue("last_name", "Okonjo")
            page.form.setValue("legal_status", "child_protection")
            tryVerify(() => findChild(page, "cpCategory").visible)
            const reason = findChild(page, "caseReason")
            reason.forceActiveFocus()
            reason.text = "Referral from the school nurse."
            compare(page.newCase.reason, "Referral from the school nurse.")
            verify(!findChild(page, "fieldError:reason").visible)
            const childId = page.form.recordId

            // Back keeps the details and the reason; the page opened again restores them, under the same id.
            page.newCase.autosaveNow()
            stack.pop()
            tryVerify(() => !stack.busy, 5000)
            page = stack.push(pageComponent)
            tryVerify(() => page.form.ready, 10000)
            page.form.autosaveMs = 60000
            verify(page.form.restoredDraft)
            compare(page.form.value("last_name"), "Okonjo")
            compare(page.form.recordId, childId)
            verify(findChild(page, "cpCategory").visible)
            tryCompare(page.newCase, "reason", "Referral from the school nurse.", 10000) // the reason too
            compare(findChild(page, "caseReason").text, "Referral from the school nurse.")
            page.newCase.reason = ""
            page.form.discardDraft()
        }
    }
}
