// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// doorstep-store-demo: the client's storage foundation end to end, on the
// command line. The database key comes from the OS keychain (created on first
// run, never written anywhere else), the SQLCipher store is opened with it, a
// fictional child and visit are saved (record + outbox mutation + audit event
// in one transaction each) and read back, and the submission rules are run.
// Every name and detail below is invented.

#include "core/result.h"
#include "core/rules.h"
#include "core/store/auditlog.h"
#include "core/store/store.h"
#include "core/wire.h"
#include "platform/awaitfuture.h"
#include "platform/databasekeyprovider.h"
#include "platform/paths.h"
#include "platform/qtkeychainkeystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

using namespace doorstep;

namespace {

// Fixed ids, so a rerun updates the same demo records instead of piling up copies.
const QString kChildId = QStringLiteral("d0000000-0000-4000-8000-00000000c001");
const QString kVisitId = QStringLiteral("d0000000-0000-4000-8000-00000000f001");
const QString kActionId = QStringLiteral("d0000000-0000-4000-8000-00000000a001");
const QString kAuthor = QStringLiteral("worker1");
constexpr int kTimeoutMs = 60000;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject demoChild(const QDateTime &now)
{
    return QJsonObject{
        {QStringLiteral("schema"), wire::kSchemaVersion},
        {QStringLiteral("type"), QStringLiteral("child")},
        {QStringLiteral("id"), kChildId},
        {QStringLiteral("author"), kAuthor},
        {QStringLiteral("created_at"), iso(now.addDays(-30))},
        {QStringLiteral("first_name"), QStringLiteral("Jamie")},
        {QStringLiteral("last_name"), QStringLiteral("Example")},
        {QStringLiteral("date_of_birth"), QStringLiteral("2015-05-20")},
        {QStringLiteral("legal_status"), QStringLiteral("child_in_need")},
        {QStringLiteral("allocated_worker"), kAuthor},
        {QStringLiteral("team"), QStringLiteral("team-north")},
        {QStringLiteral("plan"),
         QJsonObject{{QStringLiteral("visiting_frequency"),
                      QJsonObject{{QStringLiteral("every"), 20}, {QStringLiteral("unit"), QStringLiteral("working_days")}}},
                     {QStringLiteral("contingency"),
                      QStringLiteral("If school attendance falls below 80%, hold an early review.")},
                     {QStringLiteral("actions"), QJsonArray()}}},
    };
}

QJsonObject demoVisit(const QDateTime &now)
{
    const QDateTime started = now.addDays(-1).addSecs(-2 * 3600);
    const QJsonObject card{
        {QStringLiteral("child_id"), kChildId},
        {QStringLiteral("seen"), true},
        {QStringLiteral("seen_alone"), false},
        {QStringLiteral("not_seen_alone_reason"), QStringLiteral("child_refused")},
        {QStringLiteral("bedroom_seen"), true},
        {QStringLiteral("safety_concern"), false},
        {QStringLiteral("child_views"), QStringLiteral("I want my dad there when we talk. School is OK.")},
        {QStringLiteral("observations"), QStringLiteral("Relaxed, talkative, clean clothes.")},
    };
    return QJsonObject{
        {QStringLiteral("schema"), wire::kSchemaVersion},
        {QStringLiteral("type"), QStringLiteral("visit")},
        {QStringLiteral("id"), kVisitId},
        {QStringLiteral("state"), QStringLiteral("submitted")},
        {QStringLiteral("author"), kAuthor},
        {QStringLiteral("created_at"), iso(started)},
        {QStringLiteral("submitted_at"), iso(now.addSecs(-60))},
        {QStringLiteral("started_at"), iso(started)},
        {QStringLiteral("ended_at"), iso(started.addSecs(3600))},
        {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
        {QStringLiteral("announced"), true},
        {QStringLiteral("location"), QStringLiteral("home")},
        {QStringLiteral("rationale"), QStringLiteral("Child in need visit: review the plan after the school meeting.")},
        {QStringLiteral("present"), QStringLiteral("Jamie, father")},
        {QStringLiteral("children"), QJsonArray{card}},
        {QStringLiteral("analysis_risks"), QStringLiteral("Missed school days last month.")},
        {QStringLiteral("analysis_strengths"), QStringLiteral("Warm relationship with father.")},
        {QStringLiteral("actions"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), kActionId},
                                {QStringLiteral("what"), QStringLiteral("Ask the school for weekly attendance figures")},
                                {QStringLiteral("owner"), kAuthor},
                                {QStringLiteral("due"), now.addDays(7).date().toString(Qt::ISODate)},
                                {QStringLiteral("status"), QStringLiteral("open")}}}},
    };
}

