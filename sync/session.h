// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiclient.h"

#include <QJsonObject>
#include <QObject>

namespace doorstep {
class KeyStore;
}

namespace doorstep::sync {

/** The signed-in user and this device's tokens; tokens live in the keychain, never in a file. */
class Session : public QObject
{
    Q_OBJECT
public:
    struct User {
        QString id;
        QString username;
        QString displayName; // "Sam Patel"; the username when the service has no name for them
        QString role;
        QString team;
    };

    /** `keychainEntry` names this device's entry, so several stores on one machine never share tokens. */
    Session(ApiClient *api, KeyStore *keys, const QString &keychainEntry, QObject *parent = nullptr);

    bool signedIn() const { return !m_refreshToken.isEmpty(); }
    const User &user() const { return m_user; }
    QString deviceId() const { return m_deviceId; }

    using Done = std::function<void(Result<void>)>;
    /** Registers this device with the service and stores the tokens in the keychain. */
    void signIn(const QString &username, const QString &password, const QString &deviceName, Done done);
    /** Restores tokens saved in the keychain by an earlier run. */
    void restore(Done done);
    /** Exchanges the refresh token for new tokens (the access token is short-lived). */
    void refresh(Done done);
    /** Tells the service (best effort: offline it is skipped), then forgets the tokens here and in
     *  the keychain. The store is the caller's: the app wipes it (AppState::signOut). */
    void signOut(Done done);

Q_SIGNALS:
    void signedInChanged();
    /** The refresh token was exchanged for new tokens (one per expired access token, never a loop). */
    void tokensRefreshed();
    /** The service answered with different details for the user (renamed, moved team): screens show them now. */
    void userChanged();

private:
    void adopt(const QJsonObject &body);
    /** Drops the tokens here and in the keychain. */
    void forget(Done done);
    void persist(Done done);

    ApiClient *m_api;
    KeyStore *m_keys;
    QString m_entry;
    User m_user;
    QString m_deviceId;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
};

} // namespace doorstep::sync
