// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "demodata.h"

#include "core/domain.h"
#include "core/merge.h"
#include "core/store/conflictstore.h"
#include "core/store/database.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/transaction.h"
#include "core/wire.h"

#include <QJsonArray>

namespace doorstep::demodata {

namespace {
const char *const kFirst[] = {"Amara", "Ben", "Chloe", "Dylan", "Ela", "Finn", "Gwen", "Harri", "Isla", "Jac",
                              "Kai", "Lowri", "Mali", "Noah", "Osian", "Poppy", "Rhys", "Sara", "Tomos", "Zara"};
const char *const kLast[] = {"Ashworth", "Bevan", "Carrow", "Dainty", "Evanson", "Fairley", "Griffin", "Hollis",
                             "Ince", "Jolly", "Kerrigan", "Lomax", "Marchant", "Nutley", "Oakes", "Pennant"};
const char *const kStatus[] = {"child_in_need", "child_protection", "looked_after", "early_help", "child_in_need", "care_leaver"};
const char *const kViews[] = {
    "\"I like it when Nan picks me up. I don't like it when Mum and Dad shout.\"",
    "\"School is OK. I want to do football again.\"",
    "\"My room is mine now and I put my posters up.\"",
    "\"I miss my brother. Can I see him at the weekend?\"",
};
QString s(const char *text) { return QString::fromUtf8(text); }
QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); }
} // namespace

QJsonObject child(int index, const QDate &today)
{
    const QString status = s(kStatus[index % 6]);
    QJsonObject plan{{QStringLiteral("contingency"),
                      index % 4 == 3 ? QString() : QStringLiteral("If Mum's mental health deteriorates, Nan (maternal grandmother) will care for the children; call the duty team.")},
                     {QStringLiteral("actions"),
                      QJsonArray{QJsonObject{{QStringLiteral("id"), wire::newUuid()},
                                             {QStringLiteral("what"), QStringLiteral("Referral to the young carers' group")},
                                             {QStringLiteral("owner"), QStringLiteral("Allocated social worker")},
                                             {QStringLiteral("due"), today.addDays(14).toString(Qt::ISODate)},
                                             {QStringLiteral("status"), QStringLiteral("open")}}}}};
    if (status == u"child_in_need")
        plan.insert(QStringLiteral("visiting_frequency"), QJsonObject{{QStringLiteral("every"), 20}, {QStringLiteral("unit"), QStringLiteral("working_days")}});
    QJsonObject c{{QStringLiteral("schema"), wire::kSchemaVersion},
                  {QStringLiteral("type"), QStringLiteral("child")},
                  {QStringLiteral("id"), wire::newUuid()},
                  {QStringLiteral("created_at"), iso(QDateTime(today.addYears(-1), QTime(9, 0), Qt::UTC))},
                  {QStringLiteral("first_name"), s(kFirst[index % 20])},
                  {QStringLiteral("last_name"), s(kLast[(index / 20 + index) % 16])},
                  {QStringLiteral("date_of_birth"), today.addYears(-(3 + index % 14)).addDays(-(index * 37) % 300).toString(Qt::ISODate)},
                  {QStringLiteral("gender"), index % 2 ? QStringLiteral("Male") : QStringLiteral("Female")},
                  {QStringLiteral("ethnicity"), QStringLiteral("White British")},
                  {QStringLiteral("first_language"), index % 5 == 0 ? QStringLiteral("Welsh") : QStringLiteral("English")},
                  {QStringLiteral("interpreter_needed"), false},
                  {QStringLiteral("religion"), QStringLiteral("None stated")},
                  {QStringLiteral("address"), QStringLiteral("%1 Example Street, Sampletown").arg(10 + index)},
                  {QStringLiteral("legal_status"), status},
                  {QStringLiteral("plan"), plan}};
    if (status == u"child_protection")
        c.insert(QStringLiteral("cp_category"), QStringLiteral("neglect"));
    if (plan.contains(u"visiting_frequency") && index % 4 != 3)
        c.insert(QStringLiteral("visiting_frequency_reason"),
                 QStringLiteral("Four-weekly, agreed with Mum at the child in need review while the young carers' referral is made."));
    if (status == u"looked_after")
        c.insert(QStringLiteral("placement"), QJsonObject{{QStringLiteral("start"), today.addDays(-200).toString(Qt::ISODate)},
                                                          {QStringLiteral("kind"), QStringLiteral("standard")},
                                                          {QStringLiteral("first_review"), QJsonValue::Null}});
    return c;
}

