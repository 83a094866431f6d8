// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "database.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QRegularExpression>
#include <QSet>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlField>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcDb, "doorstep.server.db")

namespace doorstep::server {

namespace {

QAtomicInteger<int> s_instanceCounter;

// Schema steps. %ID% / %BLOB% / %XID% are replaced per driver so one list serves both.
struct Step {
    int version;
    QStringList sql;
    QStringList postgresOnly;
};

const QList<Step> &steps()
{
    static const QList<Step> s = {
        {1,
         {
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('worker','manager','admin')), team_id TEXT REFERENCES teams(id),"
                            " disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE devices (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,"
                            " created_at TEXT NOT NULL, revoked_at TEXT)"),
             QStringLiteral("CREATE TABLE refresh_tokens (token_hash TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices(id),"
                            " user_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT)"),
             QStringLiteral("CREATE INDEX refresh_tokens_device ON refresh_tokens(device_id)"),
             QStringLiteral("CREATE TABLE allocations (child_id TEXT PRIMARY KEY, worker_id TEXT REFERENCES users(id),"
                            " team_id TEXT NOT NULL REFERENCES teams(id), allocated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX allocations_worker ON allocations(worker_id)"),
             QStringLiteral("CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT NOT NULL, team_id TEXT NOT NULL, author_id TEXT NOT NULL,"
                            " state TEXT, rev INTEGER NOT NULL, body TEXT NOT NULL, field_revs TEXT NOT NULL, conflict TEXT,"
                            " deleted INTEGER NOT NULL DEFAULT 0, safety_concern INTEGER NOT NULL DEFAULT 0,"
                            " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, submitted_seen_at TEXT)"),
             QStringLiteral("CREATE INDEX records_review ON records(team_id, state)"),
             QStringLiteral("CREATE TABLE record_children (record_id TEXT NOT NULL, child_id TEXT NOT NULL, PRIMARY KEY (record_id, child_id))"),
             QStringLiteral("CREATE INDEX record_children_child ON record_children(child_id)"),
             QStringLiteral("CREATE TABLE record_versions (record_id TEXT NOT NULL, rev INTEGER NOT NULL, body TEXT NOT NULL,"
                            " user_id TEXT NOT NULL, device_id TEXT, created_at TEXT NOT NULL, PRIMARY KEY (record_id, rev))"),
             QStringLiteral("CREATE TABLE mutations (device_id TEXT NOT NULL, mutation_id TEXT NOT NULL, record_id TEXT NOT NULL,"
                            " answer TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (device_id, mutation_id))"),
             QStringLiteral("CREATE TABLE changes (seq %ID%, %XID% record_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('upsert','purge')),"
                            " team_id TEXT, target_user TEXT, created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE audit (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, device TEXT NOT NULL,"
                            " address TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL,"
                            " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE login_throttle (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until TEXT, last_failure TEXT NOT NULL)"),
         },
         {
             QStringLiteral("CREATE INDEX changes_order ON changes(xid, seq)"),
             // Append-only audit: a trigger refuses UPDATE/DELETE/TRUNCATE for every role, and
             // the service role loses the privileges as well.
             QStringLiteral("CREATE FUNCTION doorstep_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
                            " BEGIN RAISE EXCEPTION 'audit is append-only'; END $$"),
             QStringLiteral("CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit"
                            " FOR EACH ROW EXECUTE FUNCTION doorstep_audit_append_only()"),
             QStringLiteral("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit"
                            " FOR EACH STATEMENT EXECUTE FUNCTION doorstep_audit_append_only()"),
             QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC"),
             QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM CURRENT_USER"),
         }},
        // Row-level security: the second line of defence under the service's role. Every request
        // transaction sets doorstep.user_id / role / team_id / device_id (Database::transact);
        // a worker sees the rows about the children allocated to them, a manager their team's, any
        // other caller (unset settings, an administrator) no case data. The schema owner (migrate,
        // the admin CLI, seed-demo) is not subject to the policies (no FORCE); `serve` must run as
        // the role `migrate --service-role` names. allocations (the scope itself), users, devices
        // and audit (the chain head must stay readable) carry no policies.
        {2,
         {},
         {
             QStringLiteral("CREATE FUNCTION doorstep_uid() RETURNS text LANGUAGE sql STABLE"
                            " AS $$ SELECT NULLIF(current_setting('doorstep.user_id', true), '') $$"),
             QStringLiteral("CREATE FUNCTION doorstep_role() RETURNS text LANGUAGE sql STABLE"
                            " AS $$ SELECT NULLIF(current_setting('doorstep.role', true), '') $$"),
             QStringLiteral("CREATE FUNCTION doorstep_team() RETURNS text LANGUAGE sql STABLE"
                            " AS $$ SELECT NULLIF(current_setting('doorstep.team_id', true), '') $$"),
             QStringLiteral("CREATE FUNCTION doorstep_device() RETURNS text LANGUAGE sql STABLE"
                            " AS $$ SELECT NULLIF(current_setting('doorstep.device_id', true), '') $$"),
             // Where a check must read past the policies (a policy may not read its own table
             // through itself): SECURITY DEFINER functions owned by the schema owner, relations
             // schema-qualified so a temporary table cannot stand in.
             // A child some record of the manager's team already names (siblings split between
             // teams): a review of such a record follows all of its children.
             QStringLiteral("CREATE FUNCTION doorstep_team_names_child(child text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
                            " AS $$ SELECT public.doorstep_role() = 'manager' AND EXISTS (SELECT 1 FROM public.record_children rc"
                            " JOIN public.records r ON r.id = rc.record_id WHERE rc.child_id = child AND r.team_id = public.doorstep_team()) $$"),
             // Which of `ids` exist at all, with their type and deleted flag only: a write to a
             // record the caller may not see must be refused as the handlers refuse it (403), not
             // collide with the hidden row (a retried unique violation).
             QStringLiteral("CREATE FUNCTION doorstep_record_stubs(ids json) RETURNS TABLE (id text, type text, deleted integer)"
                            " LANGUAGE sql STABLE SECURITY DEFINER"
                            " AS $$ SELECT r.id, r.type, r.deleted FROM public.records r WHERE r.id IN (SELECT json_array_elements_text(ids)) $$"),

             QStringLiteral("ALTER TABLE records ENABLE ROW LEVEL SECURITY"),
             QStringLiteral("CREATE POLICY records_read ON records FOR SELECT USING (%RECORD_VISIBLE%)"),
             QStringLiteral("CREATE POLICY records_update ON records FOR UPDATE USING (%RECORD_VISIBLE%) WITH CHECK (%RECORD_VISIBLE%)"),
             // A new record: in the caller's team, and a worker's written by that worker (its child
             // links, inserted next, are checked on their own).
             QStringLiteral("CREATE POLICY records_insert ON records FOR INSERT WITH CHECK (team_id = doorstep_team()"
                            " AND (doorstep_role() = 'manager' OR (doorstep_role() = 'worker' AND author_id = doorstep_uid())))"),

             QStringLiteral("ALTER TABLE record_children ENABLE ROW LEVEL SECURITY"),
             // A link is the caller's when its child is: allocated to the worker, or to the
             // manager's team (one uncorrelated subquery: hashed once per statement).
             QStringLiteral("CREATE POLICY record_children_read ON record_children FOR SELECT USING (%CHILD_IN_SCOPE%)"),
             QStringLiteral("CREATE POLICY record_children_insert ON record_children FOR INSERT"
                            " WITH CHECK (%CHILD_IN_SCOPE% OR doorstep_team_names_child(child_id))"),
             QStringLiteral("CREATE POLICY record_children_delete ON record_children FOR DELETE USING (%CHILD_IN_SCOPE%)"),

             QStringLiteral("ALTER TABLE record_versions ENABLE ROW LEVEL SECURITY"),
             QStringLiteral("CREATE POLICY record_versions_read ON record_versions FOR SELECT"
                            " USING (EXISTS (SELECT 1 FROM records r WHERE r.id = record_versions.record_id))"),
             QStringLiteral("CREATE POLICY record_versions_insert ON record_versions FOR INSERT"
                            " WITH CHECK (user_id = doorstep_uid() AND EXISTS (SELECT 1 FROM records r WHERE r.id = record_versions.record_id))"),

             // The change feed: rows addressed to the caller (purges after a reallocation, a returned
             // record for its author), their team's rows for a manager, and upserts of records about
             // their children for a worker; the same scope the pull states itself.
             QStringLiteral("ALTER TABLE changes ENABLE ROW LEVEL SECURITY"),
             QStringLiteral("CREATE POLICY changes_read ON changes FOR SELECT USING (target_user = doorstep_uid()"
                            " OR (target_user IS NULL AND ((doorstep_role() = 'manager' AND team_id = doorstep_team())"
                            " OR (doorstep_role() = 'worker' AND kind = 'upsert'"
                            " AND EXISTS (SELECT 1 FROM record_children rc WHERE rc.record_id = changes.record_id)))))"),
             QStringLiteral("CREATE POLICY changes_insert ON changes FOR INSERT"
                            " WITH CHECK (kind = 'upsert' AND EXISTS (SELECT 1 FROM records r WHERE r.id = changes.record_id))"),

             // Push answers (a merged answer holds a whole record): the device's own.
             QStringLiteral("ALTER TABLE mutations ENABLE ROW LEVEL SECURITY"),
             QStringLiteral("CREATE POLICY mutations_own ON mutations USING (device_id = doorstep_device())"
                            " WITH CHECK (device_id = doorstep_device())"),
         }},
        // The change feed's worker test as one index probe per change row. Written as a plain
        // EXISTS, PostgreSQL planned it as a hash of every child link in the worker's scope, built
        // again for every pull page (~40 ms a page at 50,000 records, growing with the database);
        // OFFSET 0 keeps the subquery correlated. Same rows.
        {3,
         {},
         {
             QStringLiteral("DROP POLICY changes_read ON changes"),
             QStringLiteral("CREATE POLICY changes_read ON changes FOR SELECT USING (target_user = doorstep_uid()"
                            " OR (target_user IS NULL AND ((doorstep_role() = 'manager' AND team_id = doorstep_team())"
                            " OR (doorstep_role() = 'worker' AND kind = 'upsert'"
                            " AND EXISTS (SELECT 1 FROM record_children rc WHERE rc.record_id = changes.record_id OFFSET 0)))))"),
         }},
        // Echoes: the device that wrote a revision and already holds it exactly (its base plus its
        // patch, nothing the service changed) is named on the change row, and its pull leaves the
        // row out, instead of sending every pushed record straight back to the tablet that wrote it.
        {4,
         {
             QStringLiteral("ALTER TABLE changes ADD COLUMN known_to TEXT"),
         },
         {}},
        // People by name: the name a colleague knows them by, shown where the username was (signed
        // in as, a manager's team figures, who generated an export). Optional: the username stands in.
        {5,
         {
             QStringLiteral("ALTER TABLE users ADD COLUMN display_name TEXT"),
         },
         {}},
        // Work recorded before a reallocation (docs/sync-protocol.md, "Hand-over"): who held a child
        // before, from when until when, and until when their own records about the child, recorded
        // while they held it, are still taken. Written by `allocate`; read by the push and the
        // policies below. Like allocations, no policies of its own (it is the scope).
        {6,
         {
             QStringLiteral("CREATE TABLE allocation_history (child_id TEXT NOT NULL, worker_id TEXT NOT NULL, team_id TEXT NOT NULL,"
                            " from_at TEXT NOT NULL, until_at TEXT NOT NULL, handover_until TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX allocation_history_worker ON allocation_history(worker_id, child_id)"),
         },
         {
             // Times are stored as ISO 8601 UTC text with milliseconds (nowIso()), compared as text.
             QStringLiteral("CREATE FUNCTION doorstep_now_text() RETURNS text LANGUAGE sql STABLE"
                            " AS $$ SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') $$"),
             // The caller, a worker, held `child` until a reallocation whose hand-over window is open.
             QStringLiteral("CREATE FUNCTION doorstep_handover_child(child text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
                            " AS $$ SELECT public.doorstep_role() = 'worker' AND EXISTS (SELECT 1 FROM public.allocation_history h"
                            " WHERE h.child_id = child AND h.worker_id = public.doorstep_uid() AND h.handover_until > public.doorstep_now_text()) $$"),
             // ... and the record names such a child (its links are past the caller's policies).
             QStringLiteral("CREATE FUNCTION doorstep_handover_record(rid text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
                            " AS $$ SELECT public.doorstep_role() = 'worker' AND EXISTS (SELECT 1 FROM public.record_children rc"
                            " JOIN public.allocation_history h ON h.child_id = rc.child_id WHERE rc.record_id = rid"
                            " AND h.worker_id = public.doorstep_uid() AND h.handover_until > public.doorstep_now_text()) $$"),
             // ... and such a child is now in `team` (a record takes its child's team).
             QStringLiteral("CREATE FUNCTION doorstep_handover_team(team text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
                            " AS $$ SELECT public.doorstep_role() = 'worker' AND EXISTS (SELECT 1 FROM public.allocation_history h"
                            " JOIN public.allocations a ON a.child_id = h.child_id WHERE h.worker_id = public.doorstep_uid()"
                            " AND a.team_id = team AND h.handover_until > public.doorstep_now_text()) $$"),
             // In the window the worker reads and writes their OWN records about the child, and adds
             // links to it and purges addressed to themselves; nothing of anyone else's. The extra
             // test comes last in each OR, so records in scope never call the functions. A manager
             // reallocating a child of their team purges its records from the worker it leaves.
             QStringLiteral("DROP POLICY records_read ON records"),
             QStringLiteral("DROP POLICY records_update ON records"),
             QStringLiteral("DROP POLICY records_insert ON records"),
             QStringLiteral("CREATE POLICY records_read ON records FOR SELECT USING (%RECORD_VISIBLE% OR %OWN_HANDOVER%)"),
             QStringLiteral("CREATE POLICY records_update ON records FOR UPDATE USING (%RECORD_VISIBLE% OR %OWN_HANDOVER%)"
                            " WITH CHECK (%RECORD_VISIBLE% OR %OWN_HANDOVER%)"),
             QStringLiteral("CREATE POLICY records_insert ON records FOR INSERT WITH CHECK ((team_id = doorstep_team()"
                            " AND (doorstep_role() = 'manager' OR (doorstep_role() = 'worker' AND author_id = doorstep_uid())))"
                            " OR (doorstep_role() = 'worker' AND author_id = doorstep_uid() AND doorstep_handover_team(team_id)))"),
             QStringLiteral("DROP POLICY record_children_insert ON record_children"),
             QStringLiteral("CREATE POLICY record_children_insert ON record_children FOR INSERT"
                            " WITH CHECK (%CHILD_IN_SCOPE% OR doorstep_team_names_child(child_id) OR doorstep_handover_child(child_id))"),
             QStringLiteral("DROP POLICY changes_insert ON changes"),
             QStringLiteral("CREATE POLICY changes_insert ON changes FOR INSERT"
                            " WITH CHECK ((kind = 'upsert' AND EXISTS (SELECT 1 FROM records r WHERE r.id = changes.record_id))"
                            " OR (kind = 'purge' AND (target_user = doorstep_uid()"
                            " OR (doorstep_role() = 'manager' AND EXISTS (SELECT 1 FROM records r WHERE r.id = changes.record_id)))))"),
         }},
        // Transfers between teams (docs/managers.md, "Moving a child to another team"): the child's
        // team manager asks, the receiving team's manager accepts (allocating one of their workers)
        // or declines, each with a reason. The child stays with its worker until it is accepted, so
        // it is never without one. One open request per child. `child_summary` is what the
        // receiving manager reads before the child is theirs (names, date of birth, legal status),
        // so only the two teams' managers see a row.
        {7,
         {
             QStringLiteral("CREATE TABLE transfers (id TEXT PRIMARY KEY, child_id TEXT NOT NULL, from_team TEXT NOT NULL REFERENCES teams(id),"
                            " to_team TEXT NOT NULL REFERENCES teams(id),"
                            " state TEXT NOT NULL CHECK (state IN ('pending','accepted','declined','withdrawn')),"
                            " child_summary TEXT NOT NULL, reason TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,"
                            " decided_by TEXT, decided_at TEXT, decision_reason TEXT, worker_id TEXT)"),
             QStringLiteral("CREATE UNIQUE INDEX transfers_one_open ON transfers(child_id) WHERE state = 'pending'"),
             QStringLiteral("CREATE INDEX transfers_to ON transfers(to_team, state)"),
             QStringLiteral("CREATE INDEX transfers_from ON transfers(from_team, requested_at)"),
         },
         {
             QStringLiteral("ALTER TABLE transfers ENABLE ROW LEVEL SECURITY"),
             QStringLiteral("CREATE POLICY transfers_read ON transfers FOR SELECT"
                            " USING (doorstep_role() = 'manager' AND doorstep_team() IN (from_team, to_team))"),
             // Asked by the child's team; answered (or withdrawn) by one of the two.
             QStringLiteral("CREATE POLICY transfers_ask ON transfers FOR INSERT"
                            " WITH CHECK (doorstep_role() = 'manager' AND from_team = doorstep_team())"),
             QStringLiteral("CREATE POLICY transfers_answer ON transfers FOR UPDATE"
                            " USING (doorstep_role() = 'manager' AND doorstep_team() IN (from_team, to_team))"
                            " WITH CHECK (doorstep_role() = 'manager' AND doorstep_team() IN (from_team, to_team))"),
         }},
    };
    return s;
}

