// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "pinvault.h"

#include "platform/keystore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace doorstep {

namespace {
// scrypt cost: 16 MiB and ~50 ms per try on a tablet; five tries then online sign-in, so the
// verifier only has to resist offline guessing of a stolen keychain, which the salt and cost do.
constexpr quint64 kN = 1u << 14;
constexpr quint64 kR = 8;
constexpr quint64 kP = 1;
constexpr int kHashBytes = 32;
} // namespace

PinVault::PinVault(KeyStore *keys, const QString &entryName, QObject *parent)
    : QObject(parent), m_keys(keys), m_entry(entryName)
{
}

QByteArray PinVault::derive(const QString &pin, const QByteArray &salt)
{
    const QByteArray secret = pin.toUtf8();
    QByteArray out(kHashBytes, Qt::Uninitialized);
    if (EVP_PBE_scrypt(secret.constData(), size_t(secret.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                       size_t(salt.size()), kN, kR, kP, 0, reinterpret_cast<unsigned char *>(out.data()), size_t(out.size())) != 1)
        return {};
    return out;
}

QByteArray PinVault::serialise() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), 1},
                                     {QStringLiteral("kdf"), QStringLiteral("scrypt")},
                                     {QStringLiteral("n"), qint64(kN)},
                                     {QStringLiteral("r"), qint64(kR)},
                                     {QStringLiteral("p"), qint64(kP)},
                                     {QStringLiteral("salt"), QString::fromLatin1(m_salt.toBase64())},
                                     {QStringLiteral("hash"), QString::fromLatin1(m_verifier.toBase64())},
                                     {QStringLiteral("failures"), m_failures}})
        .toJson(QJsonDocument::Compact);
}

void PinVault::persist(Done done)
{
    if (!m_keys)
        return done(Error(ErrorCode::KeychainUnavailable, tr("The keychain is not available.")));
    m_keys->write(m_entry, serialise()).then(this, [done](Result<void> r) { done(std::move(r)); });
}

void PinVault::load(Done done)
{
    if (!m_keys)
        return done(Error(ErrorCode::KeychainUnavailable, tr("The keychain is not available.")));
    m_keys->read(m_entry).then(this, [this, done](Result<QByteArray> r) {
        if (!r.ok())
            return done(r.error());
        const QJsonObject o = QJsonDocument::fromJson(r.value()).object();
        m_salt = QByteArray::fromBase64(o.value(u"salt").toString().toLatin1());
        m_verifier = QByteArray::fromBase64(o.value(u"hash").toString().toLatin1());
        m_failures = o.value(u"failures").toInt();
        if (m_salt.isEmpty() || m_verifier.size() != kHashBytes) {
            m_verifier.clear();
            return done(Error(ErrorCode::NotFound, tr("No PIN has been set on this device.")));
        }
        done({});
    });
}

void PinVault::setPin(const QString &pin, Done done)
{
    if (pin.size() < kMinLength)
        return done(Error(ErrorCode::InvalidInput, tr("Choose a PIN of at least %n digits.", nullptr, kMinLength)));
    QByteArray salt(16, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size())) != 1)
        return done(Error(ErrorCode::Internal, tr("Could not make a random salt.")));
    QtConcurrent::run([pin, salt]() { return derive(pin, salt); }).then(this, [this, salt, done](QByteArray hash) {
        if (hash.isEmpty())
            return done(Error(ErrorCode::Internal, tr("Could not protect the PIN.")));
        m_salt = salt;
        m_verifier = hash;
        m_failures = 0;
        persist(done);
    });
}

void PinVault::check(const QString &pin, Checked done)
{
    if (!hasPin())
        return done(Error(ErrorCode::NotFound, tr("No PIN has been set on this device.")));
    if (lockedOut())
        return done(Outcome::LockedOut);
    const QByteArray salt = m_salt;
    QtConcurrent::run([pin, salt]() { return derive(pin, salt); }).then(this, [this, done](QByteArray hash) {
        const bool match = hash.size() == m_verifier.size()
            && CRYPTO_memcmp(hash.constData(), m_verifier.constData(), size_t(hash.size())) == 0;
        if (match) {
            if (m_failures == 0)
                return done(Outcome::Accepted);
            m_failures = 0;
            return persist([done](Result<void> r) { r.ok() ? done(Outcome::Accepted) : done(r.error()); });
        }
        ++m_failures;
        const Outcome outcome = lockedOut() ? Outcome::LockedOut : Outcome::Wrong;
        // The count is written before the answer, so killing the app cannot reset it.
        persist([done, outcome](Result<void> r) { r.ok() ? done(outcome) : done(r.error()); });
    });
}

void PinVault::resetAfterSignIn(Done done)
{
    m_failures = 0;
    if (!hasPin())
        return done({});
    persist(done);
}

} // namespace doorstep