QString yesNo(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return QStringLiteral("not answered");
}

void printViolations(const QString &what, const QList<rules::Violation> &violations)
{
    if (violations.isEmpty()) {
        out() << "  " << what << ": no rule violations\n";
        return;
    }
    out() << "  " << what << ": " << violations.size() << " rule violation(s)\n";
    for (const rules::Violation &v : violations)
        out() << "    - " << v.field << " [" << v.code << "] " << v.message << "\n";
}

int fail(const QString &step, const Error &error)
{
    QTextStream err(stderr);
    err << "doorstep-store-demo: " << step << " failed: " << errorCodeName(error.code) << ": " << error.message
        << "\n";
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Doorstep"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOORSTEP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Saves and reads back a fictional child and visit in the encrypted client store, "
        "keyed from the OS keychain."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"), QStringLiteral("Directory for the client database (default: %1).").arg(paths::dataDirectory()),
        QStringLiteral("dir"));
    parser.addOption(dataDirOption);
    parser.process(app);

    const Result<QString> dataDir = paths::ensureDataDirectory(parser.value(dataDirOption));
    if (!dataDir)
        return fail(QStringLiteral("creating the data directory"), dataDir.error());
    const QString dbPath = paths::databasePath(dataDir.value());
    const bool existed = QFileInfo::exists(dbPath);

    out() << "Doorstep client store demo (fictional data)\n";
    out() << "  database: " << dbPath << (existed ? " (existing)" : " (new)") << "\n";

    // 1. The key: only ever in the OS keychain.
    QtKeychainKeyStore keyStore;
    DatabaseKeyProvider keys(&keyStore);
    Result<QByteArray> key = awaitResult(keys.keyFor(dbPath), kTimeoutMs);
    if (!key)
        return fail(QStringLiteral("getting the database key"), key.error());
    out() << "  key: " << DatabaseKeyProvider::KeySize * 8 << "-bit key from the OS keychain (service \""
          << keyStore.service() << "\", entry " << DatabaseKeyProvider::entryNameFor(dbPath) << ")"
          << (existed ? "" : ", created for this new database") << "\n";

    // 2. The encrypted store, on its own thread.
    Store store;
    const Result<void> opened = awaitResult(store.open(dbPath, std::move(key).value()), kTimeoutMs);
    if (!opened)
        return fail(QStringLiteral("opening the store"), opened.error());
    const Result<void> actor = awaitResult(store.run<void>([](Database &db) {
        db.setActor(kAuthor);
        return Result<void>();
    }), kTimeoutMs);
    if (!actor)
        return fail(QStringLiteral("setting the actor"), actor.error());
    out() << "  store: SQLCipher " << Database::kCipherVersion << ", schema version " << Database::latestVersion()
          << "\n\n";

    // 3. The rules, before saving (the repository checks them again on submit).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject child = demoChild(now);
    const QJsonObject visit = demoVisit(now);
    out() << "Submission rules (doorstep::rules::checkSubmission):\n";
    printViolations(QStringLiteral("demo child"), rules::checkSubmission(child, now));
    printViolations(QStringLiteral("demo visit"), rules::checkSubmission(visit, now));
    // What a worker would be told for an incomplete visit (not saved).
    QJsonObject incomplete = visit;
    incomplete.insert(QStringLiteral("rationale"), QString());
    QJsonArray cards = incomplete.value(QStringLiteral("children")).toArray();
    QJsonObject card = cards.at(0).toObject();
    card.remove(QStringLiteral("not_seen_alone_reason"));
    cards.replace(0, card);
    incomplete.insert(QStringLiteral("children"), cards);
    printViolations(QStringLiteral("same visit without rationale or not-seen-alone reason"),
                    rules::checkSubmission(incomplete, now));
    out() << "\n";

    // 4. Save: each call is one transaction (record + outbox mutation + audit event).
    const Result<StoredRecord> savedChild = awaitResult(store.saveRecord(child), kTimeoutMs);
    if (!savedChild)
        return fail(QStringLiteral("saving the demo child"), savedChild.error());
    const Result<StoredRecord> savedVisit = awaitResult(store.saveRecord(visit), kTimeoutMs);
    if (!savedVisit)
        return fail(QStringLiteral("saving the demo visit"), savedVisit.error());

    // 5. Read back from the encrypted file.
    const Result<StoredRecord> readVisit = awaitResult(store.record(kVisitId), kTimeoutMs);
    if (!readVisit)
        return fail(QStringLiteral("reading the demo visit"), readVisit.error());
    const QJsonObject body = readVisit->body;
    out() << "Saved and read back:\n";
    out() << "  child: " << wire::titleOf(savedChild->body) << "\n";
    out() << "  visit: " << wire::titleOf(body) << " [" << readVisit->state << "]\n";
    const QJsonArray readCards = body.value(QStringLiteral("children")).toArray();
    for (const QJsonValue &c : readCards) {
        const QJsonObject o = c.toObject();
        out() << "    seen: " << yesNo(o.value(QStringLiteral("seen"))) << ", seen alone: "
              << yesNo(o.value(QStringLiteral("seen_alone")));
        if (o.value(QStringLiteral("seen_alone")) == QJsonValue(false))
            out() << " (reason: " << o.value(QStringLiteral("not_seen_alone_reason")).toString() << ")";
        out() << "\n";
    }

    const Result<QList<StoredRecord>> chronology = awaitResult(store.chronology(kChildId), kTimeoutMs);
    if (!chronology)
        return fail(QStringLiteral("reading the chronology"), chronology.error());
    out() << "  chronology of the child: " << chronology->size() << " record(s)\n";

    const Result<int> unsynced = awaitResult(store.unsyncedCount(), kTimeoutMs);
    if (!unsynced)
        return fail(QStringLiteral("counting the outbox"), unsynced.error());
    out() << "  outbox: " << unsynced.value() << " change(s) waiting to sync\n";

    const Result<AuditCheck> audit = awaitResult(store.verifyAuditChain(), kTimeoutMs);
    if (!audit)
        return fail(QStringLiteral("verifying the audit chain"), audit.error());
    out() << "  audit chain: " << audit->events << " event(s), "
          << (audit->intact ? QStringLiteral("verified intact")
                            : QStringLiteral("BROKEN at event %1: %2").arg(audit->firstBadSeq).arg(audit->problem))
          << "\n";
    const Result<QList<AuditEvent>> events = awaitResult(store.run<QList<AuditEvent>>([](Database &db) {
        return AuditLog(db).events();
    }), kTimeoutMs);
    if (!events)
        return fail(QStringLiteral("reading the audit log"), events.error());
    // Only the latest few: a long-lived demo database keeps every run's events.
    const QList<AuditEvent> &all = events.value();
    for (qsizetype i = std::max<qsizetype>(0, all.size() - 4); i < all.size(); ++i)
        out() << "    #" << all[i].seq << " " << all[i].at << " " << all[i].action << " " << all[i].recordId << " by "
              << all[i].actor << "\n";
    out().flush();

    const Result<void> closed = awaitResult(store.close(), kTimeoutMs);
    if (!closed)
        return fail(QStringLiteral("closing the store"), closed.error());
    return audit->intact ? 0 : 1;
}