bool isRetryable(const QSqlError &e, bool postgres)
{
    const QString code = e.nativeErrorCode();
    if (postgres)
        // 26000: a cached statement name the server no longer knows (the connection was replaced).
        return code == QLatin1String("40001") || code == QLatin1String("40P01") || code == QLatin1String("23505")
            || code == QLatin1String("26000");
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6); unique races cannot happen with BEGIN IMMEDIATE.
    return code == QLatin1String("5") || code == QLatin1String("6");
}

// Prepared statements per PostgreSQL connection. Qt's QPSQL driver turns every QSqlQuery::prepare
// into PREPARE + EXECUTE + DEALLOCATE (three round trips); here each distinct SQL text is prepared
// once per connection and then run as one EXECUTE whose parameters the driver itself formats
// (QSqlDriver::formatValue, exactly as QPSQL formats the EXECUTE it builds). Server-side prepared
// statements belong to the session, not to a transaction: a rollback keeps them, a new connection
// starts with none (the cache is dropped whenever a connection is (re)opened).
struct StatementCache {
    QHash<QString, QString> names; // SQL text -> statement name
    int counter = 0;
};
constexpr qsizetype kMaxCachedStatements = 512;

QHash<QString, StatementCache> &statementCaches()
{
    thread_local QHash<QString, StatementCache> caches; // connection name -> cache (connections are per thread)
    return caches;
}

