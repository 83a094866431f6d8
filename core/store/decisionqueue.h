// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace doorstep {

class Database;

/** A manager's approve/return decision taken on this device, as sent to the service
 *  (`POST /api/v1/reviews/{record_id}` with decision, rationale, seen_rev and decision_id). */
struct QueuedDecision {
    qint64 seq = 0;          // device order
    QString decisionId;      // UUID made here; the service's idempotency key (a replay decides nothing twice)
    QString recordId;
    QString decision;        // approve, return
    QString rationale;
    qint64 seenRev = 0;      // the revision the manager read
    QString createdAt;
    QString status;          // see DecisionQueue
    QString errorCode;       // the service's code: conflict, forbidden, own_record, not_found, ...
    QString error;           // the service's message, for the manager
    int attempts = 0;
    qint64 currentRev = 0;   // accepted: the record's revision after the decision; conflict: the service's revision
    QString updatedAt;
};

/**
 * Decisions waiting for the service, and what became of them. Statuses:
 * `pending` (to send; also after a send whose answer was lost: the same decision_id is sent again),
 * `accepted` (done), `conflict` (the record changed since the manager read it: shown, never retried),
 * `refused` (403/404/422 or not reviewable: kept with the reason, shown, never retried).
 * One open decision per record: deciding again replaces a pending, conflicting or refused one.
 */
class DecisionQueue
{
public:
    explicit DecisionQueue(Database &db) : m_db(db) {}

    /** Queues a decision (rules::checkReviewDecision first: a rationale is always required) and
     *  writes a local audit event; replaces this record's earlier decision unless it was accepted. */
    Result<QueuedDecision> queue(const QString &recordId, const QString &decision, const QString &rationale, qint64 seenRev);

    /** Decisions to send, oldest first. */
    Result<QList<QueuedDecision>> pending(int limit = 100);
    /** Everything not yet accepted (pending, conflict, refused), oldest first: what the manager sees. */
    Result<QList<QueuedDecision>> open();
    /** The newest decision about a record, of any status. */
    Result<std::optional<QueuedDecision>> latestFor(const QString &recordId);
    Result<std::optional<QueuedDecision>> byId(const QString &decisionId);
    /** Decisions not yet sent successfully (pending only). */
    Result<int> pendingCount();

    /** The service answered: accepted (with the record's new revision), conflict or refused. */
    Result<void> settle(const QString &decisionId, const QString &status, const QString &errorCode,
                        const QString &error, qint64 currentRev);
    /** A transient failure: stays pending, attempts counted, the reason kept. */
    Result<void> markFailed(const QString &decisionId, const QString &reason);
    /** The manager dismisses a conflicting or refused decision without deciding again. */
    Result<void> discard(const QString &decisionId);

    static bool isValidStatus(const QString &status);

private:
    Database &m_db;
    Result<QList<QueuedDecision>> list(const char *sql, const QString &arg, qint64 limit);
};

} // namespace doorstep
