// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "syncapplier.h"

#include "core/dashboard.h"
#include "core/rules.h"
#include "core/store/changerecordingsuspender.h"
#include "core/store/conflictstore.h"
#include "core/store/auditlog.h"
#include "core/store/database.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/syncstate.h"
#include "core/store/transaction.h"
#include "core/wire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

Q_LOGGING_CATEGORY(lcApply, "doorstep.sync.apply")

namespace doorstep::sync {


Result<QList<OutboxEntry>> SyncApplier::takePending(int limit, qint64 afterSeq, const QSet<QString> &busyRecords)
{
    Outbox outbox(m_db);
    auto pending = outbox.pending(limit, afterSeq);
    if (!pending)
        return pending.error();
    // Stop before the first mutation of a record whose earlier mutation is still unanswered: it was
    // based on the revision that answer moves on, and may not overtake it (a "retry" answer).
    // Stopping, not skipping, keeps what is sent a prefix of the outbox in device order.
    QList<OutboxEntry> &entries = pending.value();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (busyRecords.contains(entries[i].recordId)) {
            entries.resize(i);
            break;
        }
    }
    QStringList ids;
    for (const OutboxEntry &e : entries)
        ids << e.mutationId;
    if (!ids.isEmpty()) {
        if (auto sent = outbox.markSent(ids); !sent)
            return sent.error();
    }
    return pending;
}

Result<QString> SyncApplier::pullCursor()
{
    return SyncState(m_db).pullCursor();
}

Result<PushSummary> SyncApplier::applyPushResults(const QList<OutboxEntry> &sent, const QJsonArray &results)
{
    if (results.size() != sent.size())
        return Error(ErrorCode::InvalidInput, QStringLiteral("one answer per mutation expected"));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Outbox outbox(m_db);
    RecordRepository records(m_db);
    PushSummary summary;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const OutboxEntry &entry = sent[i];
        const QJsonObject answer = results[i].toObject();
        const QString kind = answer.value(u"result").toString();
        const qint64 rev = qint64(answer.value(u"rev").toDouble());
        if (kind == QLatin1String("applied")) {
            if (auto r = outbox.markSentAcked(entry, rev, records); !r)
                return r.error();
            summary.applied++;
        } else if (kind == QLatin1String("merged") || kind == QLatin1String("conflict")) {
            const QJsonObject record = answer.value(u"record").toObject();
            if (!record.isEmpty()) {
                // Applied while this mutation is still unacknowledged, so the three-way rebase keeps
                // the local edits and stores any clashing field as a conflict for a person.
                if (auto r = records.applyRemote(record, rev); !r)
                    return r.error();
            }
            if (kind == QLatin1String("conflict")) {
                ConflictStore conflicts(m_db);
                const QJsonObject fields = answer.value(u"fields").toObject();
                for (auto it = fields.begin(); it != fields.end(); ++it) {
                    const QJsonObject f = it.value().toObject();
                    merge::FieldConflict c{it.key(), f.value(u"base"), f.value(u"mine"), f.value(u"theirs")};
                    if (auto r = conflicts.put(entry.recordId, c, rev); !r)
                        return r.error();
                }
                summary.conflicts++;
            } else {
                summary.merged++;
            }
            if (auto r = outbox.markSentAcked(entry, rev, records); !r)
                return r.error();
        } else if (kind == QLatin1String("locked")) {
            if (auto r = convertToAmendment(entry); !r)
                return r.error();
            summary.locked++;
        } else if (kind == QLatin1String("rejected")) {
            const QJsonObject e = answer.value(u"error").toObject();
            const QString reason = answer.value(u"message").toString(e.value(u"message").toString());
            const QString code = answer.value(u"code").toString(e.value(u"code").toString());
            // Kept as the record's own field path ("children[0].seen_alone"), without the
            // request's "mutations[3].patch." around it, so the device can name it in words.
            QString field = answer.value(u"field").toString(e.value(u"field").toString());
            static const QRegularExpression requestPath(QStringLiteral("^mutations\\[\\d+\\]\\.(patch\\.?)?"));
            field.remove(requestPath);
            if (auto r = outbox.quarantine(entry.mutationId, reason, code, field); !r)
                return r.error();
            summary.rejected++;
        } else {
            // "retry": the service could not store this one (and kept the others); any other answer
            // is one this client does not understand (kept for a later client). Either way it is sent
            // again later. A "retry" that comes kRetryAnswersBeforeQuarantine times running waits for
            // a person, so a change the service can never store neither goes round for ever nor holds
            // up the rest.
            const bool understood = kind == QLatin1String("retry");
            const QString reason = understood ? answer.value(u"message").toString() : QStringLiteral("unknown answer from the service");
            if (understood && entry.retryAnswers + 1 >= kRetryAnswersBeforeQuarantine) {
                const QString why = QCoreApplication::translate("doorstep::sync::SyncApplier",
                                                                "The service could not store this change, %1 times running.")
                                        .arg(entry.retryAnswers + 1);
                if (auto r = outbox.quarantine(entry.mutationId, why, QStringLiteral("storage_error"), QString()); !r)
                    return r.error();
                summary.rejected++;
            } else {
                if (auto r = outbox.markFailed(entry.mutationId, reason); !r)
                    return r.error();
                if (understood)
                    summary.deferred++;
            }
        }
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return summary;
}

