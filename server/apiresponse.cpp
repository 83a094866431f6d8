// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "apiresponse.h"

#include <QJsonDocument>

namespace doorstep::server {

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message,
                               const QString &field)
{
    QJsonObject err{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    err.insert(QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field));
    return ApiResponse{status, QJsonObject{{QStringLiteral("error"), err}}, {}, {}, {}, false};
}

ApiResponse ApiResponse::file(QByteArray bytes, const QByteArray &contentType, const QByteArray &fileName)
{
    ApiResponse r{200, {}, {}, std::move(bytes), contentType, false};
    r.headers.append({QByteArrayLiteral("Content-Disposition"), QByteArrayLiteral("attachment; filename=\"") + fileName + '"'});
    return r;
}

QJsonObject ApiResponse::json() const
{
    if (contentType == "application/json")
        return QJsonDocument::fromJson(raw).object();
    return body;
}

ApiResponse ApiResponse::fromError(const Error &e)
{
    switch (e.code) {
    case ErrorCode::InvalidInput:
        return error(400, QStringLiteral("invalid_input"), e.message, e.field);
    case ErrorCode::RuleViolation:
        return error(422, QStringLiteral("rule_violation"), e.message, e.field);
    case ErrorCode::NotFound:
        return error(404, QStringLiteral("not_found"), e.message, e.field);
    case ErrorCode::Conflict:
        return error(409, QStringLiteral("conflict"), e.message, e.field);
    case ErrorCode::Locked:
        return error(409, QStringLiteral("locked"), e.message, e.field);
    case ErrorCode::Forbidden:
        return error(403, QStringLiteral("forbidden"), e.message, e.field);
    case ErrorCode::Unauthenticated:
        return error(401, QStringLiteral("unauthenticated"), e.message, e.field);
    case ErrorCode::Timeout:
        return error(503, QStringLiteral("timeout"), QStringLiteral("The service is busy; try again."));
    default:
        // Storage and internal errors are logged by the caller; never sent (no SQL in responses).
        return error(500, QStringLiteral("internal"), QStringLiteral("The service could not complete the request."));
    }
}

} // namespace doorstep::server
