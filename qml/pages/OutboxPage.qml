// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// What this tablet is sending, what failed and why, what the service accepted or returned, and
// what it sent that this version could not store.
Page {
    id: page
    objectName: "outboxPage"
    property alias model: outbox
    background: Rectangle { color: Theme.background }

    OutboxModel {
        id: outbox
        store: AppState.store
        onRequeued: AppState.syncNow()
    }
    Connections {
        target: AppState
        function onRecordsChanged() { outbox.reload() }
        function onCountsChanged() { outbox.reload() }
    }

    header: Rectangle {
        color: Theme.surface
        implicitHeight: top.implicitHeight + 2 * Theme.spacing
        ColumnLayout {
            id: top
            anchors.fill: parent
            anchors.margins: Theme.spacing
            // On a narrow screen at a large text size "Sync now" goes under the title, not over it.
            GridLayout {
                readonly property bool narrow: page.width / Theme.textScale < 420
                Layout.fillWidth: true
                columns: narrow ? 2 : 3
                ToolButton {
                    text: qsTr("‹ Back")
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Back")
                    onClicked: page.StackView.view.pop()
                }
                PageTitle {
                    text: qsTr("Outbox")
                }
                Button {
                    objectName: "syncNowButton"
                    text: AppState.syncing ? qsTr("Syncing…") : qsTr("Sync now")
                    enabled: !AppState.syncing
                    highlighted: true
                    Layout.minimumHeight: Theme.touch
                    Layout.columnSpan: parent.narrow ? 2 : 1
                    Layout.fillWidth: parent.narrow
                    Accessible.name: qsTr("Sync now")
                    onClicked: AppState.syncNow()
                }
            }
            Label {
                text: AppState.syncStatus + (AppState.syncError.length > 0 && AppState.syncStatus.indexOf(AppState.syncError) < 0 ? " — " + AppState.syncError : "")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                color: AppState.syncError.length > 0 ? Theme.danger : Theme.muted
            }
            ProgressBar {
                visible: AppState.syncing
                indeterminate: AppState.progressTotal === 0
                from: 0
                to: Math.max(1, AppState.progressTotal)
                value: AppState.progressDone
                Layout.fillWidth: true
                Accessible.name: qsTr("Sync progress")
            }
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        clip: true
        model: outbox
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: item
            required property int index
            required property string title
            required property string status
            required property string statusText
            required property string reason
            required property string recordId
            required property string type
            required property string advice
            required property bool canSendAgain
            required property bool canFix
            width: ListView.view.width
            implicitHeight: Math.max(Theme.touch, row.implicitHeight + 2 * Theme.spacing)
            radius: Theme.radius
            color: Theme.surface
            border.color: status === "quarantined" ? Theme.danger : status === "returned" || status === "held" ? Theme.warning : Theme.border
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1: %2").arg(title).arg(statusText)
            // Wide: the text, then the status and its buttons on the right. Narrow (a phone, large
            // text): the status and buttons under the text, so the title keeps the row's width.
            GridLayout {
                id: row
                readonly property bool narrow: Theme.isNarrow(item.width)
                anchors.fill: parent
                anchors.margins: Theme.spacing
                columns: narrow ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: item.title; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label {
                        visible: item.reason.length > 0
                        text: item.status === "returned" ? qsTr("Manager's reason: %1").arg(item.reason)
                              : qsTr("Reason: %1").arg(item.reason)
                        color: item.status === "quarantined" ? Theme.danger : Theme.warning
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: item.advice.length > 0
                        text: item.advice
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.alignment: row.narrow ? Qt.AlignLeft : (Qt.AlignRight | Qt.AlignVCenter)
                    Layout.fillWidth: row.narrow
                    Badge {
                        wraps: row.narrow // at a large text size on a phone the status wraps rather than overflow
                        text: item.statusText
                        tint: item.status === "quarantined" ? Theme.danger : item.status === "accepted" ? Theme.ok
                              : item.status === "returned" || item.status === "held" ? Theme.warning : Theme.accent
                        fill: item.status === "quarantined" ? Theme.dangerSoft : item.status === "accepted" ? Theme.okSoft
                              : item.status === "returned" || item.status === "held" ? Theme.warningSoft : Theme.infoSoft
                    }
                    Button {
                        visible: item.canSendAgain
                        text: qsTr("Send again")
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: qsTr("Send %1 again").arg(item.title)
                        objectName: "sendAgainButton:" + item.recordId
                        onClicked: outbox.retry(item.index)
                    }
                    Button {
                        visible: item.status === "returned" || item.canFix
                        text: item.canFix ? qsTr("Open to fix") : qsTr("Reopen")
                        Layout.minimumHeight: Theme.touch
                        Accessible.name: item.canFix ? qsTr("Open %1 to fix it").arg(item.title) : qsTr("Reopen %1").arg(item.title)
                        objectName: "reopenButton:" + item.recordId
                        onClicked: page.StackView.view.push(Qt.resolvedUrl(RecordPages.formFor(item.type)), { recordId: item.recordId })
                    }
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("Nothing waiting. Everything on this tablet is on the service.")
            color: Theme.muted
            wrapMode: Text.Wrap
            width: parent.width * 0.8
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
