// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"
#include "authservice.h"
#include "managerservice.h"
#include "reviewservice.h"
#include "syncservice.h"
#include "transferservice.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace doorstep::server {

class Database;

/** One HTTP request reduced to what the API needs (so routing is testable without sockets). */
struct ApiRequest {
    QByteArray method;        // "GET", "POST", ...
    QString path;             // "/api/v1/sync/pull"
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization; // the Authorization header
    QByteArray contentType;
    QString address;          // remote address
    QByteArray readerSchema;  // the Doorstep-Schema header: the record format the client reads
};

/** Routes requests to the handler classes: limits, JSON parsing, authentication, one error shape. */
class ApiRouter
{
public:
    explicit ApiRouter(const Database &database);

    ApiResponse handle(const ApiRequest &request);

    static constexpr qint64 kMaxBodyBytes = 8 * 1024 * 1024;
    static constexpr int kMaxJsonDepth = 32;
    static constexpr int kMaxJsonValues = 200000;

    /** Parses a body into an object, enforcing the depth and value-count limits. */
    static Result<QJsonObject> parseBody(const QByteArray &body);

private:
    ApiResponse recordExport(const AuthContext &ctx, const QJsonObject &body);
    /** A child's page or a record opened on a tablet, reported for the audit trail. */
    ApiResponse recordView(const AuthContext &ctx, const QJsonObject &body);
    /** The routes that need a signed-in device, after authentication. */
    ApiResponse dispatch(const AuthContext &c, const ApiRequest &req, const QString &route, const QJsonObject &body);

    const Database &m_db;
    AuthService m_auth;
    SyncService m_sync;
    ReviewService m_reviews;
    ManagerService m_manager;
    TransferService m_transfers;
};

} // namespace doorstep::server
