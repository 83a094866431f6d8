// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "transferservice.h"

#include "auditlog.h"
#include "core/wire.h"
#include "database.h"
#include "reallocation.h"
#include "recordstore.h"
#include "teamchecks.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace doorstep::server {

namespace {

// How long an answered request stays in the asking team's list, so its manager reads the answer.
constexpr int kAnsweredDays = 30;

// What the receiving manager reads before the child is theirs: who the child is, nothing more.
QJsonObject childSummary(const QJsonObject &child)
{
    QJsonObject summary;
    for (const char *key : {"first_name", "last_name", "preferred_name", "date_of_birth", "legal_status", "cp_category"}) {
        const QJsonValue v = child.value(QLatin1String(key));
        if (v.isString() && !v.toString().isEmpty())
            summary.insert(QLatin1String(key), v);
    }
    return summary;
}

struct OpenTransfer {
    QString id, childId, fromTeam, toTeam, state, workerId, decidedBy, decisionReason;
};

Result<std::optional<OpenTransfer>> loadTransfer(const Database &db, QSqlDatabase &tx, const QString &id)
{
    const QString lock = db.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    auto q = Database::exec(tx, QStringLiteral("SELECT child_id, from_team, to_team, state, worker_id, decided_by, decision_reason"
                                               " FROM transfers WHERE id = ?") + lock,
                            {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<OpenTransfer>();
    const QSqlQuery &row = q.value();
    return std::optional<OpenTransfer>(OpenTransfer{id, row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                                                    row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
                                                    row.value(6).toString()});
}

Result<bool> teamExists(QSqlDatabase &tx, const QString &teamId)
{
    auto q = Database::exec(tx, QStringLiteral("SELECT 1 FROM teams WHERE id = ?"), {teamId});
    if (!q)
        return q.error();
    return q.value().next();
}

} // namespace

TransferService::TransferService(const Database &database) : m_db(database)
{
}

ApiResponse TransferService::list(const AuthContext &ctx)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only team managers move children between teams."));
    QJsonArray teams, incoming, outgoing;
    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto t = Database::exec(tx, QStringLiteral("SELECT id, name FROM teams WHERE id <> ? ORDER BY name"), {ctx.teamId});
        if (!t)
            return t.error();
        while (t.value().next())
            teams.append(QJsonObject{{QStringLiteral("id"), t.value().value(0).toString()}, {QStringLiteral("name"), t.value().value(1).toString()}});
        // People by the name colleagues know them by; the worker who holds the child now.
        const QString name = QStringLiteral("COALESCE(NULLIF(%1.display_name, ''), %1.username)");
        const QString select =
            QStringLiteral("SELECT t.id, t.child_id, t.from_team, ft.name, t.to_team, tt.name, t.state, t.child_summary, t.reason,"
                           " t.requested_at, %1, t.decided_at, %2, t.decision_reason, t.worker_id, %3, %4"
                           " FROM transfers t JOIN teams ft ON ft.id = t.from_team JOIN teams tt ON tt.id = t.to_team"
                           " LEFT JOIN users rq ON rq.id = t.requested_by LEFT JOIN users dc ON dc.id = t.decided_by"
                           " LEFT JOIN users wk ON wk.id = t.worker_id"
                           " LEFT JOIN allocations a ON a.child_id = t.child_id LEFT JOIN users hw ON hw.id = a.worker_id")
                .arg(name.arg(QLatin1String("rq")), name.arg(QLatin1String("dc")), name.arg(QLatin1String("wk")), name.arg(QLatin1String("hw")));
        auto read = [&](const QString &where, const QVariantList &args, QJsonArray *out) -> Result<void> {
            auto q = Database::exec(tx, select + where, args);
            if (!q)
                return q.error();
            QSqlQuery &row = q.value();
            while (row.next()) {
                QJsonObject item{{QStringLiteral("id"), row.value(0).toString()},
                                 {QStringLiteral("child_id"), row.value(1).toString()},
                                 {QStringLiteral("from_team"), row.value(2).toString()},
                                 {QStringLiteral("from_team_name"), row.value(3).toString()},
                                 {QStringLiteral("to_team"), row.value(4).toString()},
                                 {QStringLiteral("to_team_name"), row.value(5).toString()},
                                 {QStringLiteral("state"), row.value(6).toString()},
                                 {QStringLiteral("child"), QJsonDocument::fromJson(row.value(7).toString().toUtf8()).object()},
                                 {QStringLiteral("reason"), row.value(8).toString()},
                                 {QStringLiteral("requested_at"), row.value(9).toString()},
                                 {QStringLiteral("requested_by_name"), row.value(10).toString()}};
                const auto putText = [&](const char *key, int column) {
                    if (!row.value(column).isNull() && !row.value(column).toString().isEmpty())
                        item.insert(QLatin1String(key), row.value(column).toString());
                };
                putText("decided_at", 11);
                putText("decided_by_name", 12);
                putText("decision_reason", 13);
                putText("worker_id", 14);
                putText("worker_name", 15);
                putText("held_by_name", 16);
                out->append(item);
            }
            return {};
        };
        if (auto in = read(QStringLiteral(" WHERE t.to_team = ? AND t.state = 'pending' ORDER BY t.requested_at"), {ctx.teamId}, &incoming); !in)
            return in.error();
        const QString since = QDateTime::currentDateTimeUtc().addDays(-kAnsweredDays).toString(Qt::ISODateWithMs);
        return read(QStringLiteral(" WHERE t.from_team = ? AND (t.state = 'pending' OR t.decided_at > ?) ORDER BY t.requested_at DESC"),
                    {ctx.teamId, since}, &outgoing);
    }, Database::Mode::ReadSnapshot);
    if (!r)
        return ApiResponse::fromError(r.error());
    return ApiResponse::ok({{QStringLiteral("teams"), teams}, {QStringLiteral("incoming"), incoming}, {QStringLiteral("outgoing"), outgoing}});
}

