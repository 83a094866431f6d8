// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// One child on a visit: seen, seen alone (regulation 29), bedroom, views, observations, safety.
Rectangle {
    id: card
    required property RecordForm form
    required property int index
    /** Another child is on the visit, so this one can be taken off it. */
    property bool removable: false
    readonly property string base: "children[" + index + "]"
    readonly property string childId: form.value(base + ".child_id", form.version) || ""
    readonly property var child: form.childNames[childId]
    readonly property var seen: form.value(base + ".seen", form.version)
    readonly property var seenAlone: form.value(base + ".seen_alone", form.version)
    readonly property string aloneReason: form.value(base + ".not_seen_alone_reason", form.version) || ""

    implicitHeight: column.implicitHeight + 2 * Theme.margin
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: card.child ? card.child.name : qsTr("Child")
                font.pixelSize: Theme.title
                font.bold: true
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Button {
                objectName: "removeChild:" + card.index
                visible: card.removable
                text: qsTr("Remove from visit")
                flat: true
                font.pixelSize: Theme.body
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Remove %1 from this visit").arg(card.child ? card.child.name : qsTr("this child"))
                onClicked: card.askRemove()
            }
        }

        YesNo {
            form: card.form
            path: card.base + ".seen"
            label: qsTr("Was the child seen?")
            Layout.fillWidth: true
        }
        LabeledArea {
            visible: card.seen === false
            form: card.form
            path: card.base + ".not_seen_reason"
            label: qsTr("Why was the child not seen?")
            required: true
            Layout.fillWidth: true
        }

        YesNo {
            visible: card.seen !== false
            form: card.form
            path: card.base + ".seen_alone"
            label: qsTr("Was the child seen alone?")
            Layout.fillWidth: true
        }
        ReasonPicker {
            visible: card.seen !== false && card.seenAlone === false
            form: card.form
            path: card.base + ".not_seen_alone_reason"
            label: qsTr("Why not alone? (regulation 29)")
            options: Labels.notSeenAloneReasons()
            Layout.fillWidth: true
        }
        LabeledArea {
            visible: card.seenAlone === false && card.aloneReason === "unable_other"
            form: card.form
            path: card.base + ".not_seen_alone_detail"
            label: qsTr("What prevented it?")
            required: true
            Layout.fillWidth: true
        }

        // Asked whether or not the child was seen: a bedroom can be seen while the child is at school.
        YesNo {
            form: card.form
            path: card.base + ".bedroom_seen"
            label: qsTr("Was the child's bedroom seen?")
            Layout.fillWidth: true
        }

        LabeledArea {
            form: card.form
            path: card.base + ".child_views"
            label: qsTr("The child's views, wishes and feelings")
            hint: qsTr("In the child's own words, with quotation marks where you can.")
            Layout.fillWidth: true
        }
        LabeledArea {
            form: card.form
            path: card.base + ".observations"
            label: qsTr("Observations")
            hint: qsTr("Presentation, development, home conditions.")
            Layout.fillWidth: true
        }

        WrapSwitch {
            id: concern
            text: qsTr("I have a safety concern about this child (including anything they told me)")
            checked: card.form.value(card.base + ".safety_concern", card.form.version) === true
            onToggled: card.form.setValue(card.base + ".safety_concern", checked)
        }
        Label {
            visible: concern.checked
            text: qsTr("Once you save (a draft is enough), this record goes to the top of your manager's queue at the next sync. If the child is in immediate danger, follow your safeguarding procedure now.")
            color: Theme.danger
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    // Asked before a card goes: what was written on it goes with it. Made when first needed.
    property Popup confirmRemove: null
    function askRemove() {
        if (!confirmRemove)
            confirmRemove = confirmComponent.createObject(card)
        confirmRemove.open()
        return confirmRemove
    }
    Component {
        id: confirmComponent
        ConfirmRemove {
            question: qsTr("Remove %1 from this visit?").arg(card.child ? card.child.name : qsTr("this child"))
            consequence: qsTr("What is written on their card will be removed from this visit.")
            keepName: qsTr("Keep the child on the visit")
            removeName: qsTr("Remove the child and their card")
            onConfirmed: card.form.removeChild(card.index)
        }
    }
}
