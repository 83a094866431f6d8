// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "domain.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace doorstep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::wire", text);
}

template <typename E>
QList<QPair<E, QString>> table(std::initializer_list<QPair<E, const char16_t *>> entries)
{
    QList<QPair<E, QString>> out;
    for (const auto &e : entries)
        out.append({e.first, QString::fromUtf16(e.second)});
    return out;
}

// JSON writers: absent (null QString, invalid date, nullopt) is omitted, so the canonical form
// of a record has no nulls and toJson(fromJson(x)) == x for every x without nulls.
void putText(QJsonObject &json, const QString &key, const QString &value)
{
    if (!value.isNull())
        json.insert(key, value);
}

void putDate(QJsonObject &json, const QString &key, const QDate &value)
{
    if (value.isValid())
        json.insert(key, value.toString(Qt::ISODate));
}

QString dateTimeText(const QDateTime &value)
{
    const QDateTime utc = value.toUTC();
    return utc.time().msec() ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
}

void putDateTime(QJsonObject &json, const QString &key, const QDateTime &value)
{
    if (value.isValid())
        json.insert(key, dateTimeText(value));
}

void putBool(QJsonObject &json, const QString &key, const std::optional<bool> &value)
{
    if (value)
        json.insert(key, *value);
}

template <typename E>
void putEnum(QJsonObject &json, const QString &key, const std::optional<E> &value)
{
    if (value)
        json.insert(key, wireName(*value));
}

QJsonArray actionsJson(const QList<Action> &actions)
{
    QJsonArray out;
    for (const Action &a : actions)
        out.append(a.toJson());
    return out;
}

QList<Action> readActions(JsonReader &r, bool allowPriority)
{
    QList<Action> actions;
    r.objects(QStringLiteral("actions"), [&](JsonReader &er, int) { actions.append(Action::read(er, allowPriority)); });
    return actions;
}

// QDateTime compares instants; also require both valid or both invalid.
bool sameTime(const QDateTime &a, const QDateTime &b)
{
    return a.isValid() == b.isValid() && (!a.isValid() || a == b);
}

} // namespace

// ---- enum tables -----------------------------------------------------------------------------

const QList<QPair<RecordType, QString>> &wireTable(RecordType)
{
    static const auto t = table<RecordType>({{RecordType::Child, u"child"},
                                             {RecordType::Visit, u"visit"},
                                             {RecordType::DirectWork, u"direct_work"},
                                             {RecordType::Review, u"review"},
                                             {RecordType::Supervision, u"supervision"}});
    return t;
}

const QList<QPair<LegalStatus, QString>> &wireTable(LegalStatus)
{
    static const auto t = table<LegalStatus>({{LegalStatus::EarlyHelp, u"early_help"},
                                              {LegalStatus::ChildInNeed, u"child_in_need"},
                                              {LegalStatus::ChildProtection, u"child_protection"},
                                              {LegalStatus::LookedAfter, u"looked_after"},
                                              {LegalStatus::CareLeaver, u"care_leaver"}});
    return t;
}

const QList<QPair<CpCategory, QString>> &wireTable(CpCategory)
{
    static const auto t = table<CpCategory>({{CpCategory::Neglect, u"neglect"},
                                             {CpCategory::Physical, u"physical"},
                                             {CpCategory::Sexual, u"sexual"},
                                             {CpCategory::Emotional, u"emotional"},
                                             {CpCategory::Multiple, u"multiple"}});
    return t;
}

const QList<QPair<FrequencyUnit, QString>> &wireTable(FrequencyUnit)
{
    static const auto t = table<FrequencyUnit>({{FrequencyUnit::CalendarDays, u"calendar_days"},
                                                {FrequencyUnit::WorkingDays, u"working_days"}});
    return t;
}

const QList<QPair<PlacementKind, QString>> &wireTable(PlacementKind)
{
    static const auto t = table<PlacementKind>({{PlacementKind::Standard, u"standard"},
                                                {PlacementKind::LongTermUntil18, u"long_term_until_18"},
                                                {PlacementKind::WithParentsPreAssessment, u"with_parents_pre_assessment"},
                                                {PlacementKind::TemporaryConnectedPerson, u"temporary_connected_person"}});
    return t;
}

