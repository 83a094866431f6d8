// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "labels.h"

#include <QVariantMap>

namespace doorstep {

namespace {
QVariantMap option(const QString &value, const QString &text)
{
    return QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("text"), text}};
}
} // namespace

QString Labels::cpCategory(const QString &code)
{
    if (code == u"neglect")
        return tr("Neglect");
    if (code == u"physical")
        return tr("Physical abuse");
    if (code == u"sexual")
        return tr("Sexual abuse");
    if (code == u"emotional")
        return tr("Emotional abuse");
    if (code == u"multiple")
        return tr("Multiple categories");
    return code;
}

QString Labels::placementKind(const QString &code)
{
    if (code == u"standard")
        return tr("Foster or residential placement");
    if (code == u"long_term_until_18")
        return tr("Long-term placement until 18");
    if (code == u"with_parents_pre_assessment")
        return tr("Placed with parents, before assessment");
    if (code == u"temporary_connected_person")
        return tr("Temporary placement with a connected person");
    return code.isEmpty() ? tr("Not recorded") : code;
}

QString Labels::legalStatus(const QString &code)
{
    if (code == u"early_help")
        return tr("Early help");
    if (code == u"child_in_need")
        return tr("Child in need");
    if (code == u"child_protection")
        return tr("Child protection plan");
    if (code == u"looked_after")
        return tr("Looked after");
    if (code == u"care_leaver")
        return tr("Care leaver");
    return code;
}

QString Labels::recordState(const QString &code)
{
    if (code == u"draft")
        return tr("Draft");
    if (code == u"submitted")
        return tr("Submitted");
    if (code == u"approved")
        return tr("Approved");
    if (code == u"returned")
        return tr("Returned");
    return code;
}

QString Labels::recordType(const QString &code)
{
    if (code == u"visit")
        return tr("Visit");
    if (code == u"direct_work")
        return tr("Direct work");
    if (code == u"review")
        return tr("Management review");
    if (code == u"supervision")
        return tr("Supervision");
    if (code == u"child")
        return tr("Child's details");
    if (code == u"allocation")
        return tr("Change of worker");
    return code;
}

QString Labels::notSeenAloneReason(const QString &code)
{
    for (const QVariant &v : notSeenAloneReasons()) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("value")).toString() == code)
            return m.value(QStringLiteral("text")).toString();
    }
    return code;
}

QString Labels::activity(const QString &code)
{
    for (const QVariant &v : activities()) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("value")).toString() == code)
            return m.value(QStringLiteral("text")).toString();
    }
    return code;
}

QString Labels::fieldLabel(const QString &field)
{
    // Every field of every record type (core/domain.cpp), so no screen shows a raw key.
    static const QList<std::pair<const char *, const char *>> names = {
        // Any record
        {"state", QT_TR_NOOP("Status")},
        {"author", QT_TR_NOOP("Written by")},
        {"created_at", QT_TR_NOOP("Created")},
        {"submitted_at", QT_TR_NOOP("Submitted")},
        {"amends", QT_TR_NOOP("Amends")},
        {"return_reason", QT_TR_NOOP("Manager's reason for returning it")},
        {"reviewed_by", QT_TR_NOOP("Reviewed by")},
        {"reviewed_at", QT_TR_NOOP("Reviewed")},
        // A child's details
        {"first_name", QT_TR_NOOP("First name")},
        {"last_name", QT_TR_NOOP("Last name")},
        {"preferred_name", QT_TR_NOOP("Preferred name")},
        {"date_of_birth", QT_TR_NOOP("Date of birth")},
        {"gender", QT_TR_NOOP("Gender")},
        {"ethnicity", QT_TR_NOOP("Ethnicity")},
        {"first_language", QT_TR_NOOP("First language")},
        {"interpreter_needed", QT_TR_NOOP("Interpreter needed")},
        {"religion", QT_TR_NOOP("Religion")},
        {"disability", QT_TR_NOOP("Disability")},
        {"address", QT_TR_NOOP("Address")},
        {"legal_status", QT_TR_NOOP("Legal status")},
        {"cp_category", QT_TR_NOOP("Child protection category")},
        {"allocated_worker", QT_TR_NOOP("Allocated worker")},
        {"team", QT_TR_NOOP("Team")},
        {"plan", QT_TR_NOOP("Plan")},
        {"placement", QT_TR_NOOP("Placement")},
        // A visit
        {"rationale", QT_TR_NOOP("Why this visit")},
        {"started_at", QT_TR_NOOP("Started")},
        {"ended_at", QT_TR_NOOP("Ended")},
        {"visit_type", QT_TR_NOOP("Type of visit")},
        {"announced", QT_TR_NOOP("Announced visit")},
        {"location", QT_TR_NOOP("Where")},
        {"location_detail", QT_TR_NOOP("Where (details)")},
        {"present", QT_TR_NOOP("Who was present")},
        {"children", QT_TR_NOOP("Children on the visit")},
        {"analysis_risks", QT_TR_NOOP("Risks")},
        {"analysis_strengths", QT_TR_NOOP("Strengths")},
        {"analysis_protective", QT_TR_NOOP("Protective factors")},
        {"diversity", QT_TR_NOOP("Diversity")},
        {"interpreter_used", QT_TR_NOOP("Interpreter used")},
        {"actions", QT_TR_NOOP("Actions")},
        // A child on a visit
        {"child_id", QT_TR_NOOP("Child")},
        {"seen", QT_TR_NOOP("Child seen")},
        {"not_seen_reason", QT_TR_NOOP("Why the child was not seen")},
        {"seen_alone", QT_TR_NOOP("Child seen alone")},
        {"not_seen_alone_reason", QT_TR_NOOP("Why not seen alone (regulation 29)")},
        {"not_seen_alone_detail", QT_TR_NOOP("What prevented seeing the child alone")},
        {"bedroom_seen", QT_TR_NOOP("Bedroom seen")},
        {"safety_concern", QT_TR_NOOP("Safety concern")},
        {"child_views", QT_TR_NOOP("The child's views, wishes and feelings")},
        {"observations", QT_TR_NOOP("Observations")},
        // Direct work
        {"child_ids", QT_TR_NOOP("Children in the session")},
        {"session_date", QT_TR_NOOP("Date of the session")},
        {"activity", QT_TR_NOOP("Activity")},
        {"activity_detail", QT_TR_NOOP("What activity")},
        {"aims", QT_TR_NOOP("Aims")},
        {"tools_used", QT_TR_NOOP("Tools used")},
        {"child_words", QT_TR_NOOP("The child's words")},
        {"reflection", QT_TR_NOOP("Reflection")},
        {"next_steps", QT_TR_NOOP("Next steps")},
        // A manager's review
        {"record_id", QT_TR_NOOP("Record reviewed")},
        {"decision", QT_TR_NOOP("Decision")},
        {"manager", QT_TR_NOOP("Manager")},
        {"decided_at", QT_TR_NOOP("Decided")},
        {"seen_rev", QT_TR_NOOP("Version reviewed")},
        // Supervision
        {"worker", QT_TR_NOOP("Worker supervised")},
        {"held_on", QT_TR_NOOP("Date of supervision")},
        {"discussion", QT_TR_NOOP("Discussion")},
        {"decisions", QT_TR_NOOP("Decisions and why")},
        // Inside a plan or an action
        {"contingency", QT_TR_NOOP("Contingency plan")},
        {"visiting_frequency", QT_TR_NOOP("How often to visit")},
        {"visiting_frequency_reason", QT_TR_NOOP("Why this often")},
        {"what", QT_TR_NOOP("Action")},
        {"owner", QT_TR_NOOP("Who")},
        {"due", QT_TR_NOOP("By when")},
        {"status", QT_TR_NOOP("Status")},
        {"priority", QT_TR_NOOP("Priority")},
        // Inside a placement
        {"start", QT_TR_NOOP("Placement started")},
        {"kind", QT_TR_NOOP("Kind of placement")},
        {"first_review", QT_TR_NOOP("First review")},
    };
    for (const auto &[key, text] : names)
        if (field == QLatin1String(key))
            return tr(text);
    return field;
}