QJsonObject visit(const QString &childId, int daysAgo, int variant, const QString &legalStatus)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-daysAgo).addSecs(-3600 * 2 - variant % 600);
    const bool alone = variant % 3 != 1;
    QJsonObject card{{QStringLiteral("child_id"), childId},
                     {QStringLiteral("seen"), true},
                     {QStringLiteral("seen_alone"), alone},
                     {QStringLiteral("bedroom_seen"), true},
                     {QStringLiteral("safety_concern"), false},
                     {QStringLiteral("child_views"), s(kViews[variant % 4])},
                     {QStringLiteral("observations"), QStringLiteral("Clean and appropriately dressed; chatty and relaxed; showed me drawings from school.")}};
    if (!alone)
        card.insert(QStringLiteral("not_seen_alone_reason"), QStringLiteral("child_refused"));
    return QJsonObject{{QStringLiteral("schema"), wire::kSchemaVersion},
                       {QStringLiteral("type"), QStringLiteral("visit")},
                       {QStringLiteral("id"), wire::newUuid()},
                       {QStringLiteral("state"), variant % 7 == 0 ? QStringLiteral("draft") : QStringLiteral("submitted")},
                       {QStringLiteral("created_at"), iso(start)},
                       {QStringLiteral("submitted_at"), variant % 7 == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(iso(start.addSecs(7200)))},
                       {QStringLiteral("started_at"), iso(start)},
                       {QStringLiteral("ended_at"), iso(start.addSecs(3600))},
                       {QStringLiteral("visit_type"), statutoryVisitFor(legalStatus)},
                       {QStringLiteral("announced"), variant % 2 == 0},
                       {QStringLiteral("location"), QStringLiteral("home")},
                       {QStringLiteral("rationale"), QStringLiteral("Statutory visit under the plan: how the new school routine is going and whether Mum's support is in place.")},
                       {QStringLiteral("present"), QStringLiteral("Child, mother, maternal grandmother")},
                       {QStringLiteral("children"), QJsonArray{card}},
                       {QStringLiteral("analysis_risks"), QStringLiteral("Mother's low mood continues; GP support in place.")},
                       {QStringLiteral("analysis_strengths"), QStringLiteral("Warm relationship; routines in place; school attendance 96%.")},
                       {QStringLiteral("analysis_protective"), QStringLiteral("Grandmother visits daily.")},
                       {QStringLiteral("diversity"), QStringLiteral("Family speaks English at home; no interpreter needed.")},
                       {QStringLiteral("interpreter_used"), false},
                       {QStringLiteral("actions"), QJsonArray()}};
}

QJsonObject directWork(const QString &childId, int daysAgo)
{
    const QDateTime created = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    return QJsonObject{{QStringLiteral("schema"), wire::kSchemaVersion},
                       {QStringLiteral("type"), QStringLiteral("direct_work")},
                       {QStringLiteral("id"), wire::newUuid()},
                       {QStringLiteral("state"), QStringLiteral("submitted")},
                       {QStringLiteral("created_at"), iso(created)},
                       {QStringLiteral("submitted_at"), iso(created.addSecs(3600))},
                       {QStringLiteral("child_ids"), QJsonArray{childId}},
                       {QStringLiteral("session_date"), created.date().toString(Qt::ISODate)},
                       {QStringLiteral("activity"), QStringLiteral("wishes_and_feelings")},
                       {QStringLiteral("tools_used"), QStringLiteral("Three houses")},
                       {QStringLiteral("aims"), QStringLiteral("Hear what the child worries about, hopes for and what is going well.")},
                       {QStringLiteral("child_words"), QStringLiteral("\"My house of good things has my dog and my nan in it.\"")},
                       {QStringLiteral("reflection"), QStringLiteral("Engaged well for 40 minutes; worries centre on arguments at home.")},
                       {QStringLiteral("next_steps"), QStringLiteral("Share the three houses with Mum, with the child's agreement.")}};
}

