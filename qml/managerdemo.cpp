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

// Moves between teams as the service lists them (GET /api/v1/transfers): a request from another
// team waiting for this one's answer, and two of this team's own, one waiting and one declined.
QJsonObject transfers(Database &db, const QStringList &ids, const QDate &today)
{
    const QString valley = QStringLiteral("a2000000-0000-4000-8000-000000000002");
    const QString assessment = QStringLiteral("a2000000-0000-4000-8000-000000000003");
    const auto at = [&today](int daysAgo) { return QDateTime(today.addDays(-daysAgo), QTime(10, 30), Qt::UTC).toString(Qt::ISODate); };
    const auto summary = [&db](const QString &id) {
        auto c = RecordRepository(db).byId(id);
        QJsonObject out;
        if (c.ok())
            for (const char *key : {"first_name", "last_name", "date_of_birth", "legal_status", "cp_category"})
                if (c.value().body.contains(QLatin1String(key)))
                    out.insert(QLatin1String(key), c.value().body.value(QLatin1String(key)));
        return out;
    };
    QJsonArray incoming{QJsonObject{
        {QStringLiteral("id"), QStringLiteral("a3000000-0000-4000-8000-000000000001")},
        {QStringLiteral("child_id"), QStringLiteral("a4000000-0000-4000-8000-000000000001")},
        {QStringLiteral("child"), QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Lily")}, {QStringLiteral("last_name"), QStringLiteral("Morgan")},
                                              {QStringLiteral("date_of_birth"), today.addYears(-9).addDays(-40).toString(Qt::ISODate)},
                                              {QStringLiteral("legal_status"), QStringLiteral("child_protection")},
                                              {QStringLiteral("cp_category"), QStringLiteral("emotional")}}},
        {QStringLiteral("from_team"), assessment}, {QStringLiteral("from_team_name"), QStringLiteral("Assessment Team")},
        {QStringLiteral("to_team"), demoTeamId()}, {QStringLiteral("to_team_name"), QStringLiteral("Demo Team")},
        {QStringLiteral("state"), QStringLiteral("pending")},
        {QStringLiteral("reason"), QStringLiteral("The assessment is complete and the initial conference made a plan on Tuesday; "
                                                  "the family lives in your area and needs a long-term worker.")},
        {QStringLiteral("requested_at"), at(2)}, {QStringLiteral("requested_by_name"), QStringLiteral("Ruth Bevan")},
        {QStringLiteral("held_by_name"), QStringLiteral("Jon Ellis")}}};
    QJsonArray outgoing;
    if (ids.size() > 5) {
        outgoing.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("a3000000-0000-4000-8000-000000000002")},
                                    {QStringLiteral("child_id"), ids.at(2)}, {QStringLiteral("child"), summary(ids.at(2))},
                                    {QStringLiteral("from_team"), demoTeamId()}, {QStringLiteral("from_team_name"), QStringLiteral("Demo Team")},
                                    {QStringLiteral("to_team"), valley}, {QStringLiteral("to_team_name"), QStringLiteral("Valley Team")},
                                    {QStringLiteral("state"), QStringLiteral("pending")},
                                    {QStringLiteral("reason"), QStringLiteral("The family moved to Aberfan last month; the Valley Team covers the school.")},
                                    {QStringLiteral("requested_at"), at(1)}, {QStringLiteral("requested_by_name"), QStringLiteral("Mo Khan")},
                                    {QStringLiteral("held_by_name"), QString::fromLatin1(kWorkerNames[2 % 3])}});
        outgoing.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("a3000000-0000-4000-8000-000000000003")},
                                    {QStringLiteral("child_id"), ids.at(5)}, {QStringLiteral("child"), summary(ids.at(5))},
                                    {QStringLiteral("from_team"), demoTeamId()}, {QStringLiteral("from_team_name"), QStringLiteral("Demo Team")},
                                    {QStringLiteral("to_team"), valley}, {QStringLiteral("to_team_name"), QStringLiteral("Valley Team")},
                                    {QStringLiteral("state"), QStringLiteral("declined")},
                                    {QStringLiteral("reason"), QStringLiteral("Isla's placement has moved into the Valley Team's area, and her new school is there.")},
                                    {QStringLiteral("requested_at"), at(9)}, {QStringLiteral("requested_by_name"), QStringLiteral("Mo Khan")},
                                    {QStringLiteral("decided_at"), at(6)}, {QStringLiteral("decided_by_name"), QStringLiteral("Carys Lloyd")},
                                    {QStringLiteral("decision_reason"), QStringLiteral("The placement is planned for six weeks only; ask again if it becomes long-term.")},
                                    {QStringLiteral("held_by_name"), QString::fromLatin1(kWorkerNames[5 % 3])}});
    }
    return {{QStringLiteral("teams"), QJsonArray{QJsonObject{{QStringLiteral("id"), assessment}, {QStringLiteral("name"), QStringLiteral("Assessment Team")}},
                                                 QJsonObject{{QStringLiteral("id"), valley}, {QStringLiteral("name"), QStringLiteral("Valley Team")}}}},
            {QStringLiteral("incoming"), incoming},
            {QStringLiteral("outgoing"), outgoing},
            {QStringLiteral("fetched_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
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
            // Before that, it came over from the assessment team once its assessment was done.
            const QJsonObject fromAssessment{{QStringLiteral("at"), QDateTime(today.addDays(-120), QTime(10, 30), Qt::UTC).toString(Qt::ISODate)},
                                             {QStringLiteral("worker"), QString::fromLatin1(kWorkers[from])},
                                             {QStringLiteral("worker_name"), QString::fromLatin1(kWorkerNames[from])},
                                             {QStringLiteral("previous_worker"), QStringLiteral("5e1d0c4a-0000-4000-8000-0000000000a1")},
                                             {QStringLiteral("previous_worker_name"), QStringLiteral("Lena Ortiz")},
                                             {QStringLiteral("team_name"), QStringLiteral("Demo Team")},
                                             {QStringLiteral("previous_team_name"), QStringLiteral("Assessment Team")},
                                             {QStringLiteral("reason"), QStringLiteral("Assessment complete: the child in need plan is held by "
                                                                                       "the long-term team.")},
                                             {QStringLiteral("decided_by"), demoManagerId()},
                                             {QStringLiteral("decided_by_name"), QStringLiteral("Mo Khan")}};
            c.insert(QStringLiteral("allocations"),
                     QJsonArray{fromAssessment,
                                QJsonObject{{QStringLiteral("at"), QDateTime(today.addDays(-40), QTime(14, 0), Qt::UTC).toString(Qt::ISODate)},
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
    if (auto r = SyncState(db).set(ManagerSync::transfersKey(),
                                   QString::fromUtf8(QJsonDocument(transfers(db, ids, today)).toJson(QJsonDocument::Compact)));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return ids;
}

} // namespace doorstep::demodata
