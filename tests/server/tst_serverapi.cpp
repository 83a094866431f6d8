// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The service over loopback HTTP: the real doorstep-server binary against a fresh SQLite file
// (label integration) or a fresh database in a throwaway PostgreSQL 15 cluster (label postgres).
#include "apiclient.h"
#include "recordfixtures.h"
#include "auditlog.h"
#include "database.h"
#include "serverprocess.h"
#include "testbackend.h"

#include "core/gzip.h"
#include "core/wire.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QScopeGuard>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>

using namespace doorstep;
using namespace doorstep::server;
using doorstep::test::childRecord;
using doorstep::test::fullVisit;
using doorstep::test::isoAgo;

namespace {

const QByteArray kPassword = QByteArrayLiteral("test-password-1");

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

QString newId()
{
    return wire::newUuid();
}

struct Login {
    QString access, refresh, device, userId;
};

} // namespace

/** The HTTP API of doorstep-server end to end. */
class TestServerApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void login_data();
    void login();
    void refreshRotatesAndDetectsReuse();
    void authorizationMatrix_data();
    void authorizationMatrix();
    void unauthenticatedCalls_data();
    void unauthenticatedCalls();
    void idempotentReplay();
    void merge_data();
    void merge();
    void submissionRulesAndServiceFields();
    void reviewPermissions();
    void reviewQueueOrder();
    void returnReopensForAuthor();
    void reallocationDeliversAndPurges();
    void workRecordedBeforeAReallocationIsHandedOver();
    void malformedRequests_data();
    void malformedRequests();
    void revokedDevice();
    void disableUser();
    void enableUser();
    void resetPassword();
    void adminCommandsRefuseUnknownUser_data();
    void adminCommandsRefuseUnknownUser();
    void throttling();
    void concurrentWritersCursor();
    void cursorWaitsForOpenTransaction();
    void twoInstances();
    void auditTamperDetection_data();
    void auditTamperDetection();
    void pushIsolatesStorageFailure();
    void pushBatchOfFiveHundred();
    void pullSplicesStoredBodies();
    void largeAnswersAreCompressed();
    void pullLeavesOutTheCallersEchoes();
    void olderTabletsAreSentRecordsTheyCanStore();
    void survivesPostgresRestart();
    void noCrashDumps();

private:
    QString cli(const QStringList &args, const QByteArray &input = {}, int expectExit = 0);
    Login login(const QString &user, ApiClient *client = nullptr);
    QJsonObject push1(const QString &token, const QString &recordId, const QString &type, int baseRev,
                      const QJsonObject &patch, int *status = nullptr, const QString &mutationId = {},
                      const QString &recordedAt = {});
    bool execSql(const QString &sql);
    /** Drains the caller's feed from `cursor`; returns record id -> change, purges in `purges`. */
    QHash<QString, QJsonObject> pullAll(const QString &token, QString *cursor, QStringList *purges = nullptr, int limit = 50);
    qint64 count(const QString &sql);
    /** A submitted visit by `worker` about `child`; returns (id, rev). */
    QPair<QString, int> submittedVisit(const QString &workerToken, const QString &child);

    TestBackend m_backend;
    std::unique_ptr<Database> m_db;
    ServerProcess m_server;
    std::unique_ptr<ApiClient> m_api;
    QHash<QString, Login> m_logins;
    QHash<QString, QString> m_children; // c1..c4 -> id
    QString m_teamA, m_teamB;
};

QString TestServerApi::cli(const QStringList &args, const QByteArray &input, int expectExit)
{
    const auto r = ServerProcess::cli(args, m_backend.spec(), input);
    if (r.exitCode != expectExit)
        qWarning() << "cli" << args << "exit" << r.exitCode << r.err;
    return r.exitCode == expectExit ? r.out.trimmed() : QString();
}

Login TestServerApi::login(const QString &user, ApiClient *client)
{
    ApiClient *c = client ? client : m_api.get();
    const ApiReply r = c->post(S("/api/v1/auth/login"),
                               {{S("username"), user}, {S("password"), QString::fromUtf8(kPassword)}, {S("device_name"), S("test tablet")}});
    if (r.status != 200)
        qWarning() << "login" << user << r.status << r.raw;
    return {r.json.value(S("access_token")).toString(), r.json.value(S("refresh_token")).toString(),
            r.json.value(S("device_id")).toString(), r.json.value(S("user")).toObject().value(S("id")).toString()};
}

QJsonObject TestServerApi::push1(const QString &token, const QString &recordId, const QString &type, int baseRev,
                                 const QJsonObject &patch, int *status, const QString &mutationId, const QString &recordedAt)
{
    QJsonObject m{{S("mutation_id"), mutationId.isEmpty() ? newId() : mutationId},
                  {S("record_id"), recordId},
                  {S("type"), type},
                  {S("base_rev"), baseRev},
                  {S("patch"), patch}};
    if (!recordedAt.isEmpty())
        m.insert(S("recorded_at"), recordedAt);
    const ApiReply r = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), QJsonArray{m}}}, token);
    if (status)
        *status = r.status;
    if (r.status != 200)
        return r.json;
    return r.json.value(S("results")).toArray().first().toObject();
}

QHash<QString, QJsonObject> TestServerApi::pullAll(const QString &token, QString *cursor, QStringList *purges, int limit)
{
    QHash<QString, QJsonObject> seen;
    for (int page = 0; page < 500; ++page) {
        QString path = S("/api/v1/sync/pull?limit=%1").arg(limit);
        if (!cursor->isEmpty())
            path += S("&cursor=") + *cursor;
        const ApiReply r = m_api->get(path, token);
        if (r.status != 200) {
            qWarning() << "pull failed" << r.status << r.raw;
            return seen;
        }
        for (const QJsonValue &c : r.json.value(S("changes")).toArray())
            seen.insert(c.toObject().value(S("record_id")).toString(), c.toObject());
        if (purges)
            for (const QJsonValue &p : r.json.value(S("purges")).toArray())
                purges->append(p.toString());
        *cursor = r.json.value(S("next_cursor")).toString();
        if (!r.json.value(S("has_more")).toBool())
            break;
    }
    return seen;
}

bool TestServerApi::execSql(const QString &sql)
{
    auto conn = m_db->connection();
    if (!conn)
        return false;
    QSqlDatabase db = conn.value();
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    return true;
}

qint64 TestServerApi::count(const QString &sql)
{
    auto conn = m_db->connection();
    if (!conn)
        return -1;
    QSqlDatabase db = conn.value();
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        // The cluster may have been restarted (survivesPostgresRestart): one more try on a new connection.
        if (!m_db->reconnectIfLost(db))
            return -1;
        QSqlQuery again(db);
        if (!again.exec(sql) || !again.next())
            return -1;
        return again.value(0).toLongLong();
    }
    return q.value(0).toLongLong();
}

QPair<QString, int> TestServerApi::submittedVisit(const QString &workerToken, const QString &child)
{
    const QString id = newId();
    QJsonObject v = fullVisit(child);
    v.insert(S("state"), S("submitted"));
    v.insert(S("submitted_at"), isoAgo(1));
    const QJsonObject r = push1(workerToken, id, S("visit"), 0, v);
    if (r.value(S("result")).toString() != QLatin1String("applied"))
        qWarning() << "submittedVisit" << r;
    return {id, r.value(S("rev")).toInt()};
}

void TestServerApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DOORSTEP_FAST_PWHASH", "1"); // inherited by the server: libsodium's minimum Argon2id cost
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
    qInfo() << "backend" << (m_backend.isPostgres() ? "postgres" : "sqlite");
    QVERIFY(!cli({S("migrate")}).isEmpty());
    auto config = DbConfig::parse(m_backend.spec());
    QVERIFY(config.ok());
    m_db = std::make_unique<Database>(config.value());

    m_teamA = cli({S("create-team"), S("Team A")});
    m_teamB = cli({S("create-team"), S("Team B")});
    QVERIFY(wire::isValidUuid(m_teamA) && wire::isValidUuid(m_teamB));
    const QList<QStringList> users = {{S("w1"), S("worker"), S("Team A")},  {S("w2"), S("worker"), S("Team A")},
                                      {S("w3"), S("worker"), S("Team B")},  {S("m1"), S("manager"), S("Team A")},
                                      {S("m1b"), S("manager"), S("Team A")}, {S("m2"), S("manager"), S("Team B")},
                                      {S("thr"), S("worker"), S("Team A")}, {S("rev"), S("worker"), S("Team A")}};
    for (const QStringList &u : users) {
        QStringList args{S("create-user"), u[0], S("--role"), u[1], S("--team"), u[2]};
        if (u[0] == S("w2"))
            args << S("--name") << S("Wendy Okafor");
        QVERIFY2(!cli(args, kPassword + '\n').isEmpty(), qPrintable(u[0]));
    }
    // A name longer than anyone's is refused.
    cli({S("create-user"), S("x3"), S("--role"), S("worker"), S("--team"), S("Team A"), S("--name"), QString(101, u'n'),
         S("--password"), QString::fromUtf8(kPassword)}, {}, 1);
    QVERIFY(!cli({S("create-user"), S("admin"), S("--role"), S("admin"), S("--password"), QString::fromUtf8(kPassword)}).isEmpty());
    // A worker cannot be created without a team; a short password is refused.
    cli({S("create-user"), S("x1"), S("--role"), S("worker"), S("--password"), QString::fromUtf8(kPassword)}, {}, 1);
    cli({S("create-user"), S("x2"), S("--role"), S("worker"), S("--team"), S("Team A"), S("--password"), S("short")}, {}, 1);

    const QList<QPair<QString, QString>> allocations = {{S("c1"), S("w1")}, {S("c2"), S("w2")}, {S("c3"), S("w3")}, {S("c4"), S("w1")}};
    for (const auto &a : allocations) {
        m_children.insert(a.first, newId());
        QVERIFY(!cli({S("allocate"), S("--child"), m_children[a.first], S("--worker"), a.second}).isEmpty());
    }
    if (m_backend.isPostgres()) {
        // The service runs as deployed: a role row-level security applies to (tests/security/tst_rowsecurity).
        auto serviceConfig = DbConfig::parse(m_backend.serviceSpec());
        QVERIFY(serviceConfig.ok());
        Database service(serviceConfig.value());
        auto bypass = service.bypassesRowSecurity();
        QVERIFY(bypass.ok());
        QVERIFY2(!bypass.value(), "the service role must not bypass row-level security");
    }
    QVERIFY2(m_server.start(m_backend.serviceSpec()), qPrintable(m_server.errorOutput()));
    m_api = std::make_unique<ApiClient>(m_server.baseUrl());
    QCOMPARE(m_api->get(S("/api/v1/health")).status, 200);
    for (const QString &u : {S("w1"), S("w2"), S("w3"), S("m1"), S("m1b"), S("m2"), S("admin")}) {
        m_logins.insert(u, login(u));
        QVERIFY2(!m_logins[u].access.isEmpty(), qPrintable(u));
    }
    // Managers create the child records of their team's children.
    for (const auto &[child, manager] : {std::pair{S("c1"), S("m1")}, std::pair{S("c2"), S("m1")}, std::pair{S("c3"), S("m2")}, std::pair{S("c4"), S("m1")}}) {
        const QJsonObject r = push1(m_logins[manager].access, m_children[child], S("child"), 0, childRecord(child));
        QVERIFY2(r.value(S("result")).toString() == QLatin1String("applied"), QJsonDocument(r).toJson());
    }
}

void TestServerApi::cleanupTestCase()
{
    m_server.stop();
    m_db.reset();
}

void TestServerApi::login_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addRow("good") << QJsonObject{{S("username"), S("w2")}, {S("password"), QString::fromUtf8(kPassword)}, {S("device_name"), S("t")}} << 200 << QString();
    QTest::addRow("wrong password") << QJsonObject{{S("username"), S("w2")}, {S("password"), S("nope-nope")}, {S("device_name"), S("t")}} << 401 << S("invalid_credentials");
    QTest::addRow("unknown user") << QJsonObject{{S("username"), S("ghost")}, {S("password"), S("nope-nope")}, {S("device_name"), S("t")}} << 401 << S("invalid_credentials");
    QTest::addRow("no device name") << QJsonObject{{S("username"), S("w2")}, {S("password"), QString::fromUtf8(kPassword)}} << 400 << S("invalid_input");
    QTest::addRow("password not text") << QJsonObject{{S("username"), S("w2")}, {S("password"), 12345}, {S("device_name"), S("t")}} << 400 << S("invalid_input");
}

