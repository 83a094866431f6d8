// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "storesyncadapter.h"

#include "syncapplier.h"

#include "core/store/decisionqueue.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/transaction.h"

namespace doorstep::sync {

StoreSyncAdapter::StoreSyncAdapter(Store *store, Wiper wipe, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_wipe(std::move(wipe))
{
    m_prepare.setMaxThreadCount(1);
}

void StoreSyncAdapter::pendingMutations(int limit, qint64 afterSeq, const QSet<QString> &busyRecords,
                                        Done<QList<OutboxEntry>> done)
{
    m_store->run<QList<OutboxEntry>>([limit, afterSeq, busyRecords](Database &db) {
               return SyncApplier(db).takePending(limit, afterSeq, busyRecords);
           })
        .then(this, [done](Result<QList<OutboxEntry>> r) { done(std::move(r)); });
}

void StoreSyncAdapter::pendingCount(Done<int> done)
{
    // Counted in SQL: reading and parsing every queued patch only to count them cost ~0.1 s per
    // 10,000 at the start of each sync.
    m_store->run<int>([](Database &db) { return Outbox(db).pendingCount(); })
        .then(this, [done](Result<int> r) { done(std::move(r)); });
}

void StoreSyncAdapter::applyPushResults(const QList<OutboxEntry> &sent, const QJsonArray &results, Done<PushSummary> done)
{
    m_store->run<PushSummary>([sent, results](Database &db) { return SyncApplier(db).applyPushResults(sent, results); })
        .then(this, [done](Result<PushSummary> r) { done(std::move(r)); });
}

void StoreSyncAdapter::pullCursor(Done<QString> done)
{
    m_store->run<QString>([](Database &db) { return SyncApplier(db).pullCursor(); })
        .then(this, [done](Result<QString> r) { done(std::move(r)); });
}

PreparedPage StoreSyncAdapter::preparePullPage(const QJsonArray &changes)
{
    auto promise = std::make_shared<std::promise<QList<PreparedRecord>>>();
    PreparedPage prepared = promise->get_future().share();
    m_prepare.start([promise, changes] { promise->set_value(SyncApplier::preparePage(changes)); });
    return prepared;
}

void StoreSyncAdapter::applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QJsonObject &council,
                                     const QString &nextCursor, const PreparedPage &prepared, bool lastPage, Done<AppliedPage> done)
{
    m_store->run<AppliedPage>([changes, purges, council, nextCursor, prepared, lastPage](Database &db) -> Result<AppliedPage> {
               // Waits, on the store thread, for the page's preparation if it is still running.
               AppliedPage page;
               auto applied = SyncApplier(db).applyPullPage(changes, purges, nextCursor, prepared.valid() ? &prepared.get() : nullptr,
                                                            council, &page.childrenLeft, &page.childrenJoined, lastPage);
               if (!applied)
                   return applied.error();
               page.applied = applied.value();
               return page;
           })
        .then(this, [done](Result<AppliedPage> r) { done(std::move(r)); });
}

void StoreSyncAdapter::pendingDecisions(int limit, Done<QList<QueuedDecision>> done)
{
    m_store->run<QList<QueuedDecision>>([limit](Database &db) { return DecisionQueue(db).pending(limit); })
        .then(this, [done](Result<QList<QueuedDecision>> r) { done(std::move(r)); });
}

void StoreSyncAdapter::settleDecision(const QueuedDecision &decision, const DecisionOutcome &outcome, Done<void> done)
{
    m_store->run<bool>([decision, outcome](Database &db) -> Result<bool> {
               // The answer and the record it carries in one transaction: the queue screen never shows
               // "accepted" next to the record's old state, nor a conflict next to the version read.
               Transaction tx(db);
               if (!tx.ok())
                   return tx.error();
               if (auto r = DecisionQueue(db).settle(decision.decisionId, outcome.status, outcome.errorCode, outcome.error, outcome.rev); !r)
                   return r.error();
               if (!outcome.record.isEmpty() && outcome.rev > 0) {
                   // A record the device cannot take (invalid) still arrives with the pull; only storage errors stop here.
                   auto applied = RecordRepository(db).applyRemote(outcome.record, outcome.rev);
                   if (!applied && applied.error().code != ErrorCode::InvalidInput)
                       return applied.error();
               }
               if (auto c = tx.commit(); !c)
                   return c.error();
               return true;
           })
        .then(this, [done](Result<bool> r) { done(r.ok() ? Result<void>() : Result<void>(r.error())); });
}

void StoreSyncAdapter::wipe(Done<void> done)
{
    if (!m_wipe) {
        done(Error(ErrorCode::Internal, QStringLiteral("no wipe procedure configured")));
        return;
    }
    m_wipe(std::move(done));
}

} // namespace doorstep::sync
