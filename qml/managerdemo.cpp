// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "managerdemo.h"

#include "managersync.h"

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "dashboardviewmodel.h"
#include "demodata.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace doorstep::demodata {

namespace {
const char *const kWorkers[] = {"a1000000-0000-4000-8000-000000000001", "a1000000-0000-4000-8000-000000000002",
                                "a1000000-0000-4000-8000-000000000003"};
const char *const kWorkerNames[] = {"Wendy Adeyemi", "Tom Price", "Sara Hughes"};
const char *const kReasons[] = {"child_refused", "unable_parent_refused", "unable_child_not_home", "inappropriate_age_understanding"};

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}
} // namespace

QString demoManagerId()
{
    return QStringLiteral("a1000000-0000-4000-8000-0000000000aa");
}

QString demoTeamId()
{
    return QStringLiteral("a2000000-0000-4000-8000-000000000001");
}

Result<QStringList> seedTeam(Database &db, int children, const QDate &today)
{
    RecordRepository repo(db);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    QStringList ids;
    for (int i = 0; i < children; ++i) {
        QJsonObject c = child(i + 3, today);
        const QString worker = QString::fromLatin1(kWorkers[i % 3]);
        c.insert(QStringLiteral("allocated_worker"), worker);
        c.insert(QStringLiteral("team"), demoTeamId());
        // Some children moved worker a few weeks ago: the service's record of the move and why.
        if (i % 4 == 1) {
            const int from = (i + 1) % 3;
            c.insert(QStringLiteral("allocations"),
                     QJsonArray{QJsonObject{{QStringLiteral("at"), QDateTime(today.addDays(-40), QTime(14, 0), Qt::UTC).toString(Qt::ISODate)},
                                            {QStringLiteral("worker"), worker},
                                            {QStringLiteral("worker_name"), QString::fromLatin1(kWorkerNames[i % 3])},
                                            {QStringLiteral("previous_worker"), QString::fromLatin1(kWorkers[from])},
                                            {QStringLiteral("previous_worker_name"), QString::fromLatin1(kWorkerNames[from])},
                                            {QStringLiteral("reason"), QStringLiteral("Rebalancing the team's caseloads before the court work "
                                                                                      "starts; the new worker already knows the school.")},
                                            {QStringLiteral("decided_by"), demoManagerId()},
                                            {QStringLiteral("decided_by_name"), QStringLiteral("Mo Khan")}}});
        }
        if (auto r = repo.applyRemote(c, 1); !r)
            return r.error();
        const QString childId = c.value(u"id").toString();
        ids << childId;
        // Visits over the last four months; the most recent gap decides due and overdue.
        const int visits = 2 + i % 3;
        // Days since the last visit: some due this week, some overdue, some recently seen.
        static const int kGaps[] = {26, 3, 45, 24, 12, 60, 25, 8, 33, 17, 27, 5};
        const int firstGap = kGaps[i % 12];
        for (int k = 0; k < visits; ++k) {
            const int daysAgo = firstGap + k * 21;
            const int variant = i * 7 + k;
            QJsonObject v = visit(childId, daysAgo, variant, c.value(u"legal_status").toString());
            const QDateTime started = QDateTime::fromString(v.value(u"started_at").toString(), Qt::ISODate);
            QJsonObject card = v.value(u"children").toArray().first().toObject();
            const bool alone = variant % 4 != 1;
            card.insert(QStringLiteral("seen_alone"), alone);
            card.remove(QStringLiteral("not_seen_alone_reason"));
            if (!alone && variant % 5 != 3)
                card.insert(QStringLiteral("not_seen_alone_reason"), QString::fromLatin1(kReasons[(variant / 4) % 4]));
            if (variant % 6 == 2)
                card.remove(QStringLiteral("child_views"));
            v.insert(QStringLiteral("children"), QJsonArray{card});
            v.insert(QStringLiteral("author"), worker);
            // Recording takes 0 to 5 days; decisions 1 to 4 days, and the newest wait for one.
            const QDateTime submitted = started.addDays(variant % 6).addSecs(3600 * 3);
            v.insert(QStringLiteral("submitted_at"), iso(submitted));
            const bool decided = k > 0 || daysAgo > 10;
            v.insert(QStringLiteral("state"), decided ? QStringLiteral("approved") : QStringLiteral("submitted"));
            if (auto r = repo.applyRemote(v, 2); !r)
                return r.error();
            if (decided) {
                const QDateTime at = submitted.addDays(1 + variant % 4);
                const QJsonObject review{{QStringLiteral("schema"), wire::kSchemaVersion},
                                         {QStringLiteral("type"), QStringLiteral("review")},
                                         {QStringLiteral("id"), wire::newUuid()},
                                         {QStringLiteral("created_at"), iso(at)},
                                         {QStringLiteral("record_id"), v.value(u"id").toString()},
                                         {QStringLiteral("decision"), QStringLiteral("approve")},
                                         {QStringLiteral("rationale"), QStringLiteral("Analysis is clear and the child's views are recorded.")},
                                         {QStringLiteral("manager"), demoManagerId()},
                                         {QStringLiteral("decided_at"), iso(at)},
                                         {QStringLiteral("seen_rev"), 2}};
                if (auto r = repo.applyRemote(review, 3); !r)
                    return r.error();
            }
        }
        if (i == 1) {
            const QJsonObject supervision{
                {QStringLiteral("schema"), wire::kSchemaVersion},
                {QStringLiteral("type"), QStringLiteral("supervision")},
                {QStringLiteral("id"), wire::newUuid()},
                {QStringLiteral("state"), QStringLiteral("approved")},
                {QStringLiteral("author"), demoManagerId()},
                {QStringLiteral("created_at"), iso(QDateTime(today.addDays(-6), QTime(14, 0), Qt::UTC))},
                {QStringLiteral("submitted_at"), iso(QDateTime(today.addDays(-6), QTime(15, 0), Qt::UTC))},
                {QStringLiteral("child_id"), childId},
                {QStringLiteral("worker"), worker},
                {QStringLiteral("held_on"), today.addDays(-6).toString(Qt::ISODate)},
                {QStringLiteral("discussion"), QStringLiteral("Progress against the plan; school attendance has dropped to 82%.")},
                {QStringLiteral("decisions"), QStringLiteral("Stay on the plan; escalate to a strategy discussion if attendance falls further.")},
                {QStringLiteral("actions"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), wire::newUuid()},
                                        {QStringLiteral("what"), QStringLiteral("Meet the school's safeguarding lead")},
                                        {QStringLiteral("owner"), QString::fromLatin1(kWorkerNames[1])},
                                        {QStringLiteral("due"), today.addDays(5).toString(Qt::ISODate)},
                                        {QStringLiteral("status"), QStringLiteral("open")},
                                        {QStringLiteral("priority"), 1}}}}};
            if (auto r = repo.applyRemote(supervision, 4); !r)
                return r.error();
        }
    }
    QJsonObject names{{demoManagerId(), QStringLiteral("Mo Khan")}};
    for (int w = 0; w < 3; ++w)
        names.insert(QString::fromLatin1(kWorkers[w]), QString::fromLatin1(kWorkerNames[w]));
    if (auto r = SyncState(db).set(DashboardViewModel::userNamesKey(), QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact))); !r)
        return r.error();
    QJsonArray workers;
    for (int w = 0; w < 3; ++w)
        workers.append(QString::fromLatin1(kWorkers[w]));
    if (auto r = SyncState(db).set(ManagerSync::teamWorkersKey(), QString::fromUtf8(QJsonDocument(workers).toJson(QJsonDocument::Compact))); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return ids;
}

} // namespace doorstep::demodata