const QList<QPair<ActionStatus, QString>> &wireTable(ActionStatus)
{
    static const auto t = table<ActionStatus>({{ActionStatus::Open, u"open"},
                                               {ActionStatus::Done, u"done"},
                                               {ActionStatus::Cancelled, u"cancelled"}});
    return t;
}

const QList<QPair<WorkflowState, QString>> &wireTable(WorkflowState)
{
    static const auto t = table<WorkflowState>({{WorkflowState::Draft, u"draft"},
                                                {WorkflowState::Submitted, u"submitted"},
                                                {WorkflowState::Approved, u"approved"},
                                                {WorkflowState::Returned, u"returned"}});
    return t;
}

const QList<QPair<VisitType, QString>> &wireTable(VisitType)
{
    static const auto t = table<VisitType>({{VisitType::StatutoryCp, u"statutory_cp"},
                                            {VisitType::StatutoryCin, u"statutory_cin"},
                                            {VisitType::StatutoryCla, u"statutory_cla"},
                                            {VisitType::Other, u"other"}});
    return t;
}

const QList<QPair<VisitLocation, QString>> &wireTable(VisitLocation)
{
    static const auto t = table<VisitLocation>({{VisitLocation::Home, u"home"},
                                                {VisitLocation::School, u"school"},
                                                {VisitLocation::Placement, u"placement"},
                                                {VisitLocation::Other, u"other"}});
    return t;
}

const QList<QPair<NotSeenAloneReason, QString>> &wireTable(NotSeenAloneReason)
{
    static const auto t = table<NotSeenAloneReason>({{NotSeenAloneReason::ChildRefused, u"child_refused"},
                                                     {NotSeenAloneReason::InappropriateAgeUnderstanding, u"inappropriate_age_understanding"},
                                                     {NotSeenAloneReason::UnableParentRefused, u"unable_parent_refused"},
                                                     {NotSeenAloneReason::UnableChildNotHome, u"unable_child_not_home"},
                                                     {NotSeenAloneReason::UnableOther, u"unable_other"}});
    return t;
}

const QList<QPair<DirectWorkActivity, QString>> &wireTable(DirectWorkActivity)
{
    static const auto t = table<DirectWorkActivity>({{DirectWorkActivity::LifeStory, u"life_story"},
                                                     {DirectWorkActivity::KeepingSafe, u"keeping_safe"},
                                                     {DirectWorkActivity::WishesAndFeelings, u"wishes_and_feelings"},
                                                     {DirectWorkActivity::DomesticAbuseAwareness, u"domestic_abuse_awareness"},
                                                     {DirectWorkActivity::Other, u"other"}});
    return t;
}

const QList<QPair<ReviewDecision, QString>> &wireTable(ReviewDecision)
{
    static const auto t = table<ReviewDecision>({{ReviewDecision::Approve, u"approve"},
                                                 {ReviewDecision::Return, u"return"}});
    return t;
}

VisitType statutoryVisitFor(LegalStatus status)
{
    switch (status) {
    case LegalStatus::ChildProtection:
        return VisitType::StatutoryCp;
    case LegalStatus::ChildInNeed:
        return VisitType::StatutoryCin;
    case LegalStatus::LookedAfter:
        return VisitType::StatutoryCla;
    case LegalStatus::EarlyHelp:
    case LegalStatus::CareLeaver:
        break;
    }
    return VisitType::Other;
}

QString statutoryVisitFor(QStringView legalStatus)
{
    const auto status = fromWireName<LegalStatus>(legalStatus);
    return wireName(status ? statutoryVisitFor(*status) : VisitType::Other);
}

// ---- workflow --------------------------------------------------------------------------------

bool workflowAllows(WorkflowState from, WorkflowState to)
{
    switch (from) {
    case WorkflowState::Draft:
        return to == WorkflowState::Draft || to == WorkflowState::Submitted;
    case WorkflowState::Submitted:
        return to == WorkflowState::Approved || to == WorkflowState::Returned || to == WorkflowState::Draft;
    case WorkflowState::Returned:
        return to == WorkflowState::Returned || to == WorkflowState::Draft || to == WorkflowState::Submitted;
    case WorkflowState::Approved:
        return false; // locked
    }
    return false;
}

