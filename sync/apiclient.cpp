// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "apiclient.h"

#include "core/wire.h"

#include "core/gzip.h"
#include "retrypolicy.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslKey>

Q_LOGGING_CATEGORY(lcApi, "doorstep.sync.api")

namespace doorstep::sync {

namespace {
// Set on a reply aborted because no pinned key matched, so finish() can say why.
constexpr char kPinMismatch[] = "doorstep_pin_mismatch";
}

QByteArray ApiClient::publicKeySha256(const QSslCertificate &certificate)
{
    // QSslKey::toDer() of a public key is the DER SubjectPublicKeyInfo (the PEM "PUBLIC KEY").
    const QByteArray spki = certificate.publicKey().toDer();
    if (spki.isEmpty())
        return {};
    return QCryptographicHash::hash(spki, QCryptographicHash::Sha256);
}

ApiClient::ApiClient(QNetworkAccessManager *nam, const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_baseUrl(baseUrl)
{
}

QNetworkReply *ApiClient::get(const QString &pathAndQuery, Callback done)
{
    return send("GET", pathAndQuery, nullptr, std::move(done));
}

QNetworkReply *ApiClient::post(const QString &path, const QJsonObject &body, Callback done)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send("POST", path, &json, std::move(done));
}

QNetworkReply *ApiClient::send(const QByteArray &verb, const QString &path, const QByteArray *body, Callback done)
{
    QUrl url = m_baseUrl;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path.left(q < 0 ? path.size() : q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));

    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    // Asked for here, not left to Qt: Qt then leaves the body compressed and this client inflates
    // it itself, within the response size limit (a decompression bomb is refused, not buffered).
    request.setRawHeader("Accept-Encoding", "gzip");
    // The record format this build reads: the service sends every record so this build can store it.
    request.setRawHeader("Doorstep-Schema", QByteArray::number(wire::kSchemaVersion));
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken);

    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (body->size() > m_compressAbove) {
            payload = gzipCompress(*body);
            request.setRawHeader("Content-Encoding", "gzip");
        } else {
            payload = *body;
        }
    }
    ++m_requests;
    QNetworkReply *reply = body ? m_nam->sendCustomRequest(request, verb, payload) : m_nam->get(request);
    const qint64 sent = payload.size();
    if (!m_pins.isEmpty()) {
        // encrypted() is the earliest point Qt offers: after its own chain and hostname checks
        // passed, on a new connection, before any answer is used.
        connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
            if (pinMatches(reply))
                return;
            qCWarning(lcApi) << "TLS public key pin mismatch; request aborted";
            reply->setProperty(kPinMismatch, true);
            reply->abort();
        });
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply, sent, done = std::move(done)] {
        finish(reply, sent, done);
        reply->deleteLater();
    });
    return reply;
}

bool ApiClient::pinMatches(QNetworkReply *reply) const
{
    const auto chain = reply->sslConfiguration().peerCertificateChain();
    for (const QSslCertificate &cert : chain) {
        if (m_pins.contains(publicKeySha256(cert)))
            return true;
    }
    return false;
}

void ApiClient::finish(QNetworkReply *reply, qint64 requestBytes, const Callback &done)
{
    // A reused keep-alive connection emits no encrypted(): check the chain again on every answer,
    // so pins set after a connection was opened still hold.
    if (!m_pins.isEmpty() && reply->url().scheme() == u"https" && !reply->property(kPinMismatch).toBool()
        && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid() && !pinMatches(reply)) {
        qCWarning(lcApi) << "TLS public key pin mismatch on a reused connection; answer discarded";
        ApiFailure pinFailure;
        pinFailure.error = Error(ErrorCode::NetworkError, tr("The service's certificate does not match the pinned key."));
        done(nullptr, &pinFailure);
        return;
    }
    ApiFailure failure;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    failure.status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    failure.retryAfter = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    const QByteArray raw = reply->isOpen() ? reply->readAll() : QByteArray();
    const auto netError = reply->error();

    // 1. Transport first: a reset, a timeout or a body cut short is a network failure whatever the
    //    status said. Qt numbers transport and proxy errors 1–199; 2xx–4xx codes mirror HTTP statuses.
    const bool transportError = netError > QNetworkReply::NoError && netError < QNetworkReply::ContentAccessDenied;
    if (transportError || (netError != QNetworkReply::NoError && failure.status == 0)) {
        failure.transient = true;
        if (reply->property(kPinMismatch).toBool()) {
            failure.transient = false; // a different key is an attack or a misconfiguration, not bad luck
            failure.error = Error(ErrorCode::NetworkError, tr("The service's certificate does not match the pinned key."));
        } else if (netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError) {
            failure.error = Error(ErrorCode::Timeout, tr("The service did not answer in time."));
        } else if (netError == QNetworkReply::SslHandshakeFailedError) {
            failure.transient = false; // a certificate problem does not fix itself; never ignored either
            failure.error = Error(ErrorCode::NetworkError, tr("The service's certificate could not be trusted."));
        } else {
            failure.error = Error(ErrorCode::NetworkError, tr("Could not reach the service (%1).").arg(reply->errorString()));
        }
        qCInfo(lcApi) << "request failed:" << netError << "status" << failure.status;
        done(nullptr, &failure);
        return;
    }

    // 2. Then the body: it must be a complete JSON object (a truncated one does not parse).
    QByteArray text = raw;
    if (reply->rawHeader("Content-Encoding").trimmed().toLower() == "gzip") {
        auto inflated = gzipDecompress(raw, m_maxResponse);
        if (!inflated.ok()) {
            failure.transient = true;
            failure.error = Error(ErrorCode::NetworkError, inflated.error().message);
            done(nullptr, &failure);
            return;
        }
        text = std::move(inflated).value();
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    const QJsonObject obj = doc.object();

    // 3. Then the status.
    if (failure.status >= 200 && failure.status < 300) {
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            failure.transient = true; // most likely truncated in transit
            failure.error = Error(ErrorCode::NetworkError, tr("The service's answer arrived incomplete."));
            done(nullptr, &failure);
            return;
        }
        ApiReply ok;
        ok.status = failure.status;
        ok.body = obj;
        ok.requestBytes = requestBytes;
        ok.responseBytes = raw.size();
        done(&ok, nullptr);
        return;
    }

    const QJsonObject err = obj.value(u"error").toObject();
    failure.body = obj;
    failure.serviceCode = err.value(u"code").toString();
    const QString message = err.value(u"message").toString();
    const QString field = err.value(u"field").toString();
    const int s = failure.status;
    if (s == 401) {
        failure.error = Error(ErrorCode::Unauthenticated, message.isEmpty() ? tr("Please sign in again.") : message, field);
    } else if (s == 403) {
        failure.error = Error(ErrorCode::Forbidden, message.isEmpty() ? tr("Not allowed.") : message, field);
    } else if (s == 409) {
        failure.error = Error(ErrorCode::Conflict, message, field);
    } else if (s == 408 || s == 429 || s >= 500 || s == 0) {
        failure.transient = true;
        failure.error = Error(ErrorCode::ServerError, message.isEmpty() ? tr("The service is busy; trying again later.") : message);
    } else {
        failure.error = Error(ErrorCode::InvalidInput, message.isEmpty() ? tr("The service refused the request.") : message, field);
    }
    done(nullptr, &failure);
}

} // namespace doorstep::sync
