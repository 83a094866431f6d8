// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "apirouter.h"

#include "adminservice.h"
#include "auditlog.h"
#include "core/wire.h"
#include "database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcApi, "doorstep.server.api")

namespace doorstep::server {

namespace {

// Counts values and measures nesting without recursion limits of our own stack mattering
// (QJsonDocument already bounds nesting; this enforces our tighter limits).
bool withinLimits(const QJsonValue &v, int depth, int *count)
{
    if (++*count > ApiRouter::kMaxJsonValues || depth > ApiRouter::kMaxJsonDepth)
        return false;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!withinLimits(it.value(), depth + 1, count))
                return false;
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue &x : a)
            if (!withinLimits(x, depth + 1, count))
                return false;
    }
    return true;
}

ApiResponse methodNotAllowed()
{
    return ApiResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("This method is not allowed here."));
}

// The routes with an id in them.
const QRegularExpression reviewRoute(QStringLiteral("^reviews/([0-9a-f-]{36})$"));
const QRegularExpression revokeRoute(QStringLiteral("^admin/devices/([0-9a-f-]{36})/revoke$"));
const QRegularExpression allocationRoute(QStringLiteral("^children/([0-9a-f-]{36})/allocation$"));
const QRegularExpression transferRequestRoute(QStringLiteral("^children/([0-9a-f-]{36})/transfer$"));
const QRegularExpression transferDecisionRoute(QStringLiteral("^transfers/([0-9a-f-]{36})/(accept|decline|withdraw)$"));
const QRegularExpression chronologyRoute(QStringLiteral("^exports/children/([0-9a-f-]{36})/chronology\\.pdf$"));

} // namespace

ApiRouter::ApiRouter(const Database &database)
    : m_db(database), m_auth(database), m_sync(database), m_reviews(database), m_manager(database), m_transfers(database)
{
}

