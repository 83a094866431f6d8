// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Sync benchmark, side by side with the PouchDB peer: the real client (SQLCipher store, sync engine,
// key and tokens in the real keychain) against the real doorstep-server on a throwaway PostgreSQL
// cluster, all on loopback. Prints one JSON object per line: {"name","value","unit"[,"peer","ratio"]}.
// The peer's figures come from the same bench/run invocation, as files named by
// DOORSTEP_PEER_PUSH_JSON (N=10000) and DOORSTEP_PEER_PULL_JSON (N=50000).
// Environment: BENCH_SYNC_PUSH_N (10000), BENCH_SYNC_PULL_N (50000), BENCH_SYNC_KILL_N (3000),
// BENCH_SYNC_BATCH (500, mutations per push request).
// Besides the figures it notes the CPU each party used in the push and the pull (client, service,
// PostgreSQL), read from /proc: on two shared cores that split, not the wall time alone, says what
// limits a figure.
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "platform/qtkeychainkeystore.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>
#include <functional>
#include <unistd.h>
#include <optional>

using namespace doorstep;
using namespace doorstep::sync;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QStringLiteral("bench-sync-password");

void note(const QString &s)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(s));
    std::fflush(stderr);
}

void emitFigure(const QString &name, double value, const QString &unit, std::optional<double> peer = {}, int peerN = 0)
{
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}, {QStringLiteral("unit"), unit}};
    if (peer && *peer > 0) {
        o.insert(QStringLiteral("peer"), *peer);
        o.insert(QStringLiteral("ratio"), std::round(value / *peer * 1000.0) / 1000.0);
        if (peerN > 0) // the peer's figure was taken at another size than ours (see bench/run)
            o.insert(QStringLiteral("peer_n"), peerN);
    }
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/** CPU time (user + system, ms) a process has used, its reaped children included; -1 if unknown. */
qint64 processCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces) start at field 3, the state.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    qint64 ticks = 0;
    for (int i = 11; i <= 14; ++i) // utime, stime, cutime, cstime (fields 14-17)
        ticks += fields.at(i).toLongLong();
    return ticks * 1000 / sysconf(_SC_CLK_TCK);
}

/** CPU used so far by each party of a sync, to show where a phase's time goes on shared cores. */
struct CpuSplit {
    qint64 client = 0;   // this process: the device's store thread, the engine, the network thread
    qint64 service = 0;  // doorstep-server
    qint64 postgres = 0; // the postmaster and every backend it started

    CpuSplit operator-(const CpuSplit &o) const { return {client - o.client, service - o.service, postgres - o.postgres}; }
    QString describe(qint64 wallMs) const
    {
        return QStringLiteral("CPU: client %1 ms, service %2 ms, PostgreSQL %3 ms (%4 ms of wall time on 2 cores = %5 ms)")
            .arg(client)
            .arg(service)
            .arg(postgres)
            .arg(wallMs)
            .arg(2 * wallMs);
    }
};

/** The peer's figures for its first batch size, from the JSON bench/peer-pouchdb printed. */
std::optional<QJsonObject> peerResult(const char *envName)
{
    const QString path = qEnvironmentVariable(envName);
    if (path.isEmpty())
        return std::nullopt;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonArray results = QJsonDocument::fromJson(f.readAll()).object().value(u"results").toArray();
    if (results.isEmpty())
        return std::nullopt;
    return results.first().toObject();
}

std::optional<double> peerFigure(const std::optional<QJsonObject> &peer, const char *key)
{
    if (!peer || !peer->contains(QLatin1String(key)))
        return std::nullopt;
    return peer->value(QLatin1String(key)).toDouble();
}

/** A visit of about the peer's document size (~600 bytes of JSON without the author), by
 *  `authorId` as the app's form writes it: the records the service holds and serves are the same
 *  as before the author was added here, when the service filled it in. */
