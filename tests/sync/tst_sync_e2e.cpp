// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Whole-sync tests: real devices (SQLCipher store, key and tokens in the real keychain), the real
// doorstep-server (SQLite default, or PostgreSQL with DOORSTEP_TEST_BACKEND=postgres), real HTTP on
// loopback, and a fault proxy between them. After every scenario each device is compared record by
// record with what the service holds for that user.
#include "core/store/conflictstore.h"
#include "core/store/database.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "platform/databasekeyprovider.h"
#include "platform/qtkeychainkeystore.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncapplier.h"
#include "sync/syncengine.h"
#include "tests/support/faultproxy.h"
#include "tests/support/syncharness.h"

#include "database.h"
#include "serverprocess.h"
#include "testbackend.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using namespace doorstep::sync;
using doorstep::test::FaultProxy;
using namespace std::chrono_literals;

namespace {
const QString kPassword = QStringLiteral("e2e-demo-password");
} // namespace

using doorstep::test::RecordMap;
using doorstep::test::SyncHarness;
using doorstep::test::TestDevice;

class TestSyncE2E : public QObject
{
    Q_OBJECT

    TestBackend m_backend;
    ServerProcess m_server; // killable (SIGKILL) and restartable on the same database
    std::unique_ptr<FaultProxy> m_proxy;
    QtKeychainKeyStore m_keys;
    SyncHarness m_harness{&m_keys, kPassword};
    int m_scenarios = 0;

