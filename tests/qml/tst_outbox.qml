// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The outbox: a returned record reopens in its own form. A returned direct-work session (staged
// by tst_qmlforms.cpp) opens the direct-work form on that record, not an empty visit form.
Item {
    id: root
    width: 1280
    height: 800

    readonly property string returnedWorkId: "3f1c2a7e-5b9d-4e21-9c6a-0d7e1b2c4a51"

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
    }
}