bool clientMaySetState(WorkflowState state)
{
    return state == WorkflowState::Draft || state == WorkflowState::Submitted;
}

// ---- VisitFrequency --------------------------------------------------------------------------

VisitFrequency VisitFrequency::read(JsonReader &r)
{
    VisitFrequency f;
    f.every = int(r.integer(QStringLiteral("every"), 1, 365, JsonReader::Required).value_or(0));
    f.unit = r.enumeration<FrequencyUnit>(QStringLiteral("unit"), JsonReader::Required).value_or(FrequencyUnit::CalendarDays);
    return f;
}

Result<VisitFrequency> VisitFrequency::fromJson(const QJsonObject &json)
{
    return readWhole<VisitFrequency>(json, &VisitFrequency::read);
}

QJsonObject VisitFrequency::toJson() const
{
    return QJsonObject{{QStringLiteral("every"), every}, {QStringLiteral("unit"), wireName(unit)}};
}

// ---- Action ----------------------------------------------------------------------------------

Action Action::read(JsonReader &r, bool allowPriority)
{
    Action a;
    a.id = r.uuid(QStringLiteral("id"), JsonReader::Required);
    a.what = r.text(QStringLiteral("what"));
    a.owner = r.text(QStringLiteral("owner"));
    a.due = r.date(QStringLiteral("due"));
    a.status = r.enumeration<ActionStatus>(QStringLiteral("status"));
    if (allowPriority) {
        if (auto p = r.integer(QStringLiteral("priority"), 1, 3))
            a.priority = int(*p);
    } else if (r.has(QStringLiteral("priority"))) {
        const QString path = r.pathOf(QStringLiteral("priority"));
        r.fail(path, tr("%1: priorities are only used on supervision actions.").arg(path));
    }
    return a;
}

AllocationChange AllocationChange::read(JsonReader &r)
{
    AllocationChange a;
    a.at = r.dateTime(QStringLiteral("at"), JsonReader::Required);
    a.worker = r.text(QStringLiteral("worker"), JsonReader::Required);
    a.workerName = r.text(QStringLiteral("worker_name"));
    a.previousWorker = r.text(QStringLiteral("previous_worker"));
    a.previousWorkerName = r.text(QStringLiteral("previous_worker_name"));
    a.teamName = r.text(QStringLiteral("team_name"));
    a.previousTeamName = r.text(QStringLiteral("previous_team_name"));
    a.reason = r.text(QStringLiteral("reason"));
    a.decidedBy = r.text(QStringLiteral("decided_by"));
    a.decidedByName = r.text(QStringLiteral("decided_by_name"));
    return a;
}

QJsonObject AllocationChange::toJson() const
{
    QJsonObject json;
    putDateTime(json, QStringLiteral("at"), at);
    putText(json, QStringLiteral("worker"), worker);
    putText(json, QStringLiteral("worker_name"), workerName);
    putText(json, QStringLiteral("previous_worker"), previousWorker);
    putText(json, QStringLiteral("previous_worker_name"), previousWorkerName);
    putText(json, QStringLiteral("team_name"), teamName);
    putText(json, QStringLiteral("previous_team_name"), previousTeamName);
    putText(json, QStringLiteral("reason"), reason);
    putText(json, QStringLiteral("decided_by"), decidedBy);
    putText(json, QStringLiteral("decided_by_name"), decidedByName);
    return json;
}

bool AllocationChange::operator==(const AllocationChange &o) const
{
    return at == o.at && worker == o.worker && workerName == o.workerName && previousWorker == o.previousWorker
        && previousWorkerName == o.previousWorkerName && teamName == o.teamName
        && previousTeamName == o.previousTeamName && reason == o.reason && decidedBy == o.decidedBy
        && decidedByName == o.decidedByName;
}

Result<Action> Action::fromJson(const QJsonObject &json, bool allowPriority)
{
    return readWhole<Action>(json, [allowPriority](JsonReader &r) { return Action::read(r, allowPriority); });
}

QJsonObject Action::toJson() const
{
    QJsonObject json;
    putText(json, QStringLiteral("id"), id);
    putText(json, QStringLiteral("what"), what);
    putText(json, QStringLiteral("owner"), owner);
    putDate(json, QStringLiteral("due"), due);
    putEnum(json, QStringLiteral("status"), status);
    if (priority)
        json.insert(QStringLiteral("priority"), *priority);
    return json;
}

