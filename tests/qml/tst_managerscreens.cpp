// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The manager's screens over a real SQLCipher store: the dashboard's figures against a
// hand-computed fixture (below), drill-down ids, the supervision form's violations, saving and
// where the note then shows (chronology, caseload), and the exports written from the tablet path
// (CSV columns, PDF text via pdftotext) with their queued audit reports.
//
// Fixture (today Monday 16 March 2026; every child "every N calendar days" by plan; w1 Wendy, w2 Will):
//   C1 Ava Alpha  (w1, 10 d): V1 by w1 Tue 10 Mar, seen alone, views; submitted Thu 12 Mar (2 wd);
//                             approved Fri 13 Mar (1 wd). V6 by w1 Wed 1 Oct 2025, seen alone, views,
//                             submitted Thu 2 Oct (1 wd). Last seen 10 Mar -> due 20 Mar: DUE (within 7 days).
//   C2 Ben Beta   (w1, 10 d): V2 by w1 Mon 2 Mar, seen, NOT alone (child refused), no views; submitted
//                             the same day (0 wd), no decision. Due 12 Mar: OVERDUE.
//   C3 Cal Gamma  (w2, 30 d): V3 by w2 Mon 9 Mar, seen, not alone, no reason (not recorded), views;
//                             returned Wed 11 Mar (before the resubmission: does not count), submitted
//                             Fri 13 Mar (4 wd), approved Mon 16 Mar (1 wd). Draft V5 by w2 Sun 15 Mar
//                             seen not alone: drafts do not count. Due 14 Apr: neither.
//   C4 Dee Delta  (w2, 20 d): never seen: due now -> DUE.
// All visits: team due 2 [C1, C4], overdue 1 [C2]; seen alone 2 of 4 cards (V1, V6 / V2, V3) = 50%;
//   reasons child_refused 1 [C2], not_recorded 1 [C3]; views 3 of 4 = 75% (missing C2);
//   visit->submission [0, 1, 2, 4]: median 1.5, mean 1.75; submission->decision [1, 1]: median 1.
//   Wendy: due 1 [C1], overdue 1 [C2], seen alone 2/3, views 2/3, v->s [0,1,2] median 1, s->d [1].
//   Will: due 1 [C4], overdue 0, seen alone 0/1, views 1/1, v->s [4], s->d [1].
// Last 3 months (17 Dec 2025 - 16 Mar 2026): V6 drops out: seen alone 1/3 (33%), views 2/3 (67%),
//   v->s [0, 2, 4]: median 2, mean 2; due and overdue unchanged (they use every visit).
#include "platform/awaitfuture.h"
#include "qml/caseloadmodel.h"
#include "qml/dashboardviewmodel.h"
#include "qml/managerexports.h"
#include "qml/managersync.h"
#include "qml/recordform.h"
#include "core/exports.h"
#include "core/store/auditlog.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/rand.h>

#include <optional>

using namespace doorstep;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

const QDate kToday(2026, 3, 16);
const QString C1 = S("c0000000-0000-4000-8000-000000000001");
const QString C2 = S("c0000000-0000-4000-8000-000000000002");
const QString C3 = S("c0000000-0000-4000-8000-000000000003");
const QString C4 = S("c0000000-0000-4000-8000-000000000004");

QString uuid(int prefix, int n)
{
    return S("%1-0000-4000-8000-%2").arg(prefix, 8, 10, QLatin1Char('0')).arg(n, 12, 10, QLatin1Char('0'));
}

QJsonObject child(const QString &id, const char *first, const char *last, const char *worker, int every)
{
    return {{S("schema"), 1}, {S("type"), S("child")}, {S("id"), id}, {S("created_at"), S("2025-06-01T09:00:00Z")},
            {S("first_name"), S(first)}, {S("last_name"), S(last)}, {S("date_of_birth"), S("2015-05-01")},
            {S("legal_status"), S("child_in_need")}, {S("allocated_worker"), S(worker)}, {S("team"), S("team-a")},
            {S("plan"), QJsonObject{{S("visiting_frequency"), QJsonObject{{S("every"), every}, {S("unit"), S("calendar_days")}}},
                                    {S("contingency"), S("Grandmother cares.")}, {S("actions"), QJsonArray()}}}};
}

