// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Dashboard figures (core/dashboard.h) against a small fixture whose numbers are worked out by
// hand below. The calendar is weekends-only (no bank holidays) so the working days are easy to
// check; council policy is the default (child protection every 10 working days, child in need
// every 20).
//
// today = Monday 16/03/2026, "due" window = 7 days (up to Monday 23/03/2026).
//
// Children (team T):
//   A  child in need, no plan frequency (policy 20 wd), worker w1
//   B  child protection, plan every 10 calendar days, worker w1
//   C  child protection, no plan frequency (policy 10 wd), worker w2
//   D  early help, no plan frequency (no due date), worker w2
// Visits:
//   V1 w1, Mon 23/02 10:00, approved, submitted Wed 25/02 → 2 working days; reviewed (approve) Fri 27/02 → 2 wd
//        A seen, alone, views recorded
//   V2 w1, Mon 02/03 10:00, submitted Fri 06/03 → 4 wd; no review yet
//        B seen, not alone (child_refused), no views; C not seen (excluded from the shares)
//   V3 w2, Mon 09/03 09:00, approved, submitted Tue 10/03 → 1 wd; reviews: a return decided Mon 09/03 17:00
//        (before this submission: ignored) and an approval Fri 13/03 → 3 wd
//        D seen, not alone, no reason given (not_recorded), views recorded
//   V4 w1, draft, Fri 13/03: D seen, not alone → drafts count for "last seen" only, not for the shares
//   V5 w1, submitted, about a child outside the set → ignored
//
// Due: A last seen 23/02 + 20 wd = 23/03 (≤ 23/03: due). B last seen 02/03 + 10 days = 12/03 < 16/03: overdue.
//      C never seen: due now. D: no due date.
//   team due {A, C} = 2, overdue {B} = 1; w1 due {A}, overdue {B}; w2 due {C}, overdue 0.
// Seen alone (seen cards on non-draft visits): A yes (V1), B no (V2), D no (V3)
//   team 1/3 {A} missing {B, D}; reasons child_refused {B}, not_recorded {D}
//   w1 (author of V1, V2) 1/2; w2 (V3) 0/1; child A 1/1, B 0/1, C 0/0, D 0/1.
// Views recorded: A yes, B no, D yes → team 2/3 {A, D} missing {B}; w1 1/2; w2 1/1.
// Visit → submission: V1 2, V2 4, V3 1 → team [1, 2, 4], median 2, mean 7/3, children {A, B, C, D}
//   w1 [2, 4] median 3 mean 3 {A, B, C}; w2 [1] {D}; child C [4] (on V2 though not seen).
// Submission → decision: V1 2, V3 3 → team [2, 3] median 2.5 mean 2.5 {A, D}; w1 [2]; w2 [3].
// With from = 01/03/2026 (V1 left out): team seen alone 0/2, visit → submission [1, 4] median 2.5.
#include "core/dashboard.h"
#include "core/wire.h"

#include "samples.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace doorstep;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

const QString kA = S("c0000000-0000-4000-8000-00000000000a");
const QString kB = S("c0000000-0000-4000-8000-00000000000b");
const QString kC = S("c0000000-0000-4000-8000-00000000000c");
const QString kD = S("c0000000-0000-4000-8000-00000000000d");
const QString kX = S("c0000000-0000-4000-8000-0000000000ff");

QJsonObject child(const QString &id, const char *status, const QString &worker, int planEveryCalendarDays = 0)
{
    QJsonObject c = samples::child();
    c.insert(S("id"), id);
    c.insert(S("legal_status"), S(status));
    c.insert(S("allocated_worker"), worker);
    c.insert(S("team"), S("T"));
    if (QLatin1String(status) != QLatin1String("child_protection"))
        c.remove(S("cp_category"));
    QJsonObject plan{{S("contingency"), S("")}, {S("actions"), QJsonArray{}}};
    plan.insert(S("visiting_frequency"), planEveryCalendarDays > 0
                    ? QJsonValue(QJsonObject{{S("every"), planEveryCalendarDays}, {S("unit"), S("calendar_days")}})
                    : QJsonValue());
    c.insert(S("plan"), plan);
    return c;
}

QJsonObject card(const QString &childId, bool seen, QJsonValue alone, const char *reason, const char *views)
{
    QJsonObject c{{S("child_id"), childId}, {S("seen"), seen}, {S("seen_alone"), alone}, {S("safety_concern"), false},
                  {S("child_views"), S(views)}};
    if (reason)
        c.insert(S("not_seen_alone_reason"), S(reason));
    return c;
}

