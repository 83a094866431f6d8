// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "teamchecks.h"

#include "core/wire.h"
#include "database.h"

namespace doorstep::server::teamchecks {

Result<std::optional<ApiResponse>> refusalUnlessTeamChild(QSqlDatabase &tx, const QString &childId, const QString &teamId)
{
    auto q = Database::exec(tx, QStringLiteral("SELECT team_id FROM allocations WHERE child_id = ?"), {childId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<ApiResponse>(ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such child.")));
    if (q.value().value(0).toString() != teamId)
        return std::optional<ApiResponse>(ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("This child is not in your team.")));
    return std::optional<ApiResponse>();
}

Result<std::optional<ApiResponse>> refusalUnlessTeamWorker(QSqlDatabase &tx, const QString &workerId, const QString &teamId)
{
    auto worker = Database::exec(tx, QStringLiteral("SELECT role, team_id, disabled FROM users WHERE id = ?"), {workerId});
    if (!worker)
        return worker.error();
    if (!worker.value().next() || worker.value().value(0).toString() != QLatin1String("worker")
        || worker.value().value(1).toString() != teamId || worker.value().value(2).toInt() != 0)
        return std::optional<ApiResponse>(
            ApiResponse::error(422, QStringLiteral("not_a_team_worker"), QStringLiteral("Choose a worker in your team."), QStringLiteral("worker_id")));
    return std::optional<ApiResponse>();
}

bool readReason(const QJsonObject &body, const QString &what, bool required, QString *reason, ApiResponse *error)
{
    const QJsonValue reasonValue = body.value(QLatin1String("reason"));
    if (!reasonValue.isString() && !reasonValue.isUndefined() && !reasonValue.isNull()) {
        *error = ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("reason must be text"), QStringLiteral("reason"));
        return false;
    }
    *reason = reasonValue.toString().trimmed();
    if (required && reason->isEmpty()) {
        *error = ApiResponse::error(422, QStringLiteral("required"), QStringLiteral("Give the reason for the %1.").arg(what), QStringLiteral("reason"));
        return false;
    }
    if (reason->size() > 4000) {
        *error = ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("The reason is longer than 4,000 characters."),
                                    QStringLiteral("reason"));
        return false;
    }
    return true;
}

bool readAllocation(const QJsonObject &body, const QString &what, QString *workerId, QString *reason, ApiResponse *error)
{
    *workerId = body.value(QLatin1String("worker_id")).toString();
    if (!wire::isValidUuid(*workerId)) {
        *error = ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("worker_id must be a user id"), QStringLiteral("worker_id"));
        return false;
    }
    return readReason(body, what, true, reason, error);
}

std::optional<ApiResponse> refusalOfUnknownFields(const QJsonObject &body, std::initializer_list<const char *> known)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        bool ok = false;
        for (const char *k : known)
            ok = ok || it.key() == QLatin1String(k);
        if (!ok)
            return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("unknown field"), it.key());
    }
    return std::nullopt;
}

} // namespace doorstep::server::teamchecks
