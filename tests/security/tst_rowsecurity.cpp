// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The second line of defence: PostgreSQL row-level security under the service's role.
// The database is migrated by its owner, `serve` runs as the non-owner role `migrate
// --service-role` granted (tests/server/testbackend), two teams' workers and a manager write
// records through the real service, and then this test connects AS THE SERVICE ROLE and runs
// statements WITHOUT any scope predicate, as a handler bug would: with the settings of worker A
// it sees only A's rows, with none it sees nothing, and inserts outside A's scope are refused.
// It also checks that a hidden row is answered as the handlers answer (403), never a 500 or a
// retried collision. The authorization matrix itself runs under the service role too:
// tst_rowsecurity_matrix (tst_serverapi's authorizationMatrix on PostgreSQL, tests/security/CMakeLists.txt).
#include "apiclient.h"
#include "recordfixtures.h"
#include "database.h"
#include "serverprocess.h"
#include "testbackend.h"

#include "core/wire.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

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

struct Login {
    QString access, device, userId;
};

} // namespace

/** Row-level security as the service role, with no scope predicate in the SQL. */
class TestRowSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void serviceRoleIsSubjectToPolicies();
    void workerSeesOnlyOwnRows_data();
    void workerSeesOnlyOwnRows();
    void managerSeesOwnTeamOnly();
    void noSettingsSeesNothing();
    void insertsOutsideScopeRefused_data();
    void insertsOutsideScopeRefused();
    void updatesOutsideScopeTouchNothing();
    void hiddenRecordAnsweredLikeTheHandlers();
    void handoverOpensOnlyTheOldWorkersOwnRecords();
    void transfersSeenByTheTwoTeamsManagersOnly();

private:
    QString cli(const QStringList &args, const QByteArray &input = {});
    Login login(const QString &user);
    QJsonObject push(const QString &token, const QString &recordId, const QString &type, int baseRev, const QJsonObject &patch,
                     int *status = nullptr);
    DbCaller callerOf(const QString &user) const;
    /** Runs `sql` (no parameters) as the service role on behalf of `caller`; the first column of every row. */
    Result<QStringList> asService(const DbCaller &caller, const QString &sql, const QVariantList &params = {});
    /** The same as the schema owner (row-level security does not apply). */
    QStringList asOwner(const QString &sql, const QVariantList &params = {});

    TestBackend m_backend;
    std::unique_ptr<Database> m_owner, m_service;
    ServerProcess m_server;
    std::unique_ptr<ApiClient> m_api;
    QHash<QString, Login> m_logins;
    QHash<QString, QString> m_children; // cA, cA2, cB -> id
    QHash<QString, QString> m_visits;   // cA, cA2, cB -> a visit about that child
    QString m_teamA, m_teamB;
};

QString TestRowSecurity::cli(const QStringList &args, const QByteArray &input)
{
    const auto r = ServerProcess::cli(args, m_backend.spec(), input);
    if (r.exitCode != 0)
        qWarning() << "cli" << args << "exit" << r.exitCode << r.err;
    return r.exitCode == 0 ? r.out.trimmed() : QString();
}

Login TestRowSecurity::login(const QString &user)
{
    const ApiReply r = m_api->post(S("/api/v1/auth/login"),
                                   {{S("username"), user}, {S("password"), QString::fromUtf8(kPassword)}, {S("device_name"), S("rls tablet")}});
    if (r.status != 200)
        qWarning() << "login" << user << r.status;
    return {r.json.value(S("access_token")).toString(), r.json.value(S("device_id")).toString(),
            r.json.value(S("user")).toObject().value(S("id")).toString()};
}

QJsonObject TestRowSecurity::push(const QString &token, const QString &recordId, const QString &type, int baseRev,
                                  const QJsonObject &patch, int *status)
{
    const QJsonObject m{{S("mutation_id"), wire::newUuid()}, {S("record_id"), recordId}, {S("type"), type},
                        {S("base_rev"), baseRev}, {S("patch"), patch}};
    const ApiReply r = m_api->post(S("/api/v1/sync/push"), {{S("mutations"), QJsonArray{m}}}, token);
    if (status)
        *status = r.status;
    return r.json.value(S("results")).toArray().first().toObject();
}

