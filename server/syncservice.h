// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"
#include "auditlog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUrlQuery>

#include <functional>

namespace doorstep::server {

class Database;
struct StoredRecord;

/** Push (idempotent per device and mutation id, per-field merge) and pull (scoped, cursor in
 *  commit order). Testable without HTTP. */
class SyncService
{
public:
    explicit SyncService(const Database &database);

    ApiResponse push(const AuthContext &ctx, const QJsonObject &body);
    ApiResponse pull(const AuthContext &ctx, const QUrlQuery &query);

    static constexpr int kMaxMutations = 500;
    static constexpr int kDefaultPageSize = 100;
    static constexpr int kMaxPageSize = 2000;

    /** Cursors are opaque to clients: base64url of "v1:<xid>:<seq>". */
    static QString encodeCursor(const QString &xid, qint64 seq);
    static bool decodeCursor(const QString &cursor, QString *xid, qint64 *seq);

    /** Overridable clock for rules ("nothing in the future"). */
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    /** Decides and writes one mutation inside the request's transaction; its audit events go to
     *  `audit` (appended by the caller once the mutation is kept). A storage failure is an Error. */
    struct PushCache; // a request's records and allocations, read once
    Result<QJsonObject> applyOne(const AuthContext &ctx, QSqlDatabase &tx, const QJsonObject &mutation, int index,
                                 QList<AuditLog::Event> *audit, PushCache *cache);

    const Database &m_db;
    std::function<QDateTime()> m_clock;
};

} // namespace doorstep::server
