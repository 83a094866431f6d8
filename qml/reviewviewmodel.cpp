// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reviewviewmodel.h"

#include "dashboardviewmodel.h"
#include "labels.h"
#include "reviewqueuemodel.h"

#include "core/rules.h"
#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace doorstep {

namespace {

QString dateTimeText(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")) : QString();
}

QString dateText(const QJsonValue &v)
{
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QStringLiteral("d MMM yyyy")) : QString();
}

QString optionText(const QVariantList &options, const QString &code)
{
    for (const QVariant &o : options) {
        const QVariantMap m = o.toMap();
        if (m.value(QStringLiteral("value")).toString() == code)
            return m.value(QStringLiteral("text")).toString();
    }
    return code;
}

/** Builds the sections; an empty text field shows "Not recorded", because a blank is itself
 *  something a manager must notice. */
class Sections
{
public:
    void begin(const QString &heading, bool alert = false)
    {
        flush();
        m_heading = heading;
        m_alert = alert;
    }
    void add(const QString &label, const QString &value, bool alert = false)
    {
        m_items.append(QVariantMap{{QStringLiteral("label"), label},
                                   {QStringLiteral("value"), value.trimmed().isEmpty() ? ReviewViewModel::tr("Not recorded") : value},
                                   {QStringLiteral("alert"), alert},
                                   {QStringLiteral("missing"), value.trimmed().isEmpty()}});
    }
    void text(const QJsonObject &o, const char *field, const QString &label)
    {
        add(label, o.value(QLatin1String(field)).toString());
    }
    void yesNo(const QString &label, const QJsonValue &v, bool alertWhenNo = false)
    {
        add(label, Labels::yesNo(v.isUndefined() ? QVariant() : v.toVariant()), alertWhenNo && v.isBool() && !v.toBool());
    }
    void actions(const QJsonArray &list, bool withPriority)
    {
        if (list.isEmpty()) {
            add(ReviewViewModel::tr("Actions"), ReviewViewModel::tr("No actions recorded"));
            return;
        }
        int n = 0;
        for (const QJsonValue &v : list) {
            const QJsonObject a = v.toObject();
            QStringList parts;
            if (withPriority && a.contains(u"priority"))
                parts << ReviewViewModel::tr("Priority %1").arg(a.value(u"priority").toInt());
            if (!a.value(u"owner").toString().isEmpty())
                parts << ReviewViewModel::tr("Owner: %1").arg(a.value(u"owner").toString());
            if (const QString due = dateText(a.value(u"due")); !due.isEmpty())
                parts << ReviewViewModel::tr("Due %1").arg(due);
            if (!a.value(u"status").toString().isEmpty())
                parts << (a.value(u"status").toString() == u"done"        ? ReviewViewModel::tr("Done")
                              : a.value(u"status").toString() == u"cancelled" ? ReviewViewModel::tr("Cancelled")
                                                                              : ReviewViewModel::tr("Open"));
            add(ReviewViewModel::tr("Action %1").arg(++n), a.value(u"what").toString() + QStringLiteral("\n") + parts.join(QStringLiteral(" · ")));
        }
    }
    QVariantList finish()
    {
        flush();
        return m_out;
    }

private:
    void flush()
    {
        if (!m_heading.isEmpty() || !m_items.isEmpty())
            m_out.append(QVariantMap{{QStringLiteral("heading"), m_heading}, {QStringLiteral("alert"), m_alert}, {QStringLiteral("items"), m_items}});
        m_heading.clear();
        m_items.clear();
        m_alert = false;
    }
    QVariantList m_out;
    QVariantList m_items;
    QString m_heading;
    bool m_alert = false;
};

} // namespace

ReviewViewModel::ReviewViewModel(QObject *parent) : QObject(parent) {}

void ReviewViewModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

void ReviewViewModel::setRecordId(const QString &id)
{
    if (id == m_recordId)
        return;
    m_recordId = id;
    Q_EMIT recordIdChanged();
    reload();
}

