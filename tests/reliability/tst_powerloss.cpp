// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/recordrepository.h"
#include "faultvfs.h"
#include "storecheck.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using doorstep::testing::FaultVfs;
using namespace Qt::StringLiterals;

/** Power is cut at a random write or sync while a person saves visits; every write since each
 *  file's last fsync is then kept, dropped or torn. The store must reopen sound, hold exactly the
 *  saves of some prefix of the session (whole, never half), lose nothing that was acknowledged
 *  before the last WAL sync, and keep the draft of a save that did not make it. */
class TestPowerLoss : public QObject
{
    Q_OBJECT

    struct Step {
        QString id;
        QJsonObject body;
        QString key;
        qint64 putOp = -1;    // WAL write op of the draft autosave (-1: it failed)
        qint64 ackOp = -1;    // WAL write op of the save's commit (-1: not acknowledged)
        bool attempted = false;
    };

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        FaultVfs::instance();
    }

    void powerCut_data()
    {
        QTest::addColumn<QString>("synchronous");
        QTest::addColumn<int>("maxRuns");
        QTest::addRow("synchronous=FULL (the store's setting)") << u"FULL"_s << 50;
        QTest::addRow("synchronous=NORMAL (for comparison)") << u"NORMAL"_s << 100;
    }

    void powerCut()
    {
        QFETCH(QString, synchronous);
        QFETCH(int, maxRuns);
        FaultVfs &vfs = FaultVfs::instance();
        const quint32 seed = qEnvironmentVariableIsSet("DOORSTEP_SEED") ? quint32(qEnvironmentVariableIntValue("DOORSTEP_SEED"))
                                                                        : QRandomGenerator::global()->generate();
        qInfo("seed %u (replay with DOORSTEP_SEED=%u)", seed, seed);
        QRandomGenerator random(seed);
        QElapsedTimer clock;
        clock.start();
        int runs = 0;
        qint64 acknowledged = 0, lostAcknowledged = 0, survivedUnacknowledged = 0, draftsKept = 0;
        const qint64 opsBefore = vfs.operations();
        FaultVfs::CutStats total;

        constexpr int kMinRuns = 20; // then more while time allows, up to maxRuns
        for (; runs < maxRuns && (runs < kMinRuns || clock.elapsed() < 15000); ++runs) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(u"power.db"_s);
            vfs.reset();
            QList<Step> steps;
            qint64 lastSync = 0;
            {
                Result<std::unique_ptr<Database>> opened = Database::open(path, storesamples::testKey());
                QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
                Database &db = *opened.value();
                db.setActor(u"worker-1"_s);
                if (synchronous == u"NORMAL"_s)
                    QVERIFY(db.exec("PRAGMA synchronous = NORMAL"));
                else
                    QCOMPARE(db.queryText("PRAGMA synchronous").value(), u"2"_s); // the store opens with FULL
                RecordRepository repo(db);
                DraftStore drafts(db);
                vfs.cutPowerAt(random.bounded(1, 400));
                for (qint64 i = 0; i < 150 && !vfs.powerIsOff(); ++i) {
                    if (i > 0 && i % 8 == 0)
                        (void)db.checkpoint(); // may be where the power goes
                    const bool edit = i % 3 == 2;
                    Step step;
                    step.body = edit ? reliability::edited(reliability::visitNumber(i - 1), int(i)) : reliability::visitNumber(i);
                    step.id = step.body.value(u"id"_s).toString();
                    step.key = reliability::draftKeyFor(i);
                    if (Result<void> d = drafts.put(step.key, QString::fromUtf8(wire::encode(step.body))); !d) {
                        steps << step;
                        break;
                    }
                    step.putOp = vfs.lastWalWriteOp();
                    step.attempted = true;
                    Result<StoredRecord> r = repo.save(step.body, step.key);
                    if (r) {
                        step.ackOp = vfs.lastWalWriteOp();
                    } else {
                        QCOMPARE(r.error().code, ErrorCode::StorageError);
                        QVERIFY(!r.error().message.contains(u"CANARY"_s));
                    }
                    steps << step;
                    if (!r)
                        break;
                }
                if (!vfs.powerIsOff())
                    vfs.cutPowerNow();
                lastSync = vfs.lastWalSyncOp();
            } // the dead machine's connection goes away; nothing more reaches the disk

            const bool dropAll = runs % 4 == 0;
            const FaultVfs::CutStats cut = vfs.applyPowerLoss(random, dropAll);
            total.files += cut.files;
            total.kept += cut.kept;
            total.dropped += cut.dropped;
            total.torn += cut.torn;
            total.bytesLost += cut.bytesLost;

            Result<std::unique_ptr<Database>> reopened = Database::open(path, storesamples::testKey());
            QVERIFY2(reopened, qPrintable(u"run %1: %2"_s.arg(runs).arg(reopened ? QString() : reopened.error().message)));
            Database &db = *reopened.value();
            db.setActor(u"worker-1"_s);
            const reliability::Snapshot s = reliability::snapshot(db);
            const QStringList broken = reliability::problems(s);
            QVERIFY2(broken.isEmpty(), qPrintable(u"run %1: %2"_s.arg(runs).arg(broken.join(u"; "_s))));

            // Every save writes exactly one audit event, so the event count says how many of the
            // session's saves survived; they must be the first P, each whole.
            const qint64 p = s.auditEvents;
            qint64 acked = 0, durable = 0, attempted = 0;
            for (const Step &step : steps) {
                attempted += step.attempted ? 1 : 0;
                if (step.ackOp >= 0) {
                    ++acked;
                    if (step.ackOp < lastSync)
                        ++durable;
                }
            }
            acknowledged += acked;
            QVERIFY2(p <= attempted, qPrintable(u"run %1: %2 saves found, %3 attempted"_s.arg(runs).arg(p).arg(attempted)));
            QVERIFY2(p >= durable, qPrintable(u"run %1: %2 saves found, %3 were synced"_s.arg(runs).arg(p).arg(durable)));
            if (synchronous == u"FULL"_s)
                QCOMPARE(p, acked + (p > acked ? 1 : 0)); // FULL: every acknowledged save survives
            lostAcknowledged += std::max<qint64>(0, acked - p);
            if (p > acked)
                ++survivedUnacknowledged; // the in-flight save's commit reached the disk after all

            QHash<QString, QJsonObject> expected;
            QHash<QString, int> events;
            for (qint64 k = 0, done = 0; k < steps.size() && done < p; ++k) {
                if (!steps[k].attempted)
                    continue;
                expected.insert(steps[k].id, steps[k].body);
                ++events[steps[k].id];
                ++done;
            }
            QCOMPARE(s.records.size(), expected.size());
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                QVERIFY2(s.records.value(it.key()) == it.value(),
                         qPrintable(u"run %1: record %2 is not the version saved"_s.arg(runs).arg(it.key())));
            QCOMPARE(s.audit, events);

            // Drafts: every surviving save removed its own; only the next one's autosave may remain,
            // and it must if that autosave was synced.
            const QSet<QString> draftsFound(s.drafts.cbegin(), s.drafts.cend());
            const Step *next = p < steps.size() ? &steps[int(p)] : nullptr;
            for (const QString &key : draftsFound)
                QVERIFY2(next && key == next->key, qPrintable(u"run %1: unexpected draft %2"_s.arg(runs).arg(key)));
            if (next && next->putOp >= 0 && next->putOp < lastSync) {
                QVERIFY2(draftsFound.contains(next->key), qPrintable(u"run %1: the synced draft was lost"_s.arg(runs)));
            }
            if (next && draftsFound.contains(next->key))
                ++draftsKept;

            // And the store takes new work.
            Result<StoredRecord> again = RecordRepository(db).save(reliability::visitNumber(1000));
            QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        }
        qInfo("%s: %d runs, %lld store I/O operations, %d power cuts; unsynced writes at the cut: %d kept, "
              "%d dropped, %d torn (%lld bytes lost) in %d files; %lld saves acknowledged, %lld acknowledged "
              "but not yet synced and lost, %lld told 'not saved' that survived, %lld drafts of the "
              "interrupted save kept; %lld ms",
              QTest::currentDataTag(), runs, vfs.operations() - opsBefore, runs, total.kept, total.dropped,
              total.torn, total.bytesLost, total.files, acknowledged, lostAcknowledged, survivedUnacknowledged,
              draftsKept, clock.elapsed());
        QVERIFY2(total.dropped + total.torn > 0, "the power cuts lost unsynced writes (else nothing was tested)");
    }
};

QTEST_GUILESS_MAIN(TestPowerLoss)
#include "tst_powerloss.moc"
