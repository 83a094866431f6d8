// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "outbox.h"

#include "auditlog.h"
#include "core/wire.h"
#include "database.h"
#include "recordrepository.h"
#include "transaction.h"

#include <QDateTime>

namespace doorstep {

namespace {
constexpr const char *kColumns = "seq, mutation_id, record_id, type, base_rev, patch, status, attempts, last_error, "
                                 "error_code, error_field, retry_answers, created_at";

OutboxEntry readEntry(const Statement &st)
{
    OutboxEntry e;
    e.seq = st.int64(0);
    e.mutationId = st.text(1);
    e.recordId = st.text(2);
    e.type = st.text(3);
    e.baseRev = st.int64(4);
    Result<QJsonObject> patch = wire::parseObject(st.bytes(5));
    e.patch = patch ? patch.value() : QJsonObject();
    e.status = st.text(6);
    e.attempts = int(st.int64(7));
    e.lastError = st.text(8);
    e.errorCode = st.text(9);
    e.errorField = st.text(10);
    e.retryAnswers = int(st.int64(11));
    e.createdAt = st.text(12);
    return e;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

/** The record's values now for the fields a patch names (absent ones as null, which clears them). */
QJsonObject valuesNow(const QJsonObject &body, const QJsonObject &patch)
{
    QJsonObject out;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue v = body.value(it.key());
        out.insert(it.key(), v.isUndefined() ? QJsonValue(QJsonValue::Null) : v);
    }
    return out;
}
} // namespace

Result<QString> Outbox::enqueue(const QString &recordId, const QString &type, qint64 baseRev, const QJsonObject &change)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QJsonObject patch = change;
    {
        // A refused change of this record (the worker is fixing it): its fields go with this one.
        Result<QList<OutboxEntry>> refused = ofRecord(recordId, "quarantined");
        if (!refused)
            return refused.error();
        Result<StoredRecord> record = refused->isEmpty() ? Result<StoredRecord>(StoredRecord()) : RecordRepository(m_db).byId(recordId);
        if (!record)
            return record.error();
        for (const OutboxEntry &e : std::as_const(refused.value())) {
            const QJsonObject now = valuesNow(record->body, e.patch);
            for (auto it = now.begin(); it != now.end(); ++it) {
                if (!patch.contains(it.key()))
                    patch.insert(it.key(), it.value());
            }
            if (Result<void> r = supersede(e.mutationId, QStringLiteral("sent again with a later edit")); !r)
                return r.error();
        }
    }
    // Only the newest mutation of the whole outbox is folded into: folding into an older one
    // would move this change ahead of other records' changes made before it (device order).
    Statement existing = m_db.prepare("SELECT seq, mutation_id, patch FROM outbox "
                                      "WHERE record_id = ?1 AND status = 'pending' AND base_rev = ?2 "
                                      "AND seq = (SELECT max(seq) FROM outbox)");
    // A different base (a conflict resolution is based on the revision that raised it) keeps its
    // own mutation, so the service merges each against what its writer saw.
    existing.bind(1, recordId).bind(2, baseRev);
    Result<bool> found = existing.step();
    if (!found)
        return found.error();
    QString mutationId;
    if (found.value()) {
        // Not sent yet, so nobody has seen this mutation id: fold the new fields into it.
        mutationId = existing.text(1);
        Result<QJsonObject> old = wire::parseObject(existing.bytes(2));
        QJsonObject merged = old ? old.value() : QJsonObject();
        for (auto it = patch.begin(); it != patch.end(); ++it)
            merged.insert(it.key(), it.value());
        Statement upd = m_db.prepare("UPDATE outbox SET patch = ?1 WHERE seq = ?2");
        upd.bind(1, wire::encode(merged)).bind(2, existing.int64(0));
        if (Result<void> r = upd.exec(); !r)
            return r.error();
    } else {
        mutationId = wire::newUuid();
        Statement ins = m_db.prepare("INSERT INTO outbox(mutation_id, record_id, type, base_rev, patch, created_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        ins.bind(1, mutationId).bind(2, recordId).bind(3, type).bind(4, baseRev).bind(5, wire::encode(patch)).bind(6, now());
        if (Result<void> r = ins.exec(); !r)
            return r.error();
    }
    if (Result<void> r = tx.commit(); !r)
        return r.error();
    return mutationId;
}

Result<QList<OutboxEntry>> Outbox::ofRecord(const QString &recordId, const char *status)
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM outbox WHERE record_id = ?1 AND status = ?2 ORDER BY seq";
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, recordId).bind(2, status);
    return readAll(st);
}

Result<QList<OutboxEntry>> Outbox::list(const char *sql, qint64 limit)
{
    Statement st = m_db.prepare(sql);
    st.bind(1, limit);
    return readAll(st);
}

Result<QList<OutboxEntry>> Outbox::readAll(Statement &st)
{
    QList<OutboxEntry> out;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            return out;
        out.append(readEntry(st));
    }
}