DbCaller TestRowSecurity::callerOf(const QString &user) const
{
    const Login &l = m_logins[user];
    const QString role = user.startsWith(QLatin1Char('m')) ? S("manager") : S("worker");
    const QString team = user.endsWith(QLatin1Char('B')) ? m_teamB : m_teamA;
    return {l.userId, role, team, l.device};
}

Result<QStringList> TestRowSecurity::asService(const DbCaller &caller, const QString &sql, const QVariantList &params)
{
    QStringList out;
    auto r = m_service->transact(caller, [&](QSqlDatabase &tx) -> Result<void> {
        out.clear();
        auto q = Database::exec(tx, sql, params);
        if (!q)
            return q.error();
        while (q.value().next())
            out << q.value().value(0).toString();
        return {};
    });
    if (!r)
        return r.error();
    return out;
}

QStringList TestRowSecurity::asOwner(const QString &sql, const QVariantList &params)
{
    QStringList out;
    auto conn = m_owner->connection();
    if (!conn)
        return out;
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, sql, params);
    if (!q) {
        qWarning() << "owner query failed" << q.error().message << sql;
        return out;
    }
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

void TestRowSecurity::initTestCase()
{
    if (qEnvironmentVariable("DOORSTEP_TEST_BACKEND") != QLatin1String("postgres"))
        QSKIP("row-level security is PostgreSQL's: run with DOORSTEP_TEST_BACKEND=postgres (ctest -L postgres)");
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DOORSTEP_FAST_PWHASH", "1");
    QString error;
    QVERIFY2(m_backend.init(&error), qPrintable(error));
    QVERIFY(m_backend.isPostgres());
    QVERIFY(m_backend.serviceSpec() != m_backend.spec());
    auto owner = DbConfig::parse(m_backend.spec());
    auto service = DbConfig::parse(m_backend.serviceSpec());
    QVERIFY(owner.ok() && service.ok());
    m_owner = std::make_unique<Database>(owner.value());
    m_service = std::make_unique<Database>(service.value());

    m_teamA = cli({S("create-team"), S("Team A")});
    m_teamB = cli({S("create-team"), S("Team B")});
    QVERIFY(wire::isValidUuid(m_teamA) && wire::isValidUuid(m_teamB));
    for (const auto &[user, role, team] : {std::tuple{S("wA"), S("worker"), S("Team A")}, std::tuple{S("wA2"), S("worker"), S("Team A")},
                                           std::tuple{S("wB"), S("worker"), S("Team B")}, std::tuple{S("mA"), S("manager"), S("Team A")},
                                           std::tuple{S("mB"), S("manager"), S("Team B")}})
        QVERIFY2(!cli({S("create-user"), user, S("--role"), role, S("--team"), team}, kPassword + '\n').isEmpty(), qPrintable(user));
    for (const auto &[child, worker] : {std::pair{S("cA"), S("wA")}, std::pair{S("cA2"), S("wA2")}, std::pair{S("cB"), S("wB")}}) {
        m_children.insert(child, wire::newUuid());
        QVERIFY(!cli({S("allocate"), S("--child"), m_children[child], S("--worker"), worker}).isEmpty());
    }
    QVERIFY2(m_server.start(m_backend.serviceSpec()), qPrintable(m_server.errorOutput()));
    m_api = std::make_unique<ApiClient>(m_server.baseUrl());
    for (const QString &u : {S("wA"), S("wA2"), S("wB"), S("mA"), S("mB")}) {
        m_logins.insert(u, login(u));
        QVERIFY2(!m_logins[u].access.isEmpty(), qPrintable(u));
    }
    // Through the service (as its role): managers create the child records, workers a visit each.
    for (const auto &[child, manager, worker] : {std::tuple{S("cA"), S("mA"), S("wA")}, std::tuple{S("cA2"), S("mA"), S("wA2")},
                                                 std::tuple{S("cB"), S("mB"), S("wB")}}) {
        QJsonObject r = push(m_logins[manager].access, m_children[child], S("child"), 0, childRecord(child));
        QVERIFY2(r.value(S("result")).toString() == QLatin1String("applied"), QJsonDocument(r).toJson());
        const QString id = wire::newUuid();
        r = push(m_logins[worker].access, id, S("visit"), 0, fullVisit(m_children[child]));
        QVERIFY2(r.value(S("result")).toString() == QLatin1String("applied"), QJsonDocument(r).toJson());
        // And an edit: a second revision, its links kept.
        r = push(m_logins[worker].access, id, S("visit"), 1, {{S("present"), S("Child, mother and grandmother")}});
        QVERIFY2(r.value(S("result")).toString() == QLatin1String("applied"), QJsonDocument(r).toJson());
        m_visits.insert(child, id);
    }
    QCOMPARE(asOwner(S("SELECT COUNT(*) FROM records")).value(0), S("6"));
    QCOMPARE(asOwner(S("SELECT COUNT(*) FROM record_children")).value(0), S("6"));
}

