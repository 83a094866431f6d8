// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "demoseed.h"

#include "adminservice.h"
#include "auditlog.h"
#include "core/domain.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "recordstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

namespace doorstep::server {

namespace {

// Plainly fictional: plant-and-object surnames, a "Demo" town. No real person's data.
const char *const kFirst[] = {"Alex", "Bea", "Cal", "Dara", "Eli", "Fern", "Gus", "Hana", "Ira", "Jo",
                              "Kit", "Lumi", "Milo", "Nia", "Oz", "Pip", "Quinn", "Rae", "Sol", "Tam"};
const char *const kLast[] = {"Applewhistle", "Bramblecombe", "Cobblewick", "Dandelion", "Elderberry", "Foxglove",
                             "Gooseberry", "Hollyhock", "Inkwell", "Juniperfold", "Kettleby", "Lanternmoss",
                             "Marigold", "Nettlecombe", "Oakapple", "Puddingstone", "Quillfeather", "Rosehip",
                             "Snapdragon", "Thimbleweed"};
const char *const kEthnicity[] = {"White British", "Mixed White and Black Caribbean", "Asian British Pakistani",
                                  "Black African", "White Eastern European", "Chinese", "Any other ethnic group"};
const char *const kLanguage[] = {"English", "English", "English", "Polish", "Urdu", "Somali", "Romanian"};
const char *const kReligion[] = {"None", "Christian", "Muslim", "Not stated", "Hindu", "Sikh"};
const char *const kLegal[] = {"child_in_need", "child_protection", "looked_after", "early_help", "child_protection", "child_in_need"};
const char *const kCp[] = {"neglect", "emotional", "physical", "multiple"};
const char *const kActivity[] = {"life_story", "keeping_safe", "wishes_and_feelings", "domestic_abuse_awareness"};

QString s(const char *c)
{
    return QString::fromUtf8(c);
}

QJsonObject action(const QString &what, const QString &owner, const QDate &due, const QString &status)
{
    return {{QStringLiteral("id"), wire::newUuid()}, {QStringLiteral("what"), what}, {QStringLiteral("owner"), owner},
            {QStringLiteral("due"), due.toString(Qt::ISODate)}, {QStringLiteral("status"), status}};
}

} // namespace

Result<DemoSeed::Summary> DemoSeed::run(const Database &database, const QByteArray &password, const QDateTime &now)
{
    Summary summary;
    AdminService admin(database, QStringLiteral("seed-demo"));
    QString teams[2];
    const char *const teamNames[2] = {"Demo North Team", "Demo South Team"};
    for (int t = 0; t < 2; ++t) {
        auto id = admin.createTeam(s(teamNames[t]));
        if (!id)
            return id.error();
        teams[t] = id.value();
    }
    QString managers[2];
    QString workers[6];
    static const char *const managerNames[] = {"Helen Okoro", "David Price"};
    static const char *const workerNames[] = {"Sam Patel", "Rhian Evans", "Tom Whitfield", "Grace Mensah", "Aled Jones", "Priya Shah"};
    for (int t = 0; t < 2; ++t) {
        auto m = admin.createUser(QStringLiteral("manager%1").arg(t + 1), password, QStringLiteral("manager"), teams[t],
                                  QString::fromLatin1(managerNames[t]));
        if (!m)
            return m.error();
        managers[t] = m.value();
        ++summary.users;
        for (int w = 0; w < 3; ++w) {
            auto u = admin.createUser(QStringLiteral("worker%1").arg(t * 3 + w + 1), password, QStringLiteral("worker"), teams[t],
                                      QString::fromLatin1(workerNames[t * 3 + w]));
            if (!u)
                return u.error();
            workers[t * 3 + w] = u.value();
            ++summary.users;
        }
    }
    if (auto a = admin.createUser(QStringLiteral("admin"), password, QStringLiteral("admin"), QString()); !a)
        return a.error();
    ++summary.users;

    QRandomGenerator rng(20260301);
    const QDate today = now.date();
    const QString createdAt = now.addDays(-380).toString(Qt::ISODate);

    for (int i = 0; i < 60; ++i) {
        const int worker = i % 6;
        const int team = worker / 3;
        const QString workerId = workers[worker];
        const QString childId = wire::newUuid();
        if (auto a = admin.allocate(childId, workerId); !a)
            return a.error();
        const QString legal = s(kLegal[i % 6]);
        QJsonObject child{{QStringLiteral("schema"), wire::kSchemaVersion},
                          {QStringLiteral("type"), QStringLiteral("child")},
                          {QStringLiteral("id"), childId},
                          {QStringLiteral("author"), managers[team]},
                          {QStringLiteral("created_at"), createdAt},
                          {QStringLiteral("first_name"), s(kFirst[i % 20])},
                          {QStringLiteral("last_name"), s(kLast[(i * 7) % 20])},
                          {QStringLiteral("date_of_birth"), today.addYears(-(2 + (i * 5) % 15)).addDays(-(i * 11) % 300).toString(Qt::ISODate)},
                          {QStringLiteral("gender"), (i % 3 == 0) ? QStringLiteral("Female") : (i % 3 == 1 ? QStringLiteral("Male") : QStringLiteral("Non-binary"))},
                          {QStringLiteral("ethnicity"), s(kEthnicity[i % 7])},
                          {QStringLiteral("first_language"), s(kLanguage[i % 7])},
                          {QStringLiteral("interpreter_needed"), s(kLanguage[i % 7]) != QLatin1String("English") && i % 2 == 0},
                          {QStringLiteral("religion"), s(kReligion[i % 6])},
                          {QStringLiteral("disability"), i % 5 == 0 ? QStringLiteral("Autism spectrum condition; EHC plan") : QStringLiteral("None known")},
                          {QStringLiteral("address"), QStringLiteral("%1 Example Lane, Demotown, DT%2 0ZZ").arg(i + 1).arg(1 + i % 9)},
                          {QStringLiteral("legal_status"), legal},
                          {QStringLiteral("allocated_worker"), workerId},
                          {QStringLiteral("team"), teams[team]}};
        if (legal == QLatin1String("child_protection"))
            child.insert(QStringLiteral("cp_category"), s(kCp[i % 4]));
        const int every = legal == QLatin1String("child_protection") ? 10 : (legal == QLatin1String("looked_after") ? 42 : 28);
        child.insert(QStringLiteral("plan"),
                     QJsonObject{{QStringLiteral("visiting_frequency"),
                                  QJsonObject{{QStringLiteral("every"), every},
                                              {QStringLiteral("unit"), every == 10 ? QStringLiteral("working_days") : QStringLiteral("calendar_days")}}},
                                 {QStringLiteral("contingency"), QStringLiteral("If the home situation deteriorates or the child reports feeling unsafe, "
                                                                                "convene a strategy discussion within one working day.")},
                                 {QStringLiteral("actions"),
                                  QJsonArray{action(QStringLiteral("Attend weekly school check-in with the designated safeguarding lead"),
                                                    QStringLiteral("School DSL"), today.addDays(14), QStringLiteral("open")),
                                             action(QStringLiteral("Complete a parenting assessment and share the report with the family"),
                                                    QStringLiteral("Allocated social worker"), today.addDays(28), QStringLiteral("open")),
                                             action(QStringLiteral("Register with a GP and attend a health review"),
                                                    QStringLiteral("Carer"), today.addDays(-30), QStringLiteral("done"))}}});
        // Most plans say why the child is visited this often; a few leave it for the worker to add
        // (the child's page then prompts for it).
        if (i % 4 != 3) {
            const QString why = legal == QLatin1String("child_protection")
                ? QStringLiteral("Set at the initial child protection conference: the home conditions and the child's "
                                 "presentation need seeing every two working weeks.")
                : legal == QLatin1String("looked_after")
                ? QStringLiteral("Placement stable for over six months; agreed at the last review with the child and the carers.")
                : QStringLiteral("Agreed with the family at the child in need meeting; reviewed at the next one.");
            child.insert(QStringLiteral("visiting_frequency_reason"), why);
        }
        // Every fifth child changed worker three months ago, as a manager's reallocation records it
        // (their chronology shows the move and why).
        if (i % 5 == 1) {
            const int previous = team * 3 + (worker % 3 + 1) % 3;
            child.insert(QStringLiteral("allocations"),
                         QJsonArray{QJsonObject{{QStringLiteral("at"), now.addDays(-90).toString(Qt::ISODate)},
                                                {QStringLiteral("worker"), workerId},
                                                {QStringLiteral("worker_name"), QString::fromLatin1(workerNames[worker])},
                                                {QStringLiteral("previous_worker"), workers[previous]},
                                                {QStringLiteral("previous_worker_name"), QString::fromLatin1(workerNames[previous])},
                                                {QStringLiteral("reason"), QStringLiteral("%1's caseload is over the team's limit; %2 knows the "
                                                                                          "family from the school work.")
                                                                               .arg(QString::fromLatin1(workerNames[previous]).section(u' ', 0, 0),
                                                                                    QString::fromLatin1(workerNames[worker]).section(u' ', 0, 0))},
                                                {QStringLiteral("decided_by"), managers[team]},
                                                {QStringLiteral("decided_by_name"), QString::fromLatin1(managerNames[team])}}});
        }
        if (legal == QLatin1String("looked_after"))
            child.insert(QStringLiteral("placement"), QJsonObject{{QStringLiteral("start"), today.addDays(-300).toString(Qt::ISODate)},
                                                                 {QStringLiteral("kind"), QStringLiteral("standard")},
                                                                 {QStringLiteral("first_review"), today.addDays(-280).toString(Qt::ISODate)}});
        if (auto v = wire::validateRecord(child); !v)
            return Error(ErrorCode::Internal, QStringLiteral("demo child invalid at %1: %2").arg(v.error().field, v.error().message));

        QList<QJsonObject> records{child};
        // A year of visits, every ~5 weeks, older ones approved, some returned, the latest submitted or draft.
        const int visits = 9 + i % 4;
        for (int v = 0; v < visits; ++v) {
            const QDateTime start = now.addDays(-(visits - v) * 35 + rng.bounded(5)).date().startOfDay(Qt::UTC).addSecs(3600 * (9 + rng.bounded(7)));
            if (start >= now)
                continue;
            const bool last = v == visits - 1;
            const bool alone = rng.bounded(4) != 0;
            const bool concern = last && i % 9 == 0;
            QString state = QStringLiteral("approved");
            if (last)
                state = (i % 4 == 0) ? QStringLiteral("draft") : QStringLiteral("submitted");
            else if (v == visits - 2 && i % 5 == 0)
                state = QStringLiteral("returned");
            QJsonObject card{{QStringLiteral("child_id"), childId},
                             {QStringLiteral("seen"), true},
                             {QStringLiteral("seen_alone"), alone},
                             {QStringLiteral("bedroom_seen"), legal == QLatin1String("looked_after") ? QJsonValue() : QJsonValue(true)},
                             {QStringLiteral("safety_concern"), concern},
                             {QStringLiteral("child_views"), alone ? QStringLiteral("Said school is \"alright\" and wants more time with their friends.")
                                                                   : QStringLiteral("Shared a drawing of the family; said little in front of their carer.")},
                             {QStringLiteral("observations"), QStringLiteral("Presented as clean and appropriately dressed; engaged well.")}};
            if (!alone) {
                card.insert(QStringLiteral("not_seen_alone_reason"), QStringLiteral("unable_parent_refused"));
                card.insert(QStringLiteral("not_seen_alone_detail"), QStringLiteral("Parent declined; a school-based visit is planned."));
            }
            QJsonObject visit{{QStringLiteral("schema"), wire::kSchemaVersion},
                              {QStringLiteral("type"), QStringLiteral("visit")},
                              {QStringLiteral("id"), wire::newUuid()},
                              {QStringLiteral("state"), state},
                              {QStringLiteral("author"), workerId},
                              {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
                              {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
                              {QStringLiteral("ended_at"), start.addSecs(3600).toString(Qt::ISODate)},
                              {QStringLiteral("visit_type"), statutoryVisitFor(legal)},
                              {QStringLiteral("announced"), rng.bounded(3) != 0},
                              {QStringLiteral("location"), legal == QLatin1String("looked_after") ? QStringLiteral("placement") : QStringLiteral("home")},
                              {QStringLiteral("rationale"), QStringLiteral("Statutory visit under the plan; review progress on the agreed actions.")},
                              {QStringLiteral("present"), QStringLiteral("Child, parent/carer")},
                              {QStringLiteral("children"), QJsonArray{card}},
                              {QStringLiteral("analysis_risks"), QStringLiteral("Ongoing concerns about supervision in the evenings.")},
                              {QStringLiteral("analysis_strengths"), QStringLiteral("Warm relationship with grandparent; good school attendance.")},
                              {QStringLiteral("analysis_protective"), QStringLiteral("Extended family nearby and willing to help.")},
                              {QStringLiteral("diversity"), QStringLiteral("Visit arranged around prayer times; materials offered in the family's first language.")},
                              {QStringLiteral("interpreter_used"), s(kLanguage[i % 7]) != QLatin1String("English")},
                              {QStringLiteral("actions"), QJsonArray{action(QStringLiteral("Share visit summary with the school"), QStringLiteral("Social worker"),
                                                                            start.date().addDays(7), last ? QStringLiteral("open") : QStringLiteral("done"))}}};
            if (state != QLatin1String("draft"))
                visit.insert(QStringLiteral("submitted_at"), start.addSecs(86400).toString(Qt::ISODate));
            if (state == QLatin1String("approved") || state == QLatin1String("returned")) {
                visit.insert(QStringLiteral("reviewed_by"), managers[team]);
                visit.insert(QStringLiteral("reviewed_at"), start.addSecs(3 * 86400).toString(Qt::ISODate));
            }
            if (state == QLatin1String("returned"))
                visit.insert(QStringLiteral("return_reason"), QStringLiteral("Please record the child's own words and the reason the bedroom was not seen."));
            records.append(visit);
        }
        for (int d = 0; d < 3; ++d) {
            const QDate date = today.addDays(-(d + 1) * 100 - i % 20);
            records.append(QJsonObject{{QStringLiteral("schema"), wire::kSchemaVersion},
                                       {QStringLiteral("type"), QStringLiteral("direct_work")},
                                       {QStringLiteral("id"), wire::newUuid()},
                                       {QStringLiteral("state"), d == 0 ? QStringLiteral("submitted") : QStringLiteral("approved")},
                                       {QStringLiteral("author"), workerId},
                                       {QStringLiteral("created_at"), date.startOfDay(Qt::UTC).toString(Qt::ISODate)},
                                       {QStringLiteral("submitted_at"), date.startOfDay(Qt::UTC).addSecs(7200).toString(Qt::ISODate)},
                                       {QStringLiteral("child_ids"), QJsonArray{childId}},
                                       {QStringLiteral("session_date"), date.toString(Qt::ISODate)},
                                       {QStringLiteral("activity"), s(kActivity[(i + d) % 4])},
                                       {QStringLiteral("tools_used"), QStringLiteral("Three houses; feelings cards")},
                                       {QStringLiteral("aims"), QStringLiteral("Understand what makes the child feel safe at home and at school.")},
                                       {QStringLiteral("child_words"), QStringLiteral("\"I like it when we have tea together.\"")},
                                       {QStringLiteral("reflection"), QStringLiteral("The child engaged well and named two trusted adults.")},
                                       {QStringLiteral("next_steps"), QStringLiteral("Continue sessions fortnightly; share with the carer.")}});
            if (d != 0) {
                QJsonObject &last = records.last();
                last.insert(QStringLiteral("reviewed_by"), managers[team]);
                last.insert(QStringLiteral("reviewed_at"), date.startOfDay(Qt::UTC).addSecs(5 * 86400).toString(Qt::ISODate));
            }
        }
        for (const QJsonObject &r : records) {
            if (auto v = wire::validateRecord(r); !v)
                return Error(ErrorCode::Internal, QStringLiteral("demo %1 invalid at %2: %3")
                                                      .arg(r.value(QLatin1String("type")).toString(), v.error().field, v.error().message));
            // Anything past draft must pass the submission rules, as if it had been pushed.
            const QString state = r.value(QLatin1String("state")).toString();
            if (!state.isEmpty() && state != QLatin1String("draft")) {
                const QList<rules::Violation> violations = rules::checkSubmission(r, now);
                if (!violations.isEmpty())
                    return Error(ErrorCode::Internal, QStringLiteral("demo %1 breaks a rule at %2: %3")
                                                          .arg(r.value(QLatin1String("type")).toString(), violations.first().field,
                                                               violations.first().message));
            }
        }
        auto w = database.transact(DbCaller::none(), [&](QSqlDatabase &tx) -> Result<void> {
            for (const QJsonObject &r : records) {
                StoredRecord fresh;
                fresh.id = r.value(QLatin1String("id")).toString();
                fresh.type = r.value(QLatin1String("type")).toString();
                RecordStore::Write wr{r, teams[team], r.value(QLatin1String("author")).toString(), QString(), {}, false, {}};
                if (auto rev = RecordStore::write(database, tx, fresh, wr); !rev)
                    return rev.error();
            }
            return AuditLog::append(database, tx, {QStringLiteral("seed-demo"), QString(), QString(), QStringLiteral("admin.seed_demo"), childId,
                                                   QJsonObject{{QStringLiteral("records"), int(records.size())}}});
        });
        if (!w)
            return w.error();
        ++summary.children;
        summary.records += int(records.size());
    }
    return summary;
}

} // namespace doorstep::server
