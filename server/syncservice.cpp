// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "syncservice.h"

#include "auditlog.h"
#include "councilsettings.h"
#include "core/merge.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

Q_LOGGING_CATEGORY(lcSync, "doorstep.server.sync")

namespace doorstep::server {

namespace {

const QString kState = QStringLiteral("state");

QJsonObject rejected(const QString &code, const QString &message, const QString &field = {})
{
    return {{QStringLiteral("result"), QStringLiteral("rejected")},
            {QStringLiteral("code"), code},
            {QStringLiteral("message"), message},
            {QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)}};
}

QJsonValue orNull(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

struct Allocation {
    bool exists = false;
    QString workerId;
    QString teamId;
};

Result<Allocation> allocationOf(QSqlDatabase &tx, const QString &childId)
{
    auto q = Database::exec(tx, QStringLiteral("SELECT worker_id, team_id FROM allocations WHERE child_id = ?"), {childId});
    if (!q)
        return q.error();
    Allocation a;
    if (q.value().next()) {
        a.exists = true;
        a.workerId = q.value().value(0).toString();
        a.teamId = q.value().value(1).toString();
    }
    return a;
}

// Hand-over (docs/sync-protocol.md): `workerId` held `childId` when the change was recorded on
// their tablet (`recordedAt`, normalised), and the window after the reallocation is still open.
Result<bool> heldWhenRecorded(QSqlDatabase &tx, const QString &childId, const QString &workerId, const QString &recordedAt)
{
    if (recordedAt.isEmpty())
        return false;
    auto q = Database::exec(tx, QStringLiteral("SELECT 1 FROM allocation_history WHERE child_id = ? AND worker_id = ?"
                                               " AND from_at <= ? AND until_at > ? AND handover_until > ?"),
                            {childId, workerId, recordedAt, recordedAt, nowIso()});
    if (!q)
        return q.error();
    return q.value().next();
}

// When the device says the change was made, as stored times are written; a time still to come is
// taken as now. Empty when the device did not say (an older client).
QString recordedAtOf(const QJsonObject &mutation)
{
    const QDateTime at = QDateTime::fromString(mutation.value(QLatin1String("recorded_at")).toString(), Qt::ISODate);
    if (!at.isValid())
        return {};
    return std::min(at.toUTC(), QDateTime::currentDateTimeUtc()).toString(Qt::ISODateWithMs);
}

} // namespace

// Read once per push request: the records it names (locked) and the allocations of the children
// its patches name. A record is taken out when a mutation uses it (the next mutation of the same
// record reads the database, which holds that write); allocations are dropped after a rollback.
struct SyncService::PushCache {
    QHash<QString, StoredRecord> records;
    QHash<QString, Allocation> allocations;
    // Batched: record writes are gathered in `pending` and written with one statement per table
    // (flushed before anything reads those tables), mutation answers in `answers`, and no
    // savepoints. `wroteNow` says the current mutation wrote outside `pending` (an allocation).
    bool batched = false;
    bool wroteNow = false;
    RecordStore::Pending pending;
    QJsonArray answers;
};

namespace {

// The service could not store this mutation (its savepoint was rolled back): not a decision, so
// it is not stored under the mutation id; the device keeps the mutation and sends it again.
QJsonObject retryAnswer()
{
    return {{QStringLiteral("result"), QStringLiteral("retry")},
            {QStringLiteral("code"), QStringLiteral("storage_error")},
            {QStringLiteral("message"), QStringLiteral("The service could not store this change; it will be sent again.")}};
}

} // namespace

SyncService::SyncService(const Database &database)
    : m_db(database), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

QString SyncService::encodeCursor(const QString &xid, qint64 seq)
{
    return QString::fromLatin1(QStringLiteral("v1:%1:%2").arg(xid).arg(seq).toLatin1().toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool SyncService::decodeCursor(const QString &cursor, QString *xid, qint64 *seq)
{
    if (cursor.size() > 100)
        return false;
    auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 3 || parts[0] != "v1")
        return false;
    bool ok1 = false, ok2 = false;
    const qulonglong x = parts[1].toULongLong(&ok1);
    const qlonglong s = parts[2].toLongLong(&ok2);
    if (!ok1 || !ok2 || s < 0)
        return false;
    *xid = QString::number(x);
    *seq = s;
    return true;
}

ApiResponse SyncService::push(const AuthContext &ctx, const QJsonObject &body)
{
    if (ctx.isAdmin())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Administrators do not hold case records."));
    const QJsonValue mv = body.value(QLatin1String("mutations"));
    if (!mv.isArray())
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("mutations must be an array"), QStringLiteral("mutations"));
    const QJsonArray mutations = mv.toArray();
    if (mutations.size() > kMaxMutations)
        return ApiResponse::error(413, QStringLiteral("too_many_mutations"),
                                  QStringLiteral("At most %1 mutations per push").arg(kMaxMutations), QStringLiteral("mutations"));
    QJsonArray results;
    QStringList mids;
    for (int i = 0; i < mutations.size(); ++i) {
        if (!mutations[i].isObject())
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("each mutation must be an object"),
                                      QStringLiteral("mutations[%1]").arg(i));
        const QJsonObject m = mutations[i].toObject();
        const QString mid = m.value(QLatin1String("mutation_id")).toString();
        if (!wire::isValidUuid(mid))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("mutation_id must be a UUID"),
                                      QStringLiteral("mutations[%1].mutation_id").arg(i));
        // Structural faults are the client's bug, not the record's: refuse the whole request.
        const QString prefix = QStringLiteral("mutations[%1].").arg(i);
        if (!wire::isValidUuid(m.value(QLatin1String("record_id")).toString()))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("record_id must be a UUID"), prefix + QStringLiteral("record_id"));
        if (!recordTypeFromName(m.value(QLatin1String("type")).toString()))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("unknown record type"), prefix + QStringLiteral("type"));
        const QJsonValue br = m.value(QLatin1String("base_rev"));
        if (!br.isDouble() || br.toDouble() < 0 || br.toDouble() > 1e9 || br.toDouble() != double(br.toInt()))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("base_rev must be a non-negative integer"), prefix + QStringLiteral("base_rev"));
        const QString op = m.value(QLatin1String("op")).toString(QStringLiteral("upsert"));
        if (op != QLatin1String("upsert") && op != QLatin1String("delete"))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("op must be upsert or delete"), prefix + QStringLiteral("op"));
        if (op == QLatin1String("upsert") && !m.value(QLatin1String("patch")).isObject())
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("patch must be an object"), prefix + QStringLiteral("patch"));
        for (auto it = m.begin(); it != m.end(); ++it) {
            static const QStringList known{QStringLiteral("mutation_id"), QStringLiteral("record_id"), QStringLiteral("type"),
                                           QStringLiteral("base_rev"), QStringLiteral("patch"), QStringLiteral("op"),
                                           QStringLiteral("recorded_at")};
            if (!known.contains(it.key()))
                return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("unknown field"), prefix + it.key());
        }
        if (const QJsonValue at = m.value(QLatin1String("recorded_at"));
            !at.isUndefined() && (!at.isString() || at.toString().size() > 40 || !QDateTime::fromString(at.toString(), Qt::ISODate).isValid()))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("recorded_at must be an ISO 8601 time"),
                                      prefix + QStringLiteral("recorded_at"));
        mids.append(mid);
    }
    if (mutations.isEmpty())
        return ApiResponse::ok({{QStringLiteral("results"), results}});

    // ONE transaction for the request (not one per mutation), and the audit entries appended
    // together at the end under one take of the chain lock. First batched: no savepoints, the
    // request's writes gathered into one multi-row statement per table (about 12 statements a
    // request instead of ~9 per mutation). Should any statement fail, the transaction is rolled
    // back and the request runs again the careful way, a savepoint per mutation, so one mutation
    // the service cannot store is answered `retry` and the others are kept.
    const bool pg = m_db.isPostgres();
    bool batched = true;
    bool fallBack = false;
    auto work = [&](QSqlDatabase &tx) -> Result<void> {
        results = QJsonArray();
        QList<AuditLog::Event> audit;
        // Idempotency first: a replayed mutation gets its stored first answer and writes nothing.
        QHash<QString, QJsonObject> answered;
        {
            // On PostgreSQL each id of the request probes the primary key (device_id, mutation_id)
            // once (a LATERAL subquery the planner may not flatten, OFFSET 0). Written as
            // `mutation_id IN (SELECT json_array_elements_text(…))` the planner could walk every
            // stored answer of the device, re-reading the id list for each (it did, with the
            // device's row count underestimated): a cost that grew with the device's history.
            const QString ids = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(mids)).toJson(QJsonDocument::Compact));
            auto seen = pg ? Database::exec(tx, QStringLiteral("SELECT m.mutation_id, m.answer FROM (SELECT json_array_elements_text(CAST(? AS json)) AS id) AS ids"
                                                               " CROSS JOIN LATERAL (SELECT mutation_id, answer FROM mutations"
                                                               " WHERE device_id = ? AND mutation_id = ids.id OFFSET 0) AS m"),
                                            {ids, ctx.deviceId})
                           : Database::exec(tx, QStringLiteral("SELECT mutation_id, answer FROM mutations WHERE device_id = ?"
                                                               " AND mutation_id IN (SELECT value FROM json_each(?))"),
                                            {ctx.deviceId, ids});
            if (!seen)
                return seen.error();
            while (seen.value().next())
                answered.insert(seen.value().value(0).toString(),
                                QJsonDocument::fromJson(seen.value().value(1).toString().toUtf8()).object());
        }
        PushCache cache;
        cache.batched = batched;
        {
            QStringList recordIds, childIds;
            QSet<QString> listed;
            for (const QJsonValue &v : mutations) {
                const QJsonObject m = v.toObject();
                const QString id = m.value(QLatin1String("record_id")).toString();
                if (!listed.contains(id)) {
                    listed.insert(id);
                    recordIds.append(id);
                }
                if (m.value(QLatin1String("type")).toString() == QLatin1String("child"))
                    childIds.append(id);
                childIds += wire::childIdsOf(m.value(QLatin1String("patch")).toObject());
            }
            auto records = RecordStore::loadMany(tx, recordIds, true);
            if (!records)
                return records.error();
            for (const QString &id : recordIds) {
                StoredRecord r = records.value().value(id);
                r.id = id; // absent: exists == false, known without another query
                cache.records.insert(id, r);
            }
            childIds.removeDuplicates();
            if (!childIds.isEmpty()) {
                auto al = Database::exec(tx, pg ? QStringLiteral("SELECT child_id, worker_id, team_id FROM allocations"
                                                                 " WHERE child_id IN (SELECT json_array_elements_text(CAST(? AS json)))")
                                                : QStringLiteral("SELECT child_id, worker_id, team_id FROM allocations"
                                                                 " WHERE child_id IN (SELECT value FROM json_each(?))"),
                                         {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(childIds)).toJson(QJsonDocument::Compact))});
                if (!al)
                    return al.error();
                for (const QString &c : childIds)
                    cache.allocations.insert(c, Allocation{});
                while (al.value().next())
                    cache.allocations.insert(al.value().value(0).toString(),
                                             Allocation{true, al.value().value(1).toString(), al.value().value(2).toString()});
            }
        }
        auto plain = [&](const QString &sql) -> Result<void> {
            QSqlQuery q(tx);
            if (!q.exec(sql))
                return Error(ErrorCode::StorageError, q.lastError().nativeErrorCode());
            return {};
        };
        // A mutation the service could not store is answered "retry" (the device keeps it and sends
        // it again); later mutations of the same record in this request wait with it, so a record's
        // edits are never applied out of order.
        QSet<QString> deferred;
        for (int i = 0; i < mutations.size(); ++i) {
            const QJsonObject m = mutations[i].toObject();
            const QString mid = mids.at(i);
            const QString recordId = m.value(QLatin1String("record_id")).toString();
            QJsonObject answer;
            if (answered.contains(mid)) {
                answer = answered.value(mid); // a replay, or the same id twice in one request
            } else if (deferred.contains(recordId)) {
                answer = retryAnswer();
            } else {
                if (!batched) {
                    if (auto sp = plain(QStringLiteral("SAVEPOINT mutation")); !sp)
                        return sp.error();
                }
                QList<AuditLog::Event> events;
                cache.wroteNow = false;
                auto decided = applyOne(ctx, tx, m, i, &events, &cache);
                std::optional<Error> failure;
                if (!decided) {
                    failure = decided.error();
                } else {
                    answer = decided.value();
                    // A refusal undoes whatever the mutation had written before it was refused.
                    // Batched, it has written nothing (its record write is the last step and
                    // comes only with a decision to keep it), unless it inserted an allocation:
                    // then the request runs again with savepoints.
                    if (answer.value(QLatin1String("result")).toString() == QLatin1String("rejected")) {
                        if (batched && cache.wroteNow) {
                            fallBack = true;
                            return Error(ErrorCode::Internal, QStringLiteral("a refused mutation wrote outside the batch"));
                        }
                        if (!batched) {
                            if (auto back = plain(QStringLiteral("ROLLBACK TO SAVEPOINT mutation")); !back)
                                failure = back.error();
                            cache.allocations.clear(); // it may have inserted one
                        }
                    }
                    if (!failure && batched) {
                        cache.answers.append(QJsonArray{ctx.deviceId, mid, recordId,
                                                        QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)), nowIso()});
                    } else if (!failure) {
                        auto ins = Database::exec(tx, QStringLiteral("INSERT INTO mutations (device_id, mutation_id, record_id, answer, created_at)"
                                                                     " VALUES (?, ?, ?, ?, ?)"),
                                                  {ctx.deviceId, mid, recordId,
                                                   QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)), nowIso()});
                        if (!ins)
                            failure = ins.error();
                    }
                }
                if (failure) {
                    // Contention and a lost connection retry the whole request (Database::transact).
                    if (m_db.shouldRetry(*failure))
                        return *failure;
                    if (batched) {
                        fallBack = true;
                        return *failure;
                    }
                    if (auto back = plain(QStringLiteral("ROLLBACK TO SAVEPOINT mutation")); !back)
                        return back.error();
                    cache.allocations.clear();
                    qCWarning(lcSync) << "push: one mutation could not be stored; answered retry";
                    answer = retryAnswer();
                    deferred.insert(recordId);
                    events.clear();
                } else {
                    answered.insert(mid, answer);
                }
                if (!batched) {
                    if (auto rel = plain(QStringLiteral("RELEASE SAVEPOINT mutation")); !rel)
                        return rel.error();
                }
                audit += events;
            }
            answer.insert(QStringLiteral("mutation_id"), mid);
            results.append(answer);
        }
        if (batched) {
            auto flushed = RecordStore::flush(tx, &cache.pending);
            if (flushed)
                flushed = RecordStore::insertRows(tx, QStringLiteral("mutations"),
                                                  {{QStringLiteral("device_id"), {}},
                                                   {QStringLiteral("mutation_id"), {}},
                                                   {QStringLiteral("record_id"), {}},
                                                   {QStringLiteral("answer"), {}},
                                                   {QStringLiteral("created_at"), {}}},
                                                  cache.answers);
            if (!flushed) {
                if (!m_db.shouldRetry(flushed.error()))
                    fallBack = true;
                return flushed.error();
            }
        }
        return AuditLog::appendMany(m_db, tx, audit);
    };
    auto result = m_db.transact(ctx.caller(), work);
    if (!result && fallBack) {
        qCInfo(lcSync) << "push: the batched write failed; storing the request mutation by mutation";
        batched = false;
        fallBack = false;
        result = m_db.transact(ctx.caller(), work);
    }
    if (!result) {
        qCWarning(lcSync) << "push failed:" << errorCodeName(result.error().code);
        ApiResponse r = ApiResponse::fromError(result.error().code == ErrorCode::Timeout ? result.error()
                                                                                          : Error(ErrorCode::StorageError, QString()));
        if (result.error().code == ErrorCode::Timeout)
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")});
        return r;
    }
    return ApiResponse::ok({{QStringLiteral("results"), results}});
}

