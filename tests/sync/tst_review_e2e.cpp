// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// A manager's approval queue end to end: real devices (SQLCipher store, keychain), the real
// doorstep-server on loopback (SQLite, or PostgreSQL with DOORSTEP_TEST_BACKEND=postgres) behind
// the fault proxy. A worker submits, the manager's device pulls the team's submissions, decides
// while offline, and the sync engine replays the queued decisions: accepted, replayed after a lost
// answer without deciding twice, stale (a conflict shown, never a silent approval), and refused.
#include "core/store/database.h"
#include "core/store/decisionqueue.h"
#include "core/store/recordrepository.h"
#include "core/wire.h"
#include "platform/qtkeychainkeystore.h"
#include "qml/reviewqueuemodel.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "tests/support/faultproxy.h"
#include "tests/support/syncharness.h"

#include "serverprocess.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace doorstep;
using namespace doorstep::sync;
using doorstep::test::FaultProxy;
using doorstep::test::RecordMap;
using doorstep::test::SyncHarness;
using doorstep::test::TestDevice;

namespace {
const QString kPassword = QStringLiteral("review-e2e-password");
} // namespace

class TestReviewE2E : public QObject
{
    Q_OBJECT

    TestBackend m_backend;
    ServerProcess m_server;
    std::unique_ptr<FaultProxy> m_proxy;
    QtKeychainKeyStore m_keys;
    SyncHarness m_harness{&m_keys, kPassword};
    std::unique_ptr<TestDevice> m_worker;   // worker1, team North
    std::unique_ptr<TestDevice> m_manager;  // manager1, team North
    QString m_child;
    int m_visits = 0;

