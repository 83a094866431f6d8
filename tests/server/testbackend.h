// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

/** A fresh, empty database for one test run: a SQLite file in a temporary directory, or
 *  (DOORSTEP_TEST_BACKEND=postgres) a new database in the throwaway cluster whose URL
 *  tests/support/pg-cluster wrote to $DOORSTEP_PG_DIR/url. */
class TestBackend
{
public:
    ~TestBackend();
    /** On PostgreSQL the new database is migrated to `schemaVersion` (-1: the latest) before the
     *  service role is granted; tst_migrations starts from older versions. */
    bool init(QString *error, int schemaVersion = -1);
    /** `migrate` then `seed-demo --password PASSWORD` (the demo's teams, people and children) on
     *  this database, for the tests that drive a real service; false with the CLI's stderr in `error`. */
    bool seedDemo(const QString &password, QString *error) const;
    bool isPostgres() const { return m_postgres; }
    /** The --db argument for this run: the schema owner (on PostgreSQL the cluster's superuser),
     *  for `migrate` and the admin commands. */
    QString spec() const { return m_spec; }
    /** The --db argument `serve` runs with, as deployed: on PostgreSQL the non-owner role
     *  kServiceRole (row-level security applies to it; init() migrates the new database and
     *  grants it); on SQLite the same as spec(). */
    QString serviceSpec() const { return m_serviceSpec.isEmpty() ? m_spec : m_serviceSpec; }
    static constexpr const char *kServiceRole = "doorstep_service";
    /** A second, independent spec on the same server (PostgreSQL) or directory (SQLite). */
    QString tempPath() const { return m_dir ? m_dir->path() : QString(); }

private:
    bool m_postgres = false;
    QString m_spec;
    QString m_serviceSpec;
    QString m_adminUrl;
    QString m_dbName;
    std::unique_ptr<QTemporaryDir> m_dir;
};