void TestServerApi::login()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const ApiReply r = m_api->post(S("/api/v1/auth/login"), body);
    QCOMPARE(r.status, status);
    if (status == 200) {
        QVERIFY(!r.json.value(S("access_token")).toString().isEmpty());
        QVERIFY(!r.json.value(S("refresh_token")).toString().isEmpty());
        QVERIFY(wire::isValidUuid(r.json.value(S("device_id")).toString()));
        const QJsonObject user = r.json.value(S("user")).toObject();
        QCOMPARE(user.value(S("role")).toString(), S("worker"));
        QCOMPARE(user.value(S("team")).toString(), m_teamA);
        QCOMPARE(user.value(S("username")).toString(), S("w2"));
        QCOMPARE(user.value(S("display_name")).toString(), S("Wendy Okafor"));
        // Refresh tokens are stored hashed, never as sent.
        QCOMPARE(count(S("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = '%1'").arg(r.json.value(S("refresh_token")).toString())), 0);
    } else {
        QVERIFY2(r.hasErrorShape(), r.raw);
        QCOMPARE(r.errorCode(), code);
    }
}

void TestServerApi::refreshRotatesAndDetectsReuse()
{
    const Login l = login(S("w2"));
    const ApiReply first = m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), l.refresh}});
    QCOMPARE(first.status, 200);
    const QString rotated = first.json.value(S("refresh_token")).toString();
    QVERIFY(!rotated.isEmpty() && rotated != l.refresh);
    QCOMPARE(first.json.value(S("device_id")).toString(), l.device);
    // Who the person is now, as at sign-in: a name given or changed reaches the device.
    const QJsonObject user = first.json.value(S("user")).toObject();
    QCOMPARE(user.value(S("id")).toString(), l.userId);
    QCOMPARE(user.value(S("display_name")).toString(), S("Wendy Okafor"));
    QCOMPARE(user.value(S("team")).toString(), m_teamA);
    QCOMPARE(m_api->get(S("/api/v1/sync/pull?limit=1"), first.json.value(S("access_token")).toString()).status, 200);
    // The old token again: reuse. Every refresh token of the device dies, the new one too.
    const ApiReply reuse = m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), l.refresh}});
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.errorCode(), S("invalid_token"));
    QCOMPARE(m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), rotated}}).status, 401);
    // Logout ends the device's refresh tokens.
    const Login l2 = login(S("w2"));
    QCOMPARE(m_api->post(S("/api/v1/auth/logout"), {}, l2.access).status, 200);
    QCOMPARE(m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), l2.refresh}}).status, 401);
}

void TestServerApi::authorizationMatrix_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("child");
    QTest::addColumn<QString>("expected"); // a push result/code, "visible"/"hidden", or an HTTP status
    const QStringList roles{S("w1"), S("w2"), S("w3"), S("m1"), S("m2"), S("admin")};
    auto inScope = [](const QString &who, const QString &child) {
        if (who == QLatin1String("w1")) return child == QLatin1String("c1");
        if (who == QLatin1String("w2")) return child == QLatin1String("c2");
        if (who == QLatin1String("w3")) return child == QLatin1String("c3");
        if (who == QLatin1String("m1")) return child != QLatin1String("c3");
        if (who == QLatin1String("m2")) return child == QLatin1String("c3");
        return false;
    };
    for (const QString &who : roles) {
        for (const QString &child : {S("c1"), S("c2"), S("c3")}) {
            const bool admin = who == QLatin1String("admin");
            const bool in = inScope(who, child);
            QTest::addRow("%s push %s", qPrintable(who), qPrintable(child)) << who << S("push") << child
                                                                             << (admin ? S("403") : in ? S("applied") : S("rejected:forbidden"));
            QTest::addRow("%s pull %s", qPrintable(who), qPrintable(child)) << who << S("pull") << child
                                                                             << (admin ? S("403") : in ? S("visible") : S("hidden"));
            QTest::addRow("%s edit %s", qPrintable(who), qPrintable(child)) << who << S("edit") << child
                                                                             << (admin ? S("403") : in ? S("applied") : S("rejected:forbidden"));
            const bool manager = who.startsWith(QLatin1Char('m'));
            QTest::addRow("%s review %s", qPrintable(who), qPrintable(child)) << who << S("review") << child
                                                                               << (manager && in ? S("200") : S("403"));
        }
        QTest::addRow("%s queue", qPrintable(who)) << who << S("queue") << QString()
                                                   << (who.startsWith(QLatin1Char('m')) ? S("200") : S("403"));
        QTest::addRow("%s export", qPrintable(who)) << who << S("export") << QString() << (who == QLatin1String("admin") ? S("403") : S("200"));
        QTest::addRow("%s revoke", qPrintable(who)) << who << S("revoke") << QString() << (who == QLatin1String("admin") ? S("200") : S("403"));
    }
}

void TestServerApi::authorizationMatrix()
{
    QFETCH(QString, who);
    QFETCH(QString, action);
    QFETCH(QString, child);
    QFETCH(QString, expected);
    const QString token = m_logins[who].access;
    const QString childId = m_children.value(child);
    const QHash<QString, QString> owner{{S("c1"), S("w1")}, {S("c2"), S("w2")}, {S("c3"), S("w3")}};

    if (action == QLatin1String("push")) {
        int status = 0;
        QJsonObject patch = fullVisit(childId);
        const QJsonObject r = push1(token, newId(), S("visit"), 0, patch, &status);
        if (expected == QLatin1String("403")) {
            QCOMPARE(status, 403);
            return;
        }
        QCOMPARE(status, 200);
        const QString got = r.value(S("result")).toString() == QLatin1String("rejected")
            ? S("rejected:") + r.value(S("code")).toString() : r.value(S("result")).toString();
        QCOMPARE(got, expected);
    } else if (action == QLatin1String("edit")) {
        // The owner writes a visit; `who` edits it.
        const QString id = newId();
        QCOMPARE(push1(m_logins[owner[child]].access, id, S("visit"), 0, fullVisit(childId)).value(S("result")).toString(), S("applied"));
        int status = 0;
        const QJsonObject r = push1(token, id, S("visit"), 1, {{S("analysis_strengths"), S("Edited by %1").arg(who)}}, &status);
        if (expected == QLatin1String("403")) {
            QCOMPARE(status, 403);
            return;
        }
        const QString got = r.value(S("result")).toString() == QLatin1String("rejected")
            ? S("rejected:") + r.value(S("code")).toString() : r.value(S("result")).toString();
        QCOMPARE(got, expected);
    } else if (action == QLatin1String("pull")) {
        QString cursor;
        const ApiReply probe = m_api->get(S("/api/v1/sync/pull"), token);
        if (expected == QLatin1String("403")) {
            QCOMPARE(probe.status, 403);
            QVERIFY(probe.hasErrorShape());
            return;
        }
        const auto seen = pullAll(token, &cursor);
        QCOMPARE(seen.contains(childId), expected == QLatin1String("visible"));
        // No record about an out-of-scope child at all.
        for (const QJsonObject &c : seen) {
            const QStringList kids = wire::childIdsOf(c.value(S("record")).toObject());
            for (const QString &k : kids)
                if (k == childId)
                    QVERIFY2(expected == QLatin1String("visible"), "record about an out-of-scope child delivered");
        }
    } else if (action == QLatin1String("review")) {
        const auto [id, rev] = submittedVisit(m_logins[owner[child]].access, childId);
        QVERIFY(rev > 0);
        const ApiReply r = m_api->post(S("/api/v1/reviews/") + id,
                                       {{S("decision"), S("approve")}, {S("rationale"), S("Good analysis.")}, {S("seen_rev"), rev}}, token);
        QCOMPARE(QString::number(r.status), expected);
        if (r.status != 200)
            QVERIFY(r.hasErrorShape());
    } else if (action == QLatin1String("queue")) {
        const ApiReply r = m_api->get(S("/api/v1/reviews/queue"), token);
        QCOMPARE(QString::number(r.status), expected);
        if (r.status == 200) {
            const QString otherTeamChild = who == QLatin1String("m1") ? m_children[S("c3")] : m_children[S("c1")];
            for (const QJsonValue &item : r.json.value(S("items")).toArray())
                QVERIFY(!wire::childIdsOf(item.toObject().value(S("record")).toObject()).contains(otherTeamChild));
        }
    } else if (action == QLatin1String("export")) {
        const qint64 before = count(S("SELECT COUNT(*) FROM audit WHERE action = 'export'"));
        const ApiReply r = m_api->post(S("/api/v1/audit/export"),
                                       {{S("kind"), S("visits_csv")}, {S("child_ids"), QJsonArray{m_children[S("c1")]}}, {S("rows"), 12}}, token);
        QCOMPARE(QString::number(r.status), expected);
        QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE action = 'export'")), before + (r.status == 200 ? 1 : 0));
    } else if (action == QLatin1String("revoke")) {
        const Login victim = login(S("w3"));
        const ApiReply r = m_api->post(S("/api/v1/admin/devices/%1/revoke").arg(victim.device), {}, token);
        QCOMPARE(QString::number(r.status), expected);
    }
}

void TestServerApi::unauthenticatedCalls_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("token");
    const QStringList paths{S("/api/v1/sync/pull"), S("/api/v1/sync/push"), S("/api/v1/reviews/queue"),
                            S("/api/v1/reviews/0b3f4a52-0b7c-4f4e-9f7a-3d7f3b1e9c11"), S("/api/v1/auth/logout")};
    for (const QString &p : paths) {
        const QByteArray m = p.endsWith(QLatin1String("pull")) || p.endsWith(QLatin1String("queue")) ? "GET" : "POST";
        QTest::addRow("%s no token", qPrintable(p)) << m << p << QString();
        QTest::addRow("%s garbage token", qPrintable(p)) << m << p << S("garbage");
        QTest::addRow("%s forged token", qPrintable(p)) << m << p << S("eyJzdWIiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
}

void TestServerApi::unauthenticatedCalls()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, token);
    const ApiReply r = m_api->raw(method, path, method == "POST" ? QByteArrayLiteral("{}") : QByteArray(), "application/json", token);
    QCOMPARE(r.status, 401);
    QVERIFY2(r.hasErrorShape(), r.raw);
}

void TestServerApi::idempotentReplay()
{
    const QString token = m_logins[S("w1")].access;
    const QString id = newId();
    const QString mutation = newId();
    const QJsonObject first = push1(token, id, S("visit"), 0, fullVisit(m_children[S("c1")]), nullptr, mutation);
    QCOMPARE(first.value(S("result")).toString(), S("applied"));
    const QString tables[] = {S("records"), S("record_versions"), S("changes"), S("mutations"), S("audit")};
    QHash<QString, qint64> before;
    for (const QString &t : tables)
        before.insert(t, count(S("SELECT COUNT(*) FROM ") + t));
    for (int i = 0; i < 3; ++i) {
        // The same mutation id, even with another body: the first answer, nothing written.
        QJsonObject altered = fullVisit(m_children[S("c1")]);
        altered.insert(S("rationale"), S("A retry must not overwrite anything."));
        const QJsonObject again = push1(token, id, S("visit"), 0, i == 0 ? fullVisit(m_children[S("c1")]) : altered, nullptr, mutation);
        QCOMPARE(again, first);
    }
    for (const QString &t : tables)
        QCOMPARE(count(S("SELECT COUNT(*) FROM ") + t), before.value(t));
    // A rejection is replayed as well.
    const QString bad = newId();
    const QJsonObject rej = push1(token, newId(), S("visit"), 0, fullVisit(m_children[S("c3")]), nullptr, bad);
    QCOMPARE(rej.value(S("result")).toString(), S("rejected"));
    QCOMPARE(push1(token, newId(), S("visit"), 0, fullVisit(m_children[S("c1")]), nullptr, bad), rej);
    // Mutation ids are per device: another device may use the same id.
    const Login other = login(S("w1"));
    QCOMPARE(push1(other.access, newId(), S("visit"), 0, fullVisit(m_children[S("c1")]), nullptr, mutation).value(S("result")).toString(), S("applied"));
}

void TestServerApi::merge_data()
{
    QTest::addColumn<QJsonObject>("theirs");
    QTest::addColumn<QJsonObject>("mine");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QStringList>("conflicts");
    QTest::addColumn<int>("rev");
    QTest::addRow("disjoint fields") << QJsonObject{{S("analysis_risks"), S("Theirs: risk updated")}}
                                     << QJsonObject{{S("analysis_strengths"), S("Mine: strengths updated")}} << S("merged") << QStringList() << 3;
    QTest::addRow("same field same value") << QJsonObject{{S("rationale"), S("Agreed wording")}}
                                           << QJsonObject{{S("rationale"), S("Agreed wording")}} << S("applied") << QStringList() << 2;
    QTest::addRow("same field different values") << QJsonObject{{S("rationale"), S("Manager's wording")}}
                                                 << QJsonObject{{S("rationale"), S("Worker's wording")}, {S("present"), S("Child, mother, aunt")}}
                                                 << S("conflict") << QStringList{S("rationale")} << 3;
}

