// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Adds a child from the caseload to the record (a brother or sister in the household), found by
// name; children already on it are shown as such. The form decides what adding means.
Popup {
    id: popup
    objectName: "childPicker"
    required property RecordForm form
    readonly property var onRecord: form.childIds(form.version)
    /** A direct work session is worded as a session; everything else takes children as a visit. */
    readonly property bool session: form.recordType === "direct_work"

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 640, 640)
    height: Math.min(Overlay.overlay ? Overlay.overlay.height - 2 * Theme.margin : 720, 720)
    padding: Theme.margin
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }
    onAboutToShow: { search.text = ""; search.forceActiveFocus() }

    CaseloadModel {
        id: caseload
        store: popup.opened ? AppState.store : null
        searchText: search.text
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            text: popup.session ? qsTr("Add a child to this session") : qsTr("Add a child to this visit")
            font.pixelSize: Theme.title
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: popup.session ? qsTr("For example a brother or sister who took part in the session.")
                                : qsTr("For example a brother or sister in the household. Each child gets their own card.")
            color: Theme.muted
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: search
            objectName: "childSearch"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touch
            font.pixelSize: Theme.body
            placeholderText: qsTr("Search your caseload by name")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
            Accessible.name: qsTr("Search your caseload by name")
            Keys.onDownPressed: list.forceActiveFocus()
        }
        ListView {
            id: list
            objectName: "childList"
            model: caseload
            clip: true
            keyNavigationEnabled: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string childId
                required property string name
                required property string legalStatusText
                readonly property bool already: popup.onRecord.indexOf(childId) >= 0
                width: ListView.view.width
                height: Math.max(Theme.touch, rowText.implicitHeight + 16)
                enabled: !already
                highlighted: ListView.isCurrentItem && list.activeFocus
                Accessible.name: already ? (popup.session ? qsTr("%1, already on this session").arg(name)
                                                          : qsTr("%1, already on this visit").arg(name))
                                         : qsTr("Add %1").arg(name)
                onClicked: if (popup.form.addChild(childId)) popup.close()
                Keys.onReturnPressed: clicked()
                contentItem: ColumnLayout {
                    id: rowText
                    spacing: 0
                    Label {
                        text: row.name
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: row.already ? Theme.muted : Theme.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: !row.already ? row.legalStatusText
                                           : popup.session ? qsTr("%1 · already on this session").arg(row.legalStatusText)
                                                           : qsTr("%1 · already on this visit").arg(row.legalStatusText)
                        font.pixelSize: Theme.small
                        color: Theme.muted
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && !caseload.loading
                text: qsTr("No child on your caseload has that name.")
                color: Theme.muted
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
        Button {
            text: qsTr("Cancel")
            Layout.minimumHeight: Theme.touch
            Layout.alignment: Qt.AlignRight
            font.pixelSize: Theme.body
            Accessible.name: qsTr("Close without adding a child")
            onClicked: popup.close()
        }
    }
}
