// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QUrl>

/** The answer to one API call, read completely (status, JSON body, headers). */
struct ApiReply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray raw;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const { return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(); }
    /** True when the body has exactly the one error shape {"error": {"code", "message", "field"}}. */
    bool hasErrorShape() const;
};

/** A blocking HTTP client for tests (one per thread), bounded by a transfer timeout. */
class ApiClient
{
public:
    explicit ApiClient(QUrl base);
    void setCaCertificates(const QList<QSslCertificate> &cas) { m_cas = cas; }
    /** A header sent with every request from now on (an empty value stops sending it). */
    void setHeader(const QByteArray &name, const QByteArray &value) { m_headers[name] = value; }
    ApiReply get(const QString &path, const QString &token = {});
    ApiReply post(const QString &path, const QJsonObject &body, const QString &token = {});
    ApiReply raw(const QByteArray &method, const QString &path, const QByteArray &body,
                 const QByteArray &contentType, const QString &token = {});
    QUrl base() const { return m_base; }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_cas;
    QMap<QByteArray, QByteArray> m_headers;
};
