// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The morning sync rush: N simulated devices (default 200, at most 2,000) signed in as the demo
// council's workers, each pulling what changed since its cursor and then pushing 20 new visits in
// one request, against doorstep-server on PostgreSQL over loopback. Three rushes:
//  - the morning rush: the devices arrive evenly over --window-s seconds (default 60: a team's
//    tablets coming online as people start work) -> load.devices_N.*;
//  - the burst: every device in the same instant, the worst case a service can be handed
//    -> load.devices_N.burst.*;
//  - the same burst against two service instances on the same database
//    -> load.two_instances.devices_N.*, and load.two_instances.throughput.ratio (burst over burst:
//    only a saturated service shows what a second instance adds).
// Prints JSON lines {"name", "value", "unit"}: push and pull p50/p99 latency, errors, throughput.
//   bench_load [--devices N] [--mutations M] [--window-s S] [--db postgresql://...] [--timeout-s S]
// Without --db it starts a throwaway cluster with tests/support/pg-cluster (loopback only).
#include "core/wire.h"
#include "sync/apiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace doorstep;
using namespace doorstep::sync;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QStringLiteral("load-demo-password");
const QStringList kWorkers{QStringLiteral("worker1"), QStringLiteral("worker2"), QStringLiteral("worker3"),
                           QStringLiteral("worker4"), QStringLiteral("worker5"), QStringLiteral("worker6")};

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void emitFigure(const QString &name, double value, const QString &unit)
{
    QTextStream out(stdout);
    out << QJsonDocument(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}, {QStringLiteral("unit"), unit}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
}

QString serverExe()
{
    return QStringLiteral(DOORSTEP_SERVER_EXE);
}

bool runCli(const QStringList &args, const QString &db, QString *out = nullptr)
{
    QProcess p;
    p.start(serverExe(), args + QStringList{QStringLiteral("--db"), db});
    const bool done = p.waitForFinished(600000);
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    if (out)
        *out = text;
    if (!done || p.exitCode() != 0) {
        err() << "doorstep-server " << args.join(u' ') << " failed: " << p.readAllStandardError() << Qt::endl;
        return false;
    }
    return true;
}

/** One `serve` process on a free loopback port. */
class Instance
{
public:
    bool start(const QString &db)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(serverExe(), {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
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
                m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m.captured(1)));
                return true;
            }
        }
        return false;
    }
    ~Instance()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QUrl url() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

struct SimDevice {
    QString worker;
    QByteArray token;
    std::unique_ptr<ApiClient> api;
};

struct WorkerState {
    QString cursor;
    QString childId;
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(std::ceil(p * double(v.size()))) - 1);
    return v.at(std::max<qsizetype>(0, i));
}

QJsonObject visit(const QString &childId, int i)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600 - i * 60);
    return {{QStringLiteral("started_at"), start.toString(Qt::ISODate)},
            {QStringLiteral("ended_at"), start.addSecs(1800).toString(Qt::ISODate)},
            {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
            {QStringLiteral("announced"), true},
            {QStringLiteral("location"), QStringLiteral("home")},
            {QStringLiteral("rationale"), QStringLiteral("Statutory visit under the child in need plan.")},
            {QStringLiteral("present"), QStringLiteral("Child and mother")},
            {QStringLiteral("children"), QJsonArray{QJsonObject{{QStringLiteral("child_id"), childId},
                                                                {QStringLiteral("seen"), true},
                                                                {QStringLiteral("seen_alone"), true},
                                                                {QStringLiteral("child_views"), QStringLiteral("Likes the new school.")}}}},
            {QStringLiteral("actions"), QJsonArray{}}};
}

/** Waits (bounded) until `done` holds. */
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

struct RushResult {
    QList<double> pushMs, pullMs;
    int errors = 0;
    qint64 mutationsApplied = 0;
    qint64 requests = 0;
    double seconds = 0;
};

/** Every device: pull from its worker's cursor (following has_more, at most 20 pages), then one
 *  push of `mutations` new visits. Device i starts at i/N of `windowMs` (0: all together). */
