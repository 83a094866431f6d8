// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/calendar.h"
#include "core/duedates.h"
#include "samples.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace doorstep;

namespace {
QDate d(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

Child childWith(LegalStatus status)
{
    Child c;
    c.envelope.id = samples::kChildA;
    c.firstName = QStringLiteral("A");
    c.lastName = QStringLiteral("B");
    c.dateOfBirth = d("2015-01-01");
    c.legalStatus = status;
    return c;
}

Child lookedAfter(PlacementKind kind, const char *start, const char *firstReview = nullptr)
{
    Child c = childWith(LegalStatus::LookedAfter);
    Placement p;
    p.start = d(start);
    p.kind = kind;
    if (firstReview)
        p.firstReview = d(firstReview);
    c.placement = p;
    return c;
}
} // namespace

Q_DECLARE_METATYPE(doorstep::Child)

/** Working days, council policy and regulation 28 intervals. */
class TestDueDates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void embeddedCalendar()
    {
        const WorkingDayCalendar &cal = WorkingDayCalendar::englandAndWales();
        QCOMPARE(cal.bankHolidayCount(), 107);
        QCOMPARE(cal.firstKnown(), d("2018-01-01"));
        QCOMPARE(cal.lastKnown(), d("2030-12-26"));
    }

    void workingDay_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<bool>("working");
        QTest::addRow("ordinary Wednesday") << d("2026-03-04") << true;
        QTest::addRow("Saturday") << d("2026-03-07") << false;
        QTest::addRow("Sunday") << d("2026-03-08") << false;
        QTest::addRow("Good Friday 2026") << d("2026-04-03") << false;
        QTest::addRow("Easter Monday 2026") << d("2026-04-06") << false;
        QTest::addRow("Christmas 2026") << d("2026-12-25") << false;
        QTest::addRow("Boxing Day substitute 2026") << d("2026-12-28") << false;
        QTest::addRow("New Year 2027") << d("2027-01-01") << false;
        QTest::addRow("Christmas Eve") << d("2025-12-24") << true;
        QTest::addRow("VE day 2020") << d("2020-05-08") << false;
        QTest::addRow("usual early May Monday 2020 (moved)") << d("2020-05-04") << true;
        QTest::addRow("Queen's funeral 2022") << d("2022-09-19") << false;
        QTest::addRow("Platinum Jubilee 2022") << d("2022-06-03") << false;
        QTest::addRow("Coronation 2023") << d("2023-05-08") << false;
        QTest::addRow("2030 Boxing Day") << d("2030-12-26") << false;
        QTest::addRow("beyond the list: weekday") << d("2031-01-01") << true;
        QTest::addRow("invalid date") << QDate() << false;
    }

    void workingDay()
    {
        QFETCH(QDate, day);
        QFETCH(bool, working);
        QCOMPARE(WorkingDayCalendar::englandAndWales().isWorkingDay(day), working);
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("days");
        QTest::addColumn<QDate>("expected");
        QTest::addRow("zero") << d("2026-03-04") << 0 << d("2026-03-04");
        QTest::addRow("over a weekend") << d("2026-03-06") << 1 << d("2026-03-09");
        QTest::addRow("Easter 2026") << d("2026-04-02") << 1 << d("2026-04-07");
        QTest::addRow("10 across Easter") << d("2026-03-27") << 10 << d("2026-04-14");
        QTest::addRow("20 from 4 March (across Easter)") << d("2026-03-04") << 20 << d("2026-04-01");
        QTest::addRow("Christmas 2025") << d("2025-12-24") << 1 << d("2025-12-29");
        QTest::addRow("into 2026 over New Year") << d("2025-12-24") << 4 << d("2026-01-02");
        QTest::addRow("Christmas 2026 substitute") << d("2026-12-24") << 1 << d("2026-12-29");
        QTest::addRow("Christmas 2022 substitute") << d("2022-12-23") << 1 << d("2022-12-28");
        QTest::addRow("10 over 2019 year end") << d("2019-12-24") << 10 << d("2020-01-10");
        QTest::addRow("VE day 2020") << d("2020-05-07") << 1 << d("2020-05-11");
        QTest::addRow("4 May 2020 is working") << d("2020-05-01") << 1 << d("2020-05-04");
        QTest::addRow("Queen's funeral") << d("2022-09-16") << 1 << d("2022-09-20");
        QTest::addRow("Jubilee") << d("2022-06-01") << 1 << d("2022-06-06");
        QTest::addRow("Coronation") << d("2023-05-05") << 1 << d("2023-05-09");
        QTest::addRow("end of known list") << d("2030-12-20") << 5 << d("2030-12-31");
        QTest::addRow("from a Saturday") << d("2026-03-07") << 1 << d("2026-03-09");
        QTest::addRow("backwards over Easter") << d("2026-04-07") << -1 << d("2026-04-02");
    }

    void addWorkingDays()
    {
        QFETCH(QDate, from);
        QFETCH(int, days);
        QFETCH(QDate, expected);
        const WorkingDayCalendar &cal = WorkingDayCalendar::englandAndWales();
        QCOMPARE(cal.addWorkingDays(from, days), expected);
        if (days > 0 && cal.isWorkingDay(expected))
            QCOMPARE(cal.workingDaysBetween(from, expected), days);
    }

    void workingDaysBetween()
    {
        const WorkingDayCalendar &cal = WorkingDayCalendar::englandAndWales();
        QCOMPARE(cal.workingDaysBetween(d("2026-03-27"), d("2026-04-14")), 10);
        QCOMPARE(cal.workingDaysBetween(d("2026-04-14"), d("2026-03-27")), -10);
        QCOMPARE(cal.workingDaysBetween(d("2026-03-04"), d("2026-03-04")), 0);
        QCOMPARE(cal.workingDaysBetween(d("2025-12-24"), d("2026-01-02")), 4);
        QCOMPARE(cal.workingDaysBetween(d("2026-03-06"), d("2026-03-08")), 0); // Friday to Sunday
        // Every weekday of 2018–2030 less the 107 bank holidays (all on weekdays).
        QCOMPARE(cal.workingDaysBetween(d("2018-01-01"), d("2030-12-31")), 3285);
    }

    void addAndBetweenAgree()
    {
        // Property check over random pairs: bounded in count and time.
        const WorkingDayCalendar &cal = WorkingDayCalendar::englandAndWales();
        QRandomGenerator rng(20260304);
        QElapsedTimer timer;
        timer.start();
        const QDate origin = d("2018-01-01");
        for (int i = 0; i < 2000 && timer.elapsed() < 10000; ++i) {
            const QDate from = origin.addDays(rng.bounded(4700));
            const int n = int(rng.bounded(60));
            const QDate to = cal.addWorkingDays(from, n);
            QVERIFY(n == 0 || cal.isWorkingDay(to));
            QCOMPARE(cal.workingDaysBetween(from, to), n);
            QCOMPARE(cal.addWorkingDays(to, -n) <= from, true);
        }
    }

    void calendarFromList()
    {
        const WorkingDayCalendar cal({d("2026-03-09"), d("2026-03-10")});
        QVERIFY(!cal.isWorkingDay(d("2026-03-09")));
        QVERIFY(cal.isBankHoliday(d("2026-03-10")));
        QCOMPARE(cal.addWorkingDays(d("2026-03-06"), 1), d("2026-03-11"));
        const WorkingDayCalendar weekendsOnly;
        QVERIFY(weekendsOnly.isWorkingDay(d("2026-12-25")));
        const auto bad = WorkingDayCalendar::fromJson(R"({"events":[{"date":"2026-02-30"}]})");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("events[0].date"));
        const auto good = WorkingDayCalendar::fromJson(R"({"events":[{"date":"2026-03-09","title":"x"}]})");
        QVERIFY(good.ok());
        QCOMPARE(good->bankHolidayCount(), 1);
    }

    void nextVisit_data()
    {
        QTest::addColumn<Child>("child");
        QTest::addColumn<QDate>("lastSeen");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QString>("basis");
        QTest::addColumn<bool>("overdue");
        QTest::addColumn<int>("daysOverdue");

        const Child cp = childWith(LegalStatus::ChildProtection);
        const Child cin = childWith(LegalStatus::ChildInNeed);
        QTest::addRow("CP: 10 working days across Easter")
            << cp << d("2026-03-27") << d("2026-04-01") << d("2026-04-14") << u"policy_child_protection"_qs << false << 0;
        QTest::addRow("CP: due today is not overdue")
            << cp << d("2026-03-27") << d("2026-04-14") << d("2026-04-14") << u"policy_child_protection"_qs << false << 0;
        QTest::addRow("CP: one day overdue")
            << cp << d("2026-03-27") << d("2026-04-15") << d("2026-04-14") << u"policy_child_protection"_qs << true << 1;
        QTest::addRow("CP: six days overdue")
            << cp << d("2026-03-27") << d("2026-04-20") << d("2026-04-14") << u"policy_child_protection"_qs << true << 6;
        QTest::addRow("CIN: 20 working days")
            << cin << d("2026-03-04") << d("2026-03-10") << d("2026-04-01") << u"policy_child_in_need"_qs << false << 0;
        QTest::addRow("CP never seen: due now")
            << cp << QDate() << d("2026-03-10") << d("2026-03-10") << u"policy_child_protection"_qs << false << 0;
        Child cpPlan = cp;
        cpPlan.plan.visitingFrequency = VisitFrequency{14, FrequencyUnit::CalendarDays};
        QTest::addRow("CP plan overrides policy")
            << cpPlan << d("2026-03-27") << d("2026-04-01") << d("2026-04-10") << u"plan"_qs << false << 0;
        Child cinWorking = cin;
        cinWorking.plan.visitingFrequency = VisitFrequency{1, FrequencyUnit::WorkingDays};
        QTest::addRow("CIN plan in working days over Christmas")
            << cinWorking << d("2026-12-24") << d("2027-01-04") << d("2026-12-29") << u"plan"_qs << true << 6;
        const Child eh = childWith(LegalStatus::EarlyHelp);
        QTest::addRow("early help without plan frequency")
            << eh << d("2026-03-01") << d("2026-06-01") << QDate() << u"none"_qs << false << 0;
        Child ehPlan = eh;
        ehPlan.plan.visitingFrequency = VisitFrequency{28, FrequencyUnit::CalendarDays};
        QTest::addRow("early help with plan frequency")
            << ehPlan << d("2026-03-01") << d("2026-04-01") << d("2026-03-29") << u"plan"_qs << true << 3;
        QTest::addRow("care leaver without plan frequency")
            << childWith(LegalStatus::CareLeaver) << QDate() << d("2026-06-01") << QDate() << u"none"_qs << false << 0;

        // Regulation 28.
        const Child standard = lookedAfter(PlacementKind::Standard, "2025-09-01");
        QTest::addRow("reg28: first visit within a week")
            << standard << QDate() << d("2025-09-03") << d("2025-09-08") << u"reg28_first_week"_qs << false << 0;
        QTest::addRow("reg28: first visit missed")
            << standard << QDate() << d("2025-09-10") << d("2025-09-08") << u"reg28_first_week"_qs << true << 2;
        QTest::addRow("reg28: visit before this placement does not count")
            << standard << d("2025-08-20") << d("2025-09-03") << d("2025-09-08") << u"reg28_first_week"_qs << false << 0;
        QTest::addRow("reg28: six weeks in first year")
            << standard << d("2025-09-05") << d("2025-10-01") << d("2025-10-17") << u"reg28_first_year"_qs << false << 0;
        QTest::addRow("reg28: last day of first year")
            << standard << d("2026-08-31") << d("2026-09-01") << d("2026-10-12") << u"reg28_first_year"_qs << false << 0;
        QTest::addRow("reg28: after first year, not long term")
            << standard << d("2026-09-01") << d("2026-09-02") << d("2026-10-13") << u"reg28_six_weekly"_qs << false << 0;
        const Child longTerm = lookedAfter(PlacementKind::LongTermUntil18, "2025-09-01");
        QTest::addRow("reg28 long term: still six weeks on last day of first year")
            << longTerm << d("2026-08-31") << d("2026-09-01") << d("2026-10-12") << u"reg28_first_year"_qs << false << 0;
        QTest::addRow("reg28 long term: three months from first anniversary")
            << longTerm << d("2026-09-01") << d("2026-09-02") << d("2026-12-01") << u"reg28_long_term"_qs << false << 0;
        QTest::addRow("reg28 long term: three months, overdue")
            << longTerm << d("2026-11-30") << d("2027-03-02") << d("2027-02-28") << u"reg28_long_term"_qs << true << 2;
        const Child preAssessment = lookedAfter(PlacementKind::WithParentsPreAssessment, "2025-09-01", "2025-09-29");
        QTest::addRow("reg28 pre-assessment: weekly")
            << preAssessment << d("2025-09-05") << d("2025-09-08") << d("2025-09-12") << u"reg28_weekly_until_review"_qs << false << 0;
        QTest::addRow("reg28 pre-assessment: weekly up to the review")
            << preAssessment << d("2025-09-22") << d("2025-09-23") << d("2025-09-29") << u"reg28_weekly_until_review"_qs << false << 0;
        QTest::addRow("reg28 pre-assessment: after the review, six weeks")
            << preAssessment << d("2025-09-23") << d("2025-09-24") << d("2025-11-04") << u"reg28_first_year"_qs << false << 0;
        QTest::addRow("reg28 pre-assessment: first visit still within a week")
            << preAssessment << QDate() << d("2025-09-01") << d("2025-09-08") << u"reg28_first_week"_qs << false << 0;
        const Child connected = lookedAfter(PlacementKind::TemporaryConnectedPerson, "2025-09-01");
        QTest::addRow("reg28 connected person, no review date: weekly")
            << connected << d("2025-11-03") << d("2025-11-12") << d("2025-11-10") << u"reg28_weekly_until_review"_qs << true << 2;
        Child laPlan = lookedAfter(PlacementKind::Standard, "2025-09-01");
        laPlan.plan.visitingFrequency = VisitFrequency{14, FrequencyUnit::CalendarDays};
        QTest::addRow("looked after: plan more frequent than reg28")
            << laPlan << d("2025-09-05") << d("2025-09-06") << d("2025-09-19") << u"plan"_qs << false << 0;
        Child laLoose = lookedAfter(PlacementKind::Standard, "2025-09-01");
        laLoose.plan.visitingFrequency = VisitFrequency{90, FrequencyUnit::CalendarDays};
        QTest::addRow("looked after: plan cannot loosen reg28")
            << laLoose << d("2025-09-05") << d("2025-09-06") << d("2025-10-17") << u"reg28_first_year"_qs << false << 0;
        QTest::addRow("looked after without placement: due now")
            << childWith(LegalStatus::LookedAfter) << QDate() << d("2026-03-10") << d("2026-03-10") << u"none"_qs << false << 0;
    }

    void nextVisit()
    {
        QFETCH(Child, child);
        QFETCH(QDate, lastSeen);
        QFETCH(QDate, today);
        QFETCH(QDate, due);
        QFETCH(QString, basis);
        QFETCH(bool, overdue);
        QFETCH(int, daysOverdue);
        const DueDateEngine engine;
        const VisitDue result = engine.nextVisit(child, lastSeen, today);
        QCOMPARE(result.due, due);
        QCOMPARE(dueBasisName(result.basis), basis);
        QCOMPARE(result.overdue, overdue);
        QCOMPARE(result.daysOverdue, daysOverdue);
        QCOMPARE(result.hasDue(), due.isValid());
        QCOMPARE(result.dueNow, !lastSeen.isValid() && due.isValid() && due == today && !basis.startsWith(u"reg28"));
    }

    void councilPolicy()
    {
        const auto policy = VisitPolicy::fromJson(samples::parse(R"({"child_protection": {"every": 5, "unit": "working_days"}})"));
        QVERIFY(policy.ok());
        QCOMPARE(policy->childProtection, (VisitFrequency{5, FrequencyUnit::WorkingDays}));
        QCOMPARE(policy->childInNeed, (VisitFrequency{20, FrequencyUnit::WorkingDays}));
        const DueDateEngine engine(*policy);
        const VisitDue r = engine.nextVisit(childWith(LegalStatus::ChildProtection), d("2026-04-02"), d("2026-04-02"));
        QCOMPARE(r.due, d("2026-04-13")); // 7, 8, 9, 10, 13 April after Easter
        const auto bad = VisitPolicy::fromJson(samples::parse(R"({"child_in_need": {"every": 0, "unit": "working_days"}})"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("child_in_need.every"));
        const auto unknown = VisitPolicy::fromJson(samples::parse(R"({"looked_after": {}})"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().field, QStringLiteral("looked_after"));
        QCOMPARE(VisitPolicy::fromJson(policy->toJson())->childProtection, policy->childProtection);
    }

    void fromWireRecords()
    {
        const DueDateEngine engine;
        // The sample child is on a CP plan with every 10 working days in its plan.
        const VisitDue r = engine.nextVisit(samples::child(), d("2026-03-27"), d("2026-04-16"));
        QCOMPARE(r.due, d("2026-04-14"));
        QCOMPARE(r.basis, DueBasis::Plan);
        QVERIFY(r.overdue);
        QCOMPARE(r.daysOverdue, 2);
        QVERIFY(!engine.nextVisit(samples::with(samples::child(), u"legal_status"_qs, u"x"_qs), d("2026-03-27"), d("2026-04-16")).hasDue());
    }

    void recordingTimeliness_data()
    {
        QTest::addColumn<QDateTime>("visit");
        QTest::addColumn<QDateTime>("submitted");
        QTest::addColumn<int>("days");
        const auto at = [](const char *iso) { return QDateTime::fromString(QLatin1String(iso), Qt::ISODate); };
        QTest::addRow("same day") << at("2026-03-04T10:00:00Z") << at("2026-03-04T17:00:00Z") << 0;
        QTest::addRow("next day") << at("2026-03-04T10:00:00Z") << at("2026-03-05T09:00:00Z") << 1;
        QTest::addRow("Friday to Monday") << at("2026-03-06T10:00:00Z") << at("2026-03-09T09:00:00Z") << 1;
        QTest::addRow("over Easter") << at("2026-04-02T10:00:00Z") << at("2026-04-07T09:00:00Z") << 1;
        QTest::addRow("late evening BST counts as next day") << at("2026-07-01T10:00:00Z") << at("2026-07-01T23:30:00Z") << 1;
        QTest::addRow("not submitted") << at("2026-03-04T10:00:00Z") << QDateTime() << -1;
    }

    void recordingTimeliness()
    {
        QFETCH(QDateTime, visit);
        QFETCH(QDateTime, submitted);
        QFETCH(int, days);
        QCOMPARE(DueDateEngine().recordingDelayWorkingDays(visit, submitted), days);
    }

    void lastSeen()
    {
        using samples::with;
        const QJsonObject first = samples::visit(); // 4 March, both children seen
        const QJsonObject notSeen = with(with(with(first, u"started_at"_qs, u"2026-03-20T10:00:00Z"_qs), u"children[0].seen"_qs, false),
                                         u"id"_qs, wire::newUuid());
        const QJsonObject lateSummer = with(first, u"started_at"_qs, u"2026-06-30T23:30:00Z"_qs);
        QCOMPARE(DueDateEngine::lastSeenOn(samples::kChildA, {first, notSeen}), d("2026-03-04"));
        QCOMPARE(DueDateEngine::lastSeenOn(samples::kChildB, {first, notSeen}), d("2026-03-20"));
        QCOMPARE(DueDateEngine::lastSeenOn(samples::kChildA, {notSeen}), QDate());
        QCOMPARE(DueDateEngine::lastSeenOn(samples::kChildA, {first, lateSummer}), d("2026-07-01")); // BST
        QCOMPARE(DueDateEngine::lastSeenOn(samples::kChildA, {samples::directWork()}), QDate());
    }
};

QTEST_GUILESS_MAIN(TestDueDates)
#include "tst_duedates.moc"
