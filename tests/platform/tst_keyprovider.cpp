// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/awaitfuture.h"
#include "platform/databasekeyprovider.h"
#include "platform/inmemorykeystore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;

namespace {

// QVERIFY2 evaluates its message even on success, so never touch error() of a good result.
template <typename R>
QString failureText(const R &r)
{
    return r.ok() ? QString() : r.error().message;
}

enum class StoredKey { None, Valid, Short, Long };

QByteArray fixedKey(int size)
{
    QByteArray key(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        key[i] = char((i * 37 + 11) & 0xff);
    return key;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

/** DatabaseKeyProvider's decisions against an in-memory keychain. */
class TstKeyProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void decisions_data()
    {
        QTest::addColumn<bool>("databaseExists");
        QTest::addColumn<StoredKey>("stored");
        QTest::addColumn<bool>("available");
        QTest::addColumn<bool>("dropWrites");
        QTest::addColumn<ErrorCode>("expectedCode");
        QTest::addColumn<DatabaseKeyProvider::KeyState>("expectedState");
        QTest::addColumn<int>("expectedWrites");

        using S = DatabaseKeyProvider::KeyState;
        QTest::addRow("new device creates a key") << false << StoredKey::None << true << false << ErrorCode::Ok << S::Ready << 1;
        QTest::addRow("existing database and key") << true << StoredKey::Valid << true << false << ErrorCode::Ok << S::Ready << 0;
        QTest::addRow("key without database reused") << false << StoredKey::Valid << true << false << ErrorCode::Ok << S::Ready << 0;
        QTest::addRow("database without key refused") << true << StoredKey::None << true << false << ErrorCode::KeyMissing << S::KeyMissing << 0;
        QTest::addRow("keychain unavailable, new device") << false << StoredKey::None << false << false << ErrorCode::KeychainUnavailable << S::KeychainUnavailable << 0;
        QTest::addRow("keychain unavailable, existing database") << true << StoredKey::Valid << false << false << ErrorCode::KeychainUnavailable << S::KeychainUnavailable << 0;
        QTest::addRow("short key refused") << true << StoredKey::Short << true << false << ErrorCode::WrongKey << S::KeyInvalid << 0;
        QTest::addRow("long key refused") << false << StoredKey::Long << true << false << ErrorCode::WrongKey << S::KeyInvalid << 0;
        QTest::addRow("keychain loses the write") << false << StoredKey::None << true << true << ErrorCode::KeychainUnavailable << S::KeychainUnavailable << 1;
    }

    void decisions()
    {
        QFETCH(bool, databaseExists);
        QFETCH(StoredKey, stored);
        QFETCH(bool, available);
        QFETCH(bool, dropWrites);
        QFETCH(ErrorCode, expectedCode);
        QFETCH(DatabaseKeyProvider::KeyState, expectedState);
        QFETCH(int, expectedWrites);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        const QByteArray dbBytes = QByteArrayLiteral("SQLite format 3\0 pretend encrypted pages");
        if (databaseExists) {
            QFile f(dbPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(dbBytes), dbBytes.size());
        }
        const QByteArray dbHashBefore = sha256(dbPath);

        InMemoryKeyStore store;
        const QString name = DatabaseKeyProvider::entryNameFor(dbPath);
        QByteArray storedValue;
        switch (stored) {
        case StoredKey::None: break;
        case StoredKey::Valid: storedValue = fixedKey(32); break;
        case StoredKey::Short: storedValue = fixedKey(16); break;
        case StoredKey::Long: storedValue = fixedKey(64); break;
        }
        if (!storedValue.isEmpty())
            store.insert(name, storedValue);
        store.setAvailable(available);
        store.setDropWrites(dropWrites);

        DatabaseKeyProvider provider(&store);
        QSignalSpy stateSpy(&provider, &DatabaseKeyProvider::stateChanged);
        QFuture<Result<QByteArray>> future = provider.keyFor(dbPath);
        // The answer comes through the event loop, as with a real keychain.
        QVERIFY(!future.isFinished());
        const Result<QByteArray> key = awaitResult(future, 5000);

        if (expectedCode == ErrorCode::Ok) {
            QVERIFY2(key.ok(), qPrintable(failureText(key)));
            QCOMPARE(key.value().size(), DatabaseKeyProvider::KeySize);
            QCOMPARE(store.value(name), key.value());
            if (stored == StoredKey::Valid)
                QCOMPARE(key.value(), storedValue);
            else
                QVERIFY(key.value() != QByteArray(DatabaseKeyProvider::KeySize, '\0'));
        } else {
            QVERIFY(!key.ok());
            QCOMPARE(key.error().code, expectedCode);
            QVERIFY(!key.error().message.isEmpty());
            // A refused key is never replaced.
            QCOMPARE(store.contains(name), !storedValue.isEmpty());
            if (!storedValue.isEmpty())
                QCOMPARE(store.value(name), storedValue);
            QCOMPARE(provider.errorString(), key.error().message);
        }
        QCOMPARE(provider.state(), expectedState);
        QVERIFY(stateSpy.count() >= 1);
        QCOMPARE(store.writeCount(), expectedWrites);
        // The provider never creates, changes or deletes the database file.
        QCOMPARE(QFileInfo::exists(dbPath), databaseExists);
        QCOMPARE(sha256(dbPath), dbHashBefore);
    }

    void keyMissingMessageIsClear()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        QFile f(dbPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data");
        f.close();
        InMemoryKeyStore store;
        DatabaseKeyProvider provider(&store);
        const auto key = awaitResult(provider.keyFor(dbPath), 5000);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::KeyMissing);
        QVERIFY(key.error().message.startsWith(QStringLiteral("The key for this device's records is missing from the keychain")));
        QCOMPARE(store.size(), 0);
    }

    void sameKeyOnSecondStart()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        InMemoryKeyStore store;
        QByteArray first;
        {
            DatabaseKeyProvider provider(&store);
            const auto key = awaitResult(provider.keyFor(dbPath), 5000);
            QVERIFY(key.ok());
            first = key.value();
        }
        // The database is created with the key, then the app restarts.
        QFile f(dbPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("encrypted");
        f.close();
        DatabaseKeyProvider provider(&store);
        const auto again = awaitResult(provider.keyFor(dbPath), 5000);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), first);
        QCOMPARE(store.writeCount(), 1);
    }

    void concurrentRequestsShareOneKey()
    {
        // Two screens asking at once on a new device must not each create a key:
        // the second write would replace the key the first one already handed out.
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        InMemoryKeyStore store;
        DatabaseKeyProvider provider(&store);
        QFuture<Result<QByteArray>> a = provider.keyFor(dbPath);
        QFuture<Result<QByteArray>> b = provider.keyFor(dir.filePath(QStringLiteral("x/../records.db")));
        const Result<QByteArray> ka = awaitResult(a, 5000);
        const Result<QByteArray> kb = awaitResult(b, 5000);
        QVERIFY(ka.ok());
        QVERIFY(kb.ok());
        QCOMPARE(ka.value(), kb.value());
        QCOMPARE(store.writeCount(), 1);
        QCOMPARE(store.value(DatabaseKeyProvider::entryNameFor(dbPath)), ka.value());
        // Once answered, a new request asks the keychain again (and finds the same key).
        const Result<QByteArray> kc = awaitResult(provider.keyFor(dbPath), 5000);
        QVERIFY(kc.ok());
        QCOMPARE(kc.value(), ka.value());
        QCOMPARE(store.writeCount(), 1);
    }

    void separateDatabasesGetSeparateRandomKeys()
    {
        QTemporaryDir dir;
        InMemoryKeyStore store;
        DatabaseKeyProvider provider(&store);
        QSet<QByteArray> keys;
        for (int i = 0; i < 8; ++i) {
            const auto key = awaitResult(provider.keyFor(dir.filePath(QStringLiteral("db%1.db").arg(i))), 5000);
            QVERIFY(key.ok());
            keys.insert(key.value());
        }
        QCOMPARE(keys.size(), 8);
        QCOMPARE(store.size(), 8);
    }

    void entryNameNormalisesThePath()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("records.db"));
        const QString b = dir.filePath(QStringLiteral("sub/../records.db"));
        QCOMPARE(DatabaseKeyProvider::entryNameFor(a), DatabaseKeyProvider::entryNameFor(b));
        QVERIFY(DatabaseKeyProvider::entryNameFor(a) != DatabaseKeyProvider::entryNameFor(dir.filePath(QStringLiteral("other.db"))));
        QVERIFY(DatabaseKeyProvider::entryNameFor(a).startsWith(QStringLiteral("database-key-")));
        // The entry name does not reveal the user's directories.
        QVERIFY(!DatabaseKeyProvider::entryNameFor(a).contains(QStringLiteral("records")));
    }

    void forgetThenExistingDatabaseIsKeyMissing()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("records.db"));
        InMemoryKeyStore store;
        DatabaseKeyProvider provider(&store);
        QVERIFY(awaitResult(provider.keyFor(dbPath), 5000).ok());
        QFile f(dbPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("encrypted");
        f.close();
        const Result<void> forgotten = awaitResult(provider.forget(dbPath), 5000);
        QVERIFY(forgotten.ok());
        QCOMPARE(store.size(), 0);
        const auto key = awaitResult(provider.keyFor(dbPath), 5000);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::KeyMissing);
        QCOMPARE(provider.state(), DatabaseKeyProvider::KeyState::KeyMissing);
    }

    void stateForErrors_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<DatabaseKeyProvider::KeyState>("state");
        using S = DatabaseKeyProvider::KeyState;
        QTest::addRow("missing") << ErrorCode::KeyMissing << S::KeyMissing;
        QTest::addRow("unavailable") << ErrorCode::KeychainUnavailable << S::KeychainUnavailable;
        QTest::addRow("wrong key") << ErrorCode::WrongKey << S::KeyInvalid;
        QTest::addRow("internal") << ErrorCode::Internal << S::Failed;
    }

    void stateForErrors()
    {
        QFETCH(ErrorCode, code);
        QFETCH(DatabaseKeyProvider::KeyState, state);
        QCOMPARE(DatabaseKeyProvider::stateFor(Error(code, QStringLiteral("x"))), state);
    }

    void inMemoryStoreRefusesEmptySecret()
    {
        InMemoryKeyStore store;
        const Result<void> r = awaitResult(store.write(QStringLiteral("x"), QByteArray()), 5000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(store.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstKeyProvider)
#include "tst_keyprovider.moc"
