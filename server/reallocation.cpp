// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reallocation.h"

#include "core/domain.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "recordstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace doorstep::server {

Result<AllocationChange> Reallocation::describe(QSqlDatabase &tx, const QString &previousWorker, const QString &previousTeam,
                                               const QDateTime &at) const
{
    // Names as they are now: the chronology reads them long after people have moved on.
    auto nameOf = [&](const QString &id) -> Result<QString> {
        if (id.isEmpty())
            return QString();
        auto q = Database::exec(tx, QStringLiteral("SELECT COALESCE(NULLIF(display_name, ''), username) FROM users WHERE id = ?"), {id});
        if (!q)
            return q.error();
        return q.value().next() ? q.value().value(0).toString() : QString();
    };
    auto teamNameOf = [&](const QString &id) -> Result<QString> {
        if (id.isEmpty())
            return QString();
        auto q = Database::exec(tx, QStringLiteral("SELECT name FROM teams WHERE id = ?"), {id});
        if (!q)
            return q.error();
        return q.value().next() ? q.value().value(0).toString() : QString();
    };
    auto workerName = nameOf(workerId);
    auto previousName = nameOf(previousWorker);
    auto actorName = nameOf(actorId);
    // The teams are named only when the child changes team (or the case opens in one).
    const bool teamChanged = previousTeam != teamId;
    auto teamName = teamNameOf(teamChanged ? teamId : QString());
    auto previousTeamName = teamNameOf(teamChanged ? previousTeam : QString());
    if (!workerName || !previousName || !actorName || !teamName || !previousTeamName)
        return Error(ErrorCode::StorageError, QStringLiteral("could not read the names for the allocation history"));
    // Empty parts are left out of the record (AllocationChange writes null text as absent).
    auto orNull = [](const QString &v) { return v.isEmpty() ? QString() : v; };
    AllocationChange move;
    move.at = at;
    move.worker = workerId;
    move.workerName = orNull(workerName.value());
    move.previousWorker = orNull(previousWorker);
    move.previousWorkerName = orNull(previousName.value());
    move.teamName = orNull(teamName.value());
    move.previousTeamName = orNull(previousTeamName.value());
    move.reason = orNull(reason);
    move.decidedBy = actorId;
    move.decidedByName = orNull(actorName.value());
    return move;
}

