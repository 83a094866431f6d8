// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/qtkeychainkeystore.h"

#include "platform/logging.h"

#include <QPromise>
#include <qt6keychain/keychain.h>

#ifdef DOORSTEP_SECRET_SERVICE_PROBE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

#include <memory>


namespace doorstep {

namespace {

// QtKeychain reports "the keychain works but has no such entry" as
// EntryNotFound; everything else means we cannot trust the keychain right now
// (no Secret Service, D-Bus down, collection locked, access refused), which
// the application must show as a locked state rather than work around.
Error mapError(QKeychain::Error code, const QString &detail, const QString &name)
{
    QString why;
    switch (code) {
    case QKeychain::NoError:
        return Error(ErrorCode::Internal, QStringLiteral("no error"));
    case QKeychain::EntryNotFound:
        return Error(ErrorCode::NotFound,
                     QtKeychainKeyStore::tr("The keychain has no entry named \"%1\".").arg(name));
    case QKeychain::NoBackendAvailable:
        why = QtKeychainKeyStore::tr("No keychain service is available on this device");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        why = QtKeychainKeyStore::tr("Access to the keychain was refused or it is locked");
        break;
    case QKeychain::CouldNotDeleteEntry:
        why = QtKeychainKeyStore::tr("The keychain could not delete the entry");
        break;
    case QKeychain::NotImplemented:
        why = QtKeychainKeyStore::tr("The keychain is not supported on this platform");
        break;
    case QKeychain::OtherError:
        why = QtKeychainKeyStore::tr("The keychain could not be reached");
        break;
    }
    QString message = why;
    if (!detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(detail);
    message += QStringLiteral(". ") + QtKeychainKeyStore::tr("Unlock or start the system keychain, then try again.");
    return Error(ErrorCode::KeychainUnavailable, message);
}

template <typename Job>
Job *newJob(const QString &service, const QString &name, QObject *parent)
{
    auto *job = new Job(service, parent);
    job->setAutoDelete(true);
    // Never store secrets in a plaintext QSettings file when the keychain fails.
    job->setInsecureFallback(false);
    job->setKey(name);
    return job;
}

#ifdef DOORSTEP_SECRET_SERVICE_PROBE
// libsecret reports an item in a *locked* collection as simply absent (it
// cannot prompt on a headless or refused session), and QtKeychain passes that
// on as EntryNotFound. "Missing" and "locked" lead to very different advice
// (KeyMissing says the records cannot be opened), so before answering
// NotFound ask the Secret Service whether the default collection is locked.
// Calls done(true) only on a definite "locked"; any failure to ask keeps the
// NotFound answer.
template <typename Done>
void askDefaultCollectionLocked(QObject *context, Done done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    QDBusMessage msg = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    msg << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(msg, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [done](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        done(!reply.isError() && reply.value().variant().toBool());
    });
}
#endif

} // namespace

QtKeychainKeyStore::QtKeychainKeyStore(QObject *parent) : QtKeychainKeyStore(defaultService(), parent) {}

QtKeychainKeyStore::QtKeychainKeyStore(const QString &service, QObject *parent)
    : KeyStore(parent), m_service(service)
{
}

QFuture<Result<QByteArray>> QtKeychainKeyStore::read(const QString &name)
{
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, name, this);
    connect(job, &QKeychain::Job::finished, this, [this, promise, name](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (readJob->error() == QKeychain::NoError) {
            promise->addResult(Result<QByteArray>(readJob->binaryData()));
            promise->finish();
            return;
        }
        Error e = mapError(readJob->error(), readJob->errorString(), name);
#ifdef DOORSTEP_SECRET_SERVICE_PROBE
        if (e.code == ErrorCode::NotFound) {
            askDefaultCollectionLocked(this, [promise, e](bool locked) {
                if (locked) {
                    qCWarning(lcPlatform) << "keychain read: the default collection is locked";
                    promise->addResult(Result<QByteArray>(Error(
                        ErrorCode::KeychainUnavailable,
                        tr("The keychain is locked. Unlock the system keychain, then try again."))));
                } else {
                    promise->addResult(Result<QByteArray>(e));
                }
                promise->finish();
            });
            return;
        }
#endif
        if (e.code != ErrorCode::NotFound)
            qCWarning(lcPlatform) << "keychain read failed:" << name << e.message;
        promise->addResult(Result<QByteArray>(std::move(e)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> QtKeychainKeyStore::write(const QString &name, const QByteArray &secret)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    if (secret.isEmpty()) {
        // QtKeychain treats empty data as "delete" on some backends.
        promise->addResult(Result<void>(Error(ErrorCode::InvalidInput, tr("An empty secret cannot be stored."))));
        promise->finish();
        return promise->future();
    }
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, name, this);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [promise, name](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            promise->addResult(Result<void>());
        } else {
            Error e = mapError(j->error(), j->errorString(), name);
            if (e.code == ErrorCode::NotFound) // cannot mean "missing" for a write
                e = Error(ErrorCode::KeychainUnavailable, e.message);
            qCWarning(lcPlatform) << "keychain write failed:" << name << e.message;
            promise->addResult(Result<void>(std::move(e)));
        }
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> QtKeychainKeyStore::remove(const QString &name)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, name, this);
    connect(job, &QKeychain::Job::finished, this, [promise, name](QKeychain::Job *j) {
        // Deleting what is already gone is success: the caller wanted it gone.
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
            promise->addResult(Result<void>());
        } else {
            Error e = mapError(j->error(), j->errorString(), name);
            qCWarning(lcPlatform) << "keychain delete failed:" << name << e.message;
            promise->addResult(Result<void>(std::move(e)));
        }
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace doorstep