void TestServerApi::merge()
{
    QFETCH(QJsonObject, theirs);
    QFETCH(QJsonObject, mine);
    QFETCH(QString, result);
    QFETCH(QStringList, conflicts);
    QFETCH(int, rev);
    const QString worker = m_logins[S("w1")].access;
    const QString manager = m_logins[S("m1")].access;
    const QString id = newId();
    const QJsonObject base = fullVisit(m_children[S("c1")]);
    QCOMPARE(push1(worker, id, S("visit"), 0, base).value(S("rev")).toInt(), 1);
    QCOMPARE(push1(manager, id, S("visit"), 1, theirs).value(S("result")).toString(), S("applied"));
    const QJsonObject r = push1(worker, id, S("visit"), 1, mine);
    QCOMPARE(r.value(S("result")).toString(), result);
    // Same value on both sides: already there, so nothing new is written.
    QCOMPARE(r.value(S("rev")).toInt(), rev);
    QString cursor;
    const QJsonObject pulled = pullAll(worker, &cursor).value(id);
    const QJsonObject rec = pulled.value(S("record")).toObject();
    QCOMPARE(pulled.value(S("rev")).toInt(), rev);
    if (result != QLatin1String("conflict")) {
        if (result == QLatin1String("merged"))
            QCOMPARE(r.value(S("record")).toObject(), rec);
        for (auto it = theirs.begin(); it != theirs.end(); ++it)
            QCOMPARE(rec.value(it.key()), it.value());
        for (auto it = mine.begin(); it != mine.end(); ++it)
            QCOMPARE(rec.value(it.key()), it.value());
        QVERIFY(!pulled.contains(S("conflict")));
    } else {
        const QJsonObject fields = r.value(S("fields")).toObject();
        QCOMPARE(fields.keys(), conflicts);
        for (const QString &f : conflicts) {
            const QJsonObject c = fields.value(f).toObject();
            QCOMPARE(c.value(S("base")), base.value(f));
            QCOMPARE(c.value(S("mine")), mine.value(f));
            QCOMPARE(c.value(S("theirs")), theirs.value(f));
            // Nothing overwritten: the record keeps theirs, mine waits in the conflict.
            QCOMPARE(rec.value(f), theirs.value(f));
        }
        // The one-sided change of mine was still taken.
        QCOMPARE(rec.value(S("present")), mine.value(S("present")));
        // The flag reaches clients (the manager's too).
        QCOMPARE(pulled.value(S("conflict")).toObject().value(S("fields")).toObject().keys(), conflicts);
        QString mcursor;
        QCOMPARE(pullAll(manager, &mcursor).value(id).value(S("conflict")).toObject().value(S("fields")).toObject().keys(), conflicts);
        // The resolution is a normal mutation on the current revision; it clears the flag.
        const QJsonObject resolved = push1(worker, id, S("visit"), 3, {{S("rationale"), S("Worker's wording")}});
        QCOMPARE(resolved.value(S("result")).toString(), S("applied"));
        QString c2;
        QVERIFY(!pullAll(worker, &c2).value(id).contains(S("conflict")));
    }
}

