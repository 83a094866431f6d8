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
    static const QList<std::pair<const char *, const char *>> names = {
        {"rationale", QT_TR_NOOP("Why this visit")},
        {"started_at", QT_TR_NOOP("Started")},
        {"ended_at", QT_TR_NOOP("Ended")},
        {"present", QT_TR_NOOP("Who was present")},
        {"children", QT_TR_NOOP("Children on the visit")},
        {"analysis_risks", QT_TR_NOOP("Risks")},
        {"analysis_strengths", QT_TR_NOOP("Strengths")},
        {"analysis_protective", QT_TR_NOOP("Protective factors")},
        {"diversity", QT_TR_NOOP("Diversity")},
        {"actions", QT_TR_NOOP("Actions")},
        {"aims", QT_TR_NOOP("Aims")},
        {"child_words", QT_TR_NOOP("The child's words")},
        {"reflection", QT_TR_NOOP("Reflection")},
        {"next_steps", QT_TR_NOOP("Next steps")},
        {"tools_used", QT_TR_NOOP("Tools used")},
        {"contingency", QT_TR_NOOP("Contingency plan")},
        {"plan", QT_TR_NOOP("Plan")},
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

} // namespace doorstep