Result<QList<OutboxEntry>> Outbox::pending(int limit, qint64 afterSeq)
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns +
                                  " FROM outbox WHERE status IN ('pending', 'sent') AND seq > ?2 ORDER BY seq LIMIT ?1";
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, qint64(limit)).bind(2, afterSeq);
    return readAll(st);
}

Result<int> Outbox::pendingCount()
{
    Result<QString> r = m_db.queryText("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sent')");
    if (!r)
        return r.error();
    return r.value().toInt();
}

Statement &Outbox::cached(Cached slot, const char *sql)
{
    std::optional<Statement> &st = m_cached[slot];
    if (!st)
        st.emplace(m_db.prepare(sql));
    st->reset();
    return *st;
}

Result<QList<OutboxEntry>> Outbox::quarantined()
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns +
                                  " FROM outbox WHERE status = 'quarantined' ORDER BY seq LIMIT ?1";
    return list(sql.constData(), 100000);
}

Result<OutboxEntry> Outbox::byMutationId(const QString &mutationId)
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM outbox WHERE mutation_id = ?2 LIMIT ?1";
    Statement &q = cached(ByMutationId, sql.constData());
    q.bind(1, qint64(1)).bind(2, mutationId);
    Result<bool> r = q.step();
    if (!r)
        return r.error();
    if (!r.value())
        return Error(ErrorCode::NotFound, QStringLiteral("no such mutation"));
    OutboxEntry e = readEntry(q);
    q.reset(); // a cached statement must not stay open on its row
    return e;
}

Result<int> Outbox::unsyncedCount()
{
    Result<QString> r = m_db.queryText("SELECT count(*) FROM outbox WHERE status != 'acked'");
    if (!r)
        return r.error();
    return r.value().toInt();
}

Result<bool> Outbox::hasUnsynced(const QString &recordId)
{
    Statement &st = cached(HasUnsynced, "SELECT 1 FROM outbox WHERE record_id = ?1 AND status != 'acked' LIMIT 1");
    st.bind(1, recordId);
    Result<bool> found = st.step();
    st.reset(); // a cached statement must not stay open on its row
    return found;
}

Result<void> Outbox::markSent(const QStringList &mutationIds)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Statement &st = cached(Sent, "UPDATE outbox SET status = 'sent', attempts = attempts + 1 "
                                 "WHERE mutation_id = ?1 AND status IN ('pending', 'sent')");
    for (const QString &id : mutationIds) {
        st.reset();
        st.bind(1, id);
        if (Result<void> r = st.exec(); !r)
            return r;
    }
    return tx.commit();
}

Result<void> Outbox::markAcked(const QString &mutationId, qint64 newRev)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<OutboxEntry> entry = byMutationId(mutationId);
    if (!entry)
        return entry.error();
    if (entry->status == QLatin1String("acked"))
        return {}; // a repeated answer (a retried push) changes nothing
    RecordRepository records(m_db);
    if (Result<bool> r = acknowledge(entry.value(), newRev, records); !r)
        return r.error();
    return tx.commit();
}

Result<bool> Outbox::markSentAcked(const OutboxEntry &sent, qint64 newRev, RecordRepository &records)
{
    if (!m_db.inTransaction())
        return Error(ErrorCode::Internal, QStringLiteral("markSentAcked needs an open transaction"));
    return acknowledge(sent, newRev, records);
}

Result<bool> Outbox::acknowledge(const OutboxEntry &entry, qint64 newRev, RecordRepository &records)
{
    // The status condition makes a repeated answer (a retried push) change nothing, without
    // reading the row first.
    Statement &upd = cached(Ack, "UPDATE outbox SET status = 'acked', acked_rev = ?2, last_error = NULL "
                                 "WHERE mutation_id = ?1 AND status != 'acked'");
    upd.bind(1, entry.mutationId).bind(2, newRev);
    if (Result<void> r = upd.exec(); !r)
        return r.error();
    if (m_db.changes() == 0) {
        Statement &known = cached(Known, "SELECT 1 FROM outbox WHERE mutation_id = ?1");
        known.bind(1, entry.mutationId);
        Result<bool> found = known.step();
        known.reset();
        if (!found)
            return found.error();
        if (!found.value())
            return Error(ErrorCode::NotFound, QStringLiteral("no such mutation"));
        return false; // already acknowledged
    }

    if (Result<void> r = records.acknowledge(entry.recordId, entry.patch, newRev); !r)
        return r.error();
    // Later unsent mutations of the record were made on top of this one: base them on newRev.
    Statement &rebase = cached(Rebase, "UPDATE outbox SET base_rev = ?2 WHERE record_id = ?1 AND status = 'pending' AND base_rev < ?2");
    rebase.bind(1, entry.recordId).bind(2, newRev);
    if (Result<void> r = rebase.exec(); !r)
        return r.error();
    return true;
}

