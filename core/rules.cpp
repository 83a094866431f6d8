// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "rules.h"

#include "domain.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace doorstep::rules {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::rules", text);
}

// Tablets' clocks drift; a visit recorded "now" on a device a little ahead of the service must
// not be refused as being in the future.
constexpr qint64 kClockSkewSeconds = 15 * 60;

QString at(const QString &list, int index, const char *field)
{
    return list + QLatin1Char('[') + QString::number(index) + QStringLiteral("].") + QLatin1String(field);
}

bool blank(const QString &s)
{
    return s.trimmed().isEmpty();
}

class Checker
{
public:
    explicit Checker(const QDateTime &now) : m_now(now.toUTC()) {}

    void add(const QString &field, const char *code, const QString &message)
    {
        m_out.append(Violation{field, QLatin1String(code), message});
    }
    void add(const Violation &v) { m_out.append(v); }
    void requireText(const QString &field, const QString &value, const QString &message)
    {
        if (blank(value))
            add(field, "required", message);
    }
    void notFuture(const QString &field, const QDateTime &when, const QString &message)
    {
        if (when.isValid() && when > m_now.addSecs(kClockSkewSeconds))
            add(field, "in_future", message);
    }
    void notFuture(const QString &field, const QDate &day, const QString &message)
    {
        if (day.isValid() && day > localDate(m_now.addSecs(kClockSkewSeconds)))
            add(field, "in_future", message);
    }
    void actions(const QList<Action> &actions, bool needPriority)
    {
        for (int i = 0; i < actions.size(); ++i) {
            const Action &a = actions.at(i);
            if (a.status == ActionStatus::Cancelled)
                continue; // a cancelled action needs no owner or date
            requireText(at(QStringLiteral("actions"), i, "what"), a.what, tr("Say what needs to be done."));
            requireText(at(QStringLiteral("actions"), i, "owner"), a.owner, tr("Say who will do this action."));
            if (!a.due.isValid())
                add(at(QStringLiteral("actions"), i, "due"), "required", tr("Say by when this action will be done."));
            if (needPriority && !a.priority)
                add(at(QStringLiteral("actions"), i, "priority"), "required", tr("Give this action a priority (1 to 3)."));
        }
    }
    void submittedAt(const Envelope &e)
    {
        notFuture(QStringLiteral("submitted_at"), e.submittedAt, tr("The submission time cannot be in the future."));
    }
    QList<Violation> result() const { return m_out; }

private:
    QDateTime m_now;
    QList<Violation> m_out;
};

class Prompter
{
public:
    void add(const QString &field, const char *code, const QString &message, bool strong = false)
    {
        m_out.append(Prompt{field, QLatin1String(code), message, strong});
    }
    void actions(const QString &list, const QList<Action> &actions)
    {
        for (int i = 0; i < actions.size(); ++i) {
            const Action &a = actions.at(i);
            if (a.status == ActionStatus::Cancelled)
                continue;
            if (blank(a.owner) || !a.due.isValid())
                add(at(list, i, blank(a.owner) ? "owner" : "due"), "action_incomplete",
                    tr("Give every action an owner and a date it will be done by."));
            if (!blank(a.what) && isVague(a.what))
                add(at(list, i, "what"), "action_not_specific",
                    tr("Make this action specific: say exactly what will be done, so anyone can tell whether it happened."));
        }
    }
    QList<Prompt> result() const { return m_out; }

    /** Inspectors single out actions such as "continue to monitor": too short or open-ended. */
    static bool isVague(const QString &what)
    {
        static const QRegularExpression vague(QStringLiteral("\\b(monitor|monitoring|ongoing|as needed|as required|when possible|keep an eye)\\b"),
                                              QRegularExpression::CaseInsensitiveOption);
        const QString t = what.simplified();
        return t.size() < 15 || t.split(QLatin1Char(' ')).size() < 3 || vague.match(t).hasMatch();
    }

private:
    QList<Prompt> m_out;
};

Violation invalid(const Error &error)
{
    return Violation{error.field, QStringLiteral("invalid"), error.message};
}

} // namespace

QDate localDate(const QDateTime &instant)
{
    static thread_local const QTimeZone london(QByteArrayLiteral("Europe/London"));
    return london.isValid() ? instant.toTimeZone(london).date() : instant.toUTC().date();
}

// ---- visits ----------------------------------------------------------------------------------

