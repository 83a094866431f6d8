// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QString>

namespace doorstep {

/**
 * Stores small secrets (the database key, later sync tokens) in the OS keychain.
 *
 * Every call is asynchronous because a real keychain answers over D-Bus (or an
 * OS service) and may prompt the person; the returned future finishes on the
 * thread that owns the store. Errors are distinguishable:
 *  - ErrorCode::NotFound: the keychain works but holds no entry of that name;
 *  - ErrorCode::KeychainUnavailable: no keychain service, D-Bus down, locked
 *    and cannot be unlocked, access refused.
 * An implementation must never fall back to a plaintext file.
 */
class KeyStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~KeyStore() override = default;

    /** The secret stored under @p name, exactly as written (binary safe). */
    virtual QFuture<Result<QByteArray>> read(const QString &name) = 0;
    /** Creates or replaces the entry @p name. An empty secret is refused (InvalidInput). */
    virtual QFuture<Result<void>> write(const QString &name, const QByteArray &secret) = 0;
    /** Deletes the entry @p name; removing an entry that does not exist succeeds. */
    virtual QFuture<Result<void>> remove(const QString &name) = 0;
};

} // namespace doorstep