Result<int> Outbox::pruneAcked()
{
    if (Result<void> r = m_db.exec("DELETE FROM outbox WHERE status = 'acked'"); !r)
        return r.error();
    return m_db.changes();
}

Result<void> Outbox::setStatus(const QString &mutationId, const char *sql, const QString &reason, const QString &action)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<OutboxEntry> entry = byMutationId(mutationId);
    if (!entry)
        return entry.error();
    Statement st = m_db.prepare(sql);
    st.bind(1, mutationId).bind(2, reason);
    if (Result<void> r = st.exec(); !r)
        return r;
    if (!action.isEmpty()) {
        if (Result<void> r = AuditLog(m_db).append(action, entry->recordId); !r)
            return r;
    }
    return tx.commit();
}

Result<void> Outbox::markFailed(const QString &mutationId, const QString &reason)
{
    return setStatus(mutationId,
                     "UPDATE outbox SET status = 'pending', last_error = ?2, retry_answers = retry_answers + 1"
                     " WHERE mutation_id = ?1 AND status IN ('pending', 'sent')",
                     reason, {});
}

Result<void> Outbox::quarantine(const QString &mutationId, const QString &reason, const QString &code, const QString &field)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (Result<void> r = setStatus(mutationId,
                                   "UPDATE outbox SET status = 'quarantined', last_error = ?2 WHERE mutation_id = ?1 AND status != 'acked'",
                                   reason, QStringLiteral("outbox.quarantined"));
        !r)
        return r;
    Statement st = m_db.prepare("UPDATE outbox SET error_code = ?2, error_field = ?3 WHERE mutation_id = ?1 AND status = 'quarantined'");
    auto orNone = [](const QString &s) { return s.isEmpty() ? std::nullopt : std::optional<QString>(s); };
    st.bind(1, mutationId).bind(2, orNone(code)).bind(3, orNone(field));
    if (Result<void> r = st.exec(); !r)
        return r;
    return tx.commit();
}

Result<void> Outbox::supersede(const QString &mutationId, const QString &reason)
{
    // Settled without the service applying it (e.g. turned into an amendment): acknowledged, but the
    // record's base and revision are left alone because the service never took this patch.
    return setStatus(mutationId,
                     "UPDATE outbox SET status = 'acked', last_error = ?2 WHERE mutation_id = ?1 AND status != 'acked'",
                     reason, QStringLiteral("outbox.superseded"));
}

Result<void> Outbox::withdrawField(const QString &recordId, const QString &field)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<QList<OutboxEntry>> pending = ofRecord(recordId, "pending");
    if (!pending)
        return pending.error();
    QList<QPair<QString, QJsonObject>> changed;
    for (const OutboxEntry &e : std::as_const(pending.value())) {
        if (e.patch.contains(field)) {
            QJsonObject rest = e.patch;
            rest.remove(field);
            changed.append({e.mutationId, rest});
        }
    }
    for (const auto &[mutationId, rest] : std::as_const(changed)) {
        if (rest.isEmpty()) {
            if (Result<void> r = supersede(mutationId, QStringLiteral("replaced by a conflict resolution")); !r)
                return r.error();
            continue;
        }
        Statement upd = m_db.prepare("UPDATE outbox SET patch = ?1 WHERE mutation_id = ?2 AND status = 'pending'");
        upd.bind(1, wire::encode(rest)).bind(2, mutationId);
        if (Result<void> r = upd.exec(); !r)
            return r.error();
    }
    return tx.commit();
}


Result<QString> Outbox::requeue(const QString &mutationId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<OutboxEntry> entry = byMutationId(mutationId);
    if (!entry)
        return entry.error();
    if (entry->status != QLatin1String("quarantined"))
        return Error(ErrorCode::Conflict, QStringLiteral("this change is not waiting to be sent again"));
    Result<StoredRecord> record = RecordRepository(m_db).byId(entry->recordId);
    if (!record)
        return record.error();
    const QJsonObject patch = valuesNow(record->body, entry->patch);
    const QString freshId = wire::newUuid();
    Statement st = m_db.prepare("UPDATE outbox SET mutation_id = ?2, base_rev = ?3, patch = ?4, status = 'pending', attempts = 0,"
                                " last_error = NULL, error_code = NULL, error_field = NULL, retry_answers = 0"
                                " WHERE mutation_id = ?1 AND status = 'quarantined'");
    st.bind(1, mutationId).bind(2, freshId).bind(3, record->rev).bind(4, wire::encode(patch));
    if (Result<void> r = st.exec(); !r)
        return r.error();
    if (Result<void> r = AuditLog(m_db).append(QStringLiteral("outbox.requeued"), entry->recordId); !r)
        return r.error();
    if (Result<void> r = tx.commit(); !r)
        return r.error();
    return freshId;
}

} // namespace doorstep
