// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/inmemorykeystore.h"

#include <QMetaObject>
#include <QPromise>

#include <memory>

namespace doorstep {

namespace {

// Finishes the future from the event loop, as a real keychain would.
template <typename T>
QFuture<Result<T>> finishLater(QObject *context, Result<T> result)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto value = std::make_shared<Result<T>>(std::move(result));
    QFuture<Result<T>> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        context,
        [promise, value]() {
            promise->addResult(std::move(*value));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

Error unavailable()
{
    return Error(ErrorCode::KeychainUnavailable, QStringLiteral("The keychain is not available (simulated)."));
}

} // namespace

InMemoryKeyStore::InMemoryKeyStore(QObject *parent) : KeyStore(parent) {}

QFuture<Result<QByteArray>> InMemoryKeyStore::read(const QString &name)
{
    if (!m_available)
        return finishLater<QByteArray>(this, unavailable());
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return finishLater<QByteArray>(this, Error(ErrorCode::NotFound, QStringLiteral("No keychain entry named %1.").arg(name)));
    return finishLater<QByteArray>(this, *it);
}

QFuture<Result<void>> InMemoryKeyStore::write(const QString &name, const QByteArray &secret)
{
    if (secret.isEmpty())
        return finishLater<void>(this, Error(ErrorCode::InvalidInput, QStringLiteral("An empty secret cannot be stored.")));
    if (!m_available)
        return finishLater<void>(this, unavailable());
    ++m_writeCount;
    if (!m_dropWrites)
        m_entries.insert(name, secret);
    return finishLater<void>(this, Result<void>());
}

QFuture<Result<void>> InMemoryKeyStore::remove(const QString &name)
{
    if (!m_available)
        return finishLater<void>(this, unavailable());
    m_entries.remove(name);
    return finishLater<void>(this, Result<void>());
}

} // namespace doorstep
