// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The client's TLS checks against the real service over HTTPS on loopback, with a throwaway CA and
// certificates made by openssl in this test: a wrong hostname, an expired certificate and an
// untrusted CA are refused (nothing ignores certificate errors); a council's own CA configured on
// the ApiClient is accepted; public-key pinning accepts a matching key and aborts on any other.
// The same settings as a deployment gives them (sync::TlsSettings): doorstep-cli's --ca-file and
// --pin, and the environment, for a real sign-in (the real keychain: run under with-keyring).
#include "sync/apiclient.h"
#include "sync/tlssettings.h"

#include "serverprocess.h"
#include "testbackend.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using namespace doorstep::sync;
using namespace std::chrono_literals;

namespace {

const QString kUser = QStringLiteral("tls-admin");
const QString kPassword = QStringLiteral("tls-test-password");

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

bool run(const QStringList &args, QString *output)
{
    const QString openssl = QStandardPaths::findExecutable(S("openssl"));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(openssl, args);
    const bool finished = p.waitForFinished(60000);
    *output = QString::fromUtf8(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestBackend m_backend;
    QList<QSslCertificate> m_ca;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    /** A leaf certificate signed by ca.key with the given subjectAltName and validity (days may be
     *  negative: notAfter then lies in the past). */
    bool makeLeaf(const QString &name, const QString &san, int days, QString *out)
    {
        if (!run({S("req"), S("-newkey"), S("ec"), S("-pkeyopt"), S("ec_paramgen_curve:P-256"), S("-nodes"), S("-keyout"),
                  file(name + S(".key")), S("-out"), file(name + S(".csr")), S("-subj"), S("/CN=doorstep-test")},
                 out))
            return false;
        QFile ext(file(name + S(".cnf")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write((S("subjectAltName=") + san + S("\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n")).toUtf8());
        ext.close();
        return run({S("x509"), S("-req"), S("-in"), file(name + S(".csr")), S("-CA"), file(S("ca.crt")), S("-CAkey"), file(S("ca.key")),
                    S("-CAcreateserial"), S("-out"), file(name + S(".crt")), S("-days"), QString::number(days), S("-extfile"),
                    file(name + S(".cnf"))},
                   out);
    }

    /** SHA-256 of a certificate's SubjectPublicKeyInfo computed by openssl, independently of Qt. */
    QByteArray spkiSha256(const QString &certFile)
    {
        QString out;
        const QString pub = certFile + S(".pub.pem");
        const QString der = certFile + S(".pub.der");
        if (!run({S("x509"), S("-in"), certFile, S("-pubkey"), S("-noout"), S("-out"), pub}, &out)
            || !run({S("pkey"), S("-pubin"), S("-in"), pub, S("-outform"), S("DER"), S("-out"), der}, &out))
            return {};
        QFile f(der);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    struct Outcome {
        bool ok = false;
        ApiFailure failure;
        QJsonObject body;
    };

    /** A sign-in (POST /auth/login, what Device::signIn sends) through ApiClient. */
    Outcome login(const QUrl &url, bool trustCa, const QList<QByteArray> &pins)
    {
        QNetworkAccessManager nam;
        ApiClient api(&nam, url);
        api.setTransferTimeout(15000ms);
        if (trustCa) {
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setCaCertificates(m_ca);
            api.setSslConfiguration(config);
        }
        api.setPinnedPublicKeys(pins);
        std::optional<Outcome> outcome;
        api.post(S("/api/v1/auth/login"),
                 QJsonObject{{S("username"), kUser}, {S("password"), kPassword}, {S("device_name"), S("tls-test")}},
                 [&](const ApiReply *ok, const ApiFailure *failure) {
                     Outcome o;
                     o.ok = ok != nullptr;
                     if (ok)
                         o.body = ok->body;
                     if (failure)
                         o.failure = *failure;
                     outcome = o;
                 });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000)) {
            Outcome timedOut;
            timedOut.failure.error = Error(ErrorCode::Timeout, S("no answer within 30 s"));
            return timedOut;
        }
        return *outcome;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(S("openssl")).isEmpty())
            QSKIP("openssl is not installed (scripts/deps installs it)");
        QVERIFY(m_dir.isValid());
        QString out;
        QVERIFY2(run({S("req"), S("-x509"), S("-newkey"), S("ec"), S("-pkeyopt"), S("ec_paramgen_curve:P-256"), S("-nodes"), S("-keyout"),
                      file(S("ca.key")), S("-out"), file(S("ca.crt")), S("-days"), S("2"), S("-subj"), S("/CN=Doorstep Test Council CA")},
                     &out),
                 qPrintable(out));
        // A second CA that nobody trusts, for the "untrusted CA" case and a foreign pin.
        QVERIFY2(run({S("req"), S("-x509"), S("-newkey"), S("ec"), S("-pkeyopt"), S("ec_paramgen_curve:P-256"), S("-nodes"), S("-keyout"),
                      file(S("other.key")), S("-out"), file(S("other.crt")), S("-days"), S("2"), S("-subj"), S("/CN=Somebody Else CA")},
                     &out),
                 qPrintable(out));
        QVERIFY2(makeLeaf(S("good"), S("DNS:localhost,IP:127.0.0.1"), 2, &out), qPrintable(out));
        QVERIFY2(makeLeaf(S("wronghost"), S("DNS:wrong.example.org"), 2, &out), qPrintable(out));
        QVERIFY2(makeLeaf(S("expired"), S("DNS:localhost,IP:127.0.0.1"), -1, &out), qPrintable(out));
        // The same key and certificate, served with its chain (leaf then CA), as a council would.
        {
            QFile chain(file(S("goodchain.crt")));
            QFile leaf(file(S("good.crt")));
            QFile ca(file(S("ca.crt")));
            QVERIFY(chain.open(QIODevice::WriteOnly) && leaf.open(QIODevice::ReadOnly) && ca.open(QIODevice::ReadOnly));
            chain.write(leaf.readAll() + ca.readAll());
            QVERIFY(QFile::copy(file(S("good.key")), file(S("goodchain.key"))));
        }
        m_ca = QSslCertificate::fromPath(file(S("ca.crt")));
        QCOMPARE(m_ca.size(), 1);

        QString error;
        QVERIFY2(m_backend.init(&error), qPrintable(error));
        auto migrated = ServerProcess::cli({S("migrate")}, m_backend.spec());
        QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
        auto user = ServerProcess::cli({S("create-user"), kUser, S("--role"), S("admin"), S("--password"), kPassword}, m_backend.spec());
        QVERIFY2(user.exitCode == 0, qPrintable(user.err));
    }

    void publicKeyDigestMatchesOpenssl()
    {
        const auto certs = QSslCertificate::fromPath(file(S("good.crt")));
        QCOMPARE(certs.size(), 1);
        const QByteArray mine = ApiClient::publicKeySha256(certs.first());
        QCOMPARE(mine.size(), 32);
        QCOMPARE(mine, spkiSha256(file(S("good.crt"))));
    }

    void signIn_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("pin"); // "", or a certificate file whose key is pinned
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("message"); // part of the error message when refused

        QTest::addRow("council CA configured: accepted") << S("good") << true << QString() << true << QString();
        QTest::addRow("untrusted CA (system roots only): refused") << S("good") << false << QString() << false << S("could not be trusted");
        QTest::addRow("wrong hostname: refused") << S("wronghost") << true << QString() << false << S("could not be trusted");
        QTest::addRow("expired certificate: refused") << S("expired") << true << QString() << false << S("could not be trusted");
        QTest::addRow("pin on the service key: accepted") << S("good") << true << S("good.crt") << true << QString();
        // Pins are matched against the chain the service presents (Qt 6.4 does not expose the verified
        // chain), so pinning the CA needs the service to send it: --tls-cert holds the chain.
        QTest::addRow("pin on the council CA key, chain served: accepted") << S("goodchain") << true << S("ca.crt") << true << QString();
        QTest::addRow("pin on the council CA key, leaf only served: aborted") << S("good") << true << S("ca.crt") << false << S("pinned key");
        QTest::addRow("pin on another key: aborted") << S("good") << true << S("other.crt") << false << S("pinned key");
    }

    void signIn()
    {
        QFETCH(QString, cert);
        QFETCH(bool, trustCa);
        QFETCH(QString, pin);
        QFETCH(bool, accepted);
        QFETCH(QString, message);

        ServerProcess server;
        QVERIFY2(server.start(m_backend.spec(),
                              {S("--listen"), S("127.0.0.1:0"), S("--tls-cert"), file(cert + S(".crt")), S("--tls-key"), file(cert + S(".key"))},
                              false),
                 qPrintable(server.errorOutput()));
        QCOMPARE(server.baseUrl().scheme(), S("https"));

        QList<QByteArray> pins;
        if (!pin.isEmpty()) {
            pins << spkiSha256(file(pin));
            QCOMPARE(pins.first().size(), 32);
        }
        const Outcome o = login(server.baseUrl(), trustCa, pins);
        if (accepted) {
            QVERIFY2(o.ok, qPrintable(o.failure.error.message));
            QVERIFY(!o.body.value(S("access_token")).toString().isEmpty());
        } else {
            QVERIFY(!o.ok);
            QCOMPARE(o.failure.error.code, ErrorCode::NetworkError);
            QVERIFY2(o.failure.error.message.contains(message), qPrintable(o.failure.error.message));
            QVERIFY2(!o.failure.transient, "a certificate problem must not be retried as if it were bad luck");
            QCOMPARE(o.failure.status, 0); // no HTTP answer was accepted
        }
    }

    void unsafeServeOptionsRefused_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("fastHashing");
        QTest::addColumn<QString>("message");
        QTest::addRow("plain HTTP on all interfaces") << QStringList{S("--listen"), S("0.0.0.0:0"), S("--dev-insecure-http")} << false
                                                      << S("only allowed on a loopback address");
        QTest::addRow("test password hashing on all interfaces")
            << QStringList{S("--listen"), S("0.0.0.0:0"), S("--tls-cert"), file(S("good.crt")), S("--tls-key"), file(S("good.key"))} << true
            << S("DOORSTEP_FAST_PWHASH is for tests");
        QTest::addRow("HTTPS without a certificate") << QStringList{S("--listen"), S("127.0.0.1:0")} << false << S("--tls-cert");
    }
    void unsafeServeOptionsRefused()
    {
        // A service that could be reached unencrypted, or with cheap password hashes, never starts.
        QFETCH(QStringList, options);
        QFETCH(bool, fastHashing);
        QFETCH(QString, message);
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (fastHashing)
            env.insert(S("DOORSTEP_FAST_PWHASH"), S("1"));
        else
            env.remove(S("DOORSTEP_FAST_PWHASH"));
        server.setProcessEnvironment(env);
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(ServerProcess::executable(), QStringList{S("serve"), S("--db"), m_backend.spec()} + options);
        QVERIFY(server.waitForFinished(30000)); // it exits instead of serving
        const QString out = QString::fromUtf8(server.readAll());
        QVERIFY2(server.exitStatus() == QProcess::NormalExit && server.exitCode() != 0, qPrintable(out));
        QVERIFY2(out.contains(message), qPrintable(out));
        QVERIFY2(!out.contains(S("listening on")), qPrintable(out));
    }

