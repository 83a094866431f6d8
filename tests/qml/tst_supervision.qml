// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The case supervision form: refused empty, it lists what is missing, and each item leads to its
// field, screens below on a phone at double text size.
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
        SupervisionFormPage {}
    }

    TestCase {
        name: "Supervision"
        when: windowShown

        function findChild(item, name) {
            if (!item)
                return null
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findChild(item.children[i], name)
                if (found)
                    return found
            }
            return null
        }
        function isWithin(item, ancestor) {
            for (let p = item; p; p = p.parent)
                if (p === ancestor)
                    return true
            return false
        }
        function openForm(size) {
            tryVerify(() => caseload.count > 0 && !caseload.loading && caseload.childIdAt(0) !== "", 10000)
            const page = createTemporaryObject(pageComponent, root,
                                               Object.assign({ childIds: [caseload.childIdAt(0)] }, size))
            verify(page)
            tryVerify(() => page.form.ready && page.childName.length > 0, 10000)
            page.form.autosaveMs = 60000
            return page
        }
        function cleanup() {
            AppState.chooseTextScale(1.0)
        }

        function test_theSummaryLinksToEachField() {
            AppState.chooseTextScale(2.0)
            const page = openForm({ width: 400, height: 800 })
            const flick = page.flickable
            page.form.setValue("held_on", "")
            page.form.submit()
            // Nothing discussed and no actions: both are listed, with a link each.
            tryVerify(() => page.form.errorFields.indexOf("discussion") >= 0
                            && page.form.errorFields.indexOf("actions") >= 0, 5000)
            verify(findChild(page, "errorSummary").visible)
            waitForRendering(page)
            compare(flick.contentY, 0)
            for (const listed of page.form.errorFields)
                verify(findChild(page, "errorLink:" + listed), "a link for " + listed)

            // The actions' error is screens below the list; its link brings it into view.
            const actionsError = findChild(page, "fieldError:actions")
            verify(actionsError, "the actions' error has a name to be found by")
            verify(actionsError.mapToItem(flick, 0, 0).y > flick.height, "the field starts screens below")
            mouseClick(findChild(page, "errorLink:actions"))
            tryVerify(() => {
                const y = actionsError.mapToItem(flick, 0, 0).y
                return y >= 0 && y + actionsError.height <= flick.height
            }, 2000, "the actions' error is on screen")

            // What was discussed, back up the form: the link puts the focus in its text.
            waitForRendering(page) // the focus's own reveal, queued, runs first
            flick.contentY = 0
            waitForRendering(page)
            const discussion = findChild(page, "fieldError:discussion").parent
            const link = findChild(page, "errorLink:discussion")
            mouseClick(link)
            const focused = page.Window.activeFocusItem
            verify(focused && focused.activeFocusOnTab, "an input has the focus")
            verify(isWithin(focused, discussion), "the focus is in what was discussed: " + focused)
            // No link is dead.
            for (const listed of page.form.errorFields)
                verify(flick.showField(listed), "a field on the form for " + listed)
        }
    }
}
