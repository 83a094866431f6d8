// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "sync/apiclient.h"
#include "core/gzip.h"
#include "tests/support/faultproxy.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace doorstep;
using namespace doorstep::sync;
using doorstep::test::FaultProxy;
using namespace std::chrono_literals;

/** The API client judges every failure the field will produce, through a real loopback fault proxy. */
class TestApiClient : public QObject
{
    Q_OBJECT
    QHttpServer m_upstream;
    quint16 m_upstreamPort = 0;
    int m_commits = 0;
    QByteArray m_lastEncoding;
    QByteArray m_lastAcceptEncoding;
    qsizetype m_lastBodySize = 0;

    struct Outcome {
        bool done = false;
        bool ok = false;
        ApiReply reply;
        ApiFailure failure;
    };
    Outcome call(ApiClient &api, bool post, const QString &path, const QJsonObject &body = {})
    {
        Outcome out;
        auto cb = [&out](const ApiReply *r, const ApiFailure *f) {
            out.done = true;
            out.ok = r != nullptr;
            if (r)
                out.reply = *r;
            if (f)
                out.failure = *f;
        };
        if (post)
            api.post(path, body, cb);
        else
            api.get(path, cb);
        if (!QTest::qWaitFor([&] { return out.done; }, 10000))
            qWarning("request did not finish");
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_upstream.route(QStringLiteral("/api/v1/ping"), [] {
            return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("pad"), QString(4000, u'x')}};
        });
        m_upstream.route(QStringLiteral("/api/v1/commit"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
            ++m_commits;
            m_lastEncoding = req.value("Content-Encoding");
            m_lastBodySize = req.body().size();
            return QJsonObject{{QStringLiteral("count"), m_commits}, {QStringLiteral("pad"), QString(4000, u'y')}};
        });
        m_upstream.route(QStringLiteral("/api/v1/refuse"), [] {
            return QHttpServerResponse(QJsonObject{{QStringLiteral("error"),
                                                    QJsonObject{{QStringLiteral("code"), QStringLiteral("device_revoked")},
                                                                {QStringLiteral("message"), QStringLiteral("Device revoked.")}}}},
                                       QHttpServerResponse::StatusCode::Unauthorized);
        });
        // As the service (or nginx in front of it) answers a client that accepts gzip.
        m_upstream.route(QStringLiteral("/api/v1/page"), [this](const QHttpServerRequest &req) {
            m_lastAcceptEncoding = req.value("Accept-Encoding");
            const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("pad"), QString(40000, u'p')}}).toJson(QJsonDocument::Compact);
            QHttpServerResponse response(QByteArrayLiteral("application/json"), gzipCompress(json));
            response.setHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
            return response;
        });
        m_upstreamPort = quint16(m_upstream.listen(QHostAddress::LocalHost, 0));
        QVERIFY(m_upstreamPort != 0);
    }

    void faults_data()
    {
        QTest::addColumn<FaultProxy::Fault>("fault");
        QTest::addColumn<bool>("expectOk");
        QTest::addColumn<int>("expectedCode"); // ErrorCode when failing
        QTest::addColumn<int>("commitsAdded");
        QTest::addColumn<int>("times"); // consecutive requests that get the fault
        QTest::addRow("clean") << FaultProxy::Fault::None << true << 0 << 1 << 1;
        // Qt's HTTP layer silently re-sends a request (even a POST) when the connection closes before
        // any answer arrives: the service sees the same push twice. This is why mutations carry ids.
        QTest::addRow("response lost once: Qt re-sends") << FaultProxy::Fault::LoseResponse << true << 0 << 2 << 1;
        QTest::addRow("response lost every time") << FaultProxy::Fault::LoseResponse << false << int(ErrorCode::NetworkError) << 2 << 5;
        QTest::addRow("truncated 200") << FaultProxy::Fault::TruncateBody << false << int(ErrorCode::NetworkError) << 1 << 1;
        QTest::addRow("500") << FaultProxy::Fault::Status500 << false << int(ErrorCode::ServerError) << 0 << 1;
        QTest::addRow("503 retry-after") << FaultProxy::Fault::Status503 << false << int(ErrorCode::ServerError) << 0 << 1;
        QTest::addRow("hang") << FaultProxy::Fault::Hang << false << int(ErrorCode::Timeout) << 0 << 1;
        QTest::addRow("reset once: Qt re-sends") << FaultProxy::Fault::Reset << true << 0 << 1 << 1;
        QTest::addRow("reset every time") << FaultProxy::Fault::Reset << false << int(ErrorCode::NetworkError) << 0 << 5;
    }
    void faults()
    {
        QFETCH(FaultProxy::Fault, fault);
        QFETCH(bool, expectOk);
        QFETCH(int, expectedCode);
        QFETCH(int, commitsAdded);
        QFETCH(int, times);

        FaultProxy proxy(m_upstreamPort);
        QVERIFY(proxy.listen());
        for (int i = 0; i < times; ++i)
            proxy.injectOnce(fault, QStringLiteral("/api/v1/commit"), 7);
        QNetworkAccessManager nam;
        ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        api.setTransferTimeout(800ms);

        const int before = m_commits;
        const Outcome out = call(api, true, QStringLiteral("/api/v1/commit"), QJsonObject{{QStringLiteral("n"), 1}});
        QVERIFY(out.done);
        QCOMPARE(out.ok, expectOk);
        QCOMPARE(m_commits - before, commitsAdded);
        if (expectOk) {
            QCOMPARE(out.reply.status, 200);
            QCOMPARE(out.reply.body.value(u"count").toInt(), m_commits);
        } else {
            QCOMPARE(int(out.failure.error.code), expectedCode);
            QVERIFY2(out.failure.transient, "every injected fault is worth retrying");
            QVERIFY(!out.failure.error.message.isEmpty());
        }
        if (fault == FaultProxy::Fault::Status503) {
            QVERIFY(out.failure.retryAfter.has_value());
            QCOMPARE(out.failure.retryAfter->count(), 7000);
        }
        QVERIFY(proxy.faultsInjected() >= (fault == FaultProxy::Fault::None ? 0 : 1));
        QVERIFY(proxy.faultsInjected() <= times);
    }

    void serviceErrorCodeIsKept()
    {
        QNetworkAccessManager nam;
        ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstreamPort)));
        const Outcome out = call(api, false, QStringLiteral("/api/v1/refuse"));
        QVERIFY(out.done && !out.ok);
        QCOMPARE(out.failure.status, 401);
        QCOMPARE(out.failure.serviceCode, QStringLiteral("device_revoked"));
        QCOMPARE(out.failure.error.code, ErrorCode::Unauthenticated);
        QVERIFY(!out.failure.transient);
    }

    void largeBodiesAreGzipped()
    {
        QNetworkAccessManager nam;
        ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstreamPort)));
        api.setCompressionThreshold(1024);
        QJsonObject big{{QStringLiteral("text"), QString(50000, u'a')}};
        const Outcome out = call(api, true, QStringLiteral("/api/v1/commit"), big);
        QVERIFY(out.ok);
        QCOMPARE(m_lastEncoding, QByteArray("gzip"));
        QVERIFY2(m_lastBodySize < 5000, "50 kB of repetitive JSON should compress well");
        QVERIFY(out.reply.requestBytes == m_lastBodySize);

        const Outcome small = call(api, true, QStringLiteral("/api/v1/commit"), QJsonObject{{QStringLiteral("a"), 1}});
        QVERIFY(small.ok);
        QVERIFY(m_lastEncoding.isEmpty());
    }

    void gzippedAnswersAreInflatedWithinTheLimit()
    {
        // The client asks for gzip itself, so Qt hands over the body as sent and the client
        // inflates it within its response limit. (Left to Qt, the body arrived inflated with
        // "Content-Encoding: gzip" still on it, and every compressed answer failed to parse.)
        QNetworkAccessManager nam;
        ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstreamPort)));
        const Outcome out = call(api, false, QStringLiteral("/api/v1/page"));
        QVERIFY2(out.ok, qPrintable(out.failure.error.message));
        QCOMPARE(m_lastAcceptEncoding, QByteArray("gzip"));
        QCOMPARE(out.reply.body.value(QStringLiteral("pad")).toString().size(), 40000);
        QVERIFY2(out.reply.responseBytes < 2000, qPrintable(QString::number(out.reply.responseBytes))); // counted as sent

        api.setMaxResponseBytes(10000); // inflated past the limit: refused, not buffered
        const Outcome bomb = call(api, false, QStringLiteral("/api/v1/page"));
        QVERIFY(!bomb.ok);
    }

    void gzipRoundTripAndBombGuard()
    {
        const QByteArray text = QByteArray(200000, 'z');
        const QByteArray packed = gzipCompress(text);
        QVERIFY(packed.size() < 2000);
        auto back = gzipDecompress(packed, 1 << 20);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), text);
        QVERIFY(!gzipDecompress(packed, 1000).ok());
        QVERIFY(!gzipDecompress(packed.left(packed.size() / 2), 1 << 20).ok());
        QVERIFY(!gzipDecompress(QByteArray("not gzip at all"), 1 << 20).ok());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
