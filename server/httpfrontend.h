// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>

#include <optional>
#include <QThreadPool>

namespace doorstep::server {

class ApiRouter;

/** The thin adapter between Qt HttpServer 6.4 (a technology preview) and ApiRouter: it copies
 *  each request into an ApiRequest, runs the router on a worker thread (so requests reach the
 *  database concurrently), bounds each request in time, and writes the one JSON response. */
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit HttpFrontend(ApiRouter &router, int threads = 8, QObject *parent = nullptr);
    ~HttpFrontend() override;

    static constexpr int kRequestTimeoutMs = 30000;

    /** Listens through a GuardedTcpServer (body limit before buffering, timeouts), with TLS
     *  when `tls` is given. Returns the bound port, 0 on failure. */
    quint16 listenGuarded(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls,
                          int idleTimeoutMs = 60000, int requestTimeoutMs = 90000);

    /** Requests from these addresses (a reverse proxy) carry the client's address in X-Real-IP,
     *  which sign-in throttling and the audit log then use. */
    void setTrustedProxies(const QList<QHostAddress> &proxies) { m_trustedProxies = proxies; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiRouter &m_router;
    QThreadPool m_pool;
    QList<QHostAddress> m_trustedProxies;
};

} // namespace doorstep::server
