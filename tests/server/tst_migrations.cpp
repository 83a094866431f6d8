// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "adminservice.h"
#include "apiclient.h"
#include "auditlog.h"
#include "authservice.h"
#include "core/wire.h"
#include "database.h"
#include "demoseed.h"
#include "recordfixtures.h"
#include "serverprocess.h"
#include "syncservice.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace doorstep;
using namespace doorstep::server;

namespace {

QString S(const char *s)
{
    return QString::fromUtf8(s);
}

constexpr const char *kPassword = "migration-pass-1";

// Every table of the service, parents before children (SQLite checks foreign keys). A table a
// new step adds must be listed here: initTestCase fails until it is, so its old rows are covered.
const QStringList &tables()
{
    static const QStringList t = {S("settings"),      S("teams"),           S("users"),      S("devices"),
                                  S("refresh_tokens"), S("allocations"),    S("allocation_history"),
                                  S("records"),       S("record_children"), S("record_versions"),
                                  S("mutations"),     S("changes"),         S("audit"),      S("login_throttle"),
                                  S("transfers")};
    return t;
}

// What a step promises for the rows that were there before it, per added column ("table.column"
// -> an SQL condition every old row meets). A column not named here must be NULL on old rows:
// known_to (v4: no device holds an old revision as an echo), display_name (v5: the username
// stands in, which the login answer shows).
const QHash<QString, QString> &promisedForOldRows()
{
    static const QHash<QString, QString> p;
    return p;
}

/** The record format tablets wrote while the service schema was at `version`: every release up
 *  to schema 6 read and wrote wire schema 1, and before schema 4 a patch did not name its schema. */
QJsonObject asWrittenAt(const QJsonObject &record, int version)
{
    QJsonObject out = wire::forReader(record, 1);
    if (version < 4)
        out.remove(S("schema"));
    return out;
}

QSet<QString> stringSet(QSqlDatabase &db, const QString &sql, const QVariantList &params = {})
{
    QSet<QString> out;
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &p : params)
        q.addBindValue(p);
    if (!q.exec())
        qWarning() << sql << q.lastError().text();
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

QString scalar(QSqlDatabase &db, const QString &sql, const QVariantList &params = {})
{
    const QSet<QString> s = stringSet(db, sql, params);
    return s.isEmpty() ? QString() : *s.begin();
}

QStringList columnsOf(QSqlDatabase &db, const QString &table)
{
    QStringList out;
    const QSqlRecord r = db.record(table);
    for (int i = 0; i < r.count(); ++i)
        out.append(r.fieldName(i));
    return out;
}

/** Every row of `table` (the given columns), in one order, as text: compared before and after. */
QStringList rowsOf(QSqlDatabase &db, const QString &table, const QStringList &columns)
{
    QStringList order;
    for (int i = 1; i <= columns.size(); ++i)
        order.append(QString::number(i));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(S("SELECT %1 FROM %2 ORDER BY %3").arg(columns.join(S(", ")), table, order.join(S(", "))))) {
        qWarning() << table << q.lastError().text();
        return {S("<error>")};
    }
    QStringList rows;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < columns.size(); ++i)
            values.append(q.isNull(i) ? S("<null>") : q.value(i).toString());
        rows.append(values.join(QChar(0x1f)));
    }
    return rows;
}

struct Snapshot {
    QMap<QString, QStringList> columns; // table -> its columns
    QMap<QString, QStringList> rows;    // table -> its rows, those columns
};

Snapshot snapshot(QSqlDatabase &db, const QMap<QString, QStringList> *onlyColumns = nullptr)
{
    Snapshot s;
    const QStringList present = db.tables();
    for (const QString &t : tables() + QStringList{S("schema_version")}) {
        if (!present.contains(t))
            continue;
        if (onlyColumns && !onlyColumns->contains(t))
            continue;
        const QStringList cols = onlyColumns ? onlyColumns->value(t) : columnsOf(db, t);
        s.columns.insert(t, cols);
        s.rows.insert(t, rowsOf(db, t, cols));
    }
    return s;
}

struct Login {
    QString access, userId;
    QJsonObject user;
};

} // namespace

