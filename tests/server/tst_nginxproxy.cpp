// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// TLS end to end: doorstep-server with its own certificate (sslSetup), refusal of plain HTTP off
// loopback, and Debian's nginx running server/deploy/nginx.conf in front of it, all on loopback
// with a throwaway CA made by openssl in this test.
#include "apiclient.h"
#include "recordfixtures.h"
#include "core/wire.h"
#include "sync/apiclient.h"
#include "serverprocess.h"
#include "testbackend.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return false;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

/** HTTPS directly and through the nginx reverse-proxy configuration. */
class TestNginxProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refusesUnsafeListening_data();
    void refusesUnsafeListening();
    void directTls();
    void throughNginx();
    void oversizedBodyCutOffBeforeBuffering();
    void silentConnectionClosed();
    void rawMalformedHttp_data();
    void rawMalformedHttp();

private:
    QString file(const char *name) const { return m_dir.filePath(S(name)); }
    QTemporaryDir m_dir;
    TestBackend m_backend;
    ServerProcess m_server;
    ServerProcess m_rawServer;
    QList<QSslCertificate> m_ca;
};

void TestNginxProxy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DOORSTEP_FAST_PWHASH", "1");
    const QString openssl = QStandardPaths::findExecutable(S("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed (scripts/deps installs it)");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
    QString out;
    // A test CA and a service certificate for localhost / 127.0.0.1.
    QVERIFY2(run(openssl, {S("req"), S("-x509"), S("-newkey"), S("ec"), S("-pkeyopt"), S("ec_paramgen_curve:P-256"), S("-nodes"),
                           S("-keyout"), file("ca.key"), S("-out"), file("ca.crt"), S("-days"), S("2"), S("-subj"), S("/CN=Doorstep Test CA")}, &out),
             qPrintable(out));
    QVERIFY2(run(openssl, {S("req"), S("-newkey"), S("ec"), S("-pkeyopt"), S("ec_paramgen_curve:P-256"), S("-nodes"),
                           S("-keyout"), file("service.key"), S("-out"), file("service.csr"), S("-subj"), S("/CN=localhost")}, &out),
             qPrintable(out));
    QFile ext(file("ext.cnf"));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
    ext.close();
    QVERIFY2(run(openssl, {S("x509"), S("-req"), S("-in"), file("service.csr"), S("-CA"), file("ca.crt"), S("-CAkey"), file("ca.key"),
                           S("-CAcreateserial"), S("-out"), file("service.crt"), S("-days"), S("2"), S("-extfile"), file("ext.cnf")}, &out),
             qPrintable(out));
    m_ca = QSslCertificate::fromPath(file("ca.crt"));
    QCOMPARE(m_ca.size(), 1);
    QCOMPARE(ServerProcess::cli({S("migrate")}, m_backend.spec()).exitCode, 0);
    QCOMPARE(ServerProcess::cli({S("create-team"), S("Proxy team")}, m_backend.spec()).exitCode, 0);
    QCOMPARE(ServerProcess::cli({S("create-user"), S("pw1"), S("--role"), S("worker"), S("--team"), S("Proxy team"),
                                 S("--password"), S("proxy-password")}, m_backend.spec()).exitCode, 0);
    QVERIFY2(m_server.start(m_backend.spec(),
                            {S("--listen"), S("127.0.0.1:0"), S("--tls-cert"), file("service.crt"), S("--tls-key"), file("service.key"),
                             S("--trusted-proxy"), S("127.0.0.1")},
                            false),
             qPrintable(m_server.errorOutput()));
}

void TestNginxProxy::cleanupTestCase()
{
    m_rawServer.stop();
    m_server.stop();
}

void TestNginxProxy::refusesUnsafeListening_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("no certificate") << QStringList{S("--listen"), S("127.0.0.1:0")};
    QTest::addRow("insecure off loopback") << QStringList{S("--listen"), S("0.0.0.0:0"), S("--dev-insecure-http")};
    QTest::addRow("certificate without key") << QStringList{S("--listen"), S("127.0.0.1:0"), S("--tls-cert"), S("/nonexistent.crt")};
    QTest::addRow("unreadable certificate") << QStringList{S("--listen"), S("127.0.0.1:0"), S("--tls-cert"), S("/nonexistent.crt"), S("--tls-key"), S("/nonexistent.key")};
}

