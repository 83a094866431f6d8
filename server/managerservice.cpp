// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "managerservice.h"

#include "auditlog.h"
#include "councilsettings.h"
#include "core/dashboard.h"
#include "core/exports.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "reallocation.h"
#include "recordstore.h"
#include "teamchecks.h"
#include "reports/chronologypdf.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

#include <optional>

Q_LOGGING_CATEGORY(lcManager, "doorstep.server.manager")

namespace doorstep::server {

using teamchecks::readAllocation;
using teamchecks::refusalUnlessTeamChild;
using teamchecks::refusalUnlessTeamWorker;

namespace {

ApiResponse managersOnly()
{
    return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only managers see team exports and figures."));
}

// Every live record about the children allocated to `teamId` (child records included), each once.
Result<QList<QJsonObject>> teamRecords(QSqlDatabase &db, const QString &teamId)
{
    auto q = Database::exec(db, QStringLiteral("SELECT DISTINCT r.id, r.body FROM records r"
                                               " JOIN record_children rc ON rc.record_id = r.id"
                                               " JOIN allocations a ON a.child_id = rc.child_id"
                                               " WHERE a.team_id = ? AND r.deleted = 0 ORDER BY r.id"),
                            {teamId});
    if (!q)
        return q.error();
    QList<QJsonObject> out;
    while (q.value().next())
        out.append(QJsonDocument::fromJson(q.value().value(1).toString().toUtf8()).object());
    return out;
}

Result<QHash<QString, QString>> userNames(QSqlDatabase &db, const QString &teamId)
{
    // People by the name their colleagues know; the username where none was given.
    auto q = Database::exec(db, QStringLiteral("SELECT id, COALESCE(NULLIF(display_name, ''), username) FROM users WHERE team_id = ?"), {teamId});
    if (!q)
        return q.error();
    QHash<QString, QString> names;
    while (q.value().next())
        names.insert(q.value().value(0).toString(), q.value().value(1).toString());
    return names;
}

// The team's workers who can hold children (for a manager's reallocation).
Result<QStringList> teamWorkers(QSqlDatabase &db, const QString &teamId)
{
    auto q = Database::exec(db, QStringLiteral("SELECT id FROM users WHERE team_id = ? AND role = 'worker' AND disabled = 0 ORDER BY id"), {teamId});
    if (!q)
        return q.error();
    QStringList ids;
    while (q.value().next())
        ids << q.value().value(0).toString();
    return ids;
}

bool parseDate(const QUrlQuery &query, const QString &key, QDate *out, ApiResponse *error)
{
    if (!query.hasQueryItem(key))
        return true;
    *out = QDate::fromString(query.queryItemValue(key), Qt::ISODate);
    if (!out->isValid()) {
        *error = ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("%1 must be a date (YYYY-MM-DD)").arg(key), key);
        return false;
    }
    return true;
}

} // namespace

ManagerService::ManagerService(const Database &database) : m_db(database)
{
}

ApiResponse ManagerService::visitsCsv(const AuthContext &ctx)
{
    if (!ctx.isManager())
        return managersOnly();
    QByteArray csv;
    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto records = teamRecords(tx, ctx.teamId);
        if (!records)
            return records.error();
        auto names = userNames(tx, ctx.teamId);
        if (!names)
            return names.error();
        // The SQL already scoped the records to the team's allocations; the child record's own
        // team field may lag a reallocation, so it is not filtered on again.
        const QList<VisitExportRow> rows = VisitsExport::rows(records.value(), QString(), names.value());
        csv = VisitsExport::toCsv(rows);
        QStringList ids;
        for (const VisitExportRow &row : rows)
            ids << row.childId;
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("export"), ids.join(QLatin1Char(',')),
                                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("visits_csv")},
                                                       {QStringLiteral("rows"), int(rows.size())},
                                                       {QStringLiteral("via"), QStringLiteral("service")}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return ApiResponse::file(csv, QByteArrayLiteral("text/csv; charset=utf-8"), QByteArrayLiteral("visits.csv"));
}

