// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// My children: who is due or overdue a visit, when each was last seen (and alone), what is unsynced.
Page {
    id: page
    objectName: "caseloadPage"
    property alias model: caseload
    // Read once here: on Qt 6.4 the compiled bindings inside the header's Flow reading the
    // AppState singleton directly left `store` below undefined on the first page.
    readonly property bool managerMode: AppState.isManager
    background: Rectangle { color: Theme.background }

    CaseloadModel {
        id: caseload
        store: AppState.store
        order: AppState.caseloadOrder
    }
    // Managers only: the count on the approval queue button (a worker's screen never loads it).
    ReviewQueueModel {
        id: reviewQueue
        userId: AppState.userId
    }
    Binding {
        target: reviewQueue
        property: "store"
        value: AppState.store
        when: AppState.isManager
    }
    // Requests from other teams to answer, as last fetched (re-read when fetched again).
    TransfersModel {
        id: transfers
        managerSync: AppState.managerSync
    }
    Binding {
        target: transfers
        property: "store"
        value: AppState.store
        when: AppState.isManager
    }
    Connections {
        target: AppState
        function onRecordsChanged() {
            caseload.reload()
            if (AppState.isManager)
                reviewQueue.reload()
        }
    }
    StackView.onActivated: if (AppState.isManager) {
        reviewQueue.reload()
        transfers.reload() // answers looked at since are no longer news
    }

    header: Rectangle {
        color: Theme.background
        implicitHeight: headerColumn.implicitHeight + Theme.spacing
        ColumnLayout {
            id: headerColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            spacing: 4
                // Wraps at large text sizes instead of pushing the counts off screen.
                Flow {
                    Layout.fillWidth: true
                    Layout.margins: Theme.margin
                    Layout.bottomMargin: 0
                    spacing: Theme.spacing
                    Label {
                        text: AppState.isManager ? qsTr("Team caseload") : qsTr("My caseload")
                        font.pixelSize: Theme.heading
                        font.bold: true
                        width: Math.min(implicitWidth, parent.width)
                        wrapMode: Text.Wrap
                    }
                    Badge {
                        text: caseload.summarised && caseload.overdueCount > 0 ? qsTr("%n overdue or due now", "", caseload.overdueCount) : ""
                        tint: Theme.danger
                        fill: Theme.dangerSoft
                    }
                    Label {
                        text: qsTr("%n children", "", caseload.count)
                        color: Theme.muted
                    }
                    WrapButton {
                        objectName: "dashboardButton"
                        visible: page.managerMode
                        text: qsTr("Team dashboard")
                        Accessible.name: qsTr("Open the team dashboard")
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("DashboardPage.qml"))
                    }
                    WrapButton {
                        objectName: "reviewQueueButton"
                        visible: page.managerMode
                        // A safety concern in a draft needs the manager's attention as much as a refused decision.
                        readonly property int attention: reviewQueue.attentionCount + reviewQueue.concernDraftCount
                        text: attention > 0
                              ? qsTr("Approval queue: %1 waiting, %2 need attention").arg(reviewQueue.waitingCount).arg(attention)
                              : qsTr("Approval queue: %1 waiting").arg(reviewQueue.waitingCount)
                        highlighted: reviewQueue.waitingCount > 0 || attention > 0
                        Accessible.name: text
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("ReviewQueuePage.qml"))
                    }
                    WrapButton {
                        objectName: "transfersButton"
                        visible: page.managerMode
                        text: transfers.incomingCount > 0 && transfers.answeredCount > 0
                              ? qsTr("Moves between teams: %1 to answer, %2 answered").arg(transfers.incomingCount).arg(transfers.answeredCount)
                              : transfers.incomingCount > 0 ? qsTr("Moves between teams: %n to answer", "", transfers.incomingCount)
                              : transfers.answeredCount > 0 ? qsTr("Moves between teams: %n answered", "", transfers.answeredCount)
                              : qsTr("Moves between teams")
                        highlighted: transfers.incomingCount > 0 || transfers.answeredCount > 0
                        Accessible.name: text
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("TransfersPage.qml"))
                    }
                    WrapButton {
                        objectName: "newCaseButton"
                        visible: page.managerMode
                        text: qsTr("New child")
                        Accessible.name: qsTr("Open a new child's case for your team")
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("NewCasePage.qml"))
                    }
                    WrapButton {
                        objectName: "settingsButton"
                        text: qsTr("Settings")
                        Accessible.name: qsTr("Settings: text size, sync and signing out")
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("SettingsPage.qml"))
                    }
                }
                // Children a sync took off this tablet (moved to another worker) or brought onto it,
                // and cases this manager opened, said once.
                Rectangle {
                    objectName: "caseloadNotice"
                    visible: AppState.caseloadNotice.length > 0
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    implicitHeight: noticeRow.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.infoSoft
                    border.color: Theme.accent
                    RowLayout {
                        id: noticeRow
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: Theme.spacing
                        Label {
                            text: AppState.caseloadNotice
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                        Button {
                            objectName: "dismissCaseloadNotice"
                            text: qsTr("OK")
                            Layout.minimumHeight: Theme.touch
                            Layout.minimumWidth: Theme.touch
                            Accessible.name: qsTr("Dismiss this message")
                            onClicked: AppState.dismissCaseloadNotice()
                        }
                    }
                }
                // Search, and the order of the list when nothing is searched for (one above the
                // other on a narrow screen).
                GridLayout {
                    columns: page.width / Theme.textScale > 600 ? 2 : 1
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    columnSpacing: Theme.spacing
                    TextField {
                        id: search
                        objectName: "searchField"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touch
                        placeholderText: qsTr("Search names and records")
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        Accessible.name: qsTr("Search the caseload")
                        onTextChanged: searchDelay.restart()
                        Timer {
                            id: searchDelay
                            interval: 250
                            onTriggered: caseload.searchText = search.text
                        }
                    }
                    ChoiceBox {
                        id: orderBox
                        objectName: "caseloadOrder"
                        enabled: search.text.length === 0 // a search lists the best match first
                        Layout.minimumHeight: Theme.touch
                        // Wide enough for the longer choice (on Qt 6.4 WidestText measured too short here),
                        // with the text field's own padding and the indicator. Not rightPadding: the
                        // Basic style drops the indicator from it while the page is hidden, and the
                        // width then stayed short when the page came back (the choice was cut off).
                        implicitWidth: Math.ceil(Math.max(urgentText.advanceWidth, nameText.advanceWidth))
                                       + leftPadding + padding + (indicator ? indicator.width + spacing : 0)
                                       + (contentItem ? contentItem.leftPadding + contentItem.rightPadding : 0) + Theme.spacing
                        Layout.minimumWidth: implicitWidth // the search field gives way, not the choice
                        TextMetrics { id: urgentText; font: orderBox.font; text: qsTr("Most urgent first") }
                        TextMetrics { id: nameText; font: orderBox.font; text: qsTr("By surname") }
                        textRole: "text"
                        valueRole: "value"
                        model: [
                            { text: urgentText.text, value: CaseloadModel.ByUrgency },
                            { text: nameText.text, value: CaseloadModel.ByName }
                        ]
                        // count: indexOfValue() finds nothing until the model is in.
                        currentIndex: count > 0 ? Math.max(0, indexOfValue(AppState.caseloadOrder)) : -1
                        Accessible.name: qsTr("Order of the children: %1").arg(currentText)
                        onActivated: AppState.caseloadOrder = currentValue
                    }
                }
        }
    }

    ListView {
        id: list
        objectName: "caseloadList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8
        clip: true
        model: caseload
        keyNavigationEnabled: true
        focus: true
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row
            required property int index
            required property string childId
            required property string name
            required property string dateOfBirth
            required property string legalStatusText
            required property string dueText
            required property bool overdue
            required property bool hasDue
            required property string lastSeen
            required property int seenAloneLast
            required property bool unsynced
            required property string supervisionText
            required property bool supervisionOverdue
            width: ListView.view.width
            height: Math.max(Theme.touch, content.implicitHeight + 2 * Theme.spacing)
            highlighted: ListView.isCurrentItem
            Accessible.name: qsTr("%1, %2, %3").arg(name).arg(legalStatusText).arg(dueText)
                             + (supervisionText.length > 0 ? ", " + supervisionText : "")
            background: Rectangle {
                radius: Theme.radius
                color: row.down || row.highlighted ? Theme.infoSoft : Theme.surface
                border.color: row.overdue ? Theme.danger : Theme.border
                border.width: row.overdue ? 2 : 1
            }
            onClicked: page.StackView.view.push(Qt.resolvedUrl("ChildPage.qml"), { childId: row.childId })
            Keys.onReturnPressed: clicked()

            contentItem: GridLayout {
                id: content
                columns: page.width / Theme.textScale > 900 ? 3 : 1
                columnSpacing: Theme.margin
                rowSpacing: 4
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                    Label {
                        text: row.name
                        font.pixelSize: Theme.title
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Born %1 · %2").arg(row.dateOfBirth).arg(row.legalStatusText)
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
                    Badge {
                        text: row.dueText
                        wraps: true
                        tint: row.overdue ? Theme.danger : row.hasDue ? Theme.ok : Theme.muted
                        fill: row.overdue ? Theme.dangerSoft : row.hasDue ? Theme.okSoft : Theme.background
                    }
                    Label {
                        text: row.lastSeen
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
                        text: row.seenAloneLast === 1 ? qsTr("Seen alone last visit")
                              : row.seenAloneLast === 0 ? qsTr("Not seen alone last visit") : ""
                        visible: text.length > 0
                        color: row.seenAloneLast === 0 ? Theme.warning : Theme.text
                        font.pixelSize: Theme.small
                        font.bold: row.seenAloneLast === 0
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "supervisionAction"
                        visible: text.length > 0
                        text: row.supervisionText
                        color: row.supervisionOverdue ? Theme.danger : Theme.text
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: row.unsynced
                        text: qsTr("⟳ Not yet sent to the service")
                        color: Theme.warning
                        font.pixelSize: Theme.small
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: list.count === 0 && !caseload.loading
            width: parent.width * 0.8
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: search.text.length > 0 ? qsTr("No child or record matches “%1”.").arg(search.text)
                                         : qsTr("No children on this tablet yet. They arrive with the first sync.")
            color: Theme.muted
        }
    }
}
