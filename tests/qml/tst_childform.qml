// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The child's plan and profile, edited on the tablet: the plan's own visiting frequency, the
// contingency and the actions (with where each stands), checked by the rules on Save, shown on the
// child page afterwards and queued for the service. A save the rules refuse keeps what was typed.
Item {
    id: root
    width: 1280
    height: 800

    CaseloadModel {
        id: caseload
        store: AppState.store
    }
    OutboxModel {
        id: outbox
        store: AppState.store
    }
    Component {
        id: childPageComponent
        ChildPage {}
    }
    Component {
        id: formComponent
        ChildFormPage {}
    }
    Component {
        id: stackComponent
        StackView {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "ChildForm"
        when: windowShown

        function caseloadIds() {
            tryVerify(() => caseload.count === 3 && !caseload.loading && caseload.childIdAt(2) !== "", 10000)
            return [caseload.childIdAt(0), caseload.childIdAt(1), caseload.childIdAt(2)]
        }
        // The first child on the caseload whose legal status passes `wanted`.
        function openFormFor(stack, wanted) {
            for (const id of caseloadIds()) {
                const page = stack.push(formComponent, { childId: id })
                tryVerify(() => page.form.ready, 10000)
                page.form.autosaveMs = 60000
                if (wanted(page.legalStatus))
                    return page
                stack.clear(StackView.Immediate)
            }
            fail("no child with the legal status wanted")
        }
        function outboxHas(recordId) {
            outbox.reload()
            for (let i = 0; i < outbox.count; ++i)
                if (outbox.data(outbox.index(i, 0), OutboxModel.RecordIdRole) === recordId)
                    return true
            return false
        }

        function test_planEditedFromTheChildPageIsSavedShownAndQueued() {
            const stack = createTemporaryObject(stackComponent, root)
            const ids = caseloadIds()
            // A child whose plan leaves the frequency to the council (not looked after).
            let childPage = null
            let childId = ""
            for (const id of ids) {
                childPage = stack.push(childPageComponent, { childId: id })
                tryVerify(() => !childPage.viewModel.loading && childPage.viewModel.name.length > 0, 10000)
                if (childPage.viewModel.frequencyText.indexOf("council policy") >= 0) {
                    childId = id
                    break
                }
                stack.clear(StackView.Immediate)
            }
            verify(childId !== "", "a child visited by council policy")

            const edit = findChild(childPage, "editPlanButton")
            verify(edit && edit.visible)
            mouseClick(edit)
            tryVerify(() => stack.depth === 2 && !stack.busy, 5000)
            const page = stack.currentItem
            compare(page.objectName, "childFormPage")
            tryVerify(() => page.form.ready, 10000)
            page.form.autosaveMs = 60000
            compare(page.form.recordType, "child")
            verify(!page.form.hasWorkflow)
            compare(page.form.recordId, childId)

            // The plan's own frequency: switched on with a starting value the worker changes.
            const own = findChild(page, "ownFrequencySwitch")
            verify(own && !own.checked)
            // Inspectors look for a plan that says how often; the council's policy is only the floor.
            compare(page.form.prompts["plan.visiting_frequency"].code, "no_visiting_frequency")
            mouseClick(own)
            tryCompare(own, "checked", true)
            verify(page.form.prompts["plan.visiting_frequency"] === undefined)
            compare(page.form.value("plan.visiting_frequency.unit"), "working_days")
            compare(page.form.value("plan.visiting_frequency.every"), 10)
            page.form.setValue("plan.visiting_frequency.every", 15)
            tryCompare(findChild(page, "frequencyEvery"), "value", 15)
            // A frequency of the plan's own asks why, in a field shown with it.
            const reasonField = findChild(page, "frequencyReason")
            verify(reasonField && reasonField.visible)
            compare(page.form.prompts["visiting_frequency_reason"].code, "no_frequency_reason")
            const reason = "Three-weekly, agreed at the child in need review on 3 November with Mum and the school."
            reasonField.area.forceActiveFocus()
            reasonField.area.text = reason
            compare(page.form.value("visiting_frequency_reason"), reason)
            verify(page.form.prompts["visiting_frequency_reason"] === undefined)

            // No contingency: the inspectors' prompt shows; writing one clears it.
            page.form.setValue("plan.contingency", "")
            verify(page.form.prompts["plan.contingency"] !== undefined)
            compare(page.form.prompts["plan.contingency"].code, "no_contingency")
            const contingency = "If the school reports another unexplained absence, a strategy discussion is held the same day."
            page.form.setValue("plan.contingency", contingency)
            verify(page.form.prompts["plan.contingency"] === undefined)

            // The existing action is done; a new one is incomplete, so Save is refused at its fields.
            const before = page.form.count("plan.actions")
            verify(before >= 1)
            page.form.setValue("plan.actions[0].status", "done")
            page.form.addAction("plan.actions")
            compare(page.form.count("plan.actions"), before + 1)
            compare(page.form.value("plan.actions[" + before + "].status"), "open")
            const save = findChild(page, "saveChildButton")
            mouseClick(save)
            tryVerify(() => page.form.errorFields.length > 0, 5000)
            verify(page.form.errors["plan.actions[" + before + "].what"] !== undefined, JSON.stringify(page.form.errors))
            verify(findChild(page, "errorSummary").visible)
            for (const listed of page.form.errorFields)
                verify(page.flickable.showField(listed), "the summary links to a field for " + listed)
            save.forceActiveFocus() // out of the last field, which would write back what it shows on leaving
            // The list at the top says which action: every plan action has the same three questions.
            compare(page.form.errorText("plan.actions[" + before + "].what"),
                    "Action " + (before + 1) + ": " + page.form.errors["plan.actions[" + before + "].what"])
            compare(stack.depth, 2, "a refused save stays on the form")
            compare(page.form.value("plan.contingency"), contingency, "and keeps what was typed")

            const base = "plan.actions[" + before + "]"
            page.form.setValue(base + ".what", "Meet the school's designated safeguarding lead")
            page.form.setValue(base + ".owner", "Allocated social worker")
            page.form.setValue(base + ".due", DateInput.addDays(DateInput.today(), 7))
            mouseClick(save)
            tryVerify(() => stack.depth === 1 && !stack.busy, 10000)

            // The child page shows the new plan, and the change waits in the outbox for the service.
            tryCompare(childPage.viewModel, "contingency", contingency, 10000)
            verify(childPage.viewModel.frequencyText.indexOf("15") >= 0, childPage.viewModel.frequencyText)
            verify(childPage.viewModel.frequencyText.indexOf("plan") >= 0, childPage.viewModel.frequencyText)
            compare(childPage.viewModel.frequencyReason, reason)
            verify(findChild(childPage, "frequencyReason").visible)
            const actions = childPage.viewModel.planActions
            compare(actions.length, before + 1)
            compare(actions[0].status, "done")
            compare(actions[before].what, "Meet the school's designated safeguarding lead")
            tryVerify(() => outboxHas(childId), 10000)
        }

        function test_lookedAfterPlacementIsCheckedAndARefusedSaveKeepsTheDraft() {
            const stack = createTemporaryObject(stackComponent, root)
            const page = openFormFor(stack, (status) => status === "looked_after")
            verify(page.form.value("placement.start") !== undefined)
            // The placement section shows for a looked-after child only.
            verify(findChild(page, "dateField:placement.start").visible)
            page.form.setValue("placement.start", "")
            page.form.setValue("plan.contingency", "Respite with the foster carers' approved relief carer.")
            mouseClick(findChild(page, "saveChildButton"))
            tryVerify(() => page.form.errors["placement.start"] !== undefined, 5000)
            compare(stack.depth, 1)
            verify(page.form.dirty)
            page.form.autosaveNow()
            tryVerify(() => page.form.lastAutosave.getTime() > 0, 5000)

            // Opened again, the form restores the unsaved draft rather than the stored child.
            stack.clear(StackView.Immediate)
            const again = stack.push(formComponent, { childId: page.childId })
            tryVerify(() => again.form.ready, 10000)
            again.form.autosaveMs = 60000
            verify(again.form.restoredDraft)
            compare(again.form.value("plan.contingency"), "Respite with the foster carers' approved relief carer.")
            compare(again.form.value("placement.start"), undefined)
        }

        function caseloadRow(childId) {
            for (let i = 0; i < caseload.count; ++i)
                if (caseload.childIdAt(i) === childId)
                    return caseload.index(i, 0)
            return null
        }
        function saveAndWaitForTheCaseload(stack, page, childId, status) {
            verify(page.form.dirty)
            mouseClick(findChild(page, "saveChildButton"))
            tryVerify(() => !page.form.busy && !page.form.dirty, 10000, "saved")
            compare(page.form.errorFields.length, 0)
            caseload.reload()
            tryVerify(() => !caseload.loading && caseloadRow(childId) !== null
                      && caseload.data(caseloadRow(childId), CaseloadModel.LegalStatusRole) === status, 10000)
        }

        // A child stepped down from a child protection plan to child in need: the category goes with
        // the plan, the untouched contingency is queried, and the visits due follow the council's
        // policy for the new status. Put back on a plan, the category is asked for again.
        function test_aNewLegalStatusSetsTheVisitsDue() {
            const stack = createTemporaryObject(stackComponent, root)
            const page = openFormFor(stack, (status) => status === "child_protection")
            const childId = page.childId
            verify(!page.ownFrequency, "visited by the council's policy")
            caseload.reload()
            tryVerify(() => !caseload.loading && caseloadRow(childId) !== null, 10000)
            const dueBefore = caseload.data(caseloadRow(childId), CaseloadModel.NextDueRole)
            verify(dueBefore instanceof Date && !isNaN(dueBefore.getTime()), "a visit is due")
            const picker = findChild(page, "legalStatus")
            verify(picker && picker.visible)
            verify(findChild(page, "cpCategory").visible)
            compare(page.form.value("cp_category"), "neglect")

            page.form.setValue("legal_status", "child_in_need")
            compare(page.legalStatus, "child_in_need")
            compare(page.form.value("cp_category"), undefined, "the category left with the plan")
            verify(!findChild(page, "cpCategory").visible)
            compare(page.form.prompts["plan.contingency"].code, "legal_status_changed_contingency_unchanged")
            page.form.setValue("plan.contingency", "Back to a strategy discussion if the school raises a new concern.")
            verify(page.form.prompts["plan.contingency"] === undefined)
            saveAndWaitForTheCaseload(stack, page, childId, "child_in_need")
            const dueAfter = caseload.data(caseloadRow(childId), CaseloadModel.NextDueRole)
            verify(dueAfter.getTime() > dueBefore.getTime(),
                   "child in need visits are further apart: " + dueBefore + " then " + dueAfter)
            tryVerify(() => outboxHas(childId), 10000)

            // Back on a plan: Save asks for the category, and its link leads to the field.
            stack.clear(StackView.Immediate)
            const again = stack.push(formComponent, { childId: childId })
            tryVerify(() => again.form.ready, 10000)
            again.form.autosaveMs = 60000
            compare(again.legalStatus, "child_in_need")
            again.form.setValue("legal_status", "child_protection")
            mouseClick(findChild(again, "saveChildButton"))
            tryVerify(() => again.form.errors["cp_category"] !== undefined, 5000)
            compare(stack.currentItem, again, "refused, the form stays")
            verify(findChild(again, "errorLink:cp_category"))
            verify(again.flickable.showField("cp_category"))
            verify(findChild(again, "cpCategory").visible)
            again.form.setValue("cp_category", "neglect")
            saveAndWaitForTheCaseload(stack, again, childId, "child_protection")
            compare(caseload.data(caseloadRow(childId), CaseloadModel.NextDueRole).getTime(), dueBefore.getTime())
        }

        function test_otherChildrenHaveNoPlacementSection() {
            const stack = createTemporaryObject(stackComponent, root)
            const page = openFormFor(stack, (status) => status !== "looked_after")
            verify(!findChild(page, "dateField:placement.start").visible)
            // The outbox opens a refused child by record id (RecordPages.formFor("child")).
            compare(RecordPages.formFor("child"), "ChildFormPage.qml")
            const byRecord = stack.push(formComponent, { recordId: page.childId })
            tryVerify(() => byRecord.form.ready, 10000)
            byRecord.form.autosaveMs = 60000
            compare(byRecord.form.recordId, page.childId)
        }
    }
}
