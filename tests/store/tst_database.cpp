// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/auditlog.h"
#include "core/store/conflictstore.h"
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/migrations.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "storesamples.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace doorstep;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

int fileMode(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

std::unique_ptr<Database> openOrFail(const QString &path, QByteArray key, Database::OpenOptions options = {})
{
    Result<std::unique_ptr<Database>> db = Database::open(path, key, options);
    if (!db) {
        qWarning() << "open failed:" << db.error().message;
        return nullptr;
    }
    return std::move(db).value();
}

} // namespace

/** Opening the encrypted store: cipher, key, permissions, pragmas, migrations. */
class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void cipherVersionIsExactly455()
    {
        auto db = openOrFail(path(u"cipher"), storesamples::testKey());
        QVERIFY(db);
        Result<QString> v = db->cipherVersion();
        QVERIFY(v);
        QCOMPARE(v.value().section(QLatin1Char(' '), 0, 0), QStringLiteral("4.5.5"));
        QVERIFY(Database::isSupportedCipherVersion(v.value()));
        QVERIFY(db->isEncrypted());
    }

    void cipherVersionCheck_data()
    {
        QTest::addColumn<QString>("reported");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("community") << QStringLiteral("4.5.5 community") << true;
        QTest::addRow("bare") << QStringLiteral("4.5.5") << true;
        QTest::addRow("plain sqlite answers nothing") << QString() << false;
        QTest::addRow("older") << QStringLiteral("4.5.4 community") << false;
        QTest::addRow("newer") << QStringLiteral("4.6.0 community") << false;
        QTest::addRow("prefix trick") << QStringLiteral("4.5.50 community") << false;
        QTest::addRow("sqlcipher 3") << QStringLiteral("3.4.1") << false;
    }
    void cipherVersionCheck()
    {
        QFETCH(QString, reported);
        QFETCH(bool, accepted);
        QCOMPARE(Database::isSupportedCipherVersion(reported), accepted);
    }

    void pragmasAfterOpen()
    {
        auto db = openOrFail(path(u"pragmas"), storesamples::testKey());
        QVERIFY(db);
        QCOMPARE(db->queryText("PRAGMA journal_mode").value(), QStringLiteral("wal"));
        QCOMPARE(db->queryText("PRAGMA synchronous").value(), QStringLiteral("2")); // FULL: durable against power loss
        QCOMPARE(db->queryText("PRAGMA foreign_keys").value(), QStringLiteral("1"));
        QVERIFY(db->queryText("PRAGMA busy_timeout").value().toInt() > 0);
        QCOMPARE(db->userVersion().value(), Database::latestVersion());
        QVERIFY(Database::latestVersion() >= 3);
        QCOMPARE(db->integrityCheck().value(), QStringLiteral("ok"));
    }

    void filesAreMode0600()
    {
        // Even under a permissive umask the database and its WAL/SHM are private to the user.
        const mode_t old = ::umask(022);
        const QString p = path(u"perms");
        auto db = openOrFail(p, storesamples::testKey());
        ::umask(old);
        QVERIFY(db);
        RecordRepository repo(*db);
        QVERIFY(repo.save(storesamples::childNumber(1)).ok());
        QVERIFY(QFile::exists(p + u"-wal"_s));
        QVERIFY(QFile::exists(p + u"-shm"_s));
        QCOMPARE(fileMode(p), 0600);
        QCOMPARE(fileMode(p + u"-wal"_s), 0600);
        QCOMPARE(fileMode(p + u"-shm"_s), 0600);

        // An existing file with loose permissions is tightened on open.
        db.reset();
        QVERIFY(::chmod(QFile::encodeName(p).constData(), 0644) == 0);
        db = openOrFail(p, storesamples::testKey());
        QVERIFY(db);
        QCOMPARE(fileMode(p), 0600);
    }

    void wrongKeyFailsCleanly_data()
    {
        QTest::addColumn<bool>("leaveWal");
        QTest::addRow("closed cleanly") << false;
        QTest::addRow("WAL left by a crash") << true;
    }
    void wrongKeyFailsCleanly()
    {
        QFETCH(bool, leaveWal);
        const QString p = path(leaveWal ? u"wrongkey-wal" : u"wrongkey");
        {
            auto db = openOrFail(p, storesamples::testKey());
            QVERIFY(db);
            QVERIFY(RecordRepository(*db).save(storesamples::childNumber(7)).ok());
            if (leaveWal) {
                // Copy the files while the connection is open: what a killed process leaves behind.
                QVERIFY(QFile::copy(p, p + u".crash"_s));
                QVERIFY(QFile::copy(p + u"-wal"_s, p + u".crash-wal"_s));
            }
        }
        const QString target = leaveWal ? p + u".crash"_s : p;
        QCOMPARE(QFile::exists(target + u"-wal"_s), leaveWal);
        const QByteArray before = fileHash(target);
        const QByteArray walBefore = fileHash(target + u"-wal"_s);
        QVERIFY(!before.isEmpty());

        QByteArray wrong = storesamples::testKey('w');
        Result<std::unique_ptr<Database>> bad = Database::open(target, wrong);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::WrongKey);
        QCOMPARE(wrong, QByteArray(32, '\0')); // wiped even on failure
        QCOMPARE(fileHash(target), before);
        QCOMPARE(fileHash(target + u"-wal"_s), walBefore);

        // The right key still opens it and the record is there (from the WAL in the crash case).
        auto good = openOrFail(target, storesamples::testKey());
        QVERIFY(good);
        QVERIFY(RecordRepository(*good).byId(storesamples::uuidFor(1, 7)).ok());
    }

    void plainSqliteFileIsNotOpenedWithAKey()
    {
        const QString p = path(u"plain");
        {
            Result<std::unique_ptr<Database>> plain = Database::openUnencryptedForBenchmark(p);
            QVERIFY(plain.ok());
            QVERIFY(!plain.value()->isEncrypted());
        }
        const QByteArray before = fileHash(p);
        Result<std::unique_ptr<Database>> db = Database::open(p, storesamples::testKey());
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::WrongKey);
        QCOMPARE(fileHash(p), before);
    }

    void keyBufferIsWiped_data()
    {
        QTest::addColumn<int>("size");
        QTest::addRow("valid key") << 32;
        QTest::addRow("short key refused") << 16;
    }
    void keyBufferIsWiped()
    {
        QFETCH(int, size);
        QByteArray key = storesamples::testKey().left(size);
        const QByteArray untouchedCopy = storesamples::testKey().left(size);
        QByteArray sharedCopy = key; // implicitly shared: wiping must not reach other owners' buffers...
        Result<std::unique_ptr<Database>> db = Database::open(path(u"wipe"), key);
        QCOMPARE(db.ok(), size == 32);
        if (size != 32)
            QCOMPARE(db.error().code, ErrorCode::InvalidInput);
        QCOMPARE(key, QByteArray(size, '\0'));
        QCOMPARE(sharedCopy, untouchedCopy); // ...which stay their owners' to wipe
        Database::wipe(sharedCopy);
        QCOMPARE(sharedCopy, QByteArray(size, '\0'));
    }

    void newerSchemaIsRefused()
    {
        const QString p = path(u"newer");
        {
            auto db = openOrFail(p, storesamples::testKey());
            QVERIFY(db);
            QVERIFY(db->exec("PRAGMA user_version = 999").ok());
        }
        Result<std::unique_ptr<Database>> db = Database::open(p, storesamples::testKey());
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::StorageError);
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Database::latestVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }
    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString p = path(QStringLiteral("migrate-%1").arg(from));
        const QJsonObject child = storesamples::child(storesamples::uuidFor(1, 42), u"Zofia"_s, u"Nowak"_s);
        const QJsonObject visit = storesamples::visit(storesamples::uuidFor(2, 42), storesamples::uuidFor(1, 42), 42,
                                                      u"marmalade"_s);
        {
            // Build the database exactly as a release with schema `from` left it, writing rows
            // with plain SQL in that version's shape (the current repositories assume the latest).
            auto db = openOrFail(p, storesamples::testKey(), Database::OpenOptions{from});
            QVERIFY(db);
            QCOMPARE(db->userVersion().value(), from);
            for (const QJsonObject &rec : {child, visit}) {
                Statement ins = db->prepare("INSERT INTO records(id, type, body, state, event_at, updated_at) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01T00:00:00Z')");
                ins.bind(1, rec.value(u"id").toString()).bind(2, rec.value(u"type").toString());
                ins.bind(3, wire::encode(rec)).bind(4, rec.value(u"state").toString());
                ins.bind(5, wire::eventTimeOf(rec).toString(Qt::ISODate));
                QVERIFY(ins.exec().ok());
                for (const QString &c : wire::childIdsOf(rec)) {
                    Statement link = db->prepare("INSERT INTO record_children(child_id, record_id) VALUES (?1, ?2)");
                    link.bind(1, c).bind(2, rec.value(u"id").toString());
                    QVERIFY(link.exec().ok());
                }
                if (from >= 2) {
                    Statement names = db->prepare("INSERT INTO search_names(rowid, names) "
                                                  "SELECT rid, ?2 FROM records WHERE id = ?1 AND type = 'child'");
                    names.bind(1, rec.value(u"id").toString()).bind(2, u"Zofia Nowak"_s);
                    QVERIFY(names.exec().ok());
                    Statement text = db->prepare("INSERT INTO search_text(rowid, body) "
                                                 "SELECT rid, ?2 FROM records WHERE id = ?1");
                    text.bind(1, rec.value(u"id").toString()).bind(2, wire::searchTextOf(rec));
                    QVERIFY(text.exec().ok());
                }
            }
            Statement out = db->prepare("INSERT INTO outbox(mutation_id, record_id, type, base_rev, patch, created_at) "
                                        "VALUES ('m-1', ?1, 'visit', 0, ?2, '2026-01-01T00:00:00Z')");
            out.bind(1, visit.value(u"id").toString()).bind(2, wire::encode(visit));
            QVERIFY(out.exec().ok());
            QVERIFY(AuditLog(*db).append(u"record.created"_s, visit.value(u"id").toString()).ok());
            QVERIFY(DraftStore(*db).put(u"visit-form"_s, u"{\"rationale\": \"half wri"_s).ok());
        }

        auto db = openOrFail(p, storesamples::testKey());
        QVERIFY(db);
        QCOMPARE(db->userVersion().value(), Database::latestVersion());
        QCOMPARE(db->integrityCheck().value(), QStringLiteral("ok"));
        RecordRepository repo(*db);
        QCOMPARE(repo.byId(visit.value(u"id").toString()).value().body, visit);
        QCOMPARE(repo.byId(child.value(u"id").toString()).value().body, child);
        QCOMPARE(repo.caseload().value().size(), 1);
        QCOMPARE(repo.chronology(child.value(u"id").toString()).value().size(), 1);
        // Search works over rows written before the search index existed.
        QCOMPARE(repo.search(u"marmalade"_s).value().size(), 1);
        QCOMPARE(repo.search(u"zof"_s).value().value(0).id, child.value(u"id").toString());
        const QList<OutboxEntry> pending = Outbox(*db).pending().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().mutationId, QStringLiteral("m-1"));
        QVERIFY(AuditLog(*db).verifyChain().value().intact);
        QCOMPARE(DraftStore(*db).get(u"visit-form"_s).value().value(), u"{\"rationale\": \"half wri"_s);
        // The latest version's tables work.
        QVERIFY(SyncState(*db).setPullCursor(u"c-1"_s).ok());
        QCOMPARE(ConflictStore(*db).count().value(), 0);
        // And the app can keep writing.
        QVERIFY(repo.save(storesamples::visit(storesamples::uuidFor(2, 43), child.value(u"id").toString(), 43)).ok());
        QCOMPARE(repo.chronology(child.value(u"id").toString()).value().size(), 2);
    }

    void migrationStepsAreOrderedAndAtomic()
    {
        int last = 0;
        for (const Migration &m : migrations()) {
            QCOMPARE(m.version, last + 1);
            last = m.version;
        }
        QCOMPARE(last, Database::latestVersion());
    }

private:
    QString path(QStringView name) const { return m_dir.filePath(name.toString() + u".db"_s); }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
