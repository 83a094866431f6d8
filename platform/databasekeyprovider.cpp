// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/databasekeyprovider.h"

#include "platform/keystore.h"
#include "platform/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QPromise>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <memory>

namespace doorstep {

namespace {

using KeyPromise = std::shared_ptr<QPromise<Result<QByteArray>>>;

QString absolutePath(const QString &databasePath)
{
    return QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
}

Result<QByteArray> randomKey()
{
    QByteArray key(DatabaseKeyProvider::KeySize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(key.size())) != 1) {
        OPENSSL_cleanse(key.data(), size_t(key.size()));
        return Error(ErrorCode::Internal,
                     DatabaseKeyProvider::tr("The system random number generator failed; no key was created."));
    }
    return key;
}

} // namespace

DatabaseKeyProvider::DatabaseKeyProvider(KeyStore *store, QObject *parent) : QObject(parent), m_store(store) {}

QString DatabaseKeyProvider::entryNameFor(const QString &databasePath)
{
    // A hash keeps the entry name short and free of the user's directory names,
    // while still giving each database file its own key.
    const QByteArray digest =
        QCryptographicHash::hash(absolutePath(databasePath).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("database-key-") + QString::fromLatin1(digest.left(32));
}

DatabaseKeyProvider::KeyState DatabaseKeyProvider::stateFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Ok:
        return KeyState::Ready;
    case ErrorCode::KeyMissing:
        return KeyState::KeyMissing;
    case ErrorCode::KeychainUnavailable:
        return KeyState::KeychainUnavailable;
    case ErrorCode::WrongKey:
        return KeyState::KeyInvalid;
    default:
        return KeyState::Failed;
    }
}

void DatabaseKeyProvider::setState(KeyState state, const QString &errorString)
{
    if (state == m_state && errorString == m_errorString)
        return;
    m_state = state;
    m_errorString = errorString;
    Q_EMIT stateChanged();
}

QFuture<Result<QByteArray>> DatabaseKeyProvider::keyFor(const QString &databasePath)
{
    const QString path = absolutePath(databasePath);
    const auto running = m_inFlight.constFind(path);
    if (running != m_inFlight.cend() && !running->isFinished())
        return *running;

    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    QFuture<Result<QByteArray>> future = promise->future();
    m_inFlight.insert(path, future);

    // Every path ends here, so the state property always matches the answer.
    auto finish = [this, promise, path](Result<QByteArray> result) {
        m_inFlight.remove(path);
        if (result.ok())
            setState(KeyState::Ready, QString());
        else
            setState(stateFor(result.error()), result.error().message);
        promise->addResult(std::move(result));
        promise->finish();
    };

    if (!m_store) {
        finish(Error(ErrorCode::Internal, QStringLiteral("DatabaseKeyProvider has no key store")));
        return future;
    }
    setState(KeyState::Unknown, QString());
    const QString name = entryNameFor(path);

    m_store->read(name).then(this, [this, finish, path, name](Result<QByteArray> existing) {
        if (existing.ok()) {
            if (existing.value().size() != KeySize) {
                // Never overwrite: whatever is there may be the only copy of something.
                finish(Error(ErrorCode::WrongKey,
                             tr("The keychain entry for this device's records does not hold a %1-byte key "
                                "(it holds %2 bytes). Nothing was changed; contact support.")
                                 .arg(KeySize)
                                 .arg(existing.value().size())));
                return;
            }
            finish(std::move(existing).value());
            return;
        }
        if (existing.error().code != ErrorCode::NotFound) {
            finish(existing.error());
            return;
        }
        // No key. Only a brand-new database may get a new one; checked now, not
        // when the request started, so the decision uses the latest state on disk.
        if (QFileInfo::exists(path)) {
            qCWarning(lcPlatform) << "database exists but its key is missing from the keychain";
            finish(Error(ErrorCode::KeyMissing,
                         tr("The key for this device's records is missing from the keychain, so the records "
                            "on this device cannot be opened. No new key was created, to keep the existing "
                            "records intact. Restore the keychain, or sign in again to reset this device.")));
            return;
        }
        Result<QByteArray> fresh = randomKey();
        if (!fresh.ok()) {
            finish(fresh.error());
            return;
        }
        const QByteArray key = fresh.value();
        if (!m_store) {
            finish(Error(ErrorCode::Internal, QStringLiteral("the key store went away")));
            return;
        }
        m_store->write(name, key).then(this, [this, finish, name, key](Result<void> written) {
            if (!written.ok()) {
                finish(written.error());
                return;
            }
            if (!m_store) {
                finish(Error(ErrorCode::Internal, QStringLiteral("the key store went away")));
                return;
            }
            // Read back before any data is encrypted with it: a keychain that
            // accepts a write but loses it would otherwise strand the records.
            m_store->read(name).then(this, [finish, key](Result<QByteArray> back) {
                if (!back.ok() || back.value() != key) {
                    finish(Error(ErrorCode::KeychainUnavailable,
                                 tr("The keychain did not keep the new key for this device's records%1. "
                                    "Nothing was stored; check the system keychain and try again.")
                                     .arg(back.ok() ? QString() : QStringLiteral(" (%1)").arg(back.error().message))));
                    return;
                }
                qCInfo(lcPlatform) << "created a new database key in the keychain";
                finish(key);
            });
        });
    });
    return future;
}

QFuture<Result<void>> DatabaseKeyProvider::forget(const QString &databasePath)
{
    if (!m_store) {
        QPromise<Result<void>> promise;
        promise.start();
        promise.addResult(Result<void>(Error(ErrorCode::Internal, QStringLiteral("DatabaseKeyProvider has no key store"))));
        promise.finish();
        return promise.future();
    }
    setState(KeyState::Unknown, QString());
    return m_store->remove(entryNameFor(databasePath));
}

} // namespace doorstep
