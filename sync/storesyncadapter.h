// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "syncstore.h"

#include <QObject>
#include <QThreadPool>

namespace doorstep {
class Store;
}

namespace doorstep::sync {

/** SyncStore over the device's async Store: every call runs a SyncApplier step on the store thread
 *  and answers on this object's thread. */
class StoreSyncAdapter : public QObject, public SyncStore
{
    Q_OBJECT
public:
    /** `wipe` closes the store and deletes the file and its key; the app supplies it because the
     *  key lives in the platform keychain, which the sync layer does not own. */
    using Wiper = std::function<void(Done<void>)>;
    StoreSyncAdapter(Store *store, Wiper wipe, QObject *parent = nullptr);

    void pendingMutations(int limit, qint64 afterSeq, const QSet<QString> &busyRecords,
                          Done<QList<OutboxEntry>> done) override;
    void pendingCount(Done<int> done) override;
    void applyPushResults(const QList<OutboxEntry> &sent, const QJsonArray &results, Done<PushSummary> done) override;
    void pullCursor(Done<QString> done) override;
    PreparedPage preparePullPage(const QJsonArray &changes) override;
    void applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QJsonObject &council, const QString &nextCursor,
                       const PreparedPage &prepared, bool lastPage, Done<AppliedPage> done) override;
    void wipe(Done<void> done) override;
    void pendingDecisions(int limit, Done<QList<QueuedDecision>> done) override;
    void settleDecision(const QueuedDecision &decision, const DecisionOutcome &outcome, Done<void> done) override;

private:
    Store *m_store;
    Wiper m_wipe;
    // Its own pool, one thread: preparing never waits behind unrelated work in the global pool
    // while the store thread waits for it. Destroyed first, so it finishes before the rest goes.
    QThreadPool m_prepare;
};

} // namespace doorstep::sync
