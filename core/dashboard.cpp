// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "dashboard.h"

#include "domain.h"
#include "rules.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <map>

namespace doorstep {

namespace {

void addChild(QStringList &ids, const QString &id)
{
    if (!ids.contains(id))
        ids.append(id);
}

void finish(QStringList &ids)
{
    ids.sort();
}

QJsonArray toArray(const QStringList &ids)
{
    return QJsonArray::fromStringList(ids);
}

// A figure under construction for one scope.
struct Builder {
    DashboardFigures f;

    void count(DashboardCount &c, const QString &childId)
    {
        ++c.count;
        addChild(c.childIds, childId);
    }
    void share(DashboardShare &s, bool counted, const QString &childId)
    {
        ++s.denominator;
        if (counted) {
            ++s.numerator;
            addChild(s.childIds, childId);
        } else {
            addChild(s.missingChildIds, childId);
        }
    }
    /** One share for a whole visit, whichever of its children the scope lists. */
    void shareOfVisit(DashboardShare &s, bool counted, const QStringList &children)
    {
        ++s.denominator;
        if (counted)
            ++s.numerator;
        for (const QString &c : children)
            addChild(counted ? s.childIds : s.missingChildIds, c);
    }
    void duration(DashboardDuration &d, int days, const QStringList &children)
    {
        d.samples.append(days);
        for (const QString &c : children)
            addChild(d.childIds, c);
    }
    DashboardFigures done()
    {
        finish(f.childIds);
        for (DashboardCount *c : {&f.due, &f.overdue})
            finish(c->childIds);
        for (auto it = f.notSeenAloneReasons.begin(); it != f.notSeenAloneReasons.end(); ++it)
            finish(it->childIds);
        for (DashboardShare *s : {&f.seenAlone, &f.viewsRecorded, &f.recordedWithinStandard}) {
            finish(s->childIds);
            finish(s->missingChildIds);
        }
        for (DashboardDuration *d : {&f.visitToSubmission, &f.submissionToDecision}) {
            std::sort(d->samples.begin(), d->samples.end());
            finish(d->childIds);
        }
        return f;
    }
};

} // namespace

QJsonObject DashboardCount::toJson() const
{
    return {{QStringLiteral("count"), count}, {QStringLiteral("child_ids"), toArray(childIds)}};
}

QJsonObject DashboardShare::toJson() const
{
    QJsonObject o{{QStringLiteral("numerator"), numerator},
                  {QStringLiteral("denominator"), denominator},
                  {QStringLiteral("child_ids"), toArray(childIds)},
                  {QStringLiteral("missing_child_ids"), toArray(missingChildIds)}};
    o.insert(QStringLiteral("ratio"), denominator > 0 ? QJsonValue(ratio()) : QJsonValue());
    return o;
}

double DashboardDuration::median() const
{
    if (samples.isEmpty())
        return -1.0;
    const qsizetype n = samples.size();
    if (n % 2 == 1)
        return samples.at(n / 2);
    return (samples.at(n / 2 - 1) + samples.at(n / 2)) / 2.0;
}

double DashboardDuration::mean() const
{
    if (samples.isEmpty())
        return -1.0;
    double sum = 0;
    for (int s : samples)
        sum += s;
    return sum / double(samples.size());
}

QJsonObject DashboardDuration::toJson() const
{
    QJsonArray list;
    for (int s : samples)
        list.append(s);
    return {{QStringLiteral("count"), int(samples.size())},
            {QStringLiteral("median"), samples.isEmpty() ? QJsonValue() : QJsonValue(median())},
            {QStringLiteral("mean"), samples.isEmpty() ? QJsonValue() : QJsonValue(mean())},
            {QStringLiteral("samples"), list},
            {QStringLiteral("child_ids"), toArray(childIds)}};
}

QJsonObject DashboardFigures::toJson() const
{
    QJsonObject reasons;
    for (auto it = notSeenAloneReasons.cbegin(); it != notSeenAloneReasons.cend(); ++it)
        reasons.insert(it.key(), it->toJson());
    return {{QStringLiteral("key"), key},
            {QStringLiteral("child_ids"), toArray(childIds)},
            {QStringLiteral("due"), due.toJson()},
            {QStringLiteral("overdue"), overdue.toJson()},
            {QStringLiteral("seen_alone"), seenAlone.toJson()},
            {QStringLiteral("not_seen_alone_reasons"), reasons},
            {QStringLiteral("views_recorded"), viewsRecorded.toJson()},
            {QStringLiteral("visit_to_submission_working_days"), visitToSubmission.toJson()},
            {QStringLiteral("recorded_within_standard"), recordedWithinStandard.toJson()},
            {QStringLiteral("submission_to_decision_working_days"), submissionToDecision.toJson()}};
}

const DashboardFigures *Dashboard::worker(const QString &id) const
{
    for (const DashboardFigures &f : workers)
        if (f.key == id)
            return &f;
    return nullptr;
}

const DashboardFigures *Dashboard::child(const QString &id) const
{
    for (const DashboardFigures &f : children)
        if (f.key == id)
            return &f;
    return nullptr;
}

QJsonObject Dashboard::toJson() const
{
    QJsonArray w, c;
    for (const DashboardFigures &f : workers)
        w.append(f.toJson());
    for (const DashboardFigures &f : children)
        c.append(f.toJson());
    return {{QStringLiteral("today"), today.toString(Qt::ISODate)},
            {QStringLiteral("recording_standard_working_days"), recordingStandardWorkingDays},
            {QStringLiteral("team"), team.toJson()},
            {QStringLiteral("workers"), w},
            {QStringLiteral("children"), c}};
}

DashboardCalculator::DashboardCalculator(DueDateEngine engine) : m_engine(std::move(engine))
{
}

DashboardCalculator::DashboardCalculator(DueDateEngine engine, Options options)
    : m_engine(std::move(engine)), m_options(options)
{
}

Dashboard DashboardCalculator::compute(const QList<QJsonObject> &records, const QDate &today) const
{
    QList<Child> children;
    QList<QJsonObject> visitJson;
    QList<Visit> visits;
    QHash<QString, QList<Review>> reviewsByRecord;
    for (const QJsonObject &record : records) {
        const auto type = wire::typeOf(record);
        if (!type)
            continue;
        switch (*type) {
        case RecordType::Child:
            if (auto c = Child::fromJson(record))
                children.append(c.value());
            break;
        case RecordType::Visit:
            if (auto v = Visit::fromJson(record)) {
                visits.append(v.value());
                visitJson.append(record);
            }
            break;
        case RecordType::Review:
            if (auto r = Review::fromJson(record))
                reviewsByRecord[r.value().recordId].append(r.value());
            break;
        default:
            break;
        }
    }

    Builder team;
    std::map<QString, Builder> workers; // ordered by key
    std::map<QString, Builder> perChild;
    QHash<QString, QString> workerOfChild;
    for (const Child &c : children) {
        const QString &id = c.envelope.id;
        const QString &worker = c.allocatedWorker;
        workerOfChild.insert(id, worker);
        Builder &w = workers[worker];
        w.f.key = worker;
        Builder &ch = perChild[id];
        ch.f.key = id;
        for (Builder *b : {&team, &w, &ch})
            addChild(b->f.childIds, id);

        const VisitDue due = m_engine.nextVisit(c, DueDateEngine::lastSeenOn(id, visitJson), today);
        if (!due.hasDue())
            continue;
        const bool overdue = due.overdue;
        const bool dueSoon = !overdue && (due.dueNow || due.due <= today.addDays(m_options.dueWindowDays));
        for (Builder *b : {&team, &w, &ch}) {
            if (overdue)
                b->count(b->f.overdue, id);
            else if (dueSoon)
                b->count(b->f.due, id);
        }
    }

    // A correction stands in for the visit it amends: the visit's cards are counted once, as
    // corrected; how long it took to record counts from the first submission only.
    const QSet<QString> corrected = supersededByCorrections(visits);
    for (const Visit &v : visits) {
        if (v.envelope.state == WorkflowState::Draft || !v.envelope.state)
            continue;
        const QDate day = rules::localDate(v.startedAt);
        if ((m_options.from.isValid() && day < m_options.from) || (m_options.to.isValid() && day > m_options.to))
            continue;
        QStringList known;
        for (const ChildOnVisit &card : v.children)
            if (workerOfChild.contains(card.childId))
                addChild(known, card.childId);
        if (known.isEmpty())
            continue; // not about this team's children
        Builder &w = workers[v.envelope.author];
        w.f.key = v.envelope.author;

        for (const ChildOnVisit &card : v.children) {
            if (corrected.contains(v.envelope.id) || !known.contains(card.childId) || card.seen != true)
                continue;
            Builder &ch = perChild[card.childId];
            const bool alone = card.seenAlone == true;
            const bool views = !card.childViews.trimmed().isEmpty();
            const QString reason = card.notSeenAloneReason ? wireName(*card.notSeenAloneReason) : DashboardCalculator::notRecordedReason();
            for (Builder *b : {&team, &w, &ch}) {
                b->share(b->f.seenAlone, alone, card.childId);
                if (!alone)
                    b->count(b->f.notSeenAloneReasons[reason], card.childId);
                b->share(b->f.viewsRecorded, views, card.childId);
            }
        }

        if (!v.envelope.submittedAt.isValid())
            continue;
        const int recording = v.envelope.amends.isEmpty() ? m_engine.recordingDelayWorkingDays(v.startedAt, v.envelope.submittedAt) : -1;
        // The decision on the current submission: the first review at or after it.
        int decision = -1;
        QDateTime decidedAt;
        for (const Review &r : reviewsByRecord.value(v.envelope.id)) {
            if (r.decidedAt.isValid() && r.decidedAt >= v.envelope.submittedAt && (!decidedAt.isValid() || r.decidedAt < decidedAt))
                decidedAt = r.decidedAt;
        }
        if (decidedAt.isValid())
            decision = m_engine.recordingDelayWorkingDays(v.envelope.submittedAt, decidedAt);
        QList<Builder *> scopes{&team, &w};
        for (const QString &c : known)
            scopes.append(&perChild[c]);
        for (Builder *b : scopes) {
            // A child's own figure lists only that child; team and worker list all on the visit.
            const QStringList ids = b->f.key.isEmpty() || b == &w ? known : QStringList{b->f.key};
            if (recording >= 0) {
                b->duration(b->f.visitToSubmission, recording, ids);
                b->shareOfVisit(b->f.recordedWithinStandard, recording <= m_options.recordingStandardWorkingDays, ids);
            }
            if (decision >= 0)
                b->duration(b->f.submissionToDecision, decision, ids);
        }
    }

    Dashboard d;
    d.today = today;
    d.recordingStandardWorkingDays = m_options.recordingStandardWorkingDays;
    d.team = team.done();
    for (auto &[key, b] : workers)
        d.workers.append(b.done());
    for (auto &[key, b] : perChild)
        d.children.append(b.done());
    return d;
}

} // namespace doorstep
