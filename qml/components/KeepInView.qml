// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
import QtQuick
import Doorstep

// Keeps what is being written in a scrolled page in view: a field reached with Tab or Shift+Tab
// (or tapped half out of sight) scrolls fully into view, and so does the typing cursor as a
// narrative grows past the bottom. Without it, Tab could move to a field off the screen and the
// words being typed went below the edge. Give the insets of any bars laid over the flickable.
QtObject {
    id: keeper
    required property Flickable flickable
    /** Heights at the top and bottom of the flickable covered by bars laid over it. */
    property real topInset: 0
    property real bottomInset: 0

    readonly property Item focusedItem: flickable.Window.activeFocusItem
    readonly property bool writingInside: isWithin(focusedItem, flickable.contentItem)

    /** Whether item is ancestor or lies inside it (false for a null item or ancestor). */
    function isWithin(item, ancestor) {
        for (let p = item; ancestor && p; p = p.parent)
            if (p === ancestor)
                return true
        return false
    }
    function hasCursor(item) { return item.cursorRectangle !== undefined }
    function room() { return flickable.height - topInset - bottomInset - 2 * Theme.spacing }

    /** Scrolls the least that brings rect (in item's coordinates) between the insets; what is
     *  taller than the room shows from its top. */
    function reveal(item, rect) {
        const f = flickable
        const top = item.mapToItem(f.contentItem, rect.x, rect.y).y
        const bottom = top + rect.height
        const roomTop = f.contentY + topInset + Theme.spacing
        const roomBottom = f.contentY + f.height - bottomInset - Theme.spacing
        const minY = f.originY
        const maxY = Math.max(minY, f.originY + f.contentHeight - f.height)
        if (top < roomTop || rect.height > roomBottom - roomTop)
            f.contentY = Math.max(minY, Math.min(maxY, f.contentY - (roomTop - top)))
        else if (bottom > roomBottom)
            f.contentY = Math.max(minY, Math.min(maxY, f.contentY + bottom - roomBottom))
    }
    function revealFocused() {
        if (!writingInside)
            return
        const item = focusedItem
        if (item.height <= room() || !hasCursor(item))
            reveal(item, Qt.rect(0, 0, item.width, item.height))
        else
            reveal(item, item.cursorRectangle)
    }
    function revealCursor() {
        if (writingInside && hasCursor(focusedItem))
            reveal(focusedItem, focusedItem.cursorRectangle)
    }

    // Later, so that a tap has moved the cursor to where it landed before the cursor is revealed.
    onFocusedItemChanged: Qt.callLater(revealFocused)
    property Connections cursorWatch: Connections {
        target: keeper.writingInside && keeper.hasCursor(keeper.focusedItem) ? keeper.focusedItem : null
        ignoreUnknownSignals: true
        function onCursorRectangleChanged() { keeper.revealCursor() }
    }
    // A new line's height reaches contentHeight only once the content is laid out again.
    property Connections heightWatch: Connections {
        target: keeper.flickable
        function onContentHeightChanged() { keeper.revealCursor() }
    }
}