bool Action::operator==(const Action &o) const
{
    return id == o.id && what == o.what && owner == o.owner && due == o.due && status == o.status
        && priority == o.priority;
}

// ---- Plan ------------------------------------------------------------------------------------

Plan Plan::read(JsonReader &r)
{
    Plan p;
    if (auto f = r.object(QStringLiteral("visiting_frequency"))) {
        JsonReader fr(*f, r.pathOf(QStringLiteral("visiting_frequency")), r.context());
        p.visitingFrequency = VisitFrequency::read(fr);
        fr.rejectUnknown();
    }
    p.contingency = r.text(QStringLiteral("contingency"));
    p.actions = readActions(r, false);
    return p;
}

Result<Plan> Plan::fromJson(const QJsonObject &json)
{
    return readWhole<Plan>(json, &Plan::read);
}

QJsonObject Plan::toJson() const
{
    QJsonObject json;
    if (visitingFrequency)
        json.insert(QStringLiteral("visiting_frequency"), visitingFrequency->toJson());
    putText(json, QStringLiteral("contingency"), contingency);
    if (!actions.isEmpty())
        json.insert(QStringLiteral("actions"), actionsJson(actions));
    return json;
}

bool Plan::operator==(const Plan &o) const
{
    return visitingFrequency == o.visitingFrequency && contingency == o.contingency && actions == o.actions;
}

// ---- Placement -------------------------------------------------------------------------------

Placement Placement::read(JsonReader &r)
{
    Placement p;
    p.start = r.date(QStringLiteral("start"));
    p.kind = r.enumeration<PlacementKind>(QStringLiteral("kind"));
    p.firstReview = r.date(QStringLiteral("first_review"));
    return p;
}

Result<Placement> Placement::fromJson(const QJsonObject &json)
{
    return readWhole<Placement>(json, &Placement::read);
}

QJsonObject Placement::toJson() const
{
    QJsonObject json;
    putDate(json, QStringLiteral("start"), start);
    putEnum(json, QStringLiteral("kind"), kind);
    putDate(json, QStringLiteral("first_review"), firstReview);
    return json;
}

bool Placement::operator==(const Placement &o) const
{
    return start == o.start && kind == o.kind && firstReview == o.firstReview;
}

// ---- Envelope --------------------------------------------------------------------------------

Envelope Envelope::read(JsonReader &r, RecordType expected)
{
    Envelope e;
    e.type = expected;
    const QString schemaKey = QStringLiteral("schema");
    if (r.object().contains(schemaKey) && r.object().value(schemaKey).isDouble()
        && r.object().value(schemaKey).toDouble() > wire::kSchemaVersion) {
        r.skip(schemaKey);
        r.fail(schemaKey, tr("This record was written with a newer version of Doorstep (schema %1; this version reads up to %2). Update Doorstep to open it.")
                              .arg(r.object().value(schemaKey).toDouble()).arg(wire::kSchemaVersion));
        return e;
    }
    e.schema = int(r.integer(schemaKey, 1, wire::kSchemaVersion, JsonReader::Required).value_or(wire::kSchemaVersion));
    const QString typeName = r.text(QStringLiteral("type"), JsonReader::Required);
    if (!r.failed() && !typeName.isNull() && fromWireName<RecordType>(typeName) != expected) {
        r.fail(QStringLiteral("type"), tr("type must be \"%1\" here (not \"%2\").").arg(wireName(expected), typeName.left(40)));
        return e;
    }
    e.id = r.uuid(QStringLiteral("id"), JsonReader::Required);
    if (expected != RecordType::Child)
        e.state = r.enumeration<WorkflowState>(QStringLiteral("state"));
    e.author = r.text(QStringLiteral("author"));
    e.createdAt = r.dateTime(QStringLiteral("created_at"));
    e.submittedAt = r.dateTime(QStringLiteral("submitted_at"));
    e.amends = r.uuid(QStringLiteral("amends"));
    e.returnReason = r.text(QStringLiteral("return_reason"));
    e.reviewedBy = r.text(QStringLiteral("reviewed_by"));
    e.reviewedAt = r.dateTime(QStringLiteral("reviewed_at"));
    return e;
}

