// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// What a device leaves behind and how it behaves when its secrets go: a canary scan of every file
// the client writes (data folder, HOME with the encrypted keyring) and of every log line (client
// and service) for record content, tokens, the password and the database key; the keychain-missing
// and keychain-unavailable states through Device::open; access-token expiry (refreshed once, then
// the request repeated) and a revoked refresh token (signed out, outbox kept). Real keychain
// (with-keyring), real SQLCipher store, real doorstep-server on loopback.
#include "core/processhardening.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/wire.h"
#include "platform/databasekeyprovider.h"
#include "platform/qtkeychainkeystore.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/retrypolicy.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include "serverprocess.h"
#include "testbackend.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

using namespace doorstep;
using namespace doorstep::sync;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QStringLiteral("canary-Pa55word-quokka");
// Made up: no such child, no such token. If either shows up in plain text, something leaks.
const QString kCanaryName = QStringLiteral("Zephyrine Quillmarsh-Oduya");
const QString kCanaryToken = QStringLiteral("dsk_live_7Qx9CANARYzP4mW2vT8kL");

QMutex g_logMutex;
QStringList g_clientLog;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_clientLog << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

/** doorstep-server serve with its stdout and stderr kept, for the log scan. */
class LoggedServer
{
public:
    bool start(const QString &dbSpec, const QProcessEnvironment &env)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setProcessEnvironment(env);
        m_process->start(ServerProcess::executable(), {QStringLiteral("serve"), QStringLiteral("--db"), dbSpec, QStringLiteral("--listen"),
                                                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--dev-insecure-http")});
        if (!m_process->waitForStarted(10000))
            return false;
        static const QRegularExpression line(QStringLiteral("listening on https?://[^ ]*:(\\d+)"));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 15000 && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(100);
            m_output += m_process->readAll();
            const auto m = line.match(QString::fromUtf8(m_output));
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }
    /** Everything printed so far (stops the process first when `stop`). */
    QByteArray output(bool stop = false)
    {
        if (m_process) {
            if (stop) {
                m_process->terminate();
                m_process->waitForFinished(5000);
            }
            m_output += m_process->readAll();
        }
        return m_output;
    }
    ~LoggedServer()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

struct TestDevice {
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    std::unique_ptr<Device> device;
};

QString sessionEntryFor(const QString &dataDir)
{
    // Device keeps its tokens under "session-" + the first 32 hex digits of SHA-256(data dir).
    const QByteArray dirHash = QCryptographicHash::hash(QDir(dataDir).absolutePath().toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QStringLiteral("session-") + QString::fromLatin1(dirHash);
}

QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestClientSecrets : public QObject
{
    Q_OBJECT

    TestBackend m_backend;
    LoggedServer m_server;
    QtKeychainKeyStore m_keys;

    bool waitDone(const std::function<void(Device::Done)> &start, Result<void> *out, int timeoutMs = 60000)
    {
        std::optional<Result<void>> outcome;
        start([&](Result<void> r) { outcome = std::move(r); });
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs);
        if (outcome && out)
            *out = *outcome;
        return outcome.has_value();
    }

    template <typename T>
    Result<T> onStore(Device &d, std::function<Result<T>(Database &)> job)
    {
        std::optional<Result<T>> outcome;
        d.store()->run<T>(std::move(job)).then(this, [&](Result<T> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000))
            return Error(ErrorCode::Timeout, QStringLiteral("store did not answer"));
        return *outcome;
    }

    Result<QByteArray> readKeychain(const QString &name)
    {
        std::optional<Result<QByteArray>> r;
        m_keys.read(name).then(this, [&](Result<QByteArray> v) { r = std::move(v); });
        if (!QTest::qWaitFor([&] { return r.has_value(); }, 10000))
            return Error(ErrorCode::Timeout, QStringLiteral("keychain did not answer"));
        return *r;
    }

    std::unique_ptr<TestDevice> newDevice(const QString &serverUrl, const QString &username)
    {
        auto t = std::make_unique<TestDevice>();
        t->device = std::make_unique<Device>(t->dir.path(), &m_keys, &t->nam);
        t->device->api()->setTransferTimeout(20000ms);
        t->device->engine()->setRetryPolicy(RetryPolicy(50ms, 400ms, 5));
        t->device->engine()->setPeriodicInterval(0ms);
        Result<void> r;
        if (!waitDone([&](Device::Done d) { t->device->open(d); }, &r) || !r.ok())
            return nullptr;
        if (!waitDone([&](Device::Done d) { t->device->signIn(serverUrl, username, kPassword, QStringLiteral("security-test"), d); }, &r)
            || !r.ok()) {
            qWarning() << "sign-in failed:" << (r.ok() ? QString() : r.error().message);
            return nullptr;
        }
        return t;
    }

    bool syncUntilClean(TestDevice &t, int timeoutMs = 60000)
    {
        bool clean = false;
        QMetaObject::Connection c = connect(t.device->engine(), &SyncEngine::finished, this, [&](bool ok) {
            if (ok)
                clean = true;
        });
        t.device->engine()->syncNow();
        (void)QTest::qWaitFor([&] { return clean; }, timeoutMs);
        disconnect(c);
        return clean;
    }

    QStringList createCanaryVisits(TestDevice &t, int n)
    {
        auto made = onStore<QStringList>(*t.device, [n](Database &db) -> Result<QStringList> {
            RecordRepository repo(db);
            auto caseload = repo.caseload();
            if (!caseload || caseload.value().isEmpty())
                return Error(ErrorCode::NotFound, QStringLiteral("empty caseload"));
            const QString child = caseload.value().first().id;
            QStringList ids;
            for (int i = 0; i < n; ++i) {
                const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1).addSecs(i * 60);
                const QString id = wire::newUuid();
                QJsonObject visit{
                    {QStringLiteral("schema"), wire::kSchemaVersion},
                    {QStringLiteral("type"), QStringLiteral("visit")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("state"), QStringLiteral("draft")},
                    {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
                    {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
                    {QStringLiteral("ended_at"), start.addSecs(2400).toString(Qt::ISODate)},
                    {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
                    {QStringLiteral("location"), QStringLiteral("home")},
                    {QStringLiteral("present"), kCanaryName + QStringLiteral(" and her mother")},
                    {QStringLiteral("rationale"), QStringLiteral("Reference %1, visit %2.").arg(kCanaryToken).arg(i)},
                    {QStringLiteral("children"),
                     QJsonArray{QJsonObject{{QStringLiteral("child_id"), child},
                                            {QStringLiteral("seen"), true},
                                            {QStringLiteral("seen_alone"), true},
                                            {QStringLiteral("child_views"), kCanaryName + QStringLiteral(" said school is better now.")}}}},
                };
                auto saved = repo.save(visit);
                if (!saved)
                    return saved.error();
                ids << id;
            }
            return ids;
        });
        return made.ok() ? made.value() : QStringList();
    }

    /** Every regular file under `root`, recursively, hidden ones included. */
    static QStringList filesUnder(const QString &root)
    {
        QStringList out;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext() && out.size() < 100000)
            out << it.next();
        return out;
    }

    /** The needles in the encodings a leak would plausibly take: UTF-8, UTF-16LE, hex, base64. */
    static QList<QPair<QString, QByteArray>> encodings(const QString &label, const QByteArray &secret, bool binary)
    {
        QList<QPair<QString, QByteArray>> out;
        if (secret.isEmpty())
            return out;
        if (binary) {
            out << qMakePair(label + QStringLiteral(" (raw)"), secret) << qMakePair(label + QStringLiteral(" (hex)"), secret.toHex())
                << qMakePair(label + QStringLiteral(" (HEX)"), secret.toHex().toUpper())
                << qMakePair(label + QStringLiteral(" (base64)"), secret.toBase64());
        } else {
            out << qMakePair(label, secret);
            const QString s = QString::fromUtf8(secret);
            out << qMakePair(label + QStringLiteral(" (utf-16)"),
                             QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2));
        }
        return out;
    }

    static QStringList scan(const QByteArray &haystack, const QList<QPair<QString, QByteArray>> &needles)
    {
        QStringList found;
        for (const auto &[label, needle] : needles) {
            if (haystack.contains(needle))
                found << label;
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (qEnvironmentVariableIsEmpty("DOORSTEP_KEYRING_SANDBOX"))
            QSKIP("runs only inside tests/support/with-keyring (it reads and deletes keychain entries)");
        // As the app runs: no core file, and the real keychain must still work so.
        QVERIFY(guardAgainstCoreDumps(DumpGuard::NoCoreFile).contains(QStringLiteral("no core file")));
#if defined(Q_OS_UNIX)
        struct rlimit core = {};
        QVERIFY(getrlimit(RLIMIT_CORE, &core) == 0);
        QCOMPARE(quint64(core.rlim_cur), quint64(0));
#endif
        // Every client category at debug level, so a careless debug line would be caught too.
        QLoggingCategory::setFilterRules(QStringLiteral("doorstep.*.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureMessage);

        QString error;
        QVERIFY2(m_backend.init(&error), qPrintable(error));
        QVERIFY2(m_backend.seedDemo(kPassword, &error), qPrintable(error));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("doorstep.*.debug=true"));
        QVERIFY(m_server.start(m_backend.spec(), env));
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void canaryScan()
    {
        auto t = newDevice(m_server.url(), QStringLiteral("worker1"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        QCOMPARE(createCanaryVisits(*t, 3).size(), 3);
        QVERIFY(syncUntilClean(*t)); // pushed, merged answers applied
        QCOMPARE(createCanaryVisits(*t, 2).size(), 2); // drafts still in the outbox
        auto pending = onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); });
        QVERIFY(pending.ok());
        QVERIFY(pending.value() >= 2);

        // The secrets, straight from the keychain (the only place they may live).
        const QString dbPath = t->device->databasePath();
        auto key = readKeychain(DatabaseKeyProvider::entryNameFor(dbPath));
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
        QCOMPARE(key.value().size(), 32);
        auto session = readKeychain(sessionEntryFor(t->dir.path()));
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        const QJsonObject tokens = QJsonDocument::fromJson(session.value()).object();
        const QByteArray access = tokens.value(u"access_token").toString().toUtf8();
        const QByteArray refresh = tokens.value(u"refresh_token").toString().toUtf8();
        QVERIFY(access.size() > 20);
        QVERIFY(refresh.size() > 20);

        QList<QPair<QString, QByteArray>> needles;
        needles << encodings(QStringLiteral("child's name"), kCanaryName.toUtf8(), false)
                << encodings(QStringLiteral("canary token"), kCanaryToken.toUtf8(), false)
                << encodings(QStringLiteral("password"), kPassword.toUtf8(), false)
                << encodings(QStringLiteral("access token"), access, false)
                << encodings(QStringLiteral("refresh token"), refresh, false)
                << encodings(QStringLiteral("database key"), key.value(), true);
        // The token's signature part alone (after the last '.') would be enough to forge nothing,
        // but the claims part identifies the user: the whole token is the needle above.

        // Control: the service's own database (SQLite here, not encrypted: it lives in the council's
        // data centre) does hold the record content, so the needles and the scan do find a leak.
        if (m_backend.spec().startsWith(QStringLiteral("sqlite:"))) {
            const QString serviceDb = m_backend.spec().mid(7);
            QByteArray bytes;
            for (const QString &path : {serviceDb, serviceDb + QStringLiteral("-wal")}) {
                QFile f(path);
                if (f.open(QIODevice::ReadOnly))
                    bytes += f.readAll();
            }
            QVERIFY2(scan(bytes, needles).contains(QStringLiteral("child's name")), "control: the scan should find the canary in the service's database");
        }

        auto scanFiles = [&](const QString &when) {
            QStringList roots{t->dir.path(), QDir::homePath()};
            const QString sandbox = qEnvironmentVariable("DOORSTEP_KEYRING_SANDBOX");
            if (!sandbox.isEmpty())
                roots << sandbox; // the with-keyring scratch folder: HOME and the runtime dir
            int scanned = 0;
            bool sawKeyring = false;
            bool sawDatabase = false;
            for (const QString &root : roots) {
                for (const QString &path : filesUnder(root)) {
                    QFile f(path);
                    if (!f.open(QIODevice::ReadOnly))
                        continue;
                    const QByteArray bytes = f.read(256 * 1024 * 1024);
                    ++scanned;
                    sawKeyring |= path.contains(QStringLiteral("/keyrings/"));
                    sawDatabase |= path == dbPath;
                    const QStringList leaks = scan(bytes, needles);
                    QVERIFY2(leaks.isEmpty(), qPrintable(when + QStringLiteral(": ") + path + QStringLiteral(" holds ") + leaks.join(u", ")));
                }
            }
            qInfo() << when << "files scanned:" << scanned;
            QVERIFY2(sawDatabase, "the scan must include the database file itself");
            QVERIFY2(sawKeyring, "the scan must include the (encrypted) keyring file");
        };
        scanFiles(QStringLiteral("while open"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFile::exists(dbPath + QStringLiteral("-wal")) || QFile::exists(dbPath));

        // Logs: the client's (every category at debug) and the service's.
        QByteArray clientLog;
        {
            QMutexLocker lock(&g_logMutex);
            clientLog = g_clientLog.join(u'\n').toUtf8();
        }
        QVERIFY2(!clientLog.isEmpty(), "the client log capture should hold something");
        QStringList leaks = scan(clientLog, needles);
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("client log holds ") + leaks.join(u", ")));
        const QByteArray serviceLog = m_server.output();
        leaks = scan(serviceLog, needles);
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("service log holds ") + leaks.join(u", ")));

        // Closed (WAL checkpointed into the main file): still nothing.
        t->device.reset();
        scanFiles(QStringLiteral("after close"));
    }

    void keychainMissing()
    {
        QTemporaryDir dir;
        QNetworkAccessManager nam;
        QString dbPath;
        {
            Device d(dir.path(), &m_keys, &nam);
            Result<void> r;
            QVERIFY(waitDone([&](Device::Done done) { d.open(done); }, &r));
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            dbPath = d.databasePath();
        }
        QVERIFY(QFile::exists(dbPath));
        const QByteArray before = fileSha256(dbPath);
        const QString entry = DatabaseKeyProvider::entryNameFor(dbPath);
        std::optional<Result<void>> removed;
        m_keys.remove(entry).then(this, [&](Result<void> r) { removed = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return removed.has_value(); }, 10000));
        QVERIFY(removed->ok());

        Device again(dir.path(), &m_keys, &nam);
        Result<void> r;
        QVERIFY(waitDone([&](Device::Done done) { again.open(done); }, &r));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::KeyMissing);
        QCOMPARE(fileSha256(dbPath), before); // untouched
        auto key = readKeychain(entry);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::NotFound); // no new key was made over the old data
    }

    void keychainUnavailable()
    {
        // The session bus is cached per process, so the dead bus is given to doorstep-cli, which
        // opens the device through the same Device::open.
        QTemporaryDir dir;
        QNetworkAccessManager nam;
        QString dbPath;
        {
            Device d(dir.path(), &m_keys, &nam);
            Result<void> r;
            QVERIFY(waitDone([&](Device::Done done) { d.open(done); }, &r));
            QVERIFY(r.ok());
            dbPath = d.databasePath();
        }
        const QByteArray before = fileSha256(dbPath);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-such-bus")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(DOORSTEP_CLI_EXE), {QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(cli.waitForFinished(60000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("keychain_unavailable")), qPrintable(err));
        QCOMPARE(fileSha256(dbPath), before);
        auto key = readKeychain(DatabaseKeyProvider::entryNameFor(dbPath));
        QVERIFY(key.ok()); // the real key is still there for when the keychain comes back
    }

    void accessTokenExpiryRefreshesOnce()
    {
        // A second instance on the same database whose access tokens last 2 s.
        LoggedServer shortLived;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOORSTEP_TEST_ACCESS_TOKEN_SECONDS"), QStringLiteral("2"));
        QVERIFY(shortLived.start(m_backend.spec(), env));
        auto t = newDevice(shortLived.url(), QStringLiteral("worker2"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        const QString entry = sessionEntryFor(t->dir.path());
        auto first = readKeychain(entry);
        QVERIFY(first.ok());
        QCOMPARE(t->device->session()->user().displayName, QStringLiteral("Rhian Evans")); // from the sign-in
        // A new name on the service reaches the device with the next refresh (no new sign-in).
        auto renamed = ServerProcess::cli({QStringLiteral("set-name"), QStringLiteral("worker2"), QStringLiteral("--name"),
                                           QStringLiteral("Rhian Evans-Morgan")},
                                          m_backend.spec());
        QVERIFY2(renamed.exitCode == 0, qPrintable(renamed.err));
        QTest::qWait(3200); // the access token is now expired
        const qint64 requestsBefore = t->device->api()->requestCount();
        QSignalSpy refreshed(t->device->session(), &Session::tokensRefreshed);
        QSignalSpy userChanged(t->device->session(), &Session::userChanged); // open screens show the new name at once
        QElapsedTimer sinceExpiry;
        sinceExpiry.start();
        QCOMPARE(createCanaryVisits(*t, 1).size(), 1);
        QVERIFY(syncUntilClean(*t, 30000));
        auto pending = onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); });
        QVERIFY(pending.ok());
        QCOMPARE(pending.value(), 0);
        auto second = readKeychain(entry);
        QVERIFY(second.ok());
        const QJsonObject a = QJsonDocument::fromJson(first.value()).object();
        const QJsonObject b = QJsonDocument::fromJson(second.value()).object();
        QVERIFY2(a.value(u"refresh_token") != b.value(u"refresh_token"), "the refresh token must have been used (and rotated)");
        QVERIFY(a.value(u"access_token") != b.value(u"access_token"));
        QCOMPARE(t->device->session()->user().displayName, QStringLiteral("Rhian Evans-Morgan"));
        QCOMPARE(userChanged.count(), 1); // renamed once; the refreshes after it bring the same name
        QCOMPARE(b.value(u"user").toObject().value(u"display_name").toString(), QStringLiteral("Rhian Evans-Morgan")); // kept with the tokens
        auto restored = ServerProcess::cli({QStringLiteral("set-name"), QStringLiteral("worker2"), QStringLiteral("--name"), QStringLiteral("Rhian Evans")},
                                           m_backend.spec());
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QCOMPARE(t->device->engine()->state() == SyncEngine::State::SignedOut, false);
        // One refresh per expired token: at least the one, and no more than the 2 s tokens could
        // have expired again meanwhile (a refresh loop would make many a second).
        QVERIFY(refreshed.count() >= 1);
        QVERIFY2(refreshed.count() <= 1 + sinceExpiry.elapsed() / 2000, qPrintable(QString::number(refreshed.count())));
        // Bounded: a refresh loop would show as many requests; one expiry costs at most one 401,
        // one refresh and the repeated request on top of a normal push + pull.
        QVERIFY2(t->device->api()->requestCount() - requestsBefore <= 8,
                 qPrintable(QString::number(t->device->api()->requestCount() - requestsBefore)));
    }

    void revokedRefreshTokenSignsOutKeepingOutbox()
    {
        LoggedServer shortLived;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOORSTEP_TEST_ACCESS_TOKEN_SECONDS"), QStringLiteral("2"));
        QVERIFY(shortLived.start(m_backend.spec(), env));
        auto t = newDevice(shortLived.url(), QStringLiteral("worker3"));
        QVERIFY(t);
        QVERIFY(syncUntilClean(*t));
        // Someone replays the device's refresh token first (stolen copy): rotation hands them a new
        // pair, and the device's next use of the same token is reuse, which ends every session.
        auto saved = readKeychain(sessionEntryFor(t->dir.path()));
        QVERIFY(saved.ok());
        const QString refresh = QJsonDocument::fromJson(saved.value()).object().value(u"refresh_token").toString();
        QNetworkAccessManager nam;
        ApiClient thief(&nam, QUrl(shortLived.url()));
        std::optional<bool> stolen;
        thief.post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refresh_token"), refresh}},
                   [&](const ApiReply *ok, const ApiFailure *) { stolen = ok != nullptr; });
        QVERIFY(QTest::qWaitFor([&] { return stolen.has_value(); }, 20000));
        QVERIFY(*stolen);

        QCOMPARE(createCanaryVisits(*t, 2).size(), 2);
        QTest::qWait(3200); // access token expired: the device must refresh, and is refused
        t->device->engine()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return t->device->engine()->state() == SyncEngine::State::SignedOut; }, 30000));
        auto pending = onStore<int>(*t->device, [](Database &db) { return Outbox(db).unsyncedCount(); });
        QVERIFY(pending.ok());
        QCOMPARE(pending.value(), 2); // what was not sent is kept for after signing in again
        QVERIFY(QFile::exists(t->device->databasePath()));
    }
};

QTEST_GUILESS_MAIN(TestClientSecrets)
#include "tst_clientsecrets.moc"
