// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "adminservice.h"

#include "auditlog.h"
#include "authservice.h"
#include "core/wire.h"
#include "councilsettings.h"
#include "database.h"
#include "reallocation.h"
#include "recordstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>
#include <utility>

namespace doorstep::server {

AdminService::AdminService(const Database &database, QString actor) : m_db(database), m_actor(std::move(actor))
{
}

Result<QString> AdminService::teamId(const QString &nameOrId)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, QStringLiteral("SELECT id FROM teams WHERE id = ? OR name = ?"), {nameOrId, nameOrId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(ErrorCode::NotFound, QStringLiteral("no team %1").arg(nameOrId), QStringLiteral("team"));
    return q.value().value(0).toString();
}

Result<QString> AdminService::userId(const QString &usernameOrId)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, QStringLiteral("SELECT id FROM users WHERE id = ? OR username = ?"), {usernameOrId, usernameOrId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(ErrorCode::NotFound, QStringLiteral("no user %1").arg(usernameOrId), QStringLiteral("user"));
    return q.value().value(0).toString();
}

Result<QString> AdminService::createTeam(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > 100)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a team needs a name"), QStringLiteral("name"));
    const QString id = wire::newUuid();
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, QStringLiteral("INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)"), {id, name.trimmed(), nowIso()});
        if (!q)
            return Error(ErrorCode::Conflict, QStringLiteral("a team called %1 exists").arg(name), QStringLiteral("name"));
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.create_team"), id,
                                           QJsonObject{{QStringLiteral("name"), name.trimmed()}}});
    });
    if (!r)
        return r.error();
    return id;
}

namespace {
/** A display name as stored: inner runs of spaces made one, at most 100 characters. */
Result<QString> tidyName(const QString &displayName)
{
    const QString name = displayName.simplified();
    if (name.size() > 100)
        return Error(ErrorCode::InvalidInput, QStringLiteral("names are at most 100 characters"), QStringLiteral("name"));
    return name;
}

/** The password policy, the same for a new account and a reset. The upper bound is what sign-in
 *  accepts (AuthService::login), so no one is given a password that could never be used. */
std::optional<Error> passwordRefusal(const QByteArray &password)
{
    if (password.size() < 8)
        return Error(ErrorCode::InvalidInput, QStringLiteral("passwords need at least 8 characters"), QStringLiteral("password"));
    if (password.size() > 1024)
        return Error(ErrorCode::InvalidInput, QStringLiteral("passwords are at most 1024 bytes"), QStringLiteral("password"));
    return std::nullopt;
}
} // namespace

Result<void> AdminService::setDisplayName(const QString &usernameOrId, const QString &displayName)
{
    auto name = tidyName(displayName);
    if (!name)
        return name.error();
    auto id = userId(usernameOrId);
    if (!id)
        return id.error();
    return m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
                                {name->isEmpty() ? QVariant() : QVariant(name.value()), id.value()});
        if (!q)
            return q.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.set_name"), id.value(),
                                           QJsonObject{{QStringLiteral("display_name"), name.value()}}});
    });
}

Result<VisitPolicy> AdminService::setVisitPolicy(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidInput, QStringLiteral("the policy must be a JSON object"));
    auto policy = VisitPolicy::fromJson(doc.object());
    if (!policy)
        return policy.error();
    const QJsonObject stored = policy.value().toJson();
    auto done = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                {QString::fromLatin1(council::kVisitPolicyKey), QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact))});
        if (!q)
            return q.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.set_visit_policy"), QString(), stored});
    });
    if (!done)
        return done.error();
    return policy.value();
}

Result<void> AdminService::setRecordingStandard(int days)
{
    if (!RecordingStandard::isValid(days))
        return Error(ErrorCode::InvalidInput, QStringLiteral("the standard is 0 to %1 working days").arg(RecordingStandard::kMaxDays),
                     QStringLiteral("days"));
    return m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                {QString::fromLatin1(council::kRecordingStandardKey), QString::number(days)});
        if (!q)
            return q.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.set_recording_standard"), QString(),
                                           QJsonObject{{QStringLiteral("working_days"), days}}});
    });
}