void TestServerApi::submissionRulesAndServiceFields()
{
    const QString worker = m_logins[S("w1")].access;
    const QString id = newId();
    QJsonObject draft = fullVisit(m_children[S("c1")]);
    draft.remove(S("rationale"));
    QCOMPARE(push1(worker, id, S("visit"), 0, draft).value(S("result")).toString(), S("applied"));
    // Submitting without a rationale: rejected with the field.
    QJsonObject r = push1(worker, id, S("visit"), 1, {{S("state"), S("submitted")}, {S("submitted_at"), isoAgo(1)}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QCOMPARE(r.value(S("field")).toString(), S("rationale"));
    // A client cannot approve, or set review fields.
    r = push1(worker, id, S("visit"), 1, {{S("state"), S("approved")}});
    QCOMPARE(r.value(S("code")).toString(), S("forbidden_field"));
    r = push1(worker, id, S("visit"), 1, {{S("reviewed_by"), m_logins[S("w1")].userId}});
    QCOMPARE(r.value(S("code")).toString(), S("forbidden_field"));
    // An invalid patch (unknown field, impossible date) is rejected with the field path.
    r = push1(worker, id, S("visit"), 1, {{S("no_such_field"), 1}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    r = push1(worker, id, S("visit"), 1, {{S("started_at"), S("2026-02-30T10:00:00Z")}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QVERIFY(r.value(S("field")).toString().contains(S("started_at")));
    // A record from a newer schema is refused with its own code.
    QJsonObject future = fullVisit(m_children[S("c1")]);
    future.insert(S("schema"), wire::kSchemaVersion + 1);
    r = push1(worker, newId(), S("visit"), 0, future);
    QCOMPARE(r.value(S("code")).toString(), S("unsupported_schema"));
    QCOMPARE(r.value(S("field")).toString(), S("schema"));
    // Someone else's authorship cannot be claimed.
    r = push1(worker, newId(), S("visit"), 0, QJsonObject{{S("author"), m_logins[S("w2")].userId}});
    QCOMPARE(r.value(S("code")).toString(), S("forbidden_field"));
    // With the rationale it submits.
    r = push1(worker, id, S("visit"), 1, {{S("rationale"), S("Planned visit.")}, {S("state"), S("submitted")}, {S("submitted_at"), isoAgo(1)}});
    QCOMPARE(r.value(S("result")).toString(), S("applied"));
    // A submitted record stays valid: an edit that breaks the rules is refused.
    r = push1(worker, id, S("visit"), 2, {{S("rationale"), QJsonValue()}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QCOMPARE(r.value(S("field")).toString(), S("rationale"));
    // A child has no workflow: every revision of the profile and plan is held to the rules.
    const QString child = m_children[S("c1")];
    const QStringList stored{S("applied"), S("merged")};
    r = push1(worker, child, S("child"), 1,
              {{S("plan"), QJsonObject{{S("contingency"), S("Nan cares for the children if Mum is admitted.")},
                                       {S("visiting_frequency"), QJsonObject{{S("every"), 10}, {S("unit"), S("working_days")}}}}}});
    QVERIFY2(stored.contains(r.value(S("result")).toString()), QJsonDocument(r).toJson().constData());
    r = push1(worker, child, S("child"), 1, {{S("first_name"), QJsonValue()}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QCOMPARE(r.value(S("field")).toString(), S("first_name"));
    r = push1(worker, child, S("child"), 1,
              {{S("plan"), QJsonObject{{S("actions"), QJsonArray{QJsonObject{{S("id"), newId()}, {S("what"), S("Referral to the young carers' group")},
                                                                              {S("status"), S("open")}}}}}}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QVERIFY2(r.value(S("field")).toString().startsWith(S("plan.actions[0].")), qPrintable(r.value(S("field")).toString()));
    // Reviews are written by the service only.
    r = push1(worker, newId(), S("review"), 0, {{S("decision"), S("approve")}});
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QCOMPARE(r.value(S("code")).toString(), S("forbidden"));
}

// Schema 2 added the child's `visiting_frequency_reason`. A tablet from before it (no
// Doorstep-Schema header) is sent every record as schema 1 without the field, so it stores them;
// its edits of other fields merge and never drop the reason; a current tablet receives it all.
void TestServerApi::olderTabletsAreSentRecordsTheyCanStore()
{
    // Two of the worker's tablets: an older one (this login) and a current one.
    const QString worker = m_logins[S("w1")].access;
    const QString current = login(S("w1")).access;
    const QString child = m_children[S("c1")];
    auto readerSchema = [&](int v) { m_api->setHeader("Doorstep-Schema", v > 0 ? QByteArray::number(v) : QByteArray()); };
    auto restore = qScopeGuard([&] { readerSchema(wire::kSchemaVersion); });
    auto pulled = [&](const QString &id) {
        QString cursor;
        return pullAll(worker, &cursor, nullptr, 500).value(id);
    };
    readerSchema(wire::kSchemaVersion);
    const int rev = pulled(child).value(S("rev")).toInt();
    QVERIFY(rev > 0);
    const QString reason = S("Weekly while the new baby settles in, agreed with the family and the health visitor.");
    QJsonObject r = push1(current, child, S("child"), rev, {{S("visiting_frequency_reason"), reason}});
    QCOMPARE(r.value(S("result")).toString(), S("applied"));
    QCOMPARE(pulled(child).value(S("record")).toObject().value(S("visiting_frequency_reason")).toString(), reason);

    readerSchema(0);
    const QJsonObject change = pulled(child);
    QCOMPARE(change.value(S("rev")).toInt(), rev + 1);
    const QJsonObject old = change.value(S("record")).toObject();
    QVERIFY2(!old.contains(S("visiting_frequency_reason")), QJsonDocument(old).toJson().constData());
    QCOMPARE(old.value(S("schema")).toInt(), 1);
    QVERIFY(old.contains(S("first_name")) && old.contains(S("plan")));
    // The older tablet edits another field on the revision it had: merged, and the answer's
    // record is one it can store too.
    r = push1(worker, child, S("child"), rev, {{S("preferred_name"), S("Mimi")}});
    QCOMPARE(r.value(S("result")).toString(), S("merged"));
    QVERIFY(!r.value(S("record")).toObject().contains(S("visiting_frequency_reason")));
    QCOMPARE(r.value(S("record")).toObject().value(S("preferred_name")).toString(), S("Mimi"));
    readerSchema(wire::kSchemaVersion);
    const QJsonObject now = pulled(child).value(S("record")).toObject();
    QCOMPARE(now.value(S("visiting_frequency_reason")).toString(), reason);
    QCOMPARE(now.value(S("preferred_name")).toString(), S("Mimi"));

    // Two current tablets write different reasons on the same revision: a conflict that current
    // tablets show, and one an older tablet is not sent (it could neither show nor settle it).
    const QString another = login(S("w1")).access;
    const int before = pulled(child).value(S("rev")).toInt();
    QCOMPARE(push1(current, child, S("child"), before, {{S("visiting_frequency_reason"), S("Weekly: the baby is due.")}}).value(S("result")).toString(),
             S("applied"));
    QCOMPARE(push1(another, child, S("child"), before, {{S("visiting_frequency_reason"), S("Fortnightly: things are settled.")}}).value(S("result")).toString(),
             S("conflict"));
    QVERIFY(pulled(child).value(S("conflict")).toObject().value(S("fields")).toObject().contains(S("visiting_frequency_reason")));
    readerSchema(0);
    QVERIFY2(!pulled(child).contains(S("conflict")), QJsonDocument(pulled(child)).toJson().constData());
    readerSchema(wire::kSchemaVersion);

    // A header that names no version is refused, with what it should be.
    m_api->setHeader("Doorstep-Schema", "two");
    const ApiReply bad = m_api->get(S("/api/v1/sync/pull?limit=1"), worker);
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.hasErrorShape());
    QVERIFY(bad.json.value(S("error")).toObject().value(S("message")).toString().contains(S("Doorstep-Schema")));
}

void TestServerApi::reviewPermissions()
{
    const QString m1 = m_logins[S("m1")].access;
    const auto [id, rev] = submittedVisit(m_logins[S("w1")].access, m_children[S("c1")]);
    // Rationale required.
    ApiReply r = m_api->post(S("/api/v1/reviews/") + id, {{S("decision"), S("approve")}, {S("rationale"), S("  ")}, {S("seen_rev"), rev}}, m1);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json.value(S("error")).toObject().value(S("field")).toString(), S("rationale"));
    r = m_api->post(S("/api/v1/reviews/") + id, {{S("decision"), S("maybe")}, {S("rationale"), S("x")}, {S("seen_rev"), rev}}, m1);
    QCOMPARE(r.status, 400);
    // Stale seen_rev: the record changed since the manager read it.
    QCOMPARE(push1(m_logins[S("w1")].access, id, S("visit"), rev, {{S("analysis_risks"), S("Updated after submitting.")}}).value(S("result")).toString(), S("applied"));
    r = m_api->post(S("/api/v1/reviews/") + id, {{S("decision"), S("approve")}, {S("rationale"), S("Fine.")}, {S("seen_rev"), rev}}, m1);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), S("conflict"));
    // Never the author: a manager's own submitted record goes to another manager.
    const QString own = newId();
    QJsonObject v = fullVisit(m_children[S("c2")]);
    v.insert(S("state"), S("submitted"));
    v.insert(S("submitted_at"), isoAgo(1));
    QCOMPARE(push1(m1, own, S("visit"), 0, v).value(S("result")).toString(), S("applied"));
    r = m_api->post(S("/api/v1/reviews/") + own, {{S("decision"), S("approve")}, {S("rationale"), S("Mine.")}, {S("seen_rev"), 1}}, m1);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), S("own_record"));
    r = m_api->post(S("/api/v1/reviews/") + own, {{S("decision"), S("approve")}, {S("rationale"), S("Checked.")}, {S("seen_rev"), 1}}, m_logins[S("m1b")].access);
    QCOMPARE(r.status, 200);
    // Approval locks: later edits answer locked, and a second decision is refused.
    QCOMPARE(push1(m1, own, S("visit"), 2, {{S("analysis_risks"), S("Too late")}}).value(S("result")).toString(), S("locked"));
    r = m_api->post(S("/api/v1/reviews/") + own, {{S("decision"), S("return")}, {S("rationale"), S("Again.")}, {S("seen_rev"), 2}}, m_logins[S("m1b")].access);
    QCOMPARE(r.status, 409);
    // Unknown record.
    r = m_api->post(S("/api/v1/reviews/") + newId(), {{S("decision"), S("approve")}, {S("rationale"), S("x")}, {S("seen_rev"), 1}}, m1);
    QCOMPARE(r.status, 404);
}

void TestServerApi::reviewQueueOrder()
{
    const QString w2 = m_logins[S("w2")].access;
    const auto older = submittedVisit(w2, m_children[S("c2")]);
    const QString concernId = newId();
    QJsonObject v = fullVisit(m_children[S("c2")]);
    QJsonArray cards = v.value(S("children")).toArray();
    QJsonObject card = cards[0].toObject();
    card.insert(S("safety_concern"), true);
    cards[0] = card;
    v.insert(S("children"), cards);
    v.insert(S("state"), S("submitted"));
    v.insert(S("submitted_at"), isoAgo(0));
    QCOMPARE(push1(w2, concernId, S("visit"), 0, v).value(S("result")).toString(), S("applied"));
    const ApiReply r = m_api->get(S("/api/v1/reviews/queue"), m_logins[S("m1")].access);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json.value(S("items")).toArray();
    QVERIFY(!items.isEmpty());
    QCOMPARE(items.first().toObject().value(S("record_id")).toString(), concernId);
    // After the safety concerns, oldest first.
    QString previous;
    bool pastConcerns = false;
    int olderIndex = -1;
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject it = items[i].toObject();
        if (!it.value(S("safety_concern")).toBool()) {
            if (pastConcerns)
                QVERIFY(it.value(S("waiting_since")).toString() >= previous);
            pastConcerns = true;
            previous = it.value(S("waiting_since")).toString();
        } else {
            QVERIFY2(!pastConcerns, "a safety concern after ordinary items");
        }
        if (it.value(S("record_id")).toString() == older.first)
            olderIndex = i;
    }
    QVERIFY(olderIndex > 0);

    // A draft raising a safety concern is listed (marked as a draft) after the submitted concerns;
    // a plain draft is not.
    QJsonObject draft = v;
    draft.insert(S("state"), S("draft"));
    draft.remove(S("submitted_at"));
    const QString concernDraft = newId(), plainDraft = newId();
    QCOMPARE(push1(w2, concernDraft, S("visit"), 0, draft).value(S("result")).toString(), S("applied"));
    QJsonObject plain = fullVisit(m_children[S("c2")]);
    plain.insert(S("state"), S("draft"));
    QCOMPARE(push1(w2, plainDraft, S("visit"), 0, plain).value(S("result")).toString(), S("applied"));
    const QJsonArray withDraft = m_api->get(S("/api/v1/reviews/queue"), m_logins[S("m1")].access).json.value(S("items")).toArray();
    QCOMPARE(withDraft.first().toObject().value(S("record_id")).toString(), concernId);
    int draftIndex = -1;
    for (int i = 0; i < withDraft.size(); ++i) {
        const QJsonObject it = withDraft[i].toObject();
        QVERIFY(it.value(S("record_id")).toString() != plainDraft);
        if (it.value(S("record_id")).toString() == concernDraft) {
            draftIndex = i;
            QCOMPARE(it.value(S("state")).toString(), S("draft"));
            QVERIFY(it.value(S("safety_concern")).toBool());
        } else if (it.value(S("record_id")).toString() == concernId) {
            QCOMPARE(it.value(S("state")).toString(), S("submitted"));
        }
    }
    QVERIFY(draftIndex > 0);
}

void TestServerApi::returnReopensForAuthor()
{
    const QString w1 = m_logins[S("w1")].access;
    const auto [id, rev] = submittedVisit(w1, m_children[S("c1")]);
    QString cursor;
    pullAll(w1, &cursor);
    const ApiReply r = m_api->post(S("/api/v1/reviews/") + id,
                                   {{S("decision"), S("return")}, {S("rationale"), S("Record the child's own words.")}, {S("seen_rev"), rev}},
                                   m_logins[S("m1")].access);
    QCOMPARE(r.status, 200);
    // The author's next pull brings the returned record (with the reason) and the review record.
    const auto seen = pullAll(w1, &cursor);
    QCOMPARE(seen.value(id).value(S("record")).toObject().value(S("state")).toString(), S("returned"));
    QCOMPARE(seen.value(id).value(S("record")).toObject().value(S("return_reason")).toString(), S("Record the child's own words."));
    bool reviewDelivered = false;
    for (const QJsonObject &c : seen)
        if (c.value(S("type")).toString() == QLatin1String("review")
            && c.value(S("record")).toObject().value(S("record_id")).toString() == id) {
            reviewDelivered = true;
            QCOMPARE(c.value(S("record")).toObject().value(S("decision")).toString(), S("return"));
        }
    QVERIFY(reviewDelivered);
    // Edit after return is accepted, then resubmitted.
    const int rev2 = seen.value(id).value(S("rev")).toInt();
    QJsonObject e = push1(w1, id, S("visit"), rev2, {{S("children"), fullVisit(m_children[S("c1")]).value(S("children"))}, {S("analysis_risks"), S("Added the child's words.")}});
    QCOMPARE(e.value(S("result")).toString(), S("applied"));
    e = push1(w1, id, S("visit"), e.value(S("rev")).toInt(), {{S("state"), S("submitted")}, {S("submitted_at"), isoAgo(0)}});
    QCOMPARE(e.value(S("result")).toString(), S("applied"));
}

void TestServerApi::reallocationDeliversAndPurges()
{
    const QString c4 = m_children[S("c4")];
    const QString visit = newId();
    QCOMPARE(push1(m_logins[S("w1")].access, visit, S("visit"), 0, fullVisit(c4)).value(S("result")).toString(), S("applied"));
    QString w1Cursor, w2Cursor;
    QVERIFY(pullAll(m_logins[S("w1")].access, &w1Cursor).contains(visit));
    QVERIFY(!pullAll(m_logins[S("w2")].access, &w2Cursor).contains(visit));
    QVERIFY(!cli({S("allocate"), S("--child"), c4, S("--worker"), S("w2")}).isEmpty());
    QStringList purges;
    const auto w2Seen = pullAll(m_logins[S("w2")].access, &w2Cursor);
    QVERIFY(w2Seen.contains(visit));
    QVERIFY(w2Seen.contains(c4));
    QCOMPARE(w2Seen.value(c4).value(S("record")).toObject().value(S("allocated_worker")).toString(), m_logins[S("w2")].userId);
    const auto w1Seen = pullAll(m_logins[S("w1")].access, &w1Cursor, &purges);
    QVERIFY(purges.contains(visit));
    QVERIFY(purges.contains(c4));
    QVERIFY(!w1Seen.contains(visit));
    // The old worker can no longer write about the child; the new one can.
    QCOMPARE(push1(m_logins[S("w1")].access, newId(), S("visit"), 0, fullVisit(c4)).value(S("code")).toString(), S("forbidden"));
    QCOMPARE(push1(m_logins[S("w2")].access, newId(), S("visit"), 0, fullVisit(c4)).value(S("result")).toString(), S("applied"));
}

void TestServerApi::workRecordedBeforeAReallocationIsHandedOver()
{
    // c4 is w2's now (the test before). w2's tablet records work about c4 with no signal; c4 moves
    // to w3, in another team; then the tablet sends what it recorded, saying when.
    const QString c4 = m_children[S("c4")];
    const QString w2 = m_logins[S("w2")].access;
    const QString own = newId();
    QCOMPARE(push1(w2, own, S("visit"), 0, fullVisit(c4)).value(S("result")).toString(), S("applied"));
    const QString othersVisit = newId(); // a record about c4 that w2 did not write
    QCOMPARE(push1(m_logins[S("w1")].access, othersVisit, S("visit"), 0, fullVisit(c4)).value(S("code")).toString(), S("forbidden"));
    QCOMPARE(push1(m_logins[S("m1")].access, othersVisit, S("visit"), 0, fullVisit(c4)).value(S("result")).toString(), S("applied"));
    QString w2Cursor, w3Cursor;
    pullAll(w2, &w2Cursor);
    pullAll(m_logins[S("w3")].access, &w3Cursor);
    QTest::qWait(5); // the times below are strictly between the two allocations
    const QString before = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QTest::qWait(5);
    QVERIFY(!cli({S("allocate"), S("--child"), c4, S("--worker"), S("w3")}).isEmpty());
    const QString after = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QCOMPARE(count(S("SELECT COUNT(*) FROM allocation_history WHERE child_id = '%1' AND worker_id = '%2'").arg(c4, m_logins[S("w2")].userId)), 1);

    // Taken: a new visit and an edit of w2's own, both recorded before the move.
    const QString fresh = newId();
    QCOMPARE(push1(w2, fresh, S("visit"), 0, fullVisit(c4), nullptr, {}, before).value(S("result")).toString(), S("applied"));
    QCOMPARE(push1(w2, own, S("visit"), 1, {{S("rationale"), S("Brought forward after a call from school.")}}, nullptr, {}, before)
                 .value(S("result")).toString(),
             S("applied"));
    // The visit takes the child's team now, where the new worker (and that team's manager) find it.
    QCOMPARE(count(S("SELECT COUNT(*) FROM records WHERE id IN ('%1', '%2') AND team_id = '%3'").arg(fresh, own, m_teamB)), 2);
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE subject = '%1' AND action = 'change' AND detail LIKE '%handover%'").arg(fresh)), 1);
    const auto w3Seen = pullAll(m_logins[S("w3")].access, &w3Cursor);
    QVERIFY(w3Seen.contains(fresh));
    QCOMPARE(w3Seen.value(own).value(S("record")).toObject().value(S("rationale")).toString(), S("Brought forward after a call from school."));
    QCOMPARE(w3Seen.value(fresh).value(S("record")).toObject().value(S("author")).toString(), m_logins[S("w2")].userId);
    // ... and leaves w2's tablet.
    QStringList purges;
    const auto w2Seen = pullAll(w2, &w2Cursor, &purges);
    QVERIFY(purges.contains(fresh));
    QVERIFY(purges.contains(own));
    QVERIFY(!w2Seen.contains(fresh));

    // Refused: recorded after the move, or not saying when; somebody else's record; the child's own
    // record (the plan is the new holder's).
    QCOMPARE(push1(w2, newId(), S("visit"), 0, fullVisit(c4), nullptr, {}, after).value(S("code")).toString(), S("forbidden"));
    QCOMPARE(push1(w2, newId(), S("visit"), 0, fullVisit(c4)).value(S("code")).toString(), S("forbidden"));
    QCOMPARE(push1(w2, othersVisit, S("visit"), 1, {{S("rationale"), S("Not mine to change.")}}, nullptr, {}, before).value(S("code")).toString(),
             S("forbidden"));
    QCOMPARE(push1(w2, c4, S("child"), 1, {{S("contingency"), S("Call the duty team.")}}, nullptr, {}, before).value(S("code")).toString(),
             S("forbidden"));
    // ... and anything once the window has closed.
    QVERIFY(execSql(S("UPDATE allocation_history SET handover_until = until_at WHERE child_id = '%1'").arg(c4)));
    QCOMPARE(push1(w2, newId(), S("visit"), 0, fullVisit(c4), nullptr, {}, before).value(S("code")).toString(), S("forbidden"));
    QCOMPARE(push1(w2, own, S("visit"), 2, {{S("rationale"), S("Too late.")}}, nullptr, {}, before).value(S("code")).toString(), S("forbidden"));
    QCOMPARE(count(S("SELECT COUNT(*) FROM records WHERE id = '%1' AND body LIKE '%Too late%'").arg(own)), 0);

    QVERIFY(!cli({S("allocate"), S("--child"), c4, S("--worker"), S("w2")}).isEmpty());
}

void TestServerApi::largeAnswersAreCompressed()
{
    // On the wire, not through QNetworkAccessManager (which asks for gzip and inflates by itself):
    // a pull page as large as the demo's is gzipped when the request accepts it, and only then.
    const QString token = m_logins[S("m1")].access;
    QJsonArray visits; // enough for a page well over the threshold, whatever ran before
    for (int i = 0; i < 30; ++i)
        visits.append(QJsonObject{{S("mutation_id"), newId()}, {S("record_id"), newId()}, {S("type"), S("visit")},
                                  {S("base_rev"), 0}, {S("patch"), fullVisit(m_children[S("c1")])}});
    QCOMPARE(m_api->post(S("/api/v1/sync/push"), {{S("mutations"), visits}}, m_logins[S("w1")].access).status, 200);
    // One request on its own connection; the head (lower case) and the body, read to Content-Length.
    auto fetch = [&](const QByteArray &path, const QByteArray &acceptEncoding) {
        QTcpSocket socket;
        socket.connectToHost(m_server.baseUrl().host(), quint16(m_server.baseUrl().port()));
        if (!socket.waitForConnected(5000))
            return std::pair<QByteArray, QByteArray>();
        QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1() + "\r\n";
        if (!acceptEncoding.isNull())
            request += "Accept-Encoding: " + acceptEncoding + "\r\n";
        socket.write(request + "\r\n");
        QByteArray answer, head;
        qsizetype bodyStart = -1, length = -1;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && (bodyStart < 0 || answer.size() - bodyStart < length)) {
            socket.waitForReadyRead(500);
            answer += socket.readAll();
            if (bodyStart < 0 && (bodyStart = answer.indexOf("\r\n\r\n")) >= 0) {
                head = answer.left(bodyStart).toLower();
                bodyStart += 4;
                const qsizetype at = head.indexOf("content-length:");
                length = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            }
        }
        return std::pair<QByteArray, QByteArray>(head, bodyStart < 0 ? QByteArray() : answer.mid(bodyStart));
    };
    const QByteArray pull = "/api/v1/sync/pull?limit=2000";
    const auto [plainHead, plainBody] = fetch(pull, QByteArray());
    QVERIFY2(plainHead.startsWith("http/1.1 200"), plainHead.constData());
    QVERIFY(!plainHead.contains("content-encoding"));
    QVERIFY(plainHead.contains("vary: accept-encoding"));
    const QJsonObject plain = QJsonDocument::fromJson(plainBody).object();
    QVERIFY(plain.value(S("changes")).toArray().size() > 3);
    QVERIFY2(plainBody.size() > 8 * 1024, qPrintable(QString::number(plainBody.size())));

    const auto [zipHead, zipBody] = fetch(pull, "gzip, deflate");
    QVERIFY2(zipHead.contains("content-encoding: gzip"), zipHead.constData());
    QVERIFY2(zipBody.size() < plainBody.size() / 3, qPrintable(QStringLiteral("%1 of %2").arg(zipBody.size()).arg(plainBody.size())));
    auto inflated = gzipDecompress(zipBody, 64 << 20);
    QVERIFY(inflated.ok());
    QCOMPARE(QJsonDocument::fromJson(inflated.value()).object().value(S("changes")), plain.value(S("changes")));

    QVERIFY(!fetch(pull, "gzip;q=0, identity").first.contains("content-encoding"));
    QVERIFY(fetch(pull, "*").first.contains("content-encoding: gzip"));
    // A small answer is left as it is.
    const auto [healthHead, healthBody] = fetch("/api/v1/health", "gzip");
    QVERIFY2(healthHead.startsWith("http/1.1 200"), healthHead.constData());
    QVERIFY(!healthHead.contains("content-encoding"));
    QVERIFY(QJsonDocument::fromJson(healthBody).isObject());
}

void TestServerApi::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("auth");
    const QByteArray json = "application/json";
    const QString push = S("/api/v1/sync/push");
    auto mutation = [](const char *fields) {
        return QByteArray(R"({"mutations":[{"mutation_id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427",)") + fields + "}]}";
    };
    QByteArray deep;
    for (int i = 0; i < 100; ++i)
        deep += "{\"a\":";
    deep += "1";
    for (int i = 0; i < 100; ++i)
        deep += "}";
    QByteArray wide = "{\"mutations\":[";
    for (int i = 0; i < 300; ++i)
        wide += (i ? "," : "") + QByteArray("{}");
    wide += "]}";
    QTest::addRow("not json") << QByteArray("POST") << push << QByteArray("{mutations:") << json << true;
    QTest::addRow("json array") << QByteArray("POST") << push << QByteArray("[1,2]") << json << true;
    QTest::addRow("json string") << QByteArray("POST") << push << QByteArray("\"x\"") << json << true;
    QTest::addRow("deep nesting") << QByteArray("POST") << push << deep << json << true;
    QTest::addRow("too many mutations") << QByteArray("POST") << push << wide << json << true;
    QTest::addRow("body too large") << QByteArray("POST") << push << QByteArray(9 * 1024 * 1024, ' ') << json << true;
    QTest::addRow("wrong content type") << QByteArray("POST") << push << QByteArray("{}") << QByteArray("text/plain") << true;
    QTest::addRow("mutations missing") << QByteArray("POST") << push << QByteArray("{}") << json << true;
    QTest::addRow("mutations not array") << QByteArray("POST") << push << QByteArray(R"({"mutations":{}})") << json << true;
    QTest::addRow("mutation not object") << QByteArray("POST") << push << QByteArray(R"({"mutations":[5]})") << json << true;
    QTest::addRow("bad mutation id") << QByteArray("POST") << push << QByteArray(R"({"mutations":[{"mutation_id":"x"}]})") << json << true;
    QTest::addRow("bad record id") << QByteArray("POST") << push << mutation(R"("record_id":"../etc","type":"visit","base_rev":0,"patch":{})") << json << true;
    QTest::addRow("unknown type") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"x","base_rev":0,"patch":{})") << json << true;
    QTest::addRow("base_rev string") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":"0","patch":{})") << json << true;
    QTest::addRow("base_rev negative") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":-1,"patch":{})") << json << true;
    QTest::addRow("base_rev fraction") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":1.5,"patch":{})") << json << true;
    QTest::addRow("patch array") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":0,"patch":[]})") << json << true;
    QTest::addRow("recorded_at not a time") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":0,"patch":{},"recorded_at":"yesterday")") << json << true;
    QTest::addRow("recorded_at a number") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":0,"patch":{},"recorded_at":1700000000)") << json << true;
    QTest::addRow("unknown mutation field") << QByteArray("POST") << push << mutation(R"("record_id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","type":"visit","base_rev":0,"patch":{},"sql":"drop table")") << json << true;
    QTest::addRow("bad cursor") << QByteArray("GET") << S("/api/v1/sync/pull?cursor=%27%3B--") << QByteArray() << QByteArray() << true;
    QTest::addRow("cursor wrong version") << QByteArray("GET") << S("/api/v1/sync/pull?cursor=") + QString::fromLatin1(QByteArray("v9:1:2").toBase64()) << QByteArray() << QByteArray() << true;
    QTest::addRow("limit zero") << QByteArray("GET") << S("/api/v1/sync/pull?limit=0") << QByteArray() << QByteArray() << true;
    QTest::addRow("limit text") << QByteArray("GET") << S("/api/v1/sync/pull?limit=abc") << QByteArray() << QByteArray() << true;
    QTest::addRow("limit huge") << QByteArray("GET") << S("/api/v1/sync/pull?limit=100000") << QByteArray() << QByteArray() << true;
    QTest::addRow("unknown endpoint") << QByteArray("GET") << S("/api/v1/nothing") << QByteArray() << QByteArray() << true;
    QTest::addRow("outside api") << QByteArray("GET") << S("/etc/passwd") << QByteArray() << QByteArray() << false;
    QTest::addRow("wrong method pull") << QByteArray("POST") << S("/api/v1/sync/pull") << QByteArray("{}") << json << true;
    QTest::addRow("wrong method push") << QByteArray("GET") << push << QByteArray() << QByteArray() << true;
    QTest::addRow("delete method") << QByteArray("DELETE") << push << QByteArray() << QByteArray() << true;
    QTest::addRow("review bad id") << QByteArray("POST") << S("/api/v1/reviews/not-a-uuid") << QByteArray("{}") << json << true;
    QTest::addRow("review seen_rev string") << QByteArray("POST") << S("/api/v1/reviews/2b4e28ba-2fa1-41d2-883f-0016d3cca427")
                                            << QByteArray(R"({"decision":"approve","rationale":"x","seen_rev":"1"})") << json << true;
    QTest::addRow("review no decision") << QByteArray("POST") << S("/api/v1/reviews/2b4e28ba-2fa1-41d2-883f-0016d3cca427")
                                        << QByteArray(R"({"rationale":"x","seen_rev":1})") << json << true;
    QTest::addRow("login empty") << QByteArray("POST") << S("/api/v1/auth/login") << QByteArray("{}") << json << false;
    QTest::addRow("login huge username") << QByteArray("POST") << S("/api/v1/auth/login")
                                         << QByteArray(R"({"username":")") + QByteArray(5000, 'a') + QByteArray(R"(","password":"x","device_name":"d"})") << json << false;
    QTest::addRow("refresh wrong type") << QByteArray("POST") << S("/api/v1/auth/refresh") << QByteArray(R"({"refresh_token":42})") << json << false;
    QTest::addRow("invalid utf8") << QByteArray("POST") << push << QByteArray("{\"mutations\":\"\xff\xfe\"}") << json << true;
}

