// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace doorstep::server {

class Database;

/** Moving a child to a worker, inside the caller's transaction. Shared by the admin CLI (as the
 *  schema owner) and a manager's reallocation in the app (under their row-level security). */
struct Reallocation {
    QString childId;
    QString workerId;
    QString teamId;   // the worker's team
    QString actorId;  // an administrator ("cli") or the team's manager
    QString deviceId; // the manager's device, if any

    struct Holder {
        bool existed = false; // the child had an allocation
        QString workerId, teamId;
    };
    /** Writes the allocation; the hand-over for the worker it leaves (allocation_history); the
     *  child record's next revision (allocated_worker, team); an upsert of every record about
     *  the child for the new worker (and the new team); and purges for the old worker (and,
     *  across teams, the old team's managers) of what they can no longer see. Returns who held
     *  the child before; nothing is written when that is already `workerId`. */
    Result<Holder> apply(const Database &database, QSqlDatabase &tx) const;
};

} // namespace doorstep::server
