// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QDate>
#include <QStringList>

namespace doorstep {

class Database;

/** A fictional team for the manager's screens (screenshots, self-test, UI tests): every name and
 *  event is invented. */
namespace demodata {

/** The demo manager's user id and the team's. */
QString demoManagerId();
QString demoTeamId();

/** Saves, as if pulled from the service, a team of three workers with `children` children,
 *  visits over the last four months (some not seen alone, some without the child's views, with
 *  submission and decision delays), management decisions, a supervision note, the team's
 *  user names for the dashboard, and moves between teams (one to answer, one waiting, one
 *  declined). Returns the children's ids. */
Result<QStringList> seedTeam(Database &db, int children, const QDate &today);

} // namespace demodata
} // namespace doorstep
