// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// The real keychain: QtKeychain talking to gnome-keyring over a private D-Bus
// session (run through tests/support/with-keyring, which ctest does).
#include "platform/awaitfuture.h"
#include "platform/databasekeyprovider.h"
#include "platform/qtkeychainkeystore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>

using namespace doorstep;

namespace {

// QVERIFY2 evaluates its message even on success, so never touch error() of a good result.
template <typename R>
QString failureText(const R &r)
{
    return r.ok() ? QString() : r.error().message;
}

constexpr int kTimeoutMs = 20000;
const char kProbeVar[] = "DOORSTEP_KEYCHAIN_PROBE";

QString uniqueName(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray allByteValues()
{
    QByteArray bytes(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        bytes[i] = char(i);
    return bytes;
}

/**
 * Child-process mode: with DBUS_SESSION_BUS_ADDRESS pointing nowhere, try to
 * write, read and get a database key, and print the error codes. Run by the
 * unavailable() test, which checks the answers and the disk.
 */
int runProbe(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray secret = QByteArray::fromHex(qgetenv("DOORSTEP_PROBE_SECRET"));
    const QString name = QString::fromUtf8(qgetenv("DOORSTEP_PROBE_NAME"));
    const QString dbPath = QString::fromUtf8(qgetenv("DOORSTEP_PROBE_DB"));
    QtKeychainKeyStore store;
    const Result<void> written = awaitResult(store.write(name, secret), kTimeoutMs);
    const Result<QByteArray> read = awaitResult(store.read(name), kTimeoutMs);
    DatabaseKeyProvider provider(&store);
    const Result<QByteArray> key = awaitResult(provider.keyFor(dbPath), kTimeoutMs);
    auto code = [](const auto &r) { return r.ok() ? QStringLiteral("Ok") : errorCodeName(r.error().code); };
    const QString line = QStringLiteral("write=%1 read=%2 provider=%3 state=%4\nmessage=%5\n")
                             .arg(code(written), code(read), code(key))
                             .arg(int(provider.state()))
                             .arg(written.ok() ? QString() : written.error().message);
    std::fputs(line.toUtf8().constData(), stdout);
    return 0;
}

} // namespace

/** QtKeychainKeyStore and DatabaseKeyProvider against a real gnome-keyring. */
class TstKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Never run against a person's own keychain.
        const QString sandbox = qEnvironmentVariable("DOORSTEP_KEYRING_SANDBOX");
        QVERIFY2(!sandbox.isEmpty() && QDir::homePath().startsWith(sandbox),
                 "run through tests/support/with-keyring (ctest does)");
        QVERIFY(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addRow("32-byte key") << QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        QTest::addRow("zero bytes inside") << QByteArray("\0\0a\0b\0\0", 7);
        QTest::addRow("all zero") << QByteArray(32, '\0');
        QTest::addRow("every byte value") << allByteValues();
        QTest::addRow("text token") << QByteArrayLiteral("refresh-token.abc_DEF-123");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, secret);
        QtKeychainKeyStore store;
        const QString name = uniqueName("roundtrip-");
        const Result<void> w = awaitResult(store.write(name, secret), kTimeoutMs);
        QVERIFY2(w.ok(), qPrintable(failureText(w)));
        // A fresh store object, as after an application restart.
        QtKeychainKeyStore other;
        const Result<QByteArray> r = awaitResult(other.read(name), kTimeoutMs);
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        QCOMPARE(r.value().size(), secret.size());
        QCOMPARE(r.value(), secret);
        QVERIFY(awaitResult(store.remove(name), kTimeoutMs).ok());
    }

    void overwrite()
    {
        QtKeychainKeyStore store;
        const QString name = uniqueName("overwrite-");
        QVERIFY(awaitResult(store.write(name, QByteArray(32, 'a')), kTimeoutMs).ok());
        QVERIFY(awaitResult(store.write(name, QByteArray("\0second", 7)), kTimeoutMs).ok());
        const Result<QByteArray> r = awaitResult(store.read(name), kTimeoutMs);
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        QCOMPARE(r.value(), QByteArray("\0second", 7));
        QVERIFY(awaitResult(store.remove(name), kTimeoutMs).ok());
    }

