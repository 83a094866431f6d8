// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// bench_store: the encrypted store's costs with 100,000 records already in it. Prints one JSON
// object per line: {"name": ..., "value": ..., "unit": ...}.
//
// The 100,000-record files are generated once under <temp>/doorstep-bench-store (an encrypted
// seed, and a plain copy made from it with sqlcipher_export for the overhead comparison) and
// copied afresh for each run, so every run starts from the same state.
//   bench_store [--saves N] [--searches N] [--regenerate]

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "tests/store/storesamples.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace doorstep;

namespace {

constexpr int kRecords = 100000;
constexpr int kChildren = 256;
constexpr int kSeedFormat = 4; // bump when the generated content changes

QByteArray benchKey()
{
    return storesamples::testKey('B');
}

void report(const char *name, double value, const char *unit)
{
    const QJsonObject o{{QStringLiteral("name"), QLatin1String(name)},
                        {QStringLiteral("value"), qRound64(value * 1000.0) / 1000.0},
                        {QStringLiteral("unit"), QLatin1String(unit)}};
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5));
    return v.at(i);
}

/** Pseudo-words, so the narrative text varies the way real notes do (each word in ~2% of visits). */
QString vocabularyWord(quint32 n)
{
    static const char *const syllables[] = {"ka", "ro", "mi", "zu", "te", "lo", "na", "vi"};
    QString w;
    for (int i = 0; i < 3; ++i) {
        w += QLatin1String(syllables[n % 8]);
        n /= 8;
    }
    return w;
}

QString narrative(quint32 seed)
{
    QStringList words;
    quint32 x = seed * 2654435761u + 12345u;
    for (int i = 0; i < 12; ++i) {
        x = x * 1103515245u + 12345u;
        words << vocabularyWord((x >> 8) % 512);
    }
    return words.join(QLatin1Char(' '));
}

QJsonObject benchVisit(qint64 n)
{
    return storesamples::visit(storesamples::uuidFor(2, n), storesamples::uuidFor(1, n % kChildren), n,
                               narrative(quint32(n)));
}

std::unique_ptr<Database> openEncrypted(const QString &path)
{
    QByteArray key = benchKey();
    Result<std::unique_ptr<Database>> db = Database::open(path, key);
    if (!db) {
        std::fprintf(stderr, "open %s: %s\n", qPrintable(path), qPrintable(db.error().message));
        return nullptr;
    }
    return std::move(db).value();
}

std::unique_ptr<Database> openPlain(const QString &path)
{
    Result<std::unique_ptr<Database>> db = Database::openUnencryptedForBenchmark(path);
    if (!db) {
        std::fprintf(stderr, "open %s: %s\n", qPrintable(path), qPrintable(db.error().message));
        return nullptr;
    }
    return std::move(db).value();
}

bool generateSeed(const QString &encPath, const QString &plainPath)
{
    for (const QString &p : {encPath, plainPath})
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(p + QLatin1String(suffix));
    std::fprintf(stderr, "generating %d records (once)...\n", kRecords);
    auto db = openEncrypted(encPath);
    if (!db)
        return false;
    db->setActor(QStringLiteral("bench"));
    RecordRepository repo(*db);
    QElapsedTimer t;
    t.start();
    int written = 0;
    while (written < kRecords) {
        Transaction tx(*db);
        for (int i = 0; i < 2000 && written < kRecords; ++i, ++written) {
            // The history a device holds came from the service (pulled), at revision n.
            const QJsonObject rec = written < kChildren ? storesamples::childNumber(written) : benchVisit(written);
            Result<ApplyOutcome> r = repo.applyRemote(rec, written + 1);
            if (!r) {
                std::fprintf(stderr, "seed save failed: %s\n", qPrintable(r.error().message));
                return false;
            }
        }
        if (!tx.commit())
            return false;
    }
    if (!db->checkpoint())
        return false;
    std::fprintf(stderr, "generated in %.1f s\n", double(t.elapsed()) / 1000.0);

    // The plain twin: the same rows, exported to an unencrypted file (benchmark only).
    { // the store opens without SQLITE_OPEN_CREATE, so ATTACH needs the file to exist
        QFile create(plainPath);
        if (!create.open(QIODevice::WriteOnly))
            return false;
    }
    Statement attach = db->prepare("ATTACH DATABASE ?1 AS plain KEY ''");
    attach.bind(1, QFile::encodeName(plainPath));
    const QByteArray setVersion = "PRAGMA plain.user_version = " + QByteArray::number(Database::latestVersion());
    Result<void> step = attach.exec();
    if (step)
        step = db->exec("SELECT sqlcipher_export('plain')");
    if (step)
        step = db->exec(setVersion.constData());
    if (step)
        step = db->exec("DETACH DATABASE plain");
    if (!step) {
        std::fprintf(stderr, "plain export failed: %s\n", qPrintable(step.error().message));
        return false;
    }
    db.reset();
    auto plain = openPlain(plainPath); // switches it to WAL like the encrypted one
    if (!plain)
        return false;
    QFile marker(QFileInfo(encPath).dir().filePath(QStringLiteral("seed-format")));
    if (!marker.open(QIODevice::WriteOnly))
        return false;
    marker.write(QByteArray::number(kSeedFormat));
    return true;
}