QJsonObject visit(int n, const QString &childId, const char *author, const char *started, const char *submitted,
                  bool alone, const char *reason, const char *views, const char *state = "submitted")
{
    QJsonObject card{{S("child_id"), childId}, {S("seen"), true}, {S("seen_alone"), alone}, {S("safety_concern"), false},
                     {S("child_views"), S(views)}};
    if (reason)
        card.insert(S("not_seen_alone_reason"), S(reason));
    QJsonObject v{{S("schema"), 1}, {S("type"), S("visit")}, {S("id"), uuid(10, n)}, {S("state"), S(state)},
                  {S("author"), S(author)}, {S("created_at"), S(started)}, {S("started_at"), S(started)},
                  {S("visit_type"), S("statutory_cin")}, {S("rationale"), S("Statutory visit %1.").arg(n)},
                  {S("children"), QJsonArray{card}}};
    if (submitted)
        v.insert(S("submitted_at"), S(submitted));
    return v;
}

QJsonObject review(int n, int visitN, const char *decision, const char *at)
{
    return {{S("schema"), 1}, {S("type"), S("review")}, {S("id"), uuid(20, n)}, {S("created_at"), S(at)},
            {S("record_id"), uuid(10, visitN)}, {S("decision"), S(decision)}, {S("rationale"), S("Decision %1.").arg(n)},
            {S("manager"), S("m1")}, {S("decided_at"), S(at)}, {S("seen_rev"), 1}};
}

QString runTool(const QString &tool, const QStringList &args)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty())
        return QString();
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return QString();
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString::fromUtf8(p.readAllStandardOutput()).replace(space, QStringLiteral(" "));
}

int rowOf(const QAbstractItemModel &model, int role, const QString &value)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i, 0).data(role).toString() == value)
            return i;
    return -1;
}

} // namespace