QJsonObject benchVisit(const QString &childId, const QString &authorId, int i)
{
    const QDateTime start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC).addSecs(qint64(i) * 60);
    return QJsonObject{
        {QStringLiteral("schema"), wire::kSchemaVersion},
        {QStringLiteral("type"), QStringLiteral("visit")},
        {QStringLiteral("id"), wire::newUuid()},
        {QStringLiteral("state"), QStringLiteral("draft")},
        {QStringLiteral("author"), authorId},
        {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
        {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
        {QStringLiteral("ended_at"), start.addSecs(1800 + (i % 90) * 60).toString(Qt::ISODate)},
        {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
        {QStringLiteral("announced"), true},
        {QStringLiteral("location"), QStringLiteral("home")},
        {QStringLiteral("rationale"), QStringLiteral("Visit note visit note visit note visit note visit note %1").arg(i)},
        {QStringLiteral("present"), QStringLiteral("Child, mother")},
        {QStringLiteral("children"),
         QJsonArray{QJsonObject{{QStringLiteral("child_id"), childId},
                                {QStringLiteral("seen"), true},
                                {QStringLiteral("seen_alone"), true},
                                {QStringLiteral("child_views"), QStringLiteral("Visit note visit note visit note visit note.")},
                                {QStringLiteral("observations"), QStringLiteral("Visit note visit note visit note visit note.")}}}},
        {QStringLiteral("analysis_risks"), QStringLiteral("Visit note visit note visit note.")},
        {QStringLiteral("actions"), QJsonArray()},
    };
}

constexpr char kServiceRole[] = "doorstep_bench_service";

/** The service as a child process on the throwaway PostgreSQL cluster. */
class Service
{
public:
    ~Service() { stop(); }

    bool start(const QString &tempDir)
    {
        m_pgDir = tempDir + QStringLiteral("/pg");
        const Run pg = run(QStringLiteral(DOORSTEP_SOURCE_DIR "/tests/support/pg-cluster"), {QStringLiteral("start"), m_pgDir}, 90000);
        if (pg.exitCode != 0) {
            note(QStringLiteral("pg-cluster failed: ") + pg.err);
            return false;
        }
        m_pgStarted = true;
        m_url = pg.out.trimmed().split(QLatin1Char('\n')).last();
        // Served as deployed (docs/service.md): the owner migrates and grants a non-owner role,
        // `serve` connects as that role, so row-level security is part of every figure.
        const Run role = run(QStringLiteral("psql"), {QStringLiteral("-XAtq"), m_url, QStringLiteral("-c"),
                                                      QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOBYPASSRLS").arg(QLatin1String(kServiceRole))},
                             30000);
        if (role.exitCode != 0) {
            note(QStringLiteral("creating the service role failed: ") + role.err);
            return false;
        }
        for (const QStringList &args : {QStringList{QStringLiteral("migrate"), QStringLiteral("--service-role"), QLatin1String(kServiceRole)},
                                        QStringList{QStringLiteral("seed-demo"), QStringLiteral("--password"), kPassword}}) {
            const Run r = run(QStringLiteral(DOORSTEP_SERVER_EXE), args + QStringList{QStringLiteral("--db"), m_url}, 180000);
            if (r.exitCode != 0) {
                note(QStringLiteral("doorstep-server %1 failed: %2").arg(args.first(), r.err));
                return false;
            }
        }
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QUrl serviceUrl(m_url);
        serviceUrl.setUserName(QLatin1String(kServiceRole));
        m_process.start(QStringLiteral(DOORSTEP_SERVER_EXE),
                        {QStringLiteral("serve"), QStringLiteral("--db"), serviceUrl.toString(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--dev-insecure-http")});
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression line(QStringLiteral("listening on https?://[^ ]*:(\\d+)"));
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            seen += m_process.readAllStandardOutput();
            const auto m = line.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                m_port = m.captured(1).toUShort();
                return true;
            }
        }
        note(QStringLiteral("the service did not start: ") + QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
        if (m_pgStarted) {
            run(QStringLiteral(DOORSTEP_SOURCE_DIR "/tests/support/pg-cluster"), {QStringLiteral("stop"), m_pgDir}, 60000);
            m_pgStarted = false;
        }
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    /** One number from the service's database (bench-only inspection through psql). */
    qint64 count(const QString &sql) const
    {
        const Run r = run(QStringLiteral("psql"), {QStringLiteral("-XAtq"), m_url, QStringLiteral("-c"), sql}, 30000);
        bool ok = false;
        const qint64 n = r.out.trimmed().toLongLong(&ok);
        return ok ? n : -1;
    }

    /** Runs SQL through psql (bench-only setup), stopping at the first error. */
    bool sql(const QString &statements) const
    {
        const Run r = run(QStringLiteral("psql"), {QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), m_url,
                                                   QStringLiteral("-c"), statements},
                          300000);
        if (r.exitCode != 0)
            note(QStringLiteral("psql: ") + r.err);
        return r.exitCode == 0;
    }

    CpuSplit cpu() const
    {
        CpuSplit c;
        c.client = processCpuMs(QCoreApplication::applicationPid());
        c.service = processCpuMs(m_process.processId());
        QFile pidFile;
        {
            QFile cluster(m_pgDir + QStringLiteral("/cluster"));
            if (cluster.open(QIODevice::ReadOnly))
                pidFile.setFileName(QString::fromUtf8(cluster.readAll().trimmed()) + QStringLiteral("/data/postmaster.pid"));
        }
        if (!pidFile.open(QIODevice::ReadOnly))
            return c;
        const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
        c.postgres = processCpuMs(postmaster);
        const QStringList procs = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &p : procs) {
            bool numeric = false;
            const qint64 pid = p.toLongLong(&numeric);
            if (!numeric || pid == postmaster)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && fields.at(1).toLongLong() == postmaster) // field 4: the parent
                c.postgres += qMax<qint64>(0, processCpuMs(pid));
        }
        return c;
    }

    /** Rows that a write to the service adds: record versions and change-feed entries. */
    qint64 writtenRows() const
    {
        return count(QStringLiteral("SELECT (SELECT count(*) FROM record_versions) + (SELECT count(*) FROM changes)"));
    }

private:
    QString m_pgDir;
    QString m_url;
    bool m_pgStarted = false;
    QProcess m_process;
    quint16 m_port = 0;
};

/** Waits for `start` to call back, with a bound. */
bool waitDone(const std::function<void(Device::Done)> &start, int timeoutMs, QString *error = nullptr)
{
    std::optional<Result<void>> outcome;
    QEventLoop loop;
    start([&](Result<void> r) {
        outcome = std::move(r);
        loop.quit();
    });
    if (!outcome) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (outcome && !outcome->ok() && error)
        *error = outcome->error().message;
    return outcome && outcome->ok();
}

template <typename T>
std::optional<T> onStore(Store *store, std::function<Result<T>(Database &)> job, int timeoutMs = 600000)
{
    std::optional<Result<T>> outcome;
    QEventLoop loop;
    store->run<T>(std::move(job)).then(&loop, [&](Result<T> r) {
        outcome = std::move(r);
        loop.quit();
    });
    if (!outcome) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!outcome || !outcome->ok()) {
        note(QStringLiteral("store job failed: ") + (outcome ? outcome->error().message : QStringLiteral("timeout")));
        return std::nullopt;
    }
    return std::move(*outcome).value();
}

/** One bench device: its own data folder, store and sync engine. */
struct BenchDevice {
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    std::unique_ptr<Device> device;
};

std::unique_ptr<BenchDevice> newDevice(QtKeychainKeyStore *keys, const QString &url, const QString &user, const QString &name)
{
    auto d = std::make_unique<BenchDevice>();
    d->device = std::make_unique<Device>(d->dir.path(), keys, &d->nam);
    d->device->api()->setTransferTimeout(120s);
    d->device->engine()->setPeriodicInterval(0ms);
    QString error;
    if (!waitDone([&](Device::Done done) { d->device->open(done); }, 60000, &error)
        || !waitDone([&](Device::Done done) { d->device->signIn(url, user, kPassword, name, done); }, 60000, &error)) {
        note(QStringLiteral("device %1 could not open or sign in: %2").arg(name, error));
        return nullptr;
    }
    return d;
}

/** One sync run; `pushMs` is when the engine moved from pushing to pulling. */
struct SyncRun {
    bool ok = false;
    qint64 totalMs = 0;
    qint64 pushMs = -1;
    SyncEngine::Stats atPushEnd;
    SyncEngine::Stats end;
};

SyncRun syncOnce(Device &d, int timeoutMs, const std::function<void()> &atPushEnd = {})
{
    SyncEngine *engine = d.engine();
    const SyncEngine::Stats before = engine->stats();
    SyncRun r;
    QElapsedTimer t;
    QEventLoop loop;
    auto c1 = QObject::connect(engine, &SyncEngine::stateChanged, &loop, [&](SyncEngine::State s) {
        if (s == SyncEngine::State::Pulling && r.pushMs < 0) {
            r.pushMs = t.elapsed();
            r.atPushEnd = engine->stats();
            if (atPushEnd)
                atPushEnd();
        }
    });
    auto c2 = QObject::connect(engine, &SyncEngine::finished, &loop, [&](bool ok) {
        r.ok = ok;
        r.totalMs = t.elapsed();
        loop.quit();
    });
    auto c3 = QObject::connect(engine, &SyncEngine::syncError, &loop, [&](const QString &code, const QString &message) {
        note(QStringLiteral("sync error %1: %2").arg(code, message));
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    t.start();
    engine->syncNow();
    loop.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    QObject::disconnect(c3);
    r.end = engine->stats();
    // per-run deltas
    for (SyncEngine::Stats *s : {&r.atPushEnd, &r.end}) {
        s->requests -= before.requests;
        s->bytesSent -= before.bytesSent;
        s->bytesReceived -= before.bytesReceived;
        s->pushed -= before.pushed;
        s->pulled -= before.pulled;
    }
    return r;
}

std::optional<int> createVisits(Device &d, int n, int offset)
{
    const QString author = d.session()->user().id;
    return onStore<int>(d.store(), [n, offset, author](Database &db) -> Result<int> {
        RecordRepository repo(db);
        auto caseload = repo.caseload();
        if (!caseload)
            return caseload.error();
        if (caseload.value().isEmpty())
            return Error(ErrorCode::NotFound, QStringLiteral("no children on the device"));
        const auto children = caseload.value();
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        for (int i = 0; i < n; ++i) {
            if (auto saved = repo.save(benchVisit(children.at(i % children.size()).id, author, offset + i)); !saved)
                return saved.error();
        }
        if (auto c = tx.commit(); !c)
            return c.error();
        return n;
    });
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_sync"));

    const int pushN = envInt("BENCH_SYNC_PUSH_N", 10000);
    const int pullN = qMax(pushN, envInt("BENCH_SYNC_PULL_N", 50000));
    const int killN = envInt("BENCH_SYNC_KILL_N", 3000);
    const auto peerPush = peerResult("DOORSTEP_PEER_PUSH_JSON");
    const auto peerPull = peerResult("DOORSTEP_PEER_PULL_JSON");
    if (!peerPush || !peerPull)
        note(QStringLiteral("no peer figures (run through bench/run): ratios left out"));

    QTemporaryDir temp;
    Service service;
    QElapsedTimer setup;
    setup.start();
    if (!temp.isValid() || !service.start(temp.path()))
        return 1;
    note(QStringLiteral("service on PostgreSQL ready in %1 ms at %2").arg(setup.elapsed()).arg(service.baseUrl()));
    const QString url = service.baseUrl();
    QtKeychainKeyStore keys;
    int status = 0;

    // --- push 10k -------------------------------------------------------------------------------
    auto pusher = newDevice(&keys, url, QStringLiteral("worker1"), QStringLiteral("bench-push"));
    if (!pusher)
        return 1;
    Device &a = *pusher->device;
    a.engine()->setBatchSize(envInt("BENCH_SYNC_BATCH", 500)); // the most the service takes per push
    a.engine()->setPushDepth(envInt("BENCH_SYNC_PUSH_DEPTH", 2)); // the engine's default
    a.engine()->setPageSize(2000);
    if (!syncOnce(a, 120000).ok) { // the caseload, so visits have children to name
        note(QStringLiteral("first sync failed"));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    if (!createVisits(a, pushN, 0))
        return 1;
    note(QStringLiteral("%1 visits saved on the device in %2 ms (%3 bytes of JSON each)")
             .arg(pushN)
             .arg(t.elapsed())
             .arg(QJsonDocument(benchVisit(wire::newUuid(), wire::newUuid(), 0)).toJson(QJsonDocument::Compact).size()));
    // The first batch as it will be pushed, kept for the replay below.
    auto firstBatch = onStore<QList<OutboxEntry>>(a.store(), [](Database &db) { return Outbox(db).pending(200); });
    const qint64 rowsBeforePush = service.writtenRows();
    const CpuSplit cpuBeforePush = service.cpu();
    CpuSplit cpuPush;
    SyncRun push = syncOnce(a, 600000, [&] { cpuPush = service.cpu() - cpuBeforePush; });
    if (!push.ok || push.pushMs <= 0) {
        note(QStringLiteral("push failed"));
        return 1;
    }
    const qint64 rowsAfterPush = service.writtenRows();
    note(QStringLiteral("push: %1 records in %2 ms, %3 requests, %4 bytes sent; service rows +%5; whole sync %6 ms")
             .arg(push.atPushEnd.pushed)
             .arg(push.pushMs)
             .arg(push.atPushEnd.requests)
             .arg(push.atPushEnd.bytesSent)
             .arg(rowsAfterPush - rowsBeforePush)
             .arg(push.totalMs));
    note(QStringLiteral("push ") + cpuPush.describe(push.pushMs));
    // The records this device pushed are not sent back to it (docs/sync-protocol.md, "Echoes").
    note(QStringLiteral("the pushing device's pull after its push: %1 records, %2 bytes received, %3 ms")
             .arg(push.end.pulled - push.atPushEnd.pulled)
             .arg(push.end.bytesReceived - push.atPushEnd.bytesReceived)
             .arg(push.totalMs - push.pushMs));
    const double pushRate = push.atPushEnd.pushed / (push.pushMs / 1000.0);
    emitFigure(QStringLiteral("sync.push_10k.docs_per_s"), std::round(pushRate), QStringLiteral("docs/s"),
               peerFigure(peerPush, "push_docs_per_s"));
    const double bytesPerRecord = double(push.atPushEnd.bytesSent) / qMax(1, push.atPushEnd.pushed);
    emitFigure(QStringLiteral("sync.bytes_per_record"), std::round(bytesPerRecord * 10) / 10, QStringLiteral("bytes"),
               peerFigure(peerPush, "push_bytes_per_doc"));

    // --- replaying an acknowledged push ---------------------------------------------------------
    if (firstBatch && !firstBatch->isEmpty()) {
        QJsonArray mutations;
        for (const OutboxEntry &e : *firstBatch)
            mutations.append(QJsonObject{{QStringLiteral("mutation_id"), e.mutationId},
                                         {QStringLiteral("record_id"), e.recordId},
                                         {QStringLiteral("type"), e.type},
                                         {QStringLiteral("base_rev"), e.baseRev},
                                         {QStringLiteral("patch"), e.patch}});
        const qint64 before = service.writtenRows();
        const qint64 requestsBefore = a.api()->requestCount();
        QEventLoop loop;
        QJsonArray results;
        bool answered = false;
        a.api()->post(QStringLiteral("/api/v1/sync/push"), QJsonObject{{QStringLiteral("mutations"), mutations}},
                      [&](const ApiReply *ok, const ApiFailure *failure) {
                          answered = ok != nullptr;
                          if (ok)
                              results = ok->body.value(u"results").toArray();
                          else
                              note(QStringLiteral("replay failed: ") + failure->error.message);
                          loop.quit();
                      });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        const qint64 requests = a.api()->requestCount() - requestsBefore;
        const qint64 writes = service.writtenRows() - before;
        int sameAnswer = 0;
        for (const QJsonValue &v : results) {
            const QString outcome = v.toObject().value(u"result").toString();
            if (outcome == QLatin1String("applied") || outcome == QLatin1String("merged"))
                ++sameAnswer;
        }
        note(QStringLiteral("replay of %1 acknowledged mutations: answered %2, %3 answered applied/merged again")
                 .arg(mutations.size())
                 .arg(answered)
                 .arg(sameAnswer));
        emitFigure(QStringLiteral("sync.repush.requests"), double(requests), QStringLiteral("requests"));
        emitFigure(QStringLiteral("sync.repush.writes"), double(writes), QStringLiteral("rows"));
    } else {
        status = 1;
    }

    // --- pull 50k into an empty device ----------------------------------------------------------
    // Bench-only setup: the other records are copies of the pushed visits (new ids, same shape,
    // versions, child links and change-feed rows) written straight into PostgreSQL in one
    // transaction, because pushing 40,000 more through the service would take minutes.
    if (pullN > pushN) {
        const int copies = (pullN - pushN + pushN - 1) / pushN;
        const QString seed = QStringLiteral(
            "BEGIN;"
            "CREATE TEMP TABLE seedmap AS SELECT s.record_id AS src, gen_random_uuid()::text AS id FROM"
            " (SELECT m.record_id FROM mutations m JOIN devices d ON d.id = m.device_id WHERE d.name = 'bench-push') s"
            " CROSS JOIN generate_series(1, %1) g LIMIT %2;"
            "INSERT INTO records (id, type, team_id, author_id, state, rev, body, field_revs, conflict, deleted, safety_concern,"
            " created_at, updated_at, submitted_seen_at)"
            " SELECT m.id, r.type, r.team_id, r.author_id, r.state, r.rev, jsonb_set(r.body::jsonb, '{id}', to_jsonb(m.id))::text,"
            " r.field_revs, r.conflict, r.deleted, r.safety_concern, r.created_at, r.updated_at, r.submitted_seen_at"
            " FROM seedmap m JOIN records r ON r.id = m.src;"
            "INSERT INTO record_versions (record_id, rev, body, user_id, device_id, created_at)"
            " SELECT r.id, r.rev, r.body, r.author_id, NULL, r.created_at FROM records r JOIN seedmap m ON m.id = r.id;"
            "INSERT INTO record_children (record_id, child_id) SELECT m.id, c.child_id FROM seedmap m JOIN record_children c ON c.record_id = m.src;"
            "INSERT INTO changes (record_id, kind, team_id, target_user, created_at)"
            " SELECT m.id, 'upsert', r.team_id, NULL, r.created_at FROM seedmap m JOIN records r ON r.id = m.id ORDER BY m.id;"
            "COMMIT;")
                                 .arg(copies)
                                 .arg(pullN - pushN);
        QElapsedTimer s;
        s.start();
        if (!service.sql(seed)) {
            note(QStringLiteral("seeding the service failed"));
            return 1;
        }
        note(QStringLiteral("%1 more records written into PostgreSQL in %2 ms").arg(pullN - pushN).arg(s.elapsed()));
    }
    note(QStringLiteral("service holds %1 records").arg(service.count(QStringLiteral("SELECT count(*) FROM records"))));
    auto fresh = newDevice(&keys, url, QStringLiteral("worker1"), QStringLiteral("bench-pull"));
    if (!fresh)
        return 1;
    fresh->device->engine()->setPageSize(envInt("BENCH_SYNC_PAGE", 2000));
    const CpuSplit cpuBeforePull = service.cpu();
    SyncRun pull = syncOnce(*fresh->device, 600000);
    const CpuSplit cpuPull = service.cpu() - cpuBeforePull;
    if (!pull.ok) {
        note(QStringLiteral("pull failed"));
        return 1;
    }
    note(QStringLiteral("pull: %1 records in %2 ms, %3 requests, %4 bytes received")
             .arg(pull.end.pulled)
             .arg(pull.totalMs)
             .arg(pull.end.requests)
             .arg(pull.end.bytesReceived));
    note(QStringLiteral("pull ") + cpuPull.describe(pull.totalMs));
    // The 50k peer run can hit the peer's own 240 s limit on a loaded machine: then its 10k pull
    // figure stands in, marked with peer_n.
    const bool pullPeerFallback = !peerPull && peerPush;
    emitFigure(QStringLiteral("sync.pull_50k.docs_per_s"), std::round(pull.end.pulled / (pull.totalMs / 1000.0)), QStringLiteral("docs/s"),
               pullPeerFallback ? peerFigure(peerPush, "pull_docs_per_s") : peerFigure(peerPull, "pull_docs_per_s"),
               pullPeerFallback ? peerPush->value(u"N").toInt() : 0);
    {
        // Where the pull time goes: the same pages fetched again through the API client alone
        // (service + transfer + JSON parse, nothing applied); the rest of the pull is the device
        // applying pages to its store.
        QElapsedTimer f;
        f.start();
        QString cursor;
        int pages = 0;
        bool more = true;
        while (more && pages < 1000 && f.elapsed() < 300000) { // bounded in pages and time
            QEventLoop loop;
            bool ok = false;
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2000"));
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("cursor"), cursor);
            fresh->device->api()->get(QStringLiteral("/api/v1/sync/pull?") + query.toString(QUrl::FullyEncoded),
                                      [&](const ApiReply *reply, const ApiFailure *) {
                                          if (reply) {
                                              ok = true;
                                              cursor = reply->body.value(u"next_cursor").toString();
                                              more = reply->body.value(u"has_more").toBool();
                                          }
                                          loop.quit();
                                      });
            QTimer::singleShot(120000, &loop, &QEventLoop::quit);
            loop.exec();
            if (!ok)
                break;
            ++pages;
        }
        note(QStringLiteral("pull split: fetching the %1 pages alone took %2 ms of the pull's %3 ms").arg(pages).arg(f.elapsed()).arg(pull.totalMs));
    }
    pusher.reset();
    fresh.reset();

    // --- resume after the client is killed mid-push ---------------------------------------------
    const QString cli = QStringLiteral(DOORSTEP_CLI_EXE);
    QTemporaryDir killDir;
    const QStringList dirArg{QStringLiteral("--data-dir"), killDir.path()};
    const Run login = run(cli, QStringList{QStringLiteral("login"), QStringLiteral("--server"), url, QStringLiteral("--user"), QStringLiteral("worker2"),
                                           QStringLiteral("--password"), kPassword, QStringLiteral("--device-name"), QStringLiteral("bench-kill")}
                                   + dirArg);
    const Run first = run(cli, QStringList{QStringLiteral("sync")} + dirArg);
    const Run made = run(cli, QStringList{QStringLiteral("create-demo"), QStringLiteral("--count"), QString::number(killN)} + dirArg);
    if (login.exitCode != 0 || first.exitCode != 0 || made.exitCode != 0) {
        note(QStringLiteral("doorstep-cli setup failed: ") + login.err + first.err + made.err);
        return 1;
    }
    const QString mutationsOfWorker2 =
        QStringLiteral("SELECT count(*) FROM mutations m JOIN devices d ON d.id = m.device_id WHERE d.name = 'bench-kill'");
    const qint64 mutationsBefore = service.count(mutationsOfWorker2);
    QProcess victim;
    victim.start(cli, QStringList{QStringLiteral("sync")} + dirArg);
    victim.waitForStarted(10000);
    QElapsedTimer k;
    k.start();
    qint64 landed = 0;
    while (k.elapsed() < 60000 && victim.state() == QProcess::Running) {
        landed = service.count(mutationsOfWorker2) - mutationsBefore;
        if (landed >= killN / 3)
            break;
        QThread::msleep(20);
    }
    const bool killedMidPush = victim.state() == QProcess::Running;
    victim.kill(); // SIGKILL: no chance to record the batch in flight
    victim.waitForFinished(5000);
    note(QStringLiteral("client killed %1 with %2 of %3 mutations on the service")
             .arg(killedMidPush ? QStringLiteral("mid-push") : QStringLiteral("after it finished (too late)"))
             .arg(service.count(mutationsOfWorker2) - mutationsBefore)
             .arg(killN));
    QElapsedTimer r;
    r.start();
    const Run resumed = run(cli, QStringList{QStringLiteral("sync"), QStringLiteral("--json")} + dirArg, 300000);
    const qint64 resumeMs = r.elapsed();
    const qint64 onService = service.count(mutationsOfWorker2) - mutationsBefore;
    note(QStringLiteral("resumed sync: exit %1, %2; %3 of %4 mutations on the service")
             .arg(resumed.exitCode)
             .arg(resumed.out.trimmed())
             .arg(onService)
             .arg(killN));
    if (resumed.exitCode == 0 && killedMidPush)
        emitFigure(QStringLiteral("sync.resume_after_kill.ms"), double(resumeMs), QStringLiteral("ms"));
    else
        status = 1;

    service.stop();
    return status;
}