void Envelope::writeTo(QJsonObject &json) const
{
    json.insert(QStringLiteral("schema"), schema);
    json.insert(QStringLiteral("type"), wireName(type));
    putText(json, QStringLiteral("id"), id);
    putEnum(json, QStringLiteral("state"), state);
    putText(json, QStringLiteral("author"), author);
    putDateTime(json, QStringLiteral("created_at"), createdAt);
    putDateTime(json, QStringLiteral("submitted_at"), submittedAt);
    putText(json, QStringLiteral("amends"), amends);
    putText(json, QStringLiteral("return_reason"), returnReason);
    putText(json, QStringLiteral("reviewed_by"), reviewedBy);
    putDateTime(json, QStringLiteral("reviewed_at"), reviewedAt);
}

bool Envelope::operator==(const Envelope &o) const
{
    return schema == o.schema && type == o.type && id == o.id && state == o.state && author == o.author
        && sameTime(createdAt, o.createdAt) && sameTime(submittedAt, o.submittedAt) && amends == o.amends
        && returnReason == o.returnReason && reviewedBy == o.reviewedBy && sameTime(reviewedAt, o.reviewedAt);
}

// ---- Child -----------------------------------------------------------------------------------

Child Child::read(JsonReader &r)
{
    Child c;
    c.envelope = Envelope::read(r, RecordType::Child);
    c.firstName = r.text(QStringLiteral("first_name"), JsonReader::Required);
    c.lastName = r.text(QStringLiteral("last_name"), JsonReader::Required);
    c.preferredName = r.text(QStringLiteral("preferred_name"));
    c.dateOfBirth = r.date(QStringLiteral("date_of_birth"), JsonReader::Required);
    c.gender = r.text(QStringLiteral("gender"));
    c.ethnicity = r.text(QStringLiteral("ethnicity"));
    c.firstLanguage = r.text(QStringLiteral("first_language"));
    c.interpreterNeeded = r.boolean(QStringLiteral("interpreter_needed"));
    c.religion = r.text(QStringLiteral("religion"));
    c.disability = r.text(QStringLiteral("disability"));
    c.address = r.text(QStringLiteral("address"));
    c.legalStatus = r.enumeration<LegalStatus>(QStringLiteral("legal_status"), JsonReader::Required).value_or(LegalStatus::ChildInNeed);
    c.cpCategory = r.enumeration<CpCategory>(QStringLiteral("cp_category"));
    c.allocatedWorker = r.text(QStringLiteral("allocated_worker"));
    c.team = r.text(QStringLiteral("team"));
    if (auto plan = r.object(QStringLiteral("plan"))) {
        JsonReader pr(*plan, r.pathOf(QStringLiteral("plan")), r.context());
        c.plan = Plan::read(pr);
        pr.rejectUnknown();
    }
    c.visitingFrequencyReason = r.text(QStringLiteral("visiting_frequency_reason"));
    r.objects(QStringLiteral("allocations"), [&](JsonReader &ar, int) { c.allocations.append(AllocationChange::read(ar)); });
    if (auto placement = r.object(QStringLiteral("placement"))) {
        JsonReader pr(*placement, r.pathOf(QStringLiteral("placement")), r.context());
        c.placement = Placement::read(pr);
        pr.rejectUnknown();
    }
    return c;
}

Result<Child> Child::fromJson(const QJsonObject &json)
{
    return readWhole<Child>(json, &Child::read);
}

