// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reallocationform.h"

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "managersync.h"

#include <QJsonObject>

namespace doorstep {

namespace {

struct Loaded {
    QJsonObject child;
    QString currentWorkerName;
    QVariantList workers; // the team's workers the child can go to
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
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

bool ReallocationForm::submit()
{
    if (busy())
        return false;
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

} // namespace doorstep