Result<Reallocation::Holder> Reallocation::apply(const Database &database, QSqlDatabase &tx) const
{
    const QString &team = teamId;
    const QString lock = database.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    auto cur = Database::exec(tx, QStringLiteral("SELECT worker_id, team_id, allocated_at FROM allocations WHERE child_id = ?") + lock,
                              {childId});
    if (!cur)
        return cur.error();
    QString oldWorker, oldTeam, oldSince;
    const bool existed = cur.value().next();
    if (existed) {
        oldWorker = cur.value().value(0).toString();
        oldTeam = cur.value().value(1).toString();
        oldSince = cur.value().value(2).toString();
    }
    if (existed && oldWorker == workerId)
        return Holder{true, oldWorker, oldTeam};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString at = now.toString(Qt::ISODateWithMs);
    auto up = existed
        ? Database::exec(tx, QStringLiteral("UPDATE allocations SET worker_id = ?, team_id = ?, allocated_at = ? WHERE child_id = ?"),
                         {workerId, team, at, childId})
        : Database::exec(tx, QStringLiteral("INSERT INTO allocations (child_id, worker_id, team_id, allocated_at) VALUES (?, ?, ?, ?)"),
                         {childId, workerId, team, at});
    if (!up)
        return up.error();
    // A move to another team made otherwise (an administrator's) answers any transfer still
    // asked for: the child is no longer where it was asked from.
    if (existed && team != oldTeam) {
        if (auto w = Database::exec(tx, QStringLiteral("UPDATE transfers SET state = 'withdrawn', decided_by = ?, decided_at = ?"
                                                       " WHERE child_id = ? AND state = 'pending'"),
                                    {actorId, at, childId});
            !w)
            return w.error();
    }
    // The worker it leaves: their records about the child made while they held it, on a
    // tablet that had not heard yet, are still taken for a while (SyncService, "hand-over").
    if (!oldWorker.isEmpty()) {
        const QString handoverUntil = now.addDays(kHandoverDays).toString(Qt::ISODateWithMs);
        if (auto h = Database::exec(tx, QStringLiteral("INSERT INTO allocation_history (child_id, worker_id, team_id, from_at, until_at, handover_until)"
                                                       " VALUES (?, ?, ?, ?, ?, ?)"),
                                    {childId, oldWorker, oldTeam, oldSince, at, handoverUntil});
            !h)
            return h.error();
    }

    // The child record mirrors its allocation (a new revision every holder receives).
    auto child = RecordStore::load(database, tx, childId, true);
    if (!child)
        return child.error();
    if (child.value().exists) {
        QJsonObject body = child.value().body;
        body.insert(QStringLiteral("allocated_worker"), workerId);
        body.insert(QStringLiteral("team"), team);
        auto move = describe(tx, oldWorker, oldTeam, now);
        if (!move)
            return move.error();
        QJsonArray history = body.value(QLatin1String("allocations")).toArray();
        history.append(move.value().toJson());
        // The wire format's array limit; the audit trail keeps every move.
        while (history.size() > kMaxAllocationHistory)
            history.removeFirst();
        body.insert(QStringLiteral("allocations"), history);
        RecordStore::Write wr{body, team, actorId, deviceId, child.value().conflict, child.value().deleted, {}};
        if (auto rev = RecordStore::write(database, tx, child.value(), wr); !rev)
            return rev.error();
    }
    // Every record about the child reaches the new worker and, across teams, the new team.
    auto recs = Database::exec(tx, QStringLiteral("SELECT DISTINCT record_id FROM record_children WHERE child_id = ?"), {childId});
    if (!recs)
        return recs.error();
    QStringList recordIds;
    while (recs.value().next())
        recordIds << recs.value().value(0).toString();
    for (const QString &rid : recordIds) {
        if (auto c = RecordStore::addChange(tx, rid, QStringLiteral("upsert"), QString(), workerId); !c)
            return c.error();
        if (team != oldTeam) {
            if (auto t = Database::exec(tx, QStringLiteral("UPDATE records SET team_id = ? WHERE id = ?"), {team, rid}); !t)
                return t.error();
            if (auto c = RecordStore::addChange(tx, rid, QStringLiteral("upsert"), team, QString()); !c)
                return c.error();
        }
    }
    // The old holder purges what it can no longer see.
    QStringList purgeTargets;
    if (!oldWorker.isEmpty())
        purgeTargets << oldWorker;
    if (existed && team != oldTeam) {
        auto mgrs = Database::exec(tx, QStringLiteral("SELECT id FROM users WHERE role = 'manager' AND team_id = ?"), {oldTeam});
        if (!mgrs)
            return mgrs.error();
        while (mgrs.value().next())
            purgeTargets << mgrs.value().value(0).toString();
    }
    for (const QString &target : purgeTargets) {
        for (const QString &rid : recordIds) {
            // Still visible through another child allocated to the same worker? Then keep it.
            auto still = Database::exec(tx, QStringLiteral("SELECT 1 FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                                                           " WHERE rc.record_id = ? AND (a.worker_id = ? OR a.team_id = (SELECT team_id FROM users WHERE id = ? AND role = 'manager'))"),
                                         {rid, target, target});
            if (!still)
                return still.error();
            if (still.value().next())
                continue;
            if (auto c = RecordStore::addChange(tx, rid, QStringLiteral("purge"), QString(), target); !c)
                return c.error();
        }
    }
    return Holder{existed, oldWorker, oldTeam};
}

QStringList Reallocation::allocationFields()
{
    return wire::serviceOwnedFields() + QStringList{QStringLiteral("allocated_worker"), QStringLiteral("team")};
}

std::optional<Reallocation::Refusal> Reallocation::refusalForNewChild(QJsonObject *child, const QDateTime &now)
{
    const auto at = [](const QString &field) { return field.isEmpty() ? QStringLiteral("child") : QStringLiteral("child.") + field; };
    if (child->value(QLatin1String("type")).toString() != QLatin1String("child"))
        return Refusal{400, QStringLiteral("invalid_input"), QStringLiteral("type must be \"child\" here"), at(QStringLiteral("type"))};
    if (!wire::isValidUuid(child->value(QLatin1String("id")).toString()))
        return Refusal{400, QStringLiteral("invalid_input"), QStringLiteral("id must be a UUID"), at(QStringLiteral("id"))};
    // Who holds the case, and since when, is the service's to say: it writes them from the allocation.
    for (const QString &owned : allocationFields()) {
        if (child->contains(owned))
            return Refusal{422, QStringLiteral("forbidden_field"), QStringLiteral("The service sets %1 from the allocation.").arg(owned), at(owned)};
    }
    if (!child->contains(QLatin1String("schema")))
        child->insert(QStringLiteral("schema"), wire::kSchemaVersion);
    if (child->value(QLatin1String("schema")).toDouble() > wire::kSchemaVersion)
        return Refusal{422, QStringLiteral("unsupported_schema"),
                       QStringLiteral("This service does not know schema %1 yet.").arg(child->value(QLatin1String("schema")).toDouble()),
                       at(QStringLiteral("schema"))};
    // The rules first: a missing name is "required" (422), as the form says, not a malformed record.
    if (const QList<rules::Violation> violations = rules::checkChild(*child, now); !violations.isEmpty()) {
        const rules::Violation &v = violations.first();
        return v.code == QLatin1String("invalid") ? Refusal{400, QStringLiteral("invalid_input"), v.message, at(v.field)}
                                                  : Refusal{422, v.code, v.message, at(v.field)};
    }
    if (auto v = wire::validateRecord(*child); !v)
        return Refusal{400, QStringLiteral("invalid_input"), v.error().message, at(v.error().field)};
    return std::nullopt;
}

Result<int> Reallocation::openCase(const Database &database, QSqlDatabase &tx, const QJsonObject &child) const
{
    // The allocation first: the child's record is then in the team's scope (row-level security).
    if (auto a = apply(database, tx); !a)
        return a.error();
    auto move = describe(tx, QString(), QString(), QDateTime::currentDateTimeUtc());
    if (!move)
        return move.error();
    QJsonObject record = child;
    record.insert(QStringLiteral("allocated_worker"), workerId);
    record.insert(QStringLiteral("team"), teamId);
    record.insert(QStringLiteral("allocations"), QJsonArray{move.value().toJson()});
    StoredRecord none;
    none.id = childId;
    none.type = QStringLiteral("child");
    return RecordStore::write(database, tx, none, RecordStore::Write{record, teamId, actorId, deviceId, {}, false, {}});
}

} // namespace doorstep::server