QJsonObject Child::toJson() const
{
    QJsonObject json;
    envelope.writeTo(json);
    putText(json, QStringLiteral("first_name"), firstName);
    putText(json, QStringLiteral("last_name"), lastName);
    putText(json, QStringLiteral("preferred_name"), preferredName);
    putDate(json, QStringLiteral("date_of_birth"), dateOfBirth);
    putText(json, QStringLiteral("gender"), gender);
    putText(json, QStringLiteral("ethnicity"), ethnicity);
    putText(json, QStringLiteral("first_language"), firstLanguage);
    putBool(json, QStringLiteral("interpreter_needed"), interpreterNeeded);
    putText(json, QStringLiteral("religion"), religion);
    putText(json, QStringLiteral("disability"), disability);
    putText(json, QStringLiteral("address"), address);
    json.insert(QStringLiteral("legal_status"), wireName(legalStatus));
    putEnum(json, QStringLiteral("cp_category"), cpCategory);
    putText(json, QStringLiteral("allocated_worker"), allocatedWorker);
    putText(json, QStringLiteral("team"), team);
    if (!plan.isEmpty())
        json.insert(QStringLiteral("plan"), plan.toJson());
    putText(json, QStringLiteral("visiting_frequency_reason"), visitingFrequencyReason);
    if (!allocations.isEmpty()) {
        QJsonArray list;
        for (const AllocationChange &a : allocations)
            list.append(a.toJson());
        json.insert(QStringLiteral("allocations"), list);
    }
    if (placement)
        json.insert(QStringLiteral("placement"), placement->toJson());
    return json;
}

bool Child::operator==(const Child &o) const
{
    return envelope == o.envelope && firstName == o.firstName && lastName == o.lastName
        && preferredName == o.preferredName && dateOfBirth == o.dateOfBirth && gender == o.gender
        && ethnicity == o.ethnicity && firstLanguage == o.firstLanguage && interpreterNeeded == o.interpreterNeeded
        && religion == o.religion && disability == o.disability && address == o.address
        && legalStatus == o.legalStatus && cpCategory == o.cpCategory && allocatedWorker == o.allocatedWorker
        && team == o.team && plan == o.plan && visitingFrequencyReason == o.visitingFrequencyReason
        && allocations == o.allocations && placement == o.placement;
}

// ---- ChildOnVisit ----------------------------------------------------------------------------

ChildOnVisit ChildOnVisit::read(JsonReader &r)
{
    ChildOnVisit c;
    c.childId = r.uuid(QStringLiteral("child_id"), JsonReader::Required);
    c.seen = r.boolean(QStringLiteral("seen"));
    c.notSeenReason = r.text(QStringLiteral("not_seen_reason"));
    c.seenAlone = r.boolean(QStringLiteral("seen_alone"));
    c.notSeenAloneReason = r.enumeration<NotSeenAloneReason>(QStringLiteral("not_seen_alone_reason"));
    c.notSeenAloneDetail = r.text(QStringLiteral("not_seen_alone_detail"));
    c.bedroomSeen = r.boolean(QStringLiteral("bedroom_seen"));
    c.safetyConcern = r.boolean(QStringLiteral("safety_concern")).value_or(false);
    c.childViews = r.text(QStringLiteral("child_views"));
    c.observations = r.text(QStringLiteral("observations"));
    return c;
}

Result<ChildOnVisit> ChildOnVisit::fromJson(const QJsonObject &json)
{
    return readWhole<ChildOnVisit>(json, &ChildOnVisit::read);
}

QJsonObject ChildOnVisit::toJson() const
{
    QJsonObject json;
    putText(json, QStringLiteral("child_id"), childId);
    putBool(json, QStringLiteral("seen"), seen);
    putText(json, QStringLiteral("not_seen_reason"), notSeenReason);
    putBool(json, QStringLiteral("seen_alone"), seenAlone);
    putEnum(json, QStringLiteral("not_seen_alone_reason"), notSeenAloneReason);
    putText(json, QStringLiteral("not_seen_alone_detail"), notSeenAloneDetail);
    putBool(json, QStringLiteral("bedroom_seen"), bedroomSeen);
    json.insert(QStringLiteral("safety_concern"), safetyConcern);
    putText(json, QStringLiteral("child_views"), childViews);
    putText(json, QStringLiteral("observations"), observations);
    return json;
}

bool ChildOnVisit::operator==(const ChildOnVisit &o) const
{
    return childId == o.childId && seen == o.seen && notSeenReason == o.notSeenReason && seenAlone == o.seenAlone
        && notSeenAloneReason == o.notSeenAloneReason && notSeenAloneDetail == o.notSeenAloneDetail
        && bedroomSeen == o.bedroomSeen && safetyConcern == o.safetyConcern && childViews == o.childViews
        && observations == o.observations;
}

// ---- Visit -----------------------------------------------------------------------------------

