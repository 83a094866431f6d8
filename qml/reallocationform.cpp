// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reallocationform.h"

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "managersync.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace doorstep {

namespace {

struct Loaded {
    QJsonObject child;
    QString currentWorkerName;
    QVariantList workers; // the team's workers the child can go to
    QVariantList teams;   // the other teams
    QJsonObject openTransfer; // this team's request for the child still waiting, if any
};

} // namespace

ReallocationForm::ReallocationForm(QObject *parent) : AllocationDecision(parent) {}

void ReallocationForm::setChildId(const QString &id)
{
    if (m_childId == id)
        return;
    m_childId = id;
    Q_EMIT settingsChanged();
    reload();
}

void ReallocationForm::reload()
{
    if (!store() || m_childId.isEmpty())
        return;
    const int generation = ++m_generation;
    const QString id = m_childId;
    store()->run<Loaded>([id](Database &db) -> Result<Loaded> {
        Loaded out;
        auto child = RecordRepository(db).byId(id);
        if (!child)
            return child.error();
        out.child = child.value().body;
        const QString current = out.child.value(u"allocated_worker").toString();
        if (current.isEmpty()) {
            out.currentWorkerName = tr("Nobody");
        } else {
            auto name = ManagerSync::userName(db, current);
            if (!name)
                return name.error();
            out.currentWorkerName = name.value();
        }
        auto workers = ManagerSync::teamWorkerChoices(db, current);
        if (!workers)
            return workers.error();
        out.workers = workers.value();
        auto transfers = ManagerSync::storedTransfers(db);
        if (!transfers)
            return transfers.error();
        for (const QJsonValue &t : transfers.value().value(u"teams").toArray())
            out.teams.append(QVariantMap{{QStringLiteral("value"), t[u"id"].toString()}, {QStringLiteral("text"), t[u"name"].toString()}});
        for (const QJsonValue &t : transfers.value().value(u"outgoing").toArray()) {
            if (t[u"child_id"].toString() == id && t[u"state"].toString() == QLatin1String("pending"))
                out.openTransfer = t.toObject();
        }
        return out;
    }).then(this, [this, generation](Result<Loaded> r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setErrorText(tr("This child could not be read: %1").arg(r.error().message));
            Q_EMIT loaded();
            Q_EMIT changed();
            return;
        }
        const Loaded &l = r.value();
        setErrorText({});
        const QString first = l.child.value(u"first_name").toString();
        m_childName = (first + QLatin1Char(' ') + l.child.value(u"last_name").toString()).trimmed();
        m_currentWorkerName = l.currentWorkerName;
        setWorkers(l.workers);
        m_teams = l.teams;
        if (std::none_of(m_teams.cbegin(), m_teams.cend(), [this](const QVariant &t) { return t.toMap().value(QStringLiteral("value")) == m_teamId; }))
            m_teamId.clear();
        m_openTransferText = l.openTransfer.isEmpty()
            ? QString()
            : tr("Waiting for %1's answer since %2.")
                  .arg(l.openTransfer.value(u"to_team_name").toString(),
                       QLocale().toString(QDateTime::fromString(l.openTransfer.value(u"requested_at").toString(), Qt::ISODate).toLocalTime().date(),
                                          QLocale::ShortFormat));
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

void ReallocationForm::managerSyncChanged()
{
    disconnect(m_transfersFetched);
    if (managerSync())
        m_transfersFetched = connect(managerSync(), &ManagerSync::transfersChanged, this, &ReallocationForm::reload);
}

void ReallocationForm::setToAnotherTeam(bool on)
{
    if (m_toAnotherTeam == on)
        return;
    m_toAnotherTeam = on;
    setErrorText({});
    Q_EMIT changed();
}

void ReallocationForm::setTeamId(const QString &id)
{
    if (m_teamId == id)
        return;
    m_teamId = id;
    m_teamError.clear();
    Q_EMIT changed();
}

bool ReallocationForm::submit()
{
    if (busy())
        return false;
    if (m_toAnotherTeam)
        return askAnotherTeam();
    const bool ready = checkChoice(tr("Choose the worker the child goes to."),
                                   tr("Give the reason for the reallocation: it is kept with the decision in the audit trail."));
    if (!ready) {
        Q_EMIT changed();
        return false;
    }
    const QString childId = m_childId;
    const QString workerId = this->workerId();
    const QString reason = this->reason().trimmed();
    send([childId, workerId, reason](ManagerSync *sync, auto done) { sync->reallocate(childId, workerId, reason, std::move(done)); },
         [this] { Q_EMIT reallocated(); });
    return true;
}

bool ReallocationForm::askAnotherTeam()
{
    if (!m_openTransferText.isEmpty()) {
        setErrorText(tr("This child's move to another team is already waiting for an answer. Withdraw it from Transfers first."));
        Q_EMIT changed();
        return false;
    }
    const bool ready = checkChoice(QString(), tr("Give the reason for the move: the other team's manager reads it before deciding."));
    m_teamError = m_teamId.isEmpty() ? tr("Choose the team the child would move to.") : QString();
    if (!ready || !m_teamError.isEmpty()) {
        Q_EMIT changed();
        return false;
    }
    const QString childId = m_childId;
    const QString teamId = m_teamId;
    const QString reason = this->reason().trimmed();
    QPointer<ManagerSync> sync = managerSync();
    send([childId, teamId, reason](ManagerSync *s, auto done) { s->requestTransfer(childId, teamId, reason, std::move(done)); },
         [this, sync] {
             if (sync)
                 sync->refreshTransfers();
             Q_EMIT transferRequested();
         },
         [this](const QString &field, const QString &message) {
             if (field != QLatin1String("team"))
                 return false;
             m_teamError = message;
             return true;
         });
    return true;
}

} // namespace doorstep