Result<QString> AdminService::createUser(const QString &username, const QByteArray &password, const QString &role, const QString &team,
                                         const QString &displayName)
{
    auto tidied = tidyName(displayName);
    if (!tidied)
        return tidied.error();
    const QString name = tidied.value();
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!valid.match(username).hasMatch())
        return Error(ErrorCode::InvalidInput, QStringLiteral("usernames use letters, digits, . _ - (1–64)"), QStringLiteral("username"));
    if (role != QLatin1String("worker") && role != QLatin1String("manager") && role != QLatin1String("admin"))
        return Error(ErrorCode::InvalidInput, QStringLiteral("role must be worker, manager or admin"), QStringLiteral("role"));
    if (auto refusal = passwordRefusal(password))
        return *refusal;
    QString team_;
    if (role != QLatin1String("admin")) {
        if (team.isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("workers and managers need --team"), QStringLiteral("team"));
        auto t = teamId(team);
        if (!t)
            return t.error();
        team_ = t.value();
    }
    auto hash = passwords::hash(password);
    if (!hash)
        return hash.error();
    const QString id = wire::newUuid();
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, QStringLiteral("INSERT INTO users (id, username, password_hash, role, team_id, created_at, display_name)"
                                                   " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                {id, username, hash.value(), role, team_.isEmpty() ? QVariant() : QVariant(team_), nowIso(),
                                 name.isEmpty() ? QVariant() : QVariant(name)});
        if (!q)
            return Error(ErrorCode::Conflict, QStringLiteral("the username %1 is taken").arg(username), QStringLiteral("username"));
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.create_user"), id,
                                           QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("role"), role}}});
    });
    if (!r)
        return r.error();
    return id;
}

namespace {

// The team of `workerId`, who must be a worker: children are held by workers, never managers.
Result<QString> teamOfWorker(QSqlDatabase &tx, const QString &workerId)
{
    auto u = Database::exec(tx, QStringLiteral("SELECT role, team_id FROM users WHERE id = ?"), {workerId});
    if (!u)
        return u.error();
    if (!u.value().next() || u.value().value(0).toString() != QLatin1String("worker"))
        return Error(ErrorCode::InvalidInput, QStringLiteral("children are allocated to workers"), QStringLiteral("worker"));
    return u.value().value(1).toString();
}

} // namespace

Result<void> AdminService::allocate(const QString &childId, const QString &worker, const QString &reason)
{
    if (!wire::isValidUuid(childId))
        return Error(ErrorCode::InvalidInput, QStringLiteral("the child id must be a UUID"), QStringLiteral("child"));
    auto w = userId(worker);
    if (!w)
        return w.error();
    const QString workerId = w.value();
    return m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto workerTeam = teamOfWorker(tx, workerId);
        if (!workerTeam)
            return workerTeam.error();
        const QString team = workerTeam.value();
        Reallocation move{childId, workerId, team, m_actor, QString(), reason.trimmed()};
        auto before = move.apply(m_db, tx);
        if (!before)
            return before.error();
        if (before.value().existed && before.value().workerId == workerId)
            return {};
        const QString oldWorker = before.value().workerId;
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.allocate"), childId,
                                           QJsonObject{{QStringLiteral("worker"), workerId}, {QStringLiteral("previous"), oldWorker},
                                                       {QStringLiteral("reason"), reason.trimmed()}}});
    });
}

