// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"

#include <QJsonObject>
#include <QString>

namespace doorstep::server {

class Database;

/**
 * Moving a child to another team, decided by both teams' managers (docs/managers.md): the child's
 * team manager asks, with a reason; the receiving team's manager accepts, allocating one of their
 * workers with a reason, or declines with one; the asking manager may withdraw. Until it is
 * accepted the child stays with its worker, so a child is never without one. Every step is
 * audited (transfer_request, transfer_accept, transfer_decline, transfer_withdraw).
 */
class TransferService
{
public:
    explicit TransferService(const Database &database);

    /** GET transfers: the other teams a child can go to, the transfers waiting for this manager's
     *  team, and this team's own requests (open, or answered in the last 30 days). */
    ApiResponse list(const AuthContext &ctx);
    /** POST children/{id}/transfer {team_id, reason}. The same request again, while it is open,
     *  answers as the first did. */
    ApiResponse request(const AuthContext &ctx, const QString &childId, const QJsonObject &body);
    /** POST transfers/{id}/accept {worker_id, reason}, …/decline {reason}, …/withdraw {reason?}.
     *  The same decision again answers as the first did. */
    ApiResponse decide(const AuthContext &ctx, const QString &transferId, const QString &decision, const QJsonObject &body);

private:
    const Database &m_db;
};

} // namespace doorstep::server