Visit Visit::read(JsonReader &r)
{
    Visit v;
    v.envelope = Envelope::read(r, RecordType::Visit);
    v.startedAt = r.dateTime(QStringLiteral("started_at"));
    v.endedAt = r.dateTime(QStringLiteral("ended_at"));
    v.visitType = r.enumeration<VisitType>(QStringLiteral("visit_type"));
    v.announced = r.boolean(QStringLiteral("announced"));
    v.location = r.enumeration<VisitLocation>(QStringLiteral("location"));
    v.locationDetail = r.text(QStringLiteral("location_detail"));
    v.rationale = r.text(QStringLiteral("rationale"));
    v.present = r.text(QStringLiteral("present"));
    r.objects(QStringLiteral("children"), [&](JsonReader &cr, int) { v.children.append(ChildOnVisit::read(cr)); });
    v.analysisRisks = r.text(QStringLiteral("analysis_risks"));
    v.analysisStrengths = r.text(QStringLiteral("analysis_strengths"));
    v.analysisProtective = r.text(QStringLiteral("analysis_protective"));
    v.diversity = r.text(QStringLiteral("diversity"));
    v.interpreterUsed = r.boolean(QStringLiteral("interpreter_used"));
    v.actions = readActions(r, false);
    return v;
}

Result<Visit> Visit::fromJson(const QJsonObject &json)
{
    return readWhole<Visit>(json, &Visit::read);
}

QJsonObject Visit::toJson() const
{
    QJsonObject json;
    envelope.writeTo(json);
    putDateTime(json, QStringLiteral("started_at"), startedAt);
    putDateTime(json, QStringLiteral("ended_at"), endedAt);
    putEnum(json, QStringLiteral("visit_type"), visitType);
    putBool(json, QStringLiteral("announced"), announced);
    putEnum(json, QStringLiteral("location"), location);
    putText(json, QStringLiteral("location_detail"), locationDetail);
    putText(json, QStringLiteral("rationale"), rationale);
    putText(json, QStringLiteral("present"), present);
    if (!children.isEmpty()) {
        QJsonArray cards;
        for (const ChildOnVisit &c : children)
            cards.append(c.toJson());
        json.insert(QStringLiteral("children"), cards);
    }
    putText(json, QStringLiteral("analysis_risks"), analysisRisks);
    putText(json, QStringLiteral("analysis_strengths"), analysisStrengths);
    putText(json, QStringLiteral("analysis_protective"), analysisProtective);
    putText(json, QStringLiteral("diversity"), diversity);
    putBool(json, QStringLiteral("interpreter_used"), interpreterUsed);
    if (!actions.isEmpty())
        json.insert(QStringLiteral("actions"), actionsJson(actions));
    return json;
}

bool Visit::operator==(const Visit &o) const
{
    return envelope == o.envelope && sameTime(startedAt, o.startedAt) && sameTime(endedAt, o.endedAt)
        && visitType == o.visitType && announced == o.announced && location == o.location
        && locationDetail == o.locationDetail && rationale == o.rationale && present == o.present
        && children == o.children && analysisRisks == o.analysisRisks && analysisStrengths == o.analysisStrengths
        && analysisProtective == o.analysisProtective && diversity == o.diversity
        && interpreterUsed == o.interpreterUsed && actions == o.actions;
}

// ---- DirectWork ------------------------------------------------------------------------------

DirectWork DirectWork::read(JsonReader &r)
{
    DirectWork d;
    d.envelope = Envelope::read(r, RecordType::DirectWork);
    d.childIds = r.uuids(QStringLiteral("child_ids"));
    d.sessionDate = r.date(QStringLiteral("session_date"));
    d.activity = r.enumeration<DirectWorkActivity>(QStringLiteral("activity"));
    d.activityDetail = r.text(QStringLiteral("activity_detail"));
    d.toolsUsed = r.text(QStringLiteral("tools_used"));
    d.aims = r.text(QStringLiteral("aims"));
    d.childWords = r.text(QStringLiteral("child_words"));
    d.reflection = r.text(QStringLiteral("reflection"));
    d.nextSteps = r.text(QStringLiteral("next_steps"));
    return d;
}

Result<DirectWork> DirectWork::fromJson(const QJsonObject &json)
{
    return readWhole<DirectWork>(json, &DirectWork::read);
}

