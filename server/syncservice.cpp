// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "syncservice.h"

#include "auditlog.h"
#include "core/merge.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>

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

// A rejection that is an answer, not a failure: carried out of the transaction as a value.
struct Outcome {
    QJsonObject answer;
    bool write = true; // store the answer under the mutation id
};

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
                                           QStringLiteral("base_rev"), QStringLiteral("patch"), QStringLiteral("op")};
            if (!known.contains(it.key()))
                return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("unknown field"), prefix + it.key());
        }
        QJsonObject answer = applyOne(ctx, m, i);
        if (answer.contains(QLatin1String("error_response")))
            return ApiResponse::fromError(Error(ErrorCode::StorageError, QString()));
        answer.insert(QStringLiteral("mutation_id"), mid);
        results.append(answer);
    }
    return ApiResponse::ok({{QStringLiteral("results"), results}});
}

QJsonObject SyncService::applyOne(const AuthContext &ctx, const QJsonObject &m, int index)
{
    const QString mutationId = m.value(QLatin1String("mutation_id")).toString();
    const QString recordId = m.value(QLatin1String("record_id")).toString();
    const QString typeName = m.value(QLatin1String("type")).toString();
    const QString op = m.value(QLatin1String("op")).toString(QStringLiteral("upsert"));
    const QJsonValue baseRevValue = m.value(QLatin1String("base_rev"));
    const QJsonValue patchValue = m.value(QLatin1String("patch"));
    const QString prefix = QStringLiteral("mutations[%1].").arg(index);

    Outcome out;
    auto result = m_db.transact([&](QSqlDatabase &tx) -> Result<void> {
        out = Outcome{};
        // Idempotency first: a replay returns the stored first answer and writes nothing.
        auto seen = Database::exec(tx, QStringLiteral("SELECT answer FROM mutations WHERE device_id = ? AND mutation_id = ?"),
                                   {ctx.deviceId, mutationId});
        if (!seen)
            return seen.error();
        if (seen.value().next()) {
            out.answer = QJsonDocument::fromJson(seen.value().value(0).toString().toUtf8()).object();
            out.write = false;
            return {};
        }
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

            auto loaded = RecordStore::load(m_db, tx, recordId, true);
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
                            continue;
                        }
                        return rejected(QStringLiteral("forbidden"), QStringLiteral("This child is not allocated to you."), prefix + QStringLiteral("patch"));
                    }
                    if (ctx.isWorker() && al.workerId != ctx.userId)
                        return rejected(QStringLiteral("forbidden"), QStringLiteral("This child is not allocated to you."), prefix + QStringLiteral("patch"));
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
                    auto q = Database::exec(tx, QStringLiteral("SELECT 1 FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                                                               " WHERE rc.record_id = ? AND a.worker_id = ?"),
                                            {recordId, ctx.userId});
                    if (!q)
                        return q.error();
                    visible = q.value().next() || (old.authorId == ctx.userId && RecordStore::childrenOf(old.type, old.body, old.id).isEmpty());
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
                auto rev = RecordStore::write(m_db, tx, old, w);
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
                    auto own = Database::exec(tx, QStringLiteral("SELECT rev, device_id FROM record_versions WHERE record_id = ? AND rev > ? ORDER BY rev"),
                                              {recordId, baseRev});
                    if (!own)
                        return own.error();
                    while (own.value().next() && own.value().value(0).toInt() == baseRev + 1
                           && own.value().value(1).toString() == ctx.deviceId)
                        baseRev = own.value().value(0).toInt();
                }
                if (baseRev == old.rev) {
                    newBody = merge::applyPatch(old.body, patch);
                    answer = {{QStringLiteral("result"), QStringLiteral("applied")}};
                    // A client that saw the flagged record and writes a field resolves its conflict.
                    for (auto it = patch.begin(); it != patch.end(); ++it)
                        conflict.remove(it.key());
                } else {
                    QJsonObject base;
                    if (baseRev > 0) {
                        auto b = RecordStore::versionBody(tx, recordId, baseRev);
                        if (!b)
                            return rejected(QStringLiteral("invalid_input"), QStringLiteral("unknown base_rev"), prefix + QStringLiteral("base_rev"));
                        base = b.value();
                    }
                    const QJsonObject mine = merge::applyPatch(base, patch);
                    const merge::MergeResult mr = merge::threeWay(base, mine, old.body);
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
                            conflict.insert(c.field, stored);
                            conflictFields << c.field;
                        }
                        answer = {{QStringLiteral("result"), QStringLiteral("conflict")}, {QStringLiteral("fields"), fields}};
                    } else {
                        answer = {{QStringLiteral("result"), QStringLiteral("merged")}};
                    }
                    // A written field that merged cleanly settles its flag too: a conflict answer
                    // carries no record, so a device's resolution arrives on an older base_rev.
                    for (auto it = patch.begin(); it != patch.end(); ++it)
                        if (!conflictFields.contains(it.key()))
                            conflict.remove(it.key());
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

            // Rules hold for every revision of a submitted record, not only at the transition.
            const bool isSubmitted = newBody.value(kState).toString() == QLatin1String("submitted");
            const bool submitting = isSubmitted && (!old.exists || old.state != QLatin1String("submitted"));
            if (submitting && old.exists && old.authorId != ctx.userId)
                return rejected(QStringLiteral("forbidden"), QStringLiteral("Only the author submits a record."), prefix + QStringLiteral("patch.state"));
            if (isSubmitted) {
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
            auto rev = RecordStore::write(m_db, tx, old, w);
            if (!rev)
                return rev.error();
            answer.insert(QStringLiteral("rev"), rev.value());
            if (answer.value(QLatin1String("result")).toString() == QLatin1String("merged"))
                answer.insert(QStringLiteral("record"), newBody);
            QJsonObject detail{{QStringLiteral("type"), typeName}, {QStringLiteral("rev"), rev.value()},
                               {QStringLiteral("result"), answer.value(QLatin1String("result"))}};
            if (!conflictFields.isEmpty())
                detail.insert(QStringLiteral("conflict_fields"), QJsonArray::fromStringList(conflictFields));
            if (submitting)
                detail.insert(QStringLiteral("submitted"), true);
            if (auto a = AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("change"), recordId, detail}); !a)
                return a.error();
            return answer;
        };
        auto decided = decide();
        if (!decided)
            return decided.error();
        out.answer = decided.value();
        if (out.answer.value(QLatin1String("result")).toString() == QLatin1String("rejected")) {
            // The client knows which mutation this answers: the field is a path in the record
            // ("children[0].seen_alone"), where its form shows the message.
            QString field = out.answer.value(QLatin1String("field")).toString();
            if (field.startsWith(prefix))
                field = field.mid(prefix.size());
            if (field.startsWith(QLatin1String("patch.")))
                field = field.mid(6);
            if (field == QLatin1String("patch"))
                field.clear();
            out.answer.insert(QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field));
            // Refusals are logged (DESIGN 5) and stored, so a replay gets the same answer.
            if (auto a = AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("change_refused"), recordId,
                                                     QJsonObject{{QStringLiteral("code"), out.answer.value(QLatin1String("code"))}}});
                !a)
                return a.error();
        }
        const QString stored = QString::fromUtf8(QJsonDocument(out.answer).toJson(QJsonDocument::Compact));
        if (auto s = Database::exec(tx, QStringLiteral("INSERT INTO mutations (device_id, mutation_id, record_id, answer, created_at) VALUES (?, ?, ?, ?, ?)"),
                                    {ctx.deviceId, mutationId, recordId, stored, nowIso()});
            !s)
            return s.error();
        return {};
    });
    if (!result) {
        qCWarning(lcSync) << "push failed:" << errorCodeName(result.error().code);
        if (result.error().code == ErrorCode::Timeout)
            return rejected(QStringLiteral("busy"), QStringLiteral("The service is busy; retry later."));
        return {{QStringLiteral("error_response"), true}};
    }
    return out.answer;
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
    auto conn = m_db.connection();
    if (!conn)
        return ApiResponse::fromError(conn.error());
    QSqlDatabase db = conn.value();
    const bool pg = m_db.isPostgres();

    const QString scope = ctx.isManager()
        ? QStringLiteral("(c.target_user = ? OR (c.target_user IS NULL AND c.team_id = ?))")
        : QStringLiteral("(c.target_user = ? OR (c.target_user IS NULL AND c.kind = 'upsert' AND EXISTS (SELECT 1 FROM record_children rc"
                         " JOIN allocations a ON a.child_id = rc.child_id WHERE rc.record_id = c.record_id AND a.worker_id = ?)))");
    const QVariant scopeArg = ctx.isManager() ? QVariant(ctx.teamId) : QVariant(ctx.userId);
    // Commit order on PostgreSQL: order by (xid, seq) and hand out only transactions older than
    // the snapshot's xmin, so a transaction that commits late can never land behind a cursor.
    // On SQLite writers are serialised (BEGIN IMMEDIATE), so seq order is commit order.
    const QString sql = pg
        ? QStringLiteral("SELECT c.seq, c.xid::text, c.record_id, c.kind FROM changes c"
                         " WHERE (c.xid > CAST(? AS xid8) OR (c.xid = CAST(? AS xid8) AND c.seq > ?))"
                         " AND c.xid < pg_snapshot_xmin(pg_current_snapshot()) AND ") + scope
            + QStringLiteral(" ORDER BY c.xid, c.seq LIMIT ?")
        : QStringLiteral("SELECT c.seq, '0', c.record_id, c.kind FROM changes c WHERE c.seq > ? AND ") + scope
            + QStringLiteral(" ORDER BY c.seq LIMIT ?");
    const QVariantList args = pg ? QVariantList{xid, xid, seq, ctx.userId, scopeArg, limit + 1}
                                 : QVariantList{seq, ctx.userId, scopeArg, limit + 1};

    struct Row {
        qint64 seq;
        QString xid, recordId, kind;
    };
    QList<Row> rows;
    // One read-only transaction: the change rows and the records they name come from one snapshot
    // (REPEATABLE READ on PostgreSQL; a read transaction on SQLite).
    QSqlQuery(db).exec(pg ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN"));
    auto endRead = qScopeGuard([&] { QSqlQuery(db).exec(QStringLiteral("COMMIT")); });
    {
        auto q = Database::exec(db, sql, args);
        if (!q)
            return ApiResponse::fromError(q.error());
        while (q.value().next())
            rows.append({q.value().value(0).toLongLong(), q.value().value(1).toString(), q.value().value(2).toString(),
                         q.value().value(3).toString()});
    }
    const bool hasMore = rows.size() > limit;
    if (hasMore)
        rows.resize(limit);

    // The last event per record in this page wins (an upsert then a purge is a purge).
    QHash<QString, int> lastIndex;
    for (int i = 0; i < rows.size(); ++i)
        lastIndex.insert(rows[i].recordId, i);
    QStringList upserted;
    for (int i = 0; i < rows.size(); ++i)
        if (lastIndex.value(rows[i].recordId) == i && rows[i].kind != QLatin1String("purge"))
            upserted.append(rows[i].recordId);
    auto loaded = RecordStore::loadMany(db, upserted);
    if (!loaded)
        return ApiResponse::fromError(loaded.error());
    const QHash<QString, StoredRecord> &records = loaded.value();
    QJsonArray changes, purges;
    QSet<QString> children;
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        if (lastIndex.value(r.recordId) != i)
            continue;
        if (r.kind == QLatin1String("purge")) {
            purges.append(r.recordId);
            continue;
        }
        const auto found = records.constFind(r.recordId);
        if (found == records.constEnd())
            continue;
        const StoredRecord &s = found.value();
        QJsonObject change{{QStringLiteral("record_id"), s.id}, {QStringLiteral("type"), s.type},
                           {QStringLiteral("rev"), s.rev},      {QStringLiteral("deleted"), s.deleted}};
        if (!s.deleted)
            change.insert(QStringLiteral("record"), s.body);
        if (!s.conflict.isEmpty()) {
            QJsonObject fields;
            for (auto it = s.conflict.begin(); it != s.conflict.end(); ++it) {
                const QJsonObject e = it.value().toObject();
                fields.insert(it.key(), QJsonObject{{QStringLiteral("base"), e.value(QLatin1String("base"))},
                                                    {QStringLiteral("mine"), e.value(QLatin1String("mine"))},
                                                    {QStringLiteral("theirs"), e.value(QLatin1String("theirs"))}});
            }
            change.insert(QStringLiteral("conflict"), QJsonObject{{QStringLiteral("fields"), fields}});
        }
        changes.append(change);
        for (const QString &c : RecordStore::childrenOf(s.type, s.body, s.id))
            children.insert(c);
    }
    endRead.dismiss();
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));

    const QString next = rows.isEmpty() ? (cursor.isEmpty() ? encodeCursor(QStringLiteral("0"), 0) : cursor)
                                        : encodeCursor(rows.last().xid, rows.last().seq);
    if (!changes.isEmpty()) {
        QStringList list(children.begin(), children.end());
        list.sort();
        auto a = m_db.transact([&](QSqlDatabase &tx) -> Result<void> {
            return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("pull"), list.join(QLatin1Char(',')).left(4000),
                                               QJsonObject{{QStringLiteral("records"), changes.size()}}});
        });
        if (!a)
            return ApiResponse::fromError(a.error());
    }
    return ApiResponse::ok({{QStringLiteral("changes"), changes},
                            {QStringLiteral("purges"), purges},
                            {QStringLiteral("next_cursor"), next},
                            {QStringLiteral("has_more"), hasMore}});
}

} // namespace doorstep::server
