// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "syncstore.h"

#include <QSet>

namespace doorstep {
class Database;
}

namespace doorstep::sync {

/**
 * Applies what the service said to the device's store, synchronously, on the store's thread.
 * Each call is ONE local transaction: a push batch's answers, or a pull page with its cursor.
 * Service records are written without queuing mutations (applyRemote), so nothing echoes back.
 */
class SyncApplier
{
public:
    /** A change the service answered "retry" for this many times running is quarantined. */
    static constexpr int kRetryAnswersBeforeQuarantine = 5;

    explicit SyncApplier(Database &db) : m_db(db) {}

    /** Up to `limit` pending mutations queued after `afterSeq`, in device order, marked as sent (the
     *  outbox screen shows them so). Stops before the first one whose record is in `busyRecords`. */
    Result<QList<OutboxEntry>> takePending(int limit, qint64 afterSeq = -1, const QSet<QString> &busyRecords = {});
    /** One answer per sent mutation, in order:
     *  applied → acknowledged at its revision;
     *  merged / conflict → the service's record is applied first (local edits rebased on it, clashing
     *    fields kept in the conflict store for a person), then the mutation is acknowledged;
     *  locked → the edit becomes an amendment linked to the approved record, queued for review;
     *  rejected → quarantined with its reason; the others go on;
     *  retry → kept pending and sent again later; quarantined once it has been answered so
     *    kRetryAnswersBeforeQuarantine times running. */
    Result<PushSummary> applyPushResults(const QList<OutboxEntry> &sent, const QJsonArray &results);
    /** Changes (records, tombstones, the service's flagged conflicts) and purges, then the
     *  council's settings the page carries (`council`: its visit policy), then the cursor.
     *  A record this version cannot store is held (HeldRecords) and the page goes on; only a
     *  storage error fails the page. `prepared`, when given, is preparePage(changes).
     *  `childrenLeft` receives the names of the children a purge took off this device (moved to
     *  another worker), and `childrenJoined` those of children new to it once it has pulled its
     *  whole caseload (a `lastPage` was applied): allocated to this worker, or come into the
     *  team. For telling the person once; the names are not kept anywhere. */
    Result<int> applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QString &nextCursor,
                              const QList<PreparedRecord> *prepared = nullptr, const QJsonObject &council = {},
                              QStringList *childrenLeft = nullptr, QStringList *childrenJoined = nullptr, bool lastPage = true);
    /** Where the device notes that it has pulled its whole caseload once (sync state). */
    static QString caseloadPulledKey() { return QStringLiteral("caseload_pulled"); }
    /** RecordRepository::prepareRemote for each change of a page; touches no database. */
    static QList<PreparedRecord> preparePage(const QJsonArray &changes);
    Result<QString> pullCursor();

    /** A person's answer to a conflict on one field: the chosen value is saved as a normal edit and
     *  always queued (even when the device already shows it), so the service clears its flag and
     *  every other device receives the answer. One transaction. */
    Result<void> resolveConflict(const QString &recordId, const QString &field, const QJsonValue &chosen);

private:
    Result<void> convertToAmendment(const OutboxEntry &entry);
    /** Stores the records an older version of the app held, where this version can. */
    Result<void> retryHeld(RecordRepository &records);

    Database &m_db;
};

} // namespace doorstep::sync
