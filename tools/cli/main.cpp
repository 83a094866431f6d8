// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// doorstep-cli: a headless client on the same libraries as the tablet app, for tests, benchmarks
// and support staff. Every command opens the device's encrypted store with the key from the keychain.
#include "core/processhardening.h"
#include "core/rules.h"
#include "core/store/conflictstore.h"
#include "core/store/draftstore.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/store/auditlog.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "platform/qtkeychainkeystore.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncapplier.h"
#include "sync/syncengine.h"
#include "sync/tlssettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace doorstep;
using namespace doorstep::sync;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const Error &e)
{
    QTextStream err(stderr);
    err << "error: " << errorCodeName(e.code) << ": " << e.message;
    if (!e.field.isEmpty())
        err << " (" << e.field << ")";
    err << Qt::endl;
    return 1;
}

/** Runs the event loop until `start` calls its Done (tools only; an app never blocks like this). */
Result<void> waitFor(const std::function<void(Device::Done)> &start, int timeoutMs = 600000)
{
    std::optional<Result<void>> outcome;
    QEventLoop loop;
    start([&](Result<void> r) {
        outcome = std::move(r);
        loop.quit();
    });
    if (!outcome) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!outcome)
        return Error(ErrorCode::Timeout, QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    return *outcome;
}