void TestRowSecurity::cleanupTestCase()
{
    m_server.stop();
    m_service.reset();
    m_owner.reset();
}

void TestRowSecurity::serviceRoleIsSubjectToPolicies()
{
    auto service = m_service->bypassesRowSecurity();
    auto owner = m_owner->bypassesRowSecurity();
    QVERIFY(service.ok() && owner.ok());
    QVERIFY(!service.value());
    QVERIFY(owner.value());
    // Every table holding case data has row-level security on.
    const QStringList on = asOwner(S("SELECT relname FROM pg_class WHERE relrowsecurity AND relkind = 'r' ORDER BY relname"));
    QCOMPARE(on, (QStringList{S("changes"), S("mutations"), S("record_children"), S("record_versions"), S("records"), S("transfers")}));
}

void TestRowSecurity::workerSeesOnlyOwnRows_data()
{
    QTest::addColumn<QString>("sql"); // no scope predicate at all: what a handler bug would run
    QTest::addColumn<QString>("ownerSql"); // the rows that belong to worker A, read as the owner
    QTest::newRow("records") << S("SELECT id FROM records")
                             << S("SELECT DISTINCT rc.record_id FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                                  " WHERE a.worker_id = ?");
    QTest::newRow("record_versions") << S("SELECT DISTINCT record_id FROM record_versions")
                                     << S("SELECT DISTINCT rc.record_id FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                                          " WHERE a.worker_id = ?");
    QTest::newRow("changes") << S("SELECT DISTINCT record_id FROM changes")
                             << S("SELECT DISTINCT rc.record_id FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                                  " WHERE a.worker_id = ?");
    QTest::newRow("record_children") << S("SELECT DISTINCT child_id FROM record_children")
                                     << S("SELECT child_id FROM allocations WHERE worker_id = ?");
    QTest::newRow("mutations") << S("SELECT DISTINCT device_id FROM mutations") << S("SELECT id FROM devices WHERE user_id = ?");
}

void TestRowSecurity::workerSeesOnlyOwnRows()
{
    QFETCH(QString, sql);
    QFETCH(QString, ownerSql);
    const QString a = m_logins[S("wA")].userId;
    auto seen = asService(callerOf(S("wA")), sql);
    QVERIFY2(seen.ok(), qPrintable(seen.ok() ? QString() : seen.error().message));
    QStringList mine = asOwner(ownerSql, {a});
    QStringList all = asOwner(sql);
    QStringList got = seen.value();
    got.sort();
    mine.sort();
    QVERIFY(!mine.isEmpty());
    QVERIFY2(all.size() > mine.size(), "the table must hold other workers' rows too, or the test proves nothing");
    QCOMPARE(got, mine);
}

void TestRowSecurity::managerSeesOwnTeamOnly()
{
    auto seen = asService(callerOf(S("mA")), S("SELECT id FROM records"));
    QVERIFY(seen.ok());
    QSet<QString> got(seen.value().begin(), seen.value().end());
    const QSet<QString> expected{m_children[S("cA")], m_children[S("cA2")], m_visits[S("cA")], m_visits[S("cA2")]};
    QCOMPARE(got, expected);
    auto feed = asService(callerOf(S("mA")), S("SELECT DISTINCT record_id FROM changes"));
    QVERIFY(feed.ok());
    QVERIFY(!feed.value().contains(m_visits[S("cB")]));
    QVERIFY(!feed.value().contains(m_children[S("cB")]));
    QVERIFY(feed.value().contains(m_visits[S("cA2")]));
}

void TestRowSecurity::noSettingsSeesNothing()
{
    for (const QString &table : {S("records"), S("record_versions"), S("changes"), S("record_children"), S("mutations")}) {
        QVERIFY2(asOwner(S("SELECT COUNT(*) FROM ") + table).value(0).toInt() > 0, qPrintable(table));
        // A transaction for nobody (sign-in, refresh) ...
        auto none = asService(DbCaller::none(), S("SELECT COUNT(*) FROM ") + table);
        QVERIFY(none.ok());
        QCOMPARE(none.value().value(0), S("0"));
        // ... an administrator (who holds no case records) ...
        auto admin = asService(DbCaller{m_logins[S("wA")].userId, S("admin"), QString(), QString()}, S("SELECT COUNT(*) FROM ") + table);
        QVERIFY(admin.ok());
        QCOMPARE(admin.value().value(0), S("0"));
        // ... and a statement outside any transaction (the settings of the last one do not linger).
        auto conn = m_service->connection();
        QVERIFY(conn.ok());
        QSqlDatabase db = conn.value();
        QSqlQuery q(db);
        QVERIFY(q.exec(S("SELECT COUNT(*) FROM ") + table) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
}

void TestRowSecurity::insertsOutsideScopeRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("what"); // which row the parameters name
    // Worker A links their own visit to team B's child: the WITH CHECK on record_children.
    QTest::newRow("link to another team's child") << S("INSERT INTO record_children (record_id, child_id) VALUES (?, ?)") << S("ownVisit,cB");
    // ... or to a child of their own team allocated to someone else.
    QTest::newRow("link to a colleague's child") << S("INSERT INTO record_children (record_id, child_id) VALUES (?, ?)") << S("ownVisit,cA2");
    // A record in team B's name.
    QTest::newRow("record in another team") << S("INSERT INTO records (id, type, team_id, author_id, state, rev, body, field_revs, created_at, updated_at)"
                                                 " VALUES (?, 'visit', ?, ?, 'draft', 1, '{}', '{}', 'now', 'now')")
                                              << S("new,teamB,self");
    // A record in their own team but written as a colleague.
    QTest::newRow("record as someone else") << S("INSERT INTO records (id, type, team_id, author_id, state, rev, body, field_revs, created_at, updated_at)"
                                                 " VALUES (?, 'visit', ?, ?, 'draft', 1, '{}', '{}', 'now', 'now')")
                                              << S("new,teamA,colleague");
    // A version of team B's visit, and a change-feed row that would deliver it.
    QTest::newRow("version of a hidden record") << S("INSERT INTO record_versions (record_id, rev, body, user_id, created_at) VALUES (?, 99, '{}', ?, 'now')")
                                                  << S("visitB,self");
    QTest::newRow("change of a hidden record") << S("INSERT INTO changes (record_id, kind, team_id, created_at) VALUES (?, 'upsert', ?, 'now')")
                                                 << S("visitB,teamA");
    // A purge aimed at someone: only the owner (reallocation) writes those.
    QTest::newRow("purge") << S("INSERT INTO changes (record_id, kind, target_user, created_at) VALUES (?, 'purge', ?, 'now')")
                           << S("ownVisit,colleague");
    // A push answer under another device.
    QTest::newRow("answer for another device") << S("INSERT INTO mutations (device_id, mutation_id, record_id, answer, created_at) VALUES (?, ?, ?, '{}', 'now')")
                                                 << S("deviceB,new,ownVisit");
}

void TestRowSecurity::insertsOutsideScopeRefused()
{
    QFETCH(QString, sql);
    QFETCH(QString, what);
    const QHash<QString, QVariant> values{
        {S("ownVisit"), m_visits[S("cA")]},          {S("visitB"), m_visits[S("cB")]},
        {S("cB"), m_children[S("cB")]},              {S("cA2"), m_children[S("cA2")]},
        {S("new"), wire::newUuid()},                 {S("teamA"), m_teamA},
        {S("teamB"), m_teamB},                       {S("self"), m_logins[S("wA")].userId},
        {S("colleague"), m_logins[S("wA2")].userId}, {S("deviceB"), m_logins[S("wB")].device}};
    QVariantList params;
    for (const QString &name : what.split(QLatin1Char(',')))
        params << values.value(name);
    const QString countSql = S("SELECT (SELECT COUNT(*) FROM records) + (SELECT COUNT(*) FROM record_children) + (SELECT COUNT(*) FROM record_versions)"
                               " + (SELECT COUNT(*) FROM changes) + (SELECT COUNT(*) FROM mutations)");
    const QString before = asOwner(countSql).value(0);
    auto r = asService(callerOf(S("wA")), sql, params);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, S("42501")); // new row violates row-level security policy
    QCOMPARE(asOwner(countSql).value(0), before);
}

void TestRowSecurity::updatesOutsideScopeTouchNothing()
{
    // An UPDATE or DELETE without a scope predicate reaches only the caller's rows.
    const QString bodyB = asOwner(S("SELECT body FROM records WHERE id = ?"), {m_visits[S("cB")]}).value(0);
    const QString bodyA = asOwner(S("SELECT body FROM records WHERE id = ?"), {m_visits[S("cA")]}).value(0);
    QVERIFY(!bodyB.isEmpty() && !bodyA.isEmpty());
    int touched = -1;
    auto r = m_service->transact(callerOf(S("wA")), [&](QSqlDatabase &tx) -> Result<void> {
        auto q = Database::exec(tx, S("UPDATE records SET body = body WHERE type = 'visit'"));
        if (!q)
            return q.error();
        touched = q.value().numRowsAffected();
        auto d = Database::exec(tx, S("DELETE FROM record_children WHERE child_id = ?"), {m_children[S("cB")]});
        if (!d)
            return d.error();
        if (d.value().numRowsAffected() != 0)
            return Error(ErrorCode::Internal, S("deleted a hidden link"));
        return Error(ErrorCode::Conflict, S("roll back")); // leave the data as it was
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, S("roll back"));
    QCOMPARE(touched, 1); // worker A's visit only
    QCOMPARE(asOwner(S("SELECT body FROM records WHERE id = ?"), {m_visits[S("cB")]}).value(0), bodyB);
}

void TestRowSecurity::hiddenRecordAnsweredLikeTheHandlers()
{
    // Worker A sends a "new" record whose id is team B's visit: the service sees no row under A's
    // settings; it must answer as the handlers do for a record out of scope (forbidden), not
    // collide with the hidden row (a unique violation, retried until it gave up with an error).
    int status = 0;
    QJsonObject r = push(m_logins[S("wA")].access, m_visits[S("cB")], S("visit"), 0, fullVisit(m_children[S("cA")]), &status);
    QCOMPARE(status, 200);
    QCOMPARE(r.value(S("result")).toString(), S("rejected"));
    QCOMPARE(r.value(S("code")).toString(), S("forbidden"));
    // An edit of it (base_rev 2): the same.
    r = push(m_logins[S("wA")].access, m_visits[S("cB")], S("visit"), 2, {{S("present"), S("Nobody")}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(r.value(S("code")).toString(), S("forbidden"));
    // A manager reviewing the other team's record: 403, as before row-level security.
    const ApiReply review = m_api->post(S("/api/v1/reviews/") + m_visits[S("cB")],
                                        {{S("decision"), S("approve")}, {S("rationale"), S("Fine.")}, {S("seen_rev"), 2}},
                                        m_logins[S("mA")].access);
    QCOMPARE(review.status, 403);
    QCOMPARE(review.errorCode(), S("forbidden"));
    // Team B's visit is unchanged.
    QCOMPARE(asOwner(S("SELECT rev FROM records WHERE id = ?"), {m_visits[S("cB")]}).value(0), S("2"));
}

void TestRowSecurity::handoverOpensOnlyTheOldWorkersOwnRecords()
{
    // Worker A held cB (team B's, worker B's now) until a reallocation whose hand-over window is
    // open, and wrote a visit about cB then.
    const QString cB = m_children[S("cB")];
    const QString self = m_logins[S("wA")].userId;
    const QString own = wire::newUuid();
    asOwner(S("INSERT INTO records (id, type, team_id, author_id, state, rev, body, field_revs, created_at, updated_at)"
              " VALUES (?, 'visit', ?, ?, 'draft', 1, '{}', '{}', 'now', 'now')"),
            {own, m_teamB, self});
    asOwner(S("INSERT INTO record_children (record_id, child_id) VALUES (?, ?)"), {own, cB});
    asOwner(S("INSERT INTO allocation_history (child_id, worker_id, team_id, from_at, until_at, handover_until) VALUES (?, ?, ?, ?, ?, ?)"),
            {cB, self, m_teamB, S("2026-01-01T00:00:00.000Z"), S("2026-11-01T00:00:00.000Z"),
             QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs)});
    auto cleanup = qScopeGuard([&] {
        asOwner(S("DELETE FROM allocation_history WHERE child_id = ? AND worker_id = ?"), {cB, self});
        asOwner(S("DELETE FROM record_children WHERE record_id = ?"), {own});
        asOwner(S("DELETE FROM records WHERE id = ?"), {own});
    });
    QCOMPARE(asOwner(S("SELECT COUNT(*) FROM allocation_history WHERE worker_id = ?"), {self}).value(0), S("1"));

    const DbCaller wA = callerOf(S("wA"));
    auto readable = [&](const QString &id) {
        auto r = asService(wA, S("SELECT id FROM records WHERE id = ?"), {id});
        return r.ok() && r.value() == QStringList{id};
    };
    // A new record of theirs in team B, linked to cB (rolled back either way): the error's message
    // is PostgreSQL's code, 42501 for a row the policies refuse.
    auto writeNew = [&]() -> QString {
        auto r = m_service->transact(wA, [&](QSqlDatabase &tx) -> Result<void> {
            const QString id = wire::newUuid();
            if (auto q = Database::exec(tx, S("INSERT INTO records (id, type, team_id, author_id, state, rev, body, field_revs, created_at, updated_at)"
                                              " VALUES (?, 'visit', ?, ?, 'draft', 1, '{}', '{}', 'now', 'now')"),
                                        {id, m_teamB, self});
                !q)
                return q.error();
            if (auto q = Database::exec(tx, S("INSERT INTO record_children (record_id, child_id) VALUES (?, ?)"), {id, cB}); !q)
                return q.error();
            if (auto q = Database::exec(tx, S("INSERT INTO changes (record_id, kind, target_user, created_at) VALUES (?, 'purge', ?, 'now')"),
                                        {id, self});
                !q)
                return q.error();
            return Error(ErrorCode::Conflict, S("roll back"));
        });
        return r.ok() ? QString() : r.error().message;
    };

    // In the window: their own record, and writing new ones about cB.
    QVERIFY(readable(own));
    QCOMPARE(writeNew(), S("roll back"));
    // Never worker B's visit about cB, nor cB's links, nor a purge addressed to someone else.
    QVERIFY(!readable(m_visits[S("cB")]));
    QCOMPARE(asService(wA, S("SELECT record_id FROM record_children WHERE child_id = ?"), {cB}).value(), QStringList());
    auto purgeForColleague = asService(wA, S("INSERT INTO changes (record_id, kind, target_user, created_at) VALUES (?, 'purge', ?, 'now')"),
                                       {own, m_logins[S("wA2")].userId});
    QVERIFY(!purgeForColleague.ok());
    QCOMPARE(purgeForColleague.error().message, S("42501"));

    // Once the window has closed: nothing.
    asOwner(S("UPDATE allocation_history SET handover_until = until_at WHERE child_id = ? AND worker_id = ?"), {cB, self});
    QVERIFY(!readable(own));
    QCOMPARE(writeNew(), S("42501"));
    QCOMPARE(asOwner(S("SELECT COUNT(*) FROM records WHERE author_id = ? AND team_id = ?"), {self, m_teamB}).value(0), S("1"));
}


// A transfer names the child to the receiving team before the child is theirs: only the two
// teams' managers read it, only the child's team asks, and nobody else touches it.
void TestRowSecurity::transfersSeenByTheTwoTeamsManagersOnly()
{
    const QString id = wire::newUuid();
    const QString teamC = cli({S("create-team"), S("Team C")});
    QVERIFY(wire::isValidUuid(teamC));
    QCOMPARE(asOwner(S("INSERT INTO transfers (id, child_id, from_team, to_team, state, child_summary, reason, requested_by, requested_at)"
                       " VALUES (?, ?, ?, ?, 'pending', '{\"first_name\":\"Ava\"}', 'CP team', ?, '2026-11-24T10:00:00.000Z') RETURNING id"),
                     {id, m_children[S("cA")], m_teamA, m_teamB, m_logins[S("mA")].userId}),
             QStringList{id});
    const QString read = S("SELECT id FROM transfers");
    const DbCaller managerC{m_logins[S("mB")].userId, S("manager"), teamC, m_logins[S("mB")].device};
    QCOMPARE(asService(callerOf(S("mA")), read).value(), QStringList{id});
    QCOMPARE(asService(callerOf(S("mB")), read).value(), QStringList{id});
    for (const DbCaller &other : {callerOf(S("wA")), callerOf(S("wB")), managerC, DbCaller::none()}) {
        QCOMPARE(asService(other, read).value(), QStringList());
        // An update outside the policy touches nothing.
        QCOMPARE(asService(other, S("UPDATE transfers SET state = 'declined' RETURNING id")).value(), QStringList());
    }
    QCOMPARE(asOwner(S("SELECT state FROM transfers WHERE id = ?"), {id}), QStringList{S("pending")});
    // Only the child's team asks: the receiving team cannot write a request into another team's name.
    const QString ask = S("INSERT INTO transfers (id, child_id, from_team, to_team, state, child_summary, reason, requested_by, requested_at)"
                          " VALUES (?, ?, ?, ?, 'pending', '{}', 'x', ?, '2026-11-24T10:00:00.000Z')");
    QVERIFY(!asService(callerOf(S("mB")), ask, {wire::newUuid(), m_children[S("cA2")], m_teamA, m_teamB, m_logins[S("mB")].userId}).ok());
    QVERIFY(!asService(callerOf(S("wA")), ask, {wire::newUuid(), m_children[S("cA2")], m_teamA, m_teamB, m_logins[S("wA")].userId}).ok());
    QCOMPARE(asOwner(S("SELECT COUNT(*) FROM transfers")), QStringList{S("1")});
    QVERIFY(asOwner(S("DELETE FROM transfers WHERE id = ? RETURNING id"), {id}).size() == 1);
}

QTEST_GUILESS_MAIN(TestRowSecurity)
#include "tst_rowsecurity.moc"
