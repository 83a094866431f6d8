// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Exports made on a manager's tablet reach the service's audit trail: a real doorstep-server on
// loopback (seed-demo data), a real device signed in as manager1 and synced, the CSV and PDF
// written through ManagerExports, the reports queued while the service is down and sent by
// ManagerSync once it is back; the audit rows are read from the service's database. The team's
// user names for the dashboard come from the same service.
#include "qml/dashboardviewmodel.h"
#include "qml/managerexports.h"
#include "qml/managersync.h"
#include "qml/newcaseform.h"
#include "qml/reallocationform.h"
#include "qml/transferdecisionform.h"
#include "qml/transfersmodel.h"
#include "qml/recordform.h"
#include "core/store/draftstore.h"
#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/auditlog.h"
#include "core/store/syncstate.h"
#include "database.h"
#include "platform/inmemorykeystore.h"
#include "serverprocess.h"
#include "sync/apiclient.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "testbackend.h"
#include "tests/support/syncharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace doorstep;

namespace {
const QString kPassword = QStringLiteral("audit-demo-password");
}

class TestManagerAudit : public QObject
{
    Q_OBJECT

private:
    qint64 count(const QString &sql)
    {
        auto conn = m_db->connection();
        if (!conn)
            return -1;
        QSqlDatabase db = conn.value();
        auto q = server::Database::exec(db, sql, {});
        if (!q || !q.value().next())
            return -1;
        return q.value().value(0).toLongLong();
    }
    QString valueOf(const QString &sql)
    {
        auto conn = m_db->connection();
        if (!conn)
            return {};
        QSqlDatabase db = conn.value();
        auto q = server::Database::exec(db, sql, {});
        if (!q || !q.value().next())
            return {};
        return q.value().value(0).toString();
    }
    QString lastExportDetail()
    {
        auto conn = m_db->connection();
        if (!conn)
            return {};
        QSqlDatabase db = conn.value();
        auto q = server::Database::exec(db, QStringLiteral("SELECT detail FROM audit WHERE action = 'export' ORDER BY seq DESC"), {});
        if (!q || !q.value().next())
            return {};
        return q.value().value(0).toString();
    }

    /** The team's workers and names, as a manager's tablet fetches them for its forms. */
    static bool fetchTeamNames(ManagerSync &managerSync)
    {
        QSignalSpy names(&managerSync, &ManagerSync::userNamesChanged);
        managerSync.refreshUserNames();
        return names.wait(20000);
    }

    /** The moves between teams, as a manager's tablet fetches them (and the other teams). */
    static bool fetchTransfers(ManagerSync &managerSync)
    {
        QSignalSpy fetched(&managerSync, &ManagerSync::transfersChanged);
        managerSync.refreshTransfers();
        return fetched.wait(20000);
    }

