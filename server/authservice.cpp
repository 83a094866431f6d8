// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "authservice.h"

#include "auditlog.h"
#include "core/wire.h"
#include "database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QtMath>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcAuth, "doorstep.server.auth")

namespace doorstep::server {

namespace {

/** The signed-in person, as login and refresh answer it; the username stands in for a missing name. */
QJsonObject userJson(const QString &id, const QString &username, const QString &displayName, const QString &role, const QString &team)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("display_name"), displayName.isEmpty() ? username : displayName},
            {QStringLiteral("role"), role},
            {QStringLiteral("team"), team.isEmpty() ? QJsonValue() : QJsonValue(team)}};
}

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool fastHashing()
{
    return qEnvironmentVariableIntValue("DOORSTEP_FAST_PWHASH") == 1;
}

// Tests only (tests/security): DOORSTEP_TEST_ACCESS_TOKEN_SECONDS shortens access tokens so expiry
// and refresh can be exercised end to end; it can only shorten, never lengthen, the 15 minutes.
int accessTokenSeconds()
{
    bool ok = false;
    const int s = qEnvironmentVariableIntValue("DOORSTEP_TEST_ACCESS_TOKEN_SECONDS", &ok);
    return ok && s > 0 && s < AuthService::kAccessTokenSeconds ? s : AuthService::kAccessTokenSeconds;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

ApiResponse invalidCredentials()
{
    return ApiResponse::error(401, QStringLiteral("invalid_credentials"),
                              QStringLiteral("The username or password is wrong."));
}

} // namespace