QList<Violation> checkVisit(const Visit &v, const QDateTime &now)
{
    Checker c(now);
    c.requireText(QStringLiteral("rationale"), v.rationale, tr("Say why you made this visit."));
    if (!v.startedAt.isValid())
        c.add(QStringLiteral("started_at"), "required", tr("Give the date and time the visit started."));
    if (!v.endedAt.isValid())
        c.add(QStringLiteral("ended_at"), "required", tr("Give the time the visit ended."));
    if (v.startedAt.isValid() && v.endedAt.isValid() && v.endedAt <= v.startedAt)
        c.add(QStringLiteral("ended_at"), "end_before_start", tr("The visit must end after it started."));
    c.notFuture(QStringLiteral("started_at"), v.startedAt, tr("The visit cannot start in the future."));
    c.notFuture(QStringLiteral("ended_at"), v.endedAt, tr("The visit cannot end in the future."));
    if (!v.visitType)
        c.add(QStringLiteral("visit_type"), "required", tr("Say what type of visit this was."));
    if (v.children.isEmpty())
        c.add(QStringLiteral("children"), "required", tr("Add at least one child to the visit."));

    // Bedrooms are part of child protection and child in need statutory visits.
    const bool bedroomAsked = v.visitType == VisitType::StatutoryCp || v.visitType == VisitType::StatutoryCin;
    QStringList ids;
    for (int i = 0; i < v.children.size(); ++i) {
        const ChildOnVisit &card = v.children.at(i);
        const QString list = QStringLiteral("children");
        if (ids.contains(card.childId))
            c.add(at(list, i, "child_id"), "duplicate", tr("This child is on the visit twice."));
        ids << card.childId;
        if (!card.seen) {
            c.add(at(list, i, "seen"), "required", tr("Say whether the child was seen."));
        } else if (!*card.seen) {
            if (blank(card.notSeenReason))
                c.add(at(list, i, "not_seen_reason"), "reason_required", tr("Say why the child was not seen."));
        } else if (!card.seenAlone) {
            c.add(at(list, i, "seen_alone"), "required", tr("Say whether the child was seen alone."));
        } else if (!*card.seenAlone) {
            if (!card.notSeenAloneReason)
                c.add(at(list, i, "not_seen_alone_reason"), "reason_required", tr("Say why the child was not seen alone."));
            else if (*card.notSeenAloneReason == NotSeenAloneReason::UnableOther && blank(card.notSeenAloneDetail))
                c.add(at(list, i, "not_seen_alone_detail"), "detail_required",
                      tr("Say what prevented you from seeing the child alone."));
        }
        if (bedroomAsked && !card.bedroomSeen)
            c.add(at(list, i, "bedroom_seen"), "required", tr("Say whether you saw the child's bedroom."));
    }
    c.actions(v.actions, false);
    c.submittedAt(v.envelope);
    return c.result();
}

// ---- direct work -----------------------------------------------------------------------------

QList<Violation> checkDirectWork(const DirectWork &w, const QDateTime &now)
{
    Checker c(now);
    if (w.childIds.isEmpty())
        c.add(QStringLiteral("child_ids"), "required", tr("Add the children who took part."));
    if (!w.sessionDate.isValid())
        c.add(QStringLiteral("session_date"), "required", tr("Give the date of the session."));
    c.notFuture(QStringLiteral("session_date"), w.sessionDate, tr("The session cannot be in the future."));
    if (!w.activity)
        c.add(QStringLiteral("activity"), "required", tr("Say what the activity was."));
    else if (*w.activity == DirectWorkActivity::Other && blank(w.activityDetail))
        c.add(QStringLiteral("activity_detail"), "detail_required", tr("Describe the activity."));
    if (blank(w.childWords) && blank(w.reflection))
        c.add(QStringLiteral("child_words"), "required", tr("Record the child's words or your reflection on the session."));
    c.submittedAt(w.envelope);
    return c.result();
}

// ---- supervision -----------------------------------------------------------------------------

QList<Violation> checkSupervision(const Supervision &s, const QDateTime &now)
{
    Checker c(now);
    if (s.childId.isEmpty())
        c.add(QStringLiteral("child_id"), "required", tr("Choose the child this supervision is about."));
    if (!s.heldOn.isValid())
        c.add(QStringLiteral("held_on"), "required", tr("Give the date the supervision was held."));
    c.notFuture(QStringLiteral("held_on"), s.heldOn, tr("The supervision cannot be in the future."));
    c.requireText(QStringLiteral("discussion"), s.discussion, tr("Record what was discussed."));
    if (s.actions.isEmpty())
        c.add(QStringLiteral("actions"), "required", tr("Add at least one action with a priority and a date."));
    c.actions(s.actions, true);
    c.submittedAt(s.envelope);
    return c.result();
}