void ReviewViewModel::setUserId(const QString &id)
{
    if (id == m_userId)
        return;
    m_userId = id;
    Q_EMIT userIdChanged();
    Q_EMIT decisionStateChanged();
}

void ReviewViewModel::setRationale(const QString &text)
{
    if (text == m_rationale)
        return;
    m_rationale = text;
    Q_EMIT decisionStateChanged();
}

QString ReviewViewModel::typeText() const
{
    return Labels::recordType(m_data.type);
}

QString ReviewViewModel::title() const
{
    return m_data.found ? wire::titleOf(m_data.body) : QString();
}

QString ReviewViewModel::stateText() const
{
    return Labels::recordState(m_data.body.value(u"state").toString());
}

QString ReviewViewModel::authorName() const
{
    const QString id = m_data.body.value(u"author").toString();
    const QString name = m_data.userNames.value(id);
    if (!name.isEmpty())
        return name;
    return id.isEmpty() ? tr("Unknown author") : tr("Worker %1").arg(id.left(8));
}

QString ReviewViewModel::childNames() const
{
    QStringList names;
    for (const QString &id : wire::childIdsOf(m_data.body))
        names << m_data.childNames.value(id, tr("A child not on this tablet"));
    return names.join(QStringLiteral(", "));
}

QString ReviewViewModel::submittedText() const
{
    const QString when = dateTimeText(m_data.body.value(u"submitted_at"));
    return when.isEmpty() ? QString() : tr("Submitted %1").arg(when);
}

bool ReviewViewModel::safetyConcern() const
{
    const QJsonArray cards = m_data.body.value(u"children").toArray();
    for (const QJsonValue &c : cards)
        if (c.toObject().value(u"safety_concern").toBool())
            return true;
    return false;
}

QString ReviewViewModel::blockedReason() const
{
    // The same checks the service makes, said before the manager tries: the service re-checks them all.
    if (m_loading || !m_data.found)
        return tr("The record is not on this tablet.");
    if (m_busy)
        return tr("Saving your decision…");
    if (!m_userId.isEmpty() && m_data.body.value(u"author").toString() == m_userId)
        return tr("You cannot review your own record.");
    if (m_data.rev < 1)
        return tr("This record has not reached the service yet, so it cannot be reviewed.");
    const QString state = m_data.body.value(u"state").toString();
    if (state == u"draft" && safetyConcern()) // listed for its concern, which the manager can act on at once
        return tr("Only submitted records can be reviewed, and this one is still a draft. Talk to its author about the safety concern now.");
    if (state != u"submitted")
        return tr("Only submitted records can be reviewed; this one is %1.").arg(Labels::recordState(state).toLower());
    if (m_data.decision && m_data.decision->status == u"accepted" && m_data.decision->seenRev >= m_data.rev)
        return tr("You already decided on this version.");
    if (m_rationale.trimmed().isEmpty())
        return tr("Write the reason for your decision first: it is kept with the record and the worker sees it when you return it.");
    return {};
}

QString ReviewViewModel::decisionStatusText() const
{
    if (!m_data.decision)
        return {};
    // On the record itself the heading says what happened; decisionProblem says why and what next.
    if (m_data.decision->status == u"conflict")
        return m_data.decision->decision == u"approve" ? tr("Your approval was not applied") : tr("Your return was not applied");
    return ReviewQueueModel::decisionStatusText(m_data.decision->status, m_data.decision->decision);
}

QString ReviewViewModel::decisionProblem() const
{
    if (!m_data.decision)
        return {};
    const QueuedDecision &d = *m_data.decision;
    if (d.status == u"conflict") {
        return tr("The record changed since you read it (you read version %1; the service now has version %2), so your %3 was "
                  "not applied. Read the current version and decide again.")
            .arg(d.seenRev)
            .arg(d.currentRev > 0 ? QString::number(d.currentRev) : tr("a newer one"))
            .arg(d.decision == u"approve" ? tr("approval") : tr("return"));
    }
    if (d.status == u"refused")
        return tr("The service refused your decision: %1").arg(d.error.isEmpty() ? d.errorCode : d.error);
    return {};
}

