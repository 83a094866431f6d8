// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// Fuzz target: the three-way merge (core/merge.h). The input is a JSON array [base, mine, theirs]
// (missing or non-object entries are {}). Invariants:
//   applyPatch(a, diff(a, b)) == b, and diff(a, a) is empty (identity fields and null-vs-absent aside);
//   merging identical sides, or one side unchanged, has no conflicts and gives the changed side;
//   a conflict is always a field changed on both sides to different values, and the conflict set
//   does not depend on which side is "mine"; every merged field is mine's or theirs' (an object
//   changed on both sides is merged a level down: each of its fields is mine's or theirs'); a
//   field both sides changed differently is a conflict unless it is an object whose fields do not
//   clash.
#include "core/merge.h"
#include "core/wire.h"
#include "fuzzcheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace doorstep;

namespace {

/** Without identity fields (never merged) and with null fields dropped (null clears a field). */
QJsonObject content(QJsonObject o)
{
    for (const QString &f : wire::identityFields())
        o.remove(f);
    for (const QString &key : o.keys())
        if (o.value(key).isNull())
            o.remove(key);
    return o;
}

QJsonValue valueOf(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
}

QJsonValue normalised(const QJsonValue &v)
{
    return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
}

/** Whether `merged` is mine's or theirs' value, or (objects) made only of their fields. */
bool fromEitherSide(const QJsonValue &merged, const QJsonValue &mine, const QJsonValue &theirs)
{
    if (normalised(merged) == normalised(mine) || normalised(merged) == normalised(theirs))
        return true;
    if (!merged.isObject() || !mine.isObject() || !theirs.isObject())
        return false;
    const QJsonObject m = merged.toObject();
    for (auto it = m.begin(); it != m.end(); ++it)
        if (!fromEitherSide(it.value(), mine.toObject().value(it.key()), theirs.toObject().value(it.key())))
            return false;
    return true;
}

/** Whether both sides changed `b` to different values that merge::threeWay cannot combine: not
 *  two objects changed (mine really) whose own fields do not clash. */
bool clashes(const QJsonValue &b, const QJsonValue &m, const QJsonValue &t, const QString &field = QString())
{
    const QJsonValue nb = normalised(b), nm = normalised(m), nt = normalised(t);
    if (nm == nb || nt == nb || nm == nt)
        return false;
    // submitted_at: the earlier of two valid times stands (merge.cpp, isFirstTimeWins).
    if (field == QLatin1String("submitted_at") && QDateTime::fromString(nm.toString(), Qt::ISODateWithMs).isValid()
        && QDateTime::fromString(nt.toString(), Qt::ISODateWithMs).isValid())
        return false;
    if (!(nm.isObject() && nt.isObject() && (nb.isObject() || nb.isUndefined())))
        return true;
    const QJsonObject bo = nb.toObject(), mo = nm.toObject(), to = nt.toObject();
    QSet<QString> keys;
    for (const QJsonObject *o : {&bo, &mo, &to})
        for (auto it = o->begin(); it != o->end(); ++it)
            keys.insert(it.key());
    for (const QString &k : keys)
        if (!wire::identityFields().contains(k) && clashes(bo.value(k), mo.value(k), to.value(k), k))
            return true;
    return false;
}

QSet<QString> conflictFields(const merge::MergeResult &r)
{
    QSet<QString> out;
    for (const merge::FieldConflict &c : r.conflicts)
        out.insert(c.field);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kFuzzMaxInput)
        return 0;
    const QJsonDocument doc = QJsonDocument::fromJson(fuzzBytes(data, size));
    if (!doc.isArray())
        return 0;
    const QJsonArray sides = doc.array();
    const QJsonObject base = sides.at(0).toObject();
    const QJsonObject mine = sides.at(1).toObject();
    const QJsonObject theirs = sides.at(2).toObject();

