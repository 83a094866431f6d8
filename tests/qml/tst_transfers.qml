// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// Moves between teams over the demo store (no service): the list says when it has never been
// fetched, and an answer names what it needs before anything is sent: a worker and the reason to
// accept, the reason to decline. Asking, answering and the child's arrival against a real service
// are tst_manageraudit::managersMoveAChildBetweenTeamsFromTheirTablets.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: listComponent
        TransfersPage {}
    }
    Component {
        id: answerComponent
        TransferAnswerPage {}
    }
    Component {
        id: stackComponent
        StackView {
            anchors.fill: parent
        }
    }

    // A request as TransfersModel.get() gives it.
    readonly property var request: ({
        transferId: "6f1c1a4e-8a77-4d8e-9a55-0c3c8f1f2b11",
        childName: "Ben Testbrook",
        childDetails: "Born 01/05/2015 · Child in need",
        teamText: "From Demo North Team",
        heldBy: "Sam Patel",
        requestedText: "Asked by Helen Okoro on 24/11/2026",
        reason: "The family moved to the south of the borough."
    })

    TestCase {
        name: "Transfers"
        when: windowShown

        function test_neverFetchedSaysSo() {
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(listComponent)
            tryVerify(() => page.model.fetchedText.length > 0, 10000)
            compare(page.model.count, 0)
            compare(page.model.incomingCount, 0)
            verify(findChild(page, "noTransfers").visible)
            verify(page.model.fetchedText.indexOf("online") >= 0, page.model.fetchedText)
        }

        function test_anAnswerNeedsItsReasonAndAcceptingAWorker() {
            const stack = createTemporaryObject(stackComponent, root)
            const page = stack.push(answerComponent, { transfer: root.request })
            compare(page.form.transferId, root.request.transferId)
            verify(findChild(page, "transferRequestReason").text.indexOf("south of the borough") >= 0)
            // No team list fetched on this tablet: the page says so instead of an empty drop-down.
            tryVerify(() => findChild(page, "noTransferWorkersNote").visible)
            const workerError = findChild(page, "fieldError:worker")
            const reasonError = findChild(page, "fieldError:reason")

            mouseClick(findChild(page, "declineTransferButton"))
            tryVerify(() => reasonError.visible)
            verify(!workerError.visible, "declining allocates nobody")
            verify(reasonError.message.indexOf("declining") >= 0, reasonError.message)

            mouseClick(findChild(page, "acceptTransferButton"))
            tryVerify(() => workerError.visible && reasonError.visible)
            verify(!page.form.busy, "nothing was sent")
            compare(stack.currentItem, page)

            const area = findChild(page, "transferAnswerReason")
            area.forceActiveFocus()
            area.text = "We have no capacity until January."
            compare(page.form.reason, "We have no capacity until January.")
            verify(!reasonError.visible)
            verify(workerError.visible)
        }
    }
}