    /** doorstep-cli with these arguments (the password on stdin) and extra environment. */
    std::pair<int, QString> cli(const QStringList &args, const QMap<QString, QString> &env = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(S("DOORSTEP_CA_FILE"));
        e.remove(S("DOORSTEP_PINNED_KEYS"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(S(DOORSTEP_CLI_EXE), args);
        p.write(kPassword.toUtf8() + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {-1, S("doorstep-cli did not finish")};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
    }

    void settingsReadAndRefused()
    {
        const QByteArray goodKey = spkiSha256(file(S("good.crt")));
        auto read = TlsSettings::read(file(S("ca.crt")), {S("sha256//") + QString::fromLatin1(goodKey.toBase64())});
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read.value().caCertificates, m_ca);
        QCOMPARE(read.value().pins, QList<QByteArray>{goodKey});
        // The bare base64 is the same pin; pinOf prints what --pin takes.
        auto bare = TlsSettings::read(QString(), {QString::fromLatin1(goodKey.toBase64())});
        QVERIFY(bare.ok());
        QCOMPARE(bare.value().pins, QList<QByteArray>{goodKey});
        QCOMPARE(TlsSettings::pinOf(QSslCertificate::fromPath(file(S("good.crt"))).value(0)),
                 S("sha256//") + QString::fromLatin1(goodKey.toBase64()));
        QVERIFY(TlsSettings::read(QString(), {}).value().isEmpty());

        // What cannot be used is refused with what is wrong, never skipped.
        auto missing = TlsSettings::read(file(S("no-such.crt")), {});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(S("could not be read")), qPrintable(missing.error().message));
        auto notPem = TlsSettings::read(file(S("good.cnf")), {});
        QVERIFY(!notPem.ok());
        QVERIFY2(notPem.error().message.contains(S("no PEM certificate")), qPrintable(notPem.error().message));
        for (const QString &pin : {S("sha256//not base64!"), S("sha256//") + QString::fromLatin1(QByteArray(20, 'x').toBase64()), S("hello")}) {
            auto bad = TlsSettings::read(QString(), {pin});
            QVERIFY2(!bad.ok(), qPrintable(pin));
            QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
            QVERIFY2(bad.error().message.contains(S("SHA-256")), qPrintable(bad.error().message));
        }

        // Given values win over the environment, item by item.
        qputenv("DOORSTEP_CA_FILE", file(S("other.crt")).toUtf8());
        qputenv("DOORSTEP_PINNED_KEYS", (S("sha256//") + QString::fromLatin1(goodKey.toBase64())).toUtf8());
        auto fromEnv = TlsSettings::resolve(QString(), {});
        auto given = TlsSettings::resolve(file(S("ca.crt")), {});
        qunsetenv("DOORSTEP_CA_FILE");
        qunsetenv("DOORSTEP_PINNED_KEYS");
        QVERIFY(fromEnv.ok() && given.ok());
        QCOMPARE(fromEnv.value().caCertificates, QSslCertificate::fromPath(file(S("other.crt"))));
        QCOMPARE(fromEnv.value().pins, QList<QByteArray>{goodKey});
        QCOMPARE(given.value().caCertificates, m_ca);
        QCOMPARE(given.value().pins, QList<QByteArray>{goodKey}); // none given: the environment's
    }

    void cliSignIn_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("envCaFile"); // DOORSTEP_CA_FILE, a file name in the test folder
        QTest::addColumn<QString>("envPin");    // DOORSTEP_PINNED_KEYS: a certificate whose key is pinned
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("message");
        const QString pinGood = S("sha256//") + QString::fromLatin1(spkiSha256(file(S("good.crt"))).toBase64());
        const QString pinOther = S("sha256//") + QString::fromLatin1(spkiSha256(file(S("other.crt"))).toBase64());
        QTest::addRow("system roots only: refused") << QStringList() << QString() << QString() << false << S("could not be trusted");
        QTest::addRow("--ca-file: accepted") << QStringList{S("--ca-file"), file(S("ca.crt"))} << QString() << QString() << true << QString();
        QTest::addRow("DOORSTEP_CA_FILE: accepted") << QStringList() << S("ca.crt") << QString() << true << QString();
        QTest::addRow("--pin on the service key: accepted")
            << QStringList{S("--ca-file"), file(S("ca.crt")), S("--pin"), pinGood} << QString() << QString() << true << QString();
        QTest::addRow("--pin on another key: refused")
            << QStringList{S("--ca-file"), file(S("ca.crt")), S("--pin"), pinOther} << QString() << QString() << false << S("pinned key");
        QTest::addRow("DOORSTEP_PINNED_KEYS on another key: refused") << QStringList() << S("ca.crt") << S("other.crt") << false << S("pinned key");
        QTest::addRow("a pin that is not one: refused before connecting")
            << QStringList{S("--ca-file"), file(S("ca.crt")), S("--pin"), S("sha256//abc")} << QString() << QString() << false << S("SHA-256");
        QTest::addRow("a CA file that is not there: refused before connecting")
            << QStringList{S("--ca-file"), file(S("missing.crt"))} << QString() << QString() << false << S("could not be read");
    }

