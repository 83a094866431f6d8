// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace doorstep {

class KeyStore;

/**
 * The app-lock PIN: only an scrypt verifier (random salt) is kept, in the keychain next to the
 * database key, with the count of wrong attempts so a restart does not reset it. After
 * kMaxAttempts wrong PINs the vault refuses every PIN until resetAfterSignIn().
 */
class PinVault : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr int kMinLength = 4;

    PinVault(KeyStore *keys, const QString &entryName, QObject *parent = nullptr);

    enum class Outcome { Accepted, Wrong, LockedOut };
    using Done = std::function<void(Result<void>)>;
    using Checked = std::function<void(Result<Outcome>)>;

    /** Reads the verifier; done() says whether a PIN exists (NotFound when none). */
    void load(Done done);
    bool hasPin() const { return !m_verifier.isEmpty(); }
    int failures() const { return m_failures; }
    int attemptsLeft() const { return qMax(0, kMaxAttempts - m_failures); }
    bool lockedOut() const { return m_failures >= kMaxAttempts; }

    /** Replaces the PIN (a new salt each time) and clears the failure count. */
    void setPin(const QString &pin, Done done);
    /** Checks a PIN off the UI thread; a wrong one is counted in the keychain before answering. */
    void check(const QString &pin, Checked done);
    /** After a successful online sign-in: clears the failure count (the PIN is chosen again). */
    void resetAfterSignIn(Done done);

    /** scrypt(pin, salt) with the vault's parameters; public for tests. */
    static QByteArray derive(const QString &pin, const QByteArray &salt);

private:
    QByteArray serialise() const;
    void persist(Done done);

    QPointer<KeyStore> m_keys;
    QString m_entry;
    QByteArray m_salt;
    QByteArray m_verifier;
    int m_failures = 0;
};

} // namespace doorstep
