// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiclient.h"
#include "retrypolicy.h"
#include "syncstore.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <optional>

namespace doorstep::sync {

class Session;

/**
 * Pushes the outbox, replays a manager's queued review decisions, then pulls the service's changes, page by page (Nextcloud's SyncEngine shape:
 * a State, progress, finished, syncError). No GUI: the tablet app and doorstep-cli both drive it.
 * Two push batches travel at once and the next pull page is fetched while one is written; answers
 * and pages are still applied one at a time, in order (docs/sync-protocol.md).
 * Transient failures retry on a timer with backoff and jitter; Retry-After is honoured.
 */
class SyncEngine : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY finished)
public:
    enum class State { Idle, Pushing, Pulling, Offline, SignedOut, Error };
    Q_ENUM(State)

    /** Counters for status screens, tests and benchmarks. */
    struct Stats {
        qint64 requests = 0;
        qint64 bytesSent = 0;
        qint64 bytesReceived = 0;
        int pushed = 0;
        int pulled = 0;
        PushSummary outcomes;
        int decisionsSent = 0;     // review decisions answered by the service (any outcome)
        int decisionsAccepted = 0;
    };

    SyncEngine(SyncStore *store, ApiClient *api, Session *session, QObject *parent = nullptr);

    State state() const { return m_state; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    bool isRunning() const { return m_running; }
    const Stats &stats() const { return m_stats; }
    /** When the next automatic retry is due (invalid when none is scheduled). */
    QDateTime nextRetryAt() const { return m_nextRetryAt; }

    void setBatchSize(int mutations) { m_batchSize = qMax(1, mutations); }
    /** Push batches sent before the first is answered (1: one at a time). */
    void setPushDepth(int batches) { m_pushDepth = qMax(1, batches); }
    void setPageSize(int changes) { m_pageSize = qMax(1, changes); }
    void setPeriodicInterval(std::chrono::milliseconds interval);
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

public Q_SLOTS:
    /** "Sync now", app resumed, the periodic timer, a local save: starts a run, or queues one more. */
    void syncNow();
    /** Reachability changed; regaining connectivity triggers a sync. */
    void setOnline(bool online);

Q_SIGNALS:
    void stateChanged(doorstep::sync::SyncEngine::State state);
    void progress(int done, int total);
    void finished(bool ok);
    void syncError(const QString &code, const QString &message);
    /** The service revoked this device; the store was wiped. `unsynced` changes could not be sent. */
    void deviceWiped(int unsynced);
    /** A pull took these children off the device: they were moved to another worker. Their names
     *  are said once, to the person, and kept nowhere. */
    void childrenLeftCaseload(const QStringList &names);
    /** A pull brought these children onto the device after its first sync: allocated to this
     *  worker, or come into the team. Said once, kept nowhere. */
    void childrenJoinedCaseload(const QStringList &names);

private:
    void setState(State state);
    // Push: up to m_pushDepth batches travel while the device applies the oldest answer.
    void startPush();
    void takeNextBatch();
    void sendBatch(const QList<OutboxEntry> &batch);
    void applyNextAnswer();
    void abandonPipeline();
    void startDecisions();
    void sendDecision(const QueuedDecision &decision);
    // Pull: page N+1 is fetched while page N is applied; pages are applied strictly in order.
    void startPull();
    void fetchPage(const QString &cursor);
    void applyNextPage();
    void complete();
    void fail(const ApiFailure &failure, std::function<void()> retry);
    void failLocal(const Error &error);
    void scheduleRetry(std::optional<std::chrono::milliseconds> retryAfter);
    void wipeRevokedDevice(const ApiFailure &failure);
    void account(const ApiReply &reply);
    /** An answer that broke the protocol: retried later with backoff, like a 5xx. */
    static ApiFailure serviceFault(const QString &message);

    /** A push batch sent and not yet applied; `results` once the service answered. */
    struct PushSlot {
        QList<OutboxEntry> batch;
        std::optional<QJsonArray> results;
    };
    /** A fetched pull page waiting for the page before it to be applied. */
    struct PulledPage {
        QJsonArray changes;
        QJsonArray purges;
        QJsonObject council; // the council's settings (visit policy), kept with the page
        QString next;
        bool more = false;
        PreparedPage prepared; // its records checked and encoded off the store thread
    };
    /** A failed prefetch, acted on only once the page before it is applied. */
    struct DeferredFailure {
        ApiFailure failure;
        std::function<void()> retry;
    };

    SyncStore *m_store;
    ApiClient *m_api;
    Session *m_session;
    State m_state = State::Idle;
    bool m_running = false;
    bool m_again = false;
    bool m_online = true;
    bool m_refreshedThisRun = false;
    bool m_sendRecordedAt = true; // false once a service has refused the field (an older one)
    int m_batchSize = 500; // the service accepts at most 500 mutations per push (200 before 2026-11-23)
    int m_pageSize = 500;
    int m_done = 0;
    int m_total = 0;
    int m_pushRounds = 0;
    int m_attempt = 0;
    // Bumped when a run starts or a pipeline is abandoned: answers still travelling for the
    // abandoned one are ignored (their mutations stay "sent" and are answered again from the
    // service's stored answers).
    quint64 m_generation = 0;
    int m_pushDepth = 2;
    QList<PushSlot> m_pushSlots; // in device order
    bool m_taking = false;
    bool m_applyingAnswer = false;
    qint64 m_lastTakenSeq = -1;
    std::optional<PulledPage> m_fetchedPage;
    std::optional<DeferredFailure> m_pullFailure;
    std::optional<ApiFailure> m_pushDeferred; // the service answered "retry": reported once the pull is done
    bool m_applyingPage = false;
    qint64 m_lastDecisionSeq = -1;
    int m_decisionRounds = 0;
    RetryPolicy m_retry;
    QTimer m_retryTimer;
    QTimer m_periodicTimer;
    QDateTime m_nextRetryAt;
    QDateTime m_lastSuccess;
    Stats m_stats;
};

} // namespace doorstep::sync
