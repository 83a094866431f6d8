// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The service's handler classes called directly (no HTTP), on a real SQLite file.
#include "adminservice.h"
#include "apirouter.h"
#include "auditlog.h"
#include "authservice.h"
#include "database.h"
#include "demoseed.h"
#include "reviewservice.h"
#include "syncservice.h"

#include "core/wire.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using namespace doorstep::server;

namespace {
QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

/** DbConfig, cursors, body limits, throttling per address, tombstones and migrations. */
class TestServerHandlers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dbConfig_data();
    void dbConfig();
    void cursorRoundTrip_data();
    void cursorRoundTrip();
    void bodyLimits_data();
    void bodyLimits();
    void migrationsAreIdempotent();
    void throttlePerAddress();
    void deleteDraftGivesTombstone();
    void seedDemo();
    void routerErrorShape_data();
    void routerErrorShape();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    AuthContext m_worker;
    QString m_child;
};

void TestServerHandlers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DOORSTEP_FAST_PWHASH", "1");
    QVERIFY(m_dir.isValid());
    auto config = DbConfig::parse(S("sqlite:") + m_dir.filePath(S("h.sqlite")));
    QVERIFY(config.ok());
    m_db = std::make_unique<Database>(config.value());
    QVERIFY(m_db->migrate().ok());
    AdminService admin(*m_db);
    QVERIFY(admin.createTeam(S("T")).ok());
    auto worker = admin.createUser(S("hw"), "handler-pass", S("worker"), S("T"));
    QVERIFY(worker.ok());
    m_child = wire::newUuid();
    QVERIFY(admin.allocate(m_child, S("hw")).ok());
    AuthService auth(*m_db);
    const ApiResponse login = auth.login({{S("username"), S("hw")}, {S("password"), S("handler-pass")}, {S("device_name"), S("d")}}, S("192.0.2.1"));
    QCOMPARE(login.status, 200);
    ApiResponse failure;
    auto ctx = auth.authenticate("Bearer " + login.body.value(S("access_token")).toString().toLatin1(), S("192.0.2.1"), &failure);
    QVERIFY(ctx.ok());
    m_worker = ctx.value();
    QCOMPARE(m_worker.role, S("worker"));
}

void TestServerHandlers::dbConfig_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("postgres");
    QTest::addRow("default") << QString() << true << false;
    QTest::addRow("sqlite") << S("sqlite:/tmp/x.sqlite") << true << false;
    QTest::addRow("sqlite empty") << S("sqlite:") << false << false;
    QTest::addRow("postgres") << S("postgresql://u:p@127.0.0.1:5433/db") << true << true;
    QTest::addRow("postgres socket") << S("postgresql://u@/db?host=/run/postgresql") << true << true;
    QTest::addRow("postgres no db") << S("postgresql://u@127.0.0.1:5433/") << false << true;
    QTest::addRow("postgres odd option") << S("postgresql://u@h/db?options=-c%20x") << false << true;
    QTest::addRow("mysql") << S("mysql://u@h/db") << false << false;
}

void TestServerHandlers::dbConfig()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(bool, postgres);
    const auto c = DbConfig::parse(spec);
    QCOMPARE(c.ok(), ok);
    if (ok)
        QCOMPARE(c.value().kind == DbConfig::Kind::Postgres, postgres);
    if (spec.isEmpty())
        QVERIFY(c.value().path.endsWith(S("doorstep-server.sqlite")));
}

void TestServerHandlers::cursorRoundTrip_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<bool>("valid");
    QTest::addRow("made") << SyncService::encodeCursor(S("12345"), 678) << true;
    QTest::addRow("zero") << SyncService::encodeCursor(S("0"), 0) << true;
    QTest::addRow("garbage") << S("!!!") << false;
    QTest::addRow("wrong version") << QString::fromLatin1(QByteArray("v2:1:1").toBase64()) << false;
    QTest::addRow("negative seq") << QString::fromLatin1(QByteArray("v1:1:-4").toBase64()) << false;
    QTest::addRow("sql") << QString::fromLatin1(QByteArray("v1:1;drop:1").toBase64()) << false;
    QTest::addRow("too long") << QString(200, QLatin1Char('A')) << false;
}

