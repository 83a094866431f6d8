// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "faultvfs.h"
#include "storecheck.h"

#include <QElapsedTimer>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace doorstep;
using doorstep::testing::FaultVfs;
using namespace Qt::StringLiterals;

/** An I/O error or a full disk at the Nth write or sync, for every N across a run of saves: the
 *  failed save says "not saved" (StorageError), nothing is half-written, the draft is kept, the
 *  store reopens sound, and the save succeeds once the disk is healthy again. */
class TestIoErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        FaultVfs::instance(); // registered as the default VFS before any store opens
    }

    void faultAtEveryOperation_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("persistent");
        QTest::addColumn<int>("maxN");
        QTest::addRow("write: I/O error") << int(FaultVfs::Op::Write) << SQLITE_IOERR_WRITE << false << 70;
        QTest::addRow("write: disk full") << int(FaultVfs::Op::Write) << SQLITE_FULL << false << 70;
        QTest::addRow("sync: I/O error") << int(FaultVfs::Op::Sync) << SQLITE_IOERR_FSYNC << false << 12;
        QTest::addRow("write: disk dead from then on") << int(FaultVfs::Op::Write) << SQLITE_IOERR_WRITE << true << 60;
        QTest::addRow("sync: disk dead from then on") << int(FaultVfs::Op::Sync) << SQLITE_IOERR_FSYNC << true << 12;
    }

    void faultAtEveryOperation()
    {
        QFETCH(int, op);
        QFETCH(int, code);
        QFETCH(bool, persistent);
        QFETCH(int, maxN);
        FaultVfs &vfs = FaultVfs::instance();
        QElapsedTimer clock;
        clock.start();
        int runs = 0, saves = 0, failedSaves = 0, failedDrafts = 0, failedCheckpoints = 0;
        const qint64 opsBefore = vfs.operations();
        const qint64 faultsBefore = vfs.faultsInjected();

        for (int n = 1; n <= maxN && clock.elapsed() < 12000; ++n) {
            ++runs;
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(u"io.db"_s);
            vfs.reset();
            QHash<QString, QJsonObject> acked;
            QList<qint64> notSaved; // saves told "not saved": their drafts must be kept
            {
                Result<std::unique_ptr<Database>> opened = Database::open(path, storesamples::testKey());
                QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
                Database &db = *opened.value();
                db.setActor(u"worker-1"_s);
                RecordRepository repo(db);
                DraftStore drafts(db);
                for (qint64 i = 0; i < 3; ++i) { // already on the device before the fault
                    const QJsonObject v = reliability::visitNumber(i);
                    QVERIFY(repo.save(v));
                    acked.insert(v.value(u"id"_s).toString(), v);
                }

                vfs.failAt(FaultVfs::Op(op), n, code, persistent);
                for (qint64 i = 3; i < 18; ++i) {
                    // Every third action edits an earlier record: a failed edit must leave the old version whole.
                    const bool edit = i % 3 == 0;
                    const qint64 subject = edit ? i - 1 : i;
                    const QJsonObject v = edit ? reliability::edited(reliability::visitNumber(subject), int(i))
                                               : reliability::visitNumber(subject);
                    const QString id = v.value(u"id"_s).toString();
                    const QString key = reliability::draftKeyFor(i);
                    if (Result<void> d = drafts.put(key, QString::fromUtf8(wire::encode(v))); !d) {
                        QCOMPARE(d.error().code, ErrorCode::StorageError);
                        ++failedDrafts;
                        continue;
                    }
                    ++saves;
                    Result<StoredRecord> r = repo.save(v, key);
                    if (r) {
                        acked.insert(id, v);
                        Result<std::optional<QString>> left = drafts.get(key);
                        QVERIFY(left);
                        QVERIFY2(!left.value().has_value(), "a saved record's draft is removed");
                    } else {
                        ++failedSaves;
                        notSaved << i;
                        const Error &e = r.error();
                        QVERIFY2(e.code == ErrorCode::StorageError,
                                 qPrintable(u"expected StorageError, got %1: %2"_s.arg(errorCodeName(e.code), e.message)));
                        QVERIFY2(e.message.startsWith(u"Not saved:"_s), qPrintable(e.message)); // words a worker understands
                        QVERIFY2(!e.message.contains(u"CANARY"_s), "an error message never carries record content");
                        // Still in the same session: the draft is there and the record is as it was.
                        Result<std::optional<QString>> kept = drafts.get(key);
                        QVERIFY2(kept && kept.value().has_value(), "the draft of a failed save is kept");
                        Result<StoredRecord> now = repo.byId(id);
                        if (acked.contains(id)) {
                            QVERIFY(now);
                            QCOMPARE(now.value().body, acked.value(id));
                        } else {
                            QVERIFY(!now && now.error().code == ErrorCode::NotFound);
                        }
                    }
                    if (i % 4 == 0) { // checkpoints are where WAL mode syncs and writes the main file
                        if (Result<void> c = db.checkpoint(); !c) {
                            QCOMPARE(c.error().code, ErrorCode::StorageError);
                            ++failedCheckpoints;
                        }
                    }
                }
                vfs.clearFault();
            } // closed with a healthy disk

            Result<std::unique_ptr<Database>> reopened = Database::open(path, storesamples::testKey());
            QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
            Database &db = *reopened.value();
            db.setActor(u"worker-1"_s);
            reliability::Snapshot s = reliability::snapshot(db);
            const QStringList broken = reliability::problems(s);
            QVERIFY2(broken.isEmpty(), qPrintable(u"N=%1: %2"_s.arg(n).arg(broken.join(u"; "_s))));
            QCOMPARE(s.records.size(), acked.size());
            for (auto it = acked.cbegin(); it != acked.cend(); ++it)
                QVERIFY2(s.records.value(it.key()) == it.value(), qPrintable(u"N=%1: record %2 not whole"_s.arg(n).arg(it.key())));
            QSet<QString> expectedDrafts;
            for (qint64 i : notSaved)
                expectedDrafts.insert(reliability::draftKeyFor(i));
            QCOMPARE(QSet<QString>(s.drafts.cbegin(), s.drafts.cend()), expectedDrafts);

            // The person presses save again on a healthy disk: it works and the draft goes.
            RecordRepository repo(db);
            for (qint64 i : notSaved) {
                const bool edit = i % 3 == 0;
                const QJsonObject v = edit ? reliability::edited(reliability::visitNumber(i - 1), int(i))
                                           : reliability::visitNumber(i);
                Result<StoredRecord> r = repo.save(v, reliability::draftKeyFor(i));
                QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            }
            reliability::Snapshot after = reliability::snapshot(db);
            const QStringList afterRetry = reliability::problems(after);
            QVERIFY2(afterRetry.isEmpty(), qPrintable(u"N=%1 after retrying: %2"_s.arg(n).arg(afterRetry.join(u"; "_s))));
            QVERIFY(after.drafts.isEmpty());
        }
        const qint64 faults = vfs.faultsInjected() - faultsBefore;
        qInfo("%s: %d runs, %d saves, %lld store I/O operations, %lld faults injected; "
              "%d saves told 'not saved', %d draft autosaves failed, %d checkpoints failed; %lld ms",
              QTest::currentDataTag(), runs, saves, vfs.operations() - opsBefore, faults, failedSaves,
              failedDrafts, failedCheckpoints, clock.elapsed());
        QVERIFY2(faults > 0, "the fault must actually fire");
        QVERIFY(failedSaves + failedDrafts + failedCheckpoints > 0);
    }
};

QTEST_GUILESS_MAIN(TestIoErrors)
#include "tst_ioerrors.moc"
