// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"

#include <QJsonObject>

namespace doorstep::server {

class Database;

/** Management oversight: the team's queue and approve/return decisions with a rationale. */
class ReviewService
{
public:
    explicit ReviewService(const Database &database);

    ApiResponse queue(const AuthContext &ctx);
    ApiResponse decide(const AuthContext &ctx, const QString &recordId, const QJsonObject &body);

private:
    const Database &m_db;
};

} // namespace doorstep::server