Result<QJsonObject> SyncService::applyOne(const AuthContext &ctx, QSqlDatabase &tx, const QJsonObject &m, int index,
                                          QList<AuditLog::Event> *audit, PushCache *cache)
{
    auto allocationOf = [&](QSqlDatabase &db, const QString &childId) -> Result<Allocation> {
        if (const auto it = cache->allocations.constFind(childId); it != cache->allocations.constEnd())
            return it.value();
        auto a = doorstep::server::allocationOf(db, childId);
        if (a)
            cache->allocations.insert(childId, a.value());
        return a;
    };
    const QString mutationId = m.value(QLatin1String("mutation_id")).toString();
    const QString recordId = m.value(QLatin1String("record_id")).toString();
    const QString typeName = m.value(QLatin1String("type")).toString();
    const QString op = m.value(QLatin1String("op")).toString(QStringLiteral("upsert"));
    const QJsonValue baseRevValue = m.value(QLatin1String("base_rev"));
    const QJsonValue patchValue = m.value(QLatin1String("patch"));
    const QString prefix = QStringLiteral("mutations[%1].").arg(index);
    // Read only on the hand-over path: most mutations never need it.
    std::optional<QString> recordedAtValue;
    auto recordedAt = [&]() -> const QString & {
        if (!recordedAtValue)
            recordedAtValue = recordedAtOf(m);
        return *recordedAtValue;
    };
    // Taken under the hand-over of a child reallocated from the caller: the record then leaves
    // their tablet (a purge addressed to them) unless another child keeps it in their caseload.
    bool handover = false;
    // Batched, what earlier mutations wrote to records, versions, child links and the change feed
    // is still gathered: written out before any of those tables is read.
    auto settle = [&]() { return RecordStore::flush(tx, &cache->pending); };
    RecordStore::Pending *gather = cache->batched ? &cache->pending : nullptr;

    {
        auto decide = [&]() -> Result<QJsonObject> {
            if (!wire::isValidUuid(recordId))
                return rejected(QStringLiteral("invalid_input"), QStringLiteral("record_id must be a UUID"), prefix + QStringLiteral("record_id"));
            const auto type = recordTypeFromName(typeName);
            if (!type)
                return rejected(QStringLiteral("invalid_input"), QStringLiteral("unknown record type"), prefix + QStringLiteral("type"));
            if (*type == RecordType::Review)
                return rejected(QStringLiteral("forbidden"), QStringLiteral("Reviews are written by the review workflow."), prefix + QStringLiteral("type"));
            if (!baseRevValue.isDouble() || baseRevValue.toDouble() < 0 || baseRevValue.toDouble() != double(baseRevValue.toInt()))
                return rejected(QStringLiteral("invalid_input"), QStringLiteral("base_rev must be a non-negative integer"), prefix + QStringLiteral("base_rev"));
            int baseRev = baseRevValue.toInt();
            if (op != QLatin1String("upsert") && op != QLatin1String("delete"))
                return rejected(QStringLiteral("invalid_input"), QStringLiteral("op must be upsert or delete"), prefix + QStringLiteral("op"));
            if (op == QLatin1String("upsert") && !patchValue.isObject())
                return rejected(QStringLiteral("invalid_input"), QStringLiteral("patch must be an object"), prefix + QStringLiteral("patch"));
            QJsonObject patch = patchValue.toObject();

            Result<StoredRecord> loaded = [&]() -> Result<StoredRecord> {
                if (cache->records.contains(recordId))
                    return cache->records.take(recordId);
                if (auto f = settle(); !f)
                    return f.error();
                return RecordStore::load(m_db, tx, recordId, true);
            }();
            if (!loaded)
                return loaded.error();
            StoredRecord old = loaded.value();
            if (old.exists && old.type != typeName)
                return rejected(QStringLiteral("invalid_input"), QStringLiteral("type does not match the record"), prefix + QStringLiteral("type"));
            if (old.exists && old.deleted)
                return rejected(QStringLiteral("gone"), QStringLiteral("The record was deleted."));

            // Scope: which children the caller may write about.
            auto checkChildren = [&](const QStringList &children, const QStringList &already, QString *team) -> Result<QJsonObject> {
                for (const QString &child : children) {
                    if (already.contains(child))
                        continue;
                    auto a = allocationOf(tx, child);
                    if (!a)
                        return a.error();
                    const Allocation &al = a.value();
                    const bool self = typeName == QLatin1String("child") && child == recordId;
                    if (!al.exists) {
                        if (ctx.isManager() && self && !old.exists) {
                            if (auto ins = Database::exec(tx, QStringLiteral("INSERT INTO allocations (child_id, worker_id, team_id, allocated_at) VALUES (?, NULL, ?, ?)"),
                                                          {child, ctx.teamId, nowIso()});
                                !ins)
                                return ins.error();
                            cache->wroteNow = true;
                            cache->allocations.insert(child, Allocation{true, QString(), ctx.teamId});
                            continue;
                        }
                        return rejected(QStringLiteral("forbidden"), QStringLiteral("This child is not allocated to you."), prefix + QStringLiteral("patch"));
                    }
                    if (ctx.isWorker() && al.workerId != ctx.userId) {
                        // A child's own record (plan, profile) is the new holder's; records about the
                        // child that the caller made while holding it are still theirs to send.
                        auto held = typeName == QLatin1String("child") ? Result<bool>(false) : heldWhenRecorded(tx, child, ctx.userId, recordedAt());
                        if (!held)
                            return held.error();
                        if (!held.value())
                            return rejected(QStringLiteral("forbidden"), QStringLiteral("This child is not allocated to you."), prefix + QStringLiteral("patch"));
                        handover = true;
                    }
                    if (ctx.isManager() && al.teamId != ctx.teamId)
                        return rejected(QStringLiteral("forbidden"), QStringLiteral("This child is not in your team."), prefix + QStringLiteral("patch"));
                    if (team->isEmpty())
                        *team = al.teamId;
                }
                return QJsonObject();
            };

            if (old.exists) {
                // The caller must already see the record.
                bool visible = false;
                if (ctx.isManager()) {
                    visible = old.teamId == ctx.teamId;
                } else {
                    if (auto f = settle(); !f)
                        return f.error();
                    auto q = Database::exec(tx, QStringLiteral("SELECT 1 FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                                                               " WHERE rc.record_id = ? AND a.worker_id = ?"),
                                            {recordId, ctx.userId});
                    if (!q)
                        return q.error();
                    const QStringList children = RecordStore::childrenOf(old.type, old.body, old.id);
                    visible = q.value().next() || (old.authorId == ctx.userId && children.isEmpty());
                    // The caller's own record about a child reallocated from them, changed before
                    // their tablet heard of it.
                    if (!visible && old.authorId == ctx.userId && old.type != QLatin1String("child")) {
                        for (const QString &child : children) {
                            auto held = heldWhenRecorded(tx, child, ctx.userId, recordedAt());
                            if (!held)
                                return held.error();
                            if (held.value()) {
                                visible = handover = true;
                                break;
                            }
                        }
                    }
                }
                if (!visible)
                    return rejected(QStringLiteral("forbidden"), QStringLiteral("This record is outside your caseload."));
                if (old.state == QLatin1String("approved"))
                    return QJsonObject{{QStringLiteral("result"), QStringLiteral("locked")}, {QStringLiteral("rev"), old.rev}};
            }

            if (op == QLatin1String("delete")) {
                if (!old.exists)
                    return rejected(QStringLiteral("not_found"), QStringLiteral("No such record."));
                if (old.authorId != ctx.userId || (old.state != QLatin1String("draft") && !old.state.isEmpty()))
                    return rejected(QStringLiteral("forbidden"), QStringLiteral("Only the author's drafts can be deleted."));
                RecordStore::Write w{old.body, old.teamId, ctx.userId, ctx.deviceId, {}, true, {}};
                auto rev = RecordStore::write(m_db, tx, old, w, gather);
                if (!rev)
                    return rev.error();
                return QJsonObject{{QStringLiteral("result"), QStringLiteral("applied")}, {QStringLiteral("rev"), rev.value()}};
            }

            // Service-owned fields: only state draft/returned -> submitted (or restating the same value).
            QStringList owned = wire::serviceOwnedFields();
            if (!owned.contains(kState))
                owned << kState;
            for (auto it = patch.begin(); it != patch.end(); ++it) {
                if (!owned.contains(it.key()))
                    continue;
                const QJsonValue current = old.exists ? old.body.value(it.key()) : QJsonValue();
                if (it.key() == kState) {
                    const QString to = it.value().toString();
                    const QString from = old.exists ? old.state : QString();
                    const bool ok = to == from
                        || (to == QLatin1String("draft") && !old.exists)
                        || (to == QLatin1String("submitted") && (from.isEmpty() || from == QLatin1String("draft") || from == QLatin1String("returned")));
                    if (!ok)
                        return rejected(QStringLiteral("forbidden_field"), QStringLiteral("The service decides this state."), prefix + QStringLiteral("patch.state"));
                    continue;
                }
                if (it.value() != current && !(it.value().isNull() && current.isUndefined()))
                    return rejected(QStringLiteral("forbidden_field"), QStringLiteral("Only the review workflow sets %1.").arg(it.key()),
                                    prefix + QStringLiteral("patch.") + it.key());
            }
            for (const char *f : {"author", "allocated_worker", "team"}) {
                const QString key = QLatin1String(f);
                if (!patch.contains(key) || !old.exists)
                    continue;
                if (patch.value(key) != old.body.value(key))
                    return rejected(QStringLiteral("forbidden_field"), QStringLiteral("%1 cannot be changed here.").arg(key), prefix + QStringLiteral("patch.") + key);
            }

            QJsonObject newBody;
            QJsonObject answer;
            QJsonObject conflict = old.conflict;
            QStringList conflictFields;
            if (!old.exists) {
                if (baseRev != 0)
                    return rejected(QStringLiteral("not_found"), QStringLiteral("The record does not exist on the service."), prefix + QStringLiteral("base_rev"));
                newBody = patch;
                newBody.insert(QStringLiteral("id"), recordId);
                newBody.insert(QStringLiteral("type"), typeName);
                if (!newBody.contains(QLatin1String("schema")))
                    newBody.insert(QStringLiteral("schema"), wire::kSchemaVersion);
                if (typeName != QLatin1String("child")) {
                    if (newBody.contains(QLatin1String("author")) && newBody.value(QLatin1String("author")).toString() != ctx.userId)
                        return rejected(QStringLiteral("forbidden_field"), QStringLiteral("author must be you."), prefix + QStringLiteral("patch.author"));
                    newBody.insert(QStringLiteral("author"), ctx.userId);
                    if (!newBody.contains(kState))
                        newBody.insert(kState, QStringLiteral("draft"));
                }
                answer = {{QStringLiteral("result"), QStringLiteral("applied")}};
            } else {
                if (auto v = wire::validatePatch(*type, patch); !v)
                    return rejected(QStringLiteral("invalid_input"), v.error().message, prefix + QStringLiteral("patch.") + v.error().field);
                if (baseRev > old.rev)
                    return rejected(QStringLiteral("invalid_input"), QStringLiteral("base_rev is newer than the record"), prefix + QStringLiteral("base_rev"));
                // Two mutations of one record sent in one batch both carry the base revision the
                // device had, but the second was made on top of the first: revisions this device
                // wrote right after its base are already in what it edited, so they are its base
                // (otherwise a device's own create and submit conflict with each other).
                if (baseRev < old.rev && !ctx.deviceId.isEmpty()) {
                    if (auto f = settle(); !f)
                        return f.error();
                    auto own = Database::exec(tx, QStringLiteral("SELECT rev, device_id FROM record_versions WHERE record_id = ? AND rev > ? ORDER BY rev"),
                                              {recordId, baseRev});
                    if (!own)
                        return own.error();
                    while (own.value().next() && own.value().value(0).toInt() == baseRev + 1
                           && own.value().value(1).toString() == ctx.deviceId)
                        baseRev = own.value().value(0).toInt();
                }
                // A written field settles its conflict flag only when the writer had seen the
                // flag (its base is the revision that raised it, or later): a write made before
                // the conflict was known must not clear it unseen.
                auto settleSeenFlags = [&]() {
                    for (auto it = patch.begin(); it != patch.end(); ++it) {
                        const QJsonValue flagRev = conflict.value(it.key()).toObject().value(QLatin1String("rev"));
                        if (!conflictFields.contains(it.key()) && (flagRev.isUndefined() || baseRev >= flagRev.toInt()))
                            conflict.remove(it.key());
                    }
                };
                if (baseRev == old.rev) {
                    newBody = merge::applyPatch(old.body, patch);
                    answer = {{QStringLiteral("result"), QStringLiteral("applied")}};
                    settleSeenFlags();
                } else {
                    QJsonObject base;
                    if (baseRev > 0) {
                        if (auto f = settle(); !f)
                            return f.error();
                        auto b = RecordStore::versionBody(tx, recordId, baseRev);
                        if (!b)
                            return rejected(QStringLiteral("invalid_input"), QStringLiteral("unknown base_rev"), prefix + QStringLiteral("base_rev"));
                        base = b.value();
                    }
                    const QJsonObject mine = merge::applyPatch(base, patch);
                    // Every field of the patch is a write, even one equal to its base value.
                    const merge::MergeResult mr = merge::threeWay(base, mine, old.body, patch.keys());
                    newBody = mr.merged;
                    if (mr.hasConflicts()) {
                        QJsonObject fields;
                        for (const merge::FieldConflict &c : mr.conflicts) {
                            const QJsonObject entry{{QStringLiteral("base"), orNull(c.base)},
                                                    {QStringLiteral("mine"), orNull(c.mine)},
                                                    {QStringLiteral("theirs"), orNull(c.theirs)}};
                            fields.insert(c.field, entry);
                            QJsonObject stored = entry;
                            stored.insert(QStringLiteral("by"), ctx.userId);
                            stored.insert(QStringLiteral("at"), nowIso());
                            stored.insert(QStringLiteral("rev"), old.rev + 1); // the revision this write becomes
                            conflict.insert(c.field, stored);
                            conflictFields << c.field;
                        }
                        answer = {{QStringLiteral("result"), QStringLiteral("conflict")}, {QStringLiteral("fields"), fields}};
                    } else {
                        answer = {{QStringLiteral("result"), QStringLiteral("merged")}};
                    }
                    // A resolution is based on the revision that raised the conflict (the client
                    // sends that as base_rev), so it settles the flag here.
                    settleSeenFlags();
                }
            }
            // Service-owned fields always come from the service's copy.
            if (old.exists) {
                for (const QString &f : owned) {
                    if (f == kState)
                        continue;
                    if (old.body.contains(f))
                        newBody.insert(f, old.body.value(f));
                    else
                        newBody.remove(f);
                }
                newBody.insert(QStringLiteral("id"), recordId);
                newBody.insert(QStringLiteral("type"), typeName);
            }
            // The state only moves by submission; a merge must not carry an old state back.
            if (old.exists && newBody.value(kState).toString() != QLatin1String("submitted") && !old.state.isEmpty())
                newBody.insert(kState, old.state);

            // A newer client's record is refused with a code the client can act on (records.md).
            if (newBody.value(QLatin1String("schema")).toDouble() > wire::kSchemaVersion)
                return rejected(QStringLiteral("unsupported_schema"), QStringLiteral("This service does not know schema %1 yet.")
                                                                           .arg(newBody.value(QLatin1String("schema")).toDouble()),
                                QStringLiteral("schema"));
            if (auto v = wire::validateRecord(newBody); !v)
                return rejected(QStringLiteral("invalid_input"), v.error().message,
                                v.error().field.isEmpty() ? QString() : prefix + QStringLiteral("patch.") + v.error().field);

            QString team = old.exists ? old.teamId : QString();
            const QStringList already = old.exists ? RecordStore::childrenOf(old.type, old.body, old.id) : QStringList();
            const QStringList children = RecordStore::childrenOf(typeName, newBody, recordId);
            if (auto c = checkChildren(children, already, &team); !c)
                return c.error();
            else if (!c.value().isEmpty())
                return c.value();
            if (team.isEmpty()) {
                // A child nobody holds would be seen by nobody: a new case is opened with its
                // worker (POST children), never pushed.
                if (typeName == QLatin1String("child"))
                    return rejected(QStringLiteral("not_allocated"),
                                    QStringLiteral("A new child's case is opened by their team manager, with the worker who will hold it."),
                                    prefix + QStringLiteral("record_id"));
                if (ctx.isManager())
                    team = ctx.teamId;
                else
                    return rejected(QStringLiteral("forbidden"), QStringLiteral("A record must name a child allocated to you."), prefix + QStringLiteral("patch"));
            }
            if (typeName == QLatin1String("child")) {
                // Allocation is the service's: the child record mirrors it.
                auto a = allocationOf(tx, recordId);
                if (!a)
                    return a.error();
                if (a.value().exists) {
                    newBody.insert(QStringLiteral("team"), a.value().teamId);
                    if (a.value().workerId.isEmpty())
                        newBody.remove(QStringLiteral("allocated_worker"));
                    else
                        newBody.insert(QStringLiteral("allocated_worker"), a.value().workerId);
                }
            }

            // Rules hold for every revision of a submitted record, not only at the transition, and
            // for every revision of a child (whose profile and plan have no workflow).
            const bool isSubmitted = newBody.value(kState).toString() == QLatin1String("submitted");
            const bool submitting = isSubmitted && (!old.exists || old.state != QLatin1String("submitted"));
            if (submitting && old.exists && old.authorId != ctx.userId)
                return rejected(QStringLiteral("forbidden"), QStringLiteral("Only the author submits a record."), prefix + QStringLiteral("patch.state"));
            if (isSubmitted || typeName == QLatin1String("child")) {
                const QList<rules::Violation> violations = rules::checkSubmission(newBody, m_clock());
                if (!violations.isEmpty())
                    return rejected(violations.first().code, violations.first().message, violations.first().field);
            }
            if (submitting && old.state == QLatin1String("returned"))
                newBody.remove(QStringLiteral("return_reason"));

            if (old.exists && newBody == old.body && conflict == old.conflict) {
                QJsonObject same{{QStringLiteral("result"), QStringLiteral("applied")}, {QStringLiteral("rev"), old.rev}};
                return same;
            }
            RecordStore::Write w{newBody, team, ctx.userId, ctx.deviceId, conflict, false, {}};
            if (handover) {
                bool stillHeld = false;
                for (const QString &child : children) {
                    auto a = allocationOf(tx, child);
                    if (!a)
                        return a.error();
                    stillHeld = stillHeld || a.value().workerId == ctx.userId;
                }
                if (!stillHeld)
                    w.purgeFor = ctx.userId;
            }
            // Applied on the revision the device had: taking the answer, the device makes its base
            // that revision plus its patch (RecordRepository::acknowledge). When that is exactly
            // what is stored here (the service changed nothing, no conflict is flagged), the device
            // already holds this revision and its pull need not send it back.
            if (!ctx.deviceId.isEmpty() && conflict.isEmpty() && answer.value(QLatin1String("result")).toString() == QLatin1String("applied")) {
                QJsonObject held = merge::applyPatch(old.exists ? old.body : QJsonObject(), patch);
                held.insert(QStringLiteral("id"), recordId);
                held.insert(QStringLiteral("type"), typeName);
                w.writerHoldsIt = held == newBody;
            }
            auto rev = RecordStore::write(m_db, tx, old, w, gather);
            if (!rev)
                return rev.error();
            answer.insert(QStringLiteral("rev"), rev.value());
            if (answer.value(QLatin1String("result")).toString() == QLatin1String("merged"))
                answer.insert(QStringLiteral("record"), wire::forReader(newBody, ctx.readerSchema));
            QJsonObject detail{{QStringLiteral("type"), typeName}, {QStringLiteral("rev"), rev.value()},
                               {QStringLiteral("result"), answer.value(QLatin1String("result"))}};
            if (!conflictFields.isEmpty())
                detail.insert(QStringLiteral("conflict_fields"), QJsonArray::fromStringList(conflictFields));
            if (submitting)
                detail.insert(QStringLiteral("submitted"), true);
            if (handover)
                detail.insert(QStringLiteral("handover"), recordedAt());
            audit->append({ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("change"), recordId, detail});
            return answer;
        };
        auto decided = decide();
        if (!decided)
            return decided.error();
        QJsonObject answer = decided.value();
        if (answer.value(QLatin1String("result")).toString() == QLatin1String("rejected")) {
            // The client knows which mutation this answers: the field is a path in the record
            // ("children[0].seen_alone"), where its form shows the message.
            QString field = answer.value(QLatin1String("field")).toString();
            if (field.startsWith(prefix))
                field = field.mid(prefix.size());
            if (field.startsWith(QLatin1String("patch.")))
                field = field.mid(6);
            if (field == QLatin1String("patch"))
                field.clear();
            answer.insert(QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field));
            // Refusals are logged (DESIGN 5) and stored, so a replay gets the same answer.
            audit->append({ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("change_refused"), recordId,
                           QJsonObject{{QStringLiteral("code"), answer.value(QLatin1String("code"))}}});
        }
        Q_UNUSED(mutationId)
        return answer;
    }
}

