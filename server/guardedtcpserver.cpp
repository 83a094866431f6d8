// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "guardedtcpserver.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcGuard, "doorstep.server.http")

namespace doorstep::server {

namespace {

// Per-connection bookkeeping, owned by the socket.
class Watch : public QObject
{
public:
    explicit Watch(QTcpSocket *socket, const GuardedTcpServer::Limits &limits)
        : QObject(socket), m_socket(socket), m_limits(limits)
    {
        m_idle.setSingleShot(true);
        m_idle.setInterval(limits.idleTimeoutMs);
        m_request.setSingleShot(true);
        m_request.setInterval(limits.requestTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] { cut("idle"); });
        connect(&m_request, &QTimer::timeout, this, [this] { cut("slow request"); });
        m_idle.start();
    }

    // Runs before Qt HttpServer reads: counts the bytes that arrived since its last read.
    void beforeRead()
    {
        m_idle.start();
        if (m_cut) {
            m_socket->readAll(); // lingering after a 413: discard, never buffer
            return;
        }
        const qint64 fresh = m_socket->bytesAvailable() - m_leftover;
        if (fresh > 0) {
            if (m_pending == 0)
                m_request.start();
            m_pending += fresh;
        }
        if (m_pending > m_limits.maxRequestBytes) {
            refuse(413);
            return;
        }
        if (!m_lineChecked)
            checkRequestLine();
    }
    // Runs after Qt HttpServer read: what it left unread is not new next time.
    void afterRead() { m_leftover = m_socket->bytesAvailable(); }
    // An answer went out: the next request starts from zero.
    void answered()
    {
        if (m_cut) {
            halfClose();
            return;
        }
        m_lineChecked = false;
        m_idle.start();
        m_request.stop();
        m_pending = 0;
    }

private:
    // 413 and stop reading. The connection is half-closed rather than closed at once: closing
    // while the client is still sending makes the kernel answer with a reset, which can destroy
    // the 413 before the client reads it (the "lingering close" of HTTP servers).
    void refuse(int status)
    {
        m_cut = true;
        m_request.stop();
        const QByteArray body = status == 413
            ? QByteArrayLiteral(R"({"error":{"code":"payload_too_large","field":null,"message":"The request body is too large."}})")
            : QByteArrayLiteral(R"({"error":{"code":"bad_request","field":null,"message":"The request is not valid HTTP/1.1."}})");
        const QByteArray statusLine = status == 413 ? QByteArrayLiteral("413 Payload Too Large") : QByteArrayLiteral("400 Bad Request");
        m_socket->readAll(); // drop what is buffered: nothing more reaches the parser
        m_socket->write("HTTP/1.1 " + statusLine + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        m_socket->flush();
        qCInfo(lcGuard) << "refused a request with" << status;
        QTimer::singleShot(2000, this, [this] { cut("linger over"); });
        if (m_socket->bytesToWrite() == 0)
            halfClose();
    }

    // Qt HttpServer drops a connection whose request line it cannot parse without a word; a
    // client deserves a 400. Only the shape of the first line is checked here, not the request.
    void checkRequestLine()
    {
        static const QRegularExpression line(QStringLiteral("^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH) [\\x21-\\x7e]{1,8000} HTTP/1\\.[01]$"));
        const QByteArray head = m_socket->peek(8192);
        const qsizetype eol = head.indexOf('\n');
        if (eol < 0) {
            if (head.size() >= 8192)
                refuse(400);
            return;
        }
        QByteArray first = head.left(eol);
        if (first.endsWith('\r'))
            first.chop(1);
        if (!line.match(QString::fromLatin1(first)).hasMatch()) {
            refuse(400);
            return;
        }
        m_lineChecked = true;
    }

    void halfClose()
    {
        if (m_halfClosed || m_socket->bytesToWrite() > 0 || m_socket->socketDescriptor() < 0)
            return;
        if (auto *tls = qobject_cast<QSslSocket *>(m_socket); tls && tls->encryptedBytesToWrite() > 0)
            return;
        m_halfClosed = true;
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    }

    void cut(const char *why)
    {
        // abort() emits disconnected: Qt HttpServer then cleans the connection up as usual.
        qCInfo(lcGuard) << "closing connection:" << why;
        m_socket->abort();
    }

    QTcpSocket *m_socket;
    GuardedTcpServer::Limits m_limits;
    QTimer m_idle, m_request;
    qint64 m_pending = 0;
    qint64 m_leftover = 0;
    bool m_cut = false;
    bool m_halfClosed = false;
    bool m_lineChecked = false;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(Limits limits, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_tls(std::move(tls))
{
}

QObject *GuardedTcpServer::watch(QTcpSocket *socket)
{
    auto *w = new Watch(socket, m_limits);
    // Connected before Qt HttpServer's own readyRead handler (added in addPendingConnection).
    connect(socket, &QIODevice::readyRead, w, &Watch::beforeRead);
    connect(socket, &QIODevice::bytesWritten, w, &Watch::answered);
    return w;
}

void GuardedTcpServer::handOver(QTcpSocket *socket)
{
    auto *w = static_cast<Watch *>(watch(socket));
    addPendingConnection(socket);
    // Connected after the HTTP server's handler: runs after each of its reads.
    connect(socket, &QIODevice::readyRead, w, &Watch::afterRead);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        handOver(socket);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(*m_tls);
    QPointer<QSslSocket> guard(socket);
    auto *handshake = new QTimer(socket);
    handshake->setSingleShot(true);
    connect(handshake, &QTimer::timeout, socket, [socket] {
        qCInfo(lcGuard) << "TLS handshake timed out";
        socket->abort();
        socket->deleteLater();
    });
    handshake->start(m_limits.handshakeTimeoutMs);
    connect(socket, &QSslSocket::encrypted, this, [this, socket, handshake] {
        handshake->stop();
        handOver(socket);
        // Plaintext may already be waiting (sent with the handshake's last flight).
        if (socket->bytesAvailable() > 0)
            emit socket->readyRead();
    });
    connect(socket, &QAbstractSocket::errorOccurred, socket, [socket](QAbstractSocket::SocketError) {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

} // namespace doorstep::server
