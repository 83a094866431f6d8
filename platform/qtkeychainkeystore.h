// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "platform/keystore.h"

namespace doorstep {

/**
 * KeyStore backed by the OS keychain through QtKeychain (Secret Service on
 * Linux, Keychain on Apple, Credential Manager on Windows).
 *
 * The insecure fallback is always off: when the keychain cannot be reached the
 * call fails with ErrorCode::KeychainUnavailable and nothing is written to disk.
 * Entries live under the service name "Doorstep" (or the one given).
 * Must be used from a thread with a running event loop (the main thread).
 */
class QtKeychainKeyStore : public KeyStore
{
    Q_OBJECT
public:
    explicit QtKeychainKeyStore(QObject *parent = nullptr);
    QtKeychainKeyStore(const QString &service, QObject *parent = nullptr);

    QString service() const { return m_service; }

    QFuture<Result<QByteArray>> read(const QString &name) override;
    QFuture<Result<void>> write(const QString &name, const QByteArray &secret) override;
    QFuture<Result<void>> remove(const QString &name) override;

    static QString defaultService() { return QStringLiteral("Doorstep"); }

private:
    QString m_service;
};

} // namespace doorstep
