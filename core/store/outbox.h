// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "statement.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace doorstep {

class Database;
class RecordRepository;

/** One queued change, as pushed to the service: {mutation_id, record_id, type, base_rev, patch}. */
struct OutboxEntry {
    qint64 seq = 0;          // device order
    QString mutationId;
    QString recordId;
    QString type;            // record type name ("visit", ...)
    qint64 baseRev = 0;
    QJsonObject patch;       // changed top-level fields; null clears a field
    QString status;          // pending, sent, acked, quarantined
    int attempts = 0;
    QString lastError;       // the last failure, in the service's words
    QString errorCode;       // quarantined: the service's stable code ("forbidden", "required", ...)
    QString errorField;      // quarantined: the record field it named ("children[0].seen_alone"), if any
    int retryAnswers = 0;    // times running the service answered "retry" (could not store it)
    QString createdAt;       // when the change was first recorded (UTC, ISO 8601); later edits fold into it
};

/** The outbox: local changes waiting for the service, in device order. Nothing is ever dropped:
 *  a mutation that keeps failing is quarantined with its reason and no longer blocks the others. */
class Outbox
{
public:
    explicit Outbox(Database &db) : m_db(db) {}

    /** Appends a mutation for a local change, or, when the newest mutation in the outbox is this
     *  record's and not yet sent, folds the change into it (repeated saves of one form become one
     *  mutation; device order across records is kept). A quarantined change of the record goes
     *  with it: its fields, at their values now, join the new mutation, so fixing a refused record
     *  sends what was refused too (under a new mutation id, which the service has not answered).
     *  Called by RecordRepository inside the save's transaction, after the record is written. */
    Result<QString> enqueue(const QString &recordId, const QString &type, qint64 baseRev, const QJsonObject &patch);

    /** Mutations still to push (pending, and sent without an answer yet), oldest first; with
     *  `afterSeq`, only those queued after it (a pipelined push takes the next batch before the
     *  previous one is answered). */
    Result<QList<OutboxEntry>> pending(int limit = 100, qint64 afterSeq = -1);
    /** How many mutations pending() would return without a limit (counted, not read). */
    Result<int> pendingCount();
    Result<QList<OutboxEntry>> quarantined();
    Result<OutboxEntry> byMutationId(const QString &mutationId);
    /** How many changes are not yet on the service (pending + sent + quarantined). */
    Result<int> unsyncedCount();
    /** Whether the record has changes not yet acknowledged by the service. */
    Result<bool> hasUnsynced(const QString &recordId);

    Result<void> markSent(const QStringList &mutationIds);
    /** The service applied the mutation at `newRev`: the record's service copy (base) gets the
     *  patch and the new revision, and later unsent mutations of the record are based on it. */
    Result<void> markAcked(const QString &mutationId, qint64 newRev);
    /** markAcked for a push batch whose answers are applied in the caller's open transaction (any
     *  error fails the batch, which the caller rolls back): `sent` is the entry as it was pushed
     *  (a sent mutation is never changed, so its row is not read again), no savepoint per answer,
     *  and the statements of this Outbox and of `records` reused across the batch. True when it was
     *  acknowledged now, false when it already was (a repeated answer changes nothing). */
    Result<bool> markSentAcked(const OutboxEntry &sent, qint64 newRev, RecordRepository &records);
    /** The service answered but could not store it ("retry"): back to pending, counted in
     *  retry_answers, the reason kept for the UI. */
    Result<void> markFailed(const QString &mutationId, const QString &reason);
    /** A permanent failure: kept with the service's reason, code and field, skipped by pending(). */
    Result<void> quarantine(const QString &mutationId, const QString &reason, const QString &code = {},
                            const QString &field = {});
    /** Deletes acknowledged mutations (their patches hold record content the service now has;
     *  the audit log, not the outbox, is the history). Returns how many were removed. */
    Result<int> pruneAcked();
    /** Settled without the service applying it (it became an amendment): no longer pending, and the
     *  record's base is untouched. */
    Result<void> supersede(const QString &mutationId, const QString &reason);
    /** A person asked to send a quarantined mutation again (the situation that refused it has
     *  changed, e.g. the child is allocated to them again). The service keeps its answer to every
     *  mutation id, so the same id would only be refused again: the change goes under a new id,
     *  with the record's values now for its fields, based on the record's revision now, in its
     *  place in device order. Returns the new mutation id. */
    Result<QString> requeue(const QString &mutationId);
    /** A person's later decision replaces what unsent mutations of the record say about `field`:
     *  the field leaves their patches, and a patch left empty is superseded. Sent ones are kept
     *  (the service may already have applied them). */
    Result<void> withdrawField(const QString &recordId, const QString &field);

private:
    Database &m_db;
    // Statements prepared once per Outbox object and reused: applying a push batch acknowledges
    // hundreds of mutations through one Outbox, and preparing was a tenth of that work.
    enum Cached { ByMutationId, Ack, Rebase, Sent, Known, HasUnsynced, CachedCount };
    std::array<std::optional<Statement>, CachedCount> m_cached;
    Statement &cached(Cached slot, const char *sql);
    Result<QList<OutboxEntry>> list(const char *sql, qint64 limit);
    /** The record's mutations in `status`, in device order. */
    Result<QList<OutboxEntry>> ofRecord(const QString &recordId, const char *status);
    Result<QList<OutboxEntry>> readAll(Statement &st);
    Result<bool> acknowledge(const OutboxEntry &entry, qint64 newRev, RecordRepository &records);
    Result<void> setStatus(const QString &mutationId, const char *sql, const QString &reason, const QString &action);
};

} // namespace doorstep