Result<ReviewData> ReviewViewModel::read(Database &db, const QString &recordId)
{
    ReviewData data;
    RecordRepository repo(db);
    auto rec = repo.byId(recordId);
    if (!rec) {
        if (rec.error().code == ErrorCode::NotFound)
            return data;
        return rec.error();
    }
    data.found = true;
    data.type = rec.value().type;
    data.body = rec.value().body;
    data.rev = rec.value().rev;
    for (const QString &c : wire::childIdsOf(data.body)) {
        auto child = repo.byId(c);
        if (child)
            data.childNames.insert(c, wire::childKnownAs(child.value().body));
    }
    if (auto names = SyncState(db).get(DashboardViewModel::userNamesKey()); names && names.value()) {
        const QJsonObject map = QJsonDocument::fromJson(names.value()->toUtf8()).object();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            data.userNames.insert(it.key(), it.value().toString());
    }
    auto decision = DecisionQueue(db).latestFor(recordId);
    if (!decision)
        return decision.error();
    data.decision = decision.value();
    return data;
}

QVariantList ReviewViewModel::sectionsFor(const ReviewData &data)
{
    Sections s;
    const QJsonObject &b = data.body;
    if (data.type == u"visit") {
        s.begin(tr("Why and when"));
        s.add(tr("Visit type"), optionText(Labels::visitTypes(), b.value(u"visit_type").toString()));
        s.add(tr("Started"), dateTimeText(b.value(u"started_at")));
        s.add(tr("Ended"), dateTimeText(b.value(u"ended_at")));
        s.yesNo(tr("Announced"), b.value(u"announced"));
        s.add(tr("Where"), optionText(Labels::locations(), b.value(u"location").toString())
                               + (b.value(u"location_detail").toString().isEmpty() ? QString() : QStringLiteral(" – ") + b.value(u"location_detail").toString()));
        s.text(b, "rationale", tr("Why this visit"));
        s.text(b, "present", tr("Who was present"));
        for (const QJsonValue &v : b.value(u"children").toArray()) {
            const QJsonObject card = v.toObject();
            const QString id = card.value(u"child_id").toString();
            const bool concern = card.value(u"safety_concern").toBool();
            s.begin(data.childNames.value(id, tr("A child not on this tablet")), concern);
            s.yesNo(tr("Seen"), card.value(u"seen"), true);
            if (card.value(u"seen").isBool() && !card.value(u"seen").toBool())
                s.text(card, "not_seen_reason", tr("Why not seen"));
            s.yesNo(tr("Seen alone"), card.value(u"seen_alone"), true);
            if (card.value(u"seen_alone").isBool() && !card.value(u"seen_alone").toBool()) {
                const QString reason = card.value(u"not_seen_alone_reason").toString();
                s.add(tr("Why not seen alone"), reason.isEmpty() ? QString() : Labels::notSeenAloneReason(reason), true);
                if (!card.value(u"not_seen_alone_detail").toString().isEmpty())
                    s.text(card, "not_seen_alone_detail", tr("More about why"));
            }
            s.yesNo(tr("Bedroom seen"), card.value(u"bedroom_seen"));
            if (concern)
                s.add(tr("Safety concern"), tr("Yes: the worker raised a safety concern"), true);
            s.text(card, "child_views", tr("The child's views, wishes and feelings"));
            s.text(card, "observations", tr("Observations"));
        }
        s.begin(tr("Analysis"));
        s.text(b, "analysis_risks", tr("Risks"));
        s.text(b, "analysis_strengths", tr("Strengths"));
        s.text(b, "analysis_protective", tr("Protective factors"));
        s.begin(tr("Diversity"));
        s.text(b, "diversity", tr("Identity, culture, language and faith"));
        s.yesNo(tr("Interpreter used"), b.value(u"interpreter_used"));
        s.begin(tr("Actions"));
        s.actions(b.value(u"actions").toArray(), false);
    } else if (data.type == u"direct_work") {
        s.begin(tr("Session"));
        s.add(tr("Date"), dateText(b.value(u"session_date")));
        s.add(tr("Activity"), Labels::activity(b.value(u"activity").toString())
                                  + (b.value(u"activity_detail").toString().isEmpty() ? QString() : QStringLiteral(" – ") + b.value(u"activity_detail").toString()));
        s.text(b, "aims", tr("Aims"));
        s.text(b, "tools_used", tr("Tools used"));
        s.begin(tr("What the child said and did"));
        s.text(b, "child_words", tr("The child's words"));
        s.text(b, "reflection", tr("Reflection"));
        s.text(b, "next_steps", tr("Next steps"));
    } else if (data.type == u"supervision") {
        s.begin(tr("Supervision"));
        s.add(tr("Held on"), dateText(b.value(u"held_on")));
        s.add(tr("Child"), data.childNames.value(b.value(u"child_id").toString(), tr("A child not on this tablet")));
        const QString worker = b.value(u"worker").toString();
        s.add(tr("Worker"), data.userNames.value(worker, worker.isEmpty() ? QString() : tr("Worker %1").arg(worker.left(8))));
        s.text(b, "discussion", tr("Discussion"));
        s.text(b, "decisions", tr("Decisions"));
        s.begin(tr("Prioritised actions"));
        s.actions(b.value(u"actions").toArray(), true);
    } else {
        s.begin(Labels::recordType(data.type));
        s.add(tr("Summary"), wire::searchTextOf(b));
    }
    if (!b.value(u"return_reason").toString().isEmpty()) {
        s.begin(tr("Returned earlier"));
        s.text(b, "return_reason", tr("Reason given"));
    }
    return s.finish();
}