Result<QString> AdminService::openCase(QJsonObject child, const QString &worker, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("give the reason for the allocation"), QStringLiteral("reason"));
    if (!child.contains(QLatin1String("id")))
        child.insert(QStringLiteral("id"), wire::newUuid());
    if (!child.contains(QLatin1String("type")))
        child.insert(QStringLiteral("type"), QStringLiteral("child"));
    if (const auto refusal = Reallocation::refusalForNewChild(&child, QDateTime::currentDateTimeUtc()))
        return Error(ErrorCode::InvalidInput, refusal->message, refusal->field);
    auto w = userId(worker);
    if (!w)
        return w.error();
    const QString workerId = w.value();
    const QString childId = child.value(QLatin1String("id")).toString();
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto workerTeam = teamOfWorker(tx, workerId);
        if (!workerTeam)
            return workerTeam.error();
        const QString team = workerTeam.value();
        auto taken = Database::exec(tx, QStringLiteral("SELECT 1 FROM records WHERE id = ? UNION ALL SELECT 1 FROM allocations WHERE child_id = ?"),
                                    {childId, childId});
        if (!taken)
            return taken.error();
        if (taken.value().next())
            return Error(ErrorCode::InvalidInput, QStringLiteral("a record or a child with this id already exists"), QStringLiteral("child.id"));
        const Reallocation allocation{childId, workerId, team, m_actor, QString(), reason.trimmed()};
        if (auto rev = allocation.openCase(m_db, tx, child); !rev)
            return rev.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.open_case"), childId,
                                           QJsonObject{{QStringLiteral("worker"), workerId}, {QStringLiteral("reason"), reason.trimmed()}}});
    });
    if (!r)
        return r.error();
    return childId;
}

namespace {

/** Revokes each of these live devices and ends its sessions, one audit row per device. */
Result<void> revokeEach(const Database &database, QSqlDatabase &tx, const QString &actor, const QStringList &deviceIds)
{
    for (const QString &id : deviceIds) {
        if (auto u = Database::exec(tx, QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ?"), {nowIso(), id}); !u)
            return u.error();
        if (auto d = Database::exec(tx, QStringLiteral("DELETE FROM refresh_tokens WHERE device_id = ?"), {id}); !d)
            return d.error();
        if (auto a = AuditLog::append(database, tx, {actor, QString(), QString(), QStringLiteral("admin.revoke_device"), id, {}}); !a)
            return a.error();
    }
    return {};
}

/** Ends every session of a user: all their refresh tokens go. Twice on PostgreSQL, because a
 *  token rotation in flight (AuthService::refresh) holds its old token's row lock: the first
 *  DELETE waits for it and removes the old token, but the new one was inserted after that
 *  statement's snapshot; the rotation has committed by then, so the second statement sees it.
 *  A rotation that starts later finds its token deleted. SQLite serialises writers anyway. */
Result<void> endSessions(const Database &database, QSqlDatabase &tx, const QString &userId)
{
    for (int pass = 0; pass < (database.isPostgres() ? 2 : 1); ++pass) {
        if (auto d = Database::exec(tx, QStringLiteral("DELETE FROM refresh_tokens WHERE user_id = ?"), {userId}); !d)
            return d.error();
    }
    return {};
}

/** The account row, locked for the rest of the transaction on PostgreSQL: a sign-in in flight
 *  reads it FOR SHARE (AuthService::login), so it either finishes first (and its new device is
 *  seen here) or waits and sees what this transaction wrote. Returns (username, disabled). */
Result<std::pair<QString, bool>> lockUser(const Database &database, QSqlDatabase &tx, const QString &userId)
{
    auto q = Database::exec(tx, QStringLiteral("SELECT username, disabled FROM users WHERE id = ?")
                                    + (database.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()),
                            {userId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(ErrorCode::NotFound, QStringLiteral("no user %1").arg(userId), QStringLiteral("user"));
    return std::pair{q.value().value(0).toString(), q.value().value(1).toInt() != 0};
}

} // namespace

Result<int> AdminService::revokeDevice(const QString &deviceOrUser)
{
    int count = 0;
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, QStringLiteral("SELECT d.id FROM devices d JOIN users u ON u.id = d.user_id"
                                                   " WHERE d.revoked_at IS NULL AND (d.id = ? OR u.username = ? OR u.id = ?)"),
                                {deviceOrUser, deviceOrUser, deviceOrUser});
        if (!q)
            return q.error();
        QStringList ids;
        while (q.value().next())
            ids << q.value().value(0).toString();
        count = ids.size();
        return revokeEach(m_db, tx, m_actor, ids);
    });
    if (!r)
        return r.error();
    if (count == 0)
        return Error(ErrorCode::NotFound, QStringLiteral("no live device matches %1").arg(deviceOrUser), QStringLiteral("device"));
    return count;
}

Result<AdminService::Disabled> AdminService::disableUser(const QString &usernameOrId)
{
    auto id = userId(usernameOrId);
    if (!id)
        return id.error();
    Disabled outcome;
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        outcome = {};
        auto user = lockUser(m_db, tx, id.value());
        if (!user)
            return user.error();
        outcome.already = user.value().second;
        if (auto u = Database::exec(tx, QStringLiteral("UPDATE users SET disabled = 1 WHERE id = ?"), {id.value()}); !u)
            return u.error();
        auto q = Database::exec(tx, QStringLiteral("SELECT id FROM devices WHERE user_id = ? AND revoked_at IS NULL"), {id.value()});
        if (!q)
            return q.error();
        QStringList devices;
        while (q.value().next())
            devices << q.value().value(0).toString();
        outcome.devicesRevoked = devices.size();
        if (outcome.already && devices.isEmpty())
            return {}; // nothing changed, nothing to record
        if (auto revoked = revokeEach(m_db, tx, m_actor, devices); !revoked)
            return revoked.error();
        if (auto ended = endSessions(m_db, tx, id.value()); !ended)
            return ended.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.disable_user"), id.value(),
                                           QJsonObject{{QStringLiteral("username"), user.value().first},
                                                       {QStringLiteral("devices_revoked"), outcome.devicesRevoked},
                                                       {QStringLiteral("already_disabled"), outcome.already}}});
    });
    if (!r)
        return r.error();
    return outcome;
}