// `?` placeholders to PostgreSQL's `$n`, outside quoted literals and identifiers.
QString toDollarParams(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    int n = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('$') + QString::number(++n);
        } else {
            out += c;
        }
    }
    return out;
}

// Qt's own rule for binding NULL (QSqlResultPrivate::isVariantNull): a null QString binds as NULL.
bool bindsNull(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(v.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(v.constData())->isNull();
    default:
        return false;
    }
}

// Connections (by name) inside Database::transact on this thread: a lost connection there is the
// transaction's to retry; outside one, exec() reconnects and repeats the statement itself.
QSet<QString> &openTransactions()
{
    thread_local QSet<QString> names;
    return names;
}

void configureConnection(QSqlDatabase &db, bool postgres)
{
    QSqlQuery q(db);
    if (postgres) {
        // Per-request timeouts at the storage level: no statement may hold a request forever.
        q.exec(QStringLiteral("SET statement_timeout = '15s'"));
        q.exec(QStringLiteral("SET lock_timeout = '10s'"));
        q.exec(QStringLiteral("SET client_min_messages = warning"));
        // Short OLTP statements: compiling a plan with LLVM (PostgreSQL 15 does so above a cost
        // estimate that a pull page's query passes) took 100-250 ms a page and saved nothing.
        q.exec(QStringLiteral("SET jit = off"));
    } else {
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }
}

