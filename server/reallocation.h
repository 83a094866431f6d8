// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/domain.h"
#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace doorstep::server {

class Database;

/** The most moves a child record keeps in `allocations` (the oldest go first); the audit trail
 *  keeps every move. Under the wire format's array limit. */
constexpr int kMaxAllocationHistory = 100;

/** Moving a child to a worker, inside the caller's transaction. Shared by the admin CLI (as the
 *  schema owner) and a manager's reallocation in the app (under their row-level security). */
struct Reallocation {
    QString childId;
    QString workerId;
    QString teamId;   // the worker's team
    QString actorId;  // an administrator ("cli") or the team's manager
    QString deviceId; // the manager's device, if any
    QString reason;   // the manager's reason; kept on the child record's `allocations`

    struct Holder {
        bool existed = false; // the child had an allocation
        QString workerId, teamId;
    };
    /** Writes the allocation; the hand-over for the worker it leaves (allocation_history); the
     *  child record's next revision (allocated_worker, team, and the move added to `allocations`
     *  with the names and the reason, for the child's chronology); an upsert of every record about
     *  the child for the new worker (and the new team); and purges for the old worker (and,
     *  across teams, the old team's managers) of what they can no longer see. Returns who held
     *  the child before; nothing is written when that is already `workerId`. */
    Result<Holder> apply(const Database &database, QSqlDatabase &tx) const;
    /** The move as the child record's `allocations` keeps it: when, to and from whom (with their
     *  names as they are now, and the teams' when the team changes), who decided and why. */
    Result<AllocationChange> describe(QSqlDatabase &tx, const QString &previousWorker, const QString &previousTeam,
                                      const QDateTime &at) const;

    /** The fields of a child record the service writes from the allocation, never a client. */
    static QStringList allocationFields();

    /** Why a new child's record cannot open a case, as the API answers it. */
    struct Refusal {
        int status = 400;
        QString code, message, field; // field: "child.first_name", "child"
    };
    /** Checks a new child's record as a client sent it (`child` gains its schema if absent):
     *  a child with a UUID id, none of the fields the service sets, the rules for every child. */
    static std::optional<Refusal> refusalForNewChild(QJsonObject *child, const QDateTime &now);

    /** Opens `childId`'s case for `workerId`: the allocation (apply), then the child record's
     *  first revision with who holds it and the first `allocations` entry. `child` is checked
     *  (refusalForNewChild) and its id is `childId`. Returns the revision written. */
    Result<int> openCase(const Database &database, QSqlDatabase &tx, const QJsonObject &child) const;
};

} // namespace doorstep::server