void TestNginxProxy::refusesUnsafeListening()
{
    QFETCH(QStringList, args);
    const auto r = ServerProcess::cli(QStringList{S("serve")} + args, m_backend.spec());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
}

void TestNginxProxy::directTls()
{
    ApiClient https(m_server.baseUrl());
    https.setCaCertificates(m_ca);
    const ApiReply health = https.get(S("/api/v1/health"));
    QCOMPARE(health.error, QNetworkReply::NoError);
    QCOMPARE(health.status, 200);
    // Without trusting the test CA the connection is refused.
    ApiClient untrusted(m_server.baseUrl());
    QVERIFY(untrusted.get(S("/api/v1/health")).error != QNetworkReply::NoError);
    // Plain HTTP on the TLS port gets nothing useful.
    QUrl plain = m_server.baseUrl();
    plain.setScheme(S("http"));
    ApiClient http(plain);
    const ApiReply r = http.get(S("/api/v1/health"));
    QVERIFY(r.status != 200);
}

void TestNginxProxy::throughNginx()
{
    const QString nginx = QStandardPaths::findExecutable(S("nginx"), {S("/usr/sbin"), S("/usr/bin")});
    if (nginx.isEmpty())
        QSKIP("nginx is not installed (scripts/deps installs nginx-light)");
    QFile deploy(qEnvironmentVariable("DOORSTEP_SOURCE_DIR") + S("/server/deploy/nginx.conf"));
    QVERIFY(deploy.open(QIODevice::ReadOnly));
    QString site = QString::fromUtf8(deploy.readAll());
    const quint16 port = freePort();
    // The shipped file, with this run's ports and paths.
    const QList<QPair<QString, QString>> substitutions = {
        {S("listen 443 ssl;"), S("listen 127.0.0.1:%1 ssl;").arg(port)},
        {S("listen [::]:443 ssl;"), QString()},
        {S("server 127.0.0.1:8443;"), S("server 127.0.0.1:%1;").arg(m_server.port())},
        {S("/etc/doorstep/public.crt"), file("service.crt")},
        {S("/etc/doorstep/public.key"), file("service.key")},
        {S("/etc/doorstep/ca.crt"), file("ca.crt")},
    };
    for (const auto &[from, to] : substitutions) {
        QVERIFY2(site.contains(from), qPrintable(from));
        site.replace(from, to);
    }
    QDir(m_dir.path()).mkpath(S("nginx/logs"));
    QFile siteFile(file("nginx/doorstep.conf"));
    QVERIFY(siteFile.open(QIODevice::WriteOnly));
    siteFile.write(site.toUtf8());
    siteFile.close();
    const QString prefix = file("nginx");
    QFile main(file("nginx/nginx.conf"));
    QVERIFY(main.open(QIODevice::WriteOnly));
    main.write(S("daemon off;\nmaster_process off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/logs/error.log warn;\n"
                 "events { worker_connections 64; }\n"
                 "http {\n access_log off;\n client_body_temp_path %1/body;\n proxy_temp_path %1/proxy;\n fastcgi_temp_path %1/fastcgi;\n"
                 " uwsgi_temp_path %1/uwsgi;\n scgi_temp_path %1/scgi;\n include %1/doorstep.conf;\n}\n").arg(prefix).toUtf8());
    main.close();
    QString out;
    QVERIFY2(run(nginx, {S("-t"), S("-p"), prefix, S("-c"), file("nginx/nginx.conf"), S("-e"), file("nginx/logs/error.log")}, &out), qPrintable(out));

    QProcess proxy;
    proxy.setProcessChannelMode(QProcess::MergedChannels);
    proxy.start(nginx, {S("-p"), prefix, S("-c"), file("nginx/nginx.conf"), S("-e"), file("nginx/logs/error.log")});
    QVERIFY(proxy.waitForStarted(10000));
    auto stopProxy = qScopeGuard([&] {
        proxy.terminate();
        if (!proxy.waitForFinished(10000))
            proxy.kill();
        proxy.waitForFinished(5000);
    });
    QElapsedTimer wait;
    wait.start();
    bool up = false;
    while (!up && wait.elapsed() < 10000 && proxy.state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        up = probe.waitForConnected(200);
        if (!up)
            QTest::qWait(100);
    }
    QVERIFY2(up, proxy.readAll().constData());

    ApiClient api(QUrl(S("https://localhost:%1").arg(port)));
    api.setCaCertificates(m_ca);
    QCOMPARE(api.get(S("/api/v1/health")).status, 200);
    const ApiReply login = api.post(S("/api/v1/auth/login"), {{S("username"), S("pw1")}, {S("password"), S("proxy-password")}, {S("device_name"), S("proxy")}});
    QCOMPARE(login.status, 200);
    const QString token = login.json.value(S("access_token")).toString();
    const ApiReply pull = api.get(S("/api/v1/sync/pull?limit=10"), token);
    QCOMPARE(pull.status, 200);
    QVERIFY(pull.json.value(S("changes")).isArray());
    // The sync client through nginx: answers gzipped by the service (a page of 30 visits) and by
    // nginx (a page of 2, under the service's threshold, over nginx's) both arrive readable.
    const QString child = doorstep::wire::newUuid();
    QCOMPARE(ServerProcess::cli({S("allocate"), S("--child"), child, S("--worker"), S("pw1")}, m_backend.spec()).exitCode, 0);
    QJsonArray visits;
    for (int i = 0; i < 30; ++i)
        visits.append(QJsonObject{{S("mutation_id"), doorstep::wire::newUuid()}, {S("record_id"), doorstep::wire::newUuid()},
                                  {S("type"), S("visit")}, {S("base_rev"), 0}, {S("patch"), doorstep::test::fullVisit(child)}});
    QCOMPARE(api.post(S("/api/v1/sync/push"), {{S("mutations"), visits}}, token).status, 200);
    QNetworkAccessManager nam;
    doorstep::sync::ApiClient client(&nam, QUrl(S("https://localhost:%1").arg(port)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_ca);
    client.setSslConfiguration(tls);
    client.setAccessToken(token.toLatin1());
    for (const auto &[limit, expected] : {std::pair{2000, 30}, std::pair{2, 2}}) {
        bool done = false;
        QJsonObject body;
        qint64 onTheWire = 0;
        QString failure;
        client.get(S("/api/v1/sync/pull?limit=%1").arg(limit), [&](const doorstep::sync::ApiReply *ok, const doorstep::sync::ApiFailure *failed) {
            done = true;
            if (ok) {
                body = ok->body;
                onTheWire = ok->responseBytes;
            } else {
                failure = failed->error.message;
            }
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(body.value(S("changes")).toArray().size(), expected);
        const qint64 plain = QJsonDocument(body).toJson(QJsonDocument::Compact).size();
        QVERIFY2(onTheWire < plain / 2, qPrintable(QStringLiteral("%1 bytes for %2").arg(onTheWire).arg(plain)));
    }
    // Errors pass through in the service's shape.
    const ApiReply bad = api.raw("POST", S("/api/v1/sync/push"), "{", "application/json", token);
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.hasErrorShape());
    // nginx stops oversized bodies and answers for paths outside the API.
    QCOMPARE(api.raw("POST", S("/api/v1/sync/push"), QByteArray(9 * 1024 * 1024, ' '), "application/json", token).status, 413);
    QCOMPARE(api.get(S("/index.html")).status, 404);
    QCOMPARE(proxy.state(), QProcess::Running);
    QVERIFY(m_server.isRunning());
}

void TestNginxProxy::oversizedBodyCutOffBeforeBuffering()
{
    // A plain-HTTP service on loopback; the client announces and streams 64 MiB.
    ServerProcess plain;
    QVERIFY2(plain.start(m_backend.spec()), qPrintable(plain.errorOutput()));
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, plain.port());
    QVERIFY(s.waitForConnected(5000));
    const qint64 total = 64LL * 1024 * 1024;
    s.write("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(total) + "\r\n\r\n");
    const QByteArray chunk(256 * 1024, ' ');
    qint64 sent = 0;
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (sent < total && s.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 30000) {
        if (s.bytesToWrite() < 1024 * 1024) {
            s.write(chunk);
            sent += chunk.size();
        }
        s.waitForBytesWritten(50);
        if (s.bytesAvailable() > 0 || s.waitForReadyRead(1))
            answer += s.readAll();
        if (answer.contains("\r\n\r\n") && answer.contains("}}"))
            break;
    }
    QElapsedTimer reading;
    reading.start();
    while (!answer.contains("}}") && reading.elapsed() < 10000 && s.waitForReadyRead(2000))
        answer += s.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains(R"("code":"payload_too_large")"));
    // Refused long before the whole body went out: the service never buffered it.
    QVERIFY2(sent < total / 2, qPrintable(QString::number(sent)));
    QVERIFY(plain.isRunning());
    ApiClient api(plain.baseUrl());
    QCOMPARE(api.get(S("/api/v1/health")).status, 200);
}

void TestNginxProxy::silentConnectionClosed()
{
    ServerProcess plain;
    QVERIFY2(plain.start(m_backend.spec(), {S("--idle-timeout"), S("1"), S("--request-timeout"), S("2")}), qPrintable(plain.errorOutput()));
    // Half a request, then silence (a slow-loris client): the service hangs up.
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, plain.port());
    QVERIFY(s.waitForConnected(5000));
    s.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    QVERIFY(s.waitForBytesWritten(2000));
    QElapsedTimer timer;
    timer.start();
    while (s.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000)
        s.waitForDisconnected(200);
    QCOMPARE(s.state(), QAbstractSocket::UnconnectedState); // hung up (idle timeout 1 s) well within the 10 s bound
    // A client that trickles one byte a second is cut off by the request deadline.
    QTcpSocket t;
    t.connectToHost(QHostAddress::LocalHost, plain.port());
    QVERIFY(t.waitForConnected(5000));
    timer.restart();
    const QByteArray request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: aaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    for (int i = 0; i < request.size() && t.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000; ++i) {
        t.write(request.mid(i, 1));
        t.waitForBytesWritten(500);
        t.waitForDisconnected(600);
    }
    QCOMPARE(t.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(plain.isRunning());
}

void TestNginxProxy::rawMalformedHttp_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status"); // 0: no answer is possible, the connection must be closed
    QTest::addRow("garbage line") << QByteArray("GARBAGE \x01\x02 HTTP/9\r\n\r\n") << 400;
    QTest::addRow("empty lines") << QByteArray("\r\n\r\n\r\n") << 400;
    QTest::addRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
    QTest::addRow("huge request line") << QByteArray("GET /") + QByteArray(9000, 'a') << 400;
    QTest::addRow("unknown method") << QByteArray("BREW /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::addRow("space in target") << QByteArray("GET /api/v1/he alth HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::addRow("bad chunk") << QByteArray("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n") << 0;
    QTest::addRow("chunked bad json") << QByteArray("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                    "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n") << 400;
    QTest::addRow("encoded nul") << QByteArray("GET /%zz%00 HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
}

void TestNginxProxy::rawMalformedHttp()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    ServerProcess &plain = m_rawServer; // one server for every row
    if (!plain.isRunning())
        QVERIFY2(plain.start(m_backend.spec(), {S("--idle-timeout"), S("2")}), qPrintable(plain.errorOutput()));
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, plain.port());
    QVERIFY(s.waitForConnected(5000));
    s.write(request);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 8000 && !answer.contains("}}") && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(200))
            answer += s.readAll();
    }
    answer += s.readAll();
    if (status == 0) {
        QVERIFY(answer.isEmpty());
        QVERIFY2(s.state() != QAbstractSocket::ConnectedState || s.waitForDisconnected(3000), "the connection stayed open");
    } else {
        QVERIFY2(answer.startsWith("HTTP/1.1 " + QByteArray::number(status)), answer.left(100).constData());
        QVERIFY(answer.contains(R"({"error":{"code":)"));
    }
    QVERIFY(plain.isRunning());
    ApiClient api(plain.baseUrl());
    QCOMPARE(api.get(S("/api/v1/health")).status, 200);
}

QTEST_GUILESS_MAIN(TestNginxProxy)
#include "tst_nginxproxy.moc"
