// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// Typed records (docs/records.md). The JSON object stays the unit of storage and merge; these
// structs are what rules and due dates reason over. fromJson() is the strict decoder the wire
// format uses (core/wire.h), so there is exactly one definition of what a valid record is.

#include "result.h"
#include "wire.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace doorstep {

class JsonReader;

enum class LegalStatus { EarlyHelp, ChildInNeed, ChildProtection, LookedAfter, CareLeaver };
enum class CpCategory { Neglect, Physical, Sexual, Emotional, Multiple };
enum class FrequencyUnit { CalendarDays, WorkingDays };
enum class PlacementKind { Standard, LongTermUntil18, WithParentsPreAssessment, TemporaryConnectedPerson };
enum class ActionStatus { Open, Done, Cancelled };
enum class WorkflowState { Draft, Submitted, Approved, Returned };
enum class VisitType { StatutoryCp, StatutoryCin, StatutoryCla, Other };
enum class VisitLocation { Home, School, Placement, Other };
/** Regulation 29 (Care Planning, Placement and Case Review (England) Regulations 2010). */
enum class NotSeenAloneReason { ChildRefused, InappropriateAgeUnderstanding, UnableParentRefused, UnableChildNotHome, UnableOther };
enum class DirectWorkActivity { LifeStory, KeepingSafe, WishesAndFeelings, DomesticAbuseAwareness, Other };
enum class ReviewDecision { Approve, Return };

// Wire names of every enum, in declaration order. One overload per enum (the argument only
// selects the table), so the generic helpers below work for all of them.
const QList<QPair<RecordType, QString>> &wireTable(RecordType);
const QList<QPair<LegalStatus, QString>> &wireTable(LegalStatus);
const QList<QPair<CpCategory, QString>> &wireTable(CpCategory);
const QList<QPair<FrequencyUnit, QString>> &wireTable(FrequencyUnit);
const QList<QPair<PlacementKind, QString>> &wireTable(PlacementKind);
const QList<QPair<ActionStatus, QString>> &wireTable(ActionStatus);
const QList<QPair<WorkflowState, QString>> &wireTable(WorkflowState);
const QList<QPair<VisitType, QString>> &wireTable(VisitType);
const QList<QPair<VisitLocation, QString>> &wireTable(VisitLocation);
const QList<QPair<NotSeenAloneReason, QString>> &wireTable(NotSeenAloneReason);
const QList<QPair<DirectWorkActivity, QString>> &wireTable(DirectWorkActivity);
const QList<QPair<ReviewDecision, QString>> &wireTable(ReviewDecision);

template <typename E>
QString wireName(E value)
{
    for (const auto &entry : wireTable(E{}))
        if (entry.first == value)
            return entry.second;
    return {};
}

template <typename E>
std::optional<E> fromWireName(QStringView name)
{
    for (const auto &entry : wireTable(E{}))
        if (entry.second == name)
            return entry.first;
    return std::nullopt;
}

template <typename E>
QStringList wireNames()
{
    QStringList names;
    for (const auto &entry : wireTable(E{}))
        names << entry.second;
    return names;
}

/** The review workflow: draft → submitted → approved, or returned (then resubmitted). An approved
 *  record never changes state again: a correction is a new record that `amends` it. Saving a
 *  draft or a returned record keeps its state; an author may withdraw a submission to a draft. */
bool workflowAllows(WorkflowState from, WorkflowState to);

/** States a client may write; approved and returned come only from the service's review. */
bool clientMaySetState(WorkflowState state);

/** The statutory visit a child's legal status calls for; Other where none is statutory (early
 *  help, care leavers). */
VisitType statutoryVisitFor(LegalStatus status);
/** The same by wire names: "child_protection" → "statutory_cp"; "other" for an unknown status. */
QString statutoryVisitFor(QStringView legalStatus);