ApiResponse ManagerService::chronologyPdf(const AuthContext &ctx, const QString &childId)
{
    if (!ctx.isManager())
        return managersOnly();
    if (!wire::isValidUuid(childId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("child id must be a UUID"), QStringLiteral("child_id"));
    ApiResponse answer;
    QByteArray pdf;
    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto refusal = refusalUnlessTeamChild(tx, childId, ctx.teamId);
        if (!refusal)
            return refusal.error();
        if (refusal.value()) {
            answer = *refusal.value();
            if (answer.status != 403)
                return {};
            answer.refusalAudited = true;
            return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("export_refused"), childId,
                                               QJsonObject{{QStringLiteral("kind"), QStringLiteral("chronology_pdf")}}});
        }
        auto q = Database::exec(tx, QStringLiteral("SELECT r.body FROM records r JOIN record_children rc ON rc.record_id = r.id"
                                                   " WHERE rc.child_id = ? AND r.deleted = 0"),
                                {childId});
        if (!q)
            return q.error();
        QList<QJsonObject> records;
        QJsonObject child;
        while (q.value().next()) {
            const QJsonObject body = QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object();
            if (wire::typeOf(body) == RecordType::Child && body.value(QLatin1String("id")).toString() == childId)
                child = body;
            else
                records.append(body);
        }
        if (child.isEmpty()) {
            answer = ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("The child's record has not been created yet."));
            return {};
        }
        auto names = userNames(tx, ctx.teamId);
        if (!names)
            return names.error();
        ChronologyPdf::Options options;
        options.userNames = names.value();
        options.generatedBy = ctx.displayName;
        int pages = 0;
        auto rendered = ChronologyPdf::render(child, records, options, &pages);
        if (!rendered) {
            qCWarning(lcManager) << "chronology PDF failed:" << rendered.error().message;
            return Error(ErrorCode::Internal, QStringLiteral("pdf"));
        }
        pdf = rendered.value();
        answer = ApiResponse::file(pdf, QByteArrayLiteral("application/pdf"), QByteArrayLiteral("chronology.pdf"));
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("export"), childId,
                                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("chronology_pdf")},
                                                       {QStringLiteral("rows"), int(ChronologyPdf::entries(childId, records).size())},
                                                       {QStringLiteral("pages"), pages},
                                                       {QStringLiteral("via"), QStringLiteral("service")}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

ApiResponse ManagerService::dashboard(const AuthContext &ctx, const QUrlQuery &query)
{
    if (!ctx.isManager())
        return managersOnly();
    QDate today = rules::localDate(QDateTime::currentDateTimeUtc());
    DashboardCalculator::Options options;
    ApiResponse bad;
    if (!parseDate(query, QStringLiteral("today"), &today, &bad) || !parseDate(query, QStringLiteral("from"), &options.from, &bad)
        || !parseDate(query, QStringLiteral("to"), &options.to, &bad))
        return bad;
    // One read transaction on the manager's behalf: row-level security sees who asks (PostgreSQL).
    Result<QList<QJsonObject>> records = QList<QJsonObject>();
    Result<QHash<QString, QString>> names = QHash<QString, QString>();
    Result<QStringList> workerIds = QStringList();
    VisitPolicy policy;
    auto read = m_db.transact(ctx.caller(), [&](QSqlDatabase &db) -> Result<void> {
        records = teamRecords(db, ctx.teamId);
        if (!records)
            return records.error();
        names = userNames(db, ctx.teamId);
        workerIds = teamWorkers(db, ctx.teamId);
        auto councilPolicy = council::visitPolicy(db);
        if (!councilPolicy)
            return councilPolicy.error();
        policy = councilPolicy.value();
        auto standard = council::recordingStandard(db);
        if (!standard)
            return standard.error();
        options.recordingStandardWorkingDays = standard.value();
        return {};
    }, Database::Mode::ReadSnapshot);
    if (!read)
        return ApiResponse::fromError(read.error());
    // Reviews are linked to the reviewed record's children, so teamRecords() includes them.
    const Dashboard d = DashboardCalculator(DueDateEngine(policy), options).compute(records.value(), today);
    QJsonObject body = d.toJson();
    if (names) {
        QJsonObject workers;
        for (auto it = names.value().cbegin(); it != names.value().cend(); ++it)
            workers.insert(it.key(), it.value());
        body.insert(QStringLiteral("user_names"), workers);
    }
    if (workerIds)
        body.insert(QStringLiteral("team_workers"), QJsonArray::fromStringList(workerIds.value()));
    return ApiResponse::ok(body);
}

