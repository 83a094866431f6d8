// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/duedates.h"

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace doorstep::server {

class Database;

/** Account and allocation administration (the CLI's subcommands), each audited. */
class AdminService
{
public:
    explicit AdminService(const Database &database, QString actor = QStringLiteral("cli"));

    Result<QString> createTeam(const QString &name);
    /** `team` is a team name or id; admins need none. `displayName` is the name colleagues know the
     *  person by ("Sam Patel"; the username stands in when it is empty). Returns the new user id. */
    Result<QString> createUser(const QString &username, const QByteArray &password, const QString &role, const QString &team,
                               const QString &displayName = {});
    /** Gives a person the name colleagues know them by (or clears it: the username stands in).
     *  Their devices learn it at the next token refresh. */
    Result<void> setDisplayName(const QString &usernameOrId, const QString &displayName);
    /** Sets the council's visiting frequencies for child protection and child in need, from
     *  {"child_protection": {"every": 10, "unit": "working_days"}, "child_in_need": {...}} (either
     *  may be left out: it keeps the default). Devices follow it from their next pull. */
    Result<VisitPolicy> setVisitPolicy(const QByteArray &json);
    /** Sets the council's recording standard: a visit is to be submitted within `days` working days (0–30). */
    Result<void> setRecordingStandard(int days);
    /** Allocates (or reallocates) a child to a worker: the new worker receives the child and its
     *  records at their next pull, the old worker a purge. */
    Result<void> allocate(const QString &childId, const QString &worker, const QString &reason = {});
    /** Opens a new child's case (the child record as JSON, an id made if it has none) for a
     *  worker, with the reason: the same as a manager's POST children, in the worker's team.
     *  Returns the child's id. */
    Result<QString> openCase(QJsonObject child, const QString &worker, const QString &reason);
    /** Revokes a device by id, or every device of a user when given a username. Returns the count. */
    Result<int> revokeDevice(const QString &deviceOrUser);

    /** What disable-user did. */
    struct Disabled {
        bool already = false; // the account was disabled before
        int devicesRevoked = 0;
    };
    /** A leaver: the account can no longer sign in, and every live device of theirs is revoked
     *  with its sessions, in one transaction (their tablets wipe themselves at their next contact).
     *  Disabling a disabled account is no error: it revokes whatever is still live, if anything. */
    Result<Disabled> disableUser(const QString &usernameOrId);
    /** Lets a disabled person sign in again (their old devices stay revoked: they sign in afresh).
     *  False when the account was not disabled. */
    Result<bool> enableUser(const QString &usernameOrId);

    /** What reset-password did. */
    struct PasswordReset {
        int devicesSignedOut = 0; // live devices that had a session, now ended
        bool disabled = false;    // the account is disabled: the new password cannot sign in yet
    };
    /** A forgotten password: a new one under create-user's policy, every session ended (each
     *  device must sign in again, keeping what it holds) and the account's sign-in lockout lifted. */
    Result<PasswordReset> resetPassword(const QString &usernameOrId, const QByteArray &password);

    Result<QString> teamId(const QString &nameOrId);
    Result<QString> userId(const QString &usernameOrId);

private:
    const Database &m_db;
    QString m_actor;
};

} // namespace doorstep::server
