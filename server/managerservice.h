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
 *  as exports) and the dashboard figures (core/dashboard.h). Managers only, own team only. */
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

private:
    const Database &m_db;
};

} // namespace doorstep::server
