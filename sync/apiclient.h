// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace doorstep::sync {

/** A successful HTTP exchange: a 2xx status with a complete JSON object body. */
struct ApiReply {
    int status = 0;
    QJsonObject body;
    qint64 requestBytes = 0;  // on the wire, after compression
    qint64 responseBytes = 0;
};

/** Why a request failed, and whether trying again later can help. */
struct ApiFailure {
    Error error;                 // code: NetworkError, Timeout, ServerError, Unauthenticated, Forbidden, InvalidInput, ...
    int status = 0;              // HTTP status if one arrived
    QString serviceCode;         // the service's error.code, e.g. "device_revoked", "token_expired"
    bool transient = false;      // network trouble, 5xx, 429, truncated body: retry with backoff
    std::optional<std::chrono::milliseconds> retryAfter;
    QJsonObject body;            // the service's error answer (a 409 on a review carries the current record)
};

/**
 * JSON over HTTP to the Doorstep service, on an injected QNetworkAccessManager.
 * Every request has a transfer timeout (Qt 6.4 waits forever by default). A reply is judged by its
 * network error before its status, because a body cut short can still carry "200 OK".
 */
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiReply *, const ApiFailure *)>;

    ApiClient(QNetworkAccessManager *nam, const QUrl &baseUrl, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    void setAccessToken(const QByteArray &token) { m_accessToken = token; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /** Request bodies larger than this are gzip-compressed. */
    void setCompressionThreshold(qsizetype bytes) { m_compressAbove = bytes; }
    /** Largest response body accepted (after decompression). */
    void setMaxResponseBytes(qsizetype bytes) { m_maxResponse = bytes; }
    /** TLS settings for every request, e.g. a council's own CA certificates
     *  (QSslConfiguration::setCaCertificates). Certificate errors are never ignored. */
    void setSslConfiguration(const QSslConfiguration &config) { m_ssl = config; }
    void clearSslConfiguration() { m_ssl.reset(); }
    /** Public-key pinning: SHA-256 digests of SubjectPublicKeyInfo (DER). When non-empty, an HTTPS
     *  reply is aborted with a non-transient NetworkError unless a certificate in the chain the
     *  service presents (after Qt's own CA and hostname checks passed) has one of these keys. Pin the
     *  service's key, or the CA's when the service sends its chain. Empty: the CA check alone. */
    void setPinnedPublicKeys(const QList<QByteArray> &spkiSha256) { m_pins = spkiSha256; }
    /** SHA-256 of a certificate's SubjectPublicKeyInfo, the value pinned above. */
    static QByteArray publicKeySha256(const QSslCertificate &certificate);

    /** GET path (with query) or POST path with a JSON body; exactly one of reply/failure is non-null
     *  in the callback, which runs on this object's thread. Returns the reply so a caller can abort. */
    QNetworkReply *get(const QString &pathAndQuery, Callback done);
    QNetworkReply *post(const QString &path, const QJsonObject &body, Callback done);

    /** Requests sent since construction (benchmarks and tests). */
    qint64 requestCount() const { return m_requests; }

private:
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QByteArray *body, Callback done);
    void finish(QNetworkReply *reply, qint64 requestBytes, const Callback &done);
    bool pinMatches(QNetworkReply *reply) const;

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QByteArray m_accessToken;
    std::chrono::milliseconds m_timeout{30000};
    qsizetype m_compressAbove = 16 * 1024;
    qsizetype m_maxResponse = 256 * 1024 * 1024;
    qint64 m_requests = 0;
    std::optional<QSslConfiguration> m_ssl;
    QList<QByteArray> m_pins;
};

} // namespace doorstep::sync
