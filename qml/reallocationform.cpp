// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reallocationform.h"

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "managersync.h"

#include <QJsonObject>

#include <algorithm>

namespace doorstep {

namespace {

struct Loaded {
    QJsonObject child;
    QString currentWorkerName;
    QVariantList workers; // the team's workers the child can go to
};

} // namespace

ReallocationForm::ReallocationForm(QObject *parent) : QObject(parent) {}

void ReallocationForm::setStore(Store *store)
{
    if (m_store == store)
        return;
    m_store = store;
    Q_EMIT settingsChanged();
    reload();
}

void ReallocationForm::setManagerSync(ManagerSync *sync)
{
    if (m_sync == sync)
        return;
    m_sync = sync;
    Q_EMIT settingsChanged();
}

void ReallocationForm::setChildId(const QString &id)
{
    if (m_childId == id)
        return;
    m_childId = id;
    Q_EMIT settingsChanged();
    reload();
}

void ReallocationForm::setWorkerId(const QString &id)
{
    if (m_workerId == id)
        return;
    m_workerId = id;
    m_workerError.clear();
    Q_EMIT changed();
}

void ReallocationForm::setReason(const QString &reason)
{
    if (m_reason == reason)
        return;
    m_reason = reason;
    m_reasonError.clear();
    Q_EMIT changed();
}

void ReallocationForm::reload()
{
    if (!m_store || m_childId.isEmpty())
        return;
    const int generation = ++m_generation;
    const QString id = m_childId;
    m_store->run<Loaded>([id](Database &db) -> Result<Loaded> {
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
            m_errorText = tr("This child could not be read: %1").arg(r.error().message);
            Q_EMIT loaded();
            Q_EMIT changed();
            return;
        }
        const Loaded &l = r.value();
        m_errorText.clear();
        const QString first = l.child.value(u"first_name").toString();
        m_childName = (first + QLatin1Char(' ') + l.child.value(u"last_name").toString()).trimmed();
        m_currentWorkerName = l.currentWorkerName;
        m_workers = l.workers;
        if (!m_workerId.isEmpty()
            && std::none_of(m_workers.cbegin(), m_workers.cend(), [this](const QVariant &w) { return w.toMap().value(QStringLiteral("value")) == m_workerId; }))
            m_workerId.clear();
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

bool ReallocationForm::submit()
{
    if (m_busy)
        return false;
    m_errorText.clear();
    m_workerError = m_workerId.isEmpty() ? tr("Choose the worker the child goes to.") : QString();
    m_reasonError = m_reason.trimmed().isEmpty()
        ? tr("Give the reason for the reallocation: it is kept with the decision in the audit trail.")
        : QString();
    if (!m_workerError.isEmpty() || !m_reasonError.isEmpty() || !m_sync) {
        if (!m_sync)
            m_errorText = tr("Not connected to the service.");
        Q_EMIT changed();
        return false;
    }
    m_busy = true;
    Q_EMIT changed();
    QPointer<ReallocationForm> self(this);
    m_sync->reallocate(m_childId, m_workerId, m_reason.trimmed(), [self](const ManagerSync::AllocationOutcome &outcome) {
        if (!self)
            return;
        self->m_busy = false;
        if (outcome.ok) {
            Q_EMIT self->changed();
            Q_EMIT self->reallocated();
            return;
        }
        if (outcome.field == QLatin1String("reason"))
            self->m_reasonError = outcome.message;
        else if (outcome.field == QLatin1String("worker"))
            self->m_workerError = outcome.message;
        else
            self->m_errorText = outcome.message;
        Q_EMIT self->changed();
    });
    return true;
}

} // namespace doorstep