// ---- child -----------------------------------------------------------------------------------

QList<Violation> checkChild(const Child &child, const QDateTime &now)
{
    Checker c(now);
    c.requireText(QStringLiteral("first_name"), child.firstName, tr("Give the child's first name."));
    c.requireText(QStringLiteral("last_name"), child.lastName, tr("Give the child's last name."));
    if (!child.dateOfBirth.isValid())
        c.add(QStringLiteral("date_of_birth"), "required", tr("Give the child's date of birth."));
    c.notFuture(QStringLiteral("date_of_birth"), child.dateOfBirth, tr("The date of birth cannot be in the future."));
    if (child.legalStatus == LegalStatus::ChildProtection && !child.cpCategory)
        c.add(QStringLiteral("cp_category"), "required", tr("Give the category of the child protection plan."));
    if (child.legalStatus != LegalStatus::ChildProtection && child.cpCategory)
        c.add(QStringLiteral("cp_category"), "not_applicable",
              tr("A child protection category only applies to a child on a child protection plan."));
    if (child.legalStatus == LegalStatus::LookedAfter) {
        if (!child.placement) {
            c.add(QStringLiteral("placement"), "required", tr("Give the placement of this looked-after child."));
        } else {
            if (!child.placement->start.isValid())
                c.add(QStringLiteral("placement.start"), "required", tr("Give the date the placement started."));
            if (!child.placement->kind)
                c.add(QStringLiteral("placement.kind"), "required", tr("Say what kind of placement this is."));
            if (child.placement->start.isValid() && child.placement->firstReview.isValid()
                && child.placement->firstReview < child.placement->start)
                c.add(QStringLiteral("placement.first_review"), "before_start",
                      tr("The first review cannot be before the placement started."));
        }
    }
    // Plan actions have the same needs as any other action, under their own path.
    Checker planActions(now);
    planActions.actions(child.plan.actions, false);
    for (Violation v : planActions.result()) {
        v.field = QStringLiteral("plan.") + v.field;
        c.add(v);
    }
    return c.result();
}

// ---- JSON entry points -----------------------------------------------------------------------

template <typename T>
static QList<Violation> decodeAndCheck(const QJsonObject &json, const QDateTime &now,
                                       QList<Violation> (*check)(const T &, const QDateTime &))
{
    const auto decoded = T::fromJson(json);
    if (!decoded)
        return {invalid(decoded.error())};
    return check(*decoded, now);
}

QList<Violation> checkVisit(const QJsonObject &visit, const QDateTime &now)
{
    return decodeAndCheck<Visit>(visit, now, &checkVisit);
}

QList<Violation> checkDirectWork(const QJsonObject &work, const QDateTime &now)
{
    return decodeAndCheck<DirectWork>(work, now, &checkDirectWork);
}

QList<Violation> checkSupervision(const QJsonObject &supervision, const QDateTime &now)
{
    return decodeAndCheck<Supervision>(supervision, now, &checkSupervision);
}

QList<Violation> checkChild(const QJsonObject &child, const QDateTime &now)
{
    // A new child's form starts empty: name every missing identity field at once, in words, and
    // check the rest as well, where decoding would stop at the first missing field.
    struct Identity {
        const char *key;
        const char *placeholder;
        QString message;
    };
    const Identity identity[] = {{"first_name", "-", tr("Give the child's first name.")},
                                 {"last_name", "-", tr("Give the child's last name.")},
                                 {"date_of_birth", "2000-01-01", tr("Give the child's date of birth.")},
                                 {"legal_status", "", tr("Choose the child's legal status.")}};
    QList<Violation> missing;
    QJsonObject filled = child;
    for (const Identity &field : identity) {
        const QString key = QLatin1String(field.key);
        const QJsonValue v = child.value(key);
        if (!(v.isUndefined() || v.isNull() || (v.isString() && blank(v.toString()))))
            continue;
        missing.append(Violation{key, QStringLiteral("required"), field.message});
        // A stand-in the other checks can run with: a legal status that asks nothing more of them.
        const QString placeholder = *field.placeholder ? QString::fromLatin1(field.placeholder)
            : child.contains(QLatin1String("cp_category")) ? QStringLiteral("child_protection")
                                                           : QStringLiteral("child_in_need");
        filled.insert(key, placeholder);
    }
    if (missing.isEmpty())
        return decodeAndCheck<Child>(child, now, &checkChild);
    for (const Violation &v : decodeAndCheck<Child>(filled, now, &checkChild))
        if (std::none_of(missing.cbegin(), missing.cend(), [&v](const Violation &m) { return m.field == v.field; }))
            missing.append(v);
    return missing;
}