Result<bool> AdminService::enableUser(const QString &usernameOrId)
{
    auto id = userId(usernameOrId);
    if (!id)
        return id.error();
    bool changed = false;
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        auto user = lockUser(m_db, tx, id.value());
        if (!user)
            return user.error();
        changed = user.value().second;
        if (!changed)
            return {};
        if (auto u = Database::exec(tx, QStringLiteral("UPDATE users SET disabled = 0 WHERE id = ?"), {id.value()}); !u)
            return u.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.enable_user"), id.value(),
                                           QJsonObject{{QStringLiteral("username"), user.value().first}}});
    });
    if (!r)
        return r.error();
    return changed;
}

Result<AdminService::PasswordReset> AdminService::resetPassword(const QString &usernameOrId, const QByteArray &password)
{
    auto id = userId(usernameOrId);
    if (!id)
        return id.error();
    if (auto refusal = passwordRefusal(password))
        return *refusal;
    auto hash = passwords::hash(password);
    if (!hash)
        return hash.error();
    PasswordReset outcome;
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        outcome = {};
        auto user = lockUser(m_db, tx, id.value());
        if (!user)
            return user.error();
        outcome.disabled = user.value().second;
        auto live = Database::exec(tx, QStringLiteral("SELECT COUNT(DISTINCT t.device_id) FROM refresh_tokens t JOIN devices d ON d.id = t.device_id"
                                                      " WHERE t.user_id = ? AND t.used_at IS NULL AND d.revoked_at IS NULL"),
                                   {id.value()});
        if (!live)
            return live.error();
        outcome.devicesSignedOut = live.value().next() ? live.value().value(0).toInt() : 0;
        if (auto u = Database::exec(tx, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash.value(), id.value()}); !u)
            return u.error();
        if (auto ended = endSessions(m_db, tx, id.value()); !ended)
            return ended.error();
        // The person may have locked themselves out trying to remember it (the key AuthService::login uses).
        if (auto t = Database::exec(tx, QStringLiteral("DELETE FROM login_throttle WHERE key = ?"),
                                    {QStringLiteral("user:") + user.value().first.toLower()});
            !t)
            return t.error();
        return AuditLog::append(m_db, tx, {m_actor, QString(), QString(), QStringLiteral("admin.reset_password"), id.value(),
                                           QJsonObject{{QStringLiteral("username"), user.value().first},
                                                       {QStringLiteral("devices_signed_out"), outcome.devicesSignedOut}}});
    });
    if (!r)
        return r.error();
    return outcome;
}

} // namespace doorstep::server