Result<QStringList> seed(Database &db, int children, int recordsPerChild, const QDate &today)
{
    RecordRepository repo(db);
    QStringList ids;
    for (int i = 0; i < children; ++i) {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        const QJsonObject c = child(i, today);
        if (auto r = repo.save(c); !r)
            return r.error();
        // Spread visits over the past; some children are overdue (their last visit long ago).
        const int gap = i % 4 == 0 ? 40 : 9;
        for (int k = 0; k < recordsPerChild; ++k) {
            const QJsonObject rec = k % 5 == 4 ? directWork(c.value(u"id").toString(), gap + k * 9)
                                               : visit(c.value(u"id").toString(), gap + k * 9, i + k, c.value(u"legal_status").toString());
            if (auto r = repo.save(rec); !r)
                return r.error();
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        ids << c.value(u"id").toString();
    }
    return ids;
}

Result<QStringList> seedSynced(Database &db, int children, int recordsPerChild, const QDate &today)
{
    RecordRepository repo(db);
    QStringList ids;
    for (int i = 0; i < children; ++i) {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        const QJsonObject c = child(i, today);
        if (auto r = repo.applyRemote(c, 1); !r)
            return r.error();
        const int gap = i % 4 == 0 ? 40 : 9;
        for (int k = 0; k < recordsPerChild; ++k) {
            const QJsonObject rec = k % 5 == 4 ? directWork(c.value(u"id").toString(), gap + k * 9)
                                               : visit(c.value(u"id").toString(), gap + k * 9, i + k, c.value(u"legal_status").toString());
            const bool local = k == 0 && i % 10 == 0;
            if (local) {
                if (auto r = repo.save(rec); !r)
                    return r.error();
            } else if (auto r = repo.applyRemote(rec, 1); !r) {
                return r.error();
            }
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        ids << c.value(u"id").toString();
    }
    return ids;
}

Result<void> stageSyncExamples(Database &db, const QString &childId)
{
    RecordRepository repo(db);
    auto child = repo.byId(childId);
    if (!child)
        return child.error();
    const QString legalStatus = child.value().body.value(u"legal_status").toString();
    // Returned by the manager: arrives from the service with its reason.
    QJsonObject returned = visit(childId, 3, 2, legalStatus);
    returned.insert(QStringLiteral("state"), QStringLiteral("returned"));
    returned.insert(QStringLiteral("return_reason"),
                    QStringLiteral("Please say why Ben was not seen alone and what you will do to see him alone next time."));
    returned.insert(QStringLiteral("reviewed_by"), QStringLiteral("manager1"));
    returned.insert(QStringLiteral("reviewed_at"), QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate));
    if (auto r = repo.applyRemote(returned, 7); !r)
        return r.error();
    // A change the service refused for good.
    const QJsonObject refused = visit(childId, 2, 5, legalStatus);
    if (auto r = repo.save(refused); !r)
        return r.error();
    auto pending = Outbox(db).pending(100000);
    if (!pending)
        return pending.error();
    for (const OutboxEntry &e : pending.value()) {
        if (e.recordId == refused.value(u"id").toString()) {
            if (auto q = Outbox(db).quarantine(e.mutationId, QStringLiteral("This child is not allocated to you."),
                                                QStringLiteral("forbidden"), QStringLiteral("patch")); !q)
                return q;
        }
    }
    // The rationale changed here and on the service.
    QJsonObject shared = visit(childId, 6, 3, legalStatus);
    if (auto r = repo.applyRemote(shared, 4); !r)
        return r.error();
    merge::FieldConflict c;
    c.field = QStringLiteral("rationale");
    c.base = shared.value(u"rationale");
    c.mine = QStringLiteral("Statutory visit under the plan; also to check the new bedroom arrangements.");
    c.theirs = QStringLiteral("Statutory visit under the plan; school raised concerns about lateness.");
    shared.insert(QStringLiteral("rationale"), c.mine);
    if (auto r = repo.save(shared); !r)
        return r.error();
    if (auto r = ConflictStore(db).put(shared.value(u"id").toString(), c, 5); !r)
        return r;
    // A visit a newer version of Doorstep wrote: kept aside until this tablet's app is updated.
    QJsonObject newer = visit(childId, 1, 1, legalStatus);
    newer.insert(QStringLiteral("schema"), wire::kSchemaVersion + 1);
    return HeldRecords(db).hold(newer.value(u"id").toString(), 2, newer,
                                Error(ErrorCode::InvalidInput, QStringLiteral("written by a newer version of Doorstep"), QStringLiteral("schema")));
}

} // namespace doorstep::demodata
