// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "session.h"

#include "platform/keystore.h"

#include <QFuture>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

namespace doorstep::sync {

Q_LOGGING_CATEGORY(lcSession, "doorstep.sync.session")

namespace {
constexpr int kLogoutWaitMs = 5000;
}

Session::Session(ApiClient *api, KeyStore *keys, const QString &keychainEntry, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_keys(keys)
    , m_entry(keychainEntry)
{
}

void Session::adopt(const QJsonObject &body)
{
    m_accessToken = body.value(u"access_token").toString().toUtf8();
    if (body.contains(u"refresh_token"))
        m_refreshToken = body.value(u"refresh_token").toString().toUtf8();
    if (body.contains(u"device_id"))
        m_deviceId = body.value(u"device_id").toString();
    const QJsonObject user = body.value(u"user").toObject();
    bool userChangedNow = false;
    if (!user.isEmpty()) {
        const User before = m_user;
        m_user.id = user.value(u"id").toString();
        m_user.username = user.value(u"username").toString(m_user.username);
        m_user.displayName = user.value(u"display_name").toString(m_user.username);
        m_user.role = user.value(u"role").toString();
        m_user.team = user.value(u"team").toString();
        userChangedNow = before.id != m_user.id || before.username != m_user.username || before.displayName != m_user.displayName
            || before.role != m_user.role || before.team != m_user.team;
    }
    m_api->setAccessToken(m_accessToken);
    if (userChangedNow)
        Q_EMIT userChanged();
}

void Session::persist(Done done)
{
    const QJsonObject saved{
        {QStringLiteral("access_token"), QString::fromUtf8(m_accessToken)},
        {QStringLiteral("refresh_token"), QString::fromUtf8(m_refreshToken)},
        {QStringLiteral("device_id"), m_deviceId},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), m_user.id},
                     {QStringLiteral("username"), m_user.username},
                     {QStringLiteral("display_name"), m_user.displayName},
                     {QStringLiteral("role"), m_user.role},
                     {QStringLiteral("team"), m_user.team}}},
    };
    m_keys->write(m_entry, QJsonDocument(saved).toJson(QJsonDocument::Compact))
        .then(this, [done](Result<void> r) { done(std::move(r)); });
}

void Session::signIn(const QString &username, const QString &password, const QString &deviceName, Done done)
{
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), password},
                           {QStringLiteral("device_name"), deviceName}};
    m_user.username = username;
    m_api->post(QStringLiteral("/api/v1/auth/login"), body, [this, done](const ApiReply *ok, const ApiFailure *failure) {
        if (!ok) {
            done(failure->error);
            return;
        }
        adopt(ok->body);
        if (m_refreshToken.isEmpty() || m_deviceId.isEmpty()) {
            done(Error(ErrorCode::ServerError, tr("The service's sign-in answer was incomplete.")));
            return;
        }
        persist([this, done](Result<void> r) {
            Q_EMIT signedInChanged();
            done(std::move(r));
        });
    });
}

void Session::restore(Done done)
{
    m_keys->read(m_entry).then(this, [this, done](Result<QByteArray> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const QJsonObject saved = QJsonDocument::fromJson(r.value()).object();
        if (saved.isEmpty()) {
            done(Error(ErrorCode::Unauthenticated, tr("No saved sign-in on this device.")));
            return;
        }
        adopt(saved);
        Q_EMIT signedInChanged();
        done({});
    });
}

void Session::refresh(Done done)
{
    if (m_refreshToken.isEmpty()) {
        done(Error(ErrorCode::Unauthenticated, tr("Please sign in again.")));
        return;
    }
    const QJsonObject body{{QStringLiteral("refresh_token"), QString::fromUtf8(m_refreshToken)},
                           {QStringLiteral("device_id"), m_deviceId}};
    m_api->setAccessToken({});
    m_api->post(QStringLiteral("/api/v1/auth/refresh"), body, [this, done](const ApiReply *ok, const ApiFailure *failure) {
        if (!ok) {
            if (!failure->transient) {
                // The refresh token is dead (expired, revoked): signing in again is needed, the outbox stays.
                m_accessToken.clear();
                m_refreshToken.clear();
                Q_EMIT signedInChanged();
            }
            ApiFailure f = *failure;
            done(f.error);
            return;
        }
        adopt(ok->body);
        Q_EMIT tokensRefreshed();
        persist(done);
    });
}

void Session::signOut(Done done)
{
    // Tell the service first, so this device's refresh token stops working there too; offline,
    // or if it fails, the tokens are still forgotten here (an administrator can revoke the device).
    if (!m_accessToken.isEmpty() && m_api->baseUrl().isValid()) {
        QNetworkReply *reply = m_api->post(QStringLiteral("/api/v1/auth/logout"), QJsonObject(),
                                           [this, done](const ApiReply *, const ApiFailure *failure) {
                                               if (failure)
                                                   qCInfo(lcSession) << "the service was not told of the sign-out:" << failure->error.message;
                                               forget(done);
                                           });
        // A person waits on this: a network that hangs gets a few seconds, not the usual transfer
        // timeout (the abort answers the callback above as a failure).
        if (reply)
            QTimer::singleShot(kLogoutWaitMs, reply, [reply] { reply->abort(); });
        return;
    }
    forget(done);
}

void Session::forget(Done done)
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_api->setAccessToken({});
    // Nobody is signed in now: no name, role or team stays behind for the next person to see.
    m_user = User();
    m_deviceId.clear();
    m_keys->remove(m_entry).then(this, [this, done](Result<void> r) {
        Q_EMIT userChanged();
        Q_EMIT signedInChanged();
        done(std::move(r));
    });
}

} // namespace doorstep::sync