QList<Violation> checkReviewDecision(const QString &decision, const QString &rationale)
{
    QList<Violation> out;
    if (!fromWireName<ReviewDecision>(decision))
        out.append(Violation{QStringLiteral("decision"), QStringLiteral("required"), tr("Choose approve or return.")});
    if (blank(rationale))
        out.append(Violation{QStringLiteral("rationale"), QStringLiteral("required"),
                             decision == QLatin1String("return")
                                 ? tr("Say why you are returning the record, so the worker knows what to change.")
                                 : tr("Give the reason for your decision.")});
    return out;
}

QStringList pastOnlyFields(const QString &type)
{
    // The notFuture checks of checkVisit, checkDirectWork, checkSupervision and checkChild
    // (tst_rules::pastOnlyFieldsAreTheInFutureChecks keeps the two lists the same).
    if (type == u"visit")
        return {QStringLiteral("started_at"), QStringLiteral("ended_at")};
    if (type == u"direct_work")
        return {QStringLiteral("session_date")};
    if (type == u"supervision")
        return {QStringLiteral("held_on")};
    if (type == u"child")
        return {QStringLiteral("date_of_birth")};
    return {};
}

QList<Violation> checkSubmission(const QJsonObject &record, const QDateTime &now)
{
    const auto type = recordTypeFromName(record.value(QLatin1String("type")).toString());
    if (!type)
        return {Violation{QStringLiteral("type"), QStringLiteral("invalid"), tr("This is not a record Doorstep knows.")}};
    switch (*type) {
    case RecordType::Child: return checkChild(record, now);
    case RecordType::Visit: return checkVisit(record, now);
    case RecordType::DirectWork: return checkDirectWork(record, now);
    case RecordType::Supervision: return checkSupervision(record, now);
    case RecordType::Review: {
        const auto review = Review::fromJson(record);
        if (!review)
            return {invalid(review.error())};
        return checkReviewDecision(review->decision ? wireName(*review->decision) : QString(), review->rationale);
    }
    }
    return {};
}

// ---- quality prompts -------------------------------------------------------------------------

QList<Prompt> qualityPrompts(const Visit &v)
{
    Prompter p;
    if (blank(v.rationale))
        p.add(QStringLiteral("rationale"), "rationale_missing",
              tr("Say why you are visiting: what this visit is for and what you want to find out."));
    if (v.location == VisitLocation::Other && blank(v.locationDetail))
        p.add(QStringLiteral("location_detail"), "location_unsaid", tr("Say where the visit took place."));
    for (int i = 0; i < v.children.size(); ++i) {
        const ChildOnVisit &card = v.children.at(i);
        const QString list = QStringLiteral("children");
        if (card.seen == true && !card.seenAlone)
            p.add(at(list, i, "seen_alone"), "seen_alone_unanswered", tr("Say whether the child was seen alone, or why not."));
        if (card.seenAlone == false && !card.notSeenAloneReason)
            p.add(at(list, i, "not_seen_alone_reason"), "seen_alone_reason_missing", tr("Say why the child was not seen alone."));
        if (card.seenAlone == true && blank(card.childViews))
            p.add(at(list, i, "child_views"), "views_missing_when_alone",
                  tr("You saw the child alone: record what they told you about their views, wishes and feelings, in their own words."),
                  true);
        else if (card.seen == true && blank(card.childViews))
            p.add(at(list, i, "child_views"), "views_missing",
                  tr("Record the child's views, wishes and feelings, in their own words where you can."));
    }
    if (blank(v.analysisRisks) && blank(v.analysisStrengths) && blank(v.analysisProtective))
        p.add(QStringLiteral("analysis_risks"), "analysis_missing",
              tr("Add your analysis: what the visit tells you about risks, strengths and protective factors."));
    if (blank(v.diversity))
        p.add(QStringLiteral("diversity"), "diversity_missing",
              tr("Say how you took account of the child's identity: language, culture, religion, disability."));
    p.actions(QStringLiteral("actions"), v.actions);
    return p.result();
}