    QString proxyUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()); }

    template <typename T>
    Result<T> onStore(TestDevice &t, std::function<Result<T>(Database &)> job)
    {
        return m_harness.onStore<T>(*t.device, std::move(job));
    }

    /** A complete visit, submitted on the worker's tablet (sent at the next sync). */
    QString submitVisit(TestDevice &t)
    {
        const int n = ++m_visits;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime start = now.addDays(-1).addSecs(n * 600); // unique: the duplicate check counts starts
        const QString id = wire::newUuid();
        const QJsonObject visit{
            {QStringLiteral("schema"), wire::kSchemaVersion},
            {QStringLiteral("type"), QStringLiteral("visit")},
            {QStringLiteral("id"), id},
            {QStringLiteral("state"), QStringLiteral("submitted")},
            {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
            {QStringLiteral("submitted_at"), now.addSecs(-3600 + n).toString(Qt::ISODate)},
            {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
            {QStringLiteral("ended_at"), start.addSecs(2400).toString(Qt::ISODate)},
            {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
            {QStringLiteral("location"), QStringLiteral("home")},
            {QStringLiteral("rationale"), QStringLiteral("Statutory visit %1 planned with the family under the plan.").arg(n)},
            {QStringLiteral("children"), QJsonArray{QJsonObject{{QStringLiteral("child_id"), m_child},
                                                                 {QStringLiteral("seen"), true},
                                                                 {QStringLiteral("seen_alone"), true},
                                                                 {QStringLiteral("bedroom_seen"), true},
                                                                 {QStringLiteral("child_views"), QStringLiteral("I like my new school.")}}}},
        };
        auto saved = onStore<QString>(t, [visit](Database &db) -> Result<QString> {
            auto s = RecordRepository(db).save(visit);
            if (!s)
                return s.error();
            return s.value().id;
        });
        if (!saved.ok())
            qWarning() << "could not save the visit:" << saved.error().field << saved.error().message;
        return saved.ok() ? id : QString();
    }

    StoredRecord recordOn(TestDevice &t, const QString &id)
    {
        auto r = onStore<StoredRecord>(t, [id](Database &db) { return RecordRepository(db).byId(id); });
        return r.ok() ? r.value() : StoredRecord();
    }

    /** What the manager does on the read view: decide about the revision on the tablet. */
    Result<QueuedDecision> decide(TestDevice &t, const QString &id, const QString &decision, const QString &rationale, qint64 seenRev = -1)
    {
        return onStore<QueuedDecision>(t, [id, decision, rationale, seenRev](Database &db) -> Result<QueuedDecision> {
            qint64 rev = seenRev;
            if (rev < 0) {
                auto rec = RecordRepository(db).byId(id);
                if (!rec)
                    return rec.error();
                rev = rec.value().rev;
            }
            return DecisionQueue(db).queue(id, decision, rationale, rev);
        });
    }

    QueuedDecision decisionOn(TestDevice &t, const QString &id)
    {
        auto d = onStore<std::optional<QueuedDecision>>(t, [id](Database &db) { return DecisionQueue(db).latestFor(id); });
        return d.ok() && d.value() ? *d.value() : QueuedDecision();
    }

    QList<ReviewQueueRow> queueOn(TestDevice &t)
    {
        const QString me = t.device->session()->user().id;
        auto rows = onStore<QList<ReviewQueueRow>>(t, [me](Database &db) { return ReviewQueueModel::read(db, me); });
        return rows.ok() ? rows.value() : QList<ReviewQueueRow>();
    }

    static const ReviewQueueRow *rowFor(const QList<ReviewQueueRow> &rows, const QString &id)
    {
        for (const ReviewQueueRow &r : rows)
            if (r.recordId == id)
                return &r;
        return nullptr;
    }

    /** One sync run that must fail (the device is offline); returns whether it ended unsuccessfully. */
    bool syncFails(TestDevice &t)
    {
        QSignalSpy finished(t.device->engine(), &SyncEngine::finished);
        t.device->engine()->syncNow();
        if (!finished.wait(30000))
            return false;
        return !finished.first().first().toBool();
    }

    void goOffline(TestDevice &t)
    {
        // Nothing listens on port 9 of loopback (discard, never started here): connection refused.
        t.device->api()->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        // And no automatic retry while "offline": the test drives each attempt.
        t.device->engine()->setRetryPolicy(RetryPolicy(std::chrono::minutes(10), std::chrono::minutes(10), 1));
    }
    void goOnline(TestDevice &t)
    {
        t.device->api()->setBaseUrl(QUrl(proxyUrl()));
        t.device->engine()->setRetryPolicy(RetryPolicy(std::chrono::milliseconds(50), std::chrono::milliseconds(400), 11));
    }

    /** Every review record about `recordId` the service holds for a manager (a fresh device pulls all). */
    int reviewsOnService(const QString &recordId, QString *state = nullptr)
    {
        auto fresh = m_harness.newDevice(QStringLiteral("manager1"), proxyUrl());
        if (!fresh || !m_harness.syncUntilClean(*fresh))
            return -1;
        const RecordMap all = m_harness.deviceView(*fresh);
        int n = 0;
        for (auto it = all.begin(); it != all.end(); ++it)
            if (it.value().second.value(u"type").toString() == u"review" && it.value().second.value(u"record_id").toString() == recordId)
                ++n;
        if (state)
            *state = all.value(recordId).second.value(u"state").toString();
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

        m_worker = m_harness.newDevice(QStringLiteral("worker1"), proxyUrl());
        QVERIFY(m_worker);
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        auto caseload = onStore<QList<StoredRecord>>(*m_worker, [](Database &db) { return RecordRepository(db).caseload(); });
        QVERIFY(caseload.ok() && !caseload.value().isEmpty());
        m_child = caseload.value().first().id;
        m_manager = m_harness.newDevice(QStringLiteral("manager1"), proxyUrl());
        QVERIFY(m_manager);
        QCOMPARE(m_manager->device->session()->user().role, QStringLiteral("manager"));
    }

    void offlineDecisionsAreReplayed()
    {
        const QString approveId = submitVisit(*m_worker);
        const QString returnId = submitVisit(*m_worker);
        QVERIFY(!approveId.isEmpty() && !returnId.isEmpty());
        QVERIFY(m_harness.syncUntilClean(*m_worker));

        // The manager's device pulls the team's submitted records: they are in the queue.
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        const QList<ReviewQueueRow> before = queueOn(*m_manager);
        QVERIFY(rowFor(before, approveId));
        QVERIFY(rowFor(before, returnId));
        QCOMPARE(rowFor(before, approveId)->authorId, m_worker->device->session()->user().id);
        QVERIFY(rowFor(before, approveId)->decisionStatus.isEmpty());
        // Nothing in the queue is the manager's own; nothing is other than submitted, but for a
        // draft that raises a safety concern (the demo team has some).
        for (const ReviewQueueRow &r : before) {
            QVERIFY(r.authorId != m_manager->device->session()->user().id);
            QVERIFY2(r.state == u"submitted" || (r.state == u"draft" && r.safetyConcern), qPrintable(r.state));
        }

        // Offline: decisions are queued on the tablet and survive failed syncs.
        goOffline(*m_manager);
        QVERIFY(decide(*m_manager, approveId, QStringLiteral("approve"), QStringLiteral("Child seen alone; views and analysis recorded.")).ok());
        const QString reason = QStringLiteral("Please record the bedroom and your analysis of the risks.");
        QVERIFY(decide(*m_manager, returnId, QStringLiteral("return"), reason).ok());
        // A rationale is required for either decision, as the service requires it.
        auto blank = decide(*m_manager, approveId, QStringLiteral("approve"), QStringLiteral("   "));
        QVERIFY(!blank.ok());
        QCOMPARE(blank.error().field, QStringLiteral("rationale"));
        QVERIFY(syncFails(*m_manager));
        QVERIFY(syncFails(*m_manager));
        QCOMPARE(decisionOn(*m_manager, approveId).status, QStringLiteral("pending"));
        QCOMPARE(decisionOn(*m_manager, returnId).status, QStringLiteral("pending"));
        const ReviewQueueRow *queued = rowFor(queueOn(*m_manager), approveId);
        QVERIFY(queued);
        QCOMPARE(queued->decisionStatus, QStringLiteral("pending"));

        // Online again: replayed after the push, before the pull.
        goOnline(*m_manager);
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        QCOMPARE(decisionOn(*m_manager, approveId).status, QStringLiteral("accepted"));
        QCOMPARE(decisionOn(*m_manager, returnId).status, QStringLiteral("accepted"));
        QCOMPARE(recordOn(*m_manager, approveId).state, QStringLiteral("approved"));
        QCOMPARE(recordOn(*m_manager, returnId).state, QStringLiteral("returned"));
        const QList<ReviewQueueRow> after = queueOn(*m_manager);
        QVERIFY(!rowFor(after, approveId));
        QVERIFY(!rowFor(after, returnId));
        QCOMPARE(m_manager->device->engine()->stats().decisionsAccepted, 2);

        // The worker's tablet pulls the new states and the manager's reason.
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QCOMPARE(recordOn(*m_worker, approveId).state, QStringLiteral("approved"));
        const StoredRecord returned = recordOn(*m_worker, returnId);
        QCOMPARE(returned.state, QStringLiteral("returned"));
        QCOMPARE(returned.body.value(u"return_reason").toString(), reason);
        QCOMPARE(returned.body.value(u"reviewed_by").toString(), m_manager->device->session()->user().id);
        // And the decision records themselves, with the rationale.
        const RecordMap workerView = m_harness.deviceView(*m_worker);
        int reviews = 0;
        for (auto it = workerView.begin(); it != workerView.end(); ++it) {
            const QJsonObject &b = it.value().second;
            if (b.value(u"type").toString() == u"review" && b.value(u"record_id").toString() == returnId) {
                ++reviews;
                QCOMPARE(b.value(u"rationale").toString(), reason);
                QCOMPARE(b.value(u"decision").toString(), QStringLiteral("return"));
                QCOMPARE(it.key(), decisionOn(*m_manager, returnId).decisionId); // the decision_id names the review
            }
        }
        QCOMPARE(reviews, 1);
    }

    void lostAnswerDoesNotDecideTwice()
    {
        const QString id = submitVisit(*m_worker);
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        const qint64 seen = recordOn(*m_manager, id).rev;
        QVERIFY(seen > 0);
        QVERIFY(decide(*m_manager, id, QStringLiteral("approve"), QStringLiteral("Complete and timely; approved.")).ok());
        // The service decides, then the answer is lost: the device replays the same decision_id.
        m_proxy->injectOnce(FaultProxy::Fault::LoseResponse, QStringLiteral("/api/v1/reviews/"));
        const int injected = m_proxy->faultsInjected();
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        QCOMPARE(m_proxy->faultsInjected(), injected + 1);
        const QueuedDecision d = decisionOn(*m_manager, id);
        QCOMPARE(d.status, QStringLiteral("accepted"));
        QCOMPARE(d.currentRev, seen + 1); // decided exactly once: one revision further
        QCOMPARE(recordOn(*m_manager, id).rev, seen + 1);
        QString state;
        QCOMPARE(reviewsOnService(id, &state), 1);
        QCOMPARE(state, QStringLiteral("approved"));

        // A replay of an answered decision (as after a crash before the answer was stored) is
        // answered as the first time and writes nothing.
        auto again = onStore<bool>(*m_manager, [id = d.decisionId](Database &db) -> Result<bool> {
            Statement st = db.prepare("UPDATE decisions SET status = 'pending' WHERE decision_id = ?1");
            st.bind(1, id);
            if (auto r = st.exec(); !r)
                return r.error();
            return true;
        });
        QVERIFY(again.ok());
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        QCOMPARE(decisionOn(*m_manager, id).status, QStringLiteral("accepted"));
        QCOMPARE(recordOn(*m_manager, id).rev, seen + 1);
        QCOMPARE(reviewsOnService(id), 1);

        // A decision id the service already used for another record is refused, not taken as a replay.
        const QString other = submitVisit(*m_worker);
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        auto reused = decide(*m_manager, other, QStringLiteral("approve"), QStringLiteral("Fine."));
        QVERIFY(reused.ok());
        auto rewired = onStore<bool>(*m_manager, [first = d.decisionId, second = reused.value().decisionId](Database &db) -> Result<bool> {
            Statement a = db.prepare("UPDATE decisions SET decision_id = ?2 WHERE decision_id = ?1");
            a.bind(1, first).bind(2, wire::newUuid());
            if (auto r = a.exec(); !r)
                return r.error();
            Statement b = db.prepare("UPDATE decisions SET decision_id = ?2 WHERE decision_id = ?1");
            b.bind(1, second).bind(2, first);
            if (auto r = b.exec(); !r)
                return r.error();
            return true;
        });
        QVERIFY(rewired.ok());
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        QCOMPARE(decisionOn(*m_manager, other).status, QStringLiteral("refused"));
        QCOMPARE(decisionOn(*m_manager, other).errorCode, QStringLiteral("decision_id_reused"));
        QCOMPARE(recordOn(*m_manager, other).state, QStringLiteral("submitted"));
    }

    void staleDecisionBecomesAConflict()
    {
        const QString id = submitVisit(*m_worker);
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        const qint64 read = recordOn(*m_manager, id).rev;
        QVERIFY(read > 0);

        // The manager reads it and approves offline ...
        goOffline(*m_manager);
        QVERIFY(decide(*m_manager, id, QStringLiteral("approve"), QStringLiteral("Looks complete.")).ok());
        QVERIFY(syncFails(*m_manager));
        // ... while the worker amends the submitted record.
        QVERIFY(m_harness.editField(*m_worker, id, QStringLiteral("analysis_risks"),
                                    QStringLiteral("Added after submission: the school reported two missed days this week."))
                    .ok());
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        const qint64 amended = recordOn(*m_worker, id).rev;
        QVERIFY(amended > read);

        goOnline(*m_manager);
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        const QueuedDecision d = decisionOn(*m_manager, id);
        QCOMPARE(d.status, QStringLiteral("conflict"));
        QCOMPARE(d.errorCode, QStringLiteral("conflict"));
        QCOMPARE(d.seenRev, read);
        QCOMPARE(d.currentRev, amended);
        // Shown in the queue as a conflict, with the current version on the tablet.
        const ReviewQueueRow *row = rowFor(queueOn(*m_manager), id);
        QVERIFY(row);
        QCOMPARE(row->decisionStatus, QStringLiteral("conflict"));
        QCOMPARE(row->rev, amended);
        QCOMPARE(ReviewQueueModel::decisionStatusText(row->decisionStatus, row->decision),
                 QStringLiteral("The record changed since you read it: open it and decide again"));
        // Never a silent approval: still submitted on the service, and nobody reviewed it.
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QCOMPARE(recordOn(*m_worker, id).state, QStringLiteral("submitted"));
        QVERIFY(recordOn(*m_worker, id).body.value(u"reviewed_by").isNull() || !recordOn(*m_worker, id).body.contains(u"reviewed_by"));
        QString state;
        QCOMPARE(reviewsOnService(id, &state), 0);
        QCOMPARE(state, QStringLiteral("submitted"));
        // A conflict is not retried by itself.
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        QCOMPARE(decisionOn(*m_manager, id).status, QStringLiteral("conflict"));
        QCOMPARE(decisionOn(*m_manager, id).attempts, 1);

        // The manager re-opens the current version and decides again.
        QVERIFY(decide(*m_manager, id, QStringLiteral("approve"), QStringLiteral("Read the amended analysis; approved.")).ok());
        QCOMPARE(decisionOn(*m_manager, id).seenRev, amended);
        QVERIFY(m_harness.syncUntilClean(*m_manager));
        QCOMPARE(decisionOn(*m_manager, id).status, QStringLiteral("accepted"));
        QCOMPARE(recordOn(*m_manager, id).state, QStringLiteral("approved"));
        QVERIFY(!rowFor(queueOn(*m_manager), id));
    }

    void refusedDecisionsAreKeptWithTheirReason()
    {
        const QString id = submitVisit(*m_worker);
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        const qint64 rev = recordOn(*m_worker, id).rev;
        QVERIFY(rev > 0);

        // A worker's device cannot decide: 403, kept with the reason, not retried.
        QVERIFY(decide(*m_worker, id, QStringLiteral("approve"), QStringLiteral("I approve my own visit.")).ok());
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QueuedDecision d = decisionOn(*m_worker, id);
        QCOMPARE(d.status, QStringLiteral("refused"));
        QCOMPARE(d.errorCode, QStringLiteral("forbidden"));
        QVERIFY(!d.error.isEmpty());
        QVERIFY(m_harness.syncUntilClean(*m_worker));
        QCOMPARE(decisionOn(*m_worker, id).attempts, 1);

        // Another team's manager cannot either.
        auto other = m_harness.newDevice(QStringLiteral("manager2"), proxyUrl());
        QVERIFY(other);
        QVERIFY(m_harness.syncUntilClean(*other));
        QVERIFY(recordOn(*other, id).id.isEmpty()); // not in their scope at all
        QVERIFY(decide(*other, id, QStringLiteral("return"), QStringLiteral("Not my team, testing."), rev).ok());
        QVERIFY(m_harness.syncUntilClean(*other));
        d = decisionOn(*other, id);
        QCOMPARE(d.status, QStringLiteral("refused"));
        QCOMPARE(d.errorCode, QStringLiteral("forbidden"));

        QString state;
        QCOMPARE(reviewsOnService(id, &state), 0);
        QCOMPARE(state, QStringLiteral("submitted"));
    }
};

QTEST_GUILESS_MAIN(TestReviewE2E)
#include "tst_review_e2e.moc"
