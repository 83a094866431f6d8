// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "calendar.h"
#include "domain.h"
#include "result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace doorstep {

/** A council's visiting frequencies for children on child protection and child in need plans
 *  (local policy; a child's plan may override them). */
struct VisitPolicy {
    VisitFrequency childProtection{10, FrequencyUnit::WorkingDays};
    VisitFrequency childInNeed{20, FrequencyUnit::WorkingDays};

    /** {"child_protection": {every, unit}, "child_in_need": {every, unit}}; either may be left out. */
    static Result<VisitPolicy> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

/** Which rule set the due date. */
enum class DueBasis {
    None,                  // no frequency applies (early help or care leaver without a plan frequency)
    Plan,                  // the child's plan
    ChildProtectionPolicy, // council policy, child protection
    ChildInNeedPolicy,     // council policy, child in need
    Reg28FirstWeek,        // within one week of the placement starting
    Reg28FirstYear,        // at most every 6 weeks in the placement's first year
    Reg28LongTerm,         // at most every 3 months after the first year (placement until 18)
    Reg28SixWeekly,        // at most every 6 weeks after the first year (other placements)
    Reg28WeeklyUntilReview // weekly until the first review (parents pre-assessment, temporary connected person)
};

QString dueBasisName(DueBasis basis); // "plan", "reg28_first_week", ...

/** When a child's next visit is due, relative to a given today. Computed, never stored. */
struct VisitDue {
    QDate due;              // invalid when no frequency applies
    bool dueNow = false;    // never seen and nothing to count from: due today
    bool overdue = false;   // today is after the due date
    int daysOverdue = 0;    // calendar days after the due date (0 when not overdue)
    DueBasis basis = DueBasis::None;

    bool hasDue() const { return due.isValid(); }
};

/** The due-date engine: council policy, regulation 28 and the working-day calendar. */
class DueDateEngine
{
public:
    explicit DueDateEngine(VisitPolicy policy = {}, WorkingDayCalendar calendar = WorkingDayCalendar::englandAndWales());

    /** Next visit due for `child`, given the date of the last visit on which the child was seen
     *  (invalid when never seen) and today's date. */
    VisitDue nextVisit(const Child &child, const QDate &lastSeen, const QDate &today) const;
    /** The same over a child record in wire format; an invalid record has no due date. */
    VisitDue nextVisit(const QJsonObject &child, const QDate &lastSeen, const QDate &today) const;

    /** `from` plus a visiting frequency (calendar or working days). */
    QDate addFrequency(const QDate &from, const VisitFrequency &frequency) const;

    /** Timeliness of recording: working days from the day of the visit to the day it was
     *  submitted (England dates; same day is 0), or -1 when either is missing. */
    int recordingDelayWorkingDays(const QDateTime &visitStarted, const QDateTime &submittedAt) const;

    const VisitPolicy &policy() const { return m_policy; }
    const WorkingDayCalendar &calendar() const { return m_calendar; }

    /** The (England) date of the latest visit among `visits` on which the child was seen, or an
     *  invalid date. Visits in any state count: the visit happened even if the record is a draft. */
    static QDate lastSeenOn(const QString &childId, const QList<QJsonObject> &visits);

private:
    VisitDue lookedAfter(const Child &child, const QDate &lastSeen) const;

    VisitPolicy m_policy;
    WorkingDayCalendar m_calendar;
};

} // namespace doorstep
