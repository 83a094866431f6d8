// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// Fuzz target: the service's request handlers called as functions (no HTTP), against the embedded
// SQLite service database in a temporary directory seeded with the demo council.
//
// Input: a first line "<role> <handler> [arg]" then the request body.
//   role:    worker | manager | admin
//   handler: push (JSON body), pull (URL query), queue, review <record id> (JSON body),
//            login (JSON body), refresh (JSON body)
// Placeholders in the input are replaced by ids from the seeded database, so seeds stay valid:
//   @CHILD@ a child allocated to worker1; @RECORD@ a submitted record in manager1's team;
//   @APPROVED@ an approved record of worker1's; @WORKER@ worker1's user id.
// Invariants: never a crash; never a 5xx (any input is the client's fault or fine); every error
// has the one error shape; push answers one result per mutation, and pushing the same body again
// returns the same answers (idempotent per mutation id).
#include "apiresponse.h"
#include "authservice.h"
#include "database.h"
#include "demoseed.h"
#include "fuzzcheck.h"
#include "reviewservice.h"
#include "syncservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <memory>

using namespace doorstep;
using namespace doorstep::server;

namespace {

struct Fixture {
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<ReviewService> review;
    std::unique_ptr<AuthService> auth;
    AuthContext worker, manager, admin;
    QString child, submitted, approved;
};

Fixture *fixture = nullptr;

QString one(Database &db, const QString &sql, const QVariantList &params = {})
{
    Result<QSqlDatabase> conn = db.connection();
    if (!conn)
        fuzzFail("no service database connection", __FILE__, __LINE__);
    Result<QSqlQuery> q = Database::exec(conn.value(), sql, params);
    if (!q || !q.value().next())
        return {};
    return q.value().value(0).toString();
}

AuthContext contextFor(Database &db, const QString &username, const QString &deviceId)
{
    AuthContext ctx;
    ctx.username = username;
    ctx.userId = one(db, QStringLiteral("SELECT id FROM users WHERE username = ?"), {username});
    ctx.role = one(db, QStringLiteral("SELECT role FROM users WHERE id = ?"), {ctx.userId});
    ctx.teamId = one(db, QStringLiteral("SELECT team_id FROM users WHERE id = ?"), {ctx.userId});
    ctx.deviceId = deviceId;
    ctx.address = QStringLiteral("127.0.0.1");
    Result<void> r = db.transact(doorstep::server::DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
        Result<QSqlQuery> q = Database::exec(tx, QStringLiteral("INSERT INTO devices (id, user_id, name, created_at) VALUES (?, ?, ?, ?)"),
                                             {deviceId, ctx.userId, QStringLiteral("fuzz device"), nowIso()});
        if (!q)
            return q.error();
        return {};
    });
    if (!r || ctx.userId.isEmpty())
        fuzzFail("cannot register the fuzz device", __FILE__, __LINE__);
    return ctx;
}

/** DOORSTEP_FUZZ_TRACE=1 prints each answer's status and codes (never bodies' content). */
void trace(const QByteArray &head, const ApiResponse &r)
{
    static const bool on = qEnvironmentVariableIsSet("DOORSTEP_FUZZ_TRACE");
    if (!on)
        return;
    QByteArray what = r.body.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString().toUtf8();
    for (const QJsonValue &v : r.body.value(QLatin1String("results")).toArray())
        what += ' ' + v.toObject().value(QLatin1String("result")).toString().toUtf8() + '/'
            + v.toObject().value(QLatin1String("code")).toString().toUtf8();
    std::fprintf(stderr, "%s -> %d %s\n", head.left(40).constData(), r.status, what.constData());
}

