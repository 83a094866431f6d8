// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "faultproxy.h"

#include <QPointer>
#include <QTcpSocket>

namespace doorstep::test {

namespace {

// Returns the full size of the HTTP message in `buffer` once headers and Content-Length body are
// complete, or -1 while more bytes are needed.
qsizetype completeMessageSize(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return -1;
    qsizetype length = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray l = line.trimmed().toLower();
        if (l.startsWith("content-length:"))
            length = l.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headerEnd + 4 + length;
    return buffer.size() >= total ? total : -1;
}

QByteArray withConnectionClose(const QByteArray &message)
{
    const qsizetype headerEnd = message.indexOf("\r\n\r\n");
    QList<QByteArray> lines = message.left(headerEnd).split('\n');
    QByteArray head;
    for (const QByteArray &line : lines) {
        if (line.trimmed().toLower().startsWith("connection:"))
            continue;
        head += line.trimmed() + "\r\n";
    }
    head += "Connection: close\r\n\r\n";
    return head + message.mid(headerEnd + 4);
}

QByteArray plainResponse(int status, const QByteArray &reason, const QByteArray &extraHeaders, const QByteArray &code = "injected",
                         const QByteArray &field = {})
{
    const QByteArray fieldJson = field.isEmpty() ? QByteArray() : ",\"field\":\"" + field + "\"";
    const QByteArray body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"fault injected by test proxy\"" + fieldJson + "}}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

FaultProxy::FaultProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onConnection);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::injectOnce(Fault fault, const QString &pathPrefix, int retryAfterSeconds)
{
    m_queue.append({fault, pathPrefix, retryAfterSeconds});
}

void FaultProxy::clear()
{
    m_queue.clear();
    m_persistent = Fault::None;
}

FaultProxy::Planned FaultProxy::take(const QByteArray &path)
{
    if (m_persistent != Fault::None)
        return {m_persistent, {}, 1};
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (QString::fromLatin1(path).startsWith(m_queue[i].prefix))
            return m_queue.takeAt(i);
    }
    return {Fault::None, {}, 0};
}

void FaultProxy::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *buffer = new QByteArray;
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QObject::destroyed, this, [buffer] { delete buffer; });
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            buffer->append(client->readAll());
            const qsizetype size = completeMessageSize(*buffer);
            if (size < 0)
                return;
            const QByteArray request = buffer->left(size);
            buffer->clear();
            disconnect(client, &QTcpSocket::readyRead, this, nullptr);
            const QByteArray firstLine = request.left(request.indexOf("\r\n"));
            const QList<QByteArray> parts = firstLine.split(' ');
            handle(client, request, parts.value(1));
        });
    }
}

void FaultProxy::handle(QTcpSocket *client, const QByteArray &request, const QByteArray &path)
{
    ++m_requests;
    const Planned plan = take(path);
    if (plan.fault != Fault::None && plan.fault != Fault::OlderService)
        ++m_injected;

    switch (plan.fault) {
    case Fault::Reset:
        client->abort();
        return;
    case Fault::Hang:
        return; // the socket stays open and silent until the client gives up
    case Fault::Status500:
        client->write(plainResponse(500, "Internal Server Error", {}));
        client->disconnectFromHost();
        return;
    case Fault::Status503:
        client->write(plainResponse(503, "Service Unavailable", "Retry-After: " + QByteArray::number(plan.retryAfter) + "\r\n"));
        client->disconnectFromHost();
        return;
    case Fault::TooManyMutations:
        client->write(plainResponse(413, "Payload Too Large", {}, "too_many_mutations"));
        client->disconnectFromHost();
        return;
    case Fault::OlderService:
        if (path.startsWith("/api/v1/sync/push") && request.contains("\"recorded_at\"")) {
            ++m_injected;
            client->write(plainResponse(400, "Bad Request", {}, "invalid_input", "mutations[0].recorded_at"));
            client->disconnectFromHost();
            return;
        }
        break;
    case Fault::None:
    case Fault::LoseResponse:
    case Fault::TruncateBody:
        break;
    }

    QPointer<QTcpSocket> downstream(client);
    auto *upstream = new QTcpSocket(this);
    auto *answer = new QByteArray;
    connect(upstream, &QObject::destroyed, this, [answer] { delete answer; });
    connect(upstream, &QTcpSocket::connected, upstream, [upstream, request] { upstream->write(withConnectionClose(request)); });
    auto deliver = [downstream, upstream, answer, fault = plan.fault] {
        const qsizetype size = completeMessageSize(*answer);
        if (size < 0 && upstream->state() == QAbstractSocket::ConnectedState)
            return; // wait for the rest
        const QByteArray message = withConnectionClose(size < 0 ? *answer : answer->left(size));
        upstream->disconnect();
        upstream->deleteLater();
        if (!downstream)
            return;
        if (fault == Fault::LoseResponse) {
            downstream->abort(); // the service has committed; the client never hears of it
            return;
        }
        if (fault == Fault::TruncateBody) {
            const qsizetype bodyStart = message.indexOf("\r\n\r\n") + 4;
            const qsizetype keep = bodyStart + (message.size() - bodyStart) / 2;
            downstream->write(message.left(keep));
            downstream->flush();
            downstream->abort();
            return;
        }
        downstream->write(message);
        downstream->disconnectFromHost();
    };
    connect(upstream, &QTcpSocket::readyRead, upstream, [upstream, answer, deliver] {
        answer->append(upstream->readAll());
        deliver();
    });
    connect(upstream, &QTcpSocket::disconnected, upstream, deliver);
    connect(upstream, &QTcpSocket::errorOccurred, upstream, [upstream, downstream](QAbstractSocket::SocketError) {
        if (upstream->state() == QAbstractSocket::UnconnectedState && downstream) {
            // Service down: the client sees the connection drop, as it would in the field.
            downstream->abort();
        }
        upstream->deleteLater();
    });
    upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
}

} // namespace doorstep::test