void TestServerApi::malformedRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, auth);
    const ApiReply r = m_api->raw(method, path, body, contentType, auth ? m_logins[S("w1")].access : QString());
    QVERIFY2(r.status >= 400 && r.status < 500, qPrintable(QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.raw.left(300))));
    QVERIFY2(r.hasErrorShape(), r.raw.left(300));
    // No internals in any answer.
    for (const char *leak : {"SELECT", "INSERT", "sqlite", "postgres", "QSql", "syntax"})
        QVERIFY2(!r.raw.contains(leak), leak);
    QVERIFY(m_server.isRunning());
    QCOMPARE(m_api->get(S("/api/v1/health")).status, 200);
}

void TestServerApi::revokedDevice()
{
    const Login l = login(S("rev"));
    QCOMPARE(m_api->get(S("/api/v1/sync/pull"), l.access).status, 200);
    QVERIFY(cli({S("revoke-device"), l.device}).contains(S("revoked 1")));
    const QList<QPair<QByteArray, QString>> calls = {{"GET", S("/api/v1/sync/pull")}, {"POST", S("/api/v1/sync/push")},
                                                     {"GET", S("/api/v1/reviews/queue")}, {"POST", S("/api/v1/auth/logout")},
                                                     {"POST", S("/api/v1/reviews/2b4e28ba-2fa1-41d2-883f-0016d3cca427")}};
    for (const auto &[method, path] : calls) {
        const ApiReply r = m_api->raw(method, path, method == "POST" ? QByteArrayLiteral("{\"mutations\":[]}") : QByteArray(), "application/json", l.access);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), S("device_revoked"));
    }
    const ApiReply refresh = m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), l.refresh}});
    QCOMPARE(refresh.status, 401);
    // Another device of the same user is unaffected; signing in again gives a new device.
    const Login again = login(S("rev"));
    QVERIFY(again.device != l.device);
    QCOMPARE(m_api->get(S("/api/v1/sync/pull"), again.access).status, 200);
}

void TestServerApi::disableUser()
{
    QVERIFY(!cli({S("create-user"), S("leaver"), S("--role"), S("worker"), S("--team"), S("Team A")}, kPassword + '\n').isEmpty());
    const Login phone = login(S("leaver"));
    const Login tablet = login(S("leaver"));
    QCOMPARE(m_api->get(S("/api/v1/sync/pull?limit=1"), tablet.access).status, 200);
    const qint64 lastSeq = count(S("SELECT MAX(seq) FROM audit"));

    QCOMPARE(cli({S("disable-user"), S("leaver")}), S("disabled; revoked 2 device(s)"));
    QCOMPARE(count(S("SELECT disabled FROM users WHERE id = '%1'").arg(tablet.userId)), 1);
    QCOMPARE(count(S("SELECT COUNT(*) FROM devices WHERE user_id = '%1' AND revoked_at IS NULL").arg(tablet.userId)), 0);
    QCOMPARE(count(S("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = '%1'").arg(tablet.userId)), 0);
    // Existing access tokens and refresh tokens are refused at once.
    for (const Login &l : {phone, tablet}) {
        const ApiReply pull = m_api->get(S("/api/v1/sync/pull"), l.access);
        QCOMPARE(pull.status, 401);
        QCOMPARE(pull.errorCode(), S("device_revoked"));
        QCOMPARE(m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), l.refresh}}).status, 401);
    }
    // The right password gets exactly the answer a wrong one gets: nothing tells that the account exists.
    const ApiReply right = m_api->post(S("/api/v1/auth/login"),
                                       {{S("username"), S("leaver")}, {S("password"), QString::fromUtf8(kPassword)}, {S("device_name"), S("t")}});
    const ApiReply wrong = m_api->post(S("/api/v1/auth/login"),
                                       {{S("username"), S("leaver")}, {S("password"), S("wrong-password")}, {S("device_name"), S("t")}});
    QCOMPARE(right.status, 401);
    QCOMPARE(right.errorCode(), S("invalid_credentials"));
    QCOMPARE(right.raw, wrong.raw);
    QCOMPARE(count(S("SELECT COUNT(*) FROM devices WHERE user_id = '%1'").arg(tablet.userId)), 2);
    // Audited: the disabling and each device, in one go.
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE action = 'admin.disable_user' AND subject = '%1'").arg(tablet.userId)), 1);
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE action = 'admin.revoke_device' AND subject IN ('%1', '%2')").arg(phone.device, tablet.device)), 2);
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE seq > %1 AND action LIKE 'admin.%'").arg(lastSeq)), 3);

    // Twice: no error, says so, records nothing more.
    const qint64 auditAfter = count(S("SELECT COUNT(*) FROM audit"));
    QCOMPARE(cli({S("disable-user"), S("leaver")}), S("already disabled; revoked 0 device(s)"));
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit")), auditAfter);
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));
}