void checkShape(const ApiResponse &r)
{
    FUZZ_CHECK(r.status >= 200 && r.status < 500, "a request never makes the service fail (no 5xx)");
    if (r.status >= 400) {
        const QJsonObject error = r.body.value(QLatin1String("error")).toObject();
        FUZZ_CHECK(!error.value(QLatin1String("code")).toString().isEmpty(), "an error response has a code");
        FUZZ_CHECK(!error.value(QLatin1String("message")).toString().isEmpty(), "an error response has a message");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qputenv("DOORSTEP_FAST_PWHASH", "1"); // test-only minimum Argon2id cost
    QLoggingCategory::setFilterRules(QStringLiteral("doorstep.*=false\nqt.*=false"));
    static int argc = 1;
    static char name[] = "fuzz_service";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // Qt Sql finds its SQLite driver plugin through the application

    fixture = new Fixture;
    fixture->dir = std::make_unique<QTemporaryDir>();
    DbConfig config;
    config.kind = DbConfig::Kind::Sqlite;
    config.path = fixture->dir->filePath(QStringLiteral("service.db"));
    fixture->db = std::make_unique<Database>(config);
    if (Result<void> m = fixture->db->migrate(); !m)
        fuzzFail("cannot create the service database", __FILE__, __LINE__);
    if (Result<DemoSeed::Summary> s = DemoSeed::run(*fixture->db, QByteArrayLiteral("fuzz-password")); !s)
        fuzzFail("cannot seed the demo council", __FILE__, __LINE__);
    Database &db = *fixture->db;
    fixture->worker = contextFor(db, QStringLiteral("worker1"), QStringLiteral("d0000000-0000-4000-8000-000000000001"));
    fixture->manager = contextFor(db, QStringLiteral("manager1"), QStringLiteral("d0000000-0000-4000-8000-000000000002"));
    fixture->admin = contextFor(db, QStringLiteral("admin"), QStringLiteral("d0000000-0000-4000-8000-000000000003"));
    fixture->child = one(db, QStringLiteral("SELECT child_id FROM allocations WHERE worker_id = ? ORDER BY child_id"), {fixture->worker.userId});
    fixture->submitted = one(db, QStringLiteral("SELECT id FROM records WHERE state = 'submitted' AND team_id = ? ORDER BY id"),
                             {fixture->manager.teamId});
    fixture->approved = one(db, QStringLiteral("SELECT r.id FROM records r JOIN record_children rc ON rc.record_id = r.id "
                                               "JOIN allocations a ON a.child_id = rc.child_id "
                                               "WHERE r.state = 'approved' AND a.worker_id = ? ORDER BY r.id"),
                            {fixture->worker.userId});
    fixture->sync = std::make_unique<SyncService>(db);
    fixture->review = std::make_unique<ReviewService>(db);
    fixture->auth = std::make_unique<AuthService>(db);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kFuzzMaxInput)
        return 0;
    Fixture &f = *fixture;
    QByteArray input = fuzzBytes(data, size);
    input.replace("@CHILD@", f.child.toUtf8());
    input.replace("@RECORD@", f.submitted.toUtf8());
    input.replace("@APPROVED@", f.approved.toUtf8());
    input.replace("@WORKER@", f.worker.userId.toUtf8());
    const qsizetype eol = input.indexOf('\n');
    const QList<QByteArray> head = input.left(eol < 0 ? input.size() : eol).split(' ');
    const QByteArray body = eol < 0 ? QByteArray() : input.mid(eol + 1);
    const QByteArray role = head.value(0);
    const QByteArray handler = head.value(1);
    const AuthContext &ctx = role == "manager" ? f.manager : role == "admin" ? f.admin : f.worker;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QByteArray line = role + ' ' + handler;

    ApiResponse response;
    if (handler == "push") {
        const ApiResponse first = f.sync->push(ctx, json);
        trace(line, first);
        checkShape(first);
        if (first.status == 200) {
            const QJsonArray results = first.body.value(QLatin1String("results")).toArray();
            FUZZ_CHECK(results.size() == json.value(QLatin1String("mutations")).toArray().size(), "one answer per mutation");
            for (const QJsonValue &v : results) {
                const QString result = v.toObject().value(QLatin1String("result")).toString();
                FUZZ_CHECK(!result.isEmpty(), "every mutation gets an answer");
            }
            const ApiResponse again = f.sync->push(ctx, json);
            FUZZ_CHECK(again.status == 200, "a replayed push is answered");
            FUZZ_CHECK(again.body.value(QLatin1String("results")) == first.body.value(QLatin1String("results")),
                       "replaying mutation ids returns the first answers");
        }
        return 0;
    } else if (handler == "pull") {
        response = f.sync->pull(ctx, QUrlQuery(QString::fromUtf8(body.trimmed())));
    } else if (handler == "queue") {
        response = f.review->queue(ctx);
    } else if (handler == "review") {
        response = f.review->decide(ctx, QString::fromUtf8(head.value(2)), json);
    } else if (handler == "login") {
        response = f.auth->login(json, QStringLiteral("127.0.0.1"));
    } else if (handler == "refresh") {
        response = f.auth->refresh(json, QStringLiteral("127.0.0.1"));
    } else {
        return 0;
    }
    if (handler != "push") {
        trace(line, response);
        checkShape(response);
    }
    return 0;
}