/** Upgrading a populated database from every earlier schema version to the current one: the
 *  data survives unchanged, the columns a step adds hold what it promises for old rows, the audit
 *  chain verifies, migrating again changes nothing, and the service over the upgraded database
 *  serves each worker exactly their children's records (row-level security on PostgreSQL). */
class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upgradeFrom_data();
    void upgradeFrom();

private:
    /** Copies the source's rows into `target` (at `version`) as that schema holds them. */
    bool fill(const Database &target, int version, QString *error);
    QSqlDatabase source() { return m_source->connection().value(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_source;
    QString m_north, m_south;                // team ids
    QString m_worker1, m_worker4, m_manager1; // user ids (worker1 and manager1 in North, worker4 in South)
    QString m_pushedChild;                   // a child of worker1's after the reallocation
};

void TestMigrations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DOORSTEP_FAST_PWHASH", "1");
    QVERIFY(m_dir.isValid());
    // The rows every old database is filled with: the demo seed (teams, people, 60 children and a
    // year of their records with versions, changes and audit), plus what devices and managers
    // add: a sign-in (device, refresh token), a pushed visit (mutation, its echo row), a failed
    // sign-in (throttle) and a reallocation (a purge for the old worker; hand-over history).
    auto config = DbConfig::parse(S("sqlite:") + m_dir.filePath(S("source.sqlite")));
    QVERIFY(config.ok());
    m_source = std::make_unique<Database>(config.value());
    QVERIFY(m_source->migrate().ok());
    auto seeded = DemoSeed::run(*m_source, kPassword);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));

    QSqlDatabase db = source();
    const QStringList present = db.tables();
    for (const QString &t : present)
        if (t != QLatin1String("schema_version") && !t.startsWith(QLatin1String("sqlite_")))
            QVERIFY2(tables().contains(t), qPrintable(S("table %1 is not in tst_migrations' list").arg(t)));

    m_north = scalar(db, S("SELECT id FROM teams WHERE name = 'Demo North Team'"));
    m_south = scalar(db, S("SELECT id FROM teams WHERE name = 'Demo South Team'"));
    m_worker1 = scalar(db, S("SELECT id FROM users WHERE username = 'worker1'"));
    m_worker4 = scalar(db, S("SELECT id FROM users WHERE username = 'worker4'"));
    m_manager1 = scalar(db, S("SELECT id FROM users WHERE username = 'manager1'"));
    QVERIFY(!m_north.isEmpty() && !m_south.isEmpty() && !m_worker1.isEmpty() && !m_worker4.isEmpty());

    AuthService auth(*m_source);
    const ApiResponse login = auth.login({{S("username"), S("worker1")}, {S("password"), S(kPassword)}, {S("device_name"), S("Tablet 7")}},
                                         S("192.0.2.10"));
    QCOMPARE(login.status, 200);
    ApiResponse failure;
    auto ctx = auth.authenticate("Bearer " + login.body.value(S("access_token")).toString().toLatin1(), S("192.0.2.10"), &failure);
    QVERIFY(ctx.ok());
    QCOMPARE(auth.login({{S("username"), S("worker2")}, {S("password"), S("not-the-password")}, {S("device_name"), S("d")}},
                        S("192.0.2.11")).status,
             401);

    QList<QString> children;
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(S("SELECT child_id FROM allocations WHERE worker_id = '%1' ORDER BY child_id").arg(m_worker1)));
        while (q.next())
            children.append(q.value(0).toString());
    }
    QVERIFY(children.size() >= 2);
    m_pushedChild = children.at(0);
    SyncService sync(*m_source);
    QJsonObject visit = test::fullVisit(m_pushedChild);
    visit.insert(S("author"), m_worker1); // stored as the device holds it: an echo row (known_to)
    const ApiResponse pushed = sync.push(ctx.value(), {{S("mutations"), QJsonArray{QJsonObject{{S("mutation_id"), wire::newUuid()},
                                                                                               {S("record_id"), wire::newUuid()},
                                                                                               {S("type"), S("visit")},
                                                                                               {S("base_rev"), 0},
                                                                                               {S("patch"), visit}}}}});
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.body.value(S("results")).toArray().first().toObject().value(S("result")).toString(), S("applied"));
    AdminService admin(*m_source, S("cli"));
    QVERIFY(admin.allocate(children.at(1), S("worker2"), S("Caseload over the limit.")).ok());

    for (const char *t : {"devices", "refresh_tokens", "mutations", "login_throttle", "allocation_history"})
        QVERIFY2(scalar(db, S("SELECT COUNT(*) FROM %1").arg(QLatin1String(t))).toInt() > 0, t);
    QVERIFY(scalar(db, S("SELECT COUNT(*) FROM changes WHERE kind = 'purge' AND target_user = ?"), {m_worker1}).toInt() > 0);
    auto chain = AuditLog::verify(*m_source);
    QVERIFY(chain.ok() && chain.value().ok);
}