bool reopenPostgres(QSqlDatabase &db)
{
    statementCaches().remove(db.connectionName());
    db.close();
    if (!db.open()) {
        qCWarning(lcDb) << "reconnect failed:" << db.lastError().text();
        return false;
    }
    configureConnection(db, true);
    return true;
}

bool isConnectionLoss(const QSqlError &e)
{
    // libpq reports a dropped connection without an SQLSTATE; 08xxx are connection exceptions and
    // 57P01-57P03 an administrator shutdown or a server that cannot accept connections yet.
    const QString code = e.nativeErrorCode();
    return e.type() == QSqlError::ConnectionError || code.isEmpty() || code.startsWith(QLatin1String("08"))
        || code == QLatin1String("57P01") || code == QLatin1String("57P02") || code == QLatin1String("57P03");
}

Result<QSqlQuery> execPostgresOnce(QSqlDatabase &db, const QString &sql, const QVariantList &params, QSqlError *failure)
{
    StatementCache &cache = statementCaches()[db.connectionName()];
    QString name = cache.names.value(sql);
    if (name.isEmpty()) {
        if (cache.names.size() >= kMaxCachedStatements)
            return Error(ErrorCode::Internal, QStringLiteral("uncached")); // the caller falls back to QSqlQuery::prepare
        name = QStringLiteral("ds_%1").arg(++cache.counter);
        QSqlQuery prep(db);
        if (!prep.exec(QStringLiteral("PREPARE ") + name + QStringLiteral(" AS ") + toDollarParams(sql))) {
            *failure = prep.lastError();
            qCWarning(lcDb) << "prepare failed:" << prep.lastError().text() << sql;
            return Error(ErrorCode::StorageError, prep.lastError().nativeErrorCode());
        }
        cache.names.insert(sql, name);
    }
    QString text = QStringLiteral("EXECUTE ") + name;
    if (!params.isEmpty()) {
        const QSqlDriver *driver = db.driver();
        text += QStringLiteral(" (");
        for (qsizetype i = 0; i < params.size(); ++i) {
            const QVariant &v = params.at(i);
            QSqlField f(QString(), v.metaType());
            if (bindsNull(v))
                f.clear();
            else
                f.setValue(v);
            if (i > 0)
                text += QStringLiteral(", ");
            text += driver->formatValue(f);
        }
        text += QLatin1Char(')');
    }
    // Not forward-only: the whole result is read at once, so a caller may run other statements
    // while it walks the rows (QPSQL's single-row mode would lose them).
    QSqlQuery q(db);
    if (!q.exec(text)) {
        const QSqlError err = q.lastError();
        *failure = err;
        qCDebug(lcDb) << "exec failed:" << err.text() << sql;
        if (err.nativeErrorCode() == QLatin1String("26000"))
            statementCaches().remove(db.connectionName());
        return Error(ErrorCode::StorageError, err.nativeErrorCode());
    }
    return q;
}

