// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

namespace doorstep::test {

/**
 * An HTTP/1.1 proxy on loopback between a client and the real service that injects faults on
 * chosen requests: the response lost after the service committed, a body truncated under "200 OK",
 * 500, 503 with Retry-After, a hang, a connection reset. One request per connection (it answers
 * "Connection: close"), which keeps it small and makes every fault land on exactly one request.
 */
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        None,
        LoseResponse,     // forward, let the service commit, then drop the answer and close
        TruncateBody,     // forward, then send the status and headers but only half the body
        Status500,        // do not forward; answer 500
        Status503,        // do not forward; answer 503 with Retry-After
        Hang,             // accept and never answer (the client's timeout must fire)
        Reset,            // close the connection as soon as the request arrives
        TooManyMutations, // do not forward; answer 413 too_many_mutations (a service with a lower push limit)
        OlderService,     // a service from before `recorded_at`: a push naming it gets 400 "unknown field"
                          // (an uncompressed body only), everything else is forwarded
    };
    Q_ENUM(Fault)

    explicit FaultProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }

    /** The next request whose path starts with `pathPrefix` gets `fault` (queued in order). */
    void injectOnce(Fault fault, const QString &pathPrefix = {}, int retryAfterSeconds = 1);
    /** Every request fails with `fault` until cleared (e.g. "offline for a long stretch"). */
    void setPersistentFault(Fault fault) { m_persistent = fault; }
    void clear();

    int requestsSeen() const { return m_requests; }
    int faultsInjected() const { return m_injected; }
    int pendingFaults() const { return int(m_queue.size()); }

private:
    struct Planned {
        Fault fault;
        QString prefix;
        int retryAfter;
    };
    void onConnection();
    void handle(QTcpSocket *client, const QByteArray &request, const QByteArray &path);
    Planned take(const QByteArray &path);

    QTcpServer m_server;
    quint16 m_upstreamPort;
    QList<Planned> m_queue;
    Fault m_persistent = Fault::None;
    int m_requests = 0;
    int m_injected = 0;
};

} // namespace doorstep::test
