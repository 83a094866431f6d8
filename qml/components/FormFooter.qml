// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A record form's footer: whether the draft is kept, "Save draft" and the submit button. On a
// phone, or a narrow window at a large text size, the status takes its own line and the two
// buttons share the next, or take a line each when their words would not fit side by side.
Rectangle {
    id: footer
    /** The RecordForm behind the page: its busy state and its save and submit. */
    required property RecordForm form
    property string statusText: form.busy ? qsTr("Saving…") : qsTr("Drafts are kept automatically")
    property string submitText: qsTr("Submit for approval")
    property string submitAccessibleName: submitText
    readonly property bool narrow: Theme.isNarrow(width)
    readonly property bool buttonsFit: save.implicitWidth + submit.implicitWidth + Theme.spacing <= grid.width

    color: Theme.surface
    implicitHeight: grid.implicitHeight + 2 * Theme.spacing
    border.color: Theme.border
    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: !footer.narrow ? 3 : footer.buttonsFit ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing / 2
        Label {
            text: footer.statusText
            color: Theme.muted
            font.pixelSize: Theme.small
            Layout.fillWidth: true
            Layout.columnSpan: grid.columns === 2 ? 2 : 1
            wrapMode: footer.narrow ? Text.Wrap : Text.NoWrap
            elide: footer.narrow ? Text.ElideNone : Text.ElideRight
        }
        Button {
            id: save
            objectName: "saveDraftButton"
            text: qsTr("Save draft")
            enabled: !footer.form.busy
            Layout.minimumHeight: Theme.touch
            Layout.fillWidth: footer.narrow
            Accessible.name: qsTr("Save as a draft")
            onClicked: footer.form.saveDraft()
        }
        Button {
            id: submit
            objectName: "submitButton"
            text: footer.submitText
            enabled: !footer.form.busy
            highlighted: true
            Layout.minimumHeight: Theme.touch
            Layout.fillWidth: footer.narrow
            Accessible.name: footer.submitAccessibleName
            onClicked: footer.form.submit()
        }
    }
}