Result<void> SyncApplier::convertToAmendment(const OutboxEntry &entry)
{
    // The record was approved on the service while this edit waited: approved records are locked,
    // so the edit becomes an amendment (a new record linked to the approved one) that needs approval.
    RecordRepository records(m_db);
    auto current = records.byId(entry.recordId);
    if (!current)
        return current.error();
    QJsonObject amendment = current.value().body;
    amendment.insert(QStringLiteral("id"), wire::newUuid());
    amendment.insert(QStringLiteral("amends"), entry.recordId);
    for (const QString &owned : wire::serviceOwnedFields())
        amendment.remove(owned);
    amendment.insert(QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool submittable = rules::checkSubmission(amendment, now).isEmpty();
    amendment.insert(QStringLiteral("state"), submittable ? QStringLiteral("submitted") : QStringLiteral("draft"));
    if (submittable)
        amendment.insert(QStringLiteral("submitted_at"), now.toString(Qt::ISODate));
    if (auto saved = records.save(amendment); !saved)
        return saved.error();
    // The original edit is settled by the amendment; the approved copy arrives with the next pull.
    return Outbox(m_db).supersede(entry.mutationId, QStringLiteral("became amendment ") + amendment.value(u"id").toString());
}

QList<PreparedRecord> SyncApplier::preparePage(const QJsonArray &changes)
{
    QList<PreparedRecord> prepared;
    prepared.reserve(changes.size());
    for (const QJsonValue &v : changes) {
        const QJsonObject change = v.toObject();
        prepared.append(change.value(u"deleted").toBool() ? PreparedRecord()
                                                          : RecordRepository::prepareRemote(change.value(u"record").toObject()));
    }
    return prepared;
}

Result<int> SyncApplier::applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QString &nextCursor,
                                       const QList<PreparedRecord> *prepared, const QJsonObject &council,
                                       QStringList *childrenLeft, QStringList *childrenJoined, bool lastPage)
{
    if (prepared && prepared->size() != changes.size())
        return Error(ErrorCode::Internal, QStringLiteral("a prepared page must match its changes"));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    RecordRepository records(m_db);
    ConflictStore conflicts(m_db);
    int applied = 0;
    // Records that hold conflict entries, read once per page rather than once per record (a page
    // into an empty device has none).
    QSet<QString> withConflicts;
    {
        Statement st = m_db.prepare("SELECT DISTINCT record_id FROM conflicts");
        for (;;) {
            Result<bool> row = st.step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            withConflicts.insert(st.text(0));
        }
    }
    // Records kept aside earlier (HeldRecords): an updated app tries those its older version held
    // once, before the page, and a page that stores or purges one of them settles it.
    HeldRecords held(m_db);
    if (auto retried = retryHeld(records); !retried)
        return retried.error();
    Result<QSet<QString>> heldIds = held.ids();
    if (!heldIds)
        return heldIds.error();
    QStringList newlyHeld;
    // A device's first pull, however many syncs it takes, brings its whole caseload: nothing is
    // news until it has ended once.
    auto caseloadPulled = SyncState(m_db).get(caseloadPulledKey());
    if (!caseloadPulled)
        return caseloadPulled.error();
    if (!caseloadPulled.value())
        childrenJoined = nullptr;
    auto settleHeld = [&](const QString &id, qint64 rev) -> Result<void> {
        if (!heldIds.value().contains(id))
            return {};
        return held.release(id, rev);
    };
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QJsonObject change = changes.at(i).toObject();
        const QString id = change.value(u"record_id").toString();
        const qint64 rev = qint64(change.value(u"rev").toDouble());
        if (change.value(u"deleted").toBool()) {
            auto gone = records.purge(id, false);
            if (!gone && gone.error().code != ErrorCode::NotFound && gone.error().code != ErrorCode::Conflict)
                return gone.error();
            if (auto s = settleHeld(id, -1); !s)
                return s.error();
            ++applied;
            continue;
        }
        const QJsonObject record = change.value(u"record").toObject();
        // A child new to this device after its first sync has come onto the caseload.
        const bool joining = childrenJoined && record.value(u"type").toString() == QLatin1String("child") && !records.byId(id).ok();
        // No savepoint per record: any storage error fails the whole page, whose transaction rolls
        // back. A record this version cannot store (newer schema, malformed) is refused before
        // anything of it is written; it is held instead, so the page and the ones after it apply.
        auto outcome = prepared ? records.applyRemoteInTransaction(record, rev, prepared->at(i))
                                : records.applyRemoteInTransaction(record, rev);
        if (!outcome && outcome.error().code == ErrorCode::InvalidInput) {
            qCWarning(lcApply) << "held a pulled record this version cannot store:" << outcome.error().field << outcome.error().message;
            if (auto h = held.hold(id, rev, record, outcome.error()); !h)
                return h.error();
            heldIds.value().insert(id);
            newlyHeld << id;
            ++applied;
            continue;
        }
        if (!outcome)
            return Error(outcome.error().code, QStringLiteral("a pulled record could not be stored: ") + outcome.error().message,
                         outcome.error().field);
        if (auto s = settleHeld(id, rev); !s)
            return s.error();
        if (joining)
            *childrenJoined << wire::childKnownAs(record);
        const QJsonObject flagged = change.value(u"conflict").toObject().value(u"fields").toObject();
        if (withConflicts.contains(id)) {
            // Conflicts recorded against an older revision and no longer flagged by the service are
            // settled: the service's copy is the answer (this is how a resolution made on another
            // device reaches this one). Checked per field: a record may still carry other conflicts.
            auto kept = conflicts.forRecord(id);
            if (!kept)
                return kept.error();
            for (const ConflictEntry &c : kept.value()) {
                if (c.theirsRev < rev && !flagged.contains(c.field)) {
                    if (auto r = conflicts.remove(id, c.field); !r)
                        return r.error();
                }
            }
        }
        // The service flags a record whose same field was changed on two devices; every device that
        // holds it shows the conflict until a person resolves it.
        for (auto it = flagged.begin(); it != flagged.end(); ++it) {
            const QJsonObject f = it.value().toObject();
            merge::FieldConflict c{it.key(), f.value(u"base"), f.value(u"mine"), f.value(u"theirs")};
            if (auto r = conflicts.put(id, c, rev); !r)
                return r.error();
        }
        ++applied;
    }
    for (const QJsonValue &v : purges) {
        // Out of this worker's scope now (reallocated). Unsynced edits are kept until they are settled.
        const QString id = v.toString();
        if (childrenLeft) {
            // A child leaving the caseload is named once to the person, before it is gone.
            if (auto held = records.byId(id); held && held.value().type == QLatin1String("child"))
                *childrenLeft << wire::childKnownAs(held.value().body);
        }
        auto gone = records.purge(id, false);
        if (!gone && gone.error().code != ErrorCode::NotFound) {
            if (gone.error().code != ErrorCode::Conflict)
                return gone.error();
            qCInfo(lcApply) << "purge deferred: record has unsynced changes";
        }
        if (auto s = settleHeld(id, -1); !s)
            return s.error();
        ++applied;
    }
    if (!newlyHeld.isEmpty()) {
        if (auto a = AuditLog(m_db).appendMany(QStringLiteral("record.held"), newlyHeld); !a)
            return a.error();
    }
    // The page's "record.received" audit events, in one pass over the chain, before the cursor moves.
    if (auto f = records.flushReceived(); !f)
        return f.error();
    // The council's visit policy: due dates on this device follow it (an older service sends none;
    // one this client cannot read is left as it was rather than guessed at).
    if (const QJsonValue policy = council.value(u"visit_policy"); policy.isObject()) {
        if (auto parsed = VisitPolicy::fromJson(policy.toObject())) {
            if (auto s = SyncState(m_db).setVisitPolicy(parsed.value()); !s)
                return s.error();
        } else {
            qCWarning(lcApply) << "the service's visit policy was not understood; kept the one before";
        }
    }
    if (const QJsonValue standard = council.value(u"recording_standard_working_days"); standard.isDouble()) {
        const int days = standard.toInt(-1);
        if (RecordingStandard::isValid(days)) {
            if (auto s = SyncState(m_db).set(QLatin1String(SyncState::kRecordingStandard), QString::number(days)); !s)
                return s.error();
        }
    }
    if (auto s = SyncState(m_db).setPullCursor(nextCursor); !s)
        return s.error();
    if (lastPage && !caseloadPulled.value()) {
        if (auto s = SyncState(m_db).set(caseloadPulledKey(), QStringLiteral("1")); !s)
            return s.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return applied;
}

