// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QDateTime>

namespace doorstep::server {

class Database;

/** The demo council: 2 teams, managers, workers, an administrator and 60 plainly fictional
 *  children with plans, diversity details and a year of visits and direct work. */
class DemoSeed
{
public:
    struct Summary {
        int users = 0;
        int children = 0;
        int records = 0;
    };
    static Result<Summary> run(const Database &database, const QByteArray &password,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace doorstep::server