class TestManagerScreens : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    T await(QFuture<Result<T>> f)
    {
        const Result<T> out = awaitResult(std::move(f), 60000);
        if (!out.ok())
            qFatal("store job failed: %s", qPrintable(out.error().message));
        return out.value();
    }
    QJsonArray queuedReports()
    {
        return await(m_store.run<QJsonArray>([](Database &db) { return ManagerSync::queued(db); }));
    }

    QTemporaryDir m_dir;
    Store m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QByteArray key(32, Qt::Uninitialized);
        QCOMPARE(RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), 32), 1);
        std::optional<Result<void>> opened;
        m_store.open(m_dir.filePath(S("records.db")), std::move(key)).then(this, [&opened](Result<void> r) { opened = r; });
        QVERIFY(QTest::qWaitFor([&opened] { return opened.has_value(); }, 30000));
        QVERIFY(opened->ok());
        const QList<QJsonObject> records{
            child(C1, "Ava", "Alpha", "w1", 10), child(C2, "Ben", "Beta", "w1", 10),
            child(C3, "Cal", "Gamma", "w2", 30), child(C4, "Dee", "Delta", "w2", 20),
            visit(1, C1, "w1", "2026-03-10T10:00:00Z", "2026-03-12T10:00:00Z", true, nullptr, "I like school."),
            visit(6, C1, "w1", "2025-10-01T10:00:00Z", "2025-10-02T10:00:00Z", true, nullptr, "Fine."),
            visit(2, C2, "w1", "2026-03-02T10:00:00Z", "2026-03-02T16:00:00Z", false, "child_refused", "  "),
            visit(3, C3, "w2", "2026-03-09T10:00:00Z", "2026-03-13T10:00:00Z", false, nullptr, "I want football."),
            visit(5, C3, "w2", "2026-03-15T10:00:00Z", nullptr, false, "child_refused", "", "draft"),
            review(1, 1, "approve", "2026-03-13T10:00:00Z"),
            review(3, 3, "return", "2026-03-11T10:00:00Z"),
            review(4, 3, "approve", "2026-03-16T10:00:00Z"),
        };
        const bool seeded = await(m_store.run<bool>([records](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            for (const QJsonObject &r : records)
                if (auto applied = repo.applyRemote(r, 1); !applied)
                    return Error(applied.error().code, r.value(u"id").toString() + S(": ") + applied.error().message);
            if (auto r = SyncState(db).set(DashboardViewModel::userNamesKey(), S(R"({"w1":"Wendy Worker","w2":"Will Worker"})")); !r)
                return r.error();
            return true;
        }));
        QVERIFY(seeded);
    }

    void dashboardFigures_data()
    {
        QTest::addColumn<int>("months");
        QTest::addColumn<QString>("teamSeenAlone");
        QTest::addColumn<int>("teamSeenAlonePercent");
        QTest::addColumn<int>("teamViewsPercent");
        QTest::addColumn<double>("teamVisitToSubmissionMedian");
        QTest::addColumn<double>("teamVisitToSubmissionMean");
        QTest::addColumn<int>("wendySeenAlone");
        QTest::addColumn<int>("wendySeen");
        QTest::addRow("everything") << 0 << S("2 of 4 (50%)") << 50 << 75 << 1.5 << 1.75 << 2 << 3;
        QTest::addRow("last 3 months") << 3 << S("1 of 3 (33%)") << 33 << 67 << 2.0 << 2.0 << 1 << 2;
    }
    void dashboardFigures()
    {
        QFETCH(int, months);
        DashboardViewModel vm;
        QAbstractItemModelTester t1(vm.team(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(vm.workers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(vm.children(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(vm.reasons(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t5(vm.drillDown(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&vm, &DashboardViewModel::loaded);
        vm.setToday(kToday);
        vm.setPeriodMonths(months);
        // Computed on the store thread, never on this one.
        QThread *jobThread = nullptr;
        await(m_store.run<bool>([&jobThread](Database &) -> Result<bool> { jobThread = QThread::currentThread(); return true; }));
        QVERIFY(jobThread && jobThread != QThread::currentThread());
        vm.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !vm.loading(), 20000);
        QVERIFY2(vm.errorString().isEmpty(), qPrintable(vm.errorString()));

        // The team.
        QCOMPARE(vm.team()->rowCount(), 1);
        const QModelIndex team = vm.team()->index(0);
        QCOMPARE(team.data(DashboardFiguresModel::DueRole).toInt(), 2);
        QCOMPARE(team.data(DashboardFiguresModel::OverdueRole).toInt(), 1);
        QCOMPARE(team.data(DashboardFiguresModel::ChildCountRole).toInt(), 4);
        QTEST(team.data(DashboardFiguresModel::SeenAloneTextRole).toString(), "teamSeenAlone");
        QTEST(team.data(DashboardFiguresModel::SeenAlonePercentRole).toInt(), "teamSeenAlonePercent");
        QTEST(team.data(DashboardFiguresModel::ViewsPercentRole).toInt(), "teamViewsPercent");
        QTEST(team.data(DashboardFiguresModel::VisitToSubmissionMedianRole).toDouble(), "teamVisitToSubmissionMedian");
        QTEST(team.data(DashboardFiguresModel::VisitToSubmissionMeanRole).toDouble(), "teamVisitToSubmissionMean");
        QCOMPARE(team.data(DashboardFiguresModel::SubmissionToDecisionMedianRole).toDouble(), 1.0);
        QCOMPARE(team.data(DashboardFiguresModel::SubmissionToDecisionCountRole).toInt(), 2);
        QCOMPARE(vm.teamFigures().value(S("due")).toInt(), 2);
        QCOMPARE(vm.team()->childIds(0, S("due")), (QStringList{C1, C4}));
        QCOMPARE(vm.team()->childIds(0, S("overdue")), QStringList{C2});
        QCOMPARE(vm.team()->childIds(0, S("notSeenAlone")), (QStringList{C2, C3}));
        QCOMPARE(vm.team()->childIds(0, S("viewsMissing")), QStringList{C2});
        QVERIFY(team.data(DashboardFiguresModel::SummaryRole).toString().startsWith(S("Team: 2 due, 1 overdue")));

        // Workers by name (the service's names, kept in the store), sorted.
        QCOMPARE(vm.workers()->rowCount(), 2);
        QCOMPARE(vm.workers()->labelAt(0), S("Wendy Worker"));
        QCOMPARE(vm.workers()->labelAt(1), S("Will Worker"));
        const QModelIndex wendy = vm.workers()->index(0);
        QCOMPARE(wendy.data(DashboardFiguresModel::DueRole).toInt(), 1);
        QCOMPARE(wendy.data(DashboardFiguresModel::OverdueRole).toInt(), 1);
        QTEST(wendy.data(DashboardFiguresModel::SeenAloneRole).toInt(), "wendySeenAlone");
        QTEST(wendy.data(DashboardFiguresModel::SeenAloneOfRole).toInt(), "wendySeen");
        QCOMPARE(wendy.data(DashboardFiguresModel::SubmissionToDecisionMedianRole).toDouble(), 1.0);
        const QModelIndex will = vm.workers()->index(1);
        QCOMPARE(will.data(DashboardFiguresModel::DueRole).toInt(), 1);
        QCOMPARE(will.data(DashboardFiguresModel::OverdueRole).toInt(), 0);
        QCOMPARE(will.data(DashboardFiguresModel::SeenAloneRole).toInt(), 0);
        QCOMPARE(will.data(DashboardFiguresModel::SeenAloneOfRole).toInt(), 1);
        QCOMPARE(will.data(DashboardFiguresModel::ViewsPercentRole).toInt(), 100);
        QCOMPARE(will.data(DashboardFiguresModel::VisitToSubmissionMedianRole).toDouble(), 4.0);
        // Submitted 4 working days after the visit: not within the council's standard (2 until the service says otherwise).
        QCOMPARE(vm.recordingStandardDays(), 2);
        QCOMPARE(will.data(DashboardFiguresModel::RecordedInTimePercentRole).toInt(), 0);
        // The chart's two parts: none in time of the one submitted.
        QCOMPARE(will.data(DashboardFiguresModel::RecordedInTimeRole).toInt(), 0);
        QCOMPARE(will.data(DashboardFiguresModel::RecordedInTimeOfRole).toInt(), 1);
        QVERIFY(vm.workers()->childIds(1, S("recordedInTime")).isEmpty());
        QVERIFY(!vm.workers()->childIds(1, S("recordedLate")).isEmpty());
        QCOMPARE(vm.workers()->childIds(1, S("due")), QStringList{C4});

        // Children by name; a never-seen child has no visit figures.
        QCOMPARE(vm.children()->rowCount(), 4);
        QCOMPARE(vm.children()->labelAt(0), S("Ava Alpha"));
        const int dee = rowOf(*vm.children(), DashboardFiguresModel::KeyRole, C4);
        QVERIFY(dee >= 0);
        QCOMPARE(vm.children()->index(dee).data(DashboardFiguresModel::SeenAlonePercentRole).toInt(), -1);
        QCOMPARE(vm.children()->index(dee).data(DashboardFiguresModel::SeenAloneTextRole).toString(), S("No visits in this period"));
        QCOMPARE(vm.children()->index(dee).data(DashboardFiguresModel::DueRole).toInt(), 1);

        // Reasons: every regulation 29 reason listed, then "not recorded".
        QCOMPARE(vm.reasons()->rowCount(), 6);
        QCOMPARE(vm.reasons()->total(), 2);
        const int refused = rowOf(*vm.reasons(), DashboardReasonsModel::ReasonRole, S("child_refused"));
        const int notRecorded = rowOf(*vm.reasons(), DashboardReasonsModel::ReasonRole, S("not_recorded"));
        QVERIFY(refused >= 0 && notRecorded >= 0);
        QCOMPARE(vm.reasons()->index(refused).data(DashboardReasonsModel::CountRole).toInt(), 1);
        QCOMPARE(vm.reasons()->index(refused).data(DashboardReasonsModel::PercentRole).toInt(), 50);
        QCOMPARE(vm.reasons()->childIds(notRecorded), QStringList{C3});
    }

    void drillDown()
    {
        DashboardViewModel vm;
        QAbstractItemModelTester tester(vm.drillDown(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        vm.setToday(kToday);
        vm.setPeriodMonths(0);
        vm.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(vm.ready() && !vm.loading(), 20000);
        vm.showChildren(vm.workers(), 0, S("overdue"), S("Wendy — overdue"));
        QCOMPARE(vm.drillDownTitle(), S("Wendy — overdue"));
        QCOMPARE(vm.drillDown()->rowCount(), 1);
        QCOMPARE(vm.drillDown()->childIdAt(0), C2);
        QCOMPARE(vm.drillDown()->index(0).data(DashboardChildrenModel::NameRole).toString(), S("Ben Beta"));
        QCOMPARE(vm.drillDown()->index(0).data(DashboardChildrenModel::WorkerNameRole).toString(), S("Wendy Worker"));
        QCOMPARE(vm.drillDown()->index(0).data(DashboardChildrenModel::LegalStatusTextRole).toString(), S("Child in need"));
        vm.showChildren(vm.team(), 0, S("seenAlone"), S("Team — seen alone"));
        QCOMPARE(vm.drillDown()->childIds(), QStringList{C1});
        vm.showReason(rowOf(*vm.reasons(), DashboardReasonsModel::ReasonRole, S("child_refused")), S("child refused"));
        QCOMPARE(vm.drillDown()->childIds(), QStringList{C2});
        vm.showChildren(vm.team(), 0, S("children"), S("All"));
        QCOMPARE(vm.drillDown()->childIds(), (QStringList{C1, C2, C3, C4})); // sorted by name
        vm.clearDrillDown();
        QCOMPARE(vm.drillDown()->rowCount(), 0);
        QVERIFY(vm.drillDownTitle().isEmpty());
    }

    void supervisionForm()
    {
        RecordForm form;
        form.setStore(&m_store);
        form.setRecordType(S("supervision"));
        form.setAuthor(S("m1"));
        form.setAutosaveMs(60000);
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.startNew({C1});
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 10000); // the record, then the child's name
        QCOMPARE(form.value(S("child_id")).toString(), C1);
        QCOMPARE(form.value(S("worker")).toString(), S("w1")); // the child's allocated worker
        QCOMPARE(form.userNames().value(S("w1")).toString(), S("Wendy Worker"));
        QCOMPARE(form.childNames().value(C1).toMap().value(S("name")).toString(), S("Ava Alpha"));

        // Nothing written yet: the discussion and at least one action are required.
        QSignalSpy refused(&form, &RecordForm::submitRefused);
        QVERIFY(!form.submit());
        QCOMPARE(refused.count(), 1);
        QVERIFY(form.errors().contains(S("discussion")));
        QVERIFY(form.errors().contains(S("actions")));

        // An action without priority, owner or date: each violation at its field.
        form.setValue(S("discussion"), S("Progress against the plan; school attendance."));
        form.addAction();
        form.setValue(S("actions[0].what"), S("Arrange a strategy discussion with the school"));
        QVERIFY(!form.submit());
        const QStringList fields = form.errorFields();
        QCOMPARE(fields, (QStringList{S("actions[0].owner"), S("actions[0].due"), S("actions[0].priority")}));
        QCOMPARE(form.error(S("actions[0].priority")), S("Give this action a priority (1 to 3)."));
        // Answering a field clears its violation only.
        form.setValue(S("actions[0].priority"), 1);
        QVERIFY(!form.errors().contains(S("actions[0].priority")));
        QVERIFY(form.errors().contains(S("actions[0].owner")));
        form.setValue(S("actions[0].owner"), S("Wendy Worker"));
        QVERIFY(form.setDateText(S("actions[0].due"), kToday.addDays(400).toString(Qt::ISODate)));
        QVERIFY(!form.setDateText(S("actions[0].due"), S("next week")));

        QSignalSpy saved(&form, &RecordForm::saved);
        QVERIFY(form.submit());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QCOMPARE(saved.first().first().toBool(), true);
        const QString id = form.recordId();
        const StoredRecord stored = await(m_store.record(id));
        QCOMPARE(stored.type, S("supervision"));
        QCOMPARE(stored.state, S("submitted"));
        QCOMPARE(stored.body.value(u"author").toString(), S("m1"));
        QCOMPARE(stored.body.value(u"actions").toArray().first().toObject().value(u"priority").toInt(), 1);

        // In the child's chronology, and queued for sync like any record.
        const QList<StoredRecord> chronology = await(m_store.chronology(C1));
        QVERIFY(std::any_of(chronology.cbegin(), chronology.cend(), [&id](const StoredRecord &r) { return r.id == id; }));
        QVERIFY(await(m_store.unsyncedCount()) >= 1);

        // In the worker's caseload: the next supervision action and its date.
        CaseloadModel caseload;
        QAbstractItemModelTester tester(&caseload, QAbstractItemModelTester::FailureReportingMode::QtTest);
        caseload.setToday(kToday);
        caseload.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(caseload.summarised(), 20000);
        const int row = rowOf(caseload, CaseloadModel::ChildIdRole, C1);
        QVERIFY(row >= 0);
        const QModelIndex idx = caseload.index(row);
        QCOMPARE(idx.data(CaseloadModel::SupervisionActionRole).toString(), S("Arrange a strategy discussion with the school"));
        QCOMPARE(idx.data(CaseloadModel::SupervisionDueRole).toDate(), kToday.addDays(400));
        QVERIFY(idx.data(CaseloadModel::SupervisionTextRole).toString().startsWith(S("Supervision action (priority 1): Arrange")));
        QCOMPARE(idx.data(CaseloadModel::SupervisionOverdueRole).toBool(), false);
        const int other = rowOf(caseload, CaseloadModel::ChildIdRole, C2);
        QVERIFY(caseload.index(other).data(CaseloadModel::SupervisionTextRole).toString().isEmpty());
    }

    void exportsFromTheTablet()
    {
        QVERIFY2(!QStandardPaths::findExecutable(S("pdftotext")).isEmpty(), "pdftotext missing: install Debian's poppler-utils (scripts/deps)");
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const int before = int(queuedReports().size());
        ManagerSync sync(&m_store, nullptr); // no service: reports wait in the store
        ManagerExports exports;
        exports.setStore(&m_store);
        exports.setManagerSync(&sync);
        exports.setTeamId(S("team-a"));
        exports.setGeneratedBy(S("Mo Manager"));
        exports.setOutputDir(out.path() + S("/Doorstep"));
        QSignalSpy finished(&exports, &ManagerExports::finished);

        exports.exportVisitsCsv();
        QVERIFY(exports.busy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(exports.errorString().isEmpty(), qPrintable(exports.errorString()));
        const QString csvPath = finished.first().first().toString();
        QVERIFY(csvPath.startsWith(out.path() + S("/Doorstep/visits-")) && csvPath.endsWith(S(".csv")));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 byte-order mark
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(S("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // header + 4 children
        QCOMPARE(lines.first(), VisitsExport::header().join(QLatin1Char(',')));
        QCOMPARE(lines.at(1), S("%1,Ava Alpha,Child in need,Wendy Worker,10/03/2026,10/03/2026,Yes,10/03/2026").arg(C1));
        QCOMPARE(lines.at(2), S("%1,Ben Beta,Child in need,Wendy Worker,02/03/2026,02/03/2026,No,02/03/2026").arg(C2));
        QCOMPARE(lines.at(4), S("%1,Dee Delta,Child in need,Will Worker,,,,").arg(C4));

        exports.exportChronologyPdf(C1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY2(exports.errorString().isEmpty(), qPrintable(exports.errorString()));
        const QString pdfPath = finished.at(1).first().toString();
        QVERIFY(pdfPath.endsWith(S(".pdf")) && !pdfPath.contains(S("Alpha"))); // no name in the file name
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QString text = runTool(S("pdftotext"), {pdfPath, S("-")});
        for (const QString &expected : {S("OFFICIAL-SENSITIVE"), S("Chronology: Ava Alpha"), S("Page 1 of"),
                                        S("Statutory visit 1."), S("Case supervision"),
                                        S("Arrange a strategy discussion with the school"), S("Decision 1."),
                                        S("Recorded by: Wendy Worker")})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QVERIFY(!text.contains(S("Ben Beta")));

        // Both reported: queued for the service (no network here) and in the device's audit chain.
        const QJsonArray queued = queuedReports();
        QCOMPARE(queued.size(), before + 2);
        QCOMPARE(sync.pendingReports(), before + 2);
        const QJsonObject csvReport = queued.at(before).toObject();
        QCOMPARE(csvReport.value(u"kind").toString(), S("visits_csv"));
        QCOMPARE(csvReport.value(u"rows").toInt(), 4);
        QCOMPARE(csvReport.value(u"child_ids").toArray().size(), 4);
        const QJsonObject pdfReport = queued.at(before + 1).toObject();
        QCOMPARE(pdfReport.value(u"kind").toString(), S("chronology_pdf"));
        QCOMPARE(pdfReport.value(u"child_ids").toArray(), QJsonArray{C1});
        QVERIFY(pdfReport.value(u"rows").toInt() >= 4); // V1, V6, a review and the supervision at least
        const QList<AuditEvent> events = await(m_store.run<QList<AuditEvent>>([](Database &db) { return AuditLog(db).events(0, 100000); }));
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const AuditEvent &e) { return e.action == S("export.visits_csv"); }));
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const AuditEvent &e) {
            return e.action == S("export.chronology_pdf") && e.recordId == C1;
        }));
        QVERIFY(await(m_store.verifyAuditChain()).intact);

        // Flushing without a service keeps them.
        QSignalSpy flushed(&sync, &ManagerSync::flushed);
        sync.flush();
        QCOMPARE(queuedReports().size(), before + 2);
    }
};

QTEST_MAIN(TestManagerScreens)
#include "tst_managerscreens.moc"
