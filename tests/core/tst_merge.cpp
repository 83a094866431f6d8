// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/merge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace doorstep;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

/** Three-way merge per top-level field (objects a level down), diff and patch. */
class TestMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void threeWay_data()
    {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QJsonObject>("mine");
        QTest::addColumn<QJsonObject>("theirs");
        QTest::addColumn<QJsonObject>("merged");
        QTest::addColumn<QStringList>("conflicts");
        QTest::addColumn<QStringList>("fromMine");

        const char *base = R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":true}]})";
        QTest::addRow("nothing changed") << obj(base) << obj(base) << obj(base) << obj(base) << QStringList() << QStringList();
        QTest::addRow("disjoint fields")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"mine","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"theirs","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"mine","present":"theirs","children":[{"child_id":"c","seen":true}]})")
            << QStringList() << QStringList{QStringLiteral("rationale")};
        QTest::addRow("only theirs changed")
            << obj(base) << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"t","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"t","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << QStringList() << QStringList();
        QTest::addRow("same field same value")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"same","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"same","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"same","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << QStringList() << QStringList();
        QTest::addRow("same field different values")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"mine","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"theirs","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"theirs","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << QStringList{QStringLiteral("rationale")} << QStringList();
        QTest::addRow("deep array difference is a conflict")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":false}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":true,"seen_alone":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":true,"seen_alone":true}]})")
            << QStringList{QStringLiteral("children")} << QStringList();
        QTest::addRow("deep equal arrays merge")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":false}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"seen":false,"child_id":"c"}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":false}]})")
            << QStringList() << QStringList();
        QTest::addRow("mine removed, theirs untouched")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","children":[{"child_id":"c","seen":true}]})")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","children":[{"child_id":"c","seen":true}]})")
            << QStringList() << QStringList{QStringLiteral("present")};
        QTest::addRow("mine cleared with null, theirs untouched")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":null,"children":[{"child_id":"c","seen":true}]})")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","children":[{"child_id":"c","seen":true}]})")
            << QStringList() << QStringList{QStringLiteral("present")};
        QTest::addRow("removal vs edit")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"edited","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"edited","children":[{"child_id":"c","seen":true}]})")
            << QStringList{QStringLiteral("present")} << QStringList();
        QTest::addRow("both removed")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":null,"children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":null,"children":[{"child_id":"c","seen":true}]})")
            << QStringList() << QStringList();
        QTest::addRow("both added differently")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","diversity":"a","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","diversity":"b","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"r0","present":"p0","diversity":"b","children":[{"child_id":"c","seen":true}]})")
            << QStringList{QStringLiteral("diversity")} << QStringList();
        QTest::addRow("identity fields never merged")
            << obj(base)
            << obj(R"({"id":"y","type":"child","schema":2,"rationale":"r0","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(base) << obj(base) << QStringList() << QStringList();
        QTest::addRow("mixed: one taken, one conflict")
            << obj(base)
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"mine","present":"mine","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"theirs","present":"p0","children":[{"child_id":"c","seen":true}]})")
            << obj(R"({"id":"x","type":"visit","schema":1,"rationale":"theirs","present":"mine","children":[{"child_id":"c","seen":true}]})")
            << QStringList{QStringLiteral("rationale")} << QStringList{QStringLiteral("present")};
        // A child's plan: the manager's new contingency and the worker's action marked done both stand.
        QTest::addRow("object merged a level down")
            << obj(R"({"id":"c","plan":{"contingency":"a","actions":[{"id":"1","status":"open"}]}})")
            << obj(R"({"id":"c","plan":{"contingency":"a","actions":[{"id":"1","status":"done"}]}})")
            << obj(R"({"id":"c","plan":{"contingency":"b","actions":[{"id":"1","status":"open"}]}})")
            << obj(R"({"id":"c","plan":{"contingency":"b","actions":[{"id":"1","status":"done"}]}})")
            << QStringList() << QStringList{QStringLiteral("plan")};
        QTest::addRow("object added on both sides, disjoint fields")
            << obj(R"({"id":"c"})") << obj(R"({"id":"c","placement":{"start":"2026-01-05"}})")
            << obj(R"({"id":"c","placement":{"kind":"standard"}})")
            << obj(R"({"id":"c","placement":{"kind":"standard","start":"2026-01-05"}})")
            << QStringList() << QStringList{QStringLiteral("placement")};
        QTest::addRow("a clash inside an object is a conflict on the whole")
            << obj(R"({"id":"c","plan":{"contingency":"a","actions":[]}})")
            << obj(R"({"id":"c","plan":{"contingency":"mine","actions":[{"id":"1"}]}})")
            << obj(R"({"id":"c","plan":{"contingency":"theirs","actions":[]}})")
            << obj(R"({"id":"c","plan":{"contingency":"theirs","actions":[]}})")
            << QStringList{QStringLiteral("plan")} << QStringList();
        QTest::addRow("object vs text is a conflict")
            << obj(R"({"id":"c","plan":{"contingency":"a"}})") << obj(R"({"id":"c","plan":{"contingency":"b"}})")
            << obj(R"({"id":"c","plan":"garbled"})") << obj(R"({"id":"c","plan":"garbled"})")
            << QStringList{QStringLiteral("plan")} << QStringList();
        QTest::addRow("number vs string differ")
            << obj(R"({"id":"x","a":1})") << obj(R"({"id":"x","a":"1"})") << obj(R"({"id":"x","a":1})")
            << obj(R"({"id":"x","a":"1"})") << QStringList() << QStringList{QStringLiteral("a")};
    }

    void threeWay()
    {
        QFETCH(QJsonObject, base);
        QFETCH(QJsonObject, mine);
        QFETCH(QJsonObject, theirs);
        QFETCH(QJsonObject, merged);
        QFETCH(QStringList, conflicts);
        QFETCH(QStringList, fromMine);
        const merge::MergeResult r = merge::threeWay(base, mine, theirs);
        QCOMPARE(r.merged, merged);
        QStringList conflictFields;
        for (const auto &c : r.conflicts)
            conflictFields << c.field;
        QCOMPARE(conflictFields, conflicts);
        QCOMPARE(r.fromMine, fromMine);
        QCOMPARE(r.hasConflicts(), !conflicts.isEmpty());
    }

    void conflictCarriesAllThreeValues()
    {
        const auto r = merge::threeWay(obj(R"({"id":"x"})"), obj(R"({"id":"x","rationale":"mine"})"),
                                       obj(R"({"id":"x","rationale":"theirs"})"));
        QCOMPARE(r.conflicts.size(), 1);
        const merge::FieldConflict &c = r.conflicts.first();
        QVERIFY(c.base.isUndefined());
        QCOMPARE(c.mine, QJsonValue(QStringLiteral("mine")));
        QCOMPARE(c.theirs, QJsonValue(QStringLiteral("theirs")));
        QCOMPARE(r.merged.value(QStringLiteral("rationale")), QJsonValue(QStringLiteral("theirs")));
    }

    void writtenFieldEqualToBaseStillConflicts()
    {
        // A person kept the value the field had at their base (e.g. "keep theirs" on an old
        // conflict) while someone else changed it since: that is two writes, not a no-op.
        const QJsonObject base = obj(R"({"id":"x","rationale":"old","present":"p"})");
        const QJsonObject theirs = obj(R"({"id":"x","rationale":"newer","present":"p"})");
        const QStringList written{QStringLiteral("rationale")};
        const auto plain = merge::threeWay(base, base, theirs);
        QVERIFY(!plain.hasConflicts());
        const auto r = merge::threeWay(base, base, theirs, written);
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts.first().field, QStringLiteral("rationale"));
        QCOMPARE(r.conflicts.first().mine, QJsonValue(QStringLiteral("old")));
        QCOMPARE(r.conflicts.first().theirs, QJsonValue(QStringLiteral("newer")));
        QCOMPARE(r.merged, theirs);
        // Unchanged on the other side: nothing to decide.
        QVERIFY(!merge::threeWay(base, base, base, written).hasConflicts());
        // Written to the value the other side also chose: agreement, not a conflict.
        QVERIFY(!merge::threeWay(base, theirs, theirs, written).hasConflicts());

        // The same for an object written back as it was: a write of the whole, so a concurrent
        // change inside it is not silently taken over it.
        const QJsonObject planBase = obj(R"({"id":"c","plan":{"contingency":"a","actions":[]}})");
        const QJsonObject planTheirs = obj(R"({"id":"c","plan":{"contingency":"b","actions":[]}})");
        const auto whole = merge::threeWay(planBase, planBase, planTheirs, {QStringLiteral("plan")});
        QCOMPARE(whole.conflicts.size(), 1);
        QCOMPARE(whole.conflicts.first().field, QStringLiteral("plan"));
    }

    void twoSubmissionsKeepTheFirstTime()
    {
        // Two tablets submitted the same draft: the record was first submitted at the earlier
        // time, whichever side that is; nobody is asked to choose between two timestamps.
        const QJsonObject base = obj(R"({"id":"x","state":"draft"})");
        const QJsonObject early = obj(R"({"id":"x","state":"submitted","submitted_at":"2026-11-23T09:00:00Z"})");
        const QJsonObject late = obj(R"({"id":"x","state":"submitted","submitted_at":"2026-11-23T09:00:05Z"})");
        const auto mineEarlier = merge::threeWay(base, early, late);
        QVERIFY(!mineEarlier.hasConflicts());
        QCOMPARE(mineEarlier.merged, early);
        QCOMPARE(mineEarlier.fromMine, QStringList{QStringLiteral("submitted_at")});
        const auto theirsEarlier = merge::threeWay(base, late, early);
        QVERIFY(!theirsEarlier.hasConflicts());
        QCOMPARE(theirsEarlier.merged, early);
        QVERIFY(theirsEarlier.fromMine.isEmpty());
        // Something that is not a time is still a person's conflict.
        const auto garbled = merge::threeWay(base, obj(R"({"id":"x","state":"submitted","submitted_at":"soon"})"), late);
        QCOMPARE(garbled.conflicts.size(), 1);
    }

    void diffAndPatch_data()
    {
        QTest::addColumn<QJsonObject>("from");
        QTest::addColumn<QJsonObject>("to");
        QTest::addColumn<QJsonObject>("patch");
        QTest::addRow("no change") << obj(R"({"id":"x","a":1})") << obj(R"({"id":"x","a":1})") << QJsonObject();
        QTest::addRow("edit") << obj(R"({"id":"x","a":1,"b":"k"})") << obj(R"({"id":"x","a":2,"b":"k"})") << obj(R"({"a":2})");
        QTest::addRow("add") << obj(R"({"id":"x"})") << obj(R"({"id":"x","a":[1,2]})") << obj(R"({"a":[1,2]})");
        QTest::addRow("remove") << obj(R"({"id":"x","a":1})") << obj(R"({"id":"x"})") << obj(R"({"a":null})");
        QTest::addRow("to null") << obj(R"({"id":"x","a":1})") << obj(R"({"id":"x","a":null})") << obj(R"({"a":null})");
        QTest::addRow("null to absent is no change") << obj(R"({"id":"x","a":null})") << obj(R"({"id":"x"})") << QJsonObject();
        QTest::addRow("new record: every non-empty field") << QJsonObject() << obj(R"({"id":"x","type":"visit","a":1,"b":null,"c":"k"})")
                                                           << obj(R"({"a":1,"c":"k"})");
        QTest::addRow("nested object replaced whole")
            << obj(R"({"plan":{"contingency":"a","actions":[]}})") << obj(R"({"plan":{"contingency":"b","actions":[]}})")
            << obj(R"({"plan":{"contingency":"b","actions":[]}})");
        QTest::addRow("identity left out") << obj(R"({"id":"x","type":"visit","schema":1,"a":1})")
                                           << obj(R"({"id":"y","type":"child","schema":2,"a":1})") << QJsonObject();
    }

    void diffAndPatch()
    {
        QFETCH(QJsonObject, from);
        QFETCH(QJsonObject, to);
        QFETCH(QJsonObject, patch);
        QCOMPARE(merge::diff(from, to), patch);
        QStringList changed = merge::changedFields(from, to);
        changed.sort();
        QCOMPARE(changed, patch.keys()); // the service's field revisions follow exactly these
        // Round trip: applying the diff gets from `from` to `to` (null and absent are the same;
        // identity stays that of `from`).
        auto withoutNulls = [](QJsonObject o) {
            for (const QString &key : o.keys())
                if (o.value(key).isNull())
                    o.remove(key);
            return o;
        };
        QJsonObject expected = withoutNulls(to);
        for (const QString &key : {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("schema")}) {
            expected.remove(key);
            if (from.contains(key))
                expected.insert(key, from.value(key));
        }
        QCOMPARE(withoutNulls(merge::applyPatch(from, merge::diff(from, to))), expected);
    }

    void applyPatchRemovesAndReplaces()
    {
        const QJsonObject r = merge::applyPatch(obj(R"({"id":"x","a":1,"b":2,"c":[1]})"), obj(R"({"a":null,"b":3,"d":{"e":1}})"));
        QCOMPARE(r, obj(R"({"id":"x","b":3,"c":[1],"d":{"e":1}})"));
    }

    void rebaseThroughPatches()
    {
        // The client's use: a pending patch on a stale base, rebased onto a pulled record.
        const QJsonObject base = obj(R"({"id":"x","rationale":"r","present":"p","diversity":"d"})");
        const QJsonObject mine = merge::applyPatch(base, obj(R"({"rationale":"mine","diversity":null})"));
        const QJsonObject theirs = merge::applyPatch(base, obj(R"({"present":"theirs"})"));
        const auto r = merge::threeWay(base, mine, theirs);
        QVERIFY(!r.hasConflicts());
        QCOMPARE(r.merged, obj(R"({"id":"x","rationale":"mine","present":"theirs"})"));
        QCOMPARE(merge::diff(theirs, r.merged), obj(R"({"rationale":"mine","diversity":null})"));
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