    void removeThenNotFound()
    {
        QtKeychainKeyStore store;
        const QString name = uniqueName("remove-");
        QVERIFY(awaitResult(store.write(name, QByteArray(32, 'k')), kTimeoutMs).ok());
        const Result<void> removed = awaitResult(store.remove(name), kTimeoutMs);
        QVERIFY2(removed.ok(), qPrintable(failureText(removed)));
        const Result<QByteArray> r = awaitResult(store.read(name), kTimeoutMs);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        // Removing what is gone is not an error.
        QVERIFY(awaitResult(store.remove(name), kTimeoutMs).ok());
    }

    void missingIsNotFoundNotUnavailable()
    {
        QtKeychainKeyStore store;
        const Result<QByteArray> r = awaitResult(store.read(uniqueName("never-written-")), kTimeoutMs);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
    }

    void servicesAreSeparate()
    {
        QtKeychainKeyStore doorstep;
        QtKeychainKeyStore other(QStringLiteral("SomeOtherApp"));
        const QString name = uniqueName("shared-name-");
        QVERIFY(awaitResult(doorstep.write(name, QByteArray(8, 'd')), kTimeoutMs).ok());
        const Result<QByteArray> r = awaitResult(other.read(name), kTimeoutMs);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(awaitResult(doorstep.remove(name), kTimeoutMs).ok());
    }

