// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "platform/keystore.h"

#include <QHash>

namespace doorstep {

/**
 * A KeyStore in process memory, for unit tests: it can pretend the keychain is
 * unavailable or that it silently loses writes, so callers' error paths run.
 *
 * Answers arrive through the event loop (never synchronously) so that callers
 * written against it also behave with a real, asynchronous keychain.
 */
class InMemoryKeyStore : public KeyStore
{
    Q_OBJECT
public:
    explicit InMemoryKeyStore(QObject *parent = nullptr);

    QFuture<Result<QByteArray>> read(const QString &name) override;
    QFuture<Result<void>> write(const QString &name, const QByteArray &secret) override;
    QFuture<Result<void>> remove(const QString &name) override;

    /** When false every call fails with ErrorCode::KeychainUnavailable. */
    void setAvailable(bool available) { m_available = available; }
    bool isAvailable() const { return m_available; }
    /** When true writes report success but keep nothing (a broken keychain). */
    void setDropWrites(bool drop) { m_dropWrites = drop; }

    /** Direct access for test set-up and assertions, bypassing availability. */
    void insert(const QString &name, const QByteArray &secret) { m_entries.insert(name, secret); }
    bool contains(const QString &name) const { return m_entries.contains(name); }
    QByteArray value(const QString &name) const { return m_entries.value(name); }
    int size() const { return int(m_entries.size()); }
    int writeCount() const { return m_writeCount; }

private:
    QHash<QString, QByteArray> m_entries;
    bool m_available = true;
    bool m_dropWrites = false;
    int m_writeCount = 0;
};

} // namespace doorstep