Result<QJsonObject> ApiRouter::parseBody(const QByteArray &body)
{
    if (body.size() > kMaxBodyBytes)
        return Error(ErrorCode::InvalidInput, QStringLiteral("too_large"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidInput, QStringLiteral("The body is not valid JSON."));
    if (!doc.isObject())
        return Error(ErrorCode::InvalidInput, QStringLiteral("The body must be a JSON object."));
    int count = 0;
    if (!withinLimits(doc.object(), 0, &count))
        return Error(ErrorCode::InvalidInput, QStringLiteral("The JSON is nested too deeply or has too many values."));
    return doc.object();
}

ApiResponse ApiRouter::recordExport(const AuthContext &c, const QJsonObject &body)
{
    // Exports happen on the device (CSV, PDF); the device reports each one here for the audit log.
    if (c.isAdmin())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Administrators do not hold case records."));
    const QString kind = body.value(QLatin1String("kind")).toString();
    static const QStringList kinds{QStringLiteral("visits_csv"), QStringLiteral("chronology_pdf"), QStringLiteral("rescue_copy")};
    if (!kinds.contains(kind))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("kind must be visits_csv, chronology_pdf or rescue_copy"), QStringLiteral("kind"));
    const QJsonValue children = body.value(QLatin1String("child_ids"));
    if (!children.isUndefined() && !children.isArray())
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("child_ids must be a list"), QStringLiteral("child_ids"));
    QStringList ids;
    const QJsonArray list = children.toArray();
    if (list.size() > 5000)
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("too many child_ids"), QStringLiteral("child_ids"));
    for (int i = 0; i < list.size(); ++i) {
        if (!wire::isValidUuid(list[i].toString()))
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("child ids are UUIDs"), QStringLiteral("child_ids[%1]").arg(i));
        ids << list[i].toString();
    }
    const QJsonValue rows = body.value(QLatin1String("rows"));
    if (!rows.isUndefined() && (!rows.isDouble() || rows.toDouble() < 0))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("rows must be a count"), QStringLiteral("rows"));
    auto r = m_db.transact(c.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        return AuditLog::append(m_db, tx, {c.userId, c.deviceId, c.address, QStringLiteral("export"), ids.join(QLatin1Char(',')),
                                           QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("rows"), rows.toInt()}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return ApiResponse::ok({{QStringLiteral("recorded"), true}});
}

ApiResponse ApiRouter::recordView(const AuthContext &c, const QJsonObject &body)
{
    // Records are read on the tablet, offline as often as not; it reports each child's page or
    // record opened here, when it next syncs, so "who read this file" has an answer (DESIGN §5).
    if (c.isAdmin())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Administrators do not hold case records."));
    const QString childId = body.value(QLatin1String("child_id")).toString();
    const QString recordId = body.value(QLatin1String("record_id")).toString();
    if (childId.isEmpty() == recordId.isEmpty())
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("Give either child_id or record_id."), QStringLiteral("child_id"));
    if (!childId.isEmpty() && !wire::isValidUuid(childId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("child_id is a UUID"), QStringLiteral("child_id"));
    if (!recordId.isEmpty() && !wire::isValidUuid(recordId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("record_id is a UUID"), QStringLiteral("record_id"));
    const QDateTime viewedAt = QDateTime::fromString(body.value(QLatin1String("viewed_at")).toString(), Qt::ISODate);
    if (!viewedAt.isValid() || viewedAt > QDateTime::currentDateTimeUtc().addSecs(600))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("viewed_at is when it was opened (ISO 8601, not in the future)"),
                                  QStringLiteral("viewed_at"));
    auto r = m_db.transact(c.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        return AuditLog::append(m_db, tx, {c.userId, c.deviceId, c.address, QStringLiteral("view"), childId.isEmpty() ? recordId : childId,
                                           QJsonObject{{QStringLiteral("what"), childId.isEmpty() ? QStringLiteral("record") : QStringLiteral("child")},
                                                       {QStringLiteral("viewed_at"), viewedAt.toUTC().toString(Qt::ISODate)}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return ApiResponse::ok({{QStringLiteral("recorded"), true}});
}

ApiResponse ApiRouter::handle(const ApiRequest &req)
{
    if (req.body.size() > kMaxBodyBytes)
        return ApiResponse::error(413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large."));
    const QString &path = req.path;
    if (!path.startsWith(QLatin1String("/api/v1/")))
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
    const QString route = path.mid(8);
    const bool isPost = req.method == "POST";
    const bool isGet = req.method == "GET";

    QJsonObject body;
    if (isPost) {
        if (!req.contentType.isEmpty() && !req.contentType.startsWith("application/json"))
            return ApiResponse::error(415, QStringLiteral("unsupported_media_type"), QStringLiteral("Send application/json."));
        auto parsed = parseBody(req.body.isEmpty() ? QByteArrayLiteral("{}") : req.body);
        if (!parsed)
            return ApiResponse::error(400, QStringLiteral("invalid_json"), parsed.error().message);
        body = parsed.value();
    }

    if (route == QLatin1String("health"))
        return isGet ? ApiResponse::ok({{QStringLiteral("status"), QStringLiteral("ok")}}) : methodNotAllowed();
    if (route == QLatin1String("auth/login"))
        return isPost ? m_auth.login(body, req.address) : methodNotAllowed();
    if (route == QLatin1String("auth/refresh"))
        return isPost ? m_auth.refresh(body, req.address) : methodNotAllowed();

    const bool known = route == QLatin1String("audit/export") || route == QLatin1String("audit/view") || route == QLatin1String("auth/logout") || route == QLatin1String("sync/push") || route == QLatin1String("sync/pull")
        || route == QLatin1String("reviews/queue") || reviewRoute.match(route).hasMatch() || revokeRoute.match(route).hasMatch()
        || route == QLatin1String("exports/visits.csv") || route == QLatin1String("dashboard") || chronologyRoute.match(route).hasMatch()
        || route == QLatin1String("children") || allocationRoute.match(route).hasMatch() || route == QLatin1String("transfers")
        || transferRequestRoute.match(route).hasMatch() || transferDecisionRoute.match(route).hasMatch();
    if (!known)
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));

    // The record format the client reads: absent means a client from before the header (schema 1).
    int readerSchema = 1;
    if (!req.readerSchema.isEmpty()) {
        bool ok = false;
        readerSchema = req.readerSchema.trimmed().toInt(&ok);
        if (!ok || readerSchema < 1)
            return ApiResponse::error(400, QStringLiteral("invalid_input"),
                                      QStringLiteral("Doorstep-Schema must be a whole number from 1 (the record format the client reads)."));
    }

    // Everything else needs a live device (a revoked one hears device_revoked on any call).
    ApiResponse failure;
    auto ctx = m_auth.authenticate(req.authorization, req.address, &failure);
    if (!ctx)
        return failure;
    ctx.value().readerSchema = readerSchema;
    const AuthContext &c = ctx.value();
    ApiResponse answer = dispatch(c, req, route, body);
    if (answer.status == 403 && !answer.refusalAudited) {
        // A refusal by role (a worker asking for a manager's export, an administrator pulling
        // records) is logged like the scope refusals the handlers log themselves.
        const QJsonObject error = answer.body.value(QLatin1String("error")).toObject();
        auto logged = m_db.transact(c.caller(), [&](QSqlDatabase &tx) -> Result<void> {
            return AuditLog::append(m_db, tx, {c.userId, c.deviceId, c.address, QStringLiteral("access_refused"), route,
                                               QJsonObject{{QStringLiteral("method"), QString::fromLatin1(req.method)},
                                                           {QStringLiteral("code"), error.value(QLatin1String("code"))}}});
        });
        if (!logged)
            return ApiResponse::fromError(logged.error()); // a refusal that cannot be audited is not answered as if it were
    }
    return answer;
}

ApiResponse ApiRouter::dispatch(const AuthContext &c, const ApiRequest &req, const QString &route, const QJsonObject &body)
{
    const bool isPost = req.method == "POST";
    const bool isGet = req.method == "GET";
    if (route == QLatin1String("auth/logout"))
        return isPost ? m_auth.logout(c, body) : methodNotAllowed();
    if (route == QLatin1String("audit/export"))
        return isPost ? recordExport(c, body) : methodNotAllowed();
    if (route == QLatin1String("audit/view"))
        return isPost ? recordView(c, body) : methodNotAllowed();
    if (route == QLatin1String("sync/push"))
        return isPost ? m_sync.push(c, body) : methodNotAllowed();
    if (route == QLatin1String("sync/pull"))
        return isGet ? m_sync.pull(c, req.query) : methodNotAllowed();
    if (route == QLatin1String("reviews/queue"))
        return isGet ? m_reviews.queue(c) : methodNotAllowed();
    if (auto m = reviewRoute.match(route); m.hasMatch())
        return isPost ? m_reviews.decide(c, m.captured(1), body) : methodNotAllowed();
    if (route == QLatin1String("exports/visits.csv"))
        return isGet ? m_manager.visitsCsv(c) : methodNotAllowed();
    if (auto m = chronologyRoute.match(route); m.hasMatch())
        return isGet ? m_manager.chronologyPdf(c, m.captured(1)) : methodNotAllowed();
    if (route == QLatin1String("dashboard"))
        return isGet ? m_manager.dashboard(c, req.query) : methodNotAllowed();
    if (route == QLatin1String("children"))
        return isPost ? m_manager.openCase(c, body) : methodNotAllowed();
    if (auto m = allocationRoute.match(route); m.hasMatch())
        return isPost ? m_manager.reallocate(c, m.captured(1), body) : methodNotAllowed();
    if (route == QLatin1String("transfers"))
        return isGet ? m_transfers.list(c) : methodNotAllowed();
    if (auto m = transferRequestRoute.match(route); m.hasMatch())
        return isPost ? m_transfers.request(c, m.captured(1), body) : methodNotAllowed();
    if (auto m = transferDecisionRoute.match(route); m.hasMatch())
        return isPost ? m_transfers.decide(c, m.captured(1), m.captured(2), body) : methodNotAllowed();
    if (auto m = revokeRoute.match(route); m.hasMatch()) {
        if (!isPost)
            return methodNotAllowed();
        if (!c.isAdmin())
            return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only administrators revoke devices."));
        AdminService admin(m_db, c.userId);
        auto r = admin.revokeDevice(m.captured(1));
        if (!r)
            return ApiResponse::fromError(r.error());
        return ApiResponse::ok({{QStringLiteral("revoked"), r.value()}});
    }
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
}

} // namespace doorstep::server
