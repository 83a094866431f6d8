// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "httpfrontend.h"

#include "apirouter.h"
#include "core/gzip.h"
#include "guardedtcpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcHttp, "doorstep.server.http")

namespace doorstep::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

// Answers at least this large are compressed for a client that accepts gzip (a pull page, the
// visits CSV); smaller ones would gain little for the work.
constexpr qsizetype kCompressAbove = 8 * 1024;

// Whether an Accept-Encoding header admits gzip ("gzip", "gzip;q=0.5", "*"; not "gzip;q=0").
bool acceptsGzip(const QByteArray &header)
{
    for (const QByteArray &item : header.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        if (coding != "gzip" && coding != "*")
            continue;
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = parts.at(i).trimmed().toLower();
            if (param.startsWith("q=") && param.mid(2).toDouble() <= 0.0)
                refused = true;
        }
        if (!refused)
            return true;
    }
    return false;
}

// An answer in its final bytes, on the request's worker thread (compressing a pull page takes a
// few milliseconds that the event loop should not spend): JSON written out, and text of at least
// kCompressAbove gzipped for a client that accepts it. Level 1: most of the gain for a fraction of
// the time, on a service that answers many tablets at once. A PDF is compressed already.
ApiResponse encoded(ApiResponse r, bool gzipOk)
{
    if (r.contentType.isEmpty()) {
        r.raw = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
        r.contentType = QByteArrayLiteral("application/json");
        r.body = QJsonObject();
    }
    const bool text = r.contentType.startsWith("text/") || r.contentType.startsWith("application/json");
    if (gzipOk && text && r.raw.size() >= kCompressAbove) {
        r.raw = gzipCompress(r.raw, 1);
        r.headers.append({QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip")});
    }
    return r;
}

void send(QHttpServerResponder &responder, const ApiResponse &r)
{
    const bool raw = !r.contentType.isEmpty();
    const QByteArray body = raw ? r.raw : QJsonDocument(r.body).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), raw ? r.contentType : QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    for (const auto &h : r.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(body);
}

// One in-flight request: answered exactly once, by the router or by the timeout.
struct Pending {
    explicit Pending(QHttpServerResponder &&r) : responder(std::move(r)) {}
    QHttpServerResponder responder;
    bool answered = false;
};

} // namespace

HttpFrontend::HttpFrontend(ApiRouter &router, int threads, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router)
{
    m_pool.setMaxThreadCount(threads);
    // Database connections are per thread: keep the threads (and their connections) alive.
    m_pool.setExpiryTimeout(-1);
}

HttpFrontend::~HttpFrontend()
{
    m_pool.waitForDone();
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path();
    req.query = request.query();
    req.authorization = request.value(QByteArrayLiteral("authorization"));
    req.contentType = request.value(QByteArrayLiteral("content-type")).toLower();
    req.readerSchema = request.value(QByteArrayLiteral("doorstep-schema"));
    req.address = request.remoteAddress().toString();
    if (m_trustedProxies.contains(request.remoteAddress())) {
        QHostAddress client;
        if (client.setAddress(QString::fromLatin1(request.value(QByteArrayLiteral("x-real-ip")).trimmed())))
            req.address = client.toString();
    }
    const QByteArray declared = request.value(QByteArrayLiteral("content-length"));
    auto pending = std::make_shared<Pending>(makeResponder(request, socket));
    if (request.body().size() > ApiRouter::kMaxBodyBytes || declared.toLongLong() > ApiRouter::kMaxBodyBytes) {
        send(pending->responder, ApiResponse::error(413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large.")));
        return true;
    }
    req.body = request.body();
    const QByteArray encoding = request.value(QByteArrayLiteral("content-encoding")).trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        if (encoding != "gzip") {
            send(pending->responder, ApiResponse::error(415, QStringLiteral("unsupported_encoding"), QStringLiteral("Only gzip request bodies are accepted.")));
            return true;
        }
        auto inflated = gzipDecompress(req.body, ApiRouter::kMaxBodyBytes);
        if (!inflated) {
            send(pending->responder, ApiResponse::error(400, QStringLiteral("invalid_input"),
                                                        QStringLiteral("The compressed body is damaged or too large when expanded.")));
            return true;
        }
        req.body = std::move(inflated).value();
    }

    QPointer<QTcpSocket> alive(socket);
    QPointer<HttpFrontend> self(this);
    const bool gzipOk = acceptsGzip(request.value(QByteArrayLiteral("accept-encoding")));
    auto finish = [pending, alive](const ApiResponse &r) {
        if (pending->answered || !alive)
            return;
        pending->answered = true;
        send(pending->responder, r);
    };
    QTimer::singleShot(kRequestTimeoutMs, this, [finish] {
        finish(ApiResponse::error(503, QStringLiteral("timeout"), QStringLiteral("The request took too long; try again.")));
    });
    m_pool.start([this, req, finish, self, gzipOk] {
        const ApiResponse r = encoded(m_router.handle(req), gzipOk);
        if (self)
            QMetaObject::invokeMethod(self, [finish, r] { finish(r); }, Qt::QueuedConnection);
    });
    return true;
}

quint16 HttpFrontend::listenGuarded(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls,
                                    int idleTimeoutMs, int requestTimeoutMs)
{
    // Not listen()/sslSetup(): their server hands sockets straight to the HTTP parser, which
    // would buffer any body whole before the router could refuse it.
    GuardedTcpServer::Limits limits;
    limits.maxRequestBytes = ApiRouter::kMaxBodyBytes + 64 * 1024;
    limits.idleTimeoutMs = idleTimeoutMs;
    limits.requestTimeoutMs = requestTimeoutMs;
    limits.handshakeTimeoutMs = qMin(10000, idleTimeoutMs);
    auto *server = new GuardedTcpServer(limits, tls, this);
    if (!server->listen(address, port)) {
        qCWarning(lcHttp) << "listen failed:" << server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(responder, ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint.")));
}

} // namespace doorstep::server