QJsonObject DirectWork::toJson() const
{
    QJsonObject json;
    envelope.writeTo(json);
    if (!childIds.isEmpty())
        json.insert(QStringLiteral("child_ids"), QJsonArray::fromStringList(childIds));
    putDate(json, QStringLiteral("session_date"), sessionDate);
    putEnum(json, QStringLiteral("activity"), activity);
    putText(json, QStringLiteral("activity_detail"), activityDetail);
    putText(json, QStringLiteral("tools_used"), toolsUsed);
    putText(json, QStringLiteral("aims"), aims);
    putText(json, QStringLiteral("child_words"), childWords);
    putText(json, QStringLiteral("reflection"), reflection);
    putText(json, QStringLiteral("next_steps"), nextSteps);
    return json;
}

bool DirectWork::operator==(const DirectWork &o) const
{
    return envelope == o.envelope && childIds == o.childIds && sessionDate == o.sessionDate && activity == o.activity
        && activityDetail == o.activityDetail && toolsUsed == o.toolsUsed && aims == o.aims
        && childWords == o.childWords && reflection == o.reflection && nextSteps == o.nextSteps;
}

// ---- Review ----------------------------------------------------------------------------------

Review Review::read(JsonReader &r)
{
    Review v;
    v.envelope = Envelope::read(r, RecordType::Review);
    v.recordId = r.uuid(QStringLiteral("record_id"));
    v.decision = r.enumeration<ReviewDecision>(QStringLiteral("decision"));
    v.rationale = r.text(QStringLiteral("rationale"));
    v.manager = r.text(QStringLiteral("manager"));
    v.decidedAt = r.dateTime(QStringLiteral("decided_at"));
    v.seenRev = r.integer(QStringLiteral("seen_rev"), 0, qint64(1) << 52);
    return v;
}

Result<Review> Review::fromJson(const QJsonObject &json)
{
    return readWhole<Review>(json, &Review::read);
}

QJsonObject Review::toJson() const
{
    QJsonObject json;
    envelope.writeTo(json);
    putText(json, QStringLiteral("record_id"), recordId);
    putEnum(json, QStringLiteral("decision"), decision);
    putText(json, QStringLiteral("rationale"), rationale);
    putText(json, QStringLiteral("manager"), manager);
    putDateTime(json, QStringLiteral("decided_at"), decidedAt);
    if (seenRev)
        json.insert(QStringLiteral("seen_rev"), double(*seenRev));
    return json;
}

bool Review::operator==(const Review &o) const
{
    return envelope == o.envelope && recordId == o.recordId && decision == o.decision && rationale == o.rationale
        && manager == o.manager && sameTime(decidedAt, o.decidedAt) && seenRev == o.seenRev;
}

// ---- Supervision -----------------------------------------------------------------------------

Supervision Supervision::read(JsonReader &r)
{
    Supervision s;
    s.envelope = Envelope::read(r, RecordType::Supervision);
    s.childId = r.uuid(QStringLiteral("child_id"));
    s.worker = r.text(QStringLiteral("worker"));
    s.heldOn = r.date(QStringLiteral("held_on"));
    s.discussion = r.text(QStringLiteral("discussion"));
    s.decisions = r.text(QStringLiteral("decisions"));
    s.actions = readActions(r, true);
    return s;
}

Result<Supervision> Supervision::fromJson(const QJsonObject &json)
{
    return readWhole<Supervision>(json, &Supervision::read);
}

QJsonObject Supervision::toJson() const
{
    QJsonObject json;
    envelope.writeTo(json);
    putText(json, QStringLiteral("child_id"), childId);
    putText(json, QStringLiteral("worker"), worker);
    putDate(json, QStringLiteral("held_on"), heldOn);
    putText(json, QStringLiteral("discussion"), discussion);
    putText(json, QStringLiteral("decisions"), decisions);
    if (!actions.isEmpty())
        json.insert(QStringLiteral("actions"), actionsJson(actions));
    return json;
}

bool Supervision::operator==(const Supervision &o) const
{
    return envelope == o.envelope && childId == o.childId && worker == o.worker && heldOn == o.heldOn
        && discussion == o.discussion && decisions == o.decisions && actions == o.actions;
}

} // namespace doorstep