    TestBackend m_backend;
    std::unique_ptr<server::Database> m_db;
    ServerProcess m_server;
    InMemoryKeyStore m_keys;
    std::unique_ptr<test::SyncHarness> m_harness;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DOORSTEP_FAST_PWHASH", "1");
        QString error;
        QVERIFY2(m_backend.init(&error), qPrintable(error));
        QVERIFY2(m_backend.seedDemo(kPassword, &error), qPrintable(error));
        auto config = server::DbConfig::parse(m_backend.spec());
        QVERIFY(config.ok());
        m_db = std::make_unique<server::Database>(config.value());
        QVERIFY2(m_server.start(m_backend.spec()), qPrintable(m_server.errorOutput()));
        m_harness = std::make_unique<test::SyncHarness>(&m_keys, kPassword);
    }

    void cleanupTestCase() { m_server.stop(); }

    void exportsReachTheServiceAuditTrail()
    {
        auto tablet = m_harness->newDevice(QStringLiteral("manager1"), m_server.baseUrl().toString());
        QVERIFY(tablet);
        QCOMPARE(tablet->device->session()->user().role, QStringLiteral("manager"));
        QVERIFY(m_harness->syncUntilClean(*tablet));
        sync::Device &device = *tablet->device;

        ManagerSync managerSync(device.store(), device.api());
        // The team's names for the dashboard, from GET /api/v1/dashboard.
        QSignalSpy names(&managerSync, &ManagerSync::userNamesChanged);
        managerSync.refreshUserNames();
        QVERIFY(names.wait(20000));
        auto cached = m_harness->onStore<std::optional<QString>>(device, [](Database &db) {
            return SyncState(db).get(DashboardViewModel::userNamesKey());
        });
        QVERIFY(cached.ok() && cached.value());
        const QJsonObject userNames = QJsonDocument::fromJson(cached.value()->toUtf8()).object();
        // The team by the names colleagues know (the demo seed names worker1 Sam Patel).
        QVERIFY2(QJsonDocument(userNames).toJson().contains("Sam Patel"), cached.value()->toUtf8().constData());

        // The service goes away: exports still work and their reports wait on the tablet.
        m_server.stop();
        QTemporaryDir out;
        ManagerExports exports;
        exports.setStore(device.store());
        exports.setManagerSync(&managerSync);
        exports.setTeamId(device.session()->user().team);
        exports.setGeneratedBy(QStringLiteral("manager1"));
        exports.setOutputDir(out.path());
        QSignalSpy finished(&exports, &ManagerExports::finished);
        exports.exportVisitsCsv();
        QVERIFY(finished.wait(30000));
        QVERIFY2(exports.errorString().isEmpty(), qPrintable(exports.errorString()));
        const QString csv = finished.first().first().toString();
        QVERIFY(QFile::exists(csv));
        auto firstChild = m_harness->onStore<QString>(device, [](Database &db) -> Result<QString> {
            auto list = ManagerExports::visitsCsv(db, QString());
            if (!list)
                return list.error();
            return list.value().childIds.value(0);
        });
        QVERIFY(firstChild.ok() && !firstChild.value().isEmpty());
        exports.exportChronologyPdf(firstChild.value());
        QVERIFY(finished.wait(60000));
        QVERIFY2(exports.errorString().isEmpty(), qPrintable(exports.errorString()));
        QCOMPARE(managerSync.pendingReports(), 2);

        QSignalSpy flushed(&managerSync, &ManagerSync::flushed);
        managerSync.flush();
        QVERIFY(flushed.wait(20000));
        QCOMPARE(flushed.last().at(0).toInt(), 0); // nothing sent
        QCOMPARE(managerSync.pendingReports(), 2);
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'export'"));

        // Back (on a new port): the next flush sends both, and the service records them.
        QVERIFY2(m_server.start(m_backend.spec()), qPrintable(m_server.errorOutput()));
        device.api()->setBaseUrl(m_server.baseUrl());
        QVERIFY(m_harness->syncUntilClean(*tablet)); // what the app does first; refreshes the token if needed
        managerSync.flush();
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(0).toInt() == 2, 20000);
        QCOMPARE(managerSync.pendingReports(), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'export'")), before + 2);
        const QJsonObject detail = QJsonDocument::fromJson(lastExportDetail().toUtf8()).object();
        QCOMPARE(detail.value(QStringLiteral("kind")).toString(), QStringLiteral("chronology_pdf"));
        QVERIFY(detail.value(QStringLiteral("rows")).toInt() >= 1);
        auto queued = m_harness->onStore<QJsonArray>(device, [](Database &db) { return ManagerSync::queued(db); });
        QVERIFY(queued.ok() && queued.value().isEmpty());
        // The service's chain still verifies with the rows the tablet added.
        const auto verified = ServerProcess::cli({QStringLiteral("verify-audit")}, m_backend.spec());
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    }

    void readingsReachTheServiceAuditTrail()
    {
        // A worker opens a child's page and one of the child's visits: both are in the tablet's own
        // audit chain at once and in the service's with the next sync; opening them again at once
        // is the same reading.
        auto tablet = m_harness->newDevice(QStringLiteral("worker1"), m_server.baseUrl().toString());
        QVERIFY(tablet && m_harness->syncUntilClean(*tablet));
        sync::Device &device = *tablet->device;
        auto ids = m_harness->onStore<QStringList>(device, [](Database &db) -> Result<QStringList> {
            auto visits = RecordRepository(db).byType(QStringLiteral("visit"));
            if (!visits)
                return visits.error();
            for (const StoredRecord &v : visits.value()) {
                const QJsonArray cards = v.body.value(u"children").toArray();
                if (!cards.isEmpty())
                    return QStringList{cards.first().toObject().value(u"child_id").toString(), v.id};
            }
            return QStringList();
        });
        QVERIFY(ids.ok() && ids.value().size() == 2);
        const QString childId = ids.value().at(0);
        const QString visitId = ids.value().at(1);

        ManagerSync managerSync(device.store(), device.api());
        QSignalSpy pending(&managerSync, &ManagerSync::pendingReportsChanged);
        managerSync.noteViewed(childId);
        QTRY_COMPARE_WITH_TIMEOUT(managerSync.pendingReports(), 1, 10000);
        managerSync.noteViewed(childId); // back to the page a moment later
        managerSync.noteViewed(QString(), visitId);
        QTRY_COMPARE_WITH_TIMEOUT(managerSync.pendingReports(), 2, 10000);
        QTest::qWait(200);
        QCOMPARE(managerSync.pendingReports(), 2);
        auto local = m_harness->onStore<QStringList>(device, [](Database &db) -> Result<QStringList> {
            auto events = AuditLog(db).events(0, 100000);
            if (!events)
                return events.error();
            QStringList viewed;
            for (const AuditEvent &e : events.value())
                if (e.action == u"view")
                    viewed << e.recordId;
            return viewed;
        });
        QVERIFY(local.ok());
        QCOMPARE(local.value(), (QStringList{childId, visitId}));

        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'view'"));
        QSignalSpy flushed(&managerSync, &ManagerSync::flushed);
        managerSync.flush();
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(0).toInt() == 2, 20000);
        QCOMPARE(managerSync.pendingReports(), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'view'")), before + 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit a JOIN users u ON u.id = a.actor WHERE a.action = 'view' AND u.username = 'worker1' AND a.subject = '%1'")
                           .arg(visitId)),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'view' AND subject = '%1'").arg(childId)), 1);
        const auto verified = ServerProcess::cli({QStringLiteral("verify-audit")}, m_backend.spec());
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));

        // A malformed report is refused with what is wrong, and nothing is written.
        std::optional<sync::ApiFailure> refused;
        bool answered = false;
        device.api()->post(QStringLiteral("/api/v1/audit/view"),
                           QJsonObject{{QStringLiteral("child_id"), childId}, {QStringLiteral("record_id"), visitId},
                                       {QStringLiteral("viewed_at"), QStringLiteral("yesterday")}},
                           [&](const sync::ApiReply *, const sync::ApiFailure *failure) {
                               answered = true;
                               if (failure)
                                   refused = *failure;
                           });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 400);
        QVERIFY2(refused->error.message.contains(QStringLiteral("either child_id or record_id")), qPrintable(refused->error.message));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'view'")), before + 2);
    }

    void managerReallocatesFromTheTablet()
    {
        // A child of worker1's goes to worker2 (both in manager1's team), from the manager's tablet.
        auto tablet = m_harness->newDevice(QStringLiteral("manager1"), m_server.baseUrl().toString());
        QVERIFY(tablet && m_harness->syncUntilClean(*tablet));
        sync::Device &device = *tablet->device;
        ManagerSync managerSync(device.store(), device.api());
        QVERIFY(fetchTeamNames(managerSync));
        const QString child = valueOf(QStringLiteral("SELECT a.child_id FROM allocations a JOIN users u ON u.id = a.worker_id"
                                                     " WHERE u.username = 'worker1' ORDER BY a.child_id"));
        const QString worker1 = valueOf(QStringLiteral("SELECT id FROM users WHERE username = 'worker1'"));
        const QString worker2 = valueOf(QStringLiteral("SELECT id FROM users WHERE username = 'worker2'"));
        QVERIFY(!child.isEmpty() && !worker1.isEmpty() && !worker2.isEmpty());

        ReallocationForm form;
        QSignalSpy loaded(&form, &ReallocationForm::loaded);
        form.setStore(device.store());
        form.setManagerSync(&managerSync);
        form.setChildId(child);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000); // may already have come: the read is quick
        QVERIFY2(form.errorText().isEmpty(), qPrintable(form.errorText()));
        QCOMPARE(form.currentWorkerName(), QStringLiteral("Sam Patel"));
        QStringList choices;
        for (const QVariant &w : form.workers())
            choices << w.toMap().value(QStringLiteral("value")).toString();
        QVERIFY(choices.contains(worker2));
        QVERIFY(!choices.contains(worker1)); // holds the child now
        QCOMPARE(choices.size(), 2);         // worker2 and worker3; never a manager

        // Nothing chosen and no reason: put right on the tablet, nothing sent.
        QVERIFY(!form.submit());
        QVERIFY(!form.workerError().isEmpty());
        QVERIFY(!form.reasonError().isEmpty());
        form.setWorkerId(worker2);
        form.setReason(QStringLiteral("Sam starts a secondment on Monday; Wendy already works with the school."));
        QVERIFY(form.workerError().isEmpty() && form.reasonError().isEmpty());

        // The service unreachable: nothing changes, and the form says why.
        m_server.stop();
        QVERIFY(form.submit());
        QTRY_VERIFY_WITH_TIMEOUT(!form.busy(), 40000);
        QVERIFY2(form.errorText().contains(QStringLiteral("connection")), qPrintable(form.errorText()));
        QVERIFY2(m_server.start(m_backend.spec()), qPrintable(m_server.errorOutput()));
        device.api()->setBaseUrl(m_server.baseUrl());
        QCOMPARE(valueOf(QStringLiteral("SELECT worker_id FROM allocations WHERE child_id = '%1'").arg(child)), worker1);

        QVERIFY(m_harness->syncUntilClean(*tablet)); // a fresh token, as the app has after a sync
        QSignalSpy done(&form, &ReallocationForm::reallocated);
        QVERIFY(form.submit());
        QVERIFY(done.wait(20000));
        QVERIFY(form.errorText().isEmpty());
        QCOMPARE(valueOf(QStringLiteral("SELECT worker_id FROM allocations WHERE child_id = '%1'").arg(child)), worker2);
        QVERIFY(valueOf(QStringLiteral("SELECT detail FROM audit WHERE action = 'allocate' AND subject = '%1'").arg(child)).contains(QStringLiteral("secondment")));
        // The tablet syncs and holds the child as worker2's.
        QVERIFY(m_harness->syncUntilClean(*tablet));
        auto held = m_harness->onStore<StoredRecord>(device, [child](Database &db) { return RecordRepository(db).byId(child); });
        QVERIFY(held.ok());
        QCOMPARE(held.value().body.value(QStringLiteral("allocated_worker")).toString(), worker2);
    }

    // A new referral, from the manager's tablet: the child's details checked on the tablet like
    // any child's, kept as a draft while the service cannot be reached, then opened on the service
    // with its worker and reason. The manager's and the worker's tablets receive the child.
    void managerOpensANewCaseFromTheTablet()
    {
        auto tablet = m_harness->newDevice(QStringLiteral("manager1"), m_server.baseUrl().toString());
        QVERIFY(tablet && m_harness->syncUntilClean(*tablet));
        sync::Device &device = *tablet->device;
        ManagerSync managerSync(device.store(), device.api());
        QVERIFY(fetchTeamNames(managerSync));
        const QString worker2 = valueOf(QStringLiteral("SELECT id FROM users WHERE username = 'worker2'"));

        // The page: a form started afresh, as each time the page opens.
        auto openPage = [&] {
            auto form = std::make_unique<NewCaseForm>();
            QSignalSpy loaded(form.get(), &NewCaseForm::loaded);
            form->setStore(device.store());
            form->setManagerSync(&managerSync);
            form->start();
            if (!QTest::qWaitFor([&] { return loaded.count() > 0 && form->form()->ready(); }, 10000))
                return std::unique_ptr<NewCaseForm>();
            form->form()->setAutosaveMs(60000);
            return form;
        };
        auto page = openPage();
        QVERIFY(page);
        NewCaseForm *newCase = page.get();
        QStringList choices;
        for (const QVariant &w : newCase->workers())
            choices << w.toMap().value(QStringLiteral("text")).toString();
        QCOMPARE(choices.size(), 3); // the team's three workers, by name; never a manager
        QVERIFY2(choices.contains(QStringLiteral("Rhian Evans")), qPrintable(choices.join(u',')));

        // Nothing filled in: every missing answer at once, and nothing sent.
        QVERIFY(!newCase->submit());
        const QStringList missing = newCase->form()->errorFields();
        for (const char *field : {"first_name", "last_name", "date_of_birth", "legal_status"})
            QVERIFY2(missing.contains(QString::fromLatin1(field)), qPrintable(missing.join(u',')));
        QVERIFY(!newCase->workerError().isEmpty());
        QVERIFY(!newCase->reasonError().isEmpty());
        RecordForm *child = newCase->form();
        child->setValue(QStringLiteral("first_name"), QStringLiteral("Dara"));
        child->setValue(QStringLiteral("last_name"), QStringLiteral("Okonjo"));
        QVERIFY(child->setDateText(QStringLiteral("date_of_birth"), QStringLiteral("2017-02-11")));
        child->setValue(QStringLiteral("legal_status"), QStringLiteral("child_protection"));
        newCase->setWorkerId(worker2);
        newCase->setReason(QStringLiteral("Referral from the school nurse; Rhian has capacity."));
        QVERIFY(!newCase->submit()); // a plan's category is still missing
        QCOMPARE(child->errorFields(), QStringList{QStringLiteral("cp_category")});
        child->setValue(QStringLiteral("cp_category"), QStringLiteral("neglect"));
        const QString childId = child->recordId();

        // The service unreachable: the form says why, and the details stay as a draft.
        m_server.stop();
        QVERIFY(newCase->submit());
        QTRY_VERIFY_WITH_TIMEOUT(!newCase->busy(), 40000);
        QVERIFY2(newCase->errorText().contains(QStringLiteral("connection")), qPrintable(newCase->errorText()));
        newCase->autosaveNow();
        const QString key = child->formKey();
        // One draft holds the child's details, the worker and the reason.
        QTRY_VERIFY_WITH_TIMEOUT(m_harness->onStore<std::optional<QString>>(device, [key](Database &db) { return DraftStore(db).get(key); })
                                     .value().value_or(QString()).contains(QStringLiteral("school nurse")),
                                 10000);
        QVERIFY(m_harness->onStore<std::optional<QString>>(device, [key](Database &db) { return DraftStore(db).get(key); })
                    .value().value_or(QString()).contains(QStringLiteral("Okonjo")));
        QCOMPARE(m_harness->onStore<QStringList>(device, [](Database &db) { return DraftStore(db).keys(); }).value(), QStringList{key});
        // Leaving the page and coming back: the child, the worker and the reason are all there.
        page = openPage();
        QVERIFY(page);
        newCase = page.get();
        child = newCase->form();
        QVERIFY(child->restoredDraft());
        QCOMPARE(child->recordId(), childId);
        QCOMPARE(child->value(QStringLiteral("last_name")).toString(), QStringLiteral("Okonjo"));
        QTRY_COMPARE_WITH_TIMEOUT(newCase->workerId(), worker2, 10000);
        QCOMPARE(newCase->reason(), QStringLiteral("Referral from the school nurse; Rhian has capacity."));
        QVERIFY2(m_server.start(m_backend.spec()), qPrintable(m_server.errorOutput()));
        device.api()->setBaseUrl(m_server.baseUrl());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM records WHERE id = '%1'").arg(childId)), 0);

        QVERIFY(m_harness->syncUntilClean(*tablet)); // a fresh token, as the app has after a sync
        QSignalSpy opened(newCase, &NewCaseForm::opened);
        QVERIFY(newCase->submit());
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.first().at(0).toString(), childId);
        QCOMPARE(opened.first().at(1).toString(), QStringLiteral("Dara Okonjo"));
        QCOMPARE(opened.first().at(2).toString(), QStringLiteral("Rhian Evans"));
        QCOMPARE(valueOf(QStringLiteral("SELECT worker_id FROM allocations WHERE child_id = '%1'").arg(childId)), worker2);
        QVERIFY(valueOf(QStringLiteral("SELECT detail FROM audit WHERE action = 'open_case' AND subject = '%1'").arg(childId))
                    .contains(QStringLiteral("school nurse")));
        // Done with: the draft is gone, so the next new child starts empty.
        QTRY_VERIFY_WITH_TIMEOUT(!m_harness->onStore<std::optional<QString>>(device, [key](Database &db) { return DraftStore(db).get(key); })
                                      .value().has_value(),
                                 10000);

        // The manager's tablet and the worker's receive the child, with who opened it and why.
        QVERIFY(m_harness->syncUntilClean(*tablet));
        auto held = m_harness->onStore<StoredRecord>(device, [childId](Database &db) { return RecordRepository(db).byId(childId); });
        QVERIFY(held.ok());
        QCOMPARE(held.value().body.value(QStringLiteral("cp_category")).toString(), QStringLiteral("neglect"));
        auto workerTablet = m_harness->newDevice(QStringLiteral("worker2"), m_server.baseUrl().toString());
        QVERIFY(workerTablet && m_harness->syncUntilClean(*workerTablet));
        auto received = m_harness->onStore<StoredRecord>(*workerTablet->device, [childId](Database &db) { return RecordRepository(db).byId(childId); });
        QVERIFY(received.ok());
        QCOMPARE(received.value().body.value(QStringLiteral("allocated_worker")).toString(), worker2);
        const QJsonArray moves = received.value().body.value(QStringLiteral("allocations")).toArray();
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves.first().toObject().value(QStringLiteral("decided_by_name")).toString(), QStringLiteral("Helen Okoro"));
    }
    // A child moves to another team only when both managers agree, each on their own tablet: the
    // child's team manager asks with a reason; the other team's manager declines with one, which
    // the first reads; asked again, accepts with a worker. The child then arrives on the receiving
    // tablets and leaves the first team's.
    void managersMoveAChildBetweenTeamsFromTheirTablets()
    {
        const QString child = valueOf(QStringLiteral("SELECT a.child_id FROM allocations a JOIN users u ON u.id = a.worker_id"
                                                     " WHERE u.username = 'worker3' ORDER BY a.child_id"));
        const QString worker4 = valueOf(QStringLiteral("SELECT id FROM users WHERE username = 'worker4'"));
        const QString south = valueOf(QStringLiteral("SELECT id FROM teams WHERE name = 'Demo South Team'"));
        QVERIFY(!child.isEmpty() && !worker4.isEmpty() && !south.isEmpty());
        auto north = m_harness->newDevice(QStringLiteral("manager1"), m_server.baseUrl().toString());
        QVERIFY(north && m_harness->syncUntilClean(*north));
        auto holder = m_harness->newDevice(QStringLiteral("worker3"), m_server.baseUrl().toString());
        QVERIFY(holder && m_harness->syncUntilClean(*holder));
        ManagerSync northSync(north->device->store(), north->device->api());
        QVERIFY(fetchTeamNames(northSync));
        QVERIFY(fetchTransfers(northSync));

        // Asked from the child's reallocation page, "another team".
        ReallocationForm ask;
        QSignalSpy loaded(&ask, &ReallocationForm::loaded);
        ask.setStore(north->device->store());
        ask.setManagerSync(&northSync);
        ask.setChildId(child);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        ask.setToAnotherTeam(true);
        QCOMPARE(ask.teams().size(), 1); // the other team, by name
        QCOMPARE(ask.teams().first().toMap().value(QStringLiteral("text")).toString(), QStringLiteral("Demo South Team"));
        QVERIFY(ask.openTransferText().isEmpty());
        QVERIFY(!ask.submit()); // no team, no reason: put right on the tablet
        QVERIFY(!ask.teamError().isEmpty());
        QVERIFY(!ask.reasonError().isEmpty());
        QVERIFY(ask.workerError().isEmpty()); // the other team's manager chooses the worker
        ask.setTeamId(south);
        ask.setReason(QStringLiteral("The family moved to the south of the borough last month."));
        QSignalSpy asked(&ask, &ReallocationForm::transferRequested);
        QVERIFY(ask.submit());
        QVERIFY(asked.wait(20000));
        QVERIFY2(ask.errorText().isEmpty(), qPrintable(ask.errorText()));
        QCOMPARE(valueOf(QStringLiteral("SELECT state FROM transfers WHERE child_id = '%1'").arg(child)), QStringLiteral("pending"));
        // The page, opened again, says it is waiting, and a second request is not sent.
        QVERIFY(fetchTransfers(northSync)); // the form reads them again when they arrive
        QTRY_VERIFY_WITH_TIMEOUT(!ask.openTransferText().isEmpty(), 10000);
        QVERIFY2(ask.openTransferText().contains(QStringLiteral("Demo South Team")), qPrintable(ask.openTransferText()));
        QVERIFY(!ask.submit());
        QVERIFY(!ask.errorText().isEmpty());

        // The other team's manager reads who the child is, who holds them and why.
        auto southTablet = m_harness->newDevice(QStringLiteral("manager2"), m_server.baseUrl().toString());
        QVERIFY(southTablet && m_harness->syncUntilClean(*southTablet));
        QVERIFY(!m_harness->onStore<StoredRecord>(*southTablet->device, [child](Database &db) { return RecordRepository(db).byId(child); }).ok());
        ManagerSync southSync(southTablet->device->store(), southTablet->device->api());
        QVERIFY(fetchTeamNames(southSync));
        TransfersModel incoming;
        incoming.setStore(southTablet->device->store());
        incoming.setManagerSync(&southSync);
        QVERIFY(fetchTransfers(southSync));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.incomingCount(), 1, 10000);
        const QVariantMap request = incoming.get(0);
        QCOMPARE(request.value(QStringLiteral("childId")).toString(), child);
        QVERIFY(request.value(QStringLiteral("canAnswer")).toBool());
        QCOMPARE(request.value(QStringLiteral("teamText")).toString(), QStringLiteral("From Demo North Team"));
        QVERIFY(request.value(QStringLiteral("reason")).toString().contains(QStringLiteral("south of the borough")));
        QVERIFY(!request.value(QStringLiteral("childName")).toString().isEmpty());
        QVERIFY(request.value(QStringLiteral("childDetails")).toString().contains(QStringLiteral("Born")));
        QVERIFY(!request.value(QStringLiteral("heldBy")).toString().isEmpty());

        // Declined, with the reason the asking manager then reads.
        TransferDecisionForm answer;
        answer.setStore(southTablet->device->store());
        answer.setManagerSync(&southSync);
        answer.setTransferId(request.value(QStringLiteral("transferId")).toString());
        QVERIFY(!answer.decline());
        QVERIFY(!answer.reasonError().isEmpty());
        answer.setReason(QStringLiteral("We have no capacity until January; ask again then."));
        QSignalSpy decided(&answer, &TransferDecisionForm::decided);
        QVERIFY(answer.decline());
        QVERIFY(decided.wait(20000));
        QCOMPARE(decided.first().at(0).toString(), QStringLiteral("declined"));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.incomingCount(), 0, 10000);
        TransfersModel outgoing;
        outgoing.setStore(north->device->store());
        outgoing.setManagerSync(&northSync);
        QVERIFY(fetchTransfers(northSync));
        // (read once from what the tablet held before, then again with the answer)
        QTRY_COMPARE_WITH_TIMEOUT(outgoing.get(0).value(QStringLiteral("state")).toString(), QStringLiteral("declined"), 10000);
        QCOMPARE(outgoing.rowCount(), 1);
        QVERIFY(outgoing.get(0).value(QStringLiteral("decisionReason")).toString().contains(QStringLiteral("January")));
        QVERIFY(outgoing.get(0).value(QStringLiteral("stateText")).toString().contains(QStringLiteral("David Price")));
        // The answer is news on the asking manager's caseload until they look at the list.
        QCOMPARE(outgoing.answeredCount(), 1);
        outgoing.markSeen();
        QTRY_COMPARE_WITH_TIMEOUT(outgoing.answeredCount(), 0, 10000);
        QCOMPARE(valueOf(QStringLiteral("SELECT team_id FROM allocations WHERE child_id = '%1'").arg(child)),
                 valueOf(QStringLiteral("SELECT id FROM teams WHERE name = 'Demo North Team'")));

        // Asked again; accepted with a worker of the south team and the reason.
        QTRY_VERIFY_WITH_TIMEOUT(ask.openTransferText().isEmpty(), 10000); // read again with the answer
        asked.clear();
        QVERIFY(ask.submit());
        QVERIFY(asked.wait(20000));
        QVERIFY(fetchTransfers(southSync));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.incomingCount(), 1, 10000);
        TransferDecisionForm take;
        take.setStore(southTablet->device->store());
        take.setManagerSync(&southSync);
        take.setTransferId(incoming.get(0).value(QStringLiteral("transferId")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(take.workers().size() == 3, 10000); // the south team's workers
        take.setReason(QStringLiteral("Grace covers the estate the family moved to."));
        QVERIFY(!take.accept()); // no worker chosen
        QVERIFY(!take.workerError().isEmpty());
        take.setWorkerId(worker4);
        QSignalSpy accepted(&take, &TransferDecisionForm::decided);
        QVERIFY(take.accept());
        QVERIFY(accepted.wait(20000));
        QCOMPARE(accepted.first().at(0).toString(), QStringLiteral("accepted"));
        QCOMPARE(valueOf(QStringLiteral("SELECT worker_id FROM allocations WHERE child_id = '%1'").arg(child)), worker4);

        // The receiving manager's tablet holds the child as worker4's, and says so once; the first
        // team's tablets no longer hold the child.
        QSignalSpy joined(southTablet->device->engine(), &sync::SyncEngine::childrenJoinedCaseload);
        QVERIFY(m_harness->syncUntilClean(*southTablet));
        QCOMPARE(joined.count(), 1);
        QCOMPARE(joined.first().first().toStringList(), QStringList{request.value(QStringLiteral("childName")).toString()});
        auto arrived = m_harness->onStore<StoredRecord>(*southTablet->device, [child](Database &db) { return RecordRepository(db).byId(child); });
        QVERIFY(arrived.ok());
        QCOMPARE(arrived.value().body.value(QStringLiteral("allocated_worker")).toString(), worker4);
        QCOMPARE(arrived.value().body.value(QStringLiteral("team")).toString(), south);
        QCOMPARE(arrived.value().body.value(QStringLiteral("allocations")).toArray().last().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Grace covers the estate the family moved to."));
        QVERIFY(m_harness->syncUntilClean(*north));
        QVERIFY(!m_harness->onStore<StoredRecord>(*north->device, [child](Database &db) { return RecordRepository(db).byId(child); }).ok());
        QVERIFY(m_harness->syncUntilClean(*holder));
        QVERIFY(!m_harness->onStore<StoredRecord>(*holder->device, [child](Database &db) { return RecordRepository(db).byId(child); }).ok());
        QVERIFY(fetchTransfers(northSync));
        QTRY_COMPARE_WITH_TIMEOUT(outgoing.get(0).value(QStringLiteral("state")).toString(), QStringLiteral("accepted"), 10000);
        QVERIFY(outgoing.get(0).value(QStringLiteral("stateText")).toString().contains(QStringLiteral("allocated to")));
        QCOMPARE(outgoing.answeredCount(), 1); // the acceptance is news; the decline was seen
    }
};

QTEST_MAIN(TestManagerAudit)
#include "tst_manageraudit.moc"