    void cliSignIn()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, envCaFile);
        QFETCH(QString, envPin);
        QFETCH(bool, accepted);
        QFETCH(QString, message);
        ServerProcess server;
        QVERIFY2(server.start(m_backend.spec(),
                              {S("--listen"), S("127.0.0.1:0"), S("--tls-cert"), file(S("good.crt")), S("--tls-key"), file(S("good.key"))},
                              false),
                 qPrintable(server.errorOutput()));
        QTemporaryDir data;
        QMap<QString, QString> env;
        if (!envCaFile.isEmpty())
            env.insert(S("DOORSTEP_CA_FILE"), file(envCaFile));
        if (!envPin.isEmpty())
            env.insert(S("DOORSTEP_PINNED_KEYS"), S("sha256//") + QString::fromLatin1(spkiSha256(file(envPin)).toBase64()));
        const auto [code, output] = cli(QStringList{S("login"), S("--data-dir"), data.path(), S("--server"), server.baseUrl().toString(),
                                                    S("--user"), kUser, S("--password"), S("-"), S("--timeout-ms"), S("15000")}
                                            + options,
                                        env);
        if (accepted) {
            QVERIFY2(code == 0, qPrintable(output));
        } else {
            QVERIFY2(code != 0, qPrintable(output));
            QVERIFY2(output.contains(message), qPrintable(output));
        }
    }

    void cliPrintsThePinOfACertificate()
    {
        const auto [code, output] = cli({S("tls-pin"), file(S("goodchain.crt"))});
        QCOMPARE(code, 0);
        const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the service's certificate, then its CA's
        QVERIFY(lines.at(0).startsWith(S("sha256//") + QString::fromLatin1(spkiSha256(file(S("good.crt"))).toBase64())));
        QVERIFY(lines.at(1).startsWith(S("sha256//") + QString::fromLatin1(spkiSha256(file(S("ca.crt"))).toBase64())));
        QVERIFY(cli({S("tls-pin"), file(S("good.cnf"))}).first != 0);
    }

    void pinCheckedOnReusedConnection()
    {
        // Pins set after a keep-alive connection was opened still hold: the answer is discarded.
        ServerProcess server;
        QVERIFY(server.start(m_backend.spec(),
                             {S("--listen"), S("127.0.0.1:0"), S("--tls-cert"), file(S("good.crt")), S("--tls-key"), file(S("good.key"))},
                             false));
        QNetworkAccessManager nam;
        ApiClient api(&nam, server.baseUrl());
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(m_ca);
        api.setSslConfiguration(config);
        auto health = [&]() {
            std::optional<bool> ok;
            std::optional<ApiFailure> failure;
            api.get(S("/api/v1/health"), [&](const ApiReply *r, const ApiFailure *f) {
                ok = r != nullptr;
                if (f)
                    failure = *f;
            });
            (void)QTest::qWaitFor([&] { return ok.has_value(); }, 20000);
            return std::make_pair(ok.value_or(false), failure);
        };
        int handshakes = 0; // QNetworkAccessManager::encrypted fires once per new TLS connection
        connect(&nam, &QNetworkAccessManager::encrypted, this, [&] { ++handshakes; });
        QVERIFY(health().first);
        QCOMPARE(handshakes, 1);
        api.setPinnedPublicKeys({spkiSha256(file(S("other.crt")))});
        const auto [ok, failure] = health();
        QCOMPARE(handshakes, 1); // the second request went over the same connection: the reuse path
        QVERIFY(!ok);
        QVERIFY(failure.has_value());
        QVERIFY2(failure->error.message.contains(S("pinned key")), qPrintable(failure->error.message));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
