// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "duedates.h"

#include "jsonreader.h"
#include "rules.h"

#include <QJsonArray>

#include <algorithm>

namespace doorstep {

namespace {

// Regulation 28(2) and (3) of the Care Planning, Placement and Case Review (England) Regulations 2010.
constexpr int kFirstVisitDays = 7;
constexpr int kSixWeeksDays = 42;
constexpr int kWeeklyDays = 7;
constexpr int kLongTermMonths = 3;

VisitDue make(const QDate &due, DueBasis basis)
{
    VisitDue d;
    d.due = due;
    d.basis = basis;
    return d;
}

} // namespace

QString dueBasisName(DueBasis basis)
{
    switch (basis) {
    case DueBasis::None: return QStringLiteral("none");
    case DueBasis::Plan: return QStringLiteral("plan");
    case DueBasis::ChildProtectionPolicy: return QStringLiteral("policy_child_protection");
    case DueBasis::ChildInNeedPolicy: return QStringLiteral("policy_child_in_need");
    case DueBasis::Reg28FirstWeek: return QStringLiteral("reg28_first_week");
    case DueBasis::Reg28FirstYear: return QStringLiteral("reg28_first_year");
    case DueBasis::Reg28LongTerm: return QStringLiteral("reg28_long_term");
    case DueBasis::Reg28SixWeekly: return QStringLiteral("reg28_six_weekly");
    case DueBasis::Reg28WeeklyUntilReview: return QStringLiteral("reg28_weekly_until_review");
    }
    return QStringLiteral("none");
}

Result<VisitPolicy> VisitPolicy::fromJson(const QJsonObject &json)
{
    return readWhole<VisitPolicy>(json, [](JsonReader &r) {
        VisitPolicy p;
        for (auto [key, target] : {std::pair{QStringLiteral("child_protection"), &p.childProtection},
                                   std::pair{QStringLiteral("child_in_need"), &p.childInNeed}}) {
            if (auto o = r.object(key)) {
                JsonReader fr(*o, r.pathOf(key), r.context());
                *target = VisitFrequency::read(fr);
                fr.rejectUnknown();
            }
        }
        return p;
    });
}

QJsonObject VisitPolicy::toJson() const
{
    return QJsonObject{{QStringLiteral("child_protection"), childProtection.toJson()},
                       {QStringLiteral("child_in_need"), childInNeed.toJson()}};
}

DueDateEngine::DueDateEngine(VisitPolicy policy, WorkingDayCalendar calendar)
    : m_policy(std::move(policy)), m_calendar(std::move(calendar))
{
}

QDate DueDateEngine::addFrequency(const QDate &from, const VisitFrequency &frequency) const
{
    if (frequency.unit == FrequencyUnit::WorkingDays)
        return m_calendar.addWorkingDays(from, frequency.every);
    return from.addDays(frequency.every);
}

VisitDue DueDateEngine::lookedAfter(const Child &child, const QDate &lastSeen) const
{
    if (!child.placement || !child.placement->start.isValid())
        return {}; // no placement recorded: the caller falls back to the plan or "due now"
    const Placement &p = *child.placement;
    // A visit before this placement began (an earlier placement) does not count.
    if (!lastSeen.isValid() || lastSeen < p.start)
        return make(p.start.addDays(kFirstVisitDays), DueBasis::Reg28FirstWeek);

    const bool weeklyKind = p.kind == PlacementKind::WithParentsPreAssessment
        || p.kind == PlacementKind::TemporaryConnectedPerson;
    const QDate weekly = lastSeen.addDays(kWeeklyDays);
    // Weekly "until the first review": once the next weekly visit would fall after the review,
    // the ordinary intervals apply. With no review date yet, weekly continues.
    if (weeklyKind && (!p.firstReview.isValid() || weekly <= p.firstReview))
        return make(weekly, DueBasis::Reg28WeeklyUntilReview);

    if (lastSeen < p.start.addYears(1))
        return make(lastSeen.addDays(kSixWeeksDays), DueBasis::Reg28FirstYear);
    if (p.kind == PlacementKind::LongTermUntil18)
        return make(lastSeen.addMonths(kLongTermMonths), DueBasis::Reg28LongTerm);
    return make(lastSeen.addDays(kSixWeeksDays), DueBasis::Reg28SixWeekly);
}

VisitDue DueDateEngine::nextVisit(const Child &child, const QDate &lastSeen, const QDate &today) const
{
    VisitDue result;
    const std::optional<VisitFrequency> &planFrequency = child.plan.visitingFrequency;
    switch (child.legalStatus) {
    case LegalStatus::ChildProtection:
    case LegalStatus::ChildInNeed: {
        const bool cp = child.legalStatus == LegalStatus::ChildProtection;
        const VisitFrequency f = planFrequency ? *planFrequency : (cp ? m_policy.childProtection : m_policy.childInNeed);
        const DueBasis basis = planFrequency ? DueBasis::Plan
                                             : (cp ? DueBasis::ChildProtectionPolicy : DueBasis::ChildInNeedPolicy);
        if (lastSeen.isValid()) {
            result = make(addFrequency(lastSeen, f), basis);
        } else {
            result = make(today, basis);
            result.dueNow = true;
        }
        break;
    }
    case LegalStatus::LookedAfter: {
        result = lookedAfter(child, lastSeen);
        // Regulation 28 sets the longest gap allowed; a plan may ask for more frequent visits.
        if (planFrequency && lastSeen.isValid()) {
            const QDate planDue = addFrequency(lastSeen, *planFrequency);
            if (!result.due.isValid() || planDue < result.due)
                result = make(planDue, DueBasis::Plan);
        }
        if (!result.due.isValid()) {
            result = make(today, planFrequency ? DueBasis::Plan : DueBasis::None);
            result.dueNow = true;
        }
        break;
    }
    case LegalStatus::EarlyHelp:
    case LegalStatus::CareLeaver:
        if (!planFrequency)
            return {};
        if (lastSeen.isValid()) {
            result = make(addFrequency(lastSeen, *planFrequency), DueBasis::Plan);
        } else {
            result = make(today, DueBasis::Plan);
            result.dueNow = true;
        }
        break;
    }
    if (result.due.isValid() && today.isValid() && today > result.due) {
        result.overdue = true;
        result.daysOverdue = int(result.due.daysTo(today));
    }
    return result;
}

VisitDue DueDateEngine::nextVisit(const QJsonObject &child, const QDate &lastSeen, const QDate &today) const
{
    const auto decoded = Child::fromJson(child);
    if (!decoded)
        return {};
    return nextVisit(*decoded, lastSeen, today);
}

int DueDateEngine::recordingDelayWorkingDays(const QDateTime &visitStarted, const QDateTime &submittedAt) const
{
    if (!visitStarted.isValid() || !submittedAt.isValid())
        return -1;
    return std::max(0, m_calendar.workingDaysBetween(rules::localDate(visitStarted), rules::localDate(submittedAt)));
}

QDate DueDateEngine::lastSeenOn(const QString &childId, const QList<QJsonObject> &visits)
{
    QDate last;
    for (const QJsonObject &visit : visits) {
        if (visit.value(QLatin1String("type")).toString() != QLatin1String("visit"))
            continue;
        QDateTime started;
        if (!JsonReader::isIsoDateTime(visit.value(QLatin1String("started_at")).toString(), &started))
            continue;
        for (const QJsonValue &card : visit.value(QLatin1String("children")).toArray()) {
            const QJsonObject c = card.toObject();
            if (c.value(QLatin1String("child_id")).toString() == childId && c.value(QLatin1String("seen")).toBool(false)) {
                const QDate day = rules::localDate(started);
                if (!last.isValid() || day > last)
                    last = day;
            }
        }
    }
    return last;
}

} // namespace doorstep
