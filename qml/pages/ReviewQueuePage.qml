// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A manager's approval queue: the team's submitted records, safety concerns first, then the
// longest waiting; decisions queued on this tablet and what the service made of them.
Page {
    id: page
    objectName: "reviewQueuePage"
    property alias model: queue
    /** The signed-in manager (set by tests and screenshots when there is no sign-in). */
    property string userId: AppState.userId
    background: Rectangle { color: Theme.background }

    ReviewQueueModel {
        id: queue
        store: AppState.store
        userId: page.userId
    }
    Connections {
        target: AppState
        function onRecordsChanged() { queue.reload() }
    }
    // Back from a record: show what was just decided.
    StackView.onActivated: queue.reload()

    header: Rectangle {
        color: Theme.surface
        implicitHeight: top.implicitHeight + 2 * Theme.spacing
        ColumnLayout {
            id: top
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: 4
            // On a narrow screen at a large text size "Sync now" goes under the title, not beside it.
            GridLayout {
                id: titleGrid
                readonly property bool narrow: page.width / Theme.textScale < 420
                Layout.fillWidth: true
                columns: narrow ? 2 : 3
                columnSpacing: Theme.spacing
                ToolButton {
                    text: qsTr("‹ Back")
                    Layout.minimumHeight: Theme.touch
                    Accessible.name: qsTr("Back")
                    onClicked: page.StackView.view.pop()
                }
                PageTitle {
                    text: qsTr("Approval queue")
                }
                Button {
                    objectName: "reviewSyncButton"
                    text: AppState.syncing ? qsTr("Syncing…") : qsTr("Sync now")
                    enabled: !AppState.syncing
                    Layout.minimumHeight: Theme.touch
                    Layout.columnSpan: titleGrid.narrow ? 2 : 1
                    Layout.fillWidth: titleGrid.narrow
                    Accessible.name: qsTr("Sync now: send queued decisions and fetch new records")
                    onClicked: AppState.syncNow()
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Badge {
                    text: qsTr("Waiting for you: %1").arg(queue.waitingCount)
                    tint: Theme.accent
                    fill: Theme.infoSoft
                }
                Badge {
                    text: queue.concernDraftCount > 0 ? qsTr("Safety concerns in drafts: %1").arg(queue.concernDraftCount) : ""
                    tint: Theme.danger
                    fill: Theme.dangerSoft
                }
                Badge {
                    text: queue.queuedCount > 0 ? qsTr("Decisions queued to send: %1").arg(queue.queuedCount) : ""
                    tint: Theme.ok
                    fill: Theme.okSoft
                }
                Badge {
                    text: queue.attentionCount > 0 ? qsTr("Not accepted, look again: %1").arg(queue.attentionCount) : ""
                    tint: Theme.danger
                    fill: Theme.dangerSoft
                }
            }
            Label {
                text: qsTr("Safety concerns first, then the longest waiting. Decisions made offline are sent at the next sync; the service checks that the record has not changed since you read it.")
                color: Theme.muted
                font.pixelSize: Theme.small
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    ListView {
        id: list
        objectName: "reviewQueueList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        clip: true
        model: queue
        keyNavigationEnabled: true
        focus: true
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row
            required property int index
            required property string recordId
            required property string typeText
            required property string title
            required property string childNames
            required property string authorName
            required property string submittedText
            required property string waitingText
            required property bool safetyConcern
            required property string decisionStatus
            required property string decisionStatusText
            required property string decisionError
            required property bool draft
            readonly property bool problem: decisionStatus === "conflict" || decisionStatus === "refused"
            width: ListView.view.width
            height: Math.max(Theme.touch, content.implicitHeight + 2 * Theme.spacing)
            highlighted: ListView.isCurrentItem
            Accessible.name: (safetyConcern ? qsTr("Safety concern. ") : "") + (draft ? qsTr("Draft, not yet submitted. ") : "")
                             + qsTr("%1 for %2 by %3, %4").arg(title).arg(childNames).arg(authorName).arg(waitingText)
                             + (decisionStatusText.length > 0 ? ". " + decisionStatusText : "")
            background: Rectangle {
                radius: Theme.radius
                color: row.down || row.highlighted ? Theme.infoSoft : Theme.surface
                border.color: row.safetyConcern || row.problem ? Theme.danger : Theme.border
                border.width: row.safetyConcern || row.problem ? 2 : 1
            }
            onClicked: page.StackView.view.push(Qt.resolvedUrl("ReviewPage.qml"), { recordId: row.recordId, userId: page.userId })
            Keys.onReturnPressed: clicked()

            contentItem: GridLayout {
                id: content
                columns: page.width / Theme.textScale > 900 ? 3 : page.width / Theme.textScale > 600 ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: 4
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                    Flow {
                        spacing: Theme.spacing / 2
                        Layout.fillWidth: true
                        Badge {
                            text: row.safetyConcern ? qsTr("⚠ Safety concern") : ""
                            tint: Theme.danger
                            fill: Theme.dangerSoft
                        }
                        Badge {
                            objectName: "draftBadge"
                            text: row.draft ? qsTr("Draft: not submitted yet") : ""
                            tint: Theme.warning
                            fill: Theme.warningSoft
                        }
                    }
                    Label {
                        text: row.childNames
                        font.pixelSize: Theme.title
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.title // already says what kind of record it is
                        color: Theme.muted
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    Label {
                        text: qsTr("By %1").arg(row.authorName)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.submittedText
                        color: Theme.muted
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.waitingText
                        visible: text.length > 0
                        font.pixelSize: Theme.small
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    Label {
                        objectName: "decisionStatus"
                        visible: text.length > 0
                        text: row.decisionStatusText
                        color: row.problem ? Theme.danger : Theme.ok
                        font.pixelSize: Theme.small
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: row.decisionStatus === "refused" && row.decisionError.length > 0
                        text: row.decisionError
                        color: Theme.danger
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        // The whole row opens the record; the hint only where there is room for it.
                        visible: row.decisionStatus.length === 0 && content.columns === 3
                        text: row.draft ? qsTr("Open to read ›") : qsTr("Open to read and decide ›")
                        color: Theme.accent
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: list.count === 0 && !queue.loading
            width: parent.width * 0.8
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: queue.errorString.length > 0 ? queue.errorString
                                               : qsTr("Nothing is waiting for your decision. Submitted records of your team arrive with each sync.")
            color: Theme.muted
        }
    }
}
