// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "merge.h"

#include "wire.h"

#include <QDateTime>
#include <QSet>

namespace doorstep::merge {

namespace {

// A field set to null and a field left out mean the same thing on the wire (a patch clears a
// field with null), so both compare as "absent".
QJsonValue normalised(const QJsonValue &v)
{
    return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
}

bool same(const QJsonValue &a, const QJsonValue &b)
{
    return normalised(a) == normalised(b); // QJsonValue == compares arrays and objects deeply
}

QStringList unionOfKeys(std::initializer_list<const QJsonObject *> objects)
{
    QSet<QString> seen;
    QStringList keys;
    for (const QJsonObject *o : objects) {
        for (auto it = o->constBegin(); it != o->constEnd(); ++it) {
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                keys << it.key();
            }
        }
    }
    keys.sort();
    return keys;
}

// Workflow timestamps are not anyone's wording: when two tablets submit the same record, it was
// first submitted at the earlier time, so that time stands instead of asking a person to choose.
bool isFirstTimeWins(const QString &field)
{
    return field == QLatin1String("submitted_at");
}

} // namespace

MergeResult threeWay(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    return threeWay(base, mine, theirs, {});
}

MergeResult threeWay(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                     const QStringList &written)
{
    MergeResult result;
    result.merged = theirs;
    const QStringList &identity = wire::identityFields();
    for (const QString &field : unionOfKeys({&base, &mine, &theirs})) {
        if (identity.contains(field))
            continue; // theirs' identity stands; never merged as content
        const QJsonValue b = base.value(field);
        const QJsonValue m = mine.value(field);
        const QJsonValue t = theirs.value(field);
        const bool mineChanged = !same(m, b) || written.contains(field);
        const bool theirsChanged = !same(t, b);
        if (!mineChanged)
            continue; // theirs (changed or not) is already in merged
        if (!theirsChanged) {
            if (normalised(m).isUndefined())
                result.merged.remove(field);
            else
                result.merged.insert(field, m);
            result.fromMine << field;
            continue;
        }
        if (same(m, t))
            continue; // both made the same change
        // An object (a child's plan, a placement) is merged a level down: a manager's new
        // contingency and a worker's action marked done are not a clash. Only when mine really
        // changed it: the same object written back unchanged (keeping theirs, an undo) is a write
        // of the whole that a concurrent change must not silently overtake. Any clash inside
        // leaves the whole object a conflict, which a person resolves as one field.
        if (m.isObject() && t.isObject() && (b.isObject() || normalised(b).isUndefined()) && !same(m, b)) {
            const MergeResult inner = threeWay(b.toObject(), m.toObject(), t.toObject());
            if (!inner.hasConflicts()) {
                result.merged.insert(field, inner.merged);
                if (!inner.fromMine.isEmpty())
                    result.fromMine << field;
                continue;
            }
        }
        if (isFirstTimeWins(field)) {
            const QDateTime mt = QDateTime::fromString(m.toString(), Qt::ISODateWithMs);
            const QDateTime tt = QDateTime::fromString(t.toString(), Qt::ISODateWithMs);
            if (mt.isValid() && tt.isValid()) {
                if (mt < tt) {
                    result.merged.insert(field, m);
                    result.fromMine << field;
                }
                continue;
            }
        }
        result.conflicts.append(FieldConflict{field, normalised(b), normalised(m), normalised(t)});
    }
    return result;
}

QStringList changedFields(const QJsonObject &from, const QJsonObject &to)
{
    const QStringList &identity = wire::identityFields();
    QStringList changed;
    for (auto it = to.constBegin(); it != to.constEnd(); ++it) {
        if (!identity.contains(it.key()) && !same(from.value(it.key()), it.value()))
            changed << it.key();
    }
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if (!identity.contains(it.key()) && !to.contains(it.key()) && !same(it.value(), QJsonValue(QJsonValue::Undefined)))
            changed << it.key();
    }
    return changed;
}

QJsonObject diff(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject patch;
    for (const QString &field : changedFields(from, to)) {
        const QJsonValue b = to.value(field);
        patch.insert(field, normalised(b).isUndefined() ? QJsonValue(QJsonValue::Null) : b);
    }
    return patch;
}

QJsonObject applyPatch(QJsonObject record, const QJsonObject &patch)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it->isNull() || it->isUndefined())
            record.remove(it.key());
        else
            record.insert(it.key(), *it);
    }
    return record;
}

} // namespace doorstep::merge
