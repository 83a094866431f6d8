// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep

// The caseload's order: chosen with the keyboard on the page's drop-down, kept by AppState (which
// saves it in the tablet's settings), and set aside while a search lists its best match first. (The order itself
// is tested on the model, in tst_viewmodels.)
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: caseloadComponent
        CaseloadPage {}
    }

    TestCase {
        name: "Caseload"
        when: windowShown

        function cleanup() {
            AppState.caseloadOrder = CaseloadModel.ByUrgency
        }

        function test_orderIsChosenOnThePageAndRemembered() {
            compare(AppState.caseloadOrder, CaseloadModel.ByUrgency, "most urgent first unless chosen otherwise")
            const page = createTemporaryObject(caseloadComponent, root, { width: root.width, height: root.height })
            verify(page)
            tryVerify(() => page.model.summarised && page.model.count > 0, 10000)
            const order = findChild(page, "caseloadOrder")
            verify(order)
            verify(order.visible && order.enabled)
            compare(page.model.order, CaseloadModel.ByUrgency)
            compare(order.currentText, qsTr("Most urgent first"))
            verify(order.Accessible.name.indexOf("Most urgent first") >= 0, order.Accessible.name)
            verify(order.width >= order.implicitWidth && order.implicitWidth > 0)

            order.forceActiveFocus()
            keyClick(Qt.Key_Down)
            compare(AppState.caseloadOrder, CaseloadModel.ByName)
            compare(page.model.order, CaseloadModel.ByName)
            compare(order.currentText, qsTr("By surname"))

            // A caseload opened later starts in the chosen order.
            const again = createTemporaryObject(caseloadComponent, root, { width: root.width, height: root.height })
            compare(again.model.order, CaseloadModel.ByName)
            compare(findChild(again, "caseloadOrder").currentText, qsTr("By surname"))

            const search = findChild(page, "searchField")
            search.text = "Amara"
            verify(!order.enabled, "a search lists its best match first, whatever the order")
            search.text = ""
            verify(order.enabled)
        }
    }
}