QList<Prompt> qualityPrompts(const Child &child)
{
    Prompter p;
    if (blank(child.plan.contingency))
        p.add(QStringLiteral("plan.contingency"), "no_contingency",
              tr("Add a contingency plan: what will happen if the plan is not working."));
    // Looked-after children have statutory intervals (regulation 28); others need the plan's own.
    if (!child.plan.visitingFrequency && child.legalStatus != LegalStatus::LookedAfter)
        p.add(QStringLiteral("plan.visiting_frequency"), "no_visiting_frequency",
              tr("Say how often the child is to be visited."));
    // A plan's own frequency departs from the council's policy or regulation 28: say why.
    if (child.plan.visitingFrequency && blank(child.visitingFrequencyReason))
        p.add(QStringLiteral("visiting_frequency_reason"), "no_frequency_reason",
              tr("Say why the child is to be visited this often."));
    p.actions(QStringLiteral("plan.actions"), child.plan.actions);
    return p.result();
}

QList<Prompt> changePrompts(const QJsonObject &before, const QJsonObject &after)
{
    Prompter p;
    if (before.isEmpty() || recordTypeFromName(after.value(QLatin1String("type")).toString()) != RecordType::Child)
        return {};
    const QJsonValue was = before.value(QLatin1String("plan")).toObject().value(QLatin1String("visiting_frequency"));
    const QJsonValue now = after.value(QLatin1String("plan")).toObject().value(QLatin1String("visiting_frequency"));
    const QString reason = QStringLiteral("visiting_frequency_reason");
    // A new reason may have been written while the old frequency stood: only an unchanged one is stale.
    if (now.isObject() && was != now && before.value(reason) == after.value(reason) && !blank(after.value(reason).toString()))
        p.add(reason, "frequency_changed_reason_unchanged",
              tr("You changed how often the child is visited: say why, and who agreed it."));
    // A new legal status usually means a new plan: ask for a second look at what was not touched.
    const QString status = QStringLiteral("legal_status");
    if (before.value(status) != after.value(status)) {
        const QString contingency = QStringLiteral("contingency");
        const QJsonObject planWas = before.value(QLatin1String("plan")).toObject();
        const QJsonObject planNow = after.value(QLatin1String("plan")).toObject();
        if (now.isObject() && was == now)
            p.add(QStringLiteral("plan.visiting_frequency"), "legal_status_changed_frequency_unchanged",
                  tr("The legal status changed: check the plan's visiting frequency still fits it."));
        if (planWas.value(contingency) == planNow.value(contingency))
            p.add(QStringLiteral("plan.contingency"), "legal_status_changed_contingency_unchanged",
                  tr("The legal status changed: check the contingency plan still fits it."));
    }
    return p.result();
}

QList<Prompt> qualityPrompts(const DirectWork &w)
{
    Prompter p;
    if (blank(w.childWords))
        p.add(QStringLiteral("child_words"), "child_words_missing", tr("Record what the child said, in their own words."));
    if (blank(w.aims))
        p.add(QStringLiteral("aims"), "aims_missing", tr("Say what the session set out to achieve."));
    return p.result();
}

QList<Prompt> qualityPrompts(const Supervision &s)
{
    Prompter p;
    if (s.actions.isEmpty())
        p.add(QStringLiteral("actions"), "no_actions", tr("Agree at least one action, with a priority and a date."));
    p.actions(QStringLiteral("actions"), s.actions);
    return p.result();
}

QList<Prompt> qualityPrompts(const QJsonObject &record)
{
    const auto type = recordTypeFromName(record.value(QLatin1String("type")).toString());
    if (!type)
        return {};
    switch (*type) {
    case RecordType::Child:
        if (auto c = Child::fromJson(record))
            return qualityPrompts(*c);
        break;
    case RecordType::Visit:
        if (auto v = Visit::fromJson(record))
            return qualityPrompts(*v);
        break;
    case RecordType::DirectWork:
        if (auto w = DirectWork::fromJson(record))
            return qualityPrompts(*w);
        break;
    case RecordType::Supervision:
        if (auto s = Supervision::fromJson(record))
            return qualityPrompts(*s);
        break;
    case RecordType::Review:
        break;
    }
    return {};
}

} // namespace doorstep::rules
