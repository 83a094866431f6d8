// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Always visible while unlocked: online or not, last sync, what is waiting, problems.
ToolBar {
    id: bar
    signal outboxRequested()
    signal conflictsRequested()
    signal homeRequested()

    background: Rectangle {
        color: AppState.online ? Theme.accent : "#4a4f57"
    }

    /** Below ~600 px (a phone, a split screen, or large text) the status gets a line of its own
     *  and the buttons may wrap their words, so nothing is cut to "S…" and Lock stays on screen. */
    readonly property bool narrow: width < 600
    /** Narrow and the buttons do not fit on one line either (large text): Outbox and Conflicts
     *  move to a line of their own. Measured on the buttons' unwrapped widths, so no layout loop. */
    readonly property bool stacked: narrow
        && homeButton.implicitWidth + outboxButton.implicitWidth + lockButton.implicitWidth
           + (conflictsButton.visible ? conflictsButton.implicitWidth + grid.columnSpacing : 0)
           + 2 * grid.columnSpacing + 2 * Theme.spacing > width

    // Text buttons on the bar: white text, a light wash only when pressed or focused. Their words
    // wrap rather than push the buttons after them off the bar.
    component BarButton: ToolButton {
        id: barButton
        property color textColor: "white"
        Layout.fillWidth: bar.narrow
        Layout.preferredWidth: implicitWidth
        Layout.minimumWidth: Math.min(implicitWidth, Theme.touch)
        Layout.minimumHeight: Theme.touch
        contentItem: Label {
            text: barButton.text
            font: barButton.font
            color: barButton.textColor
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignVCenter
            horizontalAlignment: Text.AlignHCenter
        }
        background: Rectangle {
            radius: 4
            color: barButton.down ? "#33ffffff" : "transparent"
            border.color: barButton.visualFocus ? "white" : "transparent"
        }
    }

    // Wide: caseload | status | progress | outbox | conflicts | Lock, on one line.
    // Narrow: caseload | outbox | conflicts | Lock, then the status (and progress) below.
    // Stacked: caseload | Lock, then outbox | conflicts, then the status.
    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        columnSpacing: bar.narrow ? Theme.spacing / 2 : Theme.spacing
        rowSpacing: 0

        BarButton {
            id: homeButton
            objectName: "syncBarHome"
            text: AppState.isManager ? qsTr("Team caseload") : qsTr("My caseload")
            font.pixelSize: Theme.body
            font.bold: true
            Layout.row: 0
            Layout.column: 0
            Layout.columnSpan: bar.stacked ? 3 : 1
            Accessible.name: AppState.isManager ? qsTr("Go to the team's caseload") : qsTr("Go to my caseload")
            onClicked: bar.homeRequested()
        }

        Label {
            objectName: "syncBarStatus"
            Layout.row: bar.stacked ? 2 : bar.narrow ? 1 : 0
            Layout.column: bar.narrow ? 0 : 1
            Layout.columnSpan: bar.narrow ? 4 : 1
            Layout.fillWidth: true
            Layout.bottomMargin: bar.narrow ? Theme.spacing / 2 : 0
            color: "white"
            font.pixelSize: Theme.small
            wrapMode: bar.narrow ? Text.Wrap : Text.NoWrap
            elide: bar.narrow ? Text.ElideNone : Text.ElideRight
            text: (AppState.online ? "" : "● ") + AppState.syncStatus
            Accessible.name: qsTr("Sync status: %1").arg(AppState.syncStatus)
        }

        ProgressBar {
            visible: AppState.syncing && AppState.progressTotal > 0
            from: 0
            to: Math.max(1, AppState.progressTotal)
            value: AppState.progressDone
            Layout.row: bar.stacked ? 3 : bar.narrow ? 2 : 0
            Layout.column: bar.narrow ? 0 : 2
            Layout.columnSpan: bar.narrow ? 4 : 1
            Layout.fillWidth: bar.narrow
            Layout.preferredWidth: 120
            Layout.bottomMargin: bar.narrow ? Theme.spacing / 2 : 0
            Accessible.name: qsTr("Sync progress")
        }

        BarButton {
            id: outboxButton
            objectName: "syncBarOutbox"
            text: AppState.quarantinedCount > 0
                  ? qsTr("Outbox: %1 waiting, %2 refused").arg(AppState.pendingCount).arg(AppState.quarantinedCount)
                  : qsTr("Outbox: %1 waiting").arg(AppState.pendingCount)
            font.pixelSize: Theme.small
            Layout.row: bar.stacked ? 1 : 0
            Layout.column: bar.stacked ? 0 : bar.narrow ? 1 : 3
            Layout.columnSpan: bar.stacked ? 2 : 1
            Accessible.name: text
            onClicked: bar.outboxRequested()
        }

        BarButton {
            id: conflictsButton
            objectName: "syncBarConflicts"
            visible: AppState.conflictCount > 0
            text: qsTr("Conflicts: %1").arg(AppState.conflictCount)
            font.pixelSize: Theme.small
            font.bold: true
            Layout.row: bar.stacked ? 1 : 0
            Layout.column: bar.stacked ? 2 : bar.narrow ? 2 : 4
            Layout.columnSpan: bar.stacked ? 2 : 1
            textColor: "#ffe08a"
            Accessible.name: qsTr("%1 conflicts to resolve").arg(AppState.conflictCount)
            onClicked: bar.conflictsRequested()
        }

        // Lock never shrinks or wraps: it is how a worker leaves the tablet safely.
        BarButton {
            id: lockButton
            objectName: "syncBarLock"
            text: qsTr("Lock")
            font.pixelSize: Theme.small
            Layout.row: 0
            Layout.column: bar.narrow ? 3 : 5
            Layout.fillWidth: false
            Layout.minimumWidth: Math.max(implicitWidth, Theme.touch)
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            Accessible.name: qsTr("Lock the app now")
            onClicked: AppState.lock()
        }
    }
}
