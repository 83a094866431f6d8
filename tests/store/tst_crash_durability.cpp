// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/auditlog.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/wire.h"
#include "storesamples.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace doorstep;
using namespace Qt::StringLiterals;

/** A writer process SIGKILLed at random moments never leaves a damaged store or loses an
 *  acknowledged save (WAL + synchronous=FULL is durable against process death and power loss). */
class TestCrashDurability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_writer = QCoreApplication::applicationDirPath() + u"/store_crash_writer"_s;
        QVERIFY2(QFile::exists(m_writer), qPrintable(m_writer));
    }

    void killedWriterLosesNothing()
    {
        const QString path = m_dir.filePath(u"crash.db"_s);
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        const QByteArray keyHex = storesamples::testKey().toHex();

        QHash<QString, QJsonObject> acked;   // id -> last acknowledged content
        constexpr int kMinIterations = 200; // then more while time allows, up to 400
        QElapsedTimer clock;
        clock.start();
        int iterations = 0;
        int killedMidWrite = 0;
        qint64 totalAcks = 0;
        while (iterations < 400 && (iterations < kMinIterations || clock.elapsed() < 30000)) {
            ++iterations;
            QProcess writer;
            writer.setProgram(m_writer);
            writer.setArguments({path, QString::number(iterations)});
            writer.start();
            QVERIFY(writer.waitForStarted(10000));
            writer.write(keyHex + '\n');
            writer.closeWriteChannel();
            // Most kills land while saves run (after the writer reports the store open); one in
            // eight, and the very first, lands anywhere from start-up through creation and migration.
            const bool duringOpen = iterations == 1 || random.bounded(8) == 0;
            if (duringOpen) {
                QThread::msleep(ulong(random.bounded(1, 60)));
            } else {
                QElapsedTimer wait;
                wait.start();
                while (!writer.canReadLine() && wait.elapsed() < 10000)
                    writer.waitForReadyRead(100);
                QVERIFY2(writer.canReadLine(), "the writer opened the store");
                QThread::msleep(ulong(random.bounded(1, 60)));
            }
            writer.kill(); // SIGKILL: no destructor, no checkpoint, no flush
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            // Only complete lines count: a line cut by the kill was never acknowledged.
            QByteArray out = writer.readAllStandardOutput();
            const int lastNewline = int(out.lastIndexOf('\n'));
            out = lastNewline >= 0 ? out.left(lastNewline) : QByteArray();
            QJsonObject tried;
            QJsonObject inFlight;
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith("TRY ")) {
                    tried = wire::parseObject(line.mid(4)).value();
                    inFlight = tried;
                } else if (line.startsWith("ACK ")) {
                    const QString id = QString::fromUtf8(line.mid(4));
                    QCOMPARE(tried.value(u"id").toString(), id);
                    acked.insert(id, tried);
                    inFlight = QJsonObject();
                    ++totalAcks;
                }
            }
            if (!inFlight.isEmpty())
                ++killedMidWrite;

            // The store opens, is sound, and holds every acknowledged record whole.
            QByteArray key = storesamples::testKey();
            Result<std::unique_ptr<Database>> opened = Database::open(path, key);
            if (!opened.ok() && acked.isEmpty() && iterations == 1)
                continue; // killed before the file had a header: nothing was promised yet
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
            Database &db = *opened.value();
            QCOMPARE(db.integrityCheck().value(), u"ok"_s);
            QCOMPARE(db.userVersion().value(), Database::latestVersion());
            QHash<QString, QJsonObject> stored;
            Statement all = db.prepare("SELECT id, body FROM records");
            for (int guard = 0; guard < 10000000; ++guard) {
                Result<bool> row = all.step();
                QVERIFY(row.ok());
                if (!row.value())
                    break;
                Result<QJsonObject> body = wire::decodeRecord(all.bytes(1));
                QVERIFY2(body.ok(), "every stored record is valid JSON and a valid record");
                stored.insert(all.text(0), body.value());
            }
            for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
                QVERIFY2(stored.contains(it.key()), qPrintable(u"acknowledged record lost: "_s + it.key()));
                const QJsonObject &have = stored.value(it.key());
                const bool same = have == it.value()
                    || (inFlight.value(u"id").toString() == it.key() && have == inFlight);
                QVERIFY2(same, qPrintable(u"acknowledged record changed: "_s + it.key()));
            }
            // An in-flight save committed or not, but whole; afterwards it counts as acknowledged.
            if (!inFlight.isEmpty() && stored.contains(inFlight.value(u"id").toString())) {
                const QJsonObject have = stored.value(inFlight.value(u"id").toString());
                QVERIFY(have == inFlight || have == acked.value(inFlight.value(u"id").toString()));
                acked.insert(inFlight.value(u"id").toString(), have);
            }
            Result<AuditCheck> chain = AuditLog(db).verifyChain();
            QVERIFY(chain.ok());
            QVERIFY2(chain->intact, qPrintable(chain->problem));
            // Each save queued its mutation in the same transaction: every stored record (none was
            // ever synced) has one waiting.
            Outbox outbox(db);
            for (auto it = stored.cbegin(); it != stored.cend(); ++it)
                QVERIFY2(outbox.hasUnsynced(it.key()).value(), qPrintable(u"a stored record without its mutation: "_s + it.key()));
        }
        qInfo("%d kills, %d mid-write, %lld acknowledged saves, %lld distinct records, %lld ms", iterations,
              killedMidWrite, totalAcks, qint64(acked.size()), clock.elapsed());
        QVERIFY2(totalAcks >= iterations, "the writer made progress between kills");
        QVERIFY2(killedMidWrite > iterations / 4, "kills landed while saves were in flight");
    }

private:
    QTemporaryDir m_dir;
    QString m_writer;
};

QTEST_GUILESS_MAIN(TestCrashDurability)
#include "tst_crash_durability.moc"