namespace passwords {

Result<QString> hash(const QByteArray &password)
{
    if (sodium_init() < 0)
        return Error(ErrorCode::Internal, QStringLiteral("libsodium unavailable"));
    char out[crypto_pwhash_STRBYTES];
    const auto ops = fastHashing() ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem = fastHashing() ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str_alg(out, password.constData(), static_cast<unsigned long long>(password.size()), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error(ErrorCode::Internal, QStringLiteral("password hashing failed (out of memory)"));
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QByteArray &password)
{
    const QByteArray h = hash.toLatin1();
    return crypto_pwhash_str_verify(h.constData(), password.constData(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

} // namespace passwords

AuthService::AuthService(const Database &database) : m_db(database)
{
    if (sodium_init() < 0)
        qCCritical(lcAuth) << "libsodium failed to initialise";
}

Result<QByteArray> AuthService::secret()
{
    QMutexLocker lock(&m_secretLock);
    if (!m_secret.isEmpty())
        return m_secret;
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, QStringLiteral("SELECT value FROM settings WHERE key = 'token_secret'"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(ErrorCode::Internal, QStringLiteral("run migrate first"));
    m_secret = QByteArray::fromHex(q.value().value(0).toString().toLatin1());
    return m_secret;
}

QString AuthService::makeAccessToken(const QString &userId, const QString &deviceId, const QString &role,
                                     const QString &teamId)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("sub"), userId}, {QStringLiteral("dev"), deviceId},
                             {QStringLiteral("role"), role},  {QStringLiteral("team"), teamId},
                             {QStringLiteral("iat"), now},    {QStringLiteral("exp"), now + accessTokenSeconds()}};
    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kB64);
    const QByteArray mac = QMessageAuthenticationCode::hash(payload, m_secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(payload + '.' + mac.toBase64(kB64));
}

QString AuthService::newRefreshToken()
{
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(buf), sizeof buf).toBase64(kB64);
    sodium_memzero(buf, sizeof buf);
    return QString::fromLatin1(token);
}

QString AuthService::tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

ApiResponse AuthService::login(const QJsonObject &body, const QString &address)
{
    const QString username = str(body, "username");
    const QByteArray password = body.value(QLatin1String("password")).toString().toUtf8();
    const QString deviceName = str(body, "device_name");
    if (username.isEmpty() || username.size() > 200)
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("username is required"), QStringLiteral("username"));
    if (password.isEmpty() || password.size() > 1024)
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("password is required"), QStringLiteral("password"));
    if (deviceName.isEmpty() || deviceName.size() > 200)
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("device_name is required"), QStringLiteral("device_name"));
    if (auto s = secret(); !s)
        return ApiResponse::fromError(s.error());

    const QString userKey = QStringLiteral("user:") + username.toLower();
    const QString addrKey = QStringLiteral("addr:") + address;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // 1. Throttle: a locked account or address is refused before any password work.
    {
        auto conn = m_db.connection();
        if (!conn)
            return ApiResponse::fromError(conn.error());
        QSqlDatabase db = conn.value();
        auto q = Database::exec(db, QStringLiteral("SELECT locked_until FROM login_throttle WHERE key IN (?, ?)"), {userKey, addrKey});
        if (!q)
            return ApiResponse::fromError(q.error());
        qint64 wait = 0;
        while (q.value().next()) {
            const QDateTime until = QDateTime::fromString(q.value().value(0).toString(), Qt::ISODateWithMs);
            if (until.isValid() && until > now)
                wait = qMax(wait, now.secsTo(until) + 1);
        }
        if (wait > 0) {
            ApiResponse r = ApiResponse::error(429, QStringLiteral("too_many_attempts"),
                                               QStringLiteral("Too many failed sign-ins. Try again later."));
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
            return r;
        }
    }

    // 2. Look the user up and verify (a dummy verification keeps timing similar for unknown names).
    QString userId, hash, role, teamId, displayName;
    bool disabled = false;
    {
        auto conn = m_db.connection();
        QSqlDatabase db = conn.value();
        auto q = Database::exec(db, QStringLiteral("SELECT id, password_hash, role, team_id, disabled, display_name FROM users WHERE username = ?"),
                                {username});
        if (!q)
            return ApiResponse::fromError(q.error());
        if (q.value().next()) {
            userId = q.value().value(0).toString();
            hash = q.value().value(1).toString();
            role = q.value().value(2).toString();
            teamId = q.value().value(3).toString();
            disabled = q.value().value(4).toInt() != 0;
            displayName = q.value().value(5).toString();
        }
    }
    static const QString dummy = passwords::hash(QByteArrayLiteral("doorstep-dummy")).value();
    const bool good = passwords::verify(hash.isEmpty() ? dummy : hash, password) && !hash.isEmpty() && !disabled;

    if (!good) {
        auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
            for (const auto &[key, threshold] : {std::pair{userKey, kUserFailuresBeforeLock}, std::pair{addrKey, kAddressFailuresBeforeLock}}) {
                auto cur = Database::exec(tx, QStringLiteral("SELECT failures, last_failure FROM login_throttle WHERE key = ?"), {key});
                if (!cur)
                    return cur.error();
                int failures = 1;
                if (cur.value().next()) {
                    // Failures are forgotten after a quiet quarter of an hour, so an office behind
                    // one address is not locked out by typos spread over weeks.
                    const QDateTime last = QDateTime::fromString(cur.value().value(1).toString(), Qt::ISODateWithMs);
                    if (last.isValid() && last.secsTo(now) < kFailureMemorySeconds)
                        failures = cur.value().value(0).toInt() + 1;
                }
                QVariant lockedUntil;
                if (failures >= threshold) {
                    // Exponential lockout: 30 s, 60 s, 120 s, ... capped at one hour.
                    const int exponent = qMin(failures - threshold, 7);
                    lockedUntil = now.addSecs(qMin<qint64>(3600, 30LL << exponent)).toString(Qt::ISODateWithMs);
                }
                auto up = Database::exec(tx, QStringLiteral("INSERT INTO login_throttle (key, failures, locked_until, last_failure) VALUES (?, ?, ?, ?)"
                                                            " ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,"
                                                            " locked_until = excluded.locked_until, last_failure = excluded.last_failure"),
                                         {key, failures, lockedUntil, now.toString(Qt::ISODateWithMs)});
                if (!up)
                    return up.error();
            }
            return AuditLog::append(m_db, tx, {userId.isEmpty() ? QStringLiteral("unknown") : userId, QString(), address,
                                               QStringLiteral("login_failed"), username.left(64), {}});
        });
        if (!r)
            return ApiResponse::fromError(r.error());
        return invalidCredentials();
    }

    const QString deviceId = wire::newUuid();
    const QString refresh = newRefreshToken();
    bool changedMeanwhile = false;
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        // Again, under the transaction: disable-user or reset-password may have run while the
        // password was being checked. They lock the row FOR UPDATE, so on PostgreSQL this waits
        // for them (or they for this, and then revoke the device made here); SQLite's write lock
        // already orders the two.
        auto still = Database::exec(tx, QStringLiteral("SELECT password_hash, disabled FROM users WHERE id = ?")
                                            + (m_db.isPostgres() ? QStringLiteral(" FOR SHARE") : QString()),
                                    {userId});
        if (!still)
            return still.error();
        changedMeanwhile = !still.value().next() || still.value().value(0).toString() != hash || still.value().value(1).toInt() != 0;
        if (changedMeanwhile)
            return {};
        const QString at = nowIso();
        if (auto q = Database::exec(tx, QStringLiteral("DELETE FROM login_throttle WHERE key = ?"), {userKey}); !q)
            return q.error();
        if (auto q = Database::exec(tx, QStringLiteral("INSERT INTO devices (id, user_id, name, created_at) VALUES (?, ?, ?, ?)"),
                                    {deviceId, userId, deviceName, at});
            !q)
            return q.error();
        if (auto q = Database::exec(tx, QStringLiteral("INSERT INTO refresh_tokens (token_hash, device_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
                                    {tokenHash(refresh), deviceId, userId, at,
                                     QDateTime::currentDateTimeUtc().addDays(kRefreshTokenDays).toString(Qt::ISODateWithMs)});
            !q)
            return q.error();
        return AuditLog::append(m_db, tx, {userId, deviceId, address, QStringLiteral("login"), userId,
                                           QJsonObject{{QStringLiteral("device_name"), deviceName.left(100)}}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    if (changedMeanwhile)
        return invalidCredentials();
    return ApiResponse::ok({{QStringLiteral("access_token"), makeAccessToken(userId, deviceId, role, teamId)},
                            {QStringLiteral("refresh_token"), refresh},
                            {QStringLiteral("expires_in"), accessTokenSeconds()},
                            {QStringLiteral("device_id"), deviceId},
                            {QStringLiteral("user"), userJson(userId, username, displayName, role, teamId)}});
}

ApiResponse AuthService::refresh(const QJsonObject &body, const QString &address)
{
    const QString token = str(body, "refresh_token");
    if (token.isEmpty() || token.size() > 200)
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("refresh_token is required"), QStringLiteral("refresh_token"));
    if (auto s = secret(); !s)
        return ApiResponse::fromError(s.error());
    ApiResponse answer;
    const QString newToken = newRefreshToken();
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        const QString lock = m_db.isPostgres() ? QStringLiteral(" FOR UPDATE OF t") : QString();
        auto q = Database::exec(tx, QStringLiteral("SELECT t.device_id, t.user_id, t.expires_at, t.used_at, d.revoked_at, u.role, u.team_id, u.disabled,"
                                                   " u.username, u.display_name"
                                                   " FROM refresh_tokens t JOIN devices d ON d.id = t.device_id JOIN users u ON u.id = t.user_id"
                                                   " WHERE t.token_hash = ?")
                                        + lock,
                                {tokenHash(token)});
        if (!q)
            return q.error();
        if (!q.value().next()) {
            answer = ApiResponse::error(401, QStringLiteral("invalid_token"), QStringLiteral("Sign in again."));
            return {};
        }
        const QString deviceId = q.value().value(0).toString();
        const QString userId = q.value().value(1).toString();
        const QDateTime expires = QDateTime::fromString(q.value().value(2).toString(), Qt::ISODateWithMs);
        const bool used = !q.value().value(3).isNull();
        const bool revoked = !q.value().value(4).isNull();
        const QString role = q.value().value(5).toString();
        const QString team = q.value().value(6).toString();
        const bool disabled = q.value().value(7).toInt() != 0;
        const QString username = q.value().value(8).toString();
        const QString displayName = q.value().value(9).toString();
        if (revoked) {
            answer = ApiResponse::error(401, QStringLiteral("device_revoked"), QStringLiteral("This device has been revoked."));
            return {};
        }
        if (used) {
            // A rotated token presented again: someone copied it. End every session of the device.
            if (auto d = Database::exec(tx, QStringLiteral("DELETE FROM refresh_tokens WHERE device_id = ?"), {deviceId}); !d)
                return d.error();
            answer = ApiResponse::error(401, QStringLiteral("invalid_token"), QStringLiteral("Sign in again."));
            return AuditLog::append(m_db, tx, {userId, deviceId, address, QStringLiteral("refresh_reuse"), deviceId, {}});
        }
        if (disabled || !expires.isValid() || expires < QDateTime::currentDateTimeUtc()) {
            answer = ApiResponse::error(401, QStringLiteral("invalid_token"), QStringLiteral("Sign in again."));
            return {};
        }
        const QString at = nowIso();
        if (auto u = Database::exec(tx, QStringLiteral("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?"), {at, tokenHash(token)}); !u)
            return u.error();
        if (auto i = Database::exec(tx, QStringLiteral("INSERT INTO refresh_tokens (token_hash, device_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
                                    {tokenHash(newToken), deviceId, userId, at,
                                     QDateTime::currentDateTimeUtc().addDays(kRefreshTokenDays).toString(Qt::ISODateWithMs)});
            !i)
            return i.error();
        // Who the person is now (a new name, a move of team), as at sign-in.
        answer = ApiResponse::ok({{QStringLiteral("access_token"), makeAccessToken(userId, deviceId, role, team)},
                                  {QStringLiteral("refresh_token"), newToken},
                                  {QStringLiteral("expires_in"), accessTokenSeconds()},
                                  {QStringLiteral("device_id"), deviceId},
                                  {QStringLiteral("user"), userJson(userId, username, displayName, role, team)}});
        return {};
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

ApiResponse AuthService::logout(const AuthContext &ctx, const QJsonObject &)
{
    auto r = m_db.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        if (auto d = Database::exec(tx, QStringLiteral("DELETE FROM refresh_tokens WHERE device_id = ?"), {ctx.deviceId}); !d)
            return d.error();
        return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("logout"), ctx.deviceId, {}});
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return ApiResponse::ok({{QStringLiteral("ok"), true}});
}

Result<AuthContext> AuthService::authenticate(const QByteArray &header, const QString &address, ApiResponse *failure)
{
    auto unauth = [&](const QString &code, const QString &message) -> Result<AuthContext> {
        *failure = ApiResponse::error(401, code, message);
        failure->headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return Error(ErrorCode::Unauthenticated, message);
    };
    if (!header.startsWith("Bearer "))
        return unauth(QStringLiteral("unauthenticated"), QStringLiteral("Sign in first."));
    const QByteArray token = header.mid(7).trimmed();
    const int dot = token.indexOf('.');
    if (dot <= 0 || token.size() > 4096)
        return unauth(QStringLiteral("invalid_token"), QStringLiteral("Sign in again."));
    auto s = secret();
    if (!s) {
        *failure = ApiResponse::fromError(s.error());
        return s.error();
    }
    const QByteArray payload = token.left(dot);
    const QByteArray mac = QByteArray::fromBase64(token.mid(dot + 1), QByteArray::Base64UrlEncoding);
    const QByteArray expected = QMessageAuthenticationCode::hash(payload, s.value(), QCryptographicHash::Sha256);
    if (mac.size() != expected.size() || sodium_memcmp(mac.constData(), expected.constData(), size_t(mac.size())) != 0)
        return unauth(QStringLiteral("invalid_token"), QStringLiteral("Sign in again."));
    const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
    if (claims.value(QLatin1String("exp")).toInteger() < QDateTime::currentSecsSinceEpoch())
        return unauth(QStringLiteral("token_expired"), QStringLiteral("The session expired; refresh it."));

    AuthContext ctx;
    ctx.userId = claims.value(QLatin1String("sub")).toString();
    ctx.deviceId = claims.value(QLatin1String("dev")).toString();
    ctx.address = address;
    // The token proves who; the database says whether the device and account are still live
    // (revocation must bite on the very next call, not when the token expires).
    auto conn = m_db.connection();
    if (!conn) {
        *failure = ApiResponse::fromError(conn.error());
        return conn.error();
    }
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, QStringLiteral("SELECT d.revoked_at, u.role, u.team_id, u.disabled, u.username, u.display_name FROM devices d"
                                               " JOIN users u ON u.id = d.user_id WHERE d.id = ? AND u.id = ?"),
                            {ctx.deviceId, ctx.userId});
    if (!q) {
        *failure = ApiResponse::fromError(q.error());
        return q.error();
    }
    if (!q.value().next())
        return unauth(QStringLiteral("invalid_token"), QStringLiteral("Sign in again."));
    if (!q.value().value(0).isNull())
        return unauth(QStringLiteral("device_revoked"), QStringLiteral("This device has been revoked."));
    if (q.value().value(3).toInt() != 0)
        return unauth(QStringLiteral("invalid_token"), QStringLiteral("The account is disabled."));
    ctx.role = q.value().value(1).toString();
    ctx.teamId = q.value().value(2).toString();
    ctx.username = q.value().value(4).toString();
    ctx.displayName = q.value().value(5).toString();
    if (ctx.displayName.isEmpty())
        ctx.displayName = ctx.username;
    return ctx;
}

} // namespace doorstep::server
