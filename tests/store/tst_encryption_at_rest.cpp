// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/recordrepository.h"
#include "storesamples.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace doorstep;
using namespace Qt::StringLiterals;

namespace {

// Distinctive words that appear nowhere else: in a name, in narrative text, in a draft.
const QString kCanaryName = u"Qzvandercanary"_s;
const QString kCanaryText = u"Xylocanarywhisper"_s;
const QString kCanaryDraft = u"Draftcanaryplume"_s;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** Everything a reader of the raw bytes must not find. */
QStringList leaksIn(const QByteArray &bytes)
{
    QStringList leaks;
    if (bytes.contains("SQLite format 3"))
        leaks << u"SQLite header"_s;
    for (const QString &canary : {kCanaryName, kCanaryText, kCanaryDraft}) {
        // FTS5 stores tokens lower-cased, so look for both spellings.
        if (bytes.contains(canary.toUtf8()) || bytes.contains(canary.toLower().toUtf8()))
            leaks << canary;
    }
    if (bytes.contains(storesamples::testKey()) || bytes.contains(storesamples::testKey().toHex()))
        leaks << u"key"_s;
    return leaks;
}

int fileMode(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

} // namespace

/** No record content and no SQLite header in any file the store writes, open or closed. */
class TestEncryptionAtRest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"rest.db"_s);
        Result<std::unique_ptr<Database>> db = Database::open(m_path, storesamples::testKey());
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        RecordRepository repo(*m_db);
        const QString childId = storesamples::uuidFor(1, 1);
        QVERIFY(repo.save(storesamples::child(childId, kCanaryName, u"Hassan"_s)).ok());
        for (int i = 0; i < 200; ++i)
            QVERIFY(repo.save(storesamples::visit(storesamples::uuidFor(2, i), childId, i, kCanaryText)).ok());
        QVERIFY(DraftStore(*m_db).put(u"visit-form"_s, kCanaryDraft).ok());
        // The canaries really are stored and findable (so their absence below means encryption).
        QCOMPARE(repo.search(kCanaryText).value().size(), 50);
        QCOMPARE(repo.search(kCanaryName).value().size(), 1);
    }

    void filesWhileOpen_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addRow("db") << QString();
        QTest::addRow("wal") << u"-wal"_s;
        QTest::addRow("shm") << u"-shm"_s;
    }
    void filesWhileOpen()
    {
        QFETCH(QString, suffix);
        const QByteArray bytes = readAll(m_path + suffix);
        QVERIFY2(!bytes.isEmpty(), "the file exists and holds data while the store is open");
        QCOMPARE(leaksIn(bytes), QStringList());
        QCOMPARE(fileMode(m_path + suffix), 0600);
    }

    void encryptedBackupHasNoPlainContent()
    {
        const QString backup = m_dir.filePath(u"rescue.db"_s);
        QByteArray backupKey = storesamples::testKey('b');
        QVERIFY(m_db->exportEncryptedBackup(backup, backupKey).ok());
        QCOMPARE(backupKey, QByteArray(32, '\0'));
        QCOMPARE(fileMode(backup), 0600);
        const QByteArray bytes = readAll(backup);
        QVERIFY(bytes.size() > 100000);
        QCOMPARE(leaksIn(bytes), QStringList());
        QVERIFY(!bytes.contains(storesamples::testKey('b').toHex()));

        // The copy is only readable with its own key, and then it is complete.
        Result<std::unique_ptr<Database>> wrong = Database::open(backup, storesamples::testKey());
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongKey);
        Result<std::unique_ptr<Database>> copy = Database::open(backup, storesamples::testKey('b'));
        QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().message));
        QCOMPARE(copy.value()->userVersion().value(), Database::latestVersion());
        RecordRepository repo(*copy.value());
        QCOMPARE(repo.count().value(), 201);
        QCOMPARE(repo.search(kCanaryName).value().size(), 1);
        QCOMPARE(DraftStore(*copy.value()).get(u"visit-form"_s).value().value(), kCanaryDraft);

        // An existing file is never overwritten.
        QByteArray again = storesamples::testKey('b');
        QCOMPARE(m_db->exportEncryptedBackup(backup, again).error().code, ErrorCode::Conflict);
    }

    // The rescue copy a person makes before signing out with changes unsent: under their
    // passphrase (SQLCipher's KDF, the salt in the file), complete, and opened by the passphrase alone.
    void rescueCopyUnderAPassphrase()
    {
        const QString copyPath = m_dir.filePath(u"rescue-passphrase.db"_s);
        const QByteArray phrase = QByteArrayLiteral("correct horse battery staple");
        QByteArray tooShort = QByteArrayLiteral("short");
        QCOMPARE(m_db->exportRescueCopy(copyPath, tooShort).error().code, ErrorCode::InvalidInput);
        QCOMPARE(tooShort, QByteArray(5, '\0'));
        QVERIFY(!QFile::exists(copyPath));

        QByteArray given = phrase;
        given.detach();
        Result<void> exported = m_db->exportRescueCopy(copyPath, given);
        QVERIFY2(exported.ok(), qPrintable(exported.ok() ? QString() : exported.error().message));
        QCOMPARE(given, QByteArray(phrase.size(), '\0'));
        QCOMPARE(fileMode(copyPath), 0600);
        const QByteArray bytes = readAll(copyPath);
        QCOMPARE(leaksIn(bytes), QStringList());
        QVERIFY(!bytes.contains(phrase));

        QByteArray wrongPhrase = QByteArrayLiteral("incorrect horse battery staple");
        auto wrong = Database::openRescueCopy(copyPath, wrongPhrase);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongKey);
        QCOMPARE(wrongPhrase, QByteArray(wrongPhrase.size(), '\0'));
        QByteArray rightPhrase = phrase;
        rightPhrase.detach();
        auto copy = Database::openRescueCopy(copyPath, rightPhrase);
        QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().message));
        QCOMPARE(rightPhrase, QByteArray(phrase.size(), '\0'));
        QCOMPARE(copy.value()->userVersion().value(), Database::latestVersion());
        RecordRepository repo(*copy.value());
        QCOMPARE(repo.count().value(), 201);
        QCOMPARE(repo.search(kCanaryName).value().size(), 1);
        QCOMPARE(DraftStore(*copy.value()).get(u"visit-form"_s).value().value(), kCanaryDraft);
        // Opened read-only: a rescue copy is evidence, and nothing changes it.
        QVERIFY(!copy.value()->exec("CREATE TABLE scratch (x)").ok());
        // And under a raw key it does not open: the passphrase is the only way in.
        auto raw = Database::open(copyPath, storesamples::testKey());
        QVERIFY(!raw.ok());
    }

    void filesAfterClose()
    {
        m_db.reset();
        QVERIFY(!QFile::exists(m_path + u"-wal"_s)); // checkpointed into the main file on close
        const QByteArray bytes = readAll(m_path);
        QVERIFY(bytes.size() > 100000);
        QCOMPARE(leaksIn(bytes), QStringList());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestEncryptionAtRest)
#include "tst_encryption_at_rest.moc"