ApiResponse TransferService::request(const AuthContext &ctx, const QString &childId, const QJsonObject &body)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only a team manager asks to move a child to another team."));
    if (!wire::isValidUuid(childId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("the child id must be a UUID"), QStringLiteral("child_id"));
    if (auto unknown = teamchecks::refusalOfUnknownFields(body, {"team_id", "reason"}))
        return *unknown;
    const QString toTeam = body.value(QLatin1String("team_id")).toString();
    if (!wire::isValidUuid(toTeam))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("team_id must be a team id"), QStringLiteral("team_id"));
    QString reason;
    ApiResponse answer;
    if (!teamchecks::readReason(body, QStringLiteral("transfer"), true, &reason, &answer))
        return answer;
    if (toTeam == ctx.teamId)
        return ApiResponse::error(422, QStringLiteral("same_team"),
                                  QStringLiteral("The child is already in your team: move them to another worker instead."), QStringLiteral("team_id"));

    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto refusal = teamchecks::refusalUnlessTeamChild(tx, childId, ctx.teamId);
        if (!refusal)
            return refusal.error();
        if (refusal.value()) {
            answer = *refusal.value();
            return {};
        }
        auto known = teamExists(tx, toTeam);
        if (!known)
            return known.error();
        if (!known.value()) {
            answer = ApiResponse::error(422, QStringLiteral("unknown_team"), QStringLiteral("Choose one of the teams offered."), QStringLiteral("team_id"));
            return {};
        }
        auto open = Database::exec(tx, QStringLiteral("SELECT id, to_team FROM transfers WHERE child_id = ? AND state = 'pending'"), {childId});
        if (!open)
            return open.error();
        if (open.value().next()) {
            const QString openId = open.value().value(0).toString();
            // The same request again (its answer was lost): it is open as asked.
            answer = open.value().value(1).toString() == toTeam
                ? ApiResponse::ok({{QStringLiteral("created"), false}, {QStringLiteral("transfer_id"), openId}, {QStringLiteral("state"), QStringLiteral("pending")}})
                : ApiResponse::error(409, QStringLiteral("transfer_open"),
                                     QStringLiteral("This child's move to another team is already waiting for an answer. Withdraw it first."),
                                     QStringLiteral("team_id"));
            return {};
        }
        auto child = RecordStore::load(m_db, tx, childId, false);
        if (!child)
            return child.error();
        const QString id = wire::newUuid();
        const QString summary = QString::fromUtf8(QJsonDocument(childSummary(child.value().body)).toJson(QJsonDocument::Compact));
        if (auto in = Database::exec(tx, QStringLiteral("INSERT INTO transfers (id, child_id, from_team, to_team, state, child_summary, reason,"
                                                        " requested_by, requested_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)"),
                                     {id, childId, ctx.teamId, toTeam, summary, reason, ctx.userId, nowIso()});
            !in)
            return in.error();
        answer = ApiResponse::created({{QStringLiteral("created"), true}, {QStringLiteral("transfer_id"), id}, {QStringLiteral("state"), QStringLiteral("pending")}});
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("transfer_request"), childId,
                                           QJsonObject{{QStringLiteral("transfer"), id}, {QStringLiteral("to_team"), toTeam},
                                                       {QStringLiteral("reason"), reason}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

ApiResponse TransferService::decide(const AuthContext &ctx, const QString &transferId, const QString &decision, const QJsonObject &body)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only team managers move children between teams."));
    if (!wire::isValidUuid(transferId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("the transfer id must be a UUID"), QStringLiteral("transfer_id"));
    const bool accept = decision == QLatin1String("accept");
    const bool withdraw = decision == QLatin1String("withdraw");
    const QString state = accept ? QStringLiteral("accepted") : withdraw ? QStringLiteral("withdrawn") : QStringLiteral("declined");
    QString workerId, reason;
    ApiResponse answer;
    if (accept) {
        if (auto unknown = teamchecks::refusalOfUnknownFields(body, {"worker_id", "reason"}))
            return *unknown;
        if (!teamchecks::readAllocation(body, QStringLiteral("allocation"), &workerId, &reason, &answer))
            return answer;
    } else {
        if (auto unknown = teamchecks::refusalOfUnknownFields(body, {"reason"}))
            return *unknown;
        // Declining is a management decision about a child: it carries its rationale.
        if (!teamchecks::readReason(body, QStringLiteral("decision"), !withdraw, &reason, &answer))
            return answer;
    }

    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto loaded = loadTransfer(m_db, tx, transferId);
        if (!loaded)
            return loaded.error();
        if (!loaded.value()) {
            answer = ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such transfer."));
            return {};
        }
        const OpenTransfer t = *loaded.value();
        const QString decidingTeam = withdraw ? t.fromTeam : t.toTeam;
        if (decidingTeam != ctx.teamId) {
            answer = ApiResponse::error(403, QStringLiteral("forbidden"),
                                        withdraw ? QStringLiteral("Only the asking team's manager withdraws a transfer.")
                                                 : QStringLiteral("Only the receiving team's manager answers a transfer."));
            return {};
        }
        QJsonObject done{{QStringLiteral("transfer_id"), transferId}, {QStringLiteral("child_id"), t.childId}, {QStringLiteral("state"), state}};
        if (accept)
            done.insert(QStringLiteral("worker_id"), workerId);
        if (t.state != QLatin1String("pending")) {
            // The same decision again (its answer was lost) answers as the first did.
            const bool same = t.state == state && t.decidedBy == ctx.userId && (!accept || t.workerId == workerId);
            answer = same ? ApiResponse::ok(done)
                          : ApiResponse::error(409, QStringLiteral("not_open"),
                                               t.state == QLatin1String("accepted")   ? QStringLiteral("This transfer has already been accepted.")
                                               : t.state == QLatin1String("declined") ? QStringLiteral("This transfer has already been declined.")
                                                                                      : QStringLiteral("This transfer has been withdrawn."));
            return {};
        }
        if (accept) {
            // Still where it was asked from: a move made meanwhile (an administrator's) wins.
            auto where = Database::exec(tx, QStringLiteral("SELECT team_id FROM allocations WHERE child_id = ?"), {t.childId});
            if (!where)
                return where.error();
            if (!where.value().next() || where.value().value(0).toString() != t.fromTeam) {
                answer = ApiResponse::error(409, QStringLiteral("child_moved"), QStringLiteral("The child has moved since the transfer was asked for."));
                return {};
            }
            auto notWorker = teamchecks::refusalUnlessTeamWorker(tx, workerId, ctx.teamId);
            if (!notWorker)
                return notWorker.error();
            if (notWorker.value()) {
                answer = *notWorker.value();
                return {};
            }
        }
        const QVariant noText{QMetaType(QMetaType::QString)};
        if (auto up = Database::exec(tx, QStringLiteral("UPDATE transfers SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ?,"
                                                        " worker_id = ? WHERE id = ?"),
                                     {state, ctx.userId, nowIso(), reason.isEmpty() ? noText : QVariant(reason),
                                      accept ? QVariant(workerId) : noText, transferId});
            !up)
            return up.error();
        QJsonObject detail{{QStringLiteral("transfer"), transferId}, {QStringLiteral("from_team"), t.fromTeam},
                           {QStringLiteral("to_team"), t.toTeam}, {QStringLiteral("reason"), reason}};
        if (accept) {
            // The move itself, as any reallocation: the records go to the new worker and team and
            // are purged from the old (Reallocation::apply).
            const Reallocation move{t.childId, workerId, ctx.teamId, ctx.userId, ctx.deviceId, reason};
            auto before = move.apply(m_db, tx);
            if (!before)
                return before.error();
            detail.insert(QStringLiteral("worker"), workerId);
            detail.insert(QStringLiteral("previous"), before.value().workerId);
        }
        answer = ApiResponse::ok(done);
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("transfer_") + decision, t.childId, detail});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

} // namespace doorstep::server