QString Labels::yesNo(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return tr("Not answered");
    return value.toBool() ? tr("Yes") : tr("No");
}

QVariantList Labels::notSeenAloneReasons()
{
    // Regulation 29, Care Planning, Placement and Case Review (England) Regulations 2010.
    return {option(QStringLiteral("child_refused"), tr("The child refused (of sufficient age and understanding)")),
            option(QStringLiteral("inappropriate_age_understanding"), tr("Not appropriate given the child's age and understanding")),
            option(QStringLiteral("unable_parent_refused"), tr("Unable: parent or carer refused")),
            option(QStringLiteral("unable_child_not_home"), tr("Unable: child not at home")),
            option(QStringLiteral("unable_other"), tr("Unable: other reason (say what)"))};
}

QVariantList Labels::visitTypes()
{
    return {option(QStringLiteral("statutory_cp"), tr("Statutory child protection")),
            option(QStringLiteral("statutory_cin"), tr("Statutory child in need")),
            option(QStringLiteral("statutory_cla"), tr("Statutory looked after")),
            option(QStringLiteral("other"), tr("Other"))};
}

QVariantList Labels::locations()
{
    return {option(QStringLiteral("home"), tr("Home")), option(QStringLiteral("school"), tr("School")),
            option(QStringLiteral("placement"), tr("Placement")), option(QStringLiteral("other"), tr("Other"))};
}

QVariantList Labels::activities()
{
    return {option(QStringLiteral("life_story"), tr("Life story work")),
            option(QStringLiteral("keeping_safe"), tr("Keeping safe")),
            option(QStringLiteral("wishes_and_feelings"), tr("Wishes and feelings")),
            option(QStringLiteral("domestic_abuse_awareness"), tr("Domestic abuse awareness")),
            option(QStringLiteral("other"), tr("Other"))};
}

QVariantList Labels::actionStatuses()
{
    return {option(QStringLiteral("open"), tr("Open")), option(QStringLiteral("done"), tr("Done")),
            option(QStringLiteral("cancelled"), tr("Cancelled"))};
}

QVariantList Labels::frequencyUnits()
{
    return {option(QStringLiteral("working_days"), tr("working days")), option(QStringLiteral("calendar_days"), tr("days"))};
}

QVariantList Labels::legalStatuses()
{
    QVariantList out;
    for (const char *code : {"early_help", "child_in_need", "child_protection", "looked_after", "care_leaver"})
        out << option(QString::fromLatin1(code), legalStatus(QString::fromLatin1(code)));
    return out;
}

QVariantList Labels::cpCategories()
{
    QVariantList out;
    for (const char *code : {"neglect", "physical", "sexual", "emotional", "multiple"})
        out << option(QString::fromLatin1(code), cpCategory(QString::fromLatin1(code)));
    return out;
}

QVariantList Labels::placementKinds()
{
    QVariantList out;
    for (const char *code : {"standard", "long_term_until_18", "with_parents_pre_assessment", "temporary_connected_person"})
        out << option(QString::fromLatin1(code), placementKind(QString::fromLatin1(code)));
    return out;
}

} // namespace doorstep