void TestServerApi::enableUser()
{
    QVERIFY(!cli({S("create-user"), S("returner"), S("--role"), S("worker"), S("--team"), S("Team A")}, kPassword + '\n').isEmpty());
    const Login before = login(S("returner"));
    QCOMPARE(cli({S("disable-user"), S("returner")}), S("disabled; revoked 1 device(s)"));
    QCOMPARE(cli({S("enable-user"), S("returner")}), S("enabled (revoked devices stay revoked: sign in afresh)"));
    QCOMPARE(count(S("SELECT disabled FROM users WHERE id = '%1'").arg(before.userId)), 0);
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE action = 'admin.enable_user' AND subject = '%1'").arg(before.userId)), 1);
    // The old device stays revoked; signing in again gives a new one that works.
    QCOMPARE(m_api->get(S("/api/v1/sync/pull"), before.access).errorCode(), S("device_revoked"));
    QCOMPARE(m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), before.refresh}}).status, 401);
    const Login after = login(S("returner"));
    QVERIFY(!after.access.isEmpty() && after.device != before.device);
    QCOMPARE(m_api->get(S("/api/v1/sync/pull?limit=1"), after.access).status, 200);
    // Enabling an enabled account is no error and records nothing.
    const qint64 audit = count(S("SELECT COUNT(*) FROM audit"));
    QCOMPARE(cli({S("enable-user"), S("returner")}), S("already enabled"));
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit")), audit);
}

void TestServerApi::resetPassword()
{
    QVERIFY(!cli({S("create-user"), S("forgot"), S("--role"), S("worker"), S("--team"), S("Team A")}, kPassword + '\n').isEmpty());
    const Login first = login(S("forgot"));
    const Login second = login(S("forgot"));
    const auto hashNow = [&] {
        auto conn = m_db->connection();
        QSqlDatabase db = conn.value();
        QSqlQuery q(db);
        q.exec(S("SELECT password_hash FROM users WHERE username = 'forgot'"));
        return q.next() ? q.value(0).toString() : QString();
    };
    const QString oldHash = hashNow();
    QVERIFY(!oldHash.isEmpty());

    // create-user's policy, a clear message, nothing changed.
    const auto weak = ServerProcess::cli({S("reset-password"), S("forgot")}, m_backend.spec(), "short\n");
    QCOMPARE(weak.exitCode, 1);
    QVERIFY2(weak.err.contains(S("at least 8 characters")), qPrintable(weak.err));
    const auto empty = ServerProcess::cli({S("reset-password"), S("forgot")}, m_backend.spec(), {});
    QCOMPARE(empty.exitCode, 1);
    // Never from the command line, where `ps` shows it.
    const auto argv = ServerProcess::cli({S("reset-password"), S("forgot"), S("--password"), S("new-password-2")}, m_backend.spec());
    QCOMPARE(argv.exitCode, 1);
    QVERIFY2(argv.err.contains(S("stdin")), qPrintable(argv.err));
    QCOMPARE(hashNow(), oldHash);
    QCOMPARE(m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), first.refresh}}).status, 200);

    // Locked out by failed attempts (as if by the person themselves), then reset.
    QVERIFY(execSql(S("INSERT INTO login_throttle (key, failures, locked_until, last_failure) VALUES ('user:forgot', 5, '%1', '%2')")
                        .arg(QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs),
                             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))));
    QCOMPARE(cli({S("reset-password"), S("forgot")}, "new-password-2\n"), S("password reset; 2 device(s) must sign in again"));
    QVERIFY(hashNow() != oldHash && hashNow().startsWith(S("$argon2id$")));
    // Every session ends; the devices are not revoked (each keeps what it holds and signs in again).
    QCOMPARE(m_api->post(S("/api/v1/auth/refresh"), {{S("refresh_token"), second.refresh}}).errorCode(), S("invalid_token"));
    QCOMPARE(count(S("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = '%1'").arg(first.userId)), 0);
    QCOMPARE(count(S("SELECT COUNT(*) FROM devices WHERE user_id = '%1' AND revoked_at IS NULL").arg(first.userId)), 2);
    // The old password no longer signs in; the new one does, lockout lifted.
    QCOMPARE(m_api->post(S("/api/v1/auth/login"), {{S("username"), S("forgot")}, {S("password"), QString::fromUtf8(kPassword)},
                                                    {S("device_name"), S("t")}}).errorCode(),
             S("invalid_credentials"));
    const ApiReply fresh = m_api->post(S("/api/v1/auth/login"), {{S("username"), S("forgot")}, {S("password"), S("new-password-2")},
                                                                  {S("device_name"), S("t")}});
    QCOMPARE(fresh.status, 200);
    QCOMPARE(m_api->get(S("/api/v1/sync/pull?limit=1"), fresh.json.value(S("access_token")).toString()).status, 200);
    // Audited, without the password.
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE action = 'admin.reset_password' AND subject = '%1'").arg(first.userId)), 1);
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit WHERE detail LIKE '%new-password%'")), 0);

    // A disabled account may be given a password; it is told that it still cannot sign in.
    QVERIFY(cli({S("disable-user"), S("forgot")}).startsWith(S("disabled")));
    QVERIFY(cli({S("reset-password"), S("forgot")}, "new-password-3\n").contains(S("the account is disabled")));
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));
}

void TestServerApi::adminCommandsRefuseUnknownUser_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("input");
    QTest::addRow("disable-user") << S("disable-user") << QByteArray();
    QTest::addRow("enable-user") << S("enable-user") << QByteArray();
    QTest::addRow("reset-password") << S("reset-password") << QByteArray("a-good-long-password\n");
}

void TestServerApi::adminCommandsRefuseUnknownUser()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, input);
    const qint64 audit = count(S("SELECT COUNT(*) FROM audit"));
    const qint64 disabled = count(S("SELECT COUNT(*) FROM users WHERE disabled <> 0"));
    const auto r = ServerProcess::cli({command, S("nobody-here")}, m_backend.spec(), input);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(S("no user nobody-here")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(count(S("SELECT COUNT(*) FROM audit")), audit);
    QCOMPARE(count(S("SELECT COUNT(*) FROM users WHERE disabled <> 0")), disabled);
    // A command without its user is a usage error.
    QCOMPARE(ServerProcess::cli({command}, m_backend.spec(), input).exitCode, 1);
}

void TestServerApi::throttling()
{
    const QJsonObject wrong{{S("username"), S("thr")}, {S("password"), S("wrong-password")}, {S("device_name"), S("t")}};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_api->post(S("/api/v1/auth/login"), wrong).status, 401);
    // Locked now, even with the right password.
    const ApiReply locked = m_api->post(S("/api/v1/auth/login"),
                                        {{S("username"), S("thr")}, {S("password"), QString::fromUtf8(kPassword)}, {S("device_name"), S("t")}});
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.errorCode(), S("too_many_attempts"));
    bool ok = false;
    const int retry = locked.header("Retry-After").toInt(&ok);
    QVERIFY(ok && retry > 0 && retry <= 3600);
    // Other accounts are unaffected.
    QVERIFY(!login(S("w3")).access.isEmpty());
    // Failures were audited.
    QVERIFY(count(S("SELECT COUNT(*) FROM audit WHERE action = 'login_failed'")) >= 5);
}

void TestServerApi::concurrentWritersCursor()
{
    // >= 8 writers push creates concurrently (each a separate transaction on the database) while
    // readers page through the manager's feed with small pages. Every reader must see every
    // created record exactly once. Whether a late commit happens here is up to the scheduler (and
    // never on SQLite, which serialises writers), so the late commit itself is proven
    // deterministically by cursorWaitsForOpenTransaction; this is the load-shaped check.
    constexpr int kWriters = 8;
    constexpr int kPerWriter = 25;
    constexpr int kReaders = 3;
    QStringList writerTokens;
    for (int i = 0; i < kWriters; ++i)
        writerTokens << login(S("w1")).access;
    const QString readerToken = m_logins[S("m1")].access;
    // Start every reader at the current end of the feed.
    QString startCursor;
    pullAll(readerToken, &startCursor, nullptr, 500);
    const QString child = m_children[S("c1")];
    const QUrl base = m_server.baseUrl();

    QMutex lock;
    QSet<QString> created;
    std::atomic<int> writerFailures{0};
    std::atomic<int> writersDone{0};
    QList<QThread *> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads << QThread::create([&, w] {
            ApiClient client(base);
            for (int i = 0; i < kPerWriter; ++i) {
                const QString id = newId();
                const QJsonObject m{{S("mutation_id"), newId()}, {S("record_id"), id}, {S("type"), S("visit")},
                                    {S("base_rev"), 0}, {S("patch"), fullVisit(child)}};
                const ApiReply r = client.post(S("/api/v1/sync/push"), {{S("mutations"), QJsonArray{m}}}, writerTokens[w]);
                if (r.status == 200 && r.json.value(S("results")).toArray().first().toObject().value(S("result")).toString() == QLatin1String("applied")) {
                    QMutexLocker l(&lock);
                    created.insert(id);
                } else {
                    ++writerFailures;
                }
            }
            ++writersDone;
        });
    }
    QList<QHash<QString, int>> seenBy(kReaders);
    std::atomic<int> readerFailures{0};
    for (int rd = 0; rd < kReaders; ++rd) {
        threads << QThread::create([&, rd] {
            ApiClient client(base);
            QString cursor = startCursor;
            QElapsedTimer timer;
            timer.start();
            int quietRounds = 0;
            // Bounded: at most 60 s and 5000 pages; ends after writers finish and two empty drains.
            for (int page = 0; page < 5000 && timer.elapsed() < 60000; ++page) {
                const bool writing = writersDone.load() < kWriters;
                const ApiReply r = client.get(S("/api/v1/sync/pull?limit=7&cursor=") + cursor, readerToken);
                if (r.status != 200) {
                    ++readerFailures;
                    return;
                }
                for (const QJsonValue &c : r.json.value(S("changes")).toArray())
                    seenBy[rd][c.toObject().value(S("record_id")).toString()]++;
                cursor = r.json.value(S("next_cursor")).toString();
                if (!r.json.value(S("has_more")).toBool()) {
                    if (!writing && ++quietRounds >= 2)
                        return;
                    QThread::msleep(5);
                }
            }
            ++readerFailures; // ran out of time or pages
        });
    }
    QElapsedTimer elapsed;
    elapsed.start();
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        QVERIFY(t->wait(120000));
        delete t;
    }
    qInfo() << kWriters * kPerWriter << "pushes by" << kWriters << "writers with" << kReaders << "readers in" << elapsed.elapsed() << "ms";
    QCOMPARE(writerFailures.load(), 0);
    QCOMPARE(readerFailures.load(), 0);
    QCOMPARE(created.size(), kWriters * kPerWriter);
    for (int rd = 0; rd < kReaders; ++rd) {
        int missing = 0, duplicated = 0;
        for (const QString &id : created) {
            const int n = seenBy[rd].value(id);
            missing += n == 0;
            duplicated += n > 1;
        }
        QVERIFY2(missing == 0 && duplicated == 0,
                 qPrintable(QStringLiteral("reader %1: %2 missing, %3 duplicated").arg(rd).arg(missing).arg(duplicated)));
    }
    if (m_backend.isPostgres()) {
        // How often commits landed out of order in this run (information, not a condition: see above).
        const qint64 inversions = count(S("SELECT COUNT(*) FROM changes a JOIN changes b ON a.seq < b.seq AND a.xid > b.xid"));
        qInfo() << "seq/xid inversions among change rows:" << inversions;
    }
}

void TestServerApi::cursorWaitsForOpenTransaction()
{
    if (!m_backend.isPostgres())
        QSKIP("SQLite serialises writers (BEGIN IMMEDIATE): a writer cannot stay open behind another");
    // Deterministic commit-order check: transaction A writes a change and stays open; B writes
    // later and commits first. A reader must not move past A's position until A commits.
    const QString m1 = m_logins[S("m1")].access;
    QString cursor;
    pullAll(m1, &cursor, nullptr, 500);
    const QString early = newId();
    QCOMPARE(push1(m_logins[S("w1")].access, early, S("visit"), 0, fullVisit(m_children[S("c1")])).value(S("result")).toString(), S("applied"));
    QVERIFY(pullAll(m1, &cursor, nullptr, 500).contains(early));

    auto conn = m_db->connection();
    QVERIFY(conn.ok());
    QSqlDatabase db = conn.value();
    QSqlQuery a(db);
    QVERIFY(a.exec(S("BEGIN")));
    QVERIFY(a.exec(S("INSERT INTO changes (record_id, kind, team_id, created_at) VALUES ('%1', 'upsert', '%2', '%3')").arg(early, m_teamA, nowIso())));
    const QString late = newId();
    QCOMPARE(push1(m_logins[S("w1")].access, late, S("visit"), 0, fullVisit(m_children[S("c1")])).value(S("result")).toString(), S("applied"));
    const QString before = cursor;
    const auto held = pullAll(m1, &cursor, nullptr, 500);
    QVERIFY2(!held.contains(late), "a change behind an open transaction was handed out");
    QCOMPARE(cursor, before);
    QVERIFY(a.exec(S("COMMIT")));
    const auto after = pullAll(m1, &cursor, nullptr, 500);
    QVERIFY(after.contains(early)); // A's change, committed late, is not skipped
    QVERIFY(after.contains(late));
}

