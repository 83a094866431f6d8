// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The outbox: a returned record reopens in its own form. A returned direct-work session (staged
// by tst_qmlforms.cpp) opens the direct-work form on that record, not an empty visit form. A visit
// the service sent that this tablet could not store is named with why, and offers nothing to press.
Item {
    id: root
    width: 1280
    height: 800

    readonly property string returnedWorkId: "3f1c2a7e-5b9d-4e21-9c6a-0d7e1b2c4a51"
    readonly property string heldVisitId: "5b2e8c1d-7a3f-4d6e-9b1c-2e4f6a8c0d13"

    Component {
        id: outboxComponent
        OutboxPage {}
    }
    Component {
        id: stackComponent
        StackView {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "Outbox"
        when: windowShown

        function test_reopenReturnedDirectWorkOpensTheDirectWorkForm() {
            const stack = createTemporaryObject(stackComponent, root)
            verify(stack)
            const outbox = stack.push(outboxComponent)
            verify(outbox)
            compare(outbox.objectName, "outboxPage")
            tryVerify(() => outbox.model.count > 0, 10000)
            let reopen = null
            tryVerify(() => (reopen = findChild(outbox, "reopenButton:" + root.returnedWorkId)) !== null, 10000)
            verify(reopen.visible, "a returned record can be reopened")
            mouseClick(reopen)
            tryVerify(() => stack.depth === 2 && !stack.busy, 5000)
            const opened = stack.currentItem
            compare(opened.objectName, "directWorkPage")
            tryVerify(() => opened.form.ready, 10000)
            opened.form.autosaveMs = 60000
            compare(opened.form.recordType, "direct_work")
            compare(opened.form.recordId, root.returnedWorkId)
            verify(opened.form.returnReason.indexOf("school") >= 0, opened.form.returnReason)
        }

        function test_aRecordKeptAsideIsNamedWithWhy() {
            const stack = createTemporaryObject(stackComponent, root)
            const outbox = stack.push(outboxComponent)
            tryVerify(() => outbox.model.count > 0, 10000)
            let row = -1
            for (let i = 0; i < outbox.model.count; ++i) {
                if (outbox.model.data(outbox.model.index(i, 0), OutboxModel.RecordIdRole) === root.heldVisitId)
                    row = i
            }
            verify(row >= 0, "the held visit is listed")
            const at = outbox.model.index(row, 0)
            compare(outbox.model.data(at, OutboxModel.StatusRole), "held")
            compare(outbox.model.data(at, OutboxModel.StatusTextRole), "Kept aside on this tablet")
            const title = outbox.model.data(at, OutboxModel.TitleRole)
            verify(title.indexOf("visit") >= 0 && title.indexOf(":") > 0, title) // "<child>: Child in need visit, <date>"
            const reason = outbox.model.data(at, OutboxModel.ReasonRole)
            verify(reason.indexOf(title.split(":")[0] + ": ") === 0 && reason.indexOf("must be true or false") > 0, reason)
            verify(outbox.model.data(at, OutboxModel.AdviceRole).indexOf("support team") >= 0)
            verify(!outbox.model.data(at, OutboxModel.CanSendAgainRole) && !outbox.model.data(at, OutboxModel.CanFixRole))
            const reopen = findChild(outbox, "reopenButton:" + root.heldVisitId)
            verify(reopen && !reopen.visible, "nothing to reopen")
        }
    }
}
