// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "device.h"

#include "apiclient.h"
#include "session.h"
#include "storesyncadapter.h"
#include "syncengine.h"

#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "platform/databasekeyprovider.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace doorstep::sync {

namespace {
const QString kServerUrlKey = QStringLiteral("server_url");
}

Device::Device(const QString &dataDir, KeyStore *keys, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_dataDir(QDir(dataDir).absolutePath())
    , m_keys(keys)
    , m_keyProvider(std::make_unique<DatabaseKeyProvider>(keys))
    , m_store(std::make_unique<Store>())
    , m_api(std::make_unique<ApiClient>(nam, QUrl()))
{
    // One keychain entry per data directory, so two devices on one machine (tests) never share tokens.
    const QByteArray dirHash = QCryptographicHash::hash(m_dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    m_session = std::make_unique<Session>(m_api.get(), keys, QStringLiteral("session-") + QString::fromLatin1(dirHash));
    m_adapter = std::make_unique<StoreSyncAdapter>(m_store.get(), [this](SyncStore::Done<void> done) { wipe(std::move(done)); });
    m_engine = std::make_unique<SyncEngine>(m_adapter.get(), m_api.get(), m_session.get());
}

Device::~Device() = default;

QString Device::databasePath() const
{
    return m_dataDir + QStringLiteral("/doorstep.db");
}

void Device::open(Done done)
{
    if (!QDir().mkpath(m_dataDir)) {
        done(Error(ErrorCode::StorageError, tr("Cannot create the data folder %1.").arg(m_dataDir)));
        return;
    }
    QFile::setPermissions(m_dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_keyProvider->keyFor(databasePath()).then(this, [this, done](Result<QByteArray> key) {
        if (!key.ok()) {
            done(key.error());
            return;
        }
        m_store->open(databasePath(), std::move(key).value()).then(this, [this, done](Result<void> opened) {
            if (!opened.ok()) {
                done(opened.error());
                return;
            }
            m_store->run<std::optional<QString>>([](Database &db) { return SyncState(db).get(kServerUrlKey); })
                .then(this, [this, done](Result<std::optional<QString>> url) {
                    if (url.ok() && url.value())
                        m_api->setBaseUrl(QUrl(*url.value()));
                    // No saved sign-in is normal on a new device: the caller sees signedIn() == false.
                    m_session->restore([done](Result<void> restored) {
                        if (!restored.ok() && restored.error().code == ErrorCode::KeychainUnavailable)
                            return done(restored.error());
                        done({});
                    });
                });
        });
    });
}

void Device::signIn(const QString &serverUrl, const QString &username, const QString &password,
                    const QString &deviceName, Done done)
{
    const QUrl url(serverUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty()) {
        done(Error(ErrorCode::InvalidInput, tr("Enter the service address, like https://doorstep.example.gov.uk."),
                   QStringLiteral("server")));
        return;
    }
    m_api->setBaseUrl(url);
    m_session->signIn(username, password, deviceName, [this, serverUrl, done](Result<void> signedIn) {
        if (!signedIn.ok()) {
            done(signedIn);
            return;
        }
        m_store->run<bool>([serverUrl](Database &db) -> Result<bool> {
                   if (auto r = SyncState(db).set(kServerUrlKey, serverUrl); !r)
                       return r.error();
                   return true;
               })
            .then(this, [done](Result<bool> saved) { done(saved.ok() ? Result<void>() : Result<void>(saved.error())); });
    });
}

void Device::wipe(Done done)
{
    m_store->close().then(this, [this, done](Result<void>) {
        bool removed = true;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            const QString path = databasePath() + suffix;
            if (QFileInfo::exists(path))
                removed = QFile::remove(path) && removed;
        }
        m_keyProvider->forget(databasePath()).then(this, [done, removed](Result<void> forgotten) {
            if (!removed)
                return done(Error(ErrorCode::StorageError, tr("The device's data file could not be deleted.")));
            done(forgotten);
        });
    });
}

} // namespace doorstep::sync