template <typename T>
Result<T> runOnStore(Store *store, std::function<Result<T>(Database &)> job)
{
    std::optional<Result<T>> outcome;
    QEventLoop loop;
    store->run<T>(std::move(job)).then(&loop, [&](Result<T> r) {
        outcome = std::move(r);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return *outcome;
}

QJsonObject demoVisit(const QString &childId, const QString &authorId, int i)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1).addSecs(-3600 - i);
    QJsonObject visit{
        {QStringLiteral("schema"), wire::kSchemaVersion},
        {QStringLiteral("type"), QStringLiteral("visit")},
        {QStringLiteral("id"), wire::newUuid()},
        {QStringLiteral("state"), QStringLiteral("draft")},
        {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
        {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
        {QStringLiteral("ended_at"), start.addSecs(3600).toString(Qt::ISODate)},
        {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
        {QStringLiteral("announced"), true},
        {QStringLiteral("location"), QStringLiteral("home")},
        {QStringLiteral("rationale"), QStringLiteral("Statutory visit under the child in need plan; checking how the new school routine is going.")},
        {QStringLiteral("present"), QStringLiteral("Child, mother")},
        {QStringLiteral("children"),
         QJsonArray{QJsonObject{{QStringLiteral("child_id"), childId},
                                {QStringLiteral("seen"), true},
                                {QStringLiteral("seen_alone"), true},
                                {QStringLiteral("bedroom_seen"), true},
                                {QStringLiteral("safety_concern"), false},
                                {QStringLiteral("child_views"), QStringLiteral("\"I like my new teacher. I want to go swimming on Saturdays.\"")},
                                {QStringLiteral("observations"), QStringLiteral("Relaxed, chatty, showed me drawings from school.")}}}},
        {QStringLiteral("analysis_risks"), QStringLiteral("Mother's low mood continues; support from GP in place.")},
        {QStringLiteral("analysis_strengths"), QStringLiteral("Warm relationship; routines in place; school attendance 96%.")},
        {QStringLiteral("analysis_protective"), QStringLiteral("Grandmother visits daily.")},
        {QStringLiteral("diversity"), QStringLiteral("Family speaks English at home; no interpreter needed.")},
        {QStringLiteral("actions"), QJsonArray()},
    };
    if (!authorId.isEmpty()) // as the app's form writes it (signed out, the service fills it in)
        visit.insert(QStringLiteral("author"), authorId);
    return visit;
}

/** What support staff need about each held record: which, which revision, and why. */
QJsonArray heldJson(const QList<HeldRecord> &held)
{
    QJsonArray out;
    for (const HeldRecord &h : held)
        out.append(QJsonObject{{QStringLiteral("record_id"), h.recordId}, {QStringLiteral("rev"), h.rev},
                               {QStringLiteral("reason"), h.reason}, {QStringLiteral("held_at"), h.heldAt}});
    return out;
}

} // namespace

/** What a rescue copy holds that the service does not have: the changes not accepted (each with
 *  the record as the tablet had it), conflicts not resolved and drafts not saved. */
static Result<QJsonObject> unsentIn(Database &db)
{
    QJsonArray changes;
    Outbox outbox(db);
    auto waiting = outbox.pending(1000000);
    if (!waiting)
        return waiting.error();
    auto refused = outbox.quarantined();
    if (!refused)
        return refused.error();
    RecordRepository repo(db);
    for (const OutboxEntry &e : waiting.value() + refused.value()) {
        auto record = repo.byId(e.recordId);
        changes.append(QJsonObject{{QStringLiteral("mutation_id"), e.mutationId},
                                   {QStringLiteral("record_id"), e.recordId},
                                   {QStringLiteral("type"), e.type},
                                   {QStringLiteral("status"), e.status},
                                   {QStringLiteral("error"), e.lastError},
                                   {QStringLiteral("patch"), e.patch},
                                   {QStringLiteral("record"), record ? QJsonValue(record.value().body) : QJsonValue()}});
    }
    QJsonArray conflicts;
    auto held = ConflictStore(db).all();
    if (!held)
        return held.error();
    for (const ConflictEntry &c : held.value())
        conflicts.append(QJsonObject{{QStringLiteral("record_id"), c.recordId},
                                     {QStringLiteral("field"), c.field},
                                     {QStringLiteral("mine"), c.mine},
                                     {QStringLiteral("theirs"), c.theirs}});
    QJsonArray drafts;
    DraftStore draftStore(db);
    auto keys = draftStore.keys();
    if (!keys)
        return keys.error();
    for (const QString &key : keys.value()) {
        auto text = draftStore.get(key);
        if (text && text.value())
            drafts.append(QJsonObject{{QStringLiteral("form"), key},
                                      {QStringLiteral("draft"), QJsonDocument::fromJson(text.value()->toUtf8()).object()}});
    }
    return QJsonObject{{QStringLiteral("changes"), changes}, {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("drafts"), drafts}};
}

int main(int argc, char **argv)
{
    doorstep::guardAgainstCoreDumps(doorstep::DumpGuard::NoCoreFile); // it holds the store's key and tokens
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QCoreApplication::setApplicationName(QStringLiteral("doorstep-cli"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Doorstep headless client.\n"
        "Commands: login, status, list [TYPE], show ID, create-demo, edit, resolve, conflicts, outbox, sync, verify-audit,\n"
        "rescue-show FILE (a rescue copy's unsent work as JSON; the passphrase on stdin),\n"
        "tls-pin FILE (the --pin value of each certificate's public key in a PEM file)\n"
        "A council's own CA and pinned keys: --ca-file and --pin, else DOORSTEP_CA_FILE and\n"
        "DOORSTEP_PINNED_KEYS (comma-separated), else the settings tls/ca_file and tls/pinned_keys."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The device's data folder."), QStringLiteral("dir"),
                                     QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Service address (login)."), QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Username (login)."), QStringLiteral("name"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Password (login); '-' reads a line from stdin."), QStringLiteral("pw"));
    const QCommandLineOption deviceName(QStringLiteral("device-name"), QStringLiteral("Device name (login)."), QStringLiteral("name"),
                                        QStringLiteral("doorstep-cli"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("How many demo visits (create-demo)."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption child(QStringLiteral("child"), QStringLiteral("Child id (create-demo; default: first in the caseload)."), QStringLiteral("id"));
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Record id (edit, resolve)."), QStringLiteral("id"));
    const QCommandLineOption field(QStringLiteral("field"), QStringLiteral("Top-level field (edit, resolve)."), QStringLiteral("name"));
    const QCommandLineOption value(QStringLiteral("value"), QStringLiteral("New value as JSON (edit, resolve)."), QStringLiteral("json"));
    const QCommandLineOption take(QStringLiteral("take"), QStringLiteral("resolve: mine or theirs."), QStringLiteral("side"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"), QStringLiteral("Request transfer timeout."), QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Mutations per push (service maximum 500, as the app)."), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("Changes per pull page."), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("PEM file of the council's own CA certificates, trusted besides the system's."),
                                    QStringLiteral("file"));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("A pinned public key, sha256//BASE64 (repeat for more; see tls-pin)."),
                                 QStringLiteral("key"));
    parser.addOptions({dataDir, server, user, password, deviceName, count, child, id, field, value, take, timeout, batch, page, json, caFile, pin});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        parser.showHelp(2);
    const QString command = args.first();

    // Support staff: what a tablet's rescue copy holds unsent, as JSON, without any device, key
    // or keychain. The passphrase is read from the first line of stdin (never the command line).
    if (command == QLatin1String("rescue-show")) {
        const QString file = args.value(1);
        if (file.isEmpty())
            return fail(Error(ErrorCode::InvalidInput, QStringLiteral("rescue-show FILE: the rescue copy to read")));
        QTextStream in(stdin);
        QByteArray phrase = in.readLine().toUtf8();
        auto copy = Database::openRescueCopy(file, phrase);
        if (!copy)
            return fail(copy.error());
        auto unsent = unsentIn(*copy.value());
        if (!unsent)
            return fail(unsent.error());
        QTextStream(stderr) << "rescue-show: the output holds personal data; keep it only as long as it takes to recover the work" << Qt::endl;
        out() << QJsonDocument(unsent.value()).toJson(QJsonDocument::Indented);
        return 0;
    }

    // The value to give --pin (or DOORSTEP_PINNED_KEYS) for a certificate's key: the service's own,
    // or its CA's when the service sends its chain.
    if (command == QLatin1String("tls-pin")) {
        const QString file = args.value(1);
        const QList<QSslCertificate> certificates = file.isEmpty() ? QList<QSslCertificate>() : QSslCertificate::fromPath(file);
        if (certificates.isEmpty())
            return fail(Error(ErrorCode::InvalidInput, QStringLiteral("tls-pin FILE: a PEM file with at least one certificate")));
        for (const QSslCertificate &certificate : certificates)
            out() << TlsSettings::pinOf(certificate) << "  " << certificate.subjectDisplayName() << Qt::endl;
        return 0;
    }

    auto tls = TlsSettings::resolve(parser.value(caFile), parser.values(pin));
    if (!tls)
        return fail(tls.error());
    QNetworkAccessManager nam;
    QtKeychainKeyStore keys;
    Device device(parser.value(dataDir), &keys, &nam);
    tls.value().applyTo(*device.api());
    device.api()->setTransferTimeout(std::chrono::milliseconds(parser.value(timeout).toInt()));
    device.engine()->setBatchSize(parser.value(batch).toInt());
    device.engine()->setPageSize(parser.value(page).toInt());
    device.engine()->setPeriodicInterval(std::chrono::milliseconds(0));

    if (auto opened = waitFor([&](Device::Done d) { device.open(d); }); !opened.ok())
        return fail(opened.error());
    Store *store = device.store();

    if (command == QLatin1String("login")) {
        QString pw = parser.value(password);
        if (pw == QLatin1String("-")) {
            QTextStream in(stdin);
            pw = in.readLine();
        }
        auto r = waitFor([&](Device::Done d) { device.signIn(parser.value(server), parser.value(user), pw, parser.value(deviceName), d); });
        if (!r.ok())
            return fail(r.error());
        const auto &u = device.session()->user();
        out() << "signed in as " << u.username << " (" << u.role << ", team " << u.team << "), device " << device.session()->deviceId() << Qt::endl;
        return 0;
    }

    if (command == QLatin1String("sync")) {
        SyncEngine *engine = device.engine();
        QString lastError;
        QObject::connect(engine, &SyncEngine::syncError, [&](const QString &code, const QString &message) {
            lastError = code + QStringLiteral(": ") + message;
        });
        QElapsedTimer timer;
        timer.start();
        auto r = waitFor([&](Device::Done d) {
            QObject::connect(engine, &SyncEngine::finished, engine, [d](bool ok) {
                d(ok ? Result<void>() : Result<void>(Error(ErrorCode::NetworkError, QStringLiteral("sync did not complete"))));
            }, Qt::SingleShotConnection);
            engine->syncNow();
        });
        const auto &s = engine->stats();
        if (parser.isSet(json)) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("ok"), r.ok()},
                                               {QStringLiteral("ms"), timer.elapsed()},
                                               {QStringLiteral("pushed"), s.pushed},
                                               {QStringLiteral("pulled"), s.pulled},
                                               {QStringLiteral("requests"), s.requests},
                                               {QStringLiteral("bytes_sent"), s.bytesSent},
                                               {QStringLiteral("bytes_received"), s.bytesReceived},
                                               {QStringLiteral("applied"), s.outcomes.applied},
                                               {QStringLiteral("merged"), s.outcomes.merged},
                                               {QStringLiteral("conflicts"), s.outcomes.conflicts},
                                               {QStringLiteral("locked"), s.outcomes.locked},
                                               {QStringLiteral("rejected"), s.outcomes.rejected},
                                               {QStringLiteral("error"), lastError}})
                         .toJson(QJsonDocument::Compact)
                  << Qt::endl;
        } else {
            out() << (r.ok() ? "sync complete" : "sync failed") << ": pushed " << s.pushed << ", pulled " << s.pulled << " in "
                  << timer.elapsed() << " ms (" << s.requests << " requests)";
            if (!lastError.isEmpty())
                out() << "; " << lastError;
            out() << Qt::endl;
        }
        return r.ok() ? 0 : 3;
    }

    if (command == QLatin1String("status")) {
        auto st = runOnStore<QJsonObject>(store, [](Database &db) -> Result<QJsonObject> {
            Outbox outbox(db);
            auto pending = outbox.pending(1000000);
            auto quarantined = outbox.quarantined();
            auto conflicts = ConflictStore(db).count();
            auto records = RecordRepository(db).count();
            auto cursor = SyncState(db).pullCursor();
            auto held = HeldRecords(db).all();
            if (!pending || !quarantined || !conflicts || !records || !cursor || !held)
                return Error(ErrorCode::StorageError, QStringLiteral("could not read the status"));
            return QJsonObject{{QStringLiteral("records"), records.value()},
                               {QStringLiteral("pending"), int(pending.value().size())},
                               {QStringLiteral("quarantined"), int(quarantined.value().size())},
                               {QStringLiteral("conflicts"), conflicts.value()},
                               {QStringLiteral("has_cursor"), !cursor.value().isEmpty()},
                               {QStringLiteral("held"), heldJson(held.value())}};
        });
        if (!st.ok())
            return fail(st.error());
        QJsonObject o = st.value();
        o.insert(QStringLiteral("signed_in"), device.session()->signedIn());
        o.insert(QStringLiteral("user"), device.session()->user().username);
        o.insert(QStringLiteral("server"), device.api()->baseUrl().toString());
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }

    if (command == QLatin1String("list") || command == QLatin1String("show")) {
        const QString arg = args.value(1);
        auto rows = runOnStore<QList<StoredRecord>>(store, [command, arg](Database &db) -> Result<QList<StoredRecord>> {
            RecordRepository repo(db);
            if (command == QLatin1String("show")) {
                auto one = repo.byId(arg);
                if (!one)
                    return one.error();
                return QList<StoredRecord>{one.value()};
            }
            if (arg.isEmpty()) {
                QList<StoredRecord> all;
                for (const char *t : {"child", "visit", "direct_work", "review", "supervision"}) {
                    auto part = repo.byType(QString::fromLatin1(t), 1000000);
                    if (!part)
                        return part.error();
                    all += part.value();
                }
                return all;
            }
            return repo.byType(arg, 1000000);
        });
        if (!rows.ok())
            return fail(rows.error());
        for (const StoredRecord &r : rows.value()) {
            if (parser.isSet(json) || command == QLatin1String("show")) {
                out() << QJsonDocument(QJsonObject{{QStringLiteral("rev"), r.rev}, {QStringLiteral("record"), r.body}})
                             .toJson(QJsonDocument::Compact)
                      << Qt::endl;
            } else {
                out() << r.id << '\t' << r.type << '\t' << r.state << "\trev " << r.rev << '\t' << wire::titleOf(r.body) << Qt::endl;
            }
        }
        return 0;
    }

    if (command == QLatin1String("create-demo")) {
        const int n = qBound(1, parser.value(count).toInt(), 1000000);
        const QString childId = parser.value(child);
        const QString author = device.session()->user().id;
        auto made = runOnStore<int>(store, [n, childId, author](Database &db) -> Result<int> {
            RecordRepository repo(db);
            QString target = childId;
            if (target.isEmpty()) {
                auto caseload = repo.caseload();
                if (!caseload)
                    return caseload.error();
                if (caseload.value().isEmpty())
                    return Error(ErrorCode::NotFound, QStringLiteral("no children on this device yet: sync first"));
                target = caseload.value().first().id;
            }
            Transaction tx(db); // one transaction for a bulk demo load; each save still queues its mutation
            if (!tx.ok())
                return tx.error();
            for (int i = 0; i < n; ++i) {
                if (auto saved = repo.save(demoVisit(target, author, i)); !saved)
                    return saved.error();
            }
            if (auto c = tx.commit(); !c)
                return c.error();
            return n;
        });
        if (!made.ok())
            return fail(made.error());
        out() << "created " << made.value() << " demo visit(s)" << Qt::endl;
        return 0;
    }

    if (command == QLatin1String("edit") || command == QLatin1String("resolve")) {
        const QString recordId = parser.value(id);
        const QString name = parser.value(field);
        QJsonValue newValue;
        if (parser.isSet(value)) {
            const QJsonDocument doc = QJsonDocument::fromJson("[" + parser.value(value).toUtf8() + "]");
            if (!doc.isArray() || doc.array().size() != 1)
                return fail(Error(ErrorCode::InvalidInput, QStringLiteral("--value must be JSON"), QStringLiteral("value")));
            newValue = doc.array().first();
        }
        const QString side = parser.value(take);
        auto r = runOnStore<bool>(store, [command, recordId, name, newValue, side](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            Transaction tx(db);
            if (!tx.ok())
                return tx.error();
            auto current = repo.byId(recordId);
            if (!current)
                return current.error();
            QJsonValue chosen = newValue;
            if (command == QLatin1String("resolve")) {
                ConflictStore conflicts(db);
                auto held = conflicts.forRecord(recordId);
                if (!held)
                    return held.error();
                const auto it = std::find_if(held.value().begin(), held.value().end(), [&](const ConflictEntry &c) { return c.field == name; });
                if (it == held.value().end())
                    return Error(ErrorCode::NotFound, QStringLiteral("no conflict on that field"), QStringLiteral("field"));
                if (side == QLatin1String("mine"))
                    chosen = it->mine;
                else if (side == QLatin1String("theirs"))
                    chosen = it->theirs;
                else if (newValue.isUndefined())
                    return Error(ErrorCode::InvalidInput, QStringLiteral("say --take mine|theirs or give --value"), QStringLiteral("take"));
                if (auto r = SyncApplier(db).resolveConflict(recordId, name, chosen); !r)
                    return r.error();
            } else {
                QJsonObject body = current.value().body;
                body.insert(name, chosen);
                if (auto saved = repo.save(body); !saved)
                    return saved.error();
            }
            if (auto c = tx.commit(); !c)
                return c.error();
            return true;
        });
        if (!r.ok())
            return fail(r.error());
        out() << "saved" << Qt::endl;
        return 0;
    }

    if (command == QLatin1String("conflicts") || command == QLatin1String("outbox")) {
        auto r = runOnStore<QJsonArray>(store, [command](Database &db) -> Result<QJsonArray> {
            QJsonArray list;
            if (command == QLatin1String("conflicts")) {
                auto all = ConflictStore(db).all();
                if (!all)
                    return all.error();
                for (const ConflictEntry &c : all.value())
                    list.append(QJsonObject{{QStringLiteral("record_id"), c.recordId}, {QStringLiteral("field"), c.field},
                                            {QStringLiteral("base"), c.base}, {QStringLiteral("mine"), c.mine},
                                            {QStringLiteral("theirs"), c.theirs}});
            } else {
                Outbox outbox(db);
                auto pending = outbox.pending(100000);
                auto quarantined = outbox.quarantined();
                if (!pending || !quarantined)
                    return Error(ErrorCode::StorageError, QStringLiteral("could not read the outbox"));
                for (const auto &set : {pending.value(), quarantined.value()})
                    for (const OutboxEntry &e : set)
                        list.append(QJsonObject{{QStringLiteral("mutation_id"), e.mutationId}, {QStringLiteral("record_id"), e.recordId},
                                                {QStringLiteral("status"), e.status}, {QStringLiteral("reason"), e.lastError}});
            }
            return list;
        });
        if (!r.ok())
            return fail(r.error());
        for (const QJsonValue &v : r.value())
            out() << QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }

    if (command == QLatin1String("verify-audit")) {
        auto r = runOnStore<AuditCheck>(store, [](Database &db) { return AuditLog(db).verifyChain(); });
        if (!r.ok())
            return fail(r.error());
        out() << (r.value().intact ? "audit chain verified" : "audit chain BROKEN") << " (" << r.value().events << " events)" << Qt::endl;
        return r.value().intact ? 0 : 4;
    }

    return fail(Error(ErrorCode::InvalidInput, QStringLiteral("unknown command %1").arg(command)));
}