Result<QSqlQuery> execPostgres(QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    QSqlError failure;
    auto r = execPostgresOnce(db, sql, params, &failure);
    if (r.ok() || r.error().code != ErrorCode::StorageError || openTransactions().contains(db.connectionName())
        || !isConnectionLoss(failure))
        return r;
    // Outside a transaction a statement on a lost connection (PostgreSQL restarted) is repeated
    // once on a new one.
    {
        QSqlQuery ping(db);
        if (ping.exec(QStringLiteral("SELECT 1")) || !isConnectionLoss(ping.lastError()))
            return r;
    }
    qCWarning(lcDb) << "connection lost; reconnecting";
    if (!reopenPostgres(db))
        return r;
    return execPostgresOnce(db, sql, params, &failure);
}

} // namespace

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString DbConfig::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("doorstep-server.sqlite"));
}

Result<DbConfig> DbConfig::parse(const QString &spec)
{
    DbConfig c;
    if (spec.isEmpty()) {
        c.kind = Kind::Sqlite;
        c.path = defaultSqlitePath();
        return c;
    }
    if (spec.startsWith(QLatin1String("sqlite:"))) {
        c.kind = Kind::Sqlite;
        c.path = spec.mid(7);
        if (c.path.isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("sqlite: needs a file path"), QStringLiteral("db"));
        return c;
    }
    if (spec.startsWith(QLatin1String("postgresql://")) || spec.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(spec, QUrl::StrictMode);
        if (!url.isValid())
            return Error(ErrorCode::InvalidInput, QStringLiteral("invalid PostgreSQL URL"), QStringLiteral("db"));
        c.kind = Kind::Postgres;
        c.host = url.host();
        c.port = url.port(5432);
        c.user = url.userName(QUrl::FullyDecoded);
        c.password = url.password(QUrl::FullyDecoded);
        c.database = url.path().mid(1);
        const QUrlQuery q(url);
        QStringList opts;
        for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
            if (item.first == QLatin1String("host"))
                c.host = item.second; // unix-socket directory
            else if (item.first == QLatin1String("sslmode") || item.first == QLatin1String("connect_timeout")
                     || item.first == QLatin1String("sslrootcert"))
                opts << item.first + QLatin1Char('=') + item.second;
            else
                return Error(ErrorCode::InvalidInput, QStringLiteral("unsupported PostgreSQL URL option %1").arg(item.first),
                             QStringLiteral("db"));
        }
        c.options = opts.join(QLatin1Char(';'));
        if (c.database.isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("the PostgreSQL URL needs a database name"), QStringLiteral("db"));
        return c;
    }
    return Error(ErrorCode::InvalidInput, QStringLiteral("--db must be sqlite:PATH or postgresql://…"), QStringLiteral("db"));
}

