// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A team manager opens a new child's case (NewCaseForm): who the child is, their legal status,
// the worker who will hold the case and why. The service opens it; the child reaches the worker's
// tablet and the team's with their next sync. The child's details are a draft until then.
Page {
    id: page
    objectName: "newCasePage"
    property alias newCase: newCase
    property alias flickable: flick
    readonly property RecordForm form: newCase.form
    readonly property string legalStatus: form.value("legal_status", form.version) || ""
    background: Rectangle { color: Theme.background }

    NewCaseForm {
        id: newCase
        store: AppState.store
        managerSync: AppState.managerSync
        onOpened: (childId, childName, workerName) => {
            AppState.noteCaseOpened(childName, workerName)
            AppState.syncNow()
            if (page.StackView.view)
                page.StackView.view.pop()
        }
    }
    Connections {
        target: page.form
        function onSubmitRefused() { errorSummary.showFromTop() }
    }
    Connections {
        target: AppState
        function onSuspending() { newCase.autosaveNow() }
    }
    Component.onCompleted: newCase.start()

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
                    Accessible.name: qsTr("Back; what you wrote is kept as a draft")
                    onClicked: { newCase.autosaveNow(); page.StackView.view.pop() }
                }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    PageTitle {
                        text: qsTr("New child")
                    }
                    Label {
                        text: qsTr("Open a case for your team")
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
                    text: qsTr("Needs a connection to the service; until then the details are kept as a draft.")
                    color: Theme.muted
                    font.pixelSize: Theme.small
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "openCaseButton"
                    Layout.fillWidth: footerBar.narrow
                    text: newCase.busy ? qsTr("Opening…") : qsTr("Open the case")
                    enabled: !newCase.busy && page.form.ready
                    highlighted: true
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Open the case and allocate it")
                    onClicked: newCase.submit()
                }
            }
        }

        Rectangle {
            objectName: "newCaseError"
            visible: newCase.errorText.length > 0
            Layout.fillWidth: true
            implicitHeight: errorLabel.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.dangerSoft
            border.color: Theme.danger
            Label {
                id: errorLabel
                anchors.fill: parent
                anchors.margins: Theme.spacing
                text: newCase.errorText
                color: Theme.danger
                font.bold: true
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
        ErrorSummary {
            id: errorSummary
            form: page.form
            scroller: flick
            title: qsTr("%n thing(s) to put right before the case can be opened:", "", errorSummary.count)
            otherErrors: [{ path: "worker", message: newCase.workerError }, { path: "reason", message: newCase.reasonError }]
                .filter(e => e.message.length > 0)
            Layout.fillWidth: true
        }
        Label {
            visible: page.form.restoredDraft
            text: qsTr("The details you wrote before are restored.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("Who the child is"); topPadding: 0 }
        GridLayout {
            columns: page.width > 700 && Theme.textScale < 1.5 ? 2 : 1
            columnSpacing: Theme.margin
            Layout.fillWidth: true
            LabeledField {
                objectName: "firstName"
                form: page.form; path: "first_name"
                label: qsTr("First name")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                objectName: "lastName"
                form: page.form; path: "last_name"
                label: qsTr("Last name")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: page.form; path: "preferred_name"
                label: qsTr("Preferred name")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            DateField {
                objectName: "dateOfBirth"
                form: page.form; path: "date_of_birth"
                label: qsTr("Date of birth")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: page.form; path: "gender"
                label: qsTr("Gender")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: page.form; path: "ethnicity"
                label: qsTr("Ethnicity")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: page.form; path: "first_language"
                label: qsTr("First language")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            YesNo {
                form: page.form; path: "interpreter_needed"
                label: qsTr("Interpreter needed")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: page.form; path: "religion"
                label: qsTr("Religion")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            LabeledField {
                form: page.form; path: "disability"
                label: qsTr("Disability or special educational needs")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
        }
        LabeledArea {
            form: page.form; path: "address"
            label: qsTr("Address")
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("Legal status") }
        ReasonPicker {
            objectName: "legalStatus"
            form: page.form; path: "legal_status"
            label: qsTr("Legal status")
            options: Labels.legalStatuses()
            Layout.fillWidth: true
        }
        ReasonPicker {
            objectName: "cpCategory"
            visible: page.legalStatus === "child_protection"
            form: page.form; path: "cp_category"
            label: qsTr("Category of the child protection plan")
            options: Labels.cpCategories()
            Layout.fillWidth: true
        }
        // A looked-after child's placement sets the regulation 28 visits from the first week.
        GridLayout {
            visible: page.legalStatus === "looked_after"
            columns: page.width > 700 && Theme.textScale < 1.5 ? 3 : 1
            columnSpacing: Theme.margin
            Layout.fillWidth: true
            DateField {
                form: page.form; path: "placement.start"
                label: qsTr("Placement started"); required: true
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            ReasonPicker {
                form: page.form; path: "placement.kind"
                label: qsTr("Kind of placement")
                options: Labels.placementKinds()
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
            DateField {
                form: page.form; path: "placement.first_review"
                label: qsTr("First review")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
        }
        Label {
            text: qsTr("The allocated worker sets the plan (how often the child is visited, the contingency and the actions) once the case is open.")
            color: Theme.muted
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        SectionHeader { text: qsTr("Allocation") }
        Label { text: qsTr("Worker *"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
        ChoiceBox {
            objectName: "caseWorkerPicker"
            visible: newCase.workers.length > 0
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touch
            textRole: "text"
            valueRole: "value"
            model: newCase.workers
            displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
            currentIndex: indexOfValue(newCase.workerId)
            Accessible.name: qsTr("Worker who will hold the case: %1").arg(currentIndex < 0 ? qsTr("not chosen") : currentText)
            onActivated: newCase.workerId = currentValue
        }
        Label {
            objectName: "noWorkersNote"
            visible: newCase.workers.length === 0
            text: qsTr("No worker of your team is known on this tablet yet. Sync, then try again.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        FieldError {
            objectName: "fieldError:worker"
            message: newCase.workerError
            Layout.fillWidth: true
        }
        Label { text: qsTr("Reason *"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            text: qsTr("Why the case is opened and why with this worker: kept with your decision, in the child's chronology and the audit trail.")
            color: Theme.muted
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextArea {
            id: reasonArea
            objectName: "caseReason"
            Layout.fillWidth: true
            Layout.minimumHeight: Math.max(Theme.touch * 2, implicitHeight)
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.body
            text: newCase.reason
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("Type here")
            Accessible.name: qsTr("Reason for opening the case with this worker")
            onTextChanged: newCase.reason = text
            background: Rectangle {
                color: Theme.surface
                radius: 4
                border.width: reasonArea.activeFocus ? 2 : 1
                border.color: newCase.reasonError.length > 0 ? Theme.danger : (reasonArea.activeFocus ? Theme.accent : Theme.border)
            }
        }
        FieldError {
            objectName: "fieldError:reason"
            message: newCase.reasonError
            Layout.fillWidth: true
        }
    }
}
