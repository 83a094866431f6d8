// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// Hours and minutes on two wheels (24-hour clock), "Now", and "Use this time".
Popup {
    id: popup
    objectName: "timePopup"
    /** "14:30", or "" when the field has no time yet (the wheels start at now). */
    property string time: ""
    property string title: ""
    readonly property int row: Math.max(Theme.touch, Math.round(Theme.title * 2.2))
    signal picked(string time)
    signal nowPicked()

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.margin
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }
    onAboutToShow: {
        const t = time.length === 5 ? time : Qt.formatTime(new Date(), "HH:mm")
        hours.currentIndex = parseInt(t.substring(0, 2), 10)
        minutes.currentIndex = parseInt(t.substring(3, 5), 10)
        hours.forceActiveFocus()
    }
    function two(n) { return (n < 10 ? "0" : "") + n }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            visible: popup.title.length > 0
            text: popup.title
            font.pixelSize: Theme.body
            font.bold: true
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            Tumbler {
                id: hours
                objectName: "hourTumbler"
                model: 24
                visibleItemCount: 5
                wrap: true
                implicitWidth: Theme.title * 4
                implicitHeight: popup.row * 5
                activeFocusOnTab: true
                Accessible.name: qsTr("Hour")
                Keys.onUpPressed: currentIndex = (currentIndex + 23) % 24
                Keys.onDownPressed: currentIndex = (currentIndex + 1) % 24
                delegate: Label {
                    required property int index
                    text: popup.two(index)
                    font.pixelSize: Theme.title
                    font.bold: index === hours.currentIndex
                    opacity: 1.0 - Math.abs(Tumbler.displacement) / (hours.visibleItemCount / 2)
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
            Label { text: ":"; font.pixelSize: Theme.heading; font.bold: true }
            Tumbler {
                id: minutes
                objectName: "minuteTumbler"
                model: 60
                visibleItemCount: 5
                wrap: true
                implicitWidth: Theme.title * 4
                implicitHeight: popup.row * 5
                activeFocusOnTab: true
                Accessible.name: qsTr("Minutes")
                Keys.onUpPressed: currentIndex = (currentIndex + 59) % 60
                Keys.onDownPressed: currentIndex = (currentIndex + 1) % 60
                delegate: Label {
                    required property int index
                    text: popup.two(index)
                    font.pixelSize: Theme.title
                    font.bold: index === minutes.currentIndex
                    opacity: 1.0 - Math.abs(Tumbler.displacement) / (minutes.visibleItemCount / 2)
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
        Flow {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.title * 8 + 3 * Theme.spacing + Theme.heading
            Button {
                text: qsTr("Use this time")
                highlighted: true
                height: Theme.touch
                font.pixelSize: Theme.body
                Accessible.name: qsTr("Use %1").arg(popup.two(hours.currentIndex) + ":" + popup.two(minutes.currentIndex))
                onClicked: { popup.picked(popup.two(hours.currentIndex) + ":" + popup.two(minutes.currentIndex)); popup.close() }
            }
            Button {
                text: qsTr("Now")
                height: Theme.touch
                font.pixelSize: Theme.body
                Accessible.name: qsTr("Today, now")
                onClicked: { popup.nowPicked(); popup.close() }
            }
            Button {
                text: qsTr("Cancel")
                flat: true
                height: Theme.touch
                font.pixelSize: Theme.body
                Accessible.name: qsTr("Close without changing the time")
                onClicked: popup.close()
            }
        }
    }
}
