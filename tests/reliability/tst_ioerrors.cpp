// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "faultvfs.h"
#include "storecheck.h"

#include <QElapsedTimer>
#include <limits>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace doorstep;
using doorstep::testing::FaultVfs;
using namespace Qt::StringLiterals;

/** An I/O error or a full disk at the Nth write or sync, for N spread over every write or sync a
 *  run of saves makes (each sync; writes at an even stride, the first and the last included): the
 *  failed save says "not saved" (StorageError), nothing is half-written, the draft is kept, the
 *  store reopens sound, and the save succeeds once the disk is healthy again. */
class TestIoErrors : public QObject
{
    Q_OBJECT

    struct Tally {
        int runs = 0, saves = 0, failedSaves = 0, failedDrafts = 0, failedCheckpoints = 0;
        qint64 opsAfterFaultPoint = 0; // writes or syncs (the faulted kind) from failAt() to the end of the saves
    };

    static qint64 opsOf(FaultVfs::Op op)
    {
        FaultVfs &vfs = FaultVfs::instance();
        return op == FaultVfs::Op::Sync ? vfs.syncs() : vfs.writes();
    }

    /** One run: three saves on a healthy disk, then the fault armed at the `n`th `op`, fifteen
     *  saves and edits with draft autosaves and checkpoints, then a reopen on a healthy disk. */
    void runWithFaultAt(FaultVfs::Op op, int code, bool persistent, qint64 n, Tally *t)
    {
        FaultVfs &vfs = FaultVfs::instance();
        ++t->runs;
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

            vfs.failAt(op, n, code, persistent);
            const qint64 opsAtFaultPoint = opsOf(op);
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
                    ++t->failedDrafts;
                    continue;
                }
                ++t->saves;
                Result<StoredRecord> r = repo.save(v, key);
                if (r) {
                    acked.insert(id, v);
                    Result<std::optional<QString>> left = drafts.get(key);
                    QVERIFY(left);
                    QVERIFY2(!left.value().has_value(), "a saved record's draft is removed");
                } else {
                    ++t->failedSaves;
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
                        ++t->failedCheckpoints;
                    }
                }
            }
            t->opsAfterFaultPoint = opsOf(op) - opsAtFaultPoint;
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
        QTest::addColumn<int>("maxRuns"); // fault points, spread evenly over the whole run
        QTest::addRow("write: I/O error") << int(FaultVfs::Op::Write) << SQLITE_IOERR_WRITE << false << 70;
        QTest::addRow("write: disk full") << int(FaultVfs::Op::Write) << SQLITE_FULL << false << 70;
        QTest::addRow("sync: I/O error") << int(FaultVfs::Op::Sync) << SQLITE_IOERR_FSYNC << false << 50;
        QTest::addRow("write: disk dead from then on") << int(FaultVfs::Op::Write) << SQLITE_IOERR_WRITE << true << 60;
        QTest::addRow("sync: disk dead from then on") << int(FaultVfs::Op::Sync) << SQLITE_IOERR_FSYNC << true << 50;
    }

    void faultAtEveryOperation()
    {
        QFETCH(int, op);
        QFETCH(int, code);
        QFETCH(bool, persistent);
        QFETCH(int, maxRuns);
        FaultVfs &vfs = FaultVfs::instance();
        const FaultVfs::Op kind = FaultVfs::Op(op);
        QElapsedTimer clock;
        clock.start();

        // A run with the fault never reached counts the writes or syncs there are to fault.
        Tally counting;
        const qint64 faultsBeforeCounting = vfs.faultsInjected();
        runWithFaultAt(kind, code, persistent, std::numeric_limits<qint64>::max(), &counting);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(vfs.faultsInjected(), faultsBeforeCounting);
        const qint64 total = counting.opsAfterFaultPoint;
        QVERIFY2(total > 0, "the saves write and sync");
        QList<qint64> points;
        const qint64 stride = std::max<qint64>(1, (total + maxRuns - 2) / (maxRuns - 1));
        for (qint64 n = 1; n < total; n += stride)
            points << n;
        points << total; // the very last one too

        Tally t;
        const qint64 opsBefore = vfs.operations();
        const qint64 faultsBefore = vfs.faultsInjected();
        for (qint64 n : points) {
            if (clock.elapsed() > 120000) // a safety bound, far above a normal run: reported below
                break;
            const qint64 faultsBeforeRun = vfs.faultsInjected();
            runWithFaultAt(kind, code, persistent, n, &t);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(vfs.faultsInjected() > faultsBeforeRun, qPrintable(u"N=%1: the fault must actually fire"_s.arg(n)));
        }
        qInfo("%s: %lld %s to fault, %d runs (every %lld), %d saves, %lld store I/O operations, %lld faults injected; "
              "%d saves told 'not saved', %d draft autosaves failed, %d checkpoints failed; %lld ms",
              QTest::currentDataTag(), total, kind == FaultVfs::Op::Sync ? "syncs" : "writes", t.runs, stride, t.saves,
              vfs.operations() - opsBefore, vfs.faultsInjected() - faultsBefore, t.failedSaves, t.failedDrafts,
              t.failedCheckpoints, clock.elapsed());
        QCOMPARE(t.runs, int(points.size())); // every fault point, up to the last write or sync
        QVERIFY(t.failedSaves + t.failedDrafts + t.failedCheckpoints > 0);
    }
};

QTEST_GUILESS_MAIN(TestIoErrors)
#include "tst_ioerrors.moc"
