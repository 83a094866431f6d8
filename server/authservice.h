// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

namespace doorstep::server {

class Database;

/** Argon2id password hashing through libsodium (never hand-made). */
namespace passwords {
/** DOORSTEP_FAST_PWHASH=1 (tests only) uses libsodium's minimum cost; otherwise "interactive". */
Result<QString> hash(const QByteArray &password);
bool verify(const QString &hash, const QByteArray &password);
} // namespace passwords

/** Sign-in, token refresh and logout; verifies access tokens and the device on every call. */
class AuthService
{
public:
    explicit AuthService(const Database &database);

    ApiResponse login(const QJsonObject &body, const QString &address);
    ApiResponse refresh(const QJsonObject &body, const QString &address);
    ApiResponse logout(const AuthContext &ctx, const QJsonObject &body);

    /** Checks "Bearer <token>": signature, expiry, then that the device is live and the user
     *  enabled. On failure returns the 401 response to send (device_revoked when revoked). */
    Result<AuthContext> authenticate(const QByteArray &authorizationHeader, const QString &address,
                                     ApiResponse *failure);

    static constexpr int kAccessTokenSeconds = 15 * 60;
    static constexpr int kRefreshTokenDays = 30;
    static constexpr int kUserFailuresBeforeLock = 5;
    static constexpr int kAddressFailuresBeforeLock = 20;
    static constexpr int kFailureMemorySeconds = 15 * 60;

private:
    Result<QByteArray> secret();
    QString makeAccessToken(const QString &userId, const QString &deviceId, const QString &role,
                            const QString &teamId);
    static QString newRefreshToken();
    static QString tokenHash(const QString &token);

    const Database &m_db;
    QMutex m_secretLock;
    QByteArray m_secret;
};

} // namespace doorstep::server