QJsonObject visit(int n, const char *author, const char *state, const char *started, const char *submitted, const QJsonArray &cards)
{
    QJsonObject v{{S("schema"), 1},
                  {S("type"), S("visit")},
                  {S("id"), S("d0000000-0000-4000-8000-00000000000%1").arg(n)},
                  {S("state"), S(state)},
                  {S("author"), S(author)},
                  {S("created_at"), S(started)},
                  {S("started_at"), S(started)},
                  {S("visit_type"), S("statutory_cp")},
                  {S("children"), cards}};
    if (submitted)
        v.insert(S("submitted_at"), S(submitted));
    return v;
}

QJsonObject review(int n, int visitNo, const char *decision, const char *decided)
{
    return {{S("schema"), 1},
            {S("type"), S("review")},
            {S("id"), S("e0000000-0000-4000-8000-00000000000%1").arg(n)},
            {S("created_at"), S(decided)},
            {S("record_id"), S("d0000000-0000-4000-8000-00000000000%1").arg(visitNo)},
            {S("decision"), S(decision)},
            {S("rationale"), S("Checked.")},
            {S("manager"), S("m1")},
            {S("decided_at"), S(decided)},
            {S("seen_rev"), 2}};
}

QList<QJsonObject> fixture()
{
    return {child(kA, "child_in_need", S("w1")),
            child(kB, "child_protection", S("w1"), 10),
            child(kC, "child_protection", S("w2")),
            child(kD, "early_help", S("w2")),
            visit(1, "w1", "approved", "2026-02-23T10:00:00Z", "2026-02-25T09:00:00Z",
                  {card(kA, true, true, nullptr, "I like school.")}),
            visit(2, "w1", "submitted", "2026-03-02T10:00:00Z", "2026-03-06T15:00:00Z",
                  {card(kB, true, false, "child_refused", ""), card(kC, false, QJsonValue(), nullptr, "")}),
            visit(3, "w2", "approved", "2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z",
                  {card(kD, true, false, nullptr, "Drew a picture of home.")}),
            visit(4, "w1", "draft", "2026-03-13T09:00:00Z", nullptr, {card(kD, true, false, "child_refused", "")}),
            visit(5, "w1", "submitted", "2026-03-03T09:00:00Z", "2026-03-03T12:00:00Z", {card(kX, true, true, nullptr, "x")}),
            review(1, 1, "approve", "2026-02-27T12:00:00Z"),
            review(2, 3, "return", "2026-03-09T17:00:00Z"),
            review(3, 3, "approve", "2026-03-13T10:00:00Z")};
}

const QDate kToday(2026, 3, 16);

DueDateEngine engine()
{
    return DueDateEngine(VisitPolicy{}, WorkingDayCalendar());
}

const DashboardFigures *scope(const Dashboard &d, const QString &kind, const QString &key)
{
    if (kind == QLatin1String("team"))
        return &d.team;
    if (kind == QLatin1String("worker"))
        return d.worker(key);
    return d.child(key);
}

} // namespace

/** Team dashboard figures against a hand-computed fixture. */
class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtureIsValid();
    void figures_data();
    void figures();
    void lists();
    void periodFilter();
    void emptyInput();
    void correctionCountsOnce();
    void recordingStandardIsTheCouncils();
};

void TestDashboard::recordingStandardIsTheCouncils()
{
    DashboardCalculator::Options fourDays;
    fourDays.recordingStandardWorkingDays = 4;
    const Dashboard d = DashboardCalculator(engine(), fourDays).compute(fixture(), kToday);
    QCOMPARE(d.recordingStandardWorkingDays, 4);
    QCOMPARE(d.toJson().value(S("recording_standard_working_days")).toInt(), 4);
    QCOMPARE(d.team.recordedWithinStandard.numerator, 3);
    QCOMPARE(d.team.recordedWithinStandard.denominator, 3);
    DashboardCalculator::Options sameDay;
    sameDay.recordingStandardWorkingDays = 0;
    QCOMPARE(DashboardCalculator(engine(), sameDay).compute(fixture(), kToday).team.recordedWithinStandard.numerator, 0);
}