void TestServerHandlers::cursorRoundTrip()
{
    QFETCH(QString, cursor);
    QFETCH(bool, valid);
    QString xid;
    qint64 seq = -1;
    QCOMPARE(SyncService::decodeCursor(cursor, &xid, &seq), valid);
    if (valid)
        QCOMPARE(SyncService::encodeCursor(xid, seq), cursor);
}

void TestServerHandlers::bodyLimits_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QByteArray deep;
    for (int i = 0; i < ApiRouter::kMaxJsonDepth + 2; ++i)
        deep += "[";
    for (int i = 0; i < ApiRouter::kMaxJsonDepth + 2; ++i)
        deep += "]";
    QByteArray many = "{\"a\":[";
    for (int i = 0; i < ApiRouter::kMaxJsonValues + 1; ++i)
        many += i ? ",0" : "0";
    many += "]}";
    QTest::addRow("object") << QByteArray("{\"a\":1}") << true;
    QTest::addRow("array") << QByteArray("[]") << false;
    QTest::addRow("deep") << (QByteArray("{\"a\":") + deep + "}") << false;
    QTest::addRow("many values") << many << false;
    QTest::addRow("trailing garbage") << QByteArray("{} x") << false;
}

void TestServerHandlers::bodyLimits()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QCOMPARE(ApiRouter::parseBody(body).ok(), ok);
}

void TestServerHandlers::migrationsAreIdempotent()
{
    QVERIFY(m_db->migrate().ok());
    QVERIFY(m_db->migrate().ok());
    QCOMPARE(m_db->schemaVersion(), Database::latestVersion());
}

void TestServerHandlers::throttlePerAddress()
{
    AuthService auth(*m_db);
    // Many accounts guessed from one address: the address locks after 20 failures.
    for (int i = 0; i < AuthService::kAddressFailuresBeforeLock; ++i) {
        const ApiResponse r = auth.login({{S("username"), S("nobody%1").arg(i)}, {S("password"), S("guess-guess")}, {S("device_name"), S("d")}},
                                         S("198.51.100.9"));
        QCOMPARE(r.status, 401);
    }
    const ApiResponse locked = auth.login({{S("username"), S("hw")}, {S("password"), S("handler-pass")}, {S("device_name"), S("d")}}, S("198.51.100.9"));
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.headers.first().first, QByteArray("Retry-After"));
    // The same account from another address is fine.
    QCOMPARE(auth.login({{S("username"), S("hw")}, {S("password"), S("handler-pass")}, {S("device_name"), S("d")}}, S("198.51.100.10")).status, 200);
}