ApiResponse SyncService::pull(const AuthContext &ctx, const QUrlQuery &query)
{
    if (ctx.isAdmin())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Administrators do not hold case records."));
    QString xid = QStringLiteral("0");
    qint64 seq = 0;
    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!cursor.isEmpty() && !decodeCursor(cursor, &xid, &seq))
        return ApiResponse::error(400, QStringLiteral("invalid_cursor"), QStringLiteral("The cursor is not valid."), QStringLiteral("cursor"));
    int limit = kDefaultPageSize;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxPageSize)
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("limit must be 1–%1").arg(kMaxPageSize), QStringLiteral("limit"));
    }
    const bool pg = m_db.isPostgres();

    // A worker's scope: changes addressed to them, and upserts of records linked to a child
    // allocated to them. On PostgreSQL the link test is written so that it costs one index probe
    // per change row of the page: the worker's children are read once (ARRAY(...), an InitPlan),
    // each row's links are found by record id and tested against that array, and OFFSET 0 keeps
    // the planner from turning the EXISTS into a hash of every link of every record in scope,
    // which it rebuilt on each page (so a pull of N records cost O(N) per page). Same rows.
    const QString scope = ctx.isManager()
        ? QStringLiteral("(c.target_user = ? OR (c.target_user IS NULL AND c.team_id = ?))")
        : pg ? QStringLiteral("(c.target_user = ? OR (c.target_user IS NULL AND c.kind = 'upsert' AND EXISTS (SELECT 1 FROM record_children rc"
                              " WHERE rc.record_id = c.record_id AND (rc.child_id = ANY (ARRAY(SELECT a.child_id FROM allocations a"
                              " WHERE a.worker_id = ?))) IS TRUE OFFSET 0)))")
             : QStringLiteral("(c.target_user = ? OR (c.target_user IS NULL AND c.kind = 'upsert' AND EXISTS (SELECT 1 FROM record_children rc"
                              " JOIN allocations a ON a.child_id = rc.child_id WHERE rc.record_id = c.record_id AND a.worker_id = ?)))");
    const QVariant scopeArg = ctx.isManager() ? QVariant(ctx.teamId) : QVariant(ctx.userId);
    // Commit order on PostgreSQL: order by (xid, seq) and hand out only transactions older than
    // the snapshot's xmin, so a transaction that commits late can never land behind a cursor.
    // On SQLite writers are serialised (BEGIN IMMEDIATE), so seq order is commit order.
    const QString sql = pg
        ? QStringLiteral("SELECT c.seq, c.xid::text, c.record_id, c.kind, c.known_to FROM changes c"
                         // A row comparison, so the changes_order index serves it: the scan walks
                         // (xid, seq) from the cursor and stops after the page, instead of
                         // collecting, scope-checking and sorting every later change on each page.
                         " WHERE (c.xid, c.seq) > (CAST(? AS xid8), ?)"
                         " AND c.xid < pg_snapshot_xmin(pg_current_snapshot()) AND ") + scope
            + QStringLiteral(" ORDER BY c.xid, c.seq LIMIT ?")
        : QStringLiteral("SELECT c.seq, '0', c.record_id, c.kind, c.known_to FROM changes c WHERE c.seq > ? AND ") + scope
            + QStringLiteral(" ORDER BY c.seq LIMIT ?");
    const QVariantList args = pg ? QVariantList{xid, seq, ctx.userId, scopeArg, limit + 1}
                                 : QVariantList{seq, ctx.userId, scopeArg, limit + 1};

    struct Row {
        qint64 seq;
        QString xid, recordId, kind;
        bool callerHoldsIt; // written by the calling device, which holds that revision (changes.known_to)
    };
    QList<Row> rows;
    bool hasMore = false;
    // The page's changes, each already serialised: the stored record body is spliced in as the
    // text it is stored as (the service's own compact JSON), not parsed into a QJsonObject and
    // written out again, and the page is serialised here on the request's worker thread rather
    // than by the HTTP thread. The bytes are those the QJsonObject route produced.
    QByteArrayList changes;
    QJsonArray purges;
    QSet<QString> children;
    QJsonObject councilSettings; // the council's visit policy, so the device's due dates follow it
    // One read-only transaction: the change rows and the records they name come from one snapshot
    // (REPEATABLE READ on PostgreSQL; a read transaction on SQLite).
    auto read = m_db.transact(ctx.caller(), [&](QSqlDatabase &db) -> Result<void> {
        rows.clear();
        changes.clear();
        purges = QJsonArray();
        children.clear();
        auto settings = council::forDevices(db);
        if (!settings)
            return settings.error();
        councilSettings = settings.value();
        {
            auto q = Database::exec(db, sql, args);
            if (!q)
                return q.error();
            while (q.value().next())
                rows.append({q.value().value(0).toLongLong(), q.value().value(1).toString(), q.value().value(2).toString(),
                             q.value().value(3).toString(), !ctx.deviceId.isEmpty() && q.value().value(4).toString() == ctx.deviceId});
        }
        hasMore = rows.size() > limit;
        if (hasMore)
            rows.resize(limit);

        // The last event per record in this page wins (an upsert then a purge is a purge). A
        // record is left out when each of its rows here is an echo of the caller's own write (the
        // device holds that revision already); the cursor still moves past those rows.
        QHash<QString, int> lastIndex;
        QSet<QString> newToCaller;
        for (int i = 0; i < rows.size(); ++i) {
            lastIndex.insert(rows[i].recordId, i);
            if (!rows[i].callerHoldsIt)
                newToCaller.insert(rows[i].recordId);
        }
        QStringList upserted;
        for (int i = 0; i < rows.size(); ++i)
            if (lastIndex.value(rows[i].recordId) == i && rows[i].kind != QLatin1String("purge") && newToCaller.contains(rows[i].recordId))
                upserted.append(rows[i].recordId);
        auto loaded = RecordStore::loadPage(db, upserted);
        if (!loaded)
            return loaded.error();
        const QHash<QString, RecordStore::PageRecord> &records = loaded.value();
        changes.reserve(upserted.size());
        for (int i = 0; i < rows.size(); ++i) {
            const Row &r = rows[i];
            if (lastIndex.value(r.recordId) != i)
                continue;
            if (r.kind == QLatin1String("purge")) {
                purges.append(r.recordId);
                continue;
            }
            if (!newToCaller.contains(r.recordId))
                continue;
            const auto found = records.constFind(r.recordId);
            if (found == records.constEnd())
                continue;
            const RecordStore::PageRecord &s = found.value();
            // Parsed once, for the children the audit entry names (and to check it is an object).
            QJsonParseError parseError;
            const QJsonDocument parsed = QJsonDocument::fromJson(s.body, &parseError);
            const bool bodyIsObject = parseError.error == QJsonParseError::NoError && parsed.isObject();
            const QJsonObject body = parsed.object();
            QJsonObject change{{QStringLiteral("record_id"), r.recordId}, {QStringLiteral("type"), s.type},
                               {QStringLiteral("rev"), s.rev},         {QStringLiteral("deleted"), s.deleted}};
            // As stored, unless the caller reads an older format than the record is in.
            const bool downgrade = wire::needsDowngrade(body, ctx.readerSchema);
            const bool splice = !s.deleted && bodyIsObject && !downgrade;
            if (!s.deleted)
                change.insert(QStringLiteral("record"), splice ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(downgrade ? wire::forReader(body, ctx.readerSchema) : body));
            if (!s.conflict.isEmpty()) {
                QJsonObject fields;
                for (auto it = s.conflict.begin(); it != s.conflict.end(); ++it) {
                    // A conflict on a field the reader does not know is for a newer tablet to settle.
                    if (!wire::fieldKnownTo(recordTypeFromName(s.type), it.key(), ctx.readerSchema))
                        continue;
                    const QJsonObject e = it.value().toObject();
                    fields.insert(it.key(), QJsonObject{{QStringLiteral("base"), e.value(QLatin1String("base"))},
                                                        {QStringLiteral("mine"), e.value(QLatin1String("mine"))},
                                                        {QStringLiteral("theirs"), e.value(QLatin1String("theirs"))}});
                }
                if (!fields.isEmpty())
                    change.insert(QStringLiteral("conflict"), QJsonObject{{QStringLiteral("fields"), fields}});
            }
            QByteArray text = QJsonDocument(change).toJson(QJsonDocument::Compact);
            if (splice) {
                // Keys are written sorted, so the placeholder sits right before "record_id"; the
                // last match is the key itself (what follows it, rev and type, holds no object).
                static const QByteArray placeholder = QByteArrayLiteral("\"record\":null,\"record_id\":");
                const qsizetype at = text.lastIndexOf(placeholder);
                if (at >= 0) {
                    text.replace(at + 9, 4, s.body); // 9 = strlen("\"record\":")
                } else { // not expected; the object route gives the same values
                    change.insert(QStringLiteral("record"), body);
                    text = QJsonDocument(change).toJson(QJsonDocument::Compact);
                }
            }
            changes.append(text);
            for (const QString &c : RecordStore::childrenOf(s.type, body, r.recordId))
                children.insert(c);
        }
        return {};
    }, Database::Mode::ReadSnapshot);
    if (!read)
        return ApiResponse::fromError(read.error());

    const QString next = rows.isEmpty() ? (cursor.isEmpty() ? encodeCursor(QStringLiteral("0"), 0) : cursor)
                                        : encodeCursor(rows.last().xid, rows.last().seq);
    if (!changes.isEmpty()) {
        auto a = AuditLog::appendRead(m_db, ctx.caller(),
                                      {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("pull"), QString(),
                                       QJsonObject{{QStringLiteral("records"), changes.size()}}},
                                      children);
        if (!a)
            return ApiResponse::fromError(a.error());
    }
    // The page object with an empty "changes" (sorted first) and the changes put into its [].
    QByteArray page = QJsonDocument(QJsonObject{{QStringLiteral("changes"), QJsonArray()},
                                                {QStringLiteral("council"), councilSettings},
                                                {QStringLiteral("purges"), purges},
                                                {QStringLiteral("next_cursor"), next},
                                                {QStringLiteral("has_more"), hasMore}})
                          .toJson(QJsonDocument::Compact);
    static const QByteArray head = QByteArrayLiteral("{\"changes\":[]");
    Q_ASSERT(page.startsWith(head));
    qsizetype size = page.size() + changes.size();
    for (const QByteArray &c : changes)
        size += c.size();
    QByteArray out;
    out.reserve(size);
    out.append(page.constData(), head.size() - 1);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(changes.at(i));
    }
    out.append(page.constData() + head.size() - 1, page.size() - head.size() + 1);
    return ApiResponse::okJson(std::move(out));
}

} // namespace doorstep::server