Result<void> SyncApplier::retryHeld(RecordRepository &records)
{
    HeldRecords held(m_db);
    auto older = held.heldBeforeThisVersion();
    if (!older)
        return older.error();
    for (const HeldRecord &h : older.value()) {
        // In revision order, and before the page: the page may carry a later revision of the same record.
        auto outcome = records.applyRemoteInTransaction(h.body, h.rev);
        if (!outcome && outcome.error().code == ErrorCode::InvalidInput) {
            if (auto m = held.markTried(h.recordId, outcome.error()); !m)
                return m;
            continue;
        }
        if (!outcome)
            return outcome.error();
        qCInfo(lcApply) << "stored a record an earlier version had held";
        if (auto r = held.release(h.recordId); !r)
            return r;
    }
    return {};
}

Result<void> SyncApplier::resolveConflict(const QString &recordId, const QString &field, const QJsonValue &chosen)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    RecordRepository records(m_db);
    ConflictStore conflicts(m_db);
    auto held = conflicts.forRecord(recordId);
    if (!held)
        return held.error();
    const auto entry = std::find_if(held.value().begin(), held.value().end(), [&](const ConflictEntry &c) { return c.field == field; });
    if (entry == held.value().end())
        return Error(ErrorCode::NotFound, QStringLiteral("There is no conflict on that field any more."), field);
    auto current = records.byId(recordId);
    if (!current)
        return current.error();
    QJsonObject body = current.value().body;
    body.insert(field, chosen);
    {
        // Queued below as one mutation of its own, not as an ordinary edit.
        ChangeRecordingSuspender quiet(m_db);
        if (auto saved = records.save(body); !saved)
            return saved.error();
    }
    Outbox outbox(m_db);
    // The decision replaces whatever unsent edits said about the field, and is based on the
    // revision whose value the person saw as "theirs": the service then knows the conflict was
    // seen (and settles its flag), and a change made there since is a new conflict, not overwritten.
    if (auto w = outbox.withdrawField(recordId, field); !w)
        return w.error();
    const qint64 base = std::max(current.value().rev, entry->theirsRev);
    if (auto queued = outbox.enqueue(recordId, current.value().type, base, QJsonObject{{field, chosen}}); !queued)
        return queued.error();
    if (auto removed = conflicts.remove(recordId, field); !removed)
        return removed.error();
    return tx.commit();
}

} // namespace doorstep::sync