void TestDashboard::correctionCountsOnce()
{
    // Visit 1 (approved: A seen alone, with views) is corrected by visit 6: A was not seen alone
    // after all. The figures count the visit once, as corrected; the correction's own submission
    // is not a recording delay. A correction still in draft replaces nothing.
    QJsonObject correction = visit(6, "w1", "submitted", "2026-02-23T10:00:00Z", "2026-03-10T09:00:00Z",
                                   {card(kA, true, false, "child_refused", "")});
    correction.insert(S("amends"), S("d0000000-0000-4000-8000-000000000001"));
    QVERIFY(wire::validateRecord(correction).ok());
    auto seenAlone = [](const Dashboard &d) { return d.team.toJson().value(S("seen_alone")).toObject(); };
    auto recording = [](const Dashboard &d) {
        return d.team.toJson().value(S("visit_to_submission_working_days")).toObject().value(S("samples")).toArray();
    };
    const Dashboard before = DashboardCalculator(engine()).compute(fixture(), kToday);

    QList<QJsonObject> records = fixture();
    records << correction;
    const Dashboard after = DashboardCalculator(engine()).compute(records, kToday);
    QCOMPARE(seenAlone(after).value(S("denominator")).toInt(), seenAlone(before).value(S("denominator")).toInt()); // not a visit more
    QCOMPARE(seenAlone(after).value(S("numerator")).toInt(), seenAlone(before).value(S("numerator")).toInt() - 1);
    QVERIFY(seenAlone(after).value(S("missing_child_ids")).toArray().contains(kA));
    QCOMPARE(recording(after), recording(before));
    const QJsonObject reasons = after.team.toJson().value(S("not_seen_alone_reasons")).toObject();
    QVERIFY(reasons.value(S("child_refused")).toObject().value(S("child_ids")).toArray().contains(kA));

    correction.insert(S("state"), S("draft"));
    records.last() = correction;
    const Dashboard drafted = DashboardCalculator(engine()).compute(records, kToday);
    QCOMPARE(seenAlone(drafted), seenAlone(before));
}

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDashboard::fixtureIsValid()
{
    for (const QJsonObject &r : fixture()) {
        const auto v = wire::validateRecord(r);
        QVERIFY2(v.ok(), qPrintable(r.value(S("id")).toString() + S(": ") + (v.ok() ? QString() : v.error().field + S(" ") + v.error().message)));
    }
}

void TestDashboard::figures_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QJsonObject>("expected"); // the keys given must match the figure's JSON

    auto ids = [](std::initializer_list<QString> list) { return QJsonArray::fromStringList(QStringList(list)); };
    auto count = [&](int n, std::initializer_list<QString> list) { return QJsonObject{{S("count"), n}, {S("child_ids"), ids(list)}}; };
    auto share = [&](int num, int den, std::initializer_list<QString> in, std::initializer_list<QString> out) {
        return QJsonObject{{S("numerator"), num}, {S("denominator"), den}, {S("child_ids"), ids(in)}, {S("missing_child_ids"), ids(out)}};
    };
    const QString team = S("team"), worker = S("worker"), ch = S("child");

    QTest::addRow("team due") << team << QString() << S("due") << count(2, {kA, kC});
    QTest::addRow("team overdue") << team << QString() << S("overdue") << count(1, {kB});
    QTest::addRow("w1 due") << worker << S("w1") << S("due") << count(1, {kA});
    QTest::addRow("w1 overdue") << worker << S("w1") << S("overdue") << count(1, {kB});
    QTest::addRow("w2 due") << worker << S("w2") << S("due") << count(1, {kC});
    QTest::addRow("w2 overdue") << worker << S("w2") << S("overdue") << count(0, {});
    QTest::addRow("D no due date") << ch << kD << S("due") << count(0, {});

    QTest::addRow("team seen alone") << team << QString() << S("seen_alone") << share(1, 3, {kA}, {kB, kD});
    QTest::addRow("w1 seen alone") << worker << S("w1") << S("seen_alone") << share(1, 2, {kA}, {kB});
    QTest::addRow("w2 seen alone") << worker << S("w2") << S("seen_alone") << share(0, 1, {}, {kD});
    QTest::addRow("A seen alone") << ch << kA << S("seen_alone") << share(1, 1, {kA}, {});
    QTest::addRow("C not seen: no share") << ch << kC << S("seen_alone") << QJsonObject{{S("denominator"), 0}, {S("ratio"), QJsonValue()}};
    QTest::addRow("team ratio") << team << QString() << S("seen_alone") << QJsonObject{{S("ratio"), 1.0 / 3.0}};
    QTest::addRow("team reasons") << team << QString() << S("not_seen_alone_reasons")
                                  << QJsonObject{{S("child_refused"), count(1, {kB})}, {S("not_recorded"), count(1, {kD})}};
    QTest::addRow("w2 reasons") << worker << S("w2") << S("not_seen_alone_reasons") << QJsonObject{{S("not_recorded"), count(1, {kD})}};

    QTest::addRow("team views") << team << QString() << S("views_recorded") << share(2, 3, {kA, kD}, {kB});
    QTest::addRow("w1 views") << worker << S("w1") << S("views_recorded") << share(1, 2, {kA}, {kB});
    QTest::addRow("w2 views") << worker << S("w2") << S("views_recorded") << share(1, 1, {kD}, {});

    const QString v2s = S("visit_to_submission_working_days"), s2d = S("submission_to_decision_working_days");
    auto dur = [&](QJsonArray samples, double median, double mean, std::initializer_list<QString> list) {
        return QJsonObject{{S("samples"), samples}, {S("median"), median}, {S("mean"), mean}, {S("child_ids"), ids(list)}, {S("count"), samples.size()}};
    };
    QTest::addRow("team visit→submission") << team << QString() << v2s << dur({1, 2, 4}, 2, 7.0 / 3.0, {kA, kB, kC, kD});
    QTest::addRow("w1 visit→submission") << worker << S("w1") << v2s << dur({2, 4}, 3, 3, {kA, kB, kC});
    QTest::addRow("w2 visit→submission") << worker << S("w2") << v2s << dur({1}, 1, 1, {kD});
    QTest::addRow("C visit→submission") << ch << kC << v2s << dur({4}, 4, 4, {kC});
    // Within the default standard of 2 working days: A's visit (2) and D's (1), not B and C's (4).
    QTest::addRow("team within standard") << team << QString() << S("recorded_within_standard") << share(2, 3, {kA, kD}, {kB, kC});
    QTest::addRow("w1 within standard") << worker << S("w1") << S("recorded_within_standard") << share(1, 2, {kA}, {kB, kC});
    QTest::addRow("team submission→decision") << team << QString() << s2d << dur({2, 3}, 2.5, 2.5, {kA, kD});
    QTest::addRow("w1 submission→decision") << worker << S("w1") << s2d << dur({2}, 2, 2, {kA});
    QTest::addRow("w2 submission→decision") << worker << S("w2") << s2d << dur({3}, 3, 3, {kD});
    QTest::addRow("B no decision yet") << ch << kB << s2d << QJsonObject{{S("count"), 0}, {S("median"), QJsonValue()}};
}

