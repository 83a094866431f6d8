// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// doorstep-server: the central service and its administration commands.
#include "adminservice.h"
#include "apirouter.h"
#include "auditlog.h"
#include "core/processhardening.h"
#include "core/wire.h"
#include "database.h"
#include "demoseed.h"
#include "httpfrontend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTextStream>

#include <csignal>
#include <cstdio>

using namespace doorstep;
using namespace doorstep::server;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message)
{
    err() << "doorstep-server: " << message << Qt::endl;
    return 1;
}

int failWith(const Error &e)
{
    if (e.code == ErrorCode::StorageError)
        return fail(QStringLiteral("database error (run with QT_LOGGING_RULES=doorstep.*.debug=true for details)"));
    const QString message = e.message.isEmpty() ? errorCodeName(e.code) : e.message;
    return fail(e.field.isEmpty() ? message : e.field + QStringLiteral(": ") + message);
}

QByteArray readPasswordLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readLine().trimmed();
}

QByteArray readPassword(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("password")))
        return p.value(QStringLiteral("password")).toUtf8();
    return readPasswordLine();
}

bool parseListen(const QString &listen, QHostAddress *address, quint16 *port)
{
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = listen.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}

void onTerminate(int)
{
    QCoreApplication::quit();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before the database password, the token key or any record is in memory.
    const QString dumpGuard = doorstep::guardAgainstCoreDumps(doorstep::DumpGuard::NotDumpable);
    // A QGuiApplication only for fonts and text layout of the chronology PDF
    // (doorstep_reports); the offscreen platform needs no display and opens no window.
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("doorstep.*.debug=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QCoreApplication::setApplicationName(QStringLiteral("doorstep-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Doorstep central service.\n\nCommands: serve, migrate, create-team NAME, "
                                               "create-user USERNAME, set-name USER --name NAME, set-visit-policy JSON, set-recording-standard DAYS, allocate, open-case, revoke-device DEVICE|USER, "
                                               "disable-user USER (a leaver: no sign-in, every device revoked), enable-user USER, "
                                               "reset-password USER (the new password on stdin), verify-audit, seed-demo"));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do."));
    p.addOptions({
        {QStringLiteral("db"), QStringLiteral("sqlite:PATH or postgresql://user:pw@host:port/db (default: SQLite in the data directory)."), QStringLiteral("spec")},
        {QStringLiteral("listen"), QStringLiteral("Address and port (serve), default 127.0.0.1:8443."), QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8443")},
        {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (chain) for HTTPS."), QStringLiteral("file")},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("file")},
        {QStringLiteral("dev-insecure-http"), QStringLiteral("Plain HTTP, only on a loopback address (development).")},
        {QStringLiteral("trusted-proxy"), QStringLiteral("Address of a reverse proxy whose X-Real-IP is believed (repeatable)."), QStringLiteral("address")},
        {QStringLiteral("idle-timeout"), QStringLiteral("Seconds a connection may stay silent (serve)."), QStringLiteral("s"), QStringLiteral("60")},
        {QStringLiteral("request-timeout"), QStringLiteral("Seconds from a request's first byte to its answer (serve)."), QStringLiteral("s"), QStringLiteral("90")},
        {QStringLiteral("service-role"), QStringLiteral("PostgreSQL role that serve runs as (migrate grants it what it needs; audit stays append-only)."), QStringLiteral("role")},
        {QStringLiteral("threads"), QStringLiteral("Request threads (serve)."), QStringLiteral("n"), QStringLiteral("8")},
        {QStringLiteral("role"), QStringLiteral("worker, manager or admin (create-user)."), QStringLiteral("role")},
        {QStringLiteral("team"), QStringLiteral("Team name or id (create-user)."), QStringLiteral("team")},
        {QStringLiteral("name"), QStringLiteral("The person's name as colleagues know it (create-user, set-name)."), QStringLiteral("name")},
        {QStringLiteral("password"), QStringLiteral("Password (create-user, seed-demo; otherwise read from the first line of stdin). reset-password takes stdin only."), QStringLiteral("password")},
        {QStringLiteral("child"), QStringLiteral("Child id (allocate)."), QStringLiteral("uuid")},
        {QStringLiteral("worker"), QStringLiteral("Worker username or id (allocate, open-case)."), QStringLiteral("user")},
        {QStringLiteral("reason"), QStringLiteral("Why the child moves (allocate) or why the case goes to this worker (open-case): shown in the child's chronology."), QStringLiteral("text")},
    });
    p.process(app);
    const QStringList args = p.positionalArguments();
    if (args.isEmpty())
        p.showHelp(2);
    const QString command = args.first();

    auto config = DbConfig::parse(p.value(QStringLiteral("db")));
    if (!config)
        return failWith(config.error());
    Database db(config.value());
    if (auto c = db.connection(); !c)
        return fail(QStringLiteral("cannot open the database (%1)")
                        .arg(db.isPostgres() ? QStringLiteral("is PostgreSQL running, and the URL right?") : db.config().path));

    if (command == QLatin1String("migrate")) {
        if (auto r = db.migrate(); !r)
            return failWith(r.error());
        // The service role given once is granted again on every upgrade: a table a new step made
        // would otherwise be out of the service's reach (500s) until someone remembered the flag.
        QString role = p.value(QStringLiteral("service-role"));
        if (role.isEmpty() && db.isPostgres()) {
            auto remembered = db.rememberedServiceRole();
            if (!remembered)
                return failWith(remembered.error());
            role = remembered.value();
        }
        if (!role.isEmpty()) {
            if (auto g = db.grantServiceRole(role); !g)
                return fail(g.error().message);
            out() << "granted to the service role " << role << Qt::endl;
        }
        out() << "schema at version " << db.schemaVersion() << Qt::endl;
        return 0;
    }

    // Every other command needs the current schema. SQLite (the no-setup default) migrates
    // itself; PostgreSQL is migrated explicitly by its owner.
    if (!db.isPostgres()) {
        if (auto r = db.migrate(); !r)
            return failWith(r.error());
    } else if (db.schemaVersion() != Database::latestVersion()) {
        return fail(QStringLiteral("the database schema is not current: run `doorstep-server migrate --db …` as the database's owner first"
                                   " (with `--service-role ROLE` the first time: the role serve runs as)"));
    }
    AdminService admin(db);

    if (command == QLatin1String("create-team")) {
        if (args.size() != 2)
            return fail(QStringLiteral("usage: create-team NAME"));
        auto id = admin.createTeam(args.at(1));
        if (!id)
            return failWith(id.error());
        out() << id.value() << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("create-user")) {
        if (args.size() != 2 || !p.isSet(QStringLiteral("role")))
            return fail(QStringLiteral("usage: create-user USERNAME --role worker|manager|admin [--team T] [--name \"Sam Patel\"] [--password P]"));
        auto id = admin.createUser(args.at(1), readPassword(p), p.value(QStringLiteral("role")), p.value(QStringLiteral("team")),
                                   p.value(QStringLiteral("name")));
        if (!id)
            return failWith(id.error());
        out() << id.value() << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("set-name")) {
        if (args.size() != 2 || !p.isSet(QStringLiteral("name")))
            return fail(QStringLiteral("usage: set-name USERNAME --name \"Sam Patel\" (an empty name clears it)"));
        if (auto r = admin.setDisplayName(args.at(1), p.value(QStringLiteral("name"))); !r)
            return failWith(r.error());
        out() << "named" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("set-visit-policy")) {
        if (args.size() != 2)
            return fail(QStringLiteral("usage: set-visit-policy '{\"child_protection\": {\"every\": 10, \"unit\": \"working_days\"}, "
                                       "\"child_in_need\": {\"every\": 20, \"unit\": \"working_days\"}}'"));
        auto policy = admin.setVisitPolicy(args.at(1).toUtf8());
        if (!policy)
            return failWith(policy.error());
        out() << QJsonDocument(policy.value().toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("set-recording-standard")) {
        bool ok = false;
        const int days = args.size() == 2 ? args.at(1).toInt(&ok) : -1;
        if (!ok)
            return fail(QStringLiteral("usage: set-recording-standard DAYS (working days from a visit to its submission, 0-30)"));
        if (auto r = admin.setRecordingStandard(days); !r)
            return failWith(r.error());
        out() << "recording standard: " << days << " working days" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("allocate")) {
        if (!p.isSet(QStringLiteral("child")) || !p.isSet(QStringLiteral("worker")))
            return fail(QStringLiteral("usage: allocate --child CHILD_ID --worker USER [--reason TEXT]"));
        if (auto r = admin.allocate(p.value(QStringLiteral("child")), p.value(QStringLiteral("worker")), p.value(QStringLiteral("reason"))); !r)
            return failWith(r.error());
        out() << "allocated" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("open-case")) {
        if (!p.isSet(QStringLiteral("worker")) || !p.isSet(QStringLiteral("reason")))
            return fail(QStringLiteral("usage: open-case --worker USER --reason TEXT < child.json"));
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("open-case: could not read the child record from stdin"));
        const auto child = wire::parseObject(in.readAll());
        if (!child)
            return fail(QStringLiteral("open-case: the child record on stdin is not a JSON object: ") + child.error().message);
        auto id = admin.openCase(child.value(), p.value(QStringLiteral("worker")), p.value(QStringLiteral("reason")));
        if (!id)
            return failWith(id.error());
        out() << id.value() << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("revoke-device")) {
        if (args.size() != 2)
            return fail(QStringLiteral("usage: revoke-device DEVICE_ID|USERNAME"));
        auto n = admin.revokeDevice(args.at(1));
        if (!n)
            return failWith(n.error());
        out() << "revoked " << n.value() << " device(s)" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("disable-user")) {
        if (args.size() != 2)
            return fail(QStringLiteral("usage: disable-user USERNAME"));
        auto r = admin.disableUser(args.at(1));
        if (!r)
            return failWith(r.error());
        out() << (r.value().already ? "already disabled" : "disabled") << "; revoked " << r.value().devicesRevoked << " device(s)" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("enable-user")) {
        if (args.size() != 2)
            return fail(QStringLiteral("usage: enable-user USERNAME"));
        auto r = admin.enableUser(args.at(1));
        if (!r)
            return failWith(r.error());
        out() << (r.value() ? "enabled (revoked devices stay revoked: sign in afresh)" : "already enabled") << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("reset-password")) {
        // Never from the command line: argv shows in `ps` to everyone on the machine.
        if (args.size() != 2 || p.isSet(QStringLiteral("password")))
            return fail(QStringLiteral("usage: reset-password USERNAME < file-or-pipe (the new password is the first line of stdin, never --password)"));
        auto r = admin.resetPassword(args.at(1), readPasswordLine());
        if (!r)
            return failWith(r.error());
        out() << "password reset; " << r.value().devicesSignedOut << " device(s) must sign in again" << Qt::endl;
        if (r.value().disabled)
            out() << "the account is disabled: enable-user lets them sign in" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("verify-audit")) {
        auto r = AuditLog::verify(db);
        if (!r)
            return failWith(r.error());
        if (!r.value().ok) {
            out() << "audit chain BROKEN at row " << r.value().firstBadSeq << ": " << r.value().problem << Qt::endl;
            return 3;
        }
        out() << "audit chain intact: " << r.value().rows << " rows" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("seed-demo")) {
        const QByteArray password = readPassword(p);
        if (password.size() < 8)
            return fail(QStringLiteral("seed-demo needs --password (at least 8 characters)"));
        auto r = DemoSeed::run(db, password);
        if (!r)
            return failWith(r.error());
        out() << "seeded " << r.value().users << " users, " << r.value().children << " children, " << r.value().records << " records" << Qt::endl;
        return 0;
    }
    if (command != QLatin1String("serve"))
        return fail(QStringLiteral("unknown command %1").arg(command));

    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(p.value(QStringLiteral("listen")), &address, &port))
        return fail(QStringLiteral("--listen must be HOST:PORT"));
    const bool insecure = p.isSet(QStringLiteral("dev-insecure-http"));
    if (insecure && !address.isLoopback())
        return fail(QStringLiteral("--dev-insecure-http is only allowed on a loopback address"));
    // The tests' cheap password hashing must never reach a service others can connect to.
    if (qEnvironmentVariableIntValue("DOORSTEP_FAST_PWHASH") == 1 && !address.isLoopback())
        return fail(QStringLiteral("DOORSTEP_FAST_PWHASH is for tests: it is refused on a non-loopback address"));
    if (!insecure && (!p.isSet(QStringLiteral("tls-cert")) || !p.isSet(QStringLiteral("tls-key"))))
        return fail(QStringLiteral("HTTPS needs --tls-cert and --tls-key (or --dev-insecure-http on loopback)"));

    if (auto bypass = db.bypassesRowSecurity(); bypass && bypass.value())
        // Not refused (a development cluster often has only its superuser), but said plainly.
        err() << "warning: this PostgreSQL role is a superuser, has BYPASSRLS or owns the tables, so row-level "
                 "security does not apply; serve should run as the role given to `migrate --service-role`" << Qt::endl;

    ApiRouter router(db);
    HttpFrontend http(router, qBound(1, p.value(QStringLiteral("threads")).toInt(), 64));
    QList<QHostAddress> proxies;
    for (const QString &proxy : p.values(QStringLiteral("trusted-proxy"))) {
        QHostAddress a;
        if (!a.setAddress(proxy))
            return fail(QStringLiteral("--trusted-proxy must be an IP address"));
        proxies << a;
    }
    http.setTrustedProxies(proxies);
    std::optional<QSslConfiguration> tlsConfig;
    if (!insecure) {
        QFile certFile(p.value(QStringLiteral("tls-cert")));
        QFile keyFile(p.value(QStringLiteral("tls-key")));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the certificate or key file"));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return fail(QStringLiteral("the certificate or key is not valid PEM"));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tlsConfig = tls;
    }
    const int idle = p.value(QStringLiteral("idle-timeout")).toInt();
    const int request = p.value(QStringLiteral("request-timeout")).toInt();
    if (idle < 1 || idle > 3600 || request < 1 || request > 3600)
        return fail(QStringLiteral("--idle-timeout and --request-timeout take 1–3600 seconds"));
    const quint16 bound = http.listenGuarded(address, port, tlsConfig, idle * 1000, request * 1000);
    if (bound == 0)
        return fail(QStringLiteral("cannot listen on %1").arg(p.value(QStringLiteral("listen"))));
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);
    // Tests and scripts read the bound port from this line (with --listen HOST:0).
    out() << "doorstep-server listening on " << (insecure ? "http" : "https") << "://"
          << (address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + address.toString() + QLatin1Char(']') : address.toString())
          << ':' << bound << Qt::endl;
    qInfo().noquote() << "crash dumps:" << (dumpGuard.isEmpty() ? QStringLiteral("allowed (DOORSTEP_ALLOW_CORE_DUMPS=1)") : dumpGuard);
    return app.exec();
}
