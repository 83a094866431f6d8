// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "storesyncadapter.h"

#include "syncapplier.h"

#include "core/store/store.h"

namespace doorstep::sync {

StoreSyncAdapter::StoreSyncAdapter(Store *store, Wiper wipe, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_wipe(std::move(wipe))
{
}

void StoreSyncAdapter::pendingMutations(int limit, Done<QList<OutboxEntry>> done)
{
    m_store->run<QList<OutboxEntry>>([limit](Database &db) { return SyncApplier(db).takePending(limit); })
        .then(this, [done](Result<QList<OutboxEntry>> r) { done(std::move(r)); });
}

void StoreSyncAdapter::pendingCount(Done<int> done)
{
    m_store->run<int>([](Database &db) { return SyncApplier(db).pendingCount(); })
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

void StoreSyncAdapter::applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QString &nextCursor,
                                     Done<int> done)
{
    m_store->run<int>([changes, purges, nextCursor](Database &db) {
               return SyncApplier(db).applyPullPage(changes, purges, nextCursor);
           })
        .then(this, [done](Result<int> r) { done(std::move(r)); });
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
