// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A direct work session: what was done, the child's words, reflection and next steps.
Page {
    id: page
    objectName: "directWorkPage"
    property var childIds: []
    property string recordId: ""
    property alias form: workForm
    property alias flickable: flick
    background: Rectangle { color: Theme.background }

    RecordForm {
        id: workForm
        store: AppState.store
        recordType: "direct_work"
        author: AppState.userId
        onSaved: (submitted) => {
            AppState.recordSaved()
            if (submitted && page.StackView.view)
                page.StackView.view.pop()
        }
        onSubmitRefused: errorSummary.showFromTop()
    }
    Connections {
        target: AppState
        function onSuspending() { workForm.autosaveNow() }
    }
    Component.onCompleted: recordId.length > 0 ? workForm.open(recordId) : workForm.startNew(childIds)

    FormScroller {
        id: flick
        anchors.fill: parent
        header: FormHeader {
            title: workForm.amends.length > 0 ? qsTr("Amend direct work") : qsTr("Direct work")
            stateText: Labels.recordState(workForm.state)
            onBack: { workForm.autosaveNow(); page.StackView.view.pop() }
        }
        footer: FormFooter {
            form: workForm
            submitAccessibleName: qsTr("Submit the session for approval")
        }

        ErrorSummary {
            id: errorSummary
            form: workForm
            scroller: flick
            title: qsTr("%n thing(s) to complete before submitting:", "", workForm.errorFields.length)
            Layout.fillWidth: true
        }
        Label {
            visible: workForm.returnReason.length > 0
            text: qsTr("Returned by your manager: %1").arg(workForm.returnReason)
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "restoreNote"
            visible: workForm.restoreNote.length > 0
            text: workForm.restoreNote
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // The children who took part: a brother or sister can join the session, and any but
        // the last can be taken off it again (asked first, as on the visit form).
        Label {
            text: qsTr("Children in the session")
            font.pixelSize: Theme.body
            font.bold: true
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        FieldError { objectName: "fieldError:child_ids"; message: workForm.errors["child_ids"] || ""; Layout.fillWidth: true }
        Flow {
            id: childFlow
            Layout.fillWidth: true
            spacing: Theme.spacing
            readonly property var ids: workForm.childIds(workForm.version)
            Repeater {
                objectName: "childRepeater"
                model: workForm.count("child_ids", workForm.revision)
                delegate: Rectangle {
                    id: chip
                    required property int index
                    readonly property string childId: childFlow.ids[index] || ""
                    readonly property string name: workForm.childNames[childId] ? workForm.childNames[childId].name
                                                                                 : qsTr("Child")
                    readonly property bool removable: workForm.count("child_ids", workForm.revision) > 1
                    property Popup confirmRemove: null
                    function askRemove() {
                        if (!confirmRemove)
                            confirmRemove = confirmComponent.createObject(chip)
                        confirmRemove.open()
                        return confirmRemove
                    }
                    width: Math.min(chipRow.implicitWidth + 2 * Theme.spacing, childFlow.width)
                    height: Math.max(Theme.touch, chipRow.implicitHeight) + 8
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    RowLayout {
                        id: chipRow
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacing
                        anchors.rightMargin: chip.removable ? 0 : Theme.spacing
                        spacing: Theme.spacing
                        Label {
                            text: chip.name
                            font.pixelSize: Theme.title
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                            Accessible.name: text
                        }
                        Button {
                            objectName: "removeChild:" + chip.index
                            visible: chip.removable
                            text: qsTr("Remove")
                            flat: true
                            font.pixelSize: Theme.body
                            Layout.minimumHeight: Theme.touch
                            Accessible.name: qsTr("Remove %1 from this session").arg(chip.name)
                            onClicked: chip.askRemove()
                        }
                    }
                    Component {
                        id: confirmComponent
                        ConfirmRemove {
                            question: qsTr("Remove %1 from this session?").arg(chip.name)
                            consequence: qsTr("The session will no longer be on their chronology. What is written stays with the other children.")
                            keepName: qsTr("Keep the child on the session")
                            removeName: qsTr("Remove the child from the session")
                            onConfirmed: workForm.removeChild(chip.index)
                        }
                    }
                }
            }
            Button {
                objectName: "addChildButton"
                text: qsTr("Add another child")
                font.pixelSize: Theme.body
                height: Math.max(Theme.touch, implicitHeight) + 8
                Accessible.name: qsTr("Add another child who took part, for example a brother or sister")
                onClicked: childPicker.open()
            }
        }
        ChildPicker {
            id: childPicker
            form: workForm
        }
        GridLayout {
            columns: page.width > 700 && Theme.textScale < 1.5 ? 2 : 1
            columnSpacing: Theme.margin
            Layout.fillWidth: true
            DateField {
                form: workForm; path: "session_date"
                Layout.alignment: Qt.AlignTop
                label: qsTr("Date of the session"); required: true
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            ReasonPicker {
                form: workForm; path: "activity"
                Layout.alignment: Qt.AlignTop
                label: qsTr("Activity")
                options: Labels.activities()
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
        }
        LabeledField {
            visible: workForm.value("activity", workForm.version) === "other"
            form: workForm; path: "activity_detail"
            label: qsTr("What activity")
            Layout.fillWidth: true
        }
        LabeledArea { form: workForm; path: "aims"; label: qsTr("Aims of the session"); Layout.fillWidth: true }
        LabeledField { form: workForm; path: "tools_used"; label: qsTr("Tools used"); Layout.fillWidth: true }
        LabeledArea {
            form: workForm; path: "child_words"
            label: qsTr("The child's words")
            hint: qsTr("What the child said, as they said it.")
            Layout.fillWidth: true
        }
        LabeledArea { form: workForm; path: "reflection"; label: qsTr("Your reflection"); Layout.fillWidth: true }
        LabeledArea { form: workForm; path: "next_steps"; label: qsTr("Next steps"); Layout.fillWidth: true }
    }
}
