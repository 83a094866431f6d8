// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "storecheck.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using namespace Qt::StringLiterals;

/** A full disk (a child process under a small RLIMIT_FSIZE) saves until a save fails: the failure
 *  is a clean StorageError, the draft and the outbox are kept, and the store reopens sound with
 *  every acknowledged save whole. Once there is room again, the same save succeeds. */
class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_writer = QCoreApplication::applicationDirPath() + u"/reliability_fulldisk_writer"_s;
        QVERIFY2(QFile::exists(m_writer), qPrintable(m_writer));
    }

    void saveUntilFull_data()
    {
        QTest::addColumn<qint64>("limit");
        // Small enough that the WAL fills; large enough that checkpoints copy into the main file.
        QTest::addRow("320 KiB") << qint64(320) * 1024;
        QTest::addRow("1 MiB") << qint64(1024) * 1024;
        QTest::addRow("5 MiB") << qint64(5) * 1024 * 1024;
    }

    void saveUntilFull()
    {
        QFETCH(qint64, limit);
        QElapsedTimer clock;
        clock.start();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"full.db"_s);

        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(m_writer, {path, QString::number(limit), u"3000"_s});
        QVERIFY(writer.waitForStarted(10000));
        QVERIFY2(writer.waitForFinished(100000), "the writer finishes within 100 s");
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer.exitCode(), 0);

        QList<qint64> acked;
        qint64 failedAt = -1;
        bool draftFailed = false;
        QString failure;
        for (const QByteArray &raw : writer.readAllStandardOutput().split('\n')) {
            const QString line = QString::fromUtf8(raw);
            const QStringList f = line.split(QLatin1Char(' '));
            if (f.value(0) == u"ACK"_s) {
                acked << f.value(1).toLongLong();
            } else if (f.value(0) == u"FAIL"_s) {
                failedAt = f.value(1).toLongLong();
                failure = line;
                QCOMPARE(f.value(2), u"storage_error"_s);
                QCOMPARE(f.value(3), u"1"_s); // the draft is still there in the same session
                const QString message = f.mid(4).join(QLatin1Char(' '));
                QVERIFY(!message.trimmed().isEmpty());
                QVERIFY2(!message.contains(u"CANARY"_s), "an error message never carries record content");
            } else if (f.value(0) == u"DRAFTFAIL"_s) {
                failedAt = f.value(1).toLongLong();
                draftFailed = true;
                failure = line;
                QCOMPARE(f.value(2), u"storage_error"_s);
            } else if (f.value(0) == u"INTEGRITY"_s) {
                QCOMPARE(f.mid(1).join(QLatin1Char(' ')), u"ok"_s);
            }
        }
        QVERIFY2(failedAt >= 0, "the disk filled before 3000 saves");
        QVERIFY2(!acked.isEmpty(), "some saves fit before the disk filled");

        // Room again: the store opens sound with every acknowledged save whole and nothing half-saved.
        Result<std::unique_ptr<Database>> reopened = Database::open(path, storesamples::testKey());
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        Database &db = *reopened.value();
        db.setActor(u"worker-1"_s);
        reliability::Snapshot s = reliability::snapshot(db);
        const QStringList broken = reliability::problems(s);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u"; "_s)));
        QCOMPARE(s.records.size(), acked.size());
        for (qint64 n : acked) {
            const QJsonObject v = reliability::visitNumber(n);
            QVERIFY2(s.records.value(v.value(u"id"_s).toString()) == v, qPrintable(u"visit %1 not whole"_s.arg(n)));
        }
        Result<int> unsynced = Outbox(db).unsyncedCount();
        QVERIFY(unsynced);
        QCOMPARE(unsynced.value(), int(acked.size())); // the outbox kept every queued change
        const QSet<QString> drafts(s.drafts.cbegin(), s.drafts.cend());
        if (draftFailed)
            QVERIFY(drafts.isEmpty());
        else
            QCOMPARE(drafts, QSet<QString>{reliability::draftKeyFor(failedAt)});

        // The person presses save again once space is freed.
        if (!draftFailed) {
            Result<StoredRecord> r = RecordRepository(db).save(reliability::visitNumber(failedAt), reliability::draftKeyFor(failedAt));
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            reliability::Snapshot after = reliability::snapshot(db);
            QVERIFY(reliability::problems(after).isEmpty());
            QVERIFY(after.drafts.isEmpty());
        }
        qInfo("limit %lld bytes: %lld saves acknowledged, then \"%s\"; store reopened sound; %lld ms",
              limit, qint64(acked.size()), qPrintable(failure.left(160)), clock.elapsed());
    }

private:
    QString m_writer;
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