void TestDashboard::figures()
{
    QFETCH(QString, kind);
    QFETCH(QString, key);
    QFETCH(QString, figure);
    QFETCH(QJsonObject, expected);
    const Dashboard d = DashboardCalculator(engine()).compute(fixture(), kToday);
    const DashboardFigures *f = scope(d, kind, key);
    QVERIFY2(f, qPrintable(S("no figures for ") + key));
    const QJsonObject actual = f->toJson().value(figure).toObject();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QJsonValue got = actual.value(it.key());
        if (it.value().isDouble())
            QVERIFY2(qAbs(got.toDouble(-999) - it.value().toDouble()) < 1e-9,
                     qPrintable(it.key() + S(": ") + QString::number(got.toDouble(-999))));
        else
            QVERIFY2(got == it.value(), qPrintable(it.key() + S(": ") + QString::fromUtf8(QJsonDocument(QJsonObject{{S("got"), got}}).toJson(QJsonDocument::Compact))));
    }
    if (expected.isEmpty())
        QVERIFY(actual.isEmpty());
}

void TestDashboard::lists()
{
    const Dashboard d = DashboardCalculator(engine()).compute(fixture(), kToday);
    QCOMPARE(d.team.childIds, (QStringList{kA, kB, kC, kD}));
    QStringList workers;
    for (const DashboardFigures &f : d.workers)
        workers << f.key;
    QCOMPARE(workers, (QStringList{S("w1"), S("w2")})); // V5's child is not in the set: no phantom worker or child
    QCOMPARE(d.children.size(), 4);
    QVERIFY(!d.child(kX));
    QCOMPARE(d.worker(S("w2"))->childIds, (QStringList{kC, kD}));
    QCOMPARE(d.toJson().value(S("today")).toString(), S("2026-03-16"));
}

void TestDashboard::periodFilter()
{
    DashboardCalculator::Options o;
    o.from = QDate(2026, 3, 1);
    const Dashboard d = DashboardCalculator(engine(), o).compute(fixture(), kToday);
    QCOMPARE(d.team.seenAlone.numerator, 0);
    QCOMPARE(d.team.seenAlone.denominator, 2);
    QCOMPARE(d.team.visitToSubmission.samples, (QList<int>{1, 4}));
    QCOMPARE(d.team.visitToSubmission.median(), 2.5);
    // Due dates still use every visit: A's last sighting was before the period.
    QCOMPARE(d.team.due.childIds, (QStringList{kA, kC}));
}

void TestDashboard::emptyInput()
{
    const Dashboard d = DashboardCalculator(engine()).compute({}, kToday);
    QCOMPARE(d.team.seenAlone.ratio(), -1.0);
    QCOMPARE(d.team.visitToSubmission.median(), -1.0);
    QVERIFY(d.workers.isEmpty() && d.children.isEmpty());
}

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
