// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace doorstep::sync {

class ApiClient;

/**
 * A council's own trust for its service (docs/threat-model.md): CA certificates added to the
 * system's, and optional public-key pins. Given on the command line (--ca-file, --pin), or, on a
 * tablet set up by device management, in the environment (DOORSTEP_CA_FILE, DOORSTEP_PINNED_KEYS)
 * or the application's settings (tls/ca_file, tls/pinned_keys). A value that cannot be used is an
 * error, never skipped: a pin quietly dropped would weaken the check without anyone knowing.
 */
struct TlsSettings {
    QString caFile;
    QList<QSslCertificate> caCertificates;
    QList<QByteArray> pins; // SHA-256 digests of SubjectPublicKeyInfo (ApiClient::setPinnedPublicKeys)

    bool isEmpty() const { return caCertificates.isEmpty() && pins.isEmpty(); }

    /** Reads caFile (PEM, one or more certificates; empty for none) and pins, each "sha256//BASE64"
     *  (curl's --pinnedpubkey form, what pinOf prints) or the bare base64. */
    static Result<TlsSettings> read(const QString &caFile, const QStringList &pins);
    /** Each of the CA file and the pins from the first place that has it: the values given (the
     *  command line), the environment, the settings. */
    static Result<TlsSettings> resolve(const QString &caFile, const QStringList &pins);
    /** Every request of api trusts the CA certificates too, and checks the pins; empty changes nothing. */
    void applyTo(ApiClient &api) const;
    /** The pin of a certificate's public key: "sha256//BASE64". */
    static QString pinOf(const QSslCertificate &certificate);
};

} // namespace doorstep::sync
