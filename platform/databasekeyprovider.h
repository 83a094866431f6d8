// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace doorstep {

class KeyStore;

/**
 * Finds or creates the 256-bit key that opens a device's SQLCipher database.
 *
 * The key lives only in the keychain. The rules, in the order they are applied:
 *  - key present (32 bytes)            → that key, whether or not the file exists;
 *  - key present but not 32 bytes      → ErrorCode::WrongKey (never replaced);
 *  - no key, database file absent      → 32 random bytes (OpenSSL RAND_bytes),
 *                                        written, read back and compared;
 *  - no key, database file present     → ErrorCode::KeyMissing: a new key over
 *                                        existing data would make it unreadable;
 *  - keychain unreachable              → ErrorCode::KeychainUnavailable.
 * The entry name is derived from the database's absolute path, so two
 * databases on one device never share a key.
 */
class DatabaseKeyProvider : public QObject
{
    Q_OBJECT
    Q_PROPERTY(KeyState state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)
public:
    /** What the UI shows about the key: Ready, or a locked state with a reason. */
    enum class KeyState {
        Unknown,             // not asked yet, or a request is running
        Ready,               // the key is available
        KeyMissing,          // the database exists but its key is gone: stop, do not recreate
        KeychainUnavailable, // the keychain cannot be reached or is locked: retry later
        KeyInvalid,          // the keychain holds something that is not a 32-byte key
        Failed,              // anything else (random generator failure, internal error)
    };
    Q_ENUM(KeyState)

    static constexpr int KeySize = 32;

    explicit DatabaseKeyProvider(KeyStore *store, QObject *parent = nullptr);

    /** The key for the database at @p databasePath, creating one only for a new database.
     *  Concurrent calls for one path share one request, so two callers can never each
     *  create (and overwrite) a different key. */
    QFuture<Result<QByteArray>> keyFor(const QString &databasePath);
    /** Deletes the key (device wipe); the database becomes unreadable for good. */
    QFuture<Result<void>> forget(const QString &databasePath);

    /** The keychain entry name used for @p databasePath ("database-key-" + 32 hex digits). */
    static QString entryNameFor(const QString &databasePath);
    /** Maps an error from keyFor() to the state the UI shows. */
    static KeyState stateFor(const Error &error);

    KeyState state() const { return m_state; }
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void stateChanged();

private:
    void setState(KeyState state, const QString &errorString);

    QPointer<KeyStore> m_store;
    QHash<QString, QFuture<Result<QByteArray>>> m_inFlight; // absolute path → running request
    KeyState m_state = KeyState::Unknown;
    QString m_errorString;
};

} // namespace doorstep
