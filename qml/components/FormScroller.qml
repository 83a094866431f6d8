// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep

// A long form's scrolled column with its header and footer laid over it. Where the two bars take
// more than a quarter of the height (a phone at a large text size, a phone held sideways), they
// slide away while the form is scrolled on down and come back on the first scroll up, at either end
// of the form and when Tab reaches them, so there is room to write; elsewhere they stay. The column
// starts below the header and ends above the footer, so nothing is ever out of reach behind them.
// What is being written stays in view (KeepInView), and showField() takes the error summary's
// links to their fields.
Flickable {
    id: root
    /** The bar above the form (back, title, state): any item; it is laid over the form. */
    property Item header
    /** The bar below the form (save, submit): any item; it is laid over the form. */
    property Item footer
    /** The form's sections, laid out in one centred column at most 960 wide. */
    default property alias content: column.data
    /** Whether the bars take more than a quarter of the height, so that they slide away while scrolling. */
    readonly property bool barsScrollAway: barHeight(header) + barHeight(footer) > 0.25 * height
    /** How far the bars have slid away: 0 in place … 1 out of sight. */
    readonly property real barsHidden: hiddenShare

    property real hiddenShare: 0
    property real lastContentY: 0

    function barHeight(bar) { return bar && bar.visible ? bar.height : 0 }

    contentHeight: column.implicitHeight + 2 * Theme.margin + barHeight(header) + barHeight(footer)
    clip: true
    ScrollBar.vertical: ScrollBar {
        topPadding: 2 + root.barHeight(root.header) * (1 - root.hiddenShare)
        bottomPadding: 2 + root.barHeight(root.footer) * (1 - root.hiddenShare)
    }

    // A change handler does not run for the value a page gives at creation, hence the second call.
    onHeaderChanged: placeBar(header)
    onFooterChanged: placeBar(footer)
    Component.onCompleted: { placeBar(header); placeBar(footer) }
    // Children of the Flickable itself, not of its content, so they stay put while the form scrolls.
    function placeBar(bar) {
        if (!bar)
            return
        bar.parent = root
        bar.z = 1
    }
    Binding { target: root.header; property: "width"; value: root.width; when: root.header !== null }
    Binding { target: root.header; property: "height"; value: root.header ? root.header.implicitHeight : 0; when: root.header !== null }
    Binding { target: root.header; property: "y"; value: root.header ? -root.hiddenShare * root.header.height : 0; when: root.header !== null }
    Binding { target: root.footer; property: "width"; value: root.width; when: root.footer !== null }
    Binding { target: root.footer; property: "height"; value: root.footer ? root.footer.implicitHeight : 0; when: root.footer !== null }
    Binding {
        target: root.footer; property: "y"; when: root.footer !== null
        value: root.footer ? root.height - (1 - root.hiddenShare) * root.footer.height : 0
    }

    // The bars follow the scrolling, a pixel for a pixel of the header, so they go as the writer
    // moves on and are back with a short pull down. At the top and at the end they are always shown:
    // at the end that puts the submit button in reach.
    onContentYChanged: {
        const delta = contentY - lastContentY
        lastContentY = contentY
        const headerHeight = barHeight(header)
        if (!barsScrollAway || headerHeight <= 0 || contentY <= 0 || contentY >= contentHeight - height - 1)
            hiddenShare = 0
        else
            hiddenShare = Math.max(0, Math.min(1, hiddenShare + delta / headerHeight))
    }
    onBarsScrollAwayChanged: if (!barsScrollAway) hiddenShare = 0
    // A bar that takes the focus (Tab to Back, or on to Submit) comes back into view.
    readonly property bool focusInBars: keepInView.isWithin(keepInView.focusedItem, header)
                                        || keepInView.isWithin(keepInView.focusedItem, footer)
    onFocusInBarsChanged: if (focusInBars) hiddenShare = 0

    // What is being written stays in view; the room is reckoned with both bars in place, since
    // scrolling back up brings them back.
    readonly property KeepInView keepInView: KeepInView {
        flickable: root
        topInset: root.barHeight(root.header)
        bottomInset: root.barHeight(root.footer)
    }

    /** Brings the field a rule's path names into view and puts the focus in it (the first thing in
     *  it that takes focus from Tab); false when the form shows no such field. */
    function showField(path) {
        const error = findByName(column, "fieldError:" + path)
        if (!error)
            return false
        // A message on its own in the column (no child chosen, say) is the place to show.
        const field = error.parent === column ? error : error.parent
        keepInView.reveal(field, Qt.rect(0, 0, field.width, field.height))
        const input = firstInput(field)
        if (input)
            input.forceActiveFocus(Qt.OtherFocusReason)
        return true
    }
    function findByName(item, name) {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found)
                return found
        }
        return null
    }
    function firstInput(item) {
        if (!item.visible || !item.enabled)
            return null
        if (item.activeFocusOnTab)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = firstInput(item.children[i])
            if (found)
                return found
        }
        return null
    }

    ColumnLayout {
        id: column
        x: Math.max(Theme.margin, (root.width - width) / 2)
        y: Theme.margin + root.barHeight(root.header)
        width: Math.min(root.width - 2 * Theme.margin, 960)
        spacing: Theme.spacing
    }
}
