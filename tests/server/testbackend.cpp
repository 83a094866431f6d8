// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "testbackend.h"

#include "database.h"
#include "serverprocess.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace {
bool adminExec(const QString &url, const QString &sql, QString *error)
{
    auto config = doorstep::server::DbConfig::parse(url);
    if (!config) {
        *error = config.error().message;
        return false;
    }
    const QString name = QStringLiteral("testbackend-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(config.value().host);
        db.setPort(config.value().port);
        db.setDatabaseName(config.value().database);
        db.setUserName(config.value().user);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

TestBackend::~TestBackend()
{
    if (m_postgres && !m_dbName.isEmpty()) {
        QString ignored;
        adminExec(m_adminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_dbName), &ignored);
    }
}

bool TestBackend::init(QString *error, int schemaVersion)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    m_postgres = qEnvironmentVariable("DOORSTEP_TEST_BACKEND") == QLatin1String("postgres");
    if (!m_postgres) {
        m_spec = QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("server.sqlite"));
        return true;
    }
    QFile urlFile(qEnvironmentVariable("DOORSTEP_PG_DIR") + QStringLiteral("/url"));
    if (!urlFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no PostgreSQL cluster (run tests/support/pg-cluster start; DOORSTEP_PG_DIR unset?)");
        return false;
    }
    m_adminUrl = QString::fromUtf8(urlFile.readAll()).trimmed();
    m_dbName = QStringLiteral("doorstep_test_%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    if (!adminExec(m_adminUrl, QStringLiteral("CREATE DATABASE %1").arg(m_dbName), error))
        return false;
    QUrl url(m_adminUrl);
    url.setPath(QLatin1Char('/') + m_dbName);
    m_spec = url.toString();
    // As deployed (docs/service.md): the owner migrates and grants the service role, `serve`
    // connects as that role. The role is cluster-wide; another test may have created it first.
    const QString role = QLatin1String(kServiceRole);
    if (!adminExec(m_adminUrl, QStringLiteral("DO $$ BEGIN CREATE ROLE %1 LOGIN NOSUPERUSER NOBYPASSRLS;"
                                              " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$").arg(role), error))
        return false;
    {
        auto config = doorstep::server::DbConfig::parse(m_spec);
        if (!config) {
            *error = config.error().message;
            return false;
        }
        doorstep::server::Database owner(config.value());
        if (auto m = owner.migrate(schemaVersion); !m) {
            *error = QStringLiteral("migrate: ") + m.error().message;
            return false;
        }
        if (auto g = owner.grantServiceRole(role); !g) {
            *error = g.error().message;
            return false;
        }
    }
    url.setUserName(role);
    m_serviceSpec = url.toString();
    return true;
}

bool TestBackend::seedDemo(const QString &password, QString *error) const
{
    for (const QStringList &args : {QStringList{QStringLiteral("migrate")},
                                    QStringList{QStringLiteral("seed-demo"), QStringLiteral("--password"), password}}) {
        const auto r = ServerProcess::cli(args, m_spec);
        if (r.exitCode != 0) {
            if (error)
                *error = args.first() + QStringLiteral(": ") + r.err;
            return false;
        }
    }
    return true;
}
