// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "database.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace doorstep::server {

/** A response a handler returns without knowing about HTTP: status, JSON body, extra headers. */
struct ApiResponse {
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /** A non-JSON answer (CSV, PDF): sent as is with `contentType` instead of `body`. */
    QByteArray raw;
    QByteArray contentType;
    /** A 403 whose handler wrote its own refusal row (review_refused, export_refused); every
     *  other 403 to a signed-in caller is audited by the router as access_refused. */
    bool refusalAudited = false;

    static ApiResponse ok(QJsonObject body) { return ApiResponse{200, std::move(body), {}, {}, {}, false}; }
    static ApiResponse created(QJsonObject body) { return ApiResponse{201, std::move(body), {}, {}, {}, false}; }
    /** A 200 whose JSON object is already serialised (a pull page with record bodies spliced in
     *  as stored): sent as is, built on the request's worker thread. */
    static ApiResponse okJson(QByteArray json) { return ApiResponse{200, {}, {}, std::move(json), QByteArrayLiteral("application/json"), false}; }
    /** The JSON object answered, whichever way it is held (`body`, or serialised in `raw`). */
    QJsonObject json() const;
    /** A file download: the bytes, their media type and the file name the browser offers. */
    static ApiResponse file(QByteArray bytes, const QByteArray &contentType, const QByteArray &fileName);
    /** The one error shape: {"error": {"code", "message", "field"}}. */
    static ApiResponse error(int status, const QString &code, const QString &message,
                             const QString &field = {});
    /** Maps an Error from a lower layer; internal errors never leak their message. */
    static ApiResponse fromError(const Error &error);
};

/** Who is calling, established from a verified access token and a live device. */
struct AuthContext {
    QString userId;
    QString username;
    QString displayName; // the name colleagues know them by (the username when none was given)
    QString role;     // worker | manager | admin
    QString teamId;   // empty for admin
    QString deviceId;
    QString address;  // remote address, for audit
    /** The record format the client reads (its Doorstep-Schema header; 1 for a client from before
     *  the header): every record it is sent goes through wire::forReader. */
    int readerSchema = 1;
    bool isWorker() const { return role == QLatin1String("worker"); }
    bool isManager() const { return role == QLatin1String("manager"); }
    bool isAdmin() const { return role == QLatin1String("admin"); }
    /** The same caller for Database::transact (the row-level security settings). */
    DbCaller caller() const { return {userId, role, teamId, deviceId}; }
};

} // namespace doorstep::server