bool TestMigrations::fill(const Database &target, int version, QString *error)
{
    QSqlDatabase src = source();
    auto r = target.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        const QStringList present = tx.tables();
        for (const QString &table : tables()) {
            if (!present.contains(table))
                continue; // a later step makes it
            // The columns the table had at `version`; changes.seq (and xid) are the database's own.
            QStringList cols;
            const QStringList sourceColumns = columnsOf(src, table);
            for (const QString &c : columnsOf(tx, table))
                if (sourceColumns.contains(c) && !(table == QLatin1String("changes") && c == QLatin1String("seq")))
                    cols.append(c);
            QStringList marks(cols.size(), S("?"));
            const QString insert = S("INSERT INTO %1 (%2) VALUES (%3)").arg(table, cols.join(S(", ")), marks.join(S(", ")));
            QString select = S("SELECT %1 FROM %2").arg(cols.join(S(", ")), table);
            if (table == QLatin1String("settings"))
                select += S(" WHERE key <> 'token_secret'");
            select += table == QLatin1String("changes") ? S(" ORDER BY seq") : S(" ORDER BY 1");
            QSqlQuery q(src);
            q.setForwardOnly(true);
            if (!q.exec(select))
                return Error(ErrorCode::StorageError, q.lastError().text());
            const qsizetype body = cols.indexOf(S("body")), fieldRevs = cols.indexOf(S("field_revs")), answer = cols.indexOf(S("answer"));
            while (q.next()) {
                QVariantList values;
                for (int i = 0; i < cols.size(); ++i)
                    values.append(q.isNull(i) ? QVariant() : q.value(i));
                if (body >= 0) {
                    const QJsonObject now = QJsonDocument::fromJson(values[body].toString().toUtf8()).object();
                    const QJsonObject then = asWrittenAt(now, version);
                    values[body] = QString::fromUtf8(wire::encode(then));
                    if (fieldRevs >= 0) { // no revisions for fields the format did not have
                        QJsonObject revs = QJsonDocument::fromJson(values[fieldRevs].toString().toUtf8()).object();
                        for (auto it = now.begin(); it != now.end(); ++it)
                            if (!then.contains(it.key()))
                                revs.remove(it.key());
                        values[fieldRevs] = QString::fromUtf8(QJsonDocument(revs).toJson(QJsonDocument::Compact));
                    }
                }
                if (answer >= 0) {
                    QJsonObject a = QJsonDocument::fromJson(values[answer].toString().toUtf8()).object();
                    if (a.value(S("record")).isObject()) {
                        a.insert(S("record"), asWrittenAt(a.value(S("record")).toObject(), version));
                        values[answer] = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
                    }
                }
                if (auto ins = Database::exec(tx, insert, values); !ins)
                    return Error(ErrorCode::StorageError, S("%1: %2").arg(table, ins.error().message));
            }
        }
        return {};
    });
    if (!r)
        *error = r.error().message;
    return r.ok();
}

void TestMigrations::upgradeFrom_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < Database::latestVersion(); ++v)
        QTest::addRow("v%d", v) << v;
}

