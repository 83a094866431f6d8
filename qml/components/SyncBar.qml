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

    // Text buttons on the bar: white text, a light wash only when pressed or focused.
    component BarButton: ToolButton {
        id: barButton
        property color textColor: "white"
        contentItem: Label {
            text: barButton.text
            font: barButton.font
            color: barButton.textColor
            verticalAlignment: Text.AlignVCenter
            horizontalAlignment: Text.AlignHCenter
        }
        background: Rectangle {
            radius: 4
            color: barButton.down ? "#33ffffff" : "transparent"
            border.color: barButton.visualFocus ? "white" : "transparent"
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        BarButton {
            text: qsTr("My caseload")
            font.pixelSize: Theme.body
            font.bold: true
            Layout.minimumHeight: Theme.touch
            Accessible.name: qsTr("Go to my caseload")
            onClicked: bar.homeRequested()
        }

        Label {
            Layout.fillWidth: true
            color: "white"
            font.pixelSize: Theme.small
            elide: Text.ElideRight
            text: (AppState.online ? "" : "● ") + AppState.syncStatus
            Accessible.name: qsTr("Sync status: %1").arg(AppState.syncStatus)
        }

        ProgressBar {
            visible: AppState.syncing && AppState.progressTotal > 0
            from: 0
            to: Math.max(1, AppState.progressTotal)
            value: AppState.progressDone
            Layout.preferredWidth: 120
            Accessible.name: qsTr("Sync progress")
        }

        BarButton {
            text: AppState.quarantinedCount > 0
                  ? qsTr("Outbox: %1 waiting, %2 failed").arg(AppState.pendingCount).arg(AppState.quarantinedCount)
                  : qsTr("Outbox: %1 waiting").arg(AppState.pendingCount)
            font.pixelSize: Theme.small
            Layout.minimumHeight: Theme.touch
            Accessible.name: text
            onClicked: bar.outboxRequested()
        }

        BarButton {
            visible: AppState.conflictCount > 0
            text: qsTr("Conflicts: %1").arg(AppState.conflictCount)
            font.pixelSize: Theme.small
            font.bold: true
            Layout.minimumHeight: Theme.touch
            textColor: "#ffe08a"
            Accessible.name: qsTr("%1 conflicts to resolve").arg(AppState.conflictCount)
            onClicked: bar.conflictsRequested()
        }

        BarButton {
            text: qsTr("Lock")
            font.pixelSize: Theme.small
            Layout.minimumHeight: Theme.touch
            Layout.minimumWidth: Theme.touch
            Accessible.name: qsTr("Lock the app now")
            onClicked: AppState.lock()
        }
    }
}
