// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "childviewmodel.h"

#include "core/domain.h"
#include "core/duedates.h"
#include "core/rules.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "labels.h"

#include <algorithm>

#include <QJsonArray>
#include <QLocale>
#include <QSet>

namespace doorstep {

namespace {
QVariantMap row(const QString &label, const QString &value)
{
    return QVariantMap{{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}

QString firstWords(const QString &text, int max = 160)
{
    const QString simple = text.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + QChar(0x2026);
}

/** Whether wire::eventTimeOf() gave this record a day rather than a moment: direct work is dated
 *  by its session_date and supervision by held_on (both dates without a time, at 00:00 UTC). */
bool isDateOnly(const QString &type, const QJsonObject &record)
{
    const char *dateField = type == u"direct_work" ? "session_date" : type == u"supervision" ? "held_on" : nullptr;
    return dateField && QDate::fromString(record.value(QLatin1String(dateField)).toString(), Qt::ISODate).isValid();
}

QString summaryOf(const QJsonObject &record)
{
    const QString type = record.value(u"type").toString();
    if (type == u"visit") {
        for (const QJsonValue &card : record.value(u"children").toArray()) {
            const QString views = card.toObject().value(u"child_views").toString();
            if (!views.isEmpty())
                return firstWords(views);
        }
        return firstWords(record.value(u"rationale").toString());
    }
    if (type == u"direct_work")
        return firstWords(record.value(u"child_words").toString().isEmpty() ? record.value(u"aims").toString()
                                                                              : record.value(u"child_words").toString());
    if (type == u"review")
        return firstWords(record.value(u"rationale").toString());
    if (type == u"supervision")
        return firstWords(record.value(u"decisions").toString());
    return {};
}
} // namespace

ChildViewModel::ChildViewModel(QObject *parent) : QObject(parent), m_chronology(new ChronologyModel(this)) {}

void ChildViewModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

void ChildViewModel::setChildId(const QString &id)
{
    if (id == m_childId)
        return;
    m_childId = id;
    Q_EMIT childIdChanged();
    reload();
}

void ChildViewModel::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    reload();
}

Result<ChildData> ChildViewModel::read(Database &db, const QString &childId)
{
    RecordRepository repo(db);
    auto child = repo.byId(childId);
    if (!child)
        return child.error();
    auto records = repo.chronology(childId);
    if (!records)
        return records.error();
    Outbox outbox(db);
    ChildData data;
    data.child = child.value().body;
    QList<QJsonObject> visits;
    for (const StoredRecord &rec : records.value()) {
        ChronologyEntry e;
        e.recordId = rec.id;
        e.type = rec.type;
        e.title = wire::titleOf(rec.body);
        e.state = rec.state;
        e.when = wire::eventTimeOf(rec.body);
        e.dateOnly = isDateOnly(rec.type, rec.body);
        e.returnReason = rec.body.value(u"return_reason").toString();
        e.amends = rec.body.value(u"amends").toString();
        e.summary = summaryOf(rec.body);
        for (const QJsonValue &card : rec.body.value(u"children").toArray())
            if (card.toObject().value(u"child_id").toString() == childId && card.toObject().value(u"safety_concern").toBool())
                e.safetyConcern = true;
        auto unsynced = outbox.hasUnsynced(rec.id);
        e.unsynced = unsynced.ok() && unsynced.value();
        if (rec.type == u"visit")
            visits.append(rec.body);
        data.chronology.prepend(e); // the repository answers oldest first; people read newest first
    }
    // Who has held the case, and why it moved, in the same timeline (newest first).
    const Result<Child> typed = Child::fromJson(data.child);
    for (const AllocationChange &move : typed ? typed.value().allocations : QList<AllocationChange>()) {
        ChronologyEntry e;
        e.type = QStringLiteral("allocation");
        // "Priya Shah, Demo South Team" when the team changed with the worker.
        const auto withTeam = [](const QString &worker, const QString &team) {
            return team.isEmpty() ? worker : tr("%1, %2", "a worker and their team").arg(worker, team);
        };
        const bool opened = move.previousWorker.isEmpty() && move.previousWorkerName.isEmpty();
        if (move.workerName.isEmpty())
            e.title = opened ? tr("Case allocated") : tr("Case moved to another worker");
        else
            e.title = (opened ? tr("Case allocated to %1") : tr("Case moved to %1")).arg(withTeam(move.workerName, move.teamName));
        e.when = move.at;
        QStringList parts;
        if (!move.previousWorkerName.isEmpty())
            parts << tr("From %1.").arg(withTeam(move.previousWorkerName, move.previousTeamName));
        parts << (move.decidedByName.isEmpty() ? tr("Decided by an administrator.") : tr("Decided by %1.").arg(move.decidedByName));
        const QString reason = move.reason.trimmed();
        parts << (reason.isEmpty() ? tr("No reason recorded.") : tr("Why: %1").arg(reason));
        e.summary = parts.join(u' ');
        data.chronology.append(e);
    }
    std::stable_sort(data.chronology.begin(), data.chronology.end(),
                     [](const ChronologyEntry &a, const ChronologyEntry &b) { return a.when > b.when; });
    data.lastSeen = DueDateEngine::lastSeenOn(childId, visits);
    auto policy = SyncState(db).visitPolicy();
    if (!policy)
        return policy.error();
    data.policy = policy.value();
    return data;
}

void ChildViewModel::reload()
{
    if (!m_store || m_childId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT loadedChanged();
    const QString id = m_childId;
    m_store->run<ChildData>([id](Database &db) { return read(db, id); }).then(this, [this, generation](Result<ChildData> r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r.ok()) {
            m_errorString = r.error().message;
            Q_EMIT loadedChanged();
            return;
        }
        m_errorString.clear();
        m_child = r.value().child;
        const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
        m_policy = r.value().policy;
        const VisitDue due = DueDateEngine(m_policy).nextVisit(m_child, r.value().lastSeen, today);
        m_dueBasis = due.basis;
        m_overdue = due.overdue || due.dueNow;
        if (due.overdue)
            m_dueText = tr("Visit overdue by %n day(s)", nullptr, due.daysOverdue);
        else if (due.dueNow)
            m_dueText = tr("Visit due now");
        else if (due.hasDue())
            m_dueText = tr("Next visit by %1").arg(QLocale().toString(due.due, QStringLiteral("d MMM yyyy")));
        else
            m_dueText = tr("No visiting frequency set");
        m_chronology->setEntries(r.value().chronology);
        Q_EMIT loadedChanged();
    });
}

QString ChildViewModel::name() const
{
    return wire::childFullName(m_child);
}

QString ChildViewModel::legalStatusText() const
{
    QString text = Labels::legalStatus(m_child.value(u"legal_status").toString());
    const QString cp = m_child.value(u"cp_category").toString();
    if (!cp.isEmpty())
        text += QStringLiteral(" (%1)").arg(Labels::cpCategory(cp));
    return text;
}

QVariantList ChildViewModel::profile() const
{
    const QLocale locale;
    QVariantList rows;
    const QDate dob = QDate::fromString(m_child.value(u"date_of_birth").toString(), Qt::ISODate);
    if (dob.isValid()) {
        const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
        int age = today.year() - dob.year();
        if (today < dob.addYears(age))
            --age;
        rows << row(tr("Date of birth"), tr("%1 (age %2)").arg(locale.toString(dob, QStringLiteral("d MMM yyyy"))).arg(age));
    }
    auto add = [&rows, this](const QString &label, const char *field) {
        const QString v = m_child.value(QLatin1String(field)).toString();
        rows << row(label, v.isEmpty() ? tr("Not recorded") : v);
    };
    add(tr("Gender"), "gender");
    add(tr("Ethnicity"), "ethnicity");
    add(tr("First language"), "first_language");
    const QJsonValue interp = m_child.value(u"interpreter_needed");
    rows << row(tr("Interpreter needed"), Labels::yesNo(interp.isBool() ? QVariant(interp.toBool()) : QVariant()));
    add(tr("Religion"), "religion");
    add(tr("Disability or SEND"), "disability");
    add(tr("Address"), "address");
    // What regulation 28 counts from, for a looked-after child.
    const QJsonObject placement = m_child.value(u"placement").toObject();
    if (!placement.isEmpty()) {
        const QDate start = QDate::fromString(placement.value(u"start").toString(), Qt::ISODate);
        rows << row(tr("Placement since"), start.isValid() ? locale.toString(start, QStringLiteral("d MMM yyyy")) : tr("Not recorded"));
        rows << row(tr("Placement"), Labels::placementKind(placement.value(u"kind").toString()));
    }
    return rows;
}

QString ChildViewModel::frequencyText() const
{
    auto every = [](const VisitFrequency &f) {
        return f.unit == FrequencyUnit::WorkingDays ? tr("every %n working day(s)", nullptr, f.every) : tr("every %n day(s)", nullptr, f.every);
    };
    const VisitPolicy &policy = m_policy;
    switch (m_dueBasis) {
    case DueBasis::Plan: {
        const QJsonObject f = m_child.value(u"plan").toObject().value(u"visiting_frequency").toObject();
        const FrequencyUnit unit = f.value(u"unit").toString() == u"working_days" ? FrequencyUnit::WorkingDays : FrequencyUnit::CalendarDays;
        return tr("%1, as the plan says").arg(every(VisitFrequency{f.value(u"every").toInt(), unit}));
    }
    case DueBasis::ChildProtectionPolicy:
        return tr("%1 (council policy for child protection; the plan sets none)").arg(every(policy.childProtection));
    case DueBasis::ChildInNeedPolicy:
        return tr("%1 (council policy for child in need; the plan sets none)").arg(every(policy.childInNeed));
    case DueBasis::Reg28FirstWeek:
        return tr("within a week of the placement starting (regulation 28)");
    case DueBasis::Reg28FirstYear:
        return tr("at least every 6 weeks in the placement's first year (regulation 28)");
    case DueBasis::Reg28LongTerm:
        return tr("at least every 3 months in a long-term placement (regulation 28)");
    case DueBasis::Reg28SixWeekly:
        return tr("at least every 6 weeks (regulation 28)");
    case DueBasis::Reg28WeeklyUntilReview:
        return tr("at least weekly until the first review (regulation 28)");
    case DueBasis::None:
        break;
    }
    return tr("no statutory visiting frequency; the plan sets none");
}

bool ChildViewModel::ownFrequency() const
{
    return m_child.value(u"plan").toObject().value(u"visiting_frequency").isObject();
}

QString ChildViewModel::frequencyReason() const
{
    return m_child.value(u"visiting_frequency_reason").toString();
}

QString ChildViewModel::contingency() const
{
    return m_child.value(u"plan").toObject().value(u"contingency").toString();
}

QVariantList ChildViewModel::planActions() const
{
    QVariantList out;
    const QLocale locale;
    for (const QJsonValue &v : m_child.value(u"plan").toObject().value(u"actions").toArray()) {
        const QJsonObject a = v.toObject();
        const QDate due = QDate::fromString(a.value(u"due").toString(), Qt::ISODate);
        out << QVariantMap{{QStringLiteral("what"), a.value(u"what").toString()},
                           {QStringLiteral("owner"), a.value(u"owner").toString()},
                           {QStringLiteral("due"), due.isValid() ? locale.toString(due, QStringLiteral("d MMM yyyy")) : QString()},
                           {QStringLiteral("status"), a.value(u"status").toString()}};
    }
    return out;
}

QVariantList ChildViewModel::planPrompts() const
{
    QVariantList out;
    if (m_child.isEmpty())
        return out;
    for (const rules::Prompt &p : rules::qualityPrompts(m_child))
        out << QVariantMap{{QStringLiteral("field"), p.field}, {QStringLiteral("message"), p.message}, {QStringLiteral("strong"), p.strong}};
    return out;
}

} // namespace doorstep