void TestMigrations::upgradeFrom()
{
    QFETCH(int, version);
    TestBackend backend;
    QString error;
    QVERIFY2(backend.init(&error, version), qPrintable(error)); // PostgreSQL: migrated to `version`, service role granted
    auto ownerConfig = DbConfig::parse(backend.spec());
    QVERIFY(ownerConfig.ok());
    Snapshot before;
    {
        Database owner(ownerConfig.value());
        QVERIFY(owner.migrate(version).ok());
        QCOMPARE(owner.schemaVersion(), version);
        QVERIFY2(fill(owner, version, &error), qPrintable(error));
        QSqlDatabase db = owner.connection().value();
        before = snapshot(db);
        QVERIFY(before.rows.value(S("records")).size() > 500);
        if (version < 4)
            QVERIFY(!before.columns.value(S("changes")).contains(S("known_to")));
        auto chain = AuditLog::verify(owner);
        QVERIFY(chain.ok());
        QVERIFY2(chain.value().ok, qPrintable(chain.value().problem));
    }

    // The upgrade as an operator runs it (docs/service.md): the owner migrates, with no flags. The
    // service role granted when the database was made is granted again, so it reaches the tables
    // the new steps made (the reallocation and transfers below use them).
    const auto migrated = ServerProcess::cli({S("migrate")}, backend.spec());
    QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
    if (backend.isPostgres())
        QVERIFY2(migrated.out.contains(S("granted to the service role ") + S(TestBackend::kServiceRole)), qPrintable(migrated.out));

    Database owner(ownerConfig.value());
    QCOMPARE(owner.schemaVersion(), Database::latestVersion());
    QSqlDatabase db = owner.connection().value();
    {
        // Every old row, every old column: unchanged (row counts and record bodies included).
        const Snapshot after = snapshot(db, &before.columns);
        for (auto it = before.rows.begin(); it != before.rows.end(); ++it) {
            if (it.key() == QLatin1String("schema_version"))
                continue;
            QCOMPARE(after.rows.value(it.key()).size(), it.value().size());
            QVERIFY2(after.rows.value(it.key()) == it.value(), qPrintable(S("rows of %1 changed").arg(it.key())));
        }
        // What the steps add: their tables start empty, their columns hold what they promise.
        const Snapshot all = snapshot(db);
        QStringList added; // the tables and columns the upgrade added, each checked below
        for (const QString &t : all.columns.keys()) {
            if (t == QLatin1String("schema_version"))
                continue;
            if (!before.columns.contains(t)) {
                QVERIFY2(all.rows.value(t).isEmpty(), qPrintable(S("new table %1 is not empty").arg(t)));
                added.append(t);
                continue;
            }
            for (const QString &c : all.columns.value(t)) {
                if (before.columns.value(t).contains(c))
                    continue;
                const QString condition = promisedForOldRows().value(t + QLatin1Char('.') + c, c + S(" IS NULL"));
                const QString broken = scalar(db, S("SELECT COUNT(*) FROM %1 WHERE NOT (%2)").arg(t, condition));
                QVERIFY2(broken == QLatin1String("0"), qPrintable(S("%1 old rows of %2 fail %3").arg(broken, t, condition)));
                added.append(t + QLatin1Char('.') + c);
            }
        }
        QCOMPARE(added.contains(S("changes.known_to")), version < 4);
        QCOMPARE(added.contains(S("users.display_name")), version < 5);
        QCOMPARE(added.contains(S("allocation_history")), version < 6);
        QVERIFY(added.contains(S("transfers")));
        QCOMPARE(all.rows.value(S("schema_version")).size(), Database::latestVersion());
    }
    {
        auto chain = AuditLog::verify(owner);
        QVERIFY(chain.ok());
        QVERIFY2(chain.value().ok, qPrintable(chain.value().problem));
        QCOMPARE(chain.value().rows, qint64(before.rows.value(S("audit")).size()));
        const auto cli = ServerProcess::cli({S("verify-audit")}, backend.spec());
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.out + cli.err));
    }
    {
        // Migrating a populated, current database again changes nothing.
        const Snapshot once = snapshot(db);
        QVERIFY(owner.migrate().ok());
        const auto again = ServerProcess::cli({S("migrate")}, backend.spec());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const Snapshot twice = snapshot(db);
        QCOMPARE(twice.columns, once.columns);
        for (auto it = once.rows.begin(); it != once.rows.end(); ++it)
            QVERIFY2(twice.rows.value(it.key()) == it.value(), qPrintable(S("migrating again changed %1").arg(it.key())));
    }

    // Who should see what, from the source rows (not from the upgraded database).
    QSqlDatabase src = source();
    const QString byChild = S("SELECT DISTINCT rc.record_id FROM record_children rc JOIN allocations a ON a.child_id = rc.child_id"
                              " WHERE a.worker_id = ?");
    const QSet<QString> worker1Sees = stringSet(src, byChild, {m_worker1});
    const QSet<QString> worker4Sees = stringSet(src, byChild, {m_worker4});
    const QSet<QString> worker1Purged = stringSet(src, S("SELECT record_id FROM changes WHERE kind = 'purge' AND target_user = ?"), {m_worker1});
    const QSet<QString> northSees = stringSet(src, S("SELECT record_id FROM changes WHERE kind = 'upsert' AND target_user IS NULL AND team_id = ?"),
                                              {m_north});
    const QSet<QString> north = stringSet(src, S("SELECT id FROM records WHERE team_id = ?"), {m_north});
    QVERIFY(!worker1Sees.isEmpty() && !worker4Sees.isEmpty() && !worker1Purged.isEmpty());
    QVERIFY(!worker4Sees.intersects(north));

    if (backend.isPostgres()) {
        // Row-level security still holds after the upgrade: straight through the policies, as the
        // service's role, a worker of the other team reads none of North's records.
        auto serviceConfig = DbConfig::parse(backend.serviceSpec());
        QVERIFY(serviceConfig.ok());
        Database service(serviceConfig.value());
        auto bypass = service.bypassesRowSecurity();
        QVERIFY(bypass.ok() && !bypass.value());
        QSet<QString> visible, anonymous;
        auto read = service.transact(DbCaller{m_worker4, S("worker"), m_south, QString()}, [&](QSqlDatabase &tx) -> Result<void> {
            visible = stringSet(tx, S("SELECT id FROM records"));
            return {};
        }, Database::Mode::ReadSnapshot);
        QVERIFY(read.ok());
        QCOMPARE(visible, worker4Sees);
        read = service.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
            anonymous = stringSet(tx, S("SELECT id FROM records UNION ALL SELECT record_id FROM changes"));
            return {};
        }, Database::Mode::ReadSnapshot);
        QVERIFY(read.ok());
        QVERIFY(anonymous.isEmpty());
    }

    // The service over the upgraded database.
    ServerProcess server;
    QVERIFY2(server.start(backend.serviceSpec()), qPrintable(server.errorOutput()));
    ApiClient api(server.baseUrl());
    auto login = [&](const QString &user) {
        const ApiReply r = api.post(S("/api/v1/auth/login"), {{S("username"), user}, {S("password"), S(kPassword)}, {S("device_name"), S("upgraded")}});
        if (r.status != 200)
            qWarning() << "login" << user << r.status << r.raw;
        return Login{r.json.value(S("access_token")).toString(), r.json.value(S("user")).toObject().value(S("id")).toString(),
                     r.json.value(S("user")).toObject()};
    };
    struct Pulled {
        QHash<QString, QJsonObject> records;
        QSet<QString> purges;
        bool ok = true;
    };
    auto pullAll = [&](const QString &token) {
        Pulled p;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const ApiReply r = api.get(S("/api/v1/sync/pull?limit=200") + (cursor.isEmpty() ? QString() : S("&cursor=") + cursor), token);
            if (r.status != 200) {
                qWarning() << "pull" << r.status << r.raw;
                p.ok = false;
                return p;
            }
            for (const QJsonValue &c : r.json.value(S("changes")).toArray())
                p.records.insert(c.toObject().value(S("record_id")).toString(), c.toObject());
            for (const QJsonValue &id : r.json.value(S("purges")).toArray())
                p.purges.insert(id.toString());
            cursor = r.json.value(S("next_cursor")).toString();
            if (!r.json.value(S("has_more")).toBool())
                break;
        }
        return p;
    };

    const Login w1 = login(S("worker1"));
    const Login w4 = login(S("worker4"));
    const Login m1 = login(S("manager1"));
    QVERIFY(!w1.access.isEmpty() && !w4.access.isEmpty() && !m1.access.isEmpty());
    QCOMPARE(w1.userId, m_worker1);
    if (version < 5) // no name yet: the username stands in
        QCOMPARE(w1.user.value(S("display_name")).toString(), S("worker1"));

    const Pulled p1 = pullAll(w1.access);
    QVERIFY(p1.ok);
    QCOMPARE(QSet<QString>(p1.records.keyBegin(), p1.records.keyEnd()), worker1Sees);
    QCOMPARE(p1.purges, worker1Purged);
    {
        // Each record as the old release stored it.
        const QString bodyOf = S("SELECT body FROM records WHERE id = ?");
        for (auto it = p1.records.begin(); it != p1.records.end(); ++it) {
            const QJsonObject stored = QJsonDocument::fromJson(scalar(db, bodyOf, {it.key()}).toUtf8()).object();
            QCOMPARE(it.value().value(S("record")).toObject(), stored);
            QCOMPARE(stored.value(S("schema")).toInt(1), 1);
        }
    }
    const Pulled p4 = pullAll(w4.access);
    QVERIFY(p4.ok);
    QCOMPARE(QSet<QString>(p4.records.keyBegin(), p4.records.keyEnd()), worker4Sees);
    QVERIFY(p4.purges.isEmpty());
    const Pulled pm = pullAll(m1.access);
    QVERIFY(pm.ok);
    QCOMPARE(QSet<QString>(pm.records.keyBegin(), pm.records.keyEnd()), northSees);

    // New work on the old data: a visit pushed now, its audit rows chained onto the old ones.
    const ApiReply push = api.post(S("/api/v1/sync/push"),
                                   {{S("mutations"), QJsonArray{QJsonObject{{S("mutation_id"), wire::newUuid()},
                                                                            {S("record_id"), wire::newUuid()},
                                                                            {S("type"), S("visit")},
                                                                            {S("base_rev"), 0},
                                                                            {S("patch"), test::fullVisit(m_pushedChild)}}}}},
                                   w1.access);
    QCOMPARE(push.status, 200);
    QCOMPARE(push.json.value(S("results")).toArray().first().toObject().value(S("result")).toString(), S("applied"));
    // What the later steps serve, under the service's role: a manager's reallocation writes
    // allocation_history (schema 6) and rewrites a child record stored in the old format; the
    // transfer list reads transfers (schema 7).
    const QString worker3 = scalar(src, S("SELECT id FROM users WHERE username = 'worker3'"));
    const ApiReply moved = api.post(S("/api/v1/children/%1/allocation").arg(m_pushedChild),
                                    {{S("worker_id"), worker3}, {S("reason"), S("Worker 1 moves to the court team.")}}, m1.access);
    QVERIFY2(moved.status == 200, moved.raw.constData());
    QCOMPARE(moved.json.value(S("previous_worker_id")).toString(), m_worker1);
    QCOMPARE(scalar(db, S("SELECT COUNT(*) FROM allocation_history WHERE child_id = ? AND worker_id = ?"), {m_pushedChild, m_worker1}), S("1"));
    const ApiReply transfers = api.get(S("/api/v1/transfers"), m1.access);
    QVERIFY2(transfers.status == 200, transfers.raw.constData());
    const Pulled p3 = pullAll(login(S("worker3")).access);
    QVERIFY(p3.ok && p3.records.contains(m_pushedChild));
    QCOMPARE(p3.records.value(m_pushedChild).value(S("record")).toObject().value(S("first_name")),
             QJsonDocument::fromJson(scalar(src, S("SELECT body FROM records WHERE id = ?"), {m_pushedChild}).toUtf8()).object().value(S("first_name")));

    server.stop();
    auto chain = AuditLog::verify(owner);
    QVERIFY(chain.ok());
    QVERIFY2(chain.value().ok, qPrintable(chain.value().problem));
    QVERIFY(chain.value().rows > qint64(before.rows.value(S("audit")).size()));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
