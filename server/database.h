// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>

namespace doorstep::server {

/** Where the service keeps its data: a SQLite file (embedded default) or a PostgreSQL URL. */
struct DbConfig {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path;            // SQLite file
    QString host, database, user, password, options;
    int port = 5432;

    /** "sqlite:PATH", "postgresql://user:pw@host:port/db?host=/socket/dir&sslmode=require";
     *  empty means the SQLite file under the application data directory. */
    static Result<DbConfig> parse(const QString &spec);
    static QString defaultSqlitePath();
};

/** Whom a transaction acts for. On PostgreSQL `Database::transact` turns it into the
 *  transaction-local settings doorstep.user_id / role / team_id / device_id that the row-level
 *  security policies read (docs/threat-model.md); SQLite ignores it. */
struct DbCaller {
    QString userId, role, teamId, deviceId;
    /** Nobody: sign-in, token refresh, device registration and the admin CLI. Under the service
     *  role the policies show such a transaction no case data; the CLI runs as the schema owner,
     *  which row-level security does not restrict. */
    static DbCaller none() { return {}; }
};

/** One storage layer over Qt Sql for both drivers; a connection per thread (QSqlDatabase is
 *  per-thread), transactions with retry on serialisation failures, and migrations. */
class Database
{
public:
    explicit Database(DbConfig config);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool isPostgres() const { return m_config.kind == DbConfig::Kind::Postgres; }
    const DbConfig &config() const { return m_config; }

    /** This thread's open connection (opened on first use). */
    Result<QSqlDatabase> connection() const;

    /** Runs `work` inside one write transaction (SQLite: BEGIN IMMEDIATE, so writers are
     *  serialised; PostgreSQL: READ COMMITTED with row locks), retrying on deadlock,
     *  serialisation failure or a unique-key race. `work` returns an Error to roll back. */
    enum class Mode {
        Write,        // SQLite BEGIN IMMEDIATE; PostgreSQL READ COMMITTED
        ReadSnapshot, // one consistent snapshot, read only (PostgreSQL REPEATABLE READ READ ONLY)
    };
    /** The one place where transactions begin, always on behalf of `caller` (set with the BEGIN,
     *  in the same round trip, on PostgreSQL). `work` returns an Error to roll back. */
    Result<void> transact(const DbCaller &caller, const std::function<Result<void>(QSqlDatabase &)> &work,
                          Mode mode = Mode::Write) const;

    /** Creates or upgrades the schema (version table), idempotent; creates the token secret.
     *  `upToVersion` stops after that step instead of the latest: for tests that build a database
     *  as an older release left it and then upgrade it (tests/server/tst_migrations). */
    Result<void> migrate(int upToVersion = -1) const;
    int schemaVersion() const;

    /** PostgreSQL: lets `role` (the account `serve` runs as) read and write every table except
     *  that it may only SELECT and INSERT the audit log. The schema owner runs this. */
    Result<void> grantServiceRole(const QString &role) const;
    /** The role last given to grantServiceRole (kept in settings as service_role), or empty: a
     *  later `migrate` grants it again, so tables a new step makes reach the service too. */
    Result<QString> rememberedServiceRole() const;

    /** PostgreSQL: whether this connection's role escapes row-level security (a superuser, a role
     *  with BYPASSRLS, or the owner of the tables): `serve` warns, since the second line of
     *  defence is then off. */
    Result<bool> bypassesRowSecurity() const;

    /** Latest schema version this build knows. */
    static int latestVersion();

    /** Prepares and executes; a failure becomes a StorageError whose message is the native error
     *  code (the SQL text is logged, never returned). On PostgreSQL each SQL text is prepared once
     *  per connection and reused (one round trip per call), and the whole result is read at once. */
    static Result<QSqlQuery> exec(QSqlDatabase &db, const QString &sql,
                                  const QVariantList &params = {});

    /** Whether an error from exec()/work is contention or a lost connection, which transact()
     *  retries as a whole (the caller returns it instead of handling it). */
    bool shouldRetry(const Error &error) const;

    /** After a failed statement: when the PostgreSQL connection itself is gone, opens a new one
     *  (with an empty statement cache) and returns true so the caller may retry. */
    bool reconnectIfLost(QSqlDatabase &db) const;

private:
    void configure(QSqlDatabase &db) const;

    DbConfig m_config;
    QString m_prefix; // connection-name prefix unique to this Database
};

/** Current UTC time as ISO 8601 with milliseconds and Z (sortable as text on both drivers). */
QString nowIso();

/** Days after a reallocation during which the worker it moved the child from may still send their
 *  own records about the child made while they held it (docs/sync-protocol.md, "Hand-over"): long
 *  enough for a tablet left in a drawer over a holiday, short enough to end their access. */
constexpr int kHandoverDays = 28;

} // namespace doorstep::server