void TestServerHandlers::deleteDraftGivesTombstone()
{
    SyncService sync(*m_db);
    const QString id = wire::newUuid();
    const QJsonObject visit{{S("rationale"), S("Draft")},
                            {S("children"), QJsonArray{QJsonObject{{S("child_id"), m_child}, {S("safety_concern"), false}}}}};
    ApiResponse r = sync.push(m_worker, {{S("mutations"), QJsonArray{QJsonObject{{S("mutation_id"), wire::newUuid()}, {S("record_id"), id},
                                                                                {S("type"), S("visit")}, {S("base_rev"), 0}, {S("patch"), visit}}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(S("results")).toArray().first().toObject().value(S("result")).toString(), S("applied"));
    r = sync.push(m_worker, {{S("mutations"), QJsonArray{QJsonObject{{S("mutation_id"), wire::newUuid()}, {S("record_id"), id},
                                                                     {S("type"), S("visit")}, {S("base_rev"), 1}, {S("op"), S("delete")}}}}});
    QCOMPARE(r.body.value(S("results")).toArray().first().toObject().value(S("rev")).toInt(), 2);
    const ApiResponse pulled = sync.pull(m_worker, QUrlQuery());
    QCOMPARE(pulled.status, 200);
    bool tombstone = false;
    for (const QJsonValue &c : pulled.json().value(S("changes")).toArray())
        if (c.toObject().value(S("record_id")).toString() == id) {
            tombstone = c.toObject().value(S("deleted")).toBool();
            QVERIFY(!c.toObject().contains(S("record")));
        }
    QVERIFY(tombstone);
    // A deleted record cannot be written again.
    r = sync.push(m_worker, {{S("mutations"), QJsonArray{QJsonObject{{S("mutation_id"), wire::newUuid()}, {S("record_id"), id},
                                                                     {S("type"), S("visit")}, {S("base_rev"), 2}, {S("patch"), visit}}}}});
    QCOMPARE(r.body.value(S("results")).toArray().first().toObject().value(S("code")).toString(), S("gone"));
    auto report = AuditLog::verify(*m_db);
    QVERIFY(report.ok() && report.value().ok);
}

void TestServerHandlers::seedDemo()
{
    QTemporaryDir dir;
    auto config = DbConfig::parse(S("sqlite:") + dir.filePath(S("demo.sqlite")));
    QVERIFY(config.ok());
    Database db(config.value());
    QVERIFY(db.migrate().ok());
    auto summary = DemoSeed::run(db, "demo-password");
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary.value().users, 9);
    QCOMPARE(summary.value().children, 60);
    QVERIFY(summary.value().records > 60 * 10);

    AuthService auth(db);
    auto contextOf = [&](const char *user) -> AuthContext {
        const ApiResponse r = auth.login({{S("username"), S(user)}, {S("password"), S("demo-password")}, {S("device_name"), S("d")}}, S("127.0.0.1"));
        ApiResponse failure;
        auto ctx = auth.authenticate("Bearer " + r.body.value(S("access_token")).toString().toLatin1(), S("127.0.0.1"), &failure);
        return ctx.ok() ? ctx.value() : AuthContext();
    };
    // worker1 holds 10 children (and their records) and nothing of worker4's team.
    const AuthContext w1 = contextOf("worker1");
    QCOMPARE(w1.role, S("worker"));
    SyncService sync(db);
    QUrlQuery q;
    q.addQueryItem(S("limit"), S("500"));
    QSet<QString> children;
    int records = 0;
    for (int page = 0; page < 20; ++page) {
        const ApiResponse r = sync.pull(w1, q);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json(); // a pull page comes serialised
        for (const QJsonValue &c : body.value(S("changes")).toArray()) {
            ++records;
            const QJsonObject rec = c.toObject().value(S("record")).toObject();
            if (rec.value(S("type")).toString() == QLatin1String("child")) {
                children.insert(rec.value(S("id")).toString());
                QCOMPARE(rec.value(S("allocated_worker")).toString(), w1.userId);
            }
        }
        if (!body.value(S("has_more")).toBool())
            break;
        q.removeAllQueryItems(S("cursor"));
        q.addQueryItem(S("cursor"), body.value(S("next_cursor")).toString());
    }
    QCOMPARE(children.size(), 10);
    QVERIFY(records > 100);
    // manager1's queue: submitted work of the team, safety concerns first.
    ReviewService reviews(db);
    const ApiResponse queue = reviews.queue(contextOf("manager1"));
    QCOMPARE(queue.status, 200);
    const QJsonArray items = queue.body.value(S("items")).toArray();
    QVERIFY(items.size() > 10);
    QVERIFY(items.first().toObject().value(S("safety_concern")).toBool());
    // The admin holds no case records.
    QCOMPARE(sync.pull(contextOf("admin"), QUrlQuery()).status, 403);
    auto report = AuditLog::verify(db);
    QVERIFY(report.ok() && report.value().ok);
}

void TestServerHandlers::routerErrorShape_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addRow("unknown") << QByteArray("GET") << S("/api/v1/zzz") << 404;
    QTest::addRow("no auth") << QByteArray("GET") << S("/api/v1/sync/pull") << 401;
    QTest::addRow("bad method") << QByteArray("PUT") << S("/api/v1/auth/login") << 405;
}

void TestServerHandlers::routerErrorShape()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    ApiRouter router(*m_db);
    ApiRequest req;
    req.method = method;
    req.path = path;
    req.address = S("127.0.0.1");
    const ApiResponse r = router.handle(req);
    QCOMPARE(r.status, status);
    const QJsonObject e = r.body.value(S("error")).toObject();
    QVERIFY(!e.value(S("code")).toString().isEmpty());
    QVERIFY(e.contains(S("message")) && e.contains(S("field")));
}

QTEST_GUILESS_MAIN(TestServerHandlers)
#include "tst_serverhandlers.moc"
