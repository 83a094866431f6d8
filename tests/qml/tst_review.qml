// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The approval page on a tablet and on a phone at double text size: on the phone the decision
// follows the record, and what became of an earlier decision is said before the record.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: stackComponent; StackView { anchors.fill: parent } }
    Component {
        id: pageComponent
        ReviewPage {
            recordId: "6c4d9e2a-1b3f-4a5c-8d7e-9f0a1b2c3d4e"
            userId: "0b0b0b0b-0000-4000-8000-000000000001"
            closeAfterDecision: false
        }
    }

    TestCase {
        name: "Review"
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
        function isInside(item, ancestor) {
            for (let p = item.parent; p; p = p.parent)
                if (p === ancestor)
                    return true
            return false
        }

        function cleanup() {
            root.width = 1280
            AppState.chooseTextScale(1.0)
        }

        function test_theDecisionBesideTheRecordOnATablet() {
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(pageComponent)
            tryVerify(() => page.viewModel.found && page.viewModel.decisionStatus === "conflict", 10000)
            const panel = findChild(page, "decisionPanel")
            verify(panel.visible)
            verify(!isInside(panel, page.flickable), "fixed beside the record")
            verify(!findChild(page, "decisionNotice").visible, "the panel says it")
            verify(findChild(page, "decisionBanner").visible)
        }

        function test_onAPhoneTheDecisionFollowsTheRecord() {
            root.width = 400
            AppState.chooseTextScale(2.0)
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(pageComponent)
            tryVerify(() => page.viewModel.found && page.viewModel.decisionStatus === "conflict", 10000)
            verify(page.narrow)
            const panel = findChild(page, "decisionPanel")
            verify(isInside(panel, page.flickable), "scrolled with the record")
            const notice = findChild(page, "decisionNotice")
            verify(notice.visible)
            compare(page.flickable.contentY, 0)
            waitForRendering(page)
            // The panel starts below the first screen; the notice's button brings it into view.
            verify(panel.mapToItem(page.flickable, 0, 0).y > page.flickable.height)
            mouseClick(findChild(page, "goToDecision"))
            tryVerify(() => page.flickable.contentY > 0)
            const top = panel.mapToItem(page.flickable, 0, 0).y
            verify(top >= 0 && top < page.flickable.height, "the decision is on screen: " + top)
            // Back to a tablet's width: the panel returns beside the record.
            AppState.chooseTextScale(1.0)
            root.width = 1280
            tryVerify(() => !page.narrow)
            verify(!isInside(panel, page.flickable))
            verify(!notice.visible)
        }

        // On a phone the manager's rationale is below the record: reaching it from the keyboard
        // scrolls it into view, and it stays in view while the reasons are written.
        function test_onAPhoneTheRationaleBeingWrittenIsInView() {
            wait(0) // the last test's page is deleted first, not re-laid out at the new size
            root.width = 400
            AppState.chooseTextScale(2.0)
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(pageComponent)
            tryVerify(() => page.viewModel.found, 10000)
            waitForRendering(page)
            const flick = page.flickable
            const field = findChild(page, "rationaleField")
            verify(isInside(field, flick))
            verify(field.mapToItem(flick, 0, 0).y > flick.height, "starts below the screen")
            field.forceActiveFocus(Qt.TabFocusReason)
            tryVerify(() => {
                const y = field.mapToItem(flick, 0, 0).y
                return y >= 0 && y + field.height <= flick.height
            }, 2000, "the field is on screen")
            for (let i = 0; i < 8; ++i) {
                keyClick(Qt.Key_B)
                keyClick(Qt.Key_Return)
            }
            tryVerify(() => {
                const r = field.cursorRectangle
                const y = field.mapToItem(flick, r.x, r.y).y
                return y >= 0 && y + r.height <= flick.height
            }, 2000, "the cursor is on screen")
        }
    }
}