    for (const auto &[from, to] : {std::pair{base, mine}, std::pair{base, theirs}, std::pair{mine, theirs}}) {
        const QJsonObject patch = merge::diff(from, to);
        for (const QString &f : wire::identityFields())
            FUZZ_CHECK(!patch.contains(f), "a diff never carries identity fields");
        FUZZ_CHECK(content(merge::applyPatch(from, patch)) == content(to), "applyPatch(a, diff(a, b)) == b");
        FUZZ_CHECK(merge::diff(to, to).isEmpty(), "diff(a, a) is empty");
    }

    const merge::MergeResult same = merge::threeWay(base, base, base);
    FUZZ_CHECK(!same.hasConflicts(), "merging identical sides has no conflicts");
    FUZZ_CHECK(content(same.merged) == content(base), "merging identical sides changes nothing");

    const merge::MergeResult onlyMine = merge::threeWay(base, mine, base);
    FUZZ_CHECK(!onlyMine.hasConflicts(), "a change on one side only never conflicts");
    FUZZ_CHECK(content(onlyMine.merged) == content(mine), "a change on my side only is taken");
    const merge::MergeResult onlyTheirs = merge::threeWay(base, base, theirs);
    FUZZ_CHECK(!onlyTheirs.hasConflicts(), "a change on their side only never conflicts");
    FUZZ_CHECK(content(onlyTheirs.merged) == content(theirs), "a change on their side only is taken");
    const merge::MergeResult bothSame = merge::threeWay(base, mine, mine);
    FUZZ_CHECK(!bothSame.hasConflicts(), "the same change on both sides never conflicts");

    const merge::MergeResult r = merge::threeWay(base, mine, theirs);
    const QJsonObject mineChanged = merge::diff(base, mine);
    const QJsonObject theirsChanged = merge::diff(base, theirs);
    for (const merge::FieldConflict &c : r.conflicts) {
        FUZZ_CHECK(!wire::identityFields().contains(c.field), "identity fields never conflict");
        FUZZ_CHECK(mineChanged.contains(c.field) && theirsChanged.contains(c.field), "a conflict changed on both sides");
        FUZZ_CHECK(valueOf(mine, c.field) != valueOf(theirs, c.field), "a conflict has two different values");
        FUZZ_CHECK(valueOf(r.merged, c.field) == valueOf(theirs, c.field), "a conflicting field keeps theirs");
    }
    FUZZ_CHECK(conflictFields(r) == conflictFields(merge::threeWay(base, theirs, mine)),
               "conflicts do not depend on which side is mine");
    const QJsonObject merged = content(r.merged);
    for (auto it = merged.begin(); it != merged.end(); ++it)
        FUZZ_CHECK(fromEitherSide(it.value(), valueOf(mine, it.key()), valueOf(theirs, it.key())),
                   "every merged field comes from mine or theirs");
    for (const QString &f : r.fromMine)
        FUZZ_CHECK(valueOf(r.merged, f) == valueOf(mine, f) || (valueOf(r.merged, f).isObject() && valueOf(mine, f).isObject()),
                   "a field taken from mine has mine's value (an object: merged from both)");
    // Nothing changed on both sides is silently lost: a field both changed is either agreed or a conflict.
    for (auto it = mineChanged.begin(); it != mineChanged.end(); ++it) {
        if (!theirsChanged.contains(it.key()))
            FUZZ_CHECK(valueOf(r.merged, it.key()) == valueOf(mine, it.key()), "my one-sided change is kept");
        else if (clashes(base.value(it.key()), mine.value(it.key()), theirs.value(it.key()), it.key()))
            FUZZ_CHECK(conflictFields(r).contains(it.key()), "a clash is surfaced as a conflict");
        else if (valueOf(mine, it.key()) != valueOf(theirs, it.key()) && !conflictFields(r).contains(it.key()))
            FUZZ_CHECK(fromEitherSide(valueOf(r.merged, it.key()), valueOf(mine, it.key()), valueOf(theirs, it.key())),
                       "an object both sides changed without a clash is merged from both");
    }
    return 0;
}