    void emptySecretRefused()
    {
        QtKeychainKeyStore store;
        const Result<void> w = awaitResult(store.write(uniqueName("empty-"), QByteArray()), kTimeoutMs);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::InvalidInput);
    }

    void providerWithRealKeychain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        QtKeychainKeyStore store;

        QByteArray first;
        {
            DatabaseKeyProvider provider(&store);
            const Result<QByteArray> key = awaitResult(provider.keyFor(dbPath), kTimeoutMs);
            QVERIFY2(key.ok(), qPrintable(failureText(key)));
            QCOMPARE(key.value().size(), DatabaseKeyProvider::KeySize);
            QCOMPARE(provider.state(), DatabaseKeyProvider::KeyState::Ready);
            first = key.value();
        }
        QVERIFY(!QFileInfo::exists(dbPath)); // the provider never creates the database

        // The database now exists; a restarted app gets the same key.
        const QByteArray dbBytes = QByteArrayLiteral("pretend SQLCipher pages");
        {
            QFile f(dbPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(dbBytes);
        }
        QtKeychainKeyStore restarted;
        DatabaseKeyProvider provider(&restarted);
        const Result<QByteArray> again = awaitResult(provider.keyFor(dbPath), kTimeoutMs);
        QVERIFY2(again.ok(), qPrintable(failureText(again)));
        QCOMPARE(again.value(), first);

        // The key disappears from the keychain: stop, never a new key.
        QVERIFY(awaitResult(provider.forget(dbPath), kTimeoutMs).ok());
        const Result<QByteArray> missing = awaitResult(provider.keyFor(dbPath), kTimeoutMs);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::KeyMissing);
        QCOMPARE(provider.state(), DatabaseKeyProvider::KeyState::KeyMissing);
        const Result<QByteArray> stillNone = awaitResult(store.read(DatabaseKeyProvider::entryNameFor(dbPath)), kTimeoutMs);
        QCOMPARE(stillNone.ok() ? ErrorCode::Ok : stillNone.error().code, ErrorCode::NotFound);
        QFile f(dbPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), dbBytes);
    }

    void unavailable_data()
    {
        QTest::addColumn<QString>("busAddress");
        QTest::addRow("dead socket") << QStringLiteral("unix:path=%1/no-bus-here");
        QTest::addRow("refused loopback port") << QStringLiteral("tcp:host=127.0.0.1,port=1");
    }

    void unavailable()
    {
        QFETCH(QString, busAddress);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (busAddress.contains(QLatin1String("%1")))
            busAddress = busAddress.arg(dir.path());

        QByteArray secret(32, Qt::Uninitialized);
        const QByteArray seed = QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122();
        secret = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
        const QString name = uniqueName("unavailable-");
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kProbeVar), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        env.insert(QStringLiteral("DOORSTEP_PROBE_SECRET"), QString::fromLatin1(secret.toHex()));
        env.insert(QStringLiteral("DOORSTEP_PROBE_NAME"), name);
        env.insert(QStringLiteral("DOORSTEP_PROBE_DB"), dbPath);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(kTimeoutMs));
        QVERIFY2(child.waitForFinished(3 * kTimeoutMs + 10000), "the keychain probe hung");
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QCOMPARE(child.exitCode(), 0);
        qInfo("%s", qPrintable(out.trimmed()));
        const QString u = errorCodeName(ErrorCode::KeychainUnavailable);
        QVERIFY2(out.contains(QStringLiteral("write=%1 read=%1 provider=%1").arg(u)), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("state=%1").arg(int(DatabaseKeyProvider::KeyState::KeychainUnavailable))));
        QVERIFY(!QFileInfo::exists(dbPath));

        // Nothing reached the real keychain either.
        QtKeychainKeyStore store;
        const Result<QByteArray> r = awaitResult(store.read(name), kTimeoutMs);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);

        // And no plaintext fallback anywhere under HOME or the scratch dir, in
        // any of the encodings a fallback would use.
        const QList<QByteArray> needles = {secret, secret.toHex(), secret.toBase64(), secret.toHex().toUpper()};
        const QStringList roots = {QDir::homePath(), dir.path(), qEnvironmentVariable("XDG_RUNTIME_DIR")};
        int scanned = 0;
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                            QDirIterator::Subdirectories);
            while (it.hasNext() && scanned < 20000) {
                const QString path = it.next();
                ++scanned;
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = f.read(16 * 1024 * 1024);
                for (const QByteArray &needle : needles)
                    QVERIFY2(!content.contains(needle), qPrintable(QStringLiteral("secret found in %1").arg(path)));
            }
        }
        QVERIFY(scanned < 20000);
        QVERIFY(scanned > 0); // the keyring files at least
    }

    // Must stay the last test: it locks the login keyring, and unlocking it
    // again needs a prompt, which a headless session cannot show.
    void lockedKeyringIsUnavailable()
    {
        QtKeychainKeyStore store;
        const QString name = uniqueName("locked-");
        const QByteArray secret(32, 'L');
        QVERIFY(awaitResult(store.write(name, secret), kTimeoutMs).ok());
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        {
            DatabaseKeyProvider provider(&store);
            QVERIFY(awaitResult(provider.keyFor(dbPath), kTimeoutMs).ok());
            QFile f(dbPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("pages");
        }

        QProcess lock;
        lock.start(QStringLiteral("gdbus"),
                   {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                    QStringLiteral("org.freedesktop.secrets"), QStringLiteral("--object-path"),
                    QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("--method"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("[objectpath '/org/freedesktop/secrets/collection/login']")});
        QVERIFY2(lock.waitForFinished(kTimeoutMs), "gdbus did not answer");
        QCOMPARE(lock.exitCode(), 0);

        const Result<QByteArray> read = awaitResult(store.read(name), kTimeoutMs);
        QVERIFY(!read.ok());
        qInfo("locked read: %s: %s", qPrintable(errorCodeName(read.error().code)), qPrintable(read.error().message));
        QCOMPARE(read.error().code, ErrorCode::KeychainUnavailable);

        const Result<void> write = awaitResult(store.write(uniqueName("locked-write-"), secret), kTimeoutMs);
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code, ErrorCode::KeychainUnavailable);

        DatabaseKeyProvider provider(&store);
        const Result<QByteArray> key = awaitResult(provider.keyFor(dbPath), kTimeoutMs);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::KeychainUnavailable);
        QCOMPARE(provider.state(), DatabaseKeyProvider::KeyState::KeychainUnavailable);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kProbeVar))
        return runProbe(argc, argv);
    QCoreApplication app(argc, argv);
    TstKeychain tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_keychain.moc"
