// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// What must be put right before a record can go, at the top of its form. Each item is a link to
// its field: it scrolls the field into view and puts the focus in it, since on a long form (a
// phone at a large text size) the field can be several screens away.
Rectangle {
    id: root
    objectName: "errorSummary"
    required property RecordForm form
    /** The scrolled form the fields are in. */
    required property FormScroller scroller
    /** The heading, for example "%n thing(s) to complete before submitting:". */
    property string title
    /** Problems the form's rules do not know of (opening a case: the worker, the reason), each
     *  as { path, message }; the path names the field, as the rules' paths do. */
    property var otherErrors: []
    readonly property int count: form.errorFields.length + otherErrors.length

    visible: count > 0
    implicitHeight: list.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.dangerSoft
    border.color: Theme.danger

    component ErrorLink: AbstractButton {
        id: link
        required property string path
        required property string message
        objectName: "errorLink:" + path
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touch
        text: "• " + message
        Accessible.name: message
        Accessible.description: qsTr("Go to the field")
        onClicked: root.scroller.showField(path)
        contentItem: Label {
            text: link.text
            color: Theme.danger
            font.underline: true
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: 4
            color: link.down ? Qt.rgba(0, 0, 0, 0.06) : "transparent"
            border.color: link.visualFocus ? Theme.danger : "transparent"
        }
    }

    /** Shows the list from the top of the form, with the focus on its first item, so a keyboard
     *  or screen reader user lands on what was refused (after a refused submit). */
    function showFromTop() {
        scroller.contentY = 0
        Qt.callLater(() => {
            const first = fieldLinks.count > 0 ? fieldLinks.itemAt(0) : otherLinks.itemAt(0)
            if (first)
                first.forceActiveFocus(Qt.OtherFocusReason)
        })
    }

    ColumnLayout {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 0
        Label {
            text: root.title
            color: Theme.danger
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            id: fieldLinks
            model: root.form.errorFields
            delegate: ErrorLink {
                required property string modelData
                path: modelData
                message: root.form.errorText(modelData)
            }
        }
        Repeater {
            id: otherLinks
            model: root.otherErrors
            delegate: ErrorLink {
                required property var modelData
                path: modelData.path
                message: modelData.message
            }
        }
    }
}
