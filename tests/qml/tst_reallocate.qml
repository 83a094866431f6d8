// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The manager's reallocation page over the demo store: who holds the child now, and what must be
// given before anything is sent (a worker and the reason; for another team, the team and the
// reason), each shown under its field. The move itself, against a real service, is
// tst_manageraudit::managerReallocatesFromTheTablet and ::managersMoveAChildBetweenTeamsFromTheirTablets.
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
        ReallocatePage {}
    }
    Component {
        id: stackComponent
        StackView {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "Reallocate"
        when: windowShown

        function test_nothingIsSentWithoutAWorkerAndAReason() {
            tryVerify(() => caseload.count === 3 && !caseload.loading && caseload.childIdAt(0) !== "", 10000)
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(pageComponent, { childId: caseload.childIdAt(0) })
            tryVerify(() => page.form.childName.length > 0, 10000)
            verify(page.form.currentWorkerName.length > 0)
            // No team list fetched on this tablet: the page says so instead of an empty drop-down.
            const note = findChild(page, "noWorkersNote")
            verify(note.visible)
            verify(!findChild(page, "newWorkerPicker").visible)

            const button = findChild(page, "reallocateButton")
            compare(button.Accessible.name, qsTr("Reallocate %1").arg(page.form.childName))
            mouseClick(button)
            const workerError = findChild(page, "fieldError:worker")
            const reasonError = findChild(page, "fieldError:reason")
            tryVerify(() => workerError.visible && reasonError.visible)
            verify(reasonError.message.indexOf("reason") >= 0)
            verify(!page.form.busy)
            compare(stack.currentItem, page) // still here: nothing was sent

            // Typing a reason clears its error; the worker's stays until one is chosen.
            const area = findChild(page, "reallocationReason")
            area.forceActiveFocus()
            area.text = "Caseloads rebalanced after the team meeting."
            compare(page.form.reason, "Caseloads rebalanced after the team meeting.")
            verify(!reasonError.visible)
            verify(workerError.visible)
            verify(!page.form.submit())
        }

        function test_anotherTeamNeedsATeamAndAReason() {
            tryVerify(() => caseload.count === 3 && !caseload.loading && caseload.childIdAt(0) !== "", 10000)
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(pageComponent, { childId: caseload.childIdAt(0) })
            tryVerify(() => page.form.childName.length > 0, 10000)
            const anotherTeam = findChild(page, "anotherTeamChoice")
            mouseClick(anotherTeam)
            verify(page.form.toAnotherTeam)
            // The worker is the other team's to choose; no other team is known on this tablet yet.
            verify(!findChild(page, "newWorkerPicker").visible)
            verify(!findChild(page, "noWorkersNote").visible)
            verify(findChild(page, "noTeamsNote").visible)
            const button = findChild(page, "reallocateButton")
            compare(button.Accessible.name, qsTr("Ask the other team to take %1").arg(page.form.childName))
            mouseClick(button)
            const teamError = findChild(page, "fieldError:team")
            const reasonError = findChild(page, "fieldError:reason")
            tryVerify(() => teamError.visible && reasonError.visible)
            verify(!findChild(page, "fieldError:worker").visible, "no worker asked for")
            verify(!page.form.busy)
            compare(stack.currentItem, page)
            // Back to a worker of the team: the team's error goes with the choice. (Clicked once the
            // page has been laid out again after the refused request, so the click lands on it.)
            waitForRendering(page)
            mouseClick(findChild(page, "withinTeamChoice"))
            verify(!page.form.toAnotherTeam)
            verify(!teamError.visible)
            verify(findChild(page, "noWorkersNote").visible)
        }
    }
}