Database::Database(DbConfig config)
    : m_config(std::move(config)),
      m_prefix(QStringLiteral("doorstep-db%1-").arg(s_instanceCounter.fetchAndAddOrdered(1)))
{
}

Database::~Database()
{
    // Connections of other threads stay registered until their threads end; remove ours.
    const QString name = m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        { QSqlDatabase db = QSqlDatabase::database(name, false); db.close(); }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<QSqlDatabase> Database::connection() const
{
    const QString name = m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        statementCaches().remove(name);
        if (db.open()) {
            configure(db);
            return db;
        }
        qCWarning(lcDb) << "reopen failed:" << db.lastError().text();
        return Error(ErrorCode::StorageError, QStringLiteral("database unavailable"));
    }
    statementCaches().remove(name);
    QSqlDatabase db;
    if (isPostgres()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setDatabaseName(m_config.database);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setConnectOptions(m_config.options);
    } else {
        QDir().mkpath(QFileInfo(m_config.path).absolutePath());
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        qCWarning(lcDb) << "open failed:" << db.lastError().text();
        return Error(ErrorCode::StorageError, QStringLiteral("database unavailable"));
    }
    configure(db);
    return db;
}

bool Database::shouldRetry(const Error &error) const
{
    if (error.code != ErrorCode::StorageError)
        return false;
    const QSqlError e(QString(), QString(), QSqlError::StatementError, error.message);
    return isRetryable(e, isPostgres()) || (isPostgres() && isConnectionLoss(e));
}

bool Database::reconnectIfLost(QSqlDatabase &db) const
{
    // After a failure: is the connection itself gone (PostgreSQL restarted, backend terminated)?
    // Then open a new one (its statement cache starts empty) so the caller can retry.
    if (!isPostgres())
        return false;
    {
        QSqlQuery ping(db);
        if (ping.exec(QStringLiteral("SELECT 1")))
            return false;
        if (!isConnectionLoss(ping.lastError()))
            return false;
    }
    qCWarning(lcDb) << "connection lost; reconnecting";
    return reopenPostgres(db);
}

void Database::configure(QSqlDatabase &db) const
{
    configureConnection(db, isPostgres());
}

