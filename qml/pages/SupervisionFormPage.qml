// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Case supervision (managers): what was discussed, what was decided, and prioritised actions with
// owners and dates. The same RecordForm as visits; the rules are rules::checkSupervision.
Page {
    id: page
    objectName: "supervisionFormPage"
    property var childIds: []
    property string recordId: ""
    property alias form: supervisionForm
    property alias flickable: flick
    background: Rectangle { color: Theme.background }

    RecordForm {
        id: supervisionForm
        store: AppState.store
        recordType: "supervision"
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
        function onSuspending() { supervisionForm.autosaveNow() }
    }
    Component.onCompleted: recordId.length > 0 ? supervisionForm.open(recordId) : supervisionForm.startNew(childIds)

    readonly property string childName: {
        const names = supervisionForm.childNames
        const keys = Object.keys(names)
        return keys.length > 0 ? names[keys[0]].name : ""
    }
    readonly property string workerId: supervisionForm.value("worker", supervisionForm.version) || ""
    function userName(id) {
        if (!id)
            return qsTr("Not allocated")
        if (id === AppState.userId)
            return AppState.displayName
        return supervisionForm.userNames[id] || qsTr("Worker %1").arg(id.substring(0, 8))
    }

    FormScroller {
        id: flick
        anchors.fill: parent
        header: FormHeader {
            title: supervisionForm.amends.length > 0 ? qsTr("Amend case supervision") : qsTr("Case supervision")
            stateText: Labels.recordState(supervisionForm.state)
            onBack: { supervisionForm.autosaveNow(); page.StackView.view.pop() }
        }
        footer: FormFooter {
            form: supervisionForm
            submitText: qsTr("Submit")
            submitAccessibleName: qsTr("Submit the supervision record")
        }

        ErrorSummary {
            id: errorSummary
            form: supervisionForm
            scroller: flick
            title: qsTr("%n thing(s) to complete before submitting:", "", supervisionForm.errorFields.length)
            Layout.fillWidth: true
        }
        Label {
            visible: supervisionForm.returnReason.length > 0
            text: qsTr("Returned by a manager: %1").arg(supervisionForm.returnReason)
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "restoreNote"
            visible: supervisionForm.restoreNote.length > 0
            text: supervisionForm.restoreNote
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        // Who and when.
        GridLayout {
            columns: page.width / Theme.textScale > 700 ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.spacing
            Layout.fillWidth: true
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label { text: qsTr("Child"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    text: page.childName
                    font.pixelSize: Theme.title
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                FieldError {
                    objectName: "fieldError:child_id"
                    message: supervisionForm.errors["child_id"] || ""
                    Layout.fillWidth: true
                }
            }
            DateField {
                form: supervisionForm; path: "held_on"
                label: qsTr("Date of supervision"); required: true
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label { text: qsTr("Supervisor"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    text: AppState.displayName.length > 0 ? AppState.displayName : qsTr("You")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label { text: qsTr("Worker supervised"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                ChoiceBox {
                    id: workerBox
                    objectName: "workerPicker"
                    visible: Object.keys(supervisionForm.userNames).length > 0
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touch
                    textRole: "text"
                    valueRole: "value"
                    model: {
                        const names = supervisionForm.userNames
                        const list = Object.keys(names).map(id => ({ value: id, text: names[id] }))
                        if (page.workerId.length > 0 && !names[page.workerId])
                            list.unshift({ value: page.workerId, text: page.userName(page.workerId) })
                        return list
                    }
                    currentIndex: indexOfValue(page.workerId)
                    Accessible.name: qsTr("Worker supervised: %1").arg(currentText)
                    onActivated: supervisionForm.setValue("worker", currentValue)
                }
                Label {
                    visible: !workerBox.visible
                    text: page.userName(page.workerId)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        LabeledArea {
            form: supervisionForm; path: "discussion"
            label: qsTr("Discussion")
            hint: qsTr("What was discussed: the child's progress against the plan, risks, the child's views.")
            required: true
            Layout.fillWidth: true
        }
        LabeledArea {
            form: supervisionForm; path: "decisions"
            label: qsTr("Decisions and why")
            hint: qsTr("The management decision and the reasons for it, so the record shows the rationale.")
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("Prioritised actions") }
        Label {
            text: qsTr("Each action needs a priority, an owner and a date.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        PrioritisedActions {
            form: supervisionForm
            Layout.fillWidth: true
        }
        Repeater {
            model: supervisionForm.promptList.filter(p => p.field !== "discussion" && p.field !== "decisions")
            delegate: PromptNote {
                required property var modelData
                prompt: modelData
                Layout.fillWidth: true
            }
        }
    }
}