    QString proxyUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()); }

    template <typename T>
    Result<T> onStore(Device &d, std::function<Result<T>(Database &)> job)
    {
        return m_harness.onStore<T>(d, std::move(job));
    }

    std::unique_ptr<TestDevice> newDevice(const QString &username) { return m_harness.newDevice(username, proxyUrl()); }
    bool syncUntilClean(TestDevice &t, int timeoutMs = 60000) { return m_harness.syncUntilClean(t, timeoutMs); }
    RecordMap deviceView(TestDevice &t) { return m_harness.deviceView(t); }

    /** What the service holds for this user: a fresh device pulls everything in scope. */
    RecordMap serviceView(const QString &username)
    {
        m_proxy->clear();
        auto fresh = newDevice(username);
        if (!fresh || !syncUntilClean(*fresh))
            return {};
        return deviceView(*fresh);
    }

    void compareWithService(TestDevice &t)
    {
        const RecordMap mine = deviceView(t);
        const RecordMap service = serviceView(t.username);
        QVERIFY2(!service.isEmpty(), "the service view should not be empty");
        QCOMPARE(mine.keys(), service.keys());
        for (auto it = service.begin(); it != service.end(); ++it) {
            const auto &[rev, body] = mine.value(it.key());
            if (rev != it.value().first || body != it.value().second) {
                qWarning().noquote() << "record" << it.key() << "device rev" << rev << "service rev" << it.value().first << "\n device:"
                                     << QJsonDocument(body).toJson(QJsonDocument::Compact) << "\n service:"
                                     << QJsonDocument(it.value().second).toJson(QJsonDocument::Compact);
            }
            QCOMPARE(rev, it.value().first);
            QCOMPARE(body, it.value().second);
        }
        ++m_scenarios;
    }

    QStringList createVisits(TestDevice &t, int n, const QString &childId = {}) { return m_harness.createVisits(t, n, childId); }
    Result<bool> editField(TestDevice &t, const QString &id, const QString &field, const QJsonValue &value)
    {
        return m_harness.editField(t, id, field, value);
    }
    QList<ConflictEntry> conflictsOf(TestDevice &t, const QString &id) { return m_harness.conflictsOf(t, id); }

    /** The first child on the device's caseload; empty when it has none. */
    QString firstChildOn(TestDevice &t)
    {
        auto caseload = onStore<QList<StoredRecord>>(*t.device, [](Database &db) { return RecordRepository(db).caseload(); });
        return caseload.ok() && !caseload.value().isEmpty() ? caseload.value().first().id : QString();
    }

    /** Moves a child to another worker, as an administrator does (`allocate`). */
    void allocateChild(const QString &child, const QString &worker)
    {
        auto r = ServerProcess::cli({QStringLiteral("allocate"), QStringLiteral("--child"), child, QStringLiteral("--worker"), worker},
                                    m_backend.spec());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    /** Runs statements on the service's database as its owner (a test's own set-up). */
    void runServiceSql(const QStringList &statements)
    {
        auto config = server::DbConfig::parse(m_backend.spec());
        QVERIFY(config.ok());
        server::Database serviceDb(config.value());
        auto conn = serviceDb.connection();
        QVERIFY(conn.ok());
        QSqlDatabase db = conn.value();
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
    }

    int serviceCountOfIds(const QString &username, const QStringList &ids)
    {
        const RecordMap service = serviceView(username);
        int n = 0;
        for (const QString &id : ids)
            n += service.contains(id) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_backend.init(&error), qPrintable(error));
        QVERIFY2(m_backend.seedDemo(kPassword, &error), qPrintable(error));
        QVERIFY(m_server.start(m_backend.serviceSpec()));
        m_proxy = std::make_unique<FaultProxy>(m_server.port());
        QVERIFY(m_proxy->listen());
        qInfo() << "backend:" << (m_backend.isPostgres() ? "postgres" : "sqlite");
    }

    void cleanupTestCase()
    {
        qInfo() << "scenarios compared record by record with the service:" << m_scenarios
                << "requests through the fault proxy:" << (m_proxy ? m_proxy->requestsSeen() : 0)
                << "faults injected:" << (m_proxy ? m_proxy->faultsInjected() : 0);
    }

    void firstSyncMatchesService()
    {
        auto t = newDevice(QStringLiteral("worker1"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        QVERIFY(deviceView(*t).size() > 10);
        compareWithService(*t);
    }

    void faults_data()
    {
        QTest::addColumn<FaultProxy::Fault>("fault");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("times");
        const QString push = QStringLiteral("/api/v1/sync/push");
        const QString pull = QStringLiteral("/api/v1/sync/pull");
        QTest::addRow("push response lost after commit") << FaultProxy::Fault::LoseResponse << push << 4;
        QTest::addRow("push truncated 200") << FaultProxy::Fault::TruncateBody << push << 2;
        QTest::addRow("push 500") << FaultProxy::Fault::Status500 << push << 2;
        QTest::addRow("push 503 retry-after") << FaultProxy::Fault::Status503 << push << 1;
        QTest::addRow("push hang") << FaultProxy::Fault::Hang << push << 1;
        QTest::addRow("push reset") << FaultProxy::Fault::Reset << push << 4;
        QTest::addRow("pull truncated 200") << FaultProxy::Fault::TruncateBody << pull << 2;
        QTest::addRow("pull response lost") << FaultProxy::Fault::LoseResponse << pull << 4;
        QTest::addRow("pull 503") << FaultProxy::Fault::Status503 << pull << 1;
        QTest::addRow("pull hang") << FaultProxy::Fault::Hang << pull << 1;
    }
    void faults()
    {
        QFETCH(FaultProxy::Fault, fault);
        QFETCH(QString, path);
        QFETCH(int, times);
        auto t = newDevice(QStringLiteral("worker2"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        const QStringList ids = createVisits(*t, 60); // 3 push batches of 25
        QCOMPARE(ids.size(), 60);

        m_proxy->clear();
        for (int i = 0; i < times; ++i)
            m_proxy->injectOnce(fault, path, 1);
        const int injectedBefore = m_proxy->faultsInjected();
        QSignalSpy errors(t->device->engine(), &SyncEngine::syncError);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(syncUntilClean(*t, 90000));
        QVERIFY2(m_proxy->faultsInjected() > injectedBefore, "the fault must actually have been hit");
        if (fault == FaultProxy::Fault::Status503)
            QVERIFY2(timer.elapsed() >= 900, "Retry-After: 1 must be honoured");
        if (fault != FaultProxy::Fault::LoseResponse && fault != FaultProxy::Fault::Reset)
            QVERIFY2(!errors.isEmpty(), "a failed run is reported"); // Qt silently re-sends once on a lost answer

        // Nothing lost, nothing duplicated, nothing left behind, device equal to the service.
        auto pending = onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); });
        QVERIFY(pending.ok());
        QCOMPARE(pending.value(), 0);
        QCOMPARE(serviceCountOfIds(t->username, ids), ids.size());
        compareWithService(*t);
    }

    void replayedPushWritesNothing()
    {
        // The answer to a committed push is lost twice (Qt's own re-send included), so the engine
        // retries the same mutation ids; the service must answer from its idempotency record.
        auto t = newDevice(QStringLiteral("worker2"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        const QStringList ids = createVisits(*t, 3);
        const RecordMap before = serviceView(t->username);
        m_proxy->clear();
        m_proxy->injectOnce(FaultProxy::Fault::LoseResponse, QStringLiteral("/api/v1/sync/push"));
        m_proxy->injectOnce(FaultProxy::Fault::LoseResponse, QStringLiteral("/api/v1/sync/push"));
        QVERIFY(syncUntilClean(*t));
        const RecordMap after = serviceView(t->username);
        QCOMPARE(after.size(), before.size() + ids.size());
        for (const QString &id : ids)
            QCOMPARE(after.value(id).first, qint64(1)); // written once: revision 1, not 2 or 3
        compareWithService(*t);
    }

    void lowerPushLimitHalvesTheBatch()
    {
        // A service that takes fewer mutations per push than this client sends (413
        // too_many_mutations): the engine halves its batch and sends again, in the same sync.
        auto t = newDevice(QStringLiteral("worker2"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        const QStringList ids = createVisits(*t, 10);
        m_proxy->clear();
        m_proxy->injectOnce(FaultProxy::Fault::TooManyMutations, QStringLiteral("/api/v1/sync/push"));
        const int requestsBefore = m_proxy->requestsSeen();
        const int faultsBefore = m_proxy->faultsInjected();
        QVERIFY(syncUntilClean(*t));
        QCOMPARE(m_proxy->faultsInjected() - faultsBefore, 1);
        // 10 refused, then 5 and 5, then the pull.
        QVERIFY2(m_proxy->requestsSeen() - requestsBefore >= 4, qPrintable(QString::number(m_proxy->requestsSeen() - requestsBefore)));
        auto pending = onStore<int>(*t->device, [](Database &db) { return Outbox(db).pendingCount(); });
        QVERIFY(pending.ok());
        QCOMPARE(pending.value(), 0);
        QCOMPARE(serviceCountOfIds(t->username, ids), ids.size());
        compareWithService(*t);
    }

    void olderServiceTakesThePushWithoutRecordedAt()
    {
        // A service from before `recorded_at` refuses the field (400, unknown field): the engine
        // sends the same batch again without it, in the same sync, and keeps leaving it out.
        auto t = newDevice(QStringLiteral("worker2"));
        QVERIFY(t && syncUntilClean(*t));
        const QStringList ids = createVisits(*t, 3);
        m_proxy->clear();
        m_proxy->setPersistentFault(FaultProxy::Fault::OlderService);
        auto restore = qScopeGuard([&] { m_proxy->clear(); });
        const int faultsBefore = m_proxy->faultsInjected();
        QVERIFY(syncUntilClean(*t));
        QCOMPARE(m_proxy->faultsInjected() - faultsBefore, 1);
        createVisits(*t, 1);
        QVERIFY(syncUntilClean(*t));
        QCOMPARE(m_proxy->faultsInjected() - faultsBefore, 1);
        QCOMPARE(onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); }).value(), 0);
        QCOMPARE(serviceCountOfIds(t->username, ids), ids.size());
        m_proxy->clear();
        compareWithService(*t);
    }

    void laterEditWaitsForItsRecordsBatch()
    {
        // Two push batches travel at once. A record created in the first batch and edited again
        // further down the outbox: the edit must wait for the first batch's answer (which moves its
        // base revision on), not travel in the second batch based on a revision the service has not
        // written yet. Then: written twice (rev 2), the edit kept, no conflict.
        auto t = newDevice(QStringLiteral("worker2"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        const QString id = createVisits(*t, 1).value(0);
        QVERIFY(!id.isEmpty());
        QCOMPARE(createVisits(*t, 30).size(), 30);
        QVERIFY(editField(*t, id, QStringLiteral("rationale"), QStringLiteral("Edited after thirty other visits")).ok());
        QCOMPARE(createVisits(*t, 30).size(), 30);
        auto queued = onStore<int>(*t->device, [](Database &db) { return Outbox(db).pendingCount(); });
        QVERIFY(queued.ok());
        QCOMPARE(queued.value(), 62); // the edit was not folded into the create: 3 batches of 25

        m_proxy->clear();
        const int requestsBefore = m_proxy->requestsSeen();
        QVERIFY(syncUntilClean(*t));
        // 25 + 5 (stopped before the edit) + 25 + 7, and at least one pull.
        QVERIFY2(m_proxy->requestsSeen() - requestsBefore >= 5, qPrintable(QString::number(m_proxy->requestsSeen() - requestsBefore)));
        const RecordMap service = serviceView(t->username);
        QCOMPARE(service.value(id).first, qint64(2));
        QCOMPARE(service.value(id).second.value(u"rationale").toString(), QStringLiteral("Edited after thirty other visits"));
        QVERIFY(conflictsOf(*t, id).isEmpty());
        compareWithService(*t);
    }

    void ownWritesAreNotPulledBack()
    {
        // What the service stored exactly as the writing device holds it does not come back in
        // that device's pull (the change row names the device); a write the service completed
        // (here it fills in the author) does; another tablet of the same worker receives it all.
        auto a = newDevice(QStringLiteral("worker1"));
        auto b = newDevice(QStringLiteral("worker1"));
        QVERIFY(a && b);
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        const QStringList ids = createVisits(*a, 4); // 0 and 2 name their author, 1 and 3 leave it to the service
        QCOMPARE(ids.size(), 4);
        const qint64 beforePush = a->device->engine()->stats().pulled;
        QVERIFY(syncUntilClean(*a));
        QCOMPARE(a->device->engine()->stats().pulled - beforePush, 2);

        // An edit on the revision the device holds is stored as sent: not pulled back either.
        QVERIFY(editField(*a, ids[0], QStringLiteral("rationale"), QStringLiteral("Edited on this tablet")).ok());
        const qint64 beforeEdit = a->device->engine()->stats().pulled;
        QVERIFY(syncUntilClean(*a));
        QCOMPARE(a->device->engine()->stats().pulled - beforeEdit, 0);
        compareWithService(*a); // nothing was missed: the device holds exactly the service's copies

        const qint64 beforeOther = b->device->engine()->stats().pulled;
        QVERIFY(syncUntilClean(*b));
        QVERIFY(b->device->engine()->stats().pulled - beforeOther >= 4);
        const RecordMap onB = deviceView(*b);
        for (const QString &id : ids)
            QVERIFY(onB.contains(id));
        QCOMPARE(onB.value(ids[0]).first, qint64(2));
        QCOMPARE(onB.value(ids[0]).second.value(u"rationale").toString(), QStringLiteral("Edited on this tablet"));
        compareWithService(*b);
    }

    void serviceKilledMidBatchAndRestarted()
    {
        auto t = newDevice(QStringLiteral("worker3"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        const QStringList ids = createVisits(*t, 200); // 8 batches
        bool killed = false;
        int doneAtKill = 0;
        bool failedAfterKill = false;
        connect(t->device->engine(), &SyncEngine::progress, this, [&](int done, int) {
            if (!killed && done >= 50) {
                killed = true;
                doneAtKill = done;
                m_server.kill();
            }
        });
        connect(t->device->engine(), &SyncEngine::syncError, this, [&] { failedAfterKill = failedAfterKill || killed; });
        t->device->engine()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return killed; }, 30000));
        QVERIFY2(doneAtKill < ids.size(), "the service died with the push part-way");
        QVERIFY2(QTest::qWaitFor([&] { return failedAfterKill; }, 60000), "the engine reported the dead service");
        QVERIFY(m_server.start(m_backend.serviceSpec()));
        m_proxy->setUpstreamPort(m_server.port());
        QVERIFY(syncUntilClean(*t, 90000));
        QCOMPARE(serviceCountOfIds(t->username, ids), ids.size());
        const RecordMap after = serviceView(t->username);
        for (const QString &id : ids)
            QCOMPARE(after.value(id).first, qint64(1)); // each written once, whatever was in flight at the kill
        compareWithService(*t);
    }

    void twoDevicesMergeThenConflictThenResolve()
    {
        auto a = newDevice(QStringLiteral("worker4"));
        auto b = newDevice(QStringLiteral("worker4"));
        QVERIFY(a && b);
        QVERIFY(syncUntilClean(*a));
        const QString id = createVisits(*a, 1).value(0);
        QVERIFY(!id.isEmpty());
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        QVERIFY(deviceView(*b).contains(id));

        // Different fields: merged on both.
        QVERIFY(editField(*a, id, QStringLiteral("rationale"), QStringLiteral("Rationale from A")).ok());
        QVERIFY(editField(*b, id, QStringLiteral("present"), QStringLiteral("Present from B")).ok());
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        QVERIFY(syncUntilClean(*a));
        for (TestDevice *d : {a.get(), b.get()}) {
            const QJsonObject body = deviceView(*d).value(id).second;
            QCOMPARE(body.value(u"rationale").toString(), QStringLiteral("Rationale from A"));
            QCOMPARE(body.value(u"present").toString(), QStringLiteral("Present from B"));
            QVERIFY(conflictsOf(*d, id).isEmpty());
        }

        // Same field, different values: a conflict on both devices; nothing silently overwritten.
        QVERIFY(editField(*a, id, QStringLiteral("analysis_risks"), QStringLiteral("Risk as A saw it")).ok());
        QVERIFY(editField(*b, id, QStringLiteral("analysis_risks"), QStringLiteral("Risk as B saw it")).ok());
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        QVERIFY(syncUntilClean(*a));
        for (TestDevice *d : {a.get(), b.get()}) {
            const QList<ConflictEntry> c = conflictsOf(*d, id);
            QCOMPARE(c.size(), 1);
            QCOMPARE(c.first().field, QStringLiteral("analysis_risks"));
            const QSet<QString> values{c.first().mine.toString(), c.first().theirs.toString()};
            QCOMPARE(values, (QSet<QString>{QStringLiteral("Risk as A saw it"), QStringLiteral("Risk as B saw it")}));
        }

        // Resolved on B; the resolution reaches A.
        auto resolved = onStore<bool>(*b->device, [id](Database &db) -> Result<bool> {
            if (auto r = SyncApplier(db).resolveConflict(id, QStringLiteral("analysis_risks"), QStringLiteral("Agreed: both concerns")); !r)
                return r.error();
            return true;
        });
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : qPrintable(resolved.error().message));
        QVERIFY(syncUntilClean(*b));
        QVERIFY(syncUntilClean(*a));
        for (TestDevice *d : {a.get(), b.get()}) {
            QCOMPARE(deviceView(*d).value(id).second.value(u"analysis_risks").toString(), QStringLiteral("Agreed: both concerns"));
            QVERIFY(conflictsOf(*d, id).isEmpty());
        }
        compareWithService(*a);
        compareWithService(*b);
    }

    void childPlanEditedOnATabletReachesTheOthers()
    {
        // A worker updates a child's plan on one tablet (the plan page saves the child record as
        // it is: no workflow); the service checks it by the rules, and the worker's other tablet
        // gets it with its next pull. A plan that breaks a rule is refused with the rule's field
        // and stays on the tablet for the worker to put right.
        auto a = newDevice(QStringLiteral("worker4"));
        auto b = newDevice(QStringLiteral("worker4"));
        QVERIFY(a && b);
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        auto caseload = onStore<QList<StoredRecord>>(*a->device, [](Database &db) { return RecordRepository(db).caseload(); });
        QVERIFY(caseload.ok() && !caseload.value().isEmpty());
        const QString child = caseload.value().first().id;
        QJsonObject plan = caseload.value().first().body.value(u"plan").toObject();
        plan.insert(QStringLiteral("contingency"), QStringLiteral("If the school reports another absence, a strategy discussion the same day."));
        plan.insert(QStringLiteral("visiting_frequency"), QJsonObject{{QStringLiteral("every"), 15}, {QStringLiteral("unit"), QStringLiteral("working_days")}});
        QVERIFY(editField(*a, child, QStringLiteral("plan"), plan).ok());
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        QCOMPARE(deviceView(*b).value(child).second.value(u"plan").toObject(), plan);
        QCOMPARE(serviceView(QStringLiteral("worker4")).value(child).second.value(u"plan").toObject(), plan);

        // Both tablets change different parts of the plan before either syncs: both changes stand
        // on both, with no conflict (an object is merged a level down).
        QJsonObject onA = plan;
        onA.insert(QStringLiteral("contingency"), QStringLiteral("Contingency as agreed at the core group."));
        QJsonObject onB = plan;
        onB.insert(QStringLiteral("visiting_frequency"), QJsonObject{{QStringLiteral("every"), 5}, {QStringLiteral("unit"), QStringLiteral("working_days")}});
        QVERIFY(editField(*a, child, QStringLiteral("plan"), onA).ok());
        QVERIFY(editField(*b, child, QStringLiteral("plan"), onB).ok());
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        QVERIFY(syncUntilClean(*a));
        plan = onA;
        plan.insert(QStringLiteral("visiting_frequency"), onB.value(u"visiting_frequency"));
        for (TestDevice *d : {a.get(), b.get()}) {
            QCOMPARE(deviceView(*d).value(child).second.value(u"plan").toObject(), plan);
            QVERIFY(conflictsOf(*d, child).isEmpty());
        }
        compareWithService(*a);

        // An action without an owner or a date: refused at its field, kept on the tablet.
        QJsonObject broken = plan;
        broken.insert(QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("id"), wire::newUuid()},
                                                                        {QStringLiteral("what"), QStringLiteral("Referral to CAMHS")},
                                                                        {QStringLiteral("status"), QStringLiteral("open")}}});
        QVERIFY(editField(*a, child, QStringLiteral("plan"), broken).ok());
        QVERIFY(syncUntilClean(*a));
        auto refused = onStore<QList<OutboxEntry>>(*a->device, [](Database &db) { return Outbox(db).quarantined(); });
        QVERIFY(refused.ok());
        QCOMPARE(refused.value().size(), 1);
        QCOMPARE(refused.value().first().recordId, child);
        QCOMPARE(refused.value().first().errorCode, QStringLiteral("required"));
        QVERIFY2(refused.value().first().errorField.startsWith(QStringLiteral("plan.actions[0].")), qPrintable(refused.value().first().errorField));
        QCOMPARE(deviceView(*a).value(child).second.value(u"plan").toObject(), broken);
        QCOMPARE(serviceView(QStringLiteral("worker4")).value(child).second.value(u"plan").toObject(), plan);
        compareWithService(*b);
    }

    void refusedRecordIsPutRightAndSentAgain()
    {
        // The service refuses a submitted visit that breaks a rule (the harness's statutory visit
        // does not say whether the bedroom was seen): the device keeps it with the rule's code and
        // field, and the worker's fix sends the whole change again under a new id, which applies.
        auto t = newDevice(QStringLiteral("worker2"));
        QVERIFY(t && syncUntilClean(*t));
        // Signed in, the device knows the worker by name (the demo seed names worker2).
        QCOMPARE(t->device->session()->user().displayName, QStringLiteral("Rhian Evans"));
        const QString id = createVisits(*t, 1).value(0);
        QVERIFY(!id.isEmpty());
        QVERIFY(syncUntilClean(*t));
        QVERIFY(editField(*t, id, QStringLiteral("state"), QStringLiteral("submitted")).value());
        QVERIFY(syncUntilClean(*t));
        auto refused = onStore<QList<OutboxEntry>>(*t->device, [](Database &db) { return Outbox(db).quarantined(); });
        QVERIFY(refused.ok());
        QCOMPARE(refused.value().size(), 1);
        const OutboxEntry entry = refused.value().first();
        QCOMPARE(entry.recordId, id);
        QCOMPARE(entry.errorCode, QStringLiteral("required"));
        QCOMPARE(entry.errorField, QStringLiteral("children[0].bedroom_seen")); // the record's path, not the request's
        QVERIFY(!entry.lastError.isEmpty());

        auto fixed = onStore<bool>(*t->device, [id](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            auto current = repo.byId(id);
            if (!current)
                return current.error();
            QJsonObject body = current.value().body;
            QJsonArray children = body.value(u"children").toArray();
            QJsonObject first = children.at(0).toObject();
            first.insert(QStringLiteral("bedroom_seen"), true);
            children.replace(0, first);
            body.insert(QStringLiteral("children"), children);
            if (auto saved = repo.save(body); !saved)
                return saved.error();
            return true;
        });
        QVERIFY(fixed.ok() && fixed.value());
        QVERIFY(syncUntilClean(*t));
        auto left = onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); });
        QCOMPARE(left.value(), 0);
        const RecordMap service = serviceView(QStringLiteral("worker2"));
        QCOMPARE(service.value(id).second.value(u"state").toString(), QStringLiteral("submitted"));
        compareWithService(*t);
    }

    void workRecordedBeforeAReallocationReachesTheChildsFile()
    {
        // With no signal, worker3 records a visit and changes one the service already has; the
        // child is reallocated to worker1 meanwhile. Sent afterwards, both are taken (worker3 held
        // the child when they did the work: the hand-over), land in the child's file where
        // worker1 finds them, and leave worker3's tablet. Nothing is quarantined.
        auto t = newDevice(QStringLiteral("worker3"));
        QVERIFY(t && syncUntilClean(*t));
        const QString child = firstChildOn(*t);
        QVERIFY(!child.isEmpty());
        auto allocate = [&](const QString &worker) { allocateChild(child, worker); };
        const QString earlier = createVisits(*t, 1, child).value(0);
        QVERIFY(!earlier.isEmpty() && syncUntilClean(*t));
        const QString fresh = createVisits(*t, 1, child).value(0);
        QVERIFY(!fresh.isEmpty());
        const QString rationale = QStringLiteral("Brought forward after a call from school.");
        QVERIFY(editField(*t, earlier, QStringLiteral("rationale"), rationale).ok());
        allocate(QStringLiteral("worker1"));
        auto giveBack = qScopeGuard([&] { allocate(QStringLiteral("worker3")); });

        QVERIFY(syncUntilClean(*t));
        QCOMPARE(onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); }).value(), 0);
        QCOMPARE(onStore<QList<OutboxEntry>>(*t->device, [](Database &db) { return Outbox(db).quarantined(); }).value().size(), 0);
        const RecordMap mine = deviceView(*t);
        QVERIFY(!mine.contains(child));
        QVERIFY(!mine.contains(fresh));
        QVERIFY(!mine.contains(earlier));
        compareWithService(*t);

        const RecordMap theirs = serviceView(QStringLiteral("worker1"));
        QVERIFY(theirs.contains(fresh));
        QCOMPARE(theirs.value(fresh).second.value(u"author").toString(), t->device->session()->user().id);
        QCOMPARE(theirs.value(earlier).second.value(u"rationale").toString(), rationale);
    }

    void refusedForAllocationIsSentAgainOnceAllocated()
    {
        // A visit written for a child who was reallocated before it reached the service, sent after
        // the hand-over window closed: refused ("forbidden"). Once the child is allocated back,
        // sending it again works: the service answers the old mutation id with its stored refusal,
        // so the device must use a new one.
        auto t = newDevice(QStringLiteral("worker3"));
        QVERIFY(t && syncUntilClean(*t));
        const QString child = firstChildOn(*t);
        QVERIFY(!child.isEmpty());
        auto allocate = [&](const QString &worker) { allocateChild(child, worker); };
        const QString id = createVisits(*t, 1, child).value(0);
        QVERIFY(!id.isEmpty());
        allocate(QStringLiteral("worker1"));
        runServiceSql({QStringLiteral("UPDATE allocation_history SET handover_until = until_at WHERE child_id = '%1'").arg(child)});
        QVERIFY(syncUntilClean(*t));
        auto refused = onStore<QList<OutboxEntry>>(*t->device, [](Database &db) { return Outbox(db).quarantined(); });
        QVERIFY(refused.ok());
        QCOMPARE(refused.value().size(), 1);
        QCOMPARE(refused.value().first().recordId, id);
        QCOMPARE(refused.value().first().errorCode, QStringLiteral("forbidden"));

        allocate(QStringLiteral("worker3"));
        const QString oldId = refused.value().first().mutationId;
        auto again = onStore<QString>(*t->device, [oldId](Database &db) { return Outbox(db).requeue(oldId); });
        QVERIFY(again.ok());
        QVERIFY(again.value() != oldId);
        QVERIFY(syncUntilClean(*t));
        auto left = onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); });
        QCOMPARE(left.value(), 0);
        QVERIFY(serviceView(QStringLiteral("worker3")).contains(id));
        compareWithService(*t);
    }

    void changeTheServiceCannotStoreIsSetAsideAndPullsGoOn()
    {
        // The service cannot store one visit (a trigger refuses its version row, as a fault in the
        // database would): the device keeps it, still pulls what others wrote, stops sending it
        // after a bounded number of tries, and a person sends it again once the service is mended.
        auto a = newDevice(QStringLiteral("worker3"));
        auto b = newDevice(QStringLiteral("worker3"));
        QVERIFY(a && b);
        a->device->engine()->setRetryPolicy(RetryPolicy(60s, 120s, 7)); // this test starts every run itself
        QVERIFY(syncUntilClean(*a));
        QVERIFY(syncUntilClean(*b));
        const QString stuck = createVisits(*a, 1).value(0);
        QVERIFY(!stuck.isEmpty());

        auto runSql = [&](const QStringList &statements) { runServiceSql(statements); };
        const bool pg = m_backend.isPostgres();
        runSql(pg ? QStringList{QStringLiteral("CREATE FUNCTION e2e_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.record_id = '%1' THEN"
                                               " RAISE EXCEPTION 'injected storage failure'; END IF; RETURN NEW; END $$").arg(stuck),
                                QStringLiteral("CREATE TRIGGER e2e_refuse BEFORE INSERT ON record_versions FOR EACH ROW EXECUTE FUNCTION e2e_refuse()")}
                  : QStringList{QStringLiteral("CREATE TRIGGER e2e_refuse BEFORE INSERT ON record_versions WHEN NEW.record_id = '%1'"
                                               " BEGIN SELECT RAISE(ABORT, 'injected storage failure'); END").arg(stuck)});
        if (QTest::currentTestFailed())
            return;
        auto dropTrigger = qScopeGuard([&] {
            runSql(pg ? QStringList{QStringLiteral("DROP TRIGGER IF EXISTS e2e_refuse ON record_versions"), QStringLiteral("DROP FUNCTION IF EXISTS e2e_refuse()")}
                      : QStringList{QStringLiteral("DROP TRIGGER IF EXISTS e2e_refuse")});
        });

        auto entryOf = [&]() {
            auto rows = onStore<QList<OutboxEntry>>(*a->device, [stuck](Database &db) -> Result<QList<OutboxEntry>> {
                Outbox outbox(db);
                auto waiting = outbox.pending(100000);
                auto setAside = outbox.quarantined();
                if (!waiting || !setAside)
                    return Error(ErrorCode::Internal, QStringLiteral("outbox unreadable"));
                QList<OutboxEntry> ofStuck;
                for (const OutboxEntry &e : waiting.value() + setAside.value())
                    if (e.recordId == stuck)
                        ofStuck << e;
                return ofStuck;
            });
            return rows.ok() && rows.value().size() == 1 ? rows.value().first() : OutboxEntry();
        };
        auto syncOnce = [&]() {
            QSignalSpy finished(a->device->engine(), &SyncEngine::finished);
            a->device->engine()->syncNow();
            return finished.wait(30000) ? finished.first().first().toBool() : false;
        };
        for (int run = 1; run <= SyncApplier::kRetryAnswersBeforeQuarantine; ++run) {
            // Another device's visit, written meanwhile, reaches this one in the same run.
            const QString fromB = createVisits(*b, 1).value(0);
            QVERIFY(syncUntilClean(*b));
            const bool ok = syncOnce();
            QVERIFY2(deviceView(*a).contains(fromB), "the pull ran although a change could not be stored");
            const OutboxEntry e = entryOf();
            if (run < SyncApplier::kRetryAnswersBeforeQuarantine) {
                QVERIFY2(!ok, "a run with a change the service could not store ends as failed");
                QCOMPARE(e.status, QStringLiteral("pending"));
                QCOMPARE(e.retryAnswers, run);
            } else {
                QVERIFY2(ok, "once set aside, the change no longer fails the runs");
                QCOMPARE(e.status, QStringLiteral("quarantined"));
                QCOMPARE(e.errorCode, QStringLiteral("storage_error"));
            }
        }
        QCOMPARE(serviceCountOfIds(QStringLiteral("worker3"), {stuck}), 0);

        // Mended; sent again by a person (the outbox's "Send again"), it is stored.
        dropTrigger.dismiss();
        runSql(pg ? QStringList{QStringLiteral("DROP TRIGGER e2e_refuse ON record_versions"), QStringLiteral("DROP FUNCTION e2e_refuse()")}
                  : QStringList{QStringLiteral("DROP TRIGGER e2e_refuse")});
        const QString mutationId = entryOf().mutationId;
        auto again = onStore<QString>(*a->device, [mutationId](Database &db) { return Outbox(db).requeue(mutationId); });
        QVERIFY(again.ok());
        QVERIFY(syncUntilClean(*a));
        QCOMPARE(serviceCountOfIds(QStringLiteral("worker3"), {stuck}), 1);
        QVERIFY(syncUntilClean(*b));
        QVERIFY(deviceView(*b).contains(stuck));
        compareWithService(*a);
        compareWithService(*b);
    }

    void pulledRecordThisVersionCannotStoreIsHeldAndPullsGoOn()
    {
        // A record on the service that this version cannot store: written by a newer Doorstep (a
        // newer instance during a rolling update, or a newer tablet). Before, one such record failed
        // every pull page for good and the tablet stopped receiving anything. Now it is held on the
        // tablet, everything else arrives, and a later readable revision settles it.
        auto a = newDevice(QStringLiteral("worker4"));
        auto b = newDevice(QStringLiteral("worker4"));
        QVERIFY(a && b && syncUntilClean(*a) && syncUntilClean(*b));
        const QString id = createVisits(*a, 1).value(0);
        QVERIFY(!id.isEmpty() && syncUntilClean(*a));
        const auto [rev, body] = deviceView(*a).value(id);
        QVERIFY(rev > 0);
        auto writeOnService = [&](const QJsonObject &record) {
            QString json = QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
            json.replace(u'\'', QStringLiteral("''"));
            runServiceSql({QStringLiteral("UPDATE records SET rev = rev + 1, body = '%1' WHERE id = '%2'").arg(json, id),
                           QStringLiteral("INSERT INTO changes (record_id, kind, team_id, created_at)"
                                          " SELECT id, 'upsert', team_id, '%1' FROM records WHERE id = '%2'")
                               .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), id)});
        };
        QJsonObject newer = body;
        newer.insert(QStringLiteral("schema"), wire::kSchemaVersion + 1);
        newer.insert(QStringLiteral("field_of_a_later_version"), QStringLiteral("x"));
        writeOnService(newer);
        if (QTest::currentTestFailed())
            return;
        const QString fromB = createVisits(*b, 1).value(0);
        QVERIFY(syncUntilClean(*b));

        auto heldOn = [&](TestDevice &t) {
            return onStore<QList<HeldRecord>>(*t.device, [](Database &db) { return HeldRecords(db).all(); }).value();
        };
        QVERIFY2(syncUntilClean(*a), "a record this version cannot store must not stop the sync");
        QVERIFY2(deviceView(*a).contains(fromB), "the changes after the unreadable record arrive");
        const QList<HeldRecord> held = heldOn(*a);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().recordId, id);
        QCOMPARE(held.first().rev, rev + 1);
        QVERIFY(held.first().needsNewerVersion());
        QCOMPARE(deviceView(*a).value(id).first, rev); // the copy it could read is kept
        // A device signing in now holds it too, and still receives everything else.
        auto fresh = newDevice(QStringLiteral("worker4"));
        QVERIFY(fresh && syncUntilClean(*fresh));
        QCOMPARE(heldOn(*fresh).size(), 1);
        QVERIFY(deviceView(*fresh).contains(fromB));

        // The service's next revision is one this version reads: it is stored and the hold settles.
        QJsonObject readable = body;
        readable.insert(QStringLiteral("present"), QStringLiteral("Mother, and the child's grandmother"));
        writeOnService(readable);
        QVERIFY(syncUntilClean(*a));
        QVERIFY(heldOn(*a).isEmpty());
        QCOMPARE(deviceView(*a).value(id).first, rev + 2);
        QCOMPARE(deviceView(*a).value(id).second, readable);
        compareWithService(*a);
    }

    void councilVisitPolicyReachesDevices()
    {
        // Set on the service by an administrator, the council's visiting frequencies reach a
        // device with its next pull, and its due dates follow them.
        auto t = newDevice(QStringLiteral("worker1"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        auto policyOnDevice = [&]() {
            return onStore<VisitPolicy>(*t->device, [](Database &db) { return SyncState(db).visitPolicy(); });
        };
        QCOMPARE(policyOnDevice().value().childProtection.every, 10);
        auto set = ServerProcess::cli({QStringLiteral("set-visit-policy"),
                                       QStringLiteral("{\"child_protection\": {\"every\": 5, \"unit\": \"working_days\"},"
                                                      " \"child_in_need\": {\"every\": 28, \"unit\": \"calendar_days\"}}")},
                                      m_backend.spec());
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        auto restore = qScopeGuard([&] { ServerProcess::cli({QStringLiteral("set-visit-policy"), QStringLiteral("{}")}, m_backend.spec()); });
        QVERIFY(syncUntilClean(*t));
        const VisitPolicy got = policyOnDevice().value();
        QCOMPARE(got.childProtection, (VisitFrequency{5, FrequencyUnit::WorkingDays}));
        QCOMPARE(got.childInNeed, (VisitFrequency{28, FrequencyUnit::CalendarDays}));

        // And the recording standard the manager's dashboard measures against.
        QCOMPARE(onStore<int>(*t->device, [](Database &db) { return SyncState(db).recordingStandard(); }).value(), 2);
        auto standard = ServerProcess::cli({QStringLiteral("set-recording-standard"), QStringLiteral("5")}, m_backend.spec());
        QVERIFY2(standard.exitCode == 0, qPrintable(standard.err));
        auto restoreStandard = qScopeGuard([&] { ServerProcess::cli({QStringLiteral("set-recording-standard"), QStringLiteral("2")}, m_backend.spec()); });
        QVERIFY(syncUntilClean(*t));
        QCOMPARE(onStore<int>(*t->device, [](Database &db) { return SyncState(db).recordingStandard(); }).value(), 5);
    }

    void reallocationPurgesFromOldDevice()
    {
        auto old = newDevice(QStringLiteral("worker5"));
        QVERIFY(old);
        QVERIFY(syncUntilClean(*old));
        const QString child = firstChildOn(*old);
        QVERIFY(!child.isEmpty());
        const QJsonObject body = deviceView(*old).value(child).second;
        const QString first = body.value(QStringLiteral("preferred_name")).toString().isEmpty()
            ? body.value(QStringLiteral("first_name")).toString() : body.value(QStringLiteral("preferred_name")).toString();
        // The worker it goes to has synced before: the child is news there.
        auto fresh = newDevice(QStringLiteral("worker6"));
        QVERIFY(fresh);
        QSignalSpy firstSync(fresh->device->engine(), &SyncEngine::childrenJoinedCaseload);
        QVERIFY(syncUntilClean(*fresh));
        QVERIFY(!deviceView(*fresh).isEmpty());
        QCOMPARE(firstSync.count(), 0); // a first sync brings the whole caseload: nothing is news
        allocateChild(child, QStringLiteral("worker6"));
        QSignalSpy left(old->device->engine(), &SyncEngine::childrenLeftCaseload);
        QVERIFY(syncUntilClean(*old));
        // The worker is told which child left their caseload, once.
        QCOMPARE(left.count(), 1);
        QCOMPARE(left.first().first().toStringList(),
                 QStringList{first + QLatin1Char(' ') + body.value(QStringLiteral("last_name")).toString()});
        const RecordMap after = deviceView(*old);
        QVERIFY2(!after.contains(child), "the reallocated child must be purged from the old device");
        for (const auto &entry : after)
            QVERIFY(!wire::childIdsOf(entry.second).contains(child));
        compareWithService(*old);
        QSignalSpy joined(fresh->device->engine(), &SyncEngine::childrenJoinedCaseload);
        QVERIFY(syncUntilClean(*fresh));
        QVERIFY(deviceView(*fresh).contains(child));
        // The new worker is told which child joined their caseload, once.
        QCOMPARE(joined.count(), 1);
        QCOMPARE(joined.first().first().toStringList(),
                 QStringList{first + QLatin1Char(' ') + body.value(QStringLiteral("last_name")).toString()});
        QSignalSpy again(fresh->device->engine(), &SyncEngine::childrenJoinedCaseload);
        QVERIFY(syncUntilClean(*fresh));
        QCOMPARE(again.count(), 0);
    }

    void revokedDeviceWipesItself()
    {
        auto t = newDevice(QStringLiteral("worker1"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        createVisits(*t, 2); // still unsynced when the revocation arrives
        const QString dbPath = t->device->databasePath();
        auto revoked = ServerProcess::cli({QStringLiteral("revoke-device"), t->device->session()->deviceId()}, m_backend.spec());
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
        QSignalSpy wiped(t->device->engine(), &SyncEngine::deviceWiped);
        t->device->engine()->syncNow();
        QVERIFY(wiped.wait(30000));
        QCOMPARE(wiped.first().first().toInt(), 2); // what could not be sent is reported
        QCOMPARE(t->device->engine()->state(), SyncEngine::State::SignedOut);
        QVERIFY(!QFile::exists(dbPath));
        QVERIFY(!QFile::exists(dbPath + QStringLiteral("-wal")));
        std::optional<Result<QByteArray>> key;
        m_keys.read(DatabaseKeyProvider::entryNameFor(dbPath)).then(this, [&](Result<QByteArray> r) { key = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return key.has_value(); }, 10000));
        QVERIFY(!key->ok());
        QCOMPARE(key->error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSyncE2E)
#include "tst_sync_e2e.moc"
