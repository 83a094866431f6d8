// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "apiclient.h"

#include "core/wire.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslConfiguration>

QByteArray ApiReply::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool ApiReply::hasErrorShape() const
{
    if (json.size() != 1 || !json.value(QLatin1String("error")).isObject())
        return false;
    const QJsonObject e = json.value(QLatin1String("error")).toObject();
    return e.size() == 3 && e.value(QLatin1String("code")).isString() && !e.value(QLatin1String("code")).toString().isEmpty()
        && e.value(QLatin1String("message")).isString() && (e.value(QLatin1String("field")).isString() || e.value(QLatin1String("field")).isNull());
}

ApiClient::ApiClient(QUrl base) : m_base(std::move(base))
{
    m_nam.setTransferTimeout(30000);
    // As the app's client does: records arrive as this build stores them.
    m_headers["Doorstep-Schema"] = QByteArray::number(doorstep::wire::kSchemaVersion);
}

ApiReply ApiClient::get(const QString &path, const QString &token)
{
    return raw("GET", path, {}, {}, token);
}

ApiReply ApiClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return raw("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
}

ApiReply ApiClient::raw(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &contentType, const QString &token)
{
    QUrl url = m_base;
    const int q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setTransferTimeout(30000);
    if (!contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it)
        if (!it.value().isEmpty())
            req.setRawHeader(it.key(), it.value());
    if (!m_cas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_cas);
        req.setSslConfiguration(tls);
    }
    QBuffer *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, buffer);
    buffer->setParent(reply);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    ApiReply r;
    r.error = reply->error();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.json = QJsonDocument::fromJson(r.raw).object();
    reply->deleteLater();
    return r;
}