void ReviewViewModel::reload()
{
    if (!m_store || m_recordId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT loadedChanged();
    Q_EMIT decisionStateChanged();
    m_store->run<ReviewData>([id = m_recordId](Database &db) { return read(db, id); }).then(this, [this, generation](Result<ReviewData> r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (r.ok()) {
            m_data = r.value();
            m_errorString.clear();
        } else {
            m_data = ReviewData();
            m_errorString = r.error().message;
        }
        m_sections = sectionsFor(m_data);
        Q_EMIT loadedChanged();
        Q_EMIT decisionStateChanged();
    });
}

void ReviewViewModel::approve()
{
    queue(QStringLiteral("approve"));
}

void ReviewViewModel::returnRecord()
{
    queue(QStringLiteral("return"));
}

void ReviewViewModel::queue(const QString &decision)
{
    if (!m_store || !blockedReason().isEmpty())
        return;
    m_busy = true;
    Q_EMIT decisionStateChanged();
    m_store->run<QueuedDecision>([id = m_recordId, decision, rationale = m_rationale, rev = m_data.rev](Database &db) {
               return DecisionQueue(db).queue(id, decision, rationale, rev);
           })
        .then(this, [this, decision](Result<QueuedDecision> r) {
            m_busy = false;
            if (r.ok()) {
                m_data.decision = r.value();
                m_errorString.clear();
                m_rationale.clear();
            } else {
                m_errorString = r.error().message;
            }
            Q_EMIT decisionStateChanged();
            if (r.ok())
                Q_EMIT decided(decision);
        });
}

void ReviewViewModel::discardDecision()
{
    if (!m_store || !m_data.decision || m_data.decision->status == u"accepted")
        return;
    const QString id = m_data.decision->decisionId;
    m_store->run<bool>([id](Database &db) -> Result<bool> {
               if (auto r = DecisionQueue(db).discard(id); !r)
                   return r.error();
               return true;
           })
        .then(this, [this](Result<bool> r) {
            if (!r.ok())
                m_errorString = r.error().message;
            reload();
        });
}

} // namespace doorstep
