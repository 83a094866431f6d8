// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace doorstep::server {

/** The listening socket under Qt HttpServer 6.4, which buffers whole request bodies and has no
 *  timeouts of its own. Every connection is watched from the moment it is accepted: a request
 *  that sends more than the body limit without an answer gets 413 and is cut off before it is
 *  buffered; a silent connection, a slow request or a stalled TLS handshake is closed. With a
 *  TLS configuration each connection is a QSslSocket that is handed over once encrypted. */
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits {
        qint64 maxRequestBytes = 8 * 1024 * 1024 + 64 * 1024; // body limit + headers
        int idleTimeoutMs = 60000;     // no traffic at all
        int requestTimeoutMs = 90000;  // first byte of a request to its answer
        int handshakeTimeoutMs = 10000;
    };

    explicit GuardedTcpServer(Limits limits, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QObject *watch(QTcpSocket *socket);
    void handOver(QTcpSocket *socket);

    Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace doorstep::server
