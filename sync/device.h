// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace doorstep {
class DatabaseKeyProvider;
class KeyStore;
class Store;
}

namespace doorstep::sync {

class ApiClient;
class Session;
class StoreSyncAdapter;
class SyncEngine;

/**
 * One device's data and sync, wired once for the tablet app and doorstep-cli alike: the key from
 * the keychain, the encrypted store in `dataDir`, the session (tokens in the keychain), the API
 * client and the sync engine.
 */
class Device : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<void>)>;

    Device(const QString &dataDir, KeyStore *keys, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~Device() override;

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;

    /** Gets the key (creating one only for a new database), opens the store, restores the service
     *  address and any saved sign-in. */
    void open(Done done);
    /** Registers this device with the service at `serverUrl`; the address is kept in the store. */
    void signIn(const QString &serverUrl, const QString &username, const QString &password,
                const QString &deviceName, Done done);
    /** Closes the store and deletes the file, its WAL and its key (device revoked). */
    void wipe(Done done);

    Store *store() const { return m_store.get(); }
    Session *session() const { return m_session.get(); }
    ApiClient *api() const { return m_api.get(); }
    SyncEngine *engine() const { return m_engine.get(); }
    DatabaseKeyProvider *keyProvider() const { return m_keyProvider.get(); }

private:
    QString m_dataDir;
    KeyStore *m_keys;
    std::unique_ptr<DatabaseKeyProvider> m_keyProvider;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<StoreSyncAdapter> m_adapter;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace doorstep::sync
