// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The direct work form: a brother or sister joins the session from the caseload, and is taken off
// it again only after saying so; the last child stays.
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
        DirectWorkPage {}
    }

    TestCase {
        name: "DirectWork"
        when: windowShown

        // The caseload's ids once it has settled (saving a record elsewhere reloads it).
        function caseloadIds() {
            tryVerify(() => caseload.count === 3 && !caseload.loading && caseload.childIdAt(2) !== "", 10000)
            return [caseload.childIdAt(0), caseload.childIdAt(1), caseload.childIdAt(2)]
        }
        function openForm(childIds) {
            const page = createTemporaryObject(pageComponent, root, { width: root.width, height: root.height, childIds: childIds })
            verify(page)
            tryVerify(() => page.form.ready && Object.keys(page.form.childNames).length === childIds.length, 10000)
            page.form.autosaveMs = 60000
            return page
        }

        function test_childAddedFromTheCaseloadAndRemovedAfterConfirming() {
            const ids = caseloadIds()
            const page = openForm([ids[0]])
            compare(page.form.recordType, "direct_work")
            const chips = findChild(page, "childRepeater")
            compare(chips.count, 1)
            verify(!findChild(page, "removeChild:0").visible, "one child: nothing to remove")

            const add = findChild(page, "addChildButton")
            verify(add && add.visible)
            mouseClick(add)
            const picker = findChild(page, "childPicker")
            tryVerify(() => picker.opened)
            const list = findChild(picker.contentItem, "childList")
            tryVerify(() => list.count === 3, 10000)
            // The child already on the session is shown but cannot be added twice.
            let already = null, other = null
            for (let i = 0; i < list.count; ++i) {
                const row = list.itemAtIndex(i)
                if (!row)
                    continue
                if (row.childId === ids[0])
                    already = row
                else if (!other)
                    other = row
            }
            verify(already && !already.enabled)
            verify(already.Accessible.name.indexOf("session") >= 0, "worded for a session: " + already.Accessible.name)
            verify(other && other.enabled)
            const otherId = other.childId
            mouseClick(other)
            tryVerify(() => !picker.visible)
            compare(page.form.childIds(), [ids[0], otherId])
            tryCompare(chips, "count", 2)
            tryVerify(() => page.form.childNames[otherId] !== undefined, 5000)
            tryCompare(chips.itemAt(1), "name", page.form.childNames[otherId].name)

            // Removing asks first: "Keep" leaves both children on the session.
            const remove = findChild(page, "removeChild:1")
            verify(remove && remove.visible)
            mouseClick(remove)
            const chip = chips.itemAt(1)
            tryVerify(() => chip.confirmRemove && chip.confirmRemove.opened)
            verify(chip.confirmRemove.question.indexOf(chip.name) >= 0)
            mouseClick(findChild(chip.confirmRemove.contentItem, "keepButton"))
            tryVerify(() => !chip.confirmRemove.visible)
            compare(page.form.childIds(), [ids[0], otherId])

            // "Remove" takes the child off.
            chip.askRemove()
            tryVerify(() => chip.confirmRemove.opened)
            mouseClick(findChild(chip.confirmRemove.contentItem, "confirmRemoveButton"))
            tryCompare(chips, "count", 1)
            compare(page.form.childIds(), [ids[0]])
            verify(!findChild(page, "removeChild:0").visible, "the last child stays on the session")
        }

        function test_bothChildrenGoIntoTheSubmittedRecord() {
            const ids = caseloadIds()
            const page = openForm([ids[1]])
            verify(page.form.addChild(ids[2]))
            verify(!page.form.addChild(ids[2]), "not twice")
            const chips = findChild(page, "childRepeater")
            tryCompare(chips, "count", 2)
            // Each chip names its own child once the names arrive.
            tryVerify(() => page.form.childNames[ids[2]] !== undefined, 5000)
            tryCompare(chips.itemAt(1), "name", page.form.childNames[ids[2]].name)
            compare(chips.itemAt(0).name, page.form.childNames[ids[1]].name)
            compare(page.form.value("child_ids"), [ids[1], ids[2]])
        }

        // Submitted empty, the session lists what is missing, and each item links to its field.
        function test_theSummaryLinksToEachField() {
            const page = openForm([caseloadIds()[0]])
            mouseClick(findChild(page, "submitButton"))
            tryVerify(() => page.form.errorFields.length > 0, 5000)
            verify(findChild(page, "errorSummary").visible)
            for (const listed of page.form.errorFields) {
                verify(findChild(page, "errorLink:" + listed), "a link for " + listed)
                verify(page.flickable.showField(listed), "a field on the form for " + listed)
            }
        }
    }
}
