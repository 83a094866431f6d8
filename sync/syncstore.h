// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "core/store/decisionqueue.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <future>

namespace doorstep::sync {

using doorstep::OutboxEntry;
using doorstep::QueuedDecision;

/** The service's answer to one queued review decision. */
struct DecisionOutcome {
    QString status;       // accepted, conflict, refused
    QString errorCode;    // the service's code when not accepted
    QString error;        // its message, for the manager
    qint64 rev = 0;       // the record's revision the service reported
    QJsonObject record;   // the service's copy of the record at `rev`, when it sent one
};

/** A pulled page's records prepared off the store thread, one per change in page order (an empty
 *  entry for a deleted one); not valid when nothing was prepared. */
using PreparedPage = std::shared_future<QList<PreparedRecord>>;

/** What a push batch did locally, for progress and status. */
struct PushSummary {
    int applied = 0;
    int merged = 0;
    int conflicts = 0;
    int locked = 0;
    int rejected = 0;
    int deferred = 0; // answered "retry": kept pending, sent again at the next attempt
};

/** What applying one pull page did. */
struct AppliedPage {
    int applied = 0;          // changes and purges applied
    QStringList childrenLeft;   // names of the children a purge took off this device
    QStringList childrenJoined; // names of the children new to this device after its first sync
};

/**
 * What the sync engine needs from the device's store. Every call is asynchronous (the store works on
 * its own thread) and calls back on the engine's thread. Each apply runs in ONE local transaction:
 * a push batch's answers, or a pull page together with its cursor, so an interrupted sync resumes
 * from the last applied step and never skips or double-applies.
 */
class SyncStore
{
public:
    template <typename T>
    using Done = std::function<void(Result<T>)>;

    virtual ~SyncStore() = default;

    /** Up to `limit` pending (not quarantined) mutations queued after `afterSeq`, in device order,
     *  stopping before the first one whose record is in `busyRecords` (a batch still in flight). */
    virtual void pendingMutations(int limit, qint64 afterSeq, const QSet<QString> &busyRecords,
                                  Done<QList<OutboxEntry>> done) = 0;
    virtual void pendingCount(Done<int> done) = 0;
    /** Applies the service's answers (one per sent mutation, same order). */
    virtual void applyPushResults(const QList<OutboxEntry> &sent, const QJsonArray &results, Done<PushSummary> done) = 0;
    virtual void pullCursor(Done<QString> done) = 0;
    /** Starts preparing a pulled page's records (checking, encoding, search text) away from both
     *  the caller's thread and the store's, so that work overlaps the page before being written. */
    virtual PreparedPage preparePullPage(const QJsonArray & /*changes*/) { return {}; }
    /** Applies a page of changes and purges, the council settings it carries, and stores
     *  nextCursor, atomically. Answers the records applied and the children a purge took off the
     *  device or that came onto it. `prepared`, when valid, is preparePullPage() of the same
     *  changes; `lastPage`: the service has nothing more for now. */
    virtual void applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QJsonObject &council,
                               const QString &nextCursor, const PreparedPage &prepared, bool lastPage, Done<AppliedPage> done) = 0;
    /** Deletes every record, the file and its key (device revoked). */
    virtual void wipe(Done<void> done) = 0;

    // A manager's queued review decisions (replayed after the push, before the pull). Stores
    // without a decision queue have nothing to send.
    /** Up to `limit` decisions waiting to be sent, oldest first. */
    virtual void pendingDecisions(int /*limit*/, Done<QList<QueuedDecision>> done) { done(QList<QueuedDecision>()); }
    /** Records the service's answer and, in the same transaction, applies the record it sent. */
    virtual void settleDecision(const QueuedDecision &decision, const DecisionOutcome &outcome, Done<void> done)
    {
        Q_UNUSED(decision)
        Q_UNUSED(outcome)
        done(Error(ErrorCode::Internal, QStringLiteral("this store has no decision queue")));
    }
};

} // namespace doorstep::sync
