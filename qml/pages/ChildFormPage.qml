// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// The child's plan (how often to visit, the contingency, the actions and where each stands), the
// legal status that sets which visits are due, and the profile a worker keeps up to date. A child has no approval workflow: Save checks the same
// rules as the service and the change goes with the next sync like any other.
Page {
    id: page
    objectName: "childFormPage"
    // Opened from the child page by childId, from the outbox (RecordPages.formFor) by recordId.
    property string recordId: ""
    property string childId: recordId
    property alias form: childForm
    property alias flickable: flick
    readonly property string legalStatus: childForm.value("legal_status", childForm.version) || ""
    readonly property bool ownFrequency: childForm.value("plan.visiting_frequency", childForm.version) !== undefined
    readonly property string childName: {
        const r = childForm.record
        const preferred = r.preferred_name || ""
        return ((preferred.length > 0 ? preferred : (r.first_name || "")) + " " + (r.last_name || "")).trim()
    }
    background: Rectangle { color: Theme.background }

    RecordForm {
        id: childForm
        store: AppState.store
        recordType: "child"
        author: AppState.userId
        onSaved: {
            AppState.recordSaved()
            if (page.StackView.view)
                page.StackView.view.pop()
        }
        onSubmitRefused: errorSummary.showFromTop()
    }
    Connections {
        target: AppState
        function onSuspending() { childForm.autosaveNow() }
    }
    Component.onCompleted: childForm.open(childId)

    FormScroller {
        id: flick
        anchors.fill: parent
        header: Rectangle {
            color: Theme.surface
            implicitHeight: titleRow.implicitHeight + 2 * Theme.spacing
            RowLayout {
                id: titleRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                ToolButton {
                    text: qsTr("‹ Back")
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Back; your changes are kept as a draft")
                    onClicked: { childForm.autosaveNow(); page.StackView.view.pop() }
                }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    PageTitle {
                        text: qsTr("Plan and profile")
                    }
                    Label {
                        text: page.childName + (page.legalStatus.length > 0 ? " · " + Labels.legalStatus(page.legalStatus) : "")
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
        footer: Rectangle {
            id: footerBar
            // On a phone, or at a large text size, the status gets its own line above the button.
            readonly property bool narrow: Theme.isNarrow(width)
            color: Theme.surface
            implicitHeight: footerRow.implicitHeight + 2 * Theme.spacing
            border.color: Theme.border
            GridLayout {
                id: footerRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                columns: footerBar.narrow ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2
                Label {
                    text: childForm.busy ? qsTr("Saving…") : (childForm.dirty ? qsTr("Not saved yet; a draft is kept") : qsTr("No changes"))
                    color: Theme.muted
                    font.pixelSize: Theme.small
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Button {
                    objectName: "saveChildButton"
                    Layout.fillWidth: footerBar.narrow
                    text: qsTr("Save changes")
                    enabled: !childForm.busy && childForm.ready
                    highlighted: true
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Save the plan and profile")
                    onClicked: childForm.submit()
                }
            }
        }

        ErrorSummary {
            id: errorSummary
            form: childForm
            scroller: flick
            title: qsTr("%n thing(s) to put right before saving:", "", childForm.errorFields.length)
            Layout.fillWidth: true
        }
        Label {
            visible: childForm.restoredDraft
            text: qsTr("Your unsaved changes from before are restored.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "restoreNote"
            visible: childForm.restoreNote.length > 0
            text: childForm.restoreNote
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("Plan"); topPadding: 0 }

        // How often: the plan's own frequency, or the council's policy / regulation 28.
        Label {
            text: qsTr("How often the child is to be visited")
            font.pixelSize: Theme.body
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: page.legalStatus === "looked_after"
                  ? qsTr("Regulation 28 sets the longest time allowed between visits. A frequency on the plan can only make visits more frequent.")
                  : qsTr("Without a frequency on the plan, the council's policy for the child's legal status applies.")
            color: Theme.muted
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        WrapSwitch {
            id: ownFrequencySwitch
            objectName: "ownFrequencySwitch"
            text: qsTr("The plan sets how often")
            checked: page.ownFrequency
            // A fortnight in working days to start from; the worker sets what the plan says.
            onToggled: childForm.setValue("plan.visiting_frequency", checked ? { every: 10, unit: "working_days" } : null)
        }
        RowLayout {
            visible: page.ownFrequency
            spacing: Theme.spacing
            Layout.fillWidth: true
            Label {
                text: qsTr("Every")
                font.pixelSize: Theme.body
            }
            SpinBox {
                id: everySpin
                objectName: "frequencyEvery"
                from: 1
                to: 365
                editable: true
                value: childForm.value("plan.visiting_frequency.every", childForm.version) || 1
                font.pixelSize: Theme.body
                Layout.minimumHeight: Theme.touch
                Accessible.name: qsTr("Visit every how many days")
                onValueModified: childForm.setValue("plan.visiting_frequency.every", value)
                // The style's editor, named: it is what has the focus while a number is typed.
                contentItem: TextInput {
                    text: everySpin.displayText
                    font: everySpin.font
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: "white"
                    horizontalAlignment: Qt.AlignHCenter
                    verticalAlignment: Qt.AlignVCenter
                    readOnly: !everySpin.editable
                    validator: everySpin.validator
                    inputMethodHints: Qt.ImhDigitsOnly
                    selectByMouse: true
                    clip: width < implicitWidth
                    Accessible.name: everySpin.Accessible.name
                }
            }
            ChoiceBox {
                objectName: "frequencyUnit"
                readonly property var units: Labels.frequencyUnits()
                model: units
                textRole: "text"
                valueRole: "value"
                currentIndex: Math.max(0, units.findIndex(u => u.value === childForm.value("plan.visiting_frequency.unit", childForm.version)))
                font.pixelSize: Theme.body
                Layout.minimumHeight: Theme.touch
                Layout.fillWidth: true
                Accessible.name: qsTr("Counted in")
                onActivated: childForm.setValue("plan.visiting_frequency.unit", currentValue)
            }
        }
        FieldError {
            objectName: "fieldError:plan.visiting_frequency"
            message: childForm.errors["plan.visiting_frequency"] || childForm.errors["plan.visiting_frequency.every"] || ""
            Layout.fillWidth: true
        }
        PromptNote {
            prompt: childForm.prompts["plan.visiting_frequency"]
            Layout.fillWidth: true
        }
        LabeledArea {
            objectName: "frequencyReason"
            visible: page.ownFrequency
            form: childForm
            path: "visiting_frequency_reason"
            label: qsTr("Why this often")
            hint: qsTr("What the frequency rests on, and who agreed it and when: a conference, a review, a change in risk.")
            Layout.fillWidth: true
        }

        LabeledArea {
            form: childForm
            path: "plan.contingency"
            label: qsTr("Contingency plan")
            hint: qsTr("What will happen if the plan is not working or things get worse, and who will act.")
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Actions on the plan")
            font.pixelSize: Theme.body
            font.bold: true
            Layout.fillWidth: true
        }
        PromptNote {
            prompt: childForm.prompts["plan.actions"]
            Layout.fillWidth: true
        }
        ActionsEditor {
            form: childForm
            listPath: "plan.actions"
            showStatus: true
            Layout.fillWidth: true
        }

        // The legal status sets which visits are due (the council's policy, or regulation 28).
        SectionHeader { text: qsTr("Legal status") }
        Label {
            text: qsTr("Change it when a decision changes it: a child protection conference, a court order, the child coming into care or leaving it. The visits due follow the new status.")
            color: Theme.muted
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ReasonPicker {
            objectName: "legalStatus"
            form: childForm; path: "legal_status"
            label: qsTr("Legal status")
            options: Labels.legalStatuses()
            Layout.fillWidth: true
        }
        ReasonPicker {
            objectName: "cpCategory"
            visible: page.legalStatus === "child_protection"
            form: childForm; path: "cp_category"
            label: qsTr("Category of the child protection plan")
            options: Labels.cpCategories()
            Layout.fillWidth: true
        }

        // A looked-after child's placement drives the regulation 28 intervals.
        SectionHeader {
            visible: page.legalStatus === "looked_after"
            text: qsTr("Placement")
        }
        GridLayout {
            visible: page.legalStatus === "looked_after"
            columns: page.width > 700 && Theme.textScale < 1.5 ? 3 : 1
            columnSpacing: Theme.margin
            Layout.fillWidth: true
            DateField {
                form: childForm; path: "placement.start"
                label: qsTr("Placement started"); required: true
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            ReasonPicker {
                form: childForm; path: "placement.kind"
                label: qsTr("Kind of placement")
                options: Labels.placementKinds()
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            DateField {
                form: childForm; path: "placement.first_review"
                label: qsTr("First review")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
        }

        SectionHeader { text: qsTr("About the child") }
        GridLayout {
            columns: page.width > 700 && Theme.textScale < 1.5 ? 2 : 1
            columnSpacing: Theme.margin
            Layout.fillWidth: true
            LabeledField {
                objectName: "firstName"
                form: childForm; path: "first_name"
                label: qsTr("First name")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                objectName: "lastName"
                form: childForm; path: "last_name"
                label: qsTr("Last name")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            DateField {
                objectName: "dateOfBirth"
                form: childForm; path: "date_of_birth"
                label: qsTr("Date of birth")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: childForm; path: "gender"
                label: qsTr("Gender")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: childForm; path: "ethnicity"
                label: qsTr("Ethnicity")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: childForm; path: "preferred_name"
                label: qsTr("Preferred name")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: childForm; path: "first_language"
                label: qsTr("First language")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            YesNo {
                form: childForm; path: "interpreter_needed"
                label: qsTr("Interpreter needed")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: childForm; path: "religion"
                label: qsTr("Religion")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
        }
        LabeledField {
            form: childForm; path: "disability"
            label: qsTr("Disability or special educational needs")
            Layout.fillWidth: true
        }
        LabeledArea {
            form: childForm; path: "address"
            label: qsTr("Address")
            Layout.fillWidth: true
        }
    }
}
