// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "sync/tlssettings.h"

#include "sync/apiclient.h"

#include <QFile>
#include <QSettings>
#include <QSslConfiguration>

namespace doorstep::sync {

namespace {

constexpr QLatin1String kPinPrefix("sha256//");

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

QStringList splitPins(const QString &list)
{
    QStringList out;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString pin = part.trimmed(); !pin.isEmpty())
            out << pin;
    return out;
}

} // namespace

Result<TlsSettings> TlsSettings::read(const QString &caFile, const QStringList &pins)
{
    TlsSettings settings;
    settings.caFile = caFile;
    if (!caFile.isEmpty()) {
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly))
            return invalid(QStringLiteral("The CA file %1 could not be read: %2").arg(caFile, file.errorString()));
        settings.caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (settings.caCertificates.isEmpty())
            return invalid(QStringLiteral("The CA file %1 holds no PEM certificate").arg(caFile));
    }
    for (const QString &pin : pins) {
        const QString base64 = pin.startsWith(kPinPrefix) ? pin.mid(kPinPrefix.size()) : pin;
        const auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 32)
            return invalid(QStringLiteral("The pinned key %1 is not a SHA-256 digest in base64 (sha256//…, as `doorstep-cli tls-pin` prints)").arg(pin));
        settings.pins << decoded.decoded;
    }
    return settings;
}

Result<TlsSettings> TlsSettings::resolve(const QString &caFile, const QStringList &pins)
{
    QString file = caFile;
    if (file.isEmpty())
        file = qEnvironmentVariable("DOORSTEP_CA_FILE");
    if (file.isEmpty())
        file = QSettings().value(QStringLiteral("tls/ca_file")).toString();
    QStringList keys = pins;
    if (keys.isEmpty())
        keys = splitPins(qEnvironmentVariable("DOORSTEP_PINNED_KEYS"));
    if (keys.isEmpty())
        keys = splitPins(QSettings().value(QStringLiteral("tls/pinned_keys")).toStringList().join(QLatin1Char(',')));
    return read(file, keys);
}

void TlsSettings::applyTo(ApiClient &api) const
{
    if (!caCertificates.isEmpty()) {
        // Added to the system's roots, so a service moved to a public certificate keeps working.
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(caCertificates);
        api.setSslConfiguration(config);
    }
    if (!pins.isEmpty())
        api.setPinnedPublicKeys(pins);
}

QString TlsSettings::pinOf(const QSslCertificate &certificate)
{
    const QByteArray digest = ApiClient::publicKeySha256(certificate);
    return digest.isEmpty() ? QString() : kPinPrefix + QString::fromLatin1(digest.toBase64());
}

} // namespace doorstep::sync