bool freshCopy(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(to + QLatin1String(suffix));
    return QFile::copy(from, to);
}

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/** One user save: a new ~1.5 KB visit (record + outbox + audit in one transaction), timed in ms
 *  of wall time; `cpuMs` gets the thread's CPU time, which a loaded machine's scheduling does not
 *  inflate (the 2-core build machines often run several compilers beside the benchmark). */
double timedSave(RecordRepository &repo, qint64 n, QList<double> *cpuMs = nullptr)
{
    const QJsonObject visit = benchVisit(n);
    const double cpu0 = threadCpuMs();
    QElapsedTimer t;
    t.start();
    Result<StoredRecord> r = repo.save(visit);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (cpuMs)
        cpuMs->append(threadCpuMs() - cpu0);
    if (!r) {
        std::fprintf(stderr, "save failed: %s\n", qPrintable(r.error().message));
        std::exit(1);
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption savesOpt(QStringLiteral("saves"), QStringLiteral("timed saves per store"), QStringLiteral("n"), QStringLiteral("2000"));
    QCommandLineOption searchesOpt(QStringLiteral("searches"), QStringLiteral("timed searches"), QStringLiteral("n"), QStringLiteral("400"));
    QCommandLineOption regenerateOpt(QStringLiteral("regenerate"), QStringLiteral("rebuild the seed files"));
    QCommandLineOption maintainOpt(QStringLiteral("maintain-every"),
                                   QStringLiteral("idle housekeeping after every n saves (0 = never)"),
                                   QStringLiteral("n"), QStringLiteral("10"));
    parser.addOptions({savesOpt, searchesOpt, regenerateOpt, maintainOpt});
    parser.process(app);
    const int saves = std::max(100, parser.value(savesOpt).toInt());
    const int searches = std::max(50, parser.value(searchesOpt).toInt());

    QDir dir(QDir::temp().filePath(QStringLiteral("doorstep-bench-store")));
    if (!dir.mkpath(QStringLiteral(".")))
        return 1;
    const QString seedEnc = dir.filePath(QStringLiteral("seed-encrypted.db"));
    const QString seedPlain = dir.filePath(QStringLiteral("seed-plain.db"));
    const QString workEnc = dir.filePath(QStringLiteral("work-encrypted.db"));
    const QString workPlain = dir.filePath(QStringLiteral("work-plain.db"));
    QFile marker(dir.filePath(QStringLiteral("seed-format")));
    const bool seedOk = QFile::exists(seedEnc) && QFile::exists(seedPlain) && marker.open(QIODevice::ReadOnly)
        && marker.readAll().toInt() == kSeedFormat;
    if (!seedOk || parser.isSet(regenerateOpt)) {
        if (!generateSeed(seedEnc, seedPlain))
            return 1;
    }
    if (!freshCopy(seedEnc, workEnc) || !freshCopy(seedPlain, workPlain))
        return 1;

    // --- open: key in hand to the first query answered (the caseload screen) ---
    QList<double> opens;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        auto db = openEncrypted(workEnc);
        if (!db)
            return 1;
        Result<QList<StoredRecord>> caseload = RecordRepository(*db).caseload();
        opens << double(t.nsecsElapsed()) / 1e6;
        if (!caseload || caseload->size() != kChildren) {
            std::fprintf(stderr, "unexpected caseload\n");
            return 1;
        }
    }
    opens.removeFirst(); // the first also pays for reading the file into the OS cache

    auto enc = openEncrypted(workEnc);
    auto plain = openPlain(workPlain);
    if (!enc || !plain)
        return 1;
    enc->setActor(QStringLiteral("bench"));
    plain->setActor(QStringLiteral("bench"));
    RecordRepository encRepo(*enc);
    RecordRepository plainRepo(*plain);
    const int existing = encRepo.count().value();

    // --- saves, encrypted and plain interleaved in blocks so machine noise hits both alike ---
    QList<double> encTimes;
    QList<double> plainTimes;
    QList<double> encCpu;
    QList<double> plainCpu;
    for (int i = 0; i < 50; ++i) { // warm-up
        timedSave(encRepo, kRecords + 1000000 + i);
        timedSave(plainRepo, kRecords + 1000000 + i);
    }
    // A person saves a record every few seconds at most; the Store uses the pauses for
    // housekeeping (Database::runMaintenance). The timed loop saves back to back, so it runs
    // that housekeeping, untimed, where the pauses would be: every `maintainEvery` saves.
    const int maintainEvery = parser.value(maintainOpt).toInt();
    constexpr int kBlock = 100;
    for (int done = 0; done < saves; done += kBlock) {
        for (int i = 0; i < kBlock; ++i) {
            encTimes << timedSave(encRepo, kRecords + done + i, &encCpu);
            if (maintainEvery > 0 && (i + 1) % maintainEvery == 0)
                (void)enc->runMaintenance();
        }
        for (int i = 0; i < kBlock; ++i) {
            plainTimes << timedSave(plainRepo, kRecords + done + i, &plainCpu);
            if (maintainEvery > 0 && (i + 1) % maintainEvery == 0)
                (void)plain->runMaintenance();
        }
    }
    double encTotal = 0;
    double plainTotal = 0;
    for (double v : encTimes)
        encTotal += v;
    for (double v : plainTimes)
        plainTotal += v;

    // --- search: name prefixes, rarer narrative words, and words in most visits ---
    QList<double> searchTimes;
    QList<double> searchCpu;
    QList<double> hitCounts;
    for (int i = 0; i < searches; ++i) {
        QString q;
        switch (i % 4) {
        case 0: q = QString::fromLatin1(storesamples::kFirstNames[i % 16]).left(2 + i % 3); break;
        case 1: q = QString::fromLatin1(storesamples::kLastNames[(i / 4) % 16]).left(3); break;
        case 2: q = vocabularyWord(quint32(i * 7919) % 512); break;
        default: q = vocabularyWord(quint32(i * 104729) % 512).left(4) + QStringLiteral(" ") + vocabularyWord(quint32(i) % 512); break;
        }
        const double cpu0 = threadCpuMs();
        QElapsedTimer t;
        t.start();
        Result<QList<StoredRecord>> hits = encRepo.search(q, 50);
        searchTimes << double(t.nsecsElapsed()) / 1e6;
        searchCpu << threadCpuMs() - cpu0;
        if (qEnvironmentVariableIsSet("DOORSTEP_BENCH_VERBOSE") && searchTimes.last() > 10)
            std::fprintf(stderr, "slow search %.1f ms: %s (%lld hits)\n", searchTimes.last(), qPrintable(q),
                         hits ? qint64(hits->size()) : -1LL);
        if (!hits) {
            std::fprintf(stderr, "search failed: %s\n", qPrintable(hits.error().message));
            return 1;
        }
        hitCounts << double(hits->size());
    }

    report("store.records.count", existing, "records");
    report("store.save_visit.p50_ms", percentile(encTimes, 0.50), "ms");
    report("store.save_visit.p99_ms", percentile(encTimes, 0.99), "ms");
    report("store.save_visit_plain.p50_ms", percentile(plainTimes, 0.50), "ms");
    report("store.save_visit_plain.p99_ms", percentile(plainTimes, 0.99), "ms");
    report("store.encryption_overhead.ratio", encTotal / plainTotal, "ratio");
    report("store.encryption_overhead.p50_ratio", percentile(encTimes, 0.5) / percentile(plainTimes, 0.5), "ratio");
    double encCpuTotal = 0;
    double plainCpuTotal = 0;
    for (double v : encCpu)
        encCpuTotal += v;
    for (double v : plainCpu)
        plainCpuTotal += v;
    report("store.save_visit.cpu_p50_ms", percentile(encCpu, 0.50), "ms");
    report("store.save_visit.cpu_p99_ms", percentile(encCpu, 0.99), "ms");
    report("store.encryption_overhead.cpu_ratio", encCpuTotal / plainCpuTotal, "ratio");
    report("store.open.ms", percentile(opens, 0.5), "ms");
    report("store.open.max_ms", percentile(opens, 1.0), "ms");
    report("store.search.p50_ms", percentile(searchTimes, 0.50), "ms");
    report("store.search.p99_ms", percentile(searchTimes, 0.99), "ms");
    report("store.search.cpu_p99_ms", percentile(searchCpu, 0.99), "ms");
    report("store.search.mean_hits", percentile(hitCounts, 0.5), "records");
    return 0;
}
