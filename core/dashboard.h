// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// The team dashboard's figures, computed once here for the tablet and the service alike.
//
// Units (docs/managers.md):
//  - due / overdue: per child, from DueDateEngine::nextVisit with the last day the child was
//    seen on any visit (any state). A child counts as "due" when its next visit falls within
//    `dueWindowDays` calendar days of today (or is due now) and is not yet overdue.
//  - seen alone and views recorded: per child card on a visit that is not a draft, among the
//    cards where the child was seen (one cannot be seen alone, or give views in person, unseen).
//  - visit → submission: per non-draft visit with submitted_at, working days
//    (DueDateEngine::recordingDelayWorkingDays); "recorded within standard" is the share of those
//    visits submitted within the council's standard (Options::recordingStandardWorkingDays).
//  - submission → decision: per visit with a review decided at or after its (latest)
//    submitted_at: the first such review, working days from submitted_at to decided_at.
// Figures per worker use the child's allocated worker for due dates and the visit's author for
// visit figures; each figure lists the children behind it, for drill-down.

#include "duedates.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace doorstep {

/** The council's standard for recording a visit: submitted within this many working days of it.
 *  One definition for the service's setting, the device's copy and the dashboard. */
struct RecordingStandard {
    static constexpr int kDefaultDays = 2; // "recorded within 2 working days", a common standard, until set
    static constexpr int kMaxDays = 30;
    static bool isValid(int days) { return days >= 0 && days <= kMaxDays; }
};

/** A number of children (or cards) with the children behind it. */
struct DashboardCount {
    int count = 0;
    QStringList childIds; // sorted, unique

    QJsonObject toJson() const;
};

/** A share: numerator over denominator, with the children on each side. */
struct DashboardShare {
    int numerator = 0;
    int denominator = 0;
    QStringList childIds;        // children on a counted (numerator) card
    QStringList missingChildIds; // children on a card that did not count

    /** numerator / denominator, or -1 when there is nothing to count. */
    double ratio() const { return denominator > 0 ? double(numerator) / double(denominator) : -1.0; }
    QJsonObject toJson() const;
};

/** Durations in working days: median, mean and the children behind them. */
struct DashboardDuration {
    QList<int> samples; // sorted ascending
    QStringList childIds;

    double median() const; // -1 when there are no samples
    double mean() const;   // -1 when there are no samples
    QJsonObject toJson() const;
};

/** The figures for one scope: the team, one worker or one child. */
struct DashboardFigures {
    QString key; // worker id, child id, or empty for the team
    QStringList childIds; // children in this scope (allocated, for a worker; the child itself)
    DashboardCount due;
    DashboardCount overdue;
    DashboardShare seenAlone;
    /** Why a seen child was not seen alone: regulation 29 reason wire name, or "not_recorded". */
    QMap<QString, DashboardCount> notSeenAloneReasons;
    DashboardShare viewsRecorded;
    DashboardDuration visitToSubmission;
    /** Visits submitted within the council's recording standard, among those visitToSubmission counts. */
    DashboardShare recordedWithinStandard;
    DashboardDuration submissionToDecision;

    QJsonObject toJson() const;
};

/** The dashboard: the team, each worker and each child (each list sorted by key). */
struct Dashboard {
    QDate today;
    int recordingStandardWorkingDays = RecordingStandard::kDefaultDays; // what recordedWithinStandard was measured against
    DashboardFigures team;
    QList<DashboardFigures> workers;
    QList<DashboardFigures> children;

    const DashboardFigures *worker(const QString &id) const;
    const DashboardFigures *child(const QString &id) const;
    QJsonObject toJson() const;
};

/** Computes dashboard figures from records in wire format (children, visits, reviews; other
 *  types and invalid records are ignored). Only children present among the records count. */
class DashboardCalculator
{
public:
    struct Options {
        int dueWindowDays = 7; // "due" means due within this many calendar days
        QDate from;            // visit figures: visits started on or after (England date); invalid = no bound
        QDate to;              // ... and on or before; invalid = no bound
        /** The council's standard for recording: visits submitted within this many working days. */
        int recordingStandardWorkingDays = RecordingStandard::kDefaultDays;
    };

    explicit DashboardCalculator(DueDateEngine engine = DueDateEngine());
    DashboardCalculator(DueDateEngine engine, Options options);

    Dashboard compute(const QList<QJsonObject> &records, const QDate &today) const;

    /** Wire name used for a not-seen-alone card without a reason. */
    static QString notRecordedReason() { return QStringLiteral("not_recorded"); }

private:
    DueDateEngine m_engine;
    Options m_options;
};

} // namespace doorstep
