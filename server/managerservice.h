// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace doorstep::server {

class Database;

/** A manager's views of their team: the visits CSV and a child's chronology PDF (both audited
 *  as exports) and the dashboard figures (core/dashboard.h); and moving a child to another worker
 *  of the team. Managers only, own team only. */
class ManagerService
{
public:
    explicit ManagerService(const Database &database);

    /** GET exports/visits.csv */
    ApiResponse visitsCsv(const AuthContext &ctx);
    /** GET exports/children/{id}/chronology.pdf (needs a QGuiApplication for fonts). */
    ApiResponse chronologyPdf(const AuthContext &ctx, const QString &childId);
    /** GET dashboard[?today=YYYY-MM-DD&from=…&to=…] */
    ApiResponse dashboard(const AuthContext &ctx, const QUrlQuery &query);
    /** POST children/{id}/allocation {worker_id, reason}: moves a child of the manager's team to
     *  another worker of the team, with the reason recorded in the audit trail. */
    ApiResponse reallocate(const AuthContext &ctx, const QString &childId, const QJsonObject &body);
    /** POST children {child, worker_id, reason}: opens a new child's case in the manager's team,
     *  allocated to one of its workers, with the reason; the child record's first revision
     *  carries the allocation. Repeating the same request answers as the first did. */
    ApiResponse openCase(const AuthContext &ctx, const QJsonObject &body);

private:
    const Database &m_db;
};

} // namespace doorstep::server