RushResult rush(std::vector<SimDevice> &devices, const QHash<QString, WorkerState> &workers, const QList<QUrl> &instances,
                int mutations, int windowMs, int timeoutMs)
{
    RushResult result;
    int finished = 0;
    QElapsedTimer wall;
    wall.start();
    for (size_t i = 0; i < devices.size(); ++i) {
        SimDevice &d = devices[i];
        d.api->setBaseUrl(instances.at(int(i % size_t(instances.size()))));
        const WorkerState ws = workers.value(d.worker);
        auto push = [&result, &finished, &d, ws, mutations, i] {
            QJsonArray batch;
            for (int m = 0; m < mutations; ++m) {
                batch.append(QJsonObject{{QStringLiteral("mutation_id"), wire::newUuid()},
                                         {QStringLiteral("record_id"), wire::newUuid()},
                                         {QStringLiteral("type"), QStringLiteral("visit")},
                                         {QStringLiteral("base_rev"), 0},
                                         {QStringLiteral("patch"), visit(ws.childId, int(i) * mutations + m)}});
            }
            auto t = std::make_shared<QElapsedTimer>();
            t->start();
            ++result.requests;
            d.api->post(QStringLiteral("/api/v1/sync/push"), QJsonObject{{QStringLiteral("mutations"), batch}},
                        [&result, &finished, t, mutations](const ApiReply *ok, const ApiFailure *failure) {
                            result.pushMs << double(t->nsecsElapsed()) / 1e6;
                            if (!ok) {
                                ++result.errors;
                                err() << "push failed: " << failure->status << ' ' << failure->error.message << Qt::endl;
                            } else {
                                const QJsonArray results = ok->body.value(u"results").toArray();
                                int applied = 0;
                                for (const QJsonValue &r : results)
                                    applied += r.toObject().value(u"result").toString() == QLatin1String("applied") ? 1 : 0;
                                result.mutationsApplied += applied;
                                if (applied != mutations) {
                                    ++result.errors;
                                    err() << "push: " << applied << " of " << mutations << " applied" << Qt::endl;
                                }
                            }
                            ++finished;
                        });
        };
        auto pages = std::make_shared<int>(0);
        auto pull = std::make_shared<std::function<void(QString)>>();
        *pull = [&result, &d, push, pages, pull](const QString &cursor) {
            auto t = std::make_shared<QElapsedTimer>();
            t->start();
            ++result.requests;
            d.api->get(QStringLiteral("/api/v1/sync/pull?limit=500&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor)),
                       [&result, t, push, pages, pull](const ApiReply *ok, const ApiFailure *failure) {
                           result.pullMs << double(t->nsecsElapsed()) / 1e6;
                           if (!ok) {
                               ++result.errors;
                               err() << "pull failed: " << failure->status << ' ' << failure->error.message << Qt::endl;
                               push(); // the push still happens, as a device would after a failed pull
                               return;
                           }
                           if (ok->body.value(u"has_more").toBool() && ++*pages < 20) {
                               (*pull)(ok->body.value(u"next_cursor").toString());
                               return;
                           }
                           push();
                       });
        };
        const int startMs = int(qint64(windowMs) * qint64(i) / qint64(devices.size()));
        QTimer::singleShot(startMs, [pull, cursor = ws.cursor] { (*pull)(cursor); });
    }
    const int n = int(devices.size());
    if (!waitUntil([&] { return finished >= n; }, windowMs + timeoutMs)) {
        err() << "rush: only " << finished << " of " << n << " devices finished in time" << Qt::endl;
        result.errors += n - finished;
    }
    result.seconds = double(wall.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption devicesOpt(QStringLiteral("devices"), QStringLiteral("Simulated devices (1-2000)."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption mutationsOpt(QStringLiteral("mutations"), QStringLiteral("Mutations per push (1-200)."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("PostgreSQL URL (default: a throwaway cluster)."), QStringLiteral("url"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout-s"), QStringLiteral("Bound on each rush."), QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption windowOpt(QStringLiteral("window-s"), QStringLiteral("The morning rush: devices arrive evenly over this many seconds (0-600)."),
                                       QStringLiteral("s"), QStringLiteral("60"));
    // As deployed: `migrate --service-role ROLE` and `serve` connected as ROLE, so row-level
    // security applies (the role must exist and log in without a password, as on pg-cluster).
    const QCommandLineOption roleOpt(QStringLiteral("service-role"), QStringLiteral("Serve as this PostgreSQL role (row-level security on)."),
                                     QStringLiteral("role"));
    parser.addOptions({devicesOpt, mutationsOpt, dbOpt, timeoutOpt, windowOpt, roleOpt});
    parser.process(app);
    const int n = std::clamp(parser.value(devicesOpt).toInt(), 1, 2000);
    const int mutations = std::clamp(parser.value(mutationsOpt).toInt(), 1, 200);
    const int timeoutMs = std::clamp(parser.value(timeoutOpt).toInt(), 10, 3600) * 1000;
    const int windowMs = std::clamp(parser.value(windowOpt).toInt(), 0, 600) * 1000;
    // Sign-in is not what is measured: cheap password hashes for the seeded accounts.
    qputenv("DOORSTEP_FAST_PWHASH", "1");

    QTemporaryDir scratch;
    const QString clusterDir = scratch.filePath(QStringLiteral("pg"));
    const QString pgCluster = QStringLiteral(DOORSTEP_SOURCE_DIR "/tests/support/pg-cluster");
    QString db = parser.value(dbOpt);
    bool ownCluster = false;
    if (db.isEmpty()) {
        QProcess p;
        p.start(pgCluster, {QStringLiteral("start"), clusterDir});
        if (!p.waitForFinished(180000) || p.exitCode() != 0) {
            err() << "bench_load: could not start PostgreSQL: " << p.readAllStandardError() << Qt::endl;
            return 1;
        }
        db = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        ownCluster = true;
    }
    if (!db.startsWith(u"postgresql://")) {
        err() << "bench_load: PostgreSQL only (--db postgresql://...)" << Qt::endl;
        return 2;
    }
    if (!QUrl(db).host().isEmpty() && QUrl(db).host() != QLatin1String("127.0.0.1") && QUrl(db).host() != QLatin1String("localhost")) {
        err() << "bench_load: loopback databases only" << Qt::endl;
        return 2;
    }
    auto stopCluster = [&] {
        if (ownCluster) {
            QProcess p;
            p.start(pgCluster, {QStringLiteral("stop"), clusterDir});
            p.waitForFinished(60000);
        }
    };

    int status = 0;
    [&] {
        err() << "bench_load: migrating and seeding " << db.section(u'@', 1) << Qt::endl;
        const QString role = parser.value(roleOpt);
        QStringList migrate{QStringLiteral("migrate")};
        if (!role.isEmpty())
            migrate << QStringLiteral("--service-role") << role;
        if (!runCli(migrate, db) || !runCli({QStringLiteral("seed-demo"), QStringLiteral("--password"), kPassword}, db)) {
            status = 1;
            return;
        }
        if (!role.isEmpty()) {
            QUrl serveUrl(db);
            serveUrl.setUserName(role);
            serveUrl.setPassword(QString());
            db = serveUrl.toString();
        }
        err() << "bench_load: serving as " << (role.isEmpty() ? QStringLiteral("the owner") : role) << Qt::endl;
        std::vector<std::unique_ptr<QNetworkAccessManager>> nams; // 6 connections each: one per device in flight
        const int namCount = (n + 5) / 6;
        for (int i = 0; i < namCount; ++i)
            nams.push_back(std::make_unique<QNetworkAccessManager>());

        std::vector<SimDevice> devices(static_cast<size_t>(n));
        QHash<QString, WorkerState> workers;
        // Each worker's cursor drained to the end of its feed: every rush then pulls only what changed
        // since the one before (without this the second rush pulled the first rush's 4,000 visits
        // as well, and the one/two-instance comparison measured different work).
        auto drainCursors = [&](const QUrl &url) -> bool {
            for (size_t w = 0; w < size_t(std::min<qsizetype>(n, kWorkers.size())); ++w) {
                WorkerState ws = workers.value(devices[w].worker);
                bool more = true;
                for (int page = 0; more && page < 200; ++page) {
                    bool answered = false;
                    devices[w].api->setBaseUrl(url);
                    devices[w].api->get(QStringLiteral("/api/v1/sync/pull?limit=500&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(ws.cursor)),
                                        [&](const ApiReply *ok, const ApiFailure *) {
                                            answered = true;
                                            more = false;
                                            if (!ok)
                                                return;
                                            for (const QJsonValue &c : ok->body.value(u"changes").toArray()) {
                                                const QJsonObject change = c.toObject();
                                                if (ws.childId.isEmpty() && change.value(u"type").toString() == QLatin1String("child"))
                                                    ws.childId = change.value(u"record_id").toString();
                                            }
                                            ws.cursor = ok->body.value(u"next_cursor").toString();
                                            more = ok->body.value(u"has_more").toBool();
                                        });
                    if (!waitUntil([&] { return answered; }, timeoutMs))
                        break;
                }
                if (ws.childId.isEmpty()) {
                    err() << "bench_load: no child in " << devices[w].worker << "'s caseload" << Qt::endl;
                    return false;
                }
                workers.insert(devices[w].worker, ws);
            }
            return true;
        };
        {
            Instance one;
            if (!one.start(db)) {
                err() << "bench_load: the service did not start" << Qt::endl;
                status = 1;
                return;
            }
            // Sign every device in (not timed; 16 at a time) and give each worker a cursor and a child.
            int signedIn = 0, failed = 0, next = 0;
            std::function<void()> launch = [&] {
                if (next >= n)
                    return;
                const int i = next++;
                SimDevice &d = devices[size_t(i)];
                d.worker = kWorkers.at(i % kWorkers.size());
                d.api = std::make_unique<ApiClient>(nams[size_t(i / 6)].get(), one.url());
                d.api->setTransferTimeout(std::chrono::milliseconds(timeoutMs));
                d.api->post(QStringLiteral("/api/v1/auth/login"),
                            QJsonObject{{QStringLiteral("username"), d.worker}, {QStringLiteral("password"), kPassword},
                                        {QStringLiteral("device_name"), QStringLiteral("load-%1").arg(i)}},
                            [&, i](const ApiReply *ok, const ApiFailure *failure) {
                                if (ok) {
                                    devices[size_t(i)].token = ok->body.value(u"access_token").toString().toUtf8();
                                    devices[size_t(i)].api->setAccessToken(devices[size_t(i)].token);
                                    ++signedIn;
                                } else {
                                    ++failed;
                                    err() << "sign-in failed: " << failure->error.message << Qt::endl;
                                }
                                launch();
                            });
            };
            for (int k = 0; k < 16; ++k)
                launch();
            if (!waitUntil([&] { return signedIn + failed >= n; }, timeoutMs) || failed > 0) {
                err() << "bench_load: " << signedIn << " of " << n << " devices signed in" << Qt::endl;
                status = 1;
                return;
            }
            if (!drainCursors(one.url())) {
                status = 1;
                return;
            }
        }

        const QString prefix = QStringLiteral("load.devices_%1.").arg(n);
        auto report = [&](const QString &p, const RushResult &r) {
            emitFigure(p + QStringLiteral("p50_ms"), percentile(r.pushMs, 0.50), QStringLiteral("ms"));
            emitFigure(p + QStringLiteral("p99_ms"), percentile(r.pushMs, 0.99), QStringLiteral("ms"));
            emitFigure(p + QStringLiteral("pull_p50_ms"), percentile(r.pullMs, 0.50), QStringLiteral("ms"));
            emitFigure(p + QStringLiteral("pull_p99_ms"), percentile(r.pullMs, 0.99), QStringLiteral("ms"));
            emitFigure(p + QStringLiteral("errors"), r.errors, QStringLiteral("count"));
            emitFigure(p + QStringLiteral("throughput"), r.seconds > 0 ? double(r.mutationsApplied) / r.seconds : 0, QStringLiteral("mutations/s"));
            emitFigure(p + QStringLiteral("requests_per_s"), r.seconds > 0 ? double(r.requests) / r.seconds : 0, QStringLiteral("requests/s"));
            emitFigure(p + QStringLiteral("wall_s"), r.seconds, QStringLiteral("s"));
        };
        struct Plan {
            int instances;
            int window;
            QString prefix;
        };
        const QList<Plan> plans{{1, windowMs, prefix},
                                {1, 0, prefix + QStringLiteral("burst.")},
                                {2, 0, QStringLiteral("load.two_instances.devices_%1.").arg(n)}};
        double throughput[2] = {0, 0}; // bursts on one and on two instances
        for (const Plan &plan : plans) {
            std::vector<std::unique_ptr<Instance>> running;
            QList<QUrl> urls;
            for (int j = 0; j < plan.instances; ++j) {
                running.push_back(std::make_unique<Instance>());
                if (!running.back()->start(db)) {
                    err() << "bench_load: instance " << j << " did not start" << Qt::endl;
                    status = 1;
                    return;
                }
                urls << running.back()->url();
            }
            // Every rush pulls only what changed since the one before it.
            if (!drainCursors(urls.first())) {
                status = 1;
                return;
            }
            err() << "bench_load: rush of " << n << " devices on " << plan.instances << " instance(s), arriving over "
                  << plan.window / 1000 << " s" << Qt::endl;
            const RushResult r = rush(devices, workers, urls, mutations, plan.window, timeoutMs);
            report(plan.prefix, r);
            if (plan.window == 0)
                throughput[plan.instances - 1] = r.seconds > 0 ? double(r.mutationsApplied) / r.seconds : 0;
        }
        emitFigure(QStringLiteral("load.two_instances.throughput.ratio"), throughput[0] > 0 ? throughput[1] / throughput[0] : 0,
                   QStringLiteral("ratio"));
    }();
    stopCluster();
    return status;
}
