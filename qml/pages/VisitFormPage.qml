// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The visit form, in the order of a visit: why and when, each child, analysis, diversity, actions.
Page {
    id: page
    objectName: "visitFormPage"
    property var childIds: []
    property string recordId: ""
    property alias form: visitForm
    property alias flickable: flick
    background: Rectangle { color: Theme.background }

    RecordForm {
        id: visitForm
        store: AppState.store
        recordType: "visit"
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
        function onSuspending() { visitForm.autosaveNow() }
    }
    Component.onCompleted: recordId.length > 0 ? visitForm.open(recordId) : visitForm.startNew(childIds)

    FormScroller {
        id: flick
        anchors.fill: parent

        header: FormHeader {
            title: visitForm.amends.length > 0 ? qsTr("Amend a visit") : qsTr("Visit")
            stateText: Labels.recordState(visitForm.state)
            onBack: { visitForm.autosaveNow(); page.StackView.view.pop() }
        }
        footer: FormFooter {
            form: visitForm
            statusText: visitForm.busy ? qsTr("Saving…")
                        : !isNaN(visitForm.lastAutosave.getTime()) ? qsTr("Draft kept on this tablet at %1").arg(Qt.formatTime(visitForm.lastAutosave, "HH:mm:ss"))
                        : qsTr("Drafts are kept automatically")
            submitAccessibleName: qsTr("Submit the visit for approval")
        }

        // What needs fixing before the visit can be submitted.
        ErrorSummary {
            id: errorSummary
            form: visitForm
            scroller: flick
            title: qsTr("%n thing(s) to complete before submitting:", "", visitForm.errorFields.length)
            Layout.fillWidth: true
        }
        Rectangle {
            visible: visitForm.returnReason.length > 0
            Layout.fillWidth: true
            implicitHeight: returned.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.warningSoft
            border.color: Theme.warning
            Label {
                id: returned
                anchors.fill: parent
                anchors.margins: Theme.spacing
                text: qsTr("Returned by your manager: %1").arg(visitForm.returnReason)
                wrapMode: Text.Wrap
                font.bold: true
                color: Theme.warning
            }
        }
        Label {
            visible: visitForm.amends.length > 0
            text: qsTr("This visit was approved, so it cannot be changed. What you write here is an amendment: it is linked to the approved record and goes to your manager for approval.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: Theme.muted
        }
        Label {
            visible: visitForm.restoredDraft
            text: qsTr("Your unsaved draft was restored.")
            color: Theme.ok
            Layout.fillWidth: true
        }
        Label {
            objectName: "restoreNote"
            visible: visitForm.restoreNote.length > 0
            text: visitForm.restoreNote
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("1. Why and when"); Layout.fillWidth: true }
        LabeledArea {
            form: visitForm
            path: "rationale"
            label: qsTr("Why this visit")
            hint: qsTr("The purpose of the visit and what you needed to find out.")
            required: true
            Layout.fillWidth: true
        }
        GridLayout {
            columns: page.width > 700 && Theme.textScale < 1.5 ? 2 : 1
            columnSpacing: Theme.margin
            Layout.fillWidth: true
            DateField {
                form: visitForm; path: "started_at"
                Layout.alignment: Qt.AlignTop; withTime: true
                label: qsTr("Started"); required: true
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            DateField {
                form: visitForm; path: "ended_at"
                Layout.alignment: Qt.AlignTop; withTime: true
                label: qsTr("Ended")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            ReasonPicker {
                form: visitForm; path: "visit_type"
                Layout.alignment: Qt.AlignTop
                label: qsTr("Type of visit")
                options: Labels.visitTypes()
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            ReasonPicker {
                form: visitForm; path: "location"
                Layout.alignment: Qt.AlignTop
                label: qsTr("Where")
                options: Labels.locations()
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
        }
        LabeledField {
            objectName: "locationDetail"
            // Where, in words: the place when it was "other", or the school or contact centre by name.
            visible: (visitForm.value("location", visitForm.version) || "").length > 0
            form: visitForm; path: "location_detail"
            label: qsTr("Where exactly")
            Layout.fillWidth: true
        }
        YesNo {
            form: visitForm; path: "announced"
            label: qsTr("Was the visit announced?")
            Layout.fillWidth: true
        }
        LabeledField {
            form: visitForm; path: "present"
            label: qsTr("Who was present")
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("2. The children"); Layout.fillWidth: true }
        FieldError { objectName: "fieldError:children"; message: visitForm.errors["children"] || ""; Layout.fillWidth: true }
        Repeater {
            objectName: "cardRepeater"
            model: visitForm.count("children", visitForm.revision)
            delegate: ChildCard {
                form: visitForm
                removable: visitForm.count("children", visitForm.revision) > 1
                Layout.fillWidth: true
            }
        }
        Button {
            objectName: "addChildButton"
            text: qsTr("Add another child")
            font.pixelSize: Theme.body
            Layout.minimumHeight: Theme.touch
            Accessible.name: qsTr("Add another child to this visit, for example a brother or sister")
            onClicked: childPicker.open()
        }
        ChildPicker {
            id: childPicker
            form: visitForm
        }

        SectionHeader { text: qsTr("3. Analysis"); Layout.fillWidth: true }
        LabeledArea {
            form: visitForm; path: "analysis_risks"
            label: qsTr("Risks")
            hint: qsTr("What worries you, and why.")
            Layout.fillWidth: true
        }
        LabeledArea {
            form: visitForm; path: "analysis_strengths"
            label: qsTr("Strengths")
            Layout.fillWidth: true
        }
        LabeledArea {
            form: visitForm; path: "analysis_protective"
            label: qsTr("Protective factors")
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("4. Diversity"); Layout.fillWidth: true }
        LabeledArea {
            form: visitForm; path: "diversity"
            label: qsTr("How language, culture, religion and disability were taken into account")
            Layout.fillWidth: true
        }
        YesNo {
            form: visitForm; path: "interpreter_used"
            label: qsTr("Was an interpreter used?")
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("5. Actions"); Layout.fillWidth: true }
        PromptNote { prompt: visitForm.prompts["actions"]; Layout.fillWidth: true }
        ActionsEditor {
            form: visitForm
            Layout.fillWidth: true
        }
        Item { implicitHeight: Theme.margin }
    }
}