/** How often a child is to be visited: every N calendar or working days. */
struct VisitFrequency {
    int every = 0; // 1..365
    FrequencyUnit unit = FrequencyUnit::CalendarDays;

    static Result<VisitFrequency> fromJson(const QJsonObject &json);
    static VisitFrequency read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const VisitFrequency &o) const { return every == o.every && unit == o.unit; }
    bool operator!=(const VisitFrequency &o) const { return !(*this == o); }
};

/** A SMART action: what, who, by when, and where it stands. */
struct Action {
    QString id;
    QString what;
    QString owner;
    QDate due;
    std::optional<ActionStatus> status;
    std::optional<int> priority; // 1..3, supervision actions only

    static Result<Action> fromJson(const QJsonObject &json, bool allowPriority = false);
    static Action read(JsonReader &r, bool allowPriority);
    QJsonObject toJson() const;
    bool operator==(const Action &o) const;
    bool operator!=(const Action &o) const { return !(*this == o); }
};

/** One move of a child to another worker (schema 2), written by the service when the child is
 *  reallocated: the child's chronology shows who has held the case and why it moved. Names are kept
 *  as they were then, so the history reads the same after someone leaves. */
struct AllocationChange {
    QDateTime at;
    QString worker;               // user id of the worker the child moved to
    QString workerName;
    QString previousWorker;       // empty for a first allocation
    QString previousWorkerName;
    QString teamName;             // schema 3: the team it moved to, when the team changed (or the case opened)
    QString previousTeamName;     // schema 3: the team it left, when the team changed
    QString reason;               // the manager's reason (an administrator's move may have none)
    QString decidedBy;            // user id, or "cli" for an administrator's command
    QString decidedByName;

    static AllocationChange read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const AllocationChange &o) const;
    bool operator!=(const AllocationChange &o) const { return !(*this == o); }
};

/** The child's plan: visiting frequency (overrides council policy), contingency and actions. */
struct Plan {
    std::optional<VisitFrequency> visitingFrequency;
    QString contingency;
    QList<Action> actions;

    bool isEmpty() const { return !visitingFrequency && contingency.isEmpty() && actions.isEmpty(); }
    static Result<Plan> fromJson(const QJsonObject &json);
    static Plan read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Plan &o) const;
    bool operator!=(const Plan &o) const { return !(*this == o); }
};

/** Where a looked-after child lives; drives the regulation 28 visiting intervals. */
struct Placement {
    QDate start;
    std::optional<PlacementKind> kind;
    QDate firstReview;

    static Result<Placement> fromJson(const QJsonObject &json);
    static Placement read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Placement &o) const;
    bool operator!=(const Placement &o) const { return !(*this == o); }
};

/** The fields every record carries (id, type, schema, workflow). */
struct Envelope {
    int schema = wire::kSchemaVersion;
    RecordType type = RecordType::Child;
    QString id;
    std::optional<WorkflowState> state; // never on a child
    QString author;
    QDateTime createdAt;
    QDateTime submittedAt;
    QString amends;
    QString returnReason; // service-owned
    QString reviewedBy;   // service-owned
    QDateTime reviewedAt; // service-owned

    /** Reads the envelope of a record of `expected` type (type and schema checked). */
    static Envelope read(JsonReader &r, RecordType expected);
    void writeTo(QJsonObject &json) const;
    bool operator==(const Envelope &o) const;
    bool operator!=(const Envelope &o) const { return !(*this == o); }
};

/** The records a correction stands in for: every id named by the `amends` of a submitted or
 *  approved record (a chain of corrections supersedes all but the last). Figures and exports
 *  count the correction in their place, so one visit is never counted twice; a draft or returned
 *  correction does not replace anything yet. `R` is any record struct with an `envelope`. */
template <typename R>
QSet<QString> supersededByCorrections(const QList<R> &records)
{
    QSet<QString> superseded;
    for (const R &r : records) {
        const auto state = r.envelope.state;
        if (!r.envelope.amends.isEmpty() && (state == WorkflowState::Submitted || state == WorkflowState::Approved))
            superseded.insert(r.envelope.amends);
    }
    return superseded;
}

