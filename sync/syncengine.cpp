// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "syncengine.h"

#include "session.h"

#include <QJsonArray>
#include <QSet>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcSync, "doorstep.sync")

namespace doorstep::sync {

using namespace std::chrono_literals;

SyncEngine::SyncEngine(SyncStore *store, ApiClient *api, Session *session, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
    , m_session(session)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_periodicTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    setPeriodicInterval(15min);
}

void SyncEngine::setPeriodicInterval(std::chrono::milliseconds interval)
{
    m_periodicTimer.stop();
    if (interval.count() > 0) {
        m_periodicTimer.setInterval(interval);
        m_periodicTimer.start();
    }
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncEngine::setOnline(bool online)
{
    const bool regained = online && !m_online;
    m_online = online;
    if (!online && !m_running)
        setState(State::Offline);
    if (regained)
        syncNow();
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_again = true; // something new arrived mid-run: go round once more at the end
        return;
    }
    if (!m_session->signedIn()) {
        setState(State::SignedOut);
        Q_EMIT syncError(QStringLiteral("signed_out"), tr("Sign in to sync. Nothing on this device is lost."));
        Q_EMIT finished(false);
        return;
    }
    m_retryTimer.stop();
    m_nextRetryAt = {};
    m_running = true;
    m_again = false;
    m_refreshedThisRun = false;
    m_pushDeferred.reset();
    m_done = 0;
    m_pushRounds = 0;
    m_lastDecisionSeq = -1;
    m_decisionRounds = 0;
    setState(State::Pushing);
    const quint64 run = ++m_generation;
    m_store->pendingCount([this, run](Result<int> count) {
        if (run != m_generation)
            return;
        if (!count.ok())
            return failLocal(count.error());
        m_total = count.value();
        Q_EMIT progress(0, m_total);
        startPush();
    });
}

ApiFailure SyncEngine::serviceFault(const QString &message)
{
    ApiFailure f;
    f.transient = true;
    f.error = Error(ErrorCode::ServerError, message);
    return f;
}

void SyncEngine::account(const ApiReply &reply)
{
    m_stats.requests++;
    m_stats.bytesSent += reply.requestBytes;
    m_stats.bytesReceived += reply.responseBytes;
}

void SyncEngine::abandonPipeline()
{
    ++m_generation;
    m_pushSlots.clear();
    m_taking = false;
    m_applyingAnswer = false;
    m_fetchedPage.reset();
    m_pullFailure.reset();
    m_applyingPage = false;
}

void SyncEngine::startPush()
{
    // Also the restart after a refreshed token or a halved batch: batches still travelling are
    // abandoned, and their mutations (still "sent") are taken again from the head of the outbox.
    abandonPipeline();
    m_lastTakenSeq = -1;
    takeNextBatch();
}

void SyncEngine::takeNextBatch()
{
    if (m_taking || m_pushSlots.size() >= m_pushDepth)
        return;
    // A later mutation of a record whose batch is unanswered waits for that answer: it was based on
    // the revision the answer moves on (and must not overtake a "retry").
    QSet<QString> busy;
    for (const PushSlot &slot : std::as_const(m_pushSlots)) {
        for (const OutboxEntry &e : slot.batch)
            busy.insert(e.recordId);
    }
    m_taking = true;
    m_store->pendingMutations(m_batchSize, m_lastTakenSeq, busy,
                              [this, run = m_generation, blocked = !busy.isEmpty()](Result<QList<OutboxEntry>> pending) {
        if (run != m_generation)
            return;
        m_taking = false;
        if (!pending.ok()) {
            abandonPipeline();
            return failLocal(pending.error());
        }
        QList<OutboxEntry> batch = std::move(pending).value();
        if (batch.isEmpty()) {
            if (!m_pushSlots.isEmpty())
                return; // each applied answer takes again
            if (blocked)
                return takeNextBatch(); // the batch that blocked was answered meanwhile
            return startDecisions();
        }
        // Bounded: each batch starts after the last one taken; a generous cap stops a runaway loop.
        if (++m_pushRounds > m_total / m_batchSize + 50) {
            abandonPipeline();
            return failLocal(Error(ErrorCode::Internal, tr("The outbox did not drain; sync stopped to protect it.")));
        }
        m_lastTakenSeq = batch.last().seq;
        m_pushSlots.append(PushSlot{batch, std::nullopt});
        sendBatch(batch);
        takeNextBatch(); // read the next batch while this one travels
    });
}

void SyncEngine::sendBatch(const QList<OutboxEntry> &batch)
{
    QJsonArray mutations;
    for (const OutboxEntry &e : batch) {
        QJsonObject m{{QStringLiteral("mutation_id"), e.mutationId},
                      {QStringLiteral("record_id"), e.recordId},
                      {QStringLiteral("type"), e.type},
                      {QStringLiteral("base_rev"), e.baseRev},
                      {QStringLiteral("patch"), e.patch}};
        // When the work was done: the service still takes a worker's records about a child
        // reallocated from them if they were made before (docs/sync-protocol.md, "Hand-over").
        if (m_sendRecordedAt && !e.createdAt.isEmpty())
            m.insert(QStringLiteral("recorded_at"), e.createdAt);
        mutations.append(m);
    }
    const QJsonObject body{{QStringLiteral("mutations"), mutations}};
    const qint64 firstSeq = batch.first().seq;
    const qsizetype size = batch.size();
    m_api->post(QStringLiteral("/api/v1/sync/push"), body,
                [this, run = m_generation, firstSeq, size](const ApiReply *ok, const ApiFailure *failure) {
        if (run != m_generation)
            return;
        if (!ok) {
            // A service that takes fewer mutations per push (an older one took 200): halve the
            // batch and send again, rather than failing the same way forever.
            if (failure->status == 413 && failure->serviceCode == QLatin1String("too_many_mutations") && size > 1) {
                m_batchSize = int(size / 2);
                return startPush();
            }
            // A service from before recorded_at refuses the unknown field: send without it.
            if (failure->status == 400 && m_sendRecordedAt && failure->error.field.endsWith(QLatin1String(".recorded_at"))) {
                m_sendRecordedAt = false;
                return startPush();
            }
            abandonPipeline();
            return fail(*failure, [this] { startPush(); });
        }
        account(*ok);
        const QJsonArray results = ok->body.value(u"results").toArray();
        auto slot = std::find_if(m_pushSlots.begin(), m_pushSlots.end(),
                                 [firstSeq](const PushSlot &s) { return s.batch.first().seq == firstSeq; });
        if (slot == m_pushSlots.end() || results.size() != slot->batch.size()) {
            abandonPipeline();
            return fail(serviceFault(tr("The service answered a different number of changes.")), {});
        }
        slot->results = results;
        applyNextAnswer();
    });
}

void SyncEngine::applyNextAnswer()
{
    // Answers are applied one at a time, in the order their batches were taken.
    if (m_applyingAnswer || m_pushSlots.isEmpty() || !m_pushSlots.first().results)
        return;
    m_applyingAnswer = true;
    const PushSlot &head = m_pushSlots.first();
    m_store->applyPushResults(head.batch, *head.results,
                              [this, run = m_generation, n = int(head.batch.size())](Result<PushSummary> summary) {
        if (run != m_generation)
            return;
        m_applyingAnswer = false;
        m_pushSlots.removeFirst();
        if (!summary.ok()) {
            abandonPipeline();
            return failLocal(summary.error());
        }
        const PushSummary &s = summary.value();
        m_stats.pushed += n;
        m_stats.outcomes.applied += s.applied;
        m_stats.outcomes.merged += s.merged;
        m_stats.outcomes.conflicts += s.conflicts;
        m_stats.outcomes.locked += s.locked;
        m_stats.outcomes.rejected += s.rejected;
        m_done += n;
        Q_EMIT progress(m_done, qMax(m_total, m_done));
        if (s.deferred > 0) {
            // The service kept the rest of the batch but could not store these: retry them with
            // backoff rather than resending them at once. Batches already travelling hold none of
            // their records (takeNextBatch), so nothing overtook them. The pull still runs, so a
            // change that keeps failing never cuts the device off from returns and allocations;
            // the run then ends as failed.
            abandonPipeline();
            m_pushDeferred = serviceFault(tr("The service could not store some changes; they will be sent again."));
            return startDecisions();
        }
        applyNextAnswer();
        takeNextBatch();
    });
}

void SyncEngine::startDecisions()
{
    // After the push (a worker's edit pushed from this device reaches the service first) and before
    // the pull (which then brings the decided records and their review records).
    if (++m_decisionRounds > 10000)
        return failLocal(Error(ErrorCode::Internal, tr("The decision queue did not drain; sync stopped to protect it.")));
    m_store->pendingDecisions(1, [this](Result<QList<QueuedDecision>> pending) {
        if (!pending.ok())
            return failLocal(pending.error());
        if (pending.value().isEmpty())
            return startPull();
        const QueuedDecision d = pending.value().first();
        if (d.seq == m_lastDecisionSeq)
            return failLocal(Error(ErrorCode::Internal, tr("A decision could not be recorded as sent.")));
        m_lastDecisionSeq = d.seq;
        sendDecision(d);
    });
}

void SyncEngine::sendDecision(const QueuedDecision &d)
{
    // decision_id makes the replay idempotent: after a lost answer (or Qt's own silent re-send of the
    // POST) the service finds the review it already wrote and answers as the first time.
    const QJsonObject body{{QStringLiteral("decision"), d.decision},
                           {QStringLiteral("rationale"), d.rationale},
                           {QStringLiteral("seen_rev"), d.seenRev},
                           {QStringLiteral("decision_id"), d.decisionId}};
    m_api->post(QStringLiteral("/api/v1/reviews/") + d.recordId, body, [this, d](const ApiReply *ok, const ApiFailure *failure) {
        DecisionOutcome outcome;
        if (ok) {
            account(*ok);
            outcome.status = QStringLiteral("accepted");
            outcome.rev = ok->body.value(u"rev").toInteger();
            outcome.record = ok->body.value(u"record").toObject();
        } else {
            const int s = failure->status;
            const bool answered = s >= 400 && s < 500 && s != 401 && s != 408 && s != 429 && !failure->transient;
            if (!answered) // network, 5xx, sign-in: the whole sync fails and the queue is kept
                return fail(*failure, [this, d] { sendDecision(d); });
            // A permanent answer about this decision: kept with the reason, shown, never retried.
            outcome.status = (s == 409 && failure->serviceCode == u"conflict") ? QStringLiteral("conflict") : QStringLiteral("refused");
            outcome.errorCode = failure->serviceCode.isEmpty() ? QString::number(s) : failure->serviceCode;
            outcome.error = failure->error.message;
            outcome.rev = failure->body.value(u"rev").toInteger();
            outcome.record = failure->body.value(u"record").toObject();
        }
        m_store->settleDecision(d, outcome, [this, accepted = outcome.status == u"accepted"](Result<void> settled) {
            if (!settled.ok())
                return failLocal(settled.error());
            m_stats.decisionsSent++;
            if (accepted)
                m_stats.decisionsAccepted++;
            startDecisions();
        });
    });
}

void SyncEngine::startPull()
{
    setState(State::Pulling);
    m_fetchedPage.reset();
    m_pullFailure.reset();
    m_applyingPage = false;
    m_store->pullCursor([this, run = m_generation](Result<QString> cursor) {
        if (run != m_generation)
            return;
        if (!cursor.ok())
            return failLocal(cursor.error());
        fetchPage(cursor.value());
    });
}

void SyncEngine::fetchPage(const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    const QString path = QStringLiteral("/api/v1/sync/pull?") + query.toString(QUrl::FullyEncoded);
    m_api->get(path, [this, cursor, run = m_generation](const ApiReply *ok, const ApiFailure *failure) {
        if (run != m_generation)
            return;
        if (!ok) {
            // Acted on once the page before is stored, so a retry (after a refreshed token) reads
            // the cursor this page was asked with.
            m_pullFailure = DeferredFailure{*failure, [this] { startPull(); }};
            return applyNextPage();
        }
        account(*ok);
        PulledPage page;
        page.changes = ok->body.value(u"changes").toArray();
        page.purges = ok->body.value(u"purges").toArray();
        page.council = ok->body.value(u"council").toObject();
        page.next = ok->body.value(u"next_cursor").toString(cursor);
        page.more = ok->body.value(u"has_more").toBool();
        if (page.more && page.next == cursor) {
            m_pullFailure = DeferredFailure{serviceFault(tr("The service's change feed did not advance.")), {}};
        } else {
            page.prepared = m_store->preparePullPage(page.changes); // while the page before is written
            m_fetchedPage = std::move(page);
        }
        applyNextPage();
    });
}

void SyncEngine::applyNextPage()
{
    if (m_applyingPage)
        return; // the page being applied comes back here when it is stored
    if (m_pullFailure) {
        const DeferredFailure failed = std::move(*m_pullFailure);
        abandonPipeline();
        return fail(failed.failure, failed.retry);
    }
    if (!m_fetchedPage)
        return; // still travelling
    const PulledPage page = std::move(*m_fetchedPage);
    m_fetchedPage.reset();
    m_applyingPage = true;
    if (page.more)
        fetchPage(page.next); // the next page travels while this one is written
    m_store->applyPullPage(page.changes, page.purges, page.council, page.next, page.prepared, !page.more,
                           [this, run = m_generation, more = page.more](Result<AppliedPage> applied) {
        if (run != m_generation)
            return;
        m_applyingPage = false;
        if (!applied.ok()) {
            abandonPipeline();
            return failLocal(applied.error());
        }
        m_stats.pulled += applied.value().applied;
        m_done += applied.value().applied;
        if (!applied.value().childrenLeft.isEmpty())
            Q_EMIT childrenLeftCaseload(applied.value().childrenLeft);
        if (!applied.value().childrenJoined.isEmpty())
            Q_EMIT childrenJoinedCaseload(applied.value().childrenJoined);
        Q_EMIT progress(m_done, more ? m_done + m_pageSize : m_done);
        if (more)
            applyNextPage();
        else
            complete();
    });
}

void SyncEngine::complete()
{
    if (m_pushDeferred) {
        const ApiFailure deferred = *std::exchange(m_pushDeferred, std::nullopt);
        return fail(deferred, {});
    }
    m_running = false;
    m_attempt = 0;
    m_lastSuccess = QDateTime::currentDateTimeUtc();
    setState(State::Idle);
    Q_EMIT finished(true);
    if (m_again)
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::fail(const ApiFailure &failure, std::function<void()> retry)
{
    if (failure.status == 401 && failure.serviceCode == QLatin1String("device_revoked"))
        return wipeRevokedDevice(failure);

    if (failure.error.code == ErrorCode::Unauthenticated && !m_refreshedThisRun && retry) {
        // Access tokens are short-lived: refresh once per run, then repeat the request that failed.
        m_refreshedThisRun = true;
        m_session->refresh([this, retry](Result<void> refreshed) {
            if (refreshed.ok())
                return retry();
            ApiFailure f;
            f.error = refreshed.error();
            f.transient = refreshed.error().code != ErrorCode::Unauthenticated;
            f.status = f.transient ? 0 : 401;
            fail(f, {});
        });
        return;
    }

    m_running = false;
    if (failure.error.code == ErrorCode::Unauthenticated) {
        setState(State::SignedOut);
        Q_EMIT syncError(QStringLiteral("signed_out"), tr("Sign in again to sync. Nothing on this device is lost."));
        Q_EMIT finished(false);
        return;
    }
    const bool networkDown = failure.error.code == ErrorCode::NetworkError || failure.error.code == ErrorCode::Timeout;
    setState(networkDown ? State::Offline : State::Error);
    Q_EMIT syncError(errorCodeName(failure.error.code), failure.error.message);
    Q_EMIT finished(false);
    // Permanent refusals retry too, more slowly: the queue is kept and a later service may accept it.
    scheduleRetry(failure.retryAfter);
}

void SyncEngine::failLocal(const Error &error)
{
    qCWarning(lcSync) << "local store error during sync:" << errorCodeName(error.code);
    m_running = false;
    setState(State::Error);
    Q_EMIT syncError(errorCodeName(error.code), error.message);
    Q_EMIT finished(false);
    scheduleRetry(std::nullopt);
}

void SyncEngine::scheduleRetry(std::optional<std::chrono::milliseconds> retryAfter)
{
    const auto delay = m_retry.delayFor(++m_attempt, retryAfter);
    m_nextRetryAt = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
    m_retryTimer.start(delay);
    qCInfo(lcSync) << "retrying in" << delay.count() << "ms (attempt" << m_attempt << ")";
}

void SyncEngine::wipeRevokedDevice(const ApiFailure &failure)
{
    m_running = false;
    m_store->pendingCount([this, failure](Result<int> count) {
        const int unsynced = count.ok() ? count.value() : -1;
        m_store->wipe([this, unsynced, failure](Result<void> wiped) {
            m_session->signOut([this, unsynced, failure, wiped](Result<void>) {
                setState(State::SignedOut);
                Q_EMIT syncError(QStringLiteral("device_revoked"), failure.error.message);
                if (wiped.ok())
                    Q_EMIT deviceWiped(unsynced);
                Q_EMIT finished(false);
            });
        });
    });
}

} // namespace doorstep::sync
