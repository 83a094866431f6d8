// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace doorstep::merge {

/** One top-level field changed on both sides to different values. */
struct FieldConflict {
    QString field;
    QJsonValue base;   // Undefined when absent at base
    QJsonValue mine;
    QJsonValue theirs;
};

struct MergeResult {
    QJsonObject merged;               // theirs + my one-sided changes; conflicting fields keep theirs
    QList<FieldConflict> conflicts;   // never silently resolved
    QStringList fromMine;             // fields taken from mine (an object: partly, merged with theirs)
    bool hasConflicts() const { return !conflicts.isEmpty(); }
};

/** Three-way merge per top-level field: a field changed on one side only is taken; the same
 *  field changed on both sides to equal values is taken; to different values is a conflict,
 *  except an object changed on both sides (a plan, a placement), which is merged the same way one
 *  level down and is a conflict as a whole only when something inside clashes.
 *  Identity fields (id, type, schema) are never merged. Used by the service on push and by the
 *  client to rebase pending edits onto a pulled record. */
MergeResult threeWay(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs);

/** The same, where the fields in `written` count as changed on my side even when mine equals
 *  base: a patch names what a person wrote, and writing the value a field had (keeping "theirs"
 *  in a conflict, undoing an edit) is still a write that a concurrent change must not silently
 *  overtake. */
MergeResult threeWay(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                     const QStringList &written);

/** The top-level fields that differ from `from` to `to`; a removed field appears as null. */
QJsonObject diff(const QJsonObject &from, const QJsonObject &to);
/** The names of the fields diff() would name, without building the patch (identity fields never). */
QStringList changedFields(const QJsonObject &from, const QJsonObject &to);

/** Applies a patch: each field replaced; null removes the field. */
QJsonObject applyPatch(QJsonObject record, const QJsonObject &patch);

} // namespace doorstep::merge