Result<QSqlQuery> Database::exec(QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    if (db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL) {
        auto r = execPostgres(db, sql, params);
        if (r.ok() || r.error().code != ErrorCode::Internal)
            return r;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qCWarning(lcDb) << "prepare failed:" << q.lastError().text() << sql;
        return Error(ErrorCode::StorageError, q.lastError().nativeErrorCode());
    }
    for (const QVariant &p : params)
        q.addBindValue(p);
    if (!q.exec()) {
        qCDebug(lcDb) << "exec failed:" << q.lastError().text() << sql;
        // The native code travels in the message so transact() can decide to retry;
        // ApiResponse::fromError never sends a StorageError message out.
        return Error(ErrorCode::StorageError, q.lastError().nativeErrorCode());
    }
    return q;
}

Result<void> Database::transact(const DbCaller &caller, const std::function<Result<void>(QSqlDatabase &)> &work, Mode mode) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    const bool pg = isPostgres();
    QString beginSql = mode == Mode::ReadSnapshot
        ? (pg ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN"))
        : (pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    if (pg) {
        // The caller for the row-level security policies, transaction-local (set_config(…, true)),
        // sent with the BEGIN as one simple query: no extra round trip. Every setting is written,
        // empty ones too, so nothing of an earlier transaction on this connection can remain.
        // Values are quoted by the driver (they come from a verified token, but still).
        auto literal = [&](const QString &v) {
            QSqlField f(QString(), QMetaType(QMetaType::QString));
            f.setValue(v.isNull() ? QString(QLatin1String("")) : v);
            return db.driver()->formatValue(f);
        };
        beginSql += QStringLiteral("; SELECT set_config('doorstep.user_id', %1, true), set_config('doorstep.role', %2, true),"
                                   " set_config('doorstep.team_id', %3, true), set_config('doorstep.device_id', %4, true)")
                        .arg(literal(caller.userId), literal(caller.role), literal(caller.teamId), literal(caller.deviceId));
    }
    const QString name = db.connectionName();
    struct Mark { // this connection is inside a transaction while `work` runs
        QString name;
        explicit Mark(QString n) : name(std::move(n)) { openTransactions().insert(name); }
        ~Mark() { openTransactions().remove(name); }
    } mark(name);
    // Contention (deadlock, serialisation failure, a unique-key race, SQLite busy) and a lost
    // connection are retried here, within a time budget well inside the request deadline, so a
    // client sees them only when they last.
    QElapsedTimer budget;
    budget.start();
    constexpr qint64 kBudgetMs = 20000;
    auto backoff = [&](int attempt) {
        const quint32 ms = quint32(qMin(10 * (1 << qMin(attempt, 6)), 500)) + randombytes_uniform(20);
        QThread::msleep(ms);
    };
    for (int attempt = 0; attempt < 40 && budget.elapsed() < kBudgetMs; ++attempt) {
        QSqlQuery begin(db);
        if (!begin.exec(beginSql)) {
            const QSqlError err = begin.lastError();
            if (isRetryable(err, pg) || reconnectIfLost(db)) {
                backoff(attempt);
                continue;
            }
            qCWarning(lcDb) << "begin failed:" << err.text();
            return Error(ErrorCode::StorageError, QStringLiteral("database unavailable"));
        }
        Result<void> r = work(db);
        QSqlQuery end(db);
        if (r.ok()) {
            if (end.exec(QStringLiteral("COMMIT")))
                return r;
            const QSqlError err = end.lastError();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            if (isRetryable(err, pg)) {
                backoff(attempt);
                continue;
            }
            // A connection lost at COMMIT: whether it committed is unknown. Retrying is safe for
            // writes guarded by idempotency (push answers, decisions); others report the failure.
            reconnectIfLost(db);
            qCWarning(lcDb) << "commit failed:" << err.text();
            return Error(ErrorCode::StorageError, QStringLiteral("commit failed"));
        }
        end.exec(QStringLiteral("ROLLBACK"));
        const Error &e = r.error();
        if (e.code == ErrorCode::StorageError) {
            QSqlError fake(QString(), QString(), QSqlError::StatementError, e.message);
            if (isRetryable(fake, pg) || reconnectIfLost(db)) {
                backoff(attempt);
                continue;
            }
        }
        return r;
    }
    return Error(ErrorCode::Timeout, QStringLiteral("too much contention"));
}

Result<void> Database::grantServiceRole(const QString &role) const
{
    if (!isPostgres())
        return Error(ErrorCode::InvalidInput, QStringLiteral("--service-role applies to PostgreSQL only"), QStringLiteral("service-role"));
    // An identifier cannot be a bound parameter: allow plain lower-case names only.
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!valid.match(role).hasMatch())
        return Error(ErrorCode::InvalidInput, QStringLiteral("role names are lower-case letters, digits and _"), QStringLiteral("service-role"));
    return transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        const QStringList statements = {
            QStringLiteral("GRANT USAGE ON SCHEMA public TO %1"),
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1"),
            QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1"),
            QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM %1"),
            QStringLiteral("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_version FROM %1"),
        };
        for (const QString &sql : statements) {
            QSqlQuery q(tx);
            if (!q.exec(sql.arg(role))) {
                qCWarning(lcDb) << "grant failed:" << q.lastError().text();
                return Error(ErrorCode::StorageError, QStringLiteral("granting to %1 failed (does the role exist?)").arg(role));
            }
        }
        auto kept = exec(tx, QStringLiteral("INSERT INTO settings (key, value) VALUES ('service_role', ?)"
                                            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                         {role});
        if (!kept)
            return kept.error();
        return {};
    });
}