void TestServerApi::twoInstances()
{
    QString secondSpec = m_backend.spec();
    if (m_backend.isPostgres()) {
        // The second instance runs as a separate service role, as in deployment: migrate grants it
        // what it needs, and it cannot change the audit log even with the trigger out of the way.
        auto conn = m_db->connection();
        QVERIFY(conn.ok());
        QSqlDatabase db = conn.value();
        QSqlQuery q(db);
        QVERIFY(q.exec(S("DO $$ BEGIN CREATE ROLE doorstep_service LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")));
        QVERIFY(cli({S("migrate"), S("--service-role"), S("doorstep_service")}).contains(S("version")));
        QVERIFY(cli({S("migrate"), S("--service-role"), S("bad name;")}, {}, 1).isEmpty());
        QUrl url(secondSpec);
        url.setUserName(S("doorstep_service"));
        secondSpec = url.toString();
        auto svcConfig = DbConfig::parse(secondSpec);
        QVERIFY(svcConfig.ok());
        Database svc(svcConfig.value());
        auto svcConn = svc.connection();
        QVERIFY(svcConn.ok());
        QSqlDatabase sdb = svcConn.value();
        QSqlQuery sq(sdb);
        QVERIFY(!sq.exec(S("UPDATE audit SET actor = 'x' WHERE seq = 1")));
        QCOMPARE(sq.lastError().nativeErrorCode(), S("42501")); // permission denied, before any trigger
        QVERIFY(!sq.exec(S("DELETE FROM audit")));
        QCOMPARE(sq.lastError().nativeErrorCode(), S("42501"));
        QVERIFY(sq.exec(S("SELECT COUNT(*) FROM audit")));
    }
    ServerProcess second;
    QVERIFY2(second.start(secondSpec), qPrintable(second.errorOutput()));
    ApiClient b(second.baseUrl());
    // A token issued by one instance works on the other (the signing secret lives in the database).
    const Login l = login(S("w2"));
    QCOMPARE(b.get(S("/api/v1/sync/pull?limit=1"), l.access).status, 200);
    const QString id = newId();
    const QString mutation = newId();
    const QJsonObject m{{S("mutation_id"), mutation}, {S("record_id"), id}, {S("type"), S("visit")}, {S("base_rev"), 0},
                        {S("patch"), fullVisit(m_children[S("c2")])}};
    const ApiReply first = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), QJsonArray{m}}}, l.access);
    QCOMPARE(first.status, 200);
    // Replay on the other instance: the same answer, nothing new.
    const qint64 versions = count(S("SELECT COUNT(*) FROM record_versions"));
    const ApiReply replay = b.post(S("/api/v1/sync/push"), {{S("mutations"), QJsonArray{m}}}, l.access);
    QCOMPARE(replay.json, first.json);
    QCOMPARE(count(S("SELECT COUNT(*) FROM record_versions")), versions);
    // Instance B serves the change to the manager; a revocation on A's database bites on B.
    QString cursor;
    QString mcursor;
    {
        QHash<QString, QJsonObject> seen;
        for (int page = 0; page < 200; ++page) {
            const ApiReply r = b.get(S("/api/v1/sync/pull?limit=200") + (mcursor.isEmpty() ? QString() : S("&cursor=") + mcursor), m_logins[S("m1")].access);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &c : r.json.value(S("changes")).toArray())
                seen.insert(c.toObject().value(S("record_id")).toString(), c.toObject());
            mcursor = r.json.value(S("next_cursor")).toString();
            if (!r.json.value(S("has_more")).toBool())
                break;
        }
        QVERIFY(seen.contains(id));
    }
    QVERIFY(cli({S("revoke-device"), l.device}).contains(S("revoked")));
    QCOMPARE(b.get(S("/api/v1/sync/pull"), l.access).errorCode(), S("device_revoked"));
    QCOMPARE(m_api->get(S("/api/v1/sync/pull"), l.access).errorCode(), S("device_revoked"));
    Q_UNUSED(cursor);
}

void TestServerApi::auditTamperDetection_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addRow("edit") << S("edit");
    QTest::addRow("delete") << S("delete");
    QTest::addRow("insert") << S("insert");
    QTest::addRow("reorder") << S("reorder");
    QTest::addRow("truncate tail") << S("tail");
}

void TestServerApi::auditTamperDetection()
{
    QFETCH(QString, tamper);
    // Intact before.
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));
    auto conn = m_db->connection();
    QVERIFY(conn.ok());
    QSqlDatabase db = conn.value();
    QSqlQuery q(db);
    if (m_backend.isPostgres()) {
        // The service cannot change the log: the trigger refuses, even for the table's owner.
        QVERIFY(!q.exec(S("UPDATE audit SET actor = 'x' WHERE seq = 2")));
        QVERIFY(!q.exec(S("DELETE FROM audit WHERE seq = 2")));
        // As superuser, switch the trigger off to play the attacker.
        QVERIFY(q.exec(S("ALTER TABLE audit DISABLE TRIGGER USER")));
    }
    QVERIFY(q.exec(S("SELECT MAX(seq) FROM audit")) && q.next());
    const qint64 last = q.value(0).toLongLong();
    QVERIFY(last > 10);
    QSqlQuery row(db);
    QVERIFY(row.exec(S("SELECT seq, at, actor, device, address, action, subject, detail, prev_hash, hash FROM audit WHERE seq = 5")) && row.next());
    QVariantList saved;
    for (int i = 0; i < 10; ++i)
        saved << row.value(i);
    QSqlQuery row6(db);
    QVERIFY(row6.exec(S("SELECT at, actor, device, address, action, subject, detail FROM audit WHERE seq = 6")) && row6.next());
    QVariantList saved6;
    for (int i = 0; i < 7; ++i)
        saved6 << row6.value(i);

    auto restore5 = [&] {
        QSqlQuery d(db);
        d.exec(S("DELETE FROM audit WHERE seq = 5"));
        d.prepare(S("INSERT INTO audit (seq, at, actor, device, address, action, subject, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)"));
        for (const QVariant &v : saved)
            d.addBindValue(v);
        return d.exec();
    };
    QSqlQuery t(db);
    QVariantList tailRow;
    if (tamper == QLatin1String("edit")) {
        QVERIFY(t.exec(S("UPDATE audit SET detail = '{\"decision\":\"approve\"}' WHERE seq = 5")));
    } else if (tamper == QLatin1String("delete")) {
        QVERIFY(t.exec(S("DELETE FROM audit WHERE seq = 5")));
    } else if (tamper == QLatin1String("insert")) {
        // Appended with a correctly computed hash: only the head kept outside the chain shows it.
        QVERIFY(t.exec(S("SELECT hash FROM audit WHERE seq = %1").arg(last)) && t.next());
        const QString prev = t.value(0).toString();
        const QString at = nowIso();
        const QString h = AuditLog::hashRow(last + 1, at, S("intruder"), QString(), QString(), S("login"), S("x"), S("{}"), prev);
        QVERIFY(t.exec(S("INSERT INTO audit (seq, at, actor, device, address, action, subject, detail, prev_hash, hash) VALUES "
                         "(%1, '%2', 'intruder', '', '', 'login', 'x', '{}', '%3', '%4')").arg(last + 1).arg(at, prev, h)));
    } else if (tamper == QLatin1String("reorder")) {
        // Swap the content of rows 5 and 6.
        QSqlQuery u(db);
        u.prepare(S("UPDATE audit SET at = ?, actor = ?, device = ?, address = ?, action = ?, subject = ?, detail = ? WHERE seq = ?"));
        for (const QVariant &v : saved6)
            u.addBindValue(v);
        u.addBindValue(5);
        QVERIFY(u.exec());
        u.prepare(S("UPDATE audit SET at = ?, actor = ?, device = ?, address = ?, action = ?, subject = ?, detail = ? WHERE seq = ?"));
        for (int i = 1; i <= 7; ++i)
            u.addBindValue(saved[i]);
        u.addBindValue(6);
        QVERIFY(u.exec());
    } else if (tamper == QLatin1String("tail")) {
        QSqlQuery r(db);
        QVERIFY(r.exec(S("SELECT seq, at, actor, device, address, action, subject, detail, prev_hash, hash FROM audit WHERE seq = %1").arg(last)) && r.next());
        for (int i = 0; i < 10; ++i)
            tailRow << r.value(i);
        QVERIFY(t.exec(S("DELETE FROM audit WHERE seq = %1").arg(last)));
    }
    const auto broken = ServerProcess::cli({S("verify-audit")}, m_backend.spec());
    QCOMPARE(broken.exitCode, 3);
    QVERIFY2(broken.out.contains(S("BROKEN")), qPrintable(broken.out));

    // Undo, and the chain verifies again.
    QSqlQuery undo(db);
    if (tamper == QLatin1String("edit") || tamper == QLatin1String("delete")) {
        QVERIFY(restore5());
    } else if (tamper == QLatin1String("insert")) {
        QVERIFY(undo.exec(S("DELETE FROM audit WHERE seq = %1").arg(last + 1)));
    } else if (tamper == QLatin1String("reorder")) {
        QVERIFY(restore5());
        undo.prepare(S("UPDATE audit SET at = ?, actor = ?, device = ?, address = ?, action = ?, subject = ?, detail = ? WHERE seq = 6"));
        for (const QVariant &v : saved6)
            undo.addBindValue(v);
        QVERIFY(undo.exec());
    } else if (tamper == QLatin1String("tail")) {
        undo.prepare(S("INSERT INTO audit (seq, at, actor, device, address, action, subject, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)"));
        for (const QVariant &v : tailRow)
            undo.addBindValue(v);
        QVERIFY(undo.exec());
    }
    if (m_backend.isPostgres())
        QVERIFY(q.exec(S("ALTER TABLE audit ENABLE TRIGGER USER")));
    const auto fixed = ServerProcess::cli({S("verify-audit")}, m_backend.spec());
    QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.out + fixed.err));
}

void TestServerApi::pushIsolatesStorageFailure()
{
    // One request of five mutations, where storing one record fails in the database (a trigger
    // refuses its version row): the others are kept, the failed one and the later edit of the same
    // record are answered "retry" and not stored under their ids; the audit chain stays intact.
    const QString token = m_logins[S("w1")].access;
    const QString a = newId(), b = newId(), c = newId(), d = newId();
    auto mutation = [](const QString &id, int baseRev, const QJsonObject &patch) {
        return QJsonObject{{S("mutation_id"), newId()}, {S("record_id"), id}, {S("type"), S("visit")}, {S("base_rev"), baseRev}, {S("patch"), patch}};
    };
    const QJsonArray batch{mutation(a, 0, fullVisit(m_children[S("c1")])), mutation(b, 0, fullVisit(m_children[S("c1")])),
                           mutation(c, 0, fullVisit(m_children[S("c1")])), mutation(d, 0, fullVisit(m_children[S("c3")])), // not w1's child
                           mutation(b, 0, QJsonObject{{S("analysis_risks"), S("Edited before the first write was acknowledged.")}})};
    const bool pg = m_backend.isPostgres();
    const QStringList install = pg
        ? QStringList{S("CREATE FUNCTION perf_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.record_id = '%1' THEN"
                        " RAISE EXCEPTION 'injected storage failure'; END IF; RETURN NEW; END $$").arg(b),
                      S("CREATE TRIGGER perf_refuse BEFORE INSERT ON record_versions FOR EACH ROW EXECUTE FUNCTION perf_refuse()")}
        : QStringList{S("CREATE TRIGGER perf_refuse BEFORE INSERT ON record_versions WHEN NEW.record_id = '%1'"
                        " BEGIN SELECT RAISE(ABORT, 'injected storage failure'); END").arg(b)};
    auto run = [&](const QStringList &statements) {
        auto conn = m_db->connection();
        QVERIFY(conn.ok());
        QSqlDatabase db = conn.value();
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
    };
    run(install);
    if (QTest::currentTestFailed())
        return;
    const qint64 mutationsBefore = count(S("SELECT COUNT(*) FROM mutations"));
    const ApiReply first = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), batch}}, token);
    run(pg ? QStringList{S("DROP TRIGGER perf_refuse ON record_versions"), S("DROP FUNCTION perf_refuse()")}
           : QStringList{S("DROP TRIGGER perf_refuse")});
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.json.value(S("results")).toArray();
    QCOMPARE(results.size(), 5);
    QStringList kinds;
    for (const QJsonValue &v : results)
        kinds << v.toObject().value(S("result")).toString();
    QCOMPARE(kinds, (QStringList{S("applied"), S("retry"), S("applied"), S("rejected"), S("retry")}));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(results[i].toObject().value(S("mutation_id")).toString(), batch[i].toObject().value(S("mutation_id")).toString());
    QCOMPARE(count(S("SELECT COUNT(*) FROM records WHERE id IN ('%1', '%2')").arg(a, c)), 2);
    QCOMPARE(count(S("SELECT COUNT(*) FROM records WHERE id = '%1'").arg(b)), 0);
    QCOMPARE(count(S("SELECT COUNT(*) FROM record_versions WHERE record_id = '%1'").arg(b)), 0);
    QCOMPARE(count(S("SELECT COUNT(*) FROM mutations")), mutationsBefore + 3); // a, c and the refusal of d
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));

    // The device sends the same request again: stored answers are replayed, the rest is applied.
    const ApiReply second = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), batch}}, token);
    QCOMPARE(second.status, 200);
    const QJsonArray again = second.json.value(S("results")).toArray();
    QCOMPARE(again.size(), 5);
    QCOMPARE(again[0].toObject(), results[0].toObject());
    QCOMPARE(again[2].toObject(), results[2].toObject());
    QCOMPARE(again[3].toObject(), results[3].toObject());
    QCOMPARE(again[1].toObject().value(S("result")).toString(), S("applied"));
    QCOMPARE(again[4].toObject().value(S("result")).toString(), S("applied"));
    QCOMPARE(again[4].toObject().value(S("rev")).toInt(), 2);
    QCOMPARE(count(S("SELECT COUNT(*) FROM record_versions WHERE record_id = '%1'").arg(b)), 2);
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));
}