ApiResponse ManagerService::reallocate(const AuthContext &ctx, const QString &childId, const QJsonObject &body)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only a team manager reallocates children."));
    if (!wire::isValidUuid(childId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("the child id must be a UUID"), QStringLiteral("child_id"));
    if (auto unknown = teamchecks::refusalOfUnknownFields(body, {"worker_id", "reason"}))
        return *unknown;
    QString workerId, reason;
    ApiResponse answer;
    if (!readAllocation(body, QStringLiteral("reallocation"), &workerId, &reason, &answer))
        return answer;

    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto refusal = refusalUnlessTeamChild(tx, childId, ctx.teamId);
        if (!refusal)
            return refusal.error();
        if (refusal.value()) {
            answer = *refusal.value();
            return {};
        }
        auto notWorker = refusalUnlessTeamWorker(tx, workerId, ctx.teamId);
        if (!notWorker)
            return notWorker.error();
        if (notWorker.value()) {
            answer = *notWorker.value();
            return {};
        }
        const Reallocation move{childId, workerId, ctx.teamId, ctx.userId, ctx.deviceId, reason};
        auto before = move.apply(m_db, tx);
        if (!before)
            return before.error();
        const bool changed = !(before.value().existed && before.value().workerId == workerId);
        answer = ApiResponse::ok({{QStringLiteral("changed"), changed}, {QStringLiteral("worker_id"), workerId},
                                  {QStringLiteral("previous_worker_id"), before.value().workerId}});
        if (!changed)
            return {};
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("allocate"), childId,
                                           QJsonObject{{QStringLiteral("worker"), workerId},
                                                       {QStringLiteral("previous"), before.value().workerId},
                                                       {QStringLiteral("reason"), reason}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

ApiResponse ManagerService::openCase(const AuthContext &ctx, const QJsonObject &body)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only a team manager opens a new child's case."));
    if (auto unknown = teamchecks::refusalOfUnknownFields(body, {"child", "worker_id", "reason"}))
        return *unknown;
    if (!body.value(QLatin1String("child")).isObject())
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("child must be the child record"), QStringLiteral("child"));
    QString workerId, reason;
    ApiResponse answer;
    if (!readAllocation(body, QStringLiteral("allocation"), &workerId, &reason, &answer))
        return answer;

    QJsonObject child = body.value(QLatin1String("child")).toObject();
    if (const auto refusal = Reallocation::refusalForNewChild(&child, QDateTime::currentDateTimeUtc()))
        return ApiResponse::error(refusal->status, refusal->code, refusal->message, refusal->field);
    const QString childId = child.value(QLatin1String("id")).toString();

    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto notWorker = refusalUnlessTeamWorker(tx, workerId, ctx.teamId);
        if (!notWorker)
            return notWorker.error();
        if (notWorker.value()) {
            answer = *notWorker.value();
            return {};
        }
        auto existing = RecordStore::load(m_db, tx, childId, true);
        if (!existing)
            return existing.error();
        if (existing.value().exists || existing.value().hidden) {
            // The same request again (its answer was lost): the case is open as asked.
            QJsonObject stored = existing.value().body;
            for (const QString &owned : Reallocation::allocationFields())
                stored.remove(owned);
            const bool same = !existing.value().hidden && existing.value().type == QLatin1String("child") && stored == child
                && existing.value().body.value(QLatin1String("allocated_worker")).toString() == workerId
                && existing.value().teamId == ctx.teamId;
            answer = same ? ApiResponse::created({{QStringLiteral("created"), false}, {QStringLiteral("child_id"), childId},
                                                  {QStringLiteral("rev"), existing.value().rev}, {QStringLiteral("worker_id"), workerId}})
                          : ApiResponse::error(409, QStringLiteral("exists"), QStringLiteral("A record with this id already exists."),
                                               QStringLiteral("child.id"));
            return {};
        }
        const Reallocation allocation{childId, workerId, ctx.teamId, ctx.userId, ctx.deviceId, reason};
        auto rev = allocation.openCase(m_db, tx, child);
        if (!rev)
            return rev.error();
        answer = ApiResponse::created({{QStringLiteral("created"), true}, {QStringLiteral("child_id"), childId},
                                       {QStringLiteral("rev"), rev.value()}, {QStringLiteral("worker_id"), workerId}});
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("open_case"), childId,
                                           QJsonObject{{QStringLiteral("worker"), workerId}, {QStringLiteral("reason"), reason}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

} // namespace doorstep::server