/** A child (a case). */
struct Child {
    Envelope envelope;
    QString firstName;
    QString lastName;
    QString preferredName;
    QDate dateOfBirth;
    QString gender;
    QString ethnicity;
    QString firstLanguage;
    std::optional<bool> interpreterNeeded;
    QString religion;
    QString disability;
    QString address;
    LegalStatus legalStatus = LegalStatus::ChildInNeed;
    std::optional<CpCategory> cpCategory;
    QString allocatedWorker;
    QString team;
    Plan plan;
    /** Why the child is visited this often (schema 2). Top-level, not in `plan`: see wire.cpp. */
    QString visitingFrequencyReason;
    /** Who has held the case, oldest first (schema 2; written by the service only). */
    QList<AllocationChange> allocations;
    std::optional<Placement> placement;

    static Result<Child> fromJson(const QJsonObject &json);
    static Child read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Child &o) const;
    bool operator!=(const Child &o) const { return !(*this == o); }
};

/** One child's card on a visit: seen, seen alone (regulation 29), bedroom, views. */
struct ChildOnVisit {
    QString childId;
    std::optional<bool> seen;
    QString notSeenReason;
    std::optional<bool> seenAlone;
    std::optional<NotSeenAloneReason> notSeenAloneReason;
    QString notSeenAloneDetail;
    std::optional<bool> bedroomSeen;
    bool safetyConcern = false;
    QString childViews;
    QString observations;

    static Result<ChildOnVisit> fromJson(const QJsonObject &json);
    static ChildOnVisit read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const ChildOnVisit &o) const;
    bool operator!=(const ChildOnVisit &o) const { return !(*this == o); }
};

/** A home (or other) visit with a card per child. */
struct Visit {
    Envelope envelope;
    QDateTime startedAt;
    QDateTime endedAt;
    std::optional<VisitType> visitType;
    std::optional<bool> announced;
    std::optional<VisitLocation> location;
    QString locationDetail;
    QString rationale;
    QString present;
    QList<ChildOnVisit> children;
    QString analysisRisks;
    QString analysisStrengths;
    QString analysisProtective;
    QString diversity;
    std::optional<bool> interpreterUsed;
    QList<Action> actions;

    static Result<Visit> fromJson(const QJsonObject &json);
    static Visit read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Visit &o) const;
    bool operator!=(const Visit &o) const { return !(*this == o); }
};

/** A direct work session with one or more children. */
struct DirectWork {
    Envelope envelope;
    QStringList childIds;
    QDate sessionDate;
    std::optional<DirectWorkActivity> activity;
    QString activityDetail;
    QString toolsUsed;
    QString aims;
    QString childWords;
    QString reflection;
    QString nextSteps;

    static Result<DirectWork> fromJson(const QJsonObject &json);
    static DirectWork read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const DirectWork &o) const;
    bool operator!=(const DirectWork &o) const { return !(*this == o); }
};

/** A manager's decision on a submitted record (written by the service). */
struct Review {
    Envelope envelope;
    QString recordId;
    std::optional<ReviewDecision> decision;
    QString rationale;
    QString manager;
    QDateTime decidedAt;
    std::optional<qint64> seenRev;

    static Result<Review> fromJson(const QJsonObject &json);
    static Review read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Review &o) const;
    bool operator!=(const Review &o) const { return !(*this == o); }
};

/** Case supervision notes with prioritised actions. */
struct Supervision {
    Envelope envelope;
    QString childId;
    QString worker;
    QDate heldOn;
    QString discussion;
    QString decisions;
    QList<Action> actions;

    static Result<Supervision> fromJson(const QJsonObject &json);
    static Supervision read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Supervision &o) const;
    bool operator!=(const Supervision &o) const { return !(*this == o); }
};

} // namespace doorstep