Result<QString> Database::rememberedServiceRole() const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    auto q = exec(db, QStringLiteral("SELECT value FROM settings WHERE key = 'service_role'"), {});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toString() : QString();
}

Result<bool> Database::bypassesRowSecurity() const
{
    if (!isPostgres())
        return false;
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    auto q = exec(db, QStringLiteral("SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(c.relowner, 'USAGE')"
                                     " FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'public.records'::regclass"));
    if (!q)
        return q.error();
    return q.value().next() && q.value().value(0).toBool();
}

int Database::latestVersion()
{
    return steps().last().version;
}

int Database::schemaVersion() const
{
    auto conn = connection();
    if (!conn)
        return -1;
    QSqlDatabase db = conn.value();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<void> Database::migrate(int upToVersion) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"))) {
            qCWarning(lcDb) << q.lastError().text();
            return Error(ErrorCode::StorageError, QStringLiteral("cannot create the version table"));
        }
    }
    const bool pg = isPostgres();
    for (const Step &step : steps()) {
        if (upToVersion >= 0 && step.version > upToVersion)
            break;
        Result<void> r = transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
            if (pg) {
                // Two instances migrating at once: one waits for the other.
                if (auto l = exec(tx, QStringLiteral("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7100)) l")); !l)
                    return l.error();
            }
            auto cur = exec(tx, QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE version = ?"), {step.version});
            if (!cur)
                return cur.error();
            if (cur.value().next() && cur.value().value(0).toInt() > 0)
                return {};
            QStringList all = step.sql;
            if (pg)
                all += step.postgresOnly;
            for (QString sql : all) {
                sql.replace(QLatin1String("%ID%"), pg ? QLatin1String("BIGSERIAL PRIMARY KEY") : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
                sql.replace(QLatin1String("%XID%"), pg ? QLatin1String("xid xid8 NOT NULL DEFAULT pg_current_xact_id(),") : QLatin1String(""));
                // A record is visible through a visible child link, or to its team's manager.
                sql.replace(QLatin1String("%RECORD_VISIBLE%"),
                            QLatin1String("(doorstep_role() = 'manager' AND team_id = doorstep_team())"
                                          " OR EXISTS (SELECT 1 FROM record_children rc WHERE rc.record_id = records.id)"));
                sql.replace(QLatin1String("%OWN_HANDOVER%"),
                            QLatin1String("(author_id = doorstep_uid() AND doorstep_handover_record(id))"));
                sql.replace(QLatin1String("%CHILD_IN_SCOPE%"),
                            QLatin1String("child_id IN (SELECT a.child_id FROM allocations a"
                                          " WHERE (doorstep_role() = 'worker' AND a.worker_id = doorstep_uid())"
                                          " OR (doorstep_role() = 'manager' AND a.team_id = doorstep_team()))"));
                QSqlQuery q(tx);
                if (!q.exec(sql)) {
                    qCWarning(lcDb) << "migration" << step.version << "failed:" << q.lastError().text();
                    return Error(ErrorCode::StorageError, QStringLiteral("migration %1 failed").arg(step.version));
                }
            }
            auto ins = exec(tx, QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                            {step.version, nowIso()});
            if (!ins)
                return ins.error();
            return {};
        });
        if (!r)
            return r;
    }
    // The token-signing secret lives in the database so every instance agrees on it.
    return transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        unsigned char secret[32];
        randombytes_buf(secret, sizeof secret);
        const QString hex = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(secret), sizeof secret).toHex());
        sodium_memzero(secret, sizeof secret);
        auto r = exec(tx, QStringLiteral("INSERT INTO settings (key, value) VALUES ('token_secret', ?) ON CONFLICT (key) DO NOTHING"),
                      {hex});
        if (!r)
            return r.error();
        return {};
    });
}

} // namespace doorstep::server