void TestServerApi::pullLeavesOutTheCallersEchoes()
{
    // A visit the service stores exactly as the device sent it (author, state and schema named) is
    // not sent back to that device: its pull moves past the rows, page by page, with nothing in
    // them. Another device of the same worker receives it, and so does the writer once someone
    // else changes it; a visit the service completed (no author sent) comes back to the writer.
    const Login a = login(S("w1"));
    const Login b = login(S("w1"));
    QVERIFY(!a.access.isEmpty() && !b.access.isEmpty() && a.device != b.device);
    QString cursorA, cursorB;
    pullAll(a.access, &cursorA);
    pullAll(b.access, &cursorB);

    QStringList held;
    for (int i = 0; i < 3; ++i) {
        QJsonObject v = fullVisit(m_children[S("c1")]);
        v.insert(S("author"), a.userId);
        v.insert(S("state"), S("draft"));
        v.insert(S("schema"), wire::kSchemaVersion);
        held << newId();
        QCOMPARE(push1(a.access, held.last(), S("visit"), 0, v).value(S("result")).toString(), S("applied"));
    }
    int pages = 0;
    for (bool more = true; more && pages < 10; ++pages) {
        const ApiReply r = m_api->get(S("/api/v1/sync/pull?limit=2&cursor=") + cursorA, a.access);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(S("changes")).toArray().isEmpty(), r.raw.constData());
        QVERIFY(r.json.value(S("next_cursor")).toString() != cursorA); // past the echoes
        cursorA = r.json.value(S("next_cursor")).toString();
        more = r.json.value(S("has_more")).toBool();
    }
    QCOMPARE(pages, 2); // three rows, two to a page

    const QString completed = newId();
    QCOMPARE(push1(a.access, completed, S("visit"), 0, fullVisit(m_children[S("c1")])).value(S("result")).toString(), S("applied"));
    const QHash<QString, QJsonObject> back = pullAll(a.access, &cursorA);
    QCOMPARE(back.keys(), QStringList{completed});
    QCOMPARE(back.value(completed).value(S("record")).toObject().value(S("author")).toString(), a.userId);

    const QHash<QString, QJsonObject> onB = pullAll(b.access, &cursorB);
    for (const QString &id : held + QStringList{completed})
        QVERIFY(onB.contains(id));
    QCOMPARE(push1(b.access, held.first(), S("visit"), 1, {{S("rationale"), S("Edited on the other tablet.")}}).value(S("result")).toString(),
             S("applied"));
    const QHash<QString, QJsonObject> edited = pullAll(a.access, &cursorA);
    QCOMPARE(edited.keys(), QStringList{held.first()});
    QCOMPARE(edited.value(held.first()).value(S("rev")).toInt(), 2);
}

void TestServerApi::pullSplicesStoredBodies()
{
    // A pull page carries each record's body as the text the service stored, spliced into the
    // page instead of parsed and written out again: the page must be exactly the bytes the
    // QJsonObject route gave (its own compact serialisation), and each record the stored body.
    const QString token = m_logins[S("w1")].access;
    QJsonObject visit = fullVisit(m_children[S("c1")]);
    visit.insert(S("rationale"), S("Quotes \" and \\ backslash, / slash, tab\t, newline\n, \u00e9 \u2713 \U0001F600, control \u0001."));
    const QString id = newId();
    QCOMPARE(push1(token, id, S("visit"), 0, visit).value(S("result")).toString(), S("applied"));
    const QString deleted = newId();
    QCOMPARE(push1(token, deleted, S("visit"), 0, fullVisit(m_children[S("c1")])).value(S("rev")).toInt(), 1);
    const ApiReply gone = m_api->post(S("/api/v1/sync/push"),
                                      {{S("mutations"), QJsonArray{QJsonObject{{S("mutation_id"), newId()}, {S("record_id"), deleted}, {S("type"), S("visit")},
                                                                               {S("base_rev"), 1}, {S("op"), S("delete")}}}}},
                                      token);
    QCOMPARE(gone.json.value(S("results")).toArray().first().toObject().value(S("rev")).toInt(), 2);

    QHash<QString, QJsonObject> seen;
    QByteArray rawWithRecord;
    QString cursor;
    for (int page = 0; page < 500; ++page) {
        QString path = S("/api/v1/sync/pull?limit=7");
        if (!cursor.isEmpty())
            path += S("&cursor=") + cursor;
        const ApiReply r = m_api->get(path, token);
        QCOMPARE(r.status, 200);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.raw, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(r.raw, doc.toJson(QJsonDocument::Compact)); // byte for byte the object route's page
        for (const QJsonValue &c : doc.object().value(S("changes")).toArray()) {
            seen.insert(c.toObject().value(S("record_id")).toString(), c.toObject());
            if (c.toObject().value(S("record_id")).toString() == id)
                rawWithRecord = r.raw;
        }
        cursor = doc.object().value(S("next_cursor")).toString();
        if (!doc.object().value(S("has_more")).toBool())
            break;
    }
    QVERIFY(seen.contains(id));
    auto conn = m_db->connection();
    QVERIFY(conn.ok());
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, S("SELECT body FROM records WHERE id = ?"), {id});
    QVERIFY(q.ok() && q.value().next());
    const QByteArray stored = q.value().value(0).toString().toUtf8();
    QVERIFY(rawWithRecord.contains(stored)); // the stored text itself, unchanged
    QCOMPARE(seen.value(id).value(S("record")).toObject(), QJsonDocument::fromJson(stored).object());
    QCOMPARE(seen.value(id).value(S("record")).toObject().value(S("rationale")), visit.value(S("rationale")));
    // A tombstone still travels without a body.
    QVERIFY(seen.value(deleted).value(S("deleted")).toBool());
    QVERIFY(!seen.value(deleted).contains(S("record")));
}

void TestServerApi::pushBatchOfFiveHundred()
{
    // The most one request may carry, stored with multi-row statements: new records, an update of
    // an existing one, a second edit of a record created earlier in the same request and a
    // refusal get the answers one at a time would; a replay writes nothing; 501 is refused whole.
    const QString token = m_logins[S("w1")].access;
    const QString existing = newId();
    QCOMPARE(push1(token, existing, S("visit"), 0, fullVisit(m_children[S("c1")])).value(S("result")).toString(), S("applied"));
    auto mutation = [](const QString &id, int baseRev, const QJsonObject &patch) {
        return QJsonObject{{S("mutation_id"), newId()}, {S("record_id"), id}, {S("type"), S("visit")}, {S("base_rev"), baseRev}, {S("patch"), patch}};
    };
    QJsonArray batch;
    QStringList created;
    for (int i = 0; i < 497; ++i) {
        created << newId();
        batch.append(mutation(created.last(), 0, fullVisit(m_children[S("c1")])));
    }
    const QJsonObject edit{{S("analysis_risks"), S("Edited in the same request.")}};
    batch.append(mutation(existing, 1, edit));
    batch.append(mutation(created.first(), 0, edit));
    batch.append(mutation(newId(), 0, fullVisit(m_children[S("c3")]))); // not w1's child
    const QString written = S("SELECT (SELECT COUNT(*) FROM record_versions) + (SELECT COUNT(*) FROM changes)");
    const qint64 before = count(written);
    const qint64 mutationsBefore = count(S("SELECT COUNT(*) FROM mutations"));
    const ApiReply first = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), batch}}, token);
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.json.value(S("results")).toArray();
    QCOMPARE(results.size(), 500);
    for (int i = 0; i < 497; ++i) {
        QCOMPARE(results[i].toObject().value(S("result")).toString(), S("applied"));
        QCOMPARE(results[i].toObject().value(S("rev")).toInt(), 1);
    }
    QCOMPARE(results[497].toObject().value(S("result")).toString(), S("applied"));
    QCOMPARE(results[497].toObject().value(S("rev")).toInt(), 2);
    QCOMPARE(results[498].toObject().value(S("result")).toString(), S("applied")); // its own rev 1 is its base
    QCOMPARE(results[498].toObject().value(S("rev")).toInt(), 2);
    QCOMPARE(results[499].toObject().value(S("result")).toString(), S("rejected"));
    for (int i = 0; i < 500; ++i)
        QCOMPARE(results[i].toObject().value(S("mutation_id")).toString(), batch[i].toObject().value(S("mutation_id")).toString());
    QCOMPARE(count(written), before + 2 * 499); // a version and a change row per write
    QCOMPARE(count(S("SELECT COUNT(*) FROM mutations")), mutationsBefore + 500);
    QCOMPARE(count(S("SELECT COUNT(*) FROM record_children WHERE record_id = '%1'").arg(created.first())), 1);
    QCOMPARE(count(S("SELECT COUNT(*) FROM records WHERE id = '%1' AND rev = 2 AND body LIKE '%Edited in the same request.%'")
                       .arg(created.first())),
             1);
    QCOMPARE(count(S("SELECT COUNT(*) FROM record_versions WHERE record_id = '%1' AND rev = 2 AND body LIKE '%Edited in the same request.%'")
                       .arg(existing)),
             1);
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));

    const ApiReply again = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), batch}}, token);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value(S("results")).toArray(), results);
    QCOMPARE(count(written), before + 2 * 499);

    batch.append(mutation(newId(), 0, fullVisit(m_children[S("c1")])));
    const ApiReply tooMany = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), batch}}, token);
    QCOMPARE(tooMany.status, 413);
    QCOMPARE(tooMany.errorCode(), S("too_many_mutations"));
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));
}

void TestServerApi::survivesPostgresRestart()
{
    // The service keeps prepared statements per connection; a restart of PostgreSQL cuts every
    // connection. The next requests must reconnect (with a fresh statement cache) and succeed.
    if (!m_backend.isPostgres())
        QSKIP("PostgreSQL only");
    const QString token = m_logins[S("w1")].access;
    for (int i = 0; i < 3; ++i) // warm the statement cache of the serving threads
        QCOMPARE(push1(token, newId(), S("visit"), 0, fullVisit(m_children[S("c1")])).value(S("result")).toString(), S("applied"));
    QProcess restart;
    restart.start(QStringLiteral("%1/tests/support/pg-cluster").arg(qEnvironmentVariable("DOORSTEP_SOURCE_DIR")),
                  {S("restart"), qEnvironmentVariable("DOORSTEP_PG_DIR")});
    QVERIFY(restart.waitForFinished(60000));
    QCOMPARE(restart.exitCode(), 0);
    // Up to 8 requests so that every thread of the service's pool meets its dead connection.
    for (int i = 0; i < 12; ++i) {
        int status = 0;
        const QJsonObject r = push1(token, newId(), S("visit"), 0, fullVisit(m_children[S("c1")]), &status);
        QCOMPARE(status, 200);
        QCOMPARE(r.value(S("result")).toString(), S("applied"));
        QString cursor;
        QVERIFY(!pullAll(token, &cursor).isEmpty());
    }
    QVERIFY(cli({S("verify-audit")}).contains(S("intact")));
}

void TestServerApi::noCrashDumps()
{
#if defined(Q_OS_LINUX)
    // The running service can write no core file (and is not dumpable: as root, which tests may
    // run as, /proc still shows the limit, which is what is checked here).
    QFile limits(S("/proc/%1/limits").arg(m_server.processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QString text = QString::fromLatin1(limits.readAll());
    static const QRegularExpression core(S("^Max core file size\\s+(\\S+)\\s+(\\S+)"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = core.match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    QCOMPARE(m.captured(1), S("0"));
    QCOMPARE(m.captured(2), S("0"));
#else
    QSKIP("Linux only");
#endif
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
