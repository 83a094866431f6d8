// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "allocationdecision.h"

#include "core/store/store.h"

#include <algorithm>

namespace doorstep {

AllocationDecision::AllocationDecision(QObject *parent) : QObject(parent) {}

void AllocationDecision::setStore(Store *store)
{
    if (m_store == store)
        return;
    m_store = store;
    Q_EMIT settingsChanged();
    storeChanged();
}

void AllocationDecision::setManagerSync(ManagerSync *sync)
{
    if (m_sync == sync)
        return;
    m_sync = sync;
    Q_EMIT settingsChanged();
    managerSyncChanged();
}

void AllocationDecision::setWorkerId(const QString &id)
{
    if (m_workerId == id)
        return;
    m_workerId = id;
    m_workerError.clear();
    Q_EMIT changed();
}

void AllocationDecision::setReason(const QString &reason)
{
    if (m_reason == reason)
        return;
    m_reason = reason;
    m_reasonError.clear();
    Q_EMIT changed();
}

void AllocationDecision::setWorkers(const QVariantList &workers)
{
    m_workers = workers;
    if (!m_workerId.isEmpty()
        && std::none_of(m_workers.cbegin(), m_workers.cend(), [this](const QVariant &w) { return w.toMap().value(QStringLiteral("value")) == m_workerId; }))
        m_workerId.clear();
}

void AllocationDecision::readTeamWorkers(std::function<void()> then)
{
    if (!m_store)
        return;
    const int generation = ++m_workersGeneration;
    m_store->run<QVariantList>([](Database &db) { return ManagerSync::teamWorkerChoices(db); })
        .then(this, [this, generation, then = std::move(then)](Result<QVariantList> r) {
            if (generation != m_workersGeneration)
                return;
            if (!r.ok())
                m_errorText = tr("The team's workers could not be read: %1").arg(r.error().message);
            else
                setWorkers(r.value());
            if (then)
                then();
            Q_EMIT loaded();
            Q_EMIT changed();
        });
}

void AllocationDecision::setErrorText(const QString &text)
{
    m_errorText = text;
}

bool AllocationDecision::checkChoice(const QString &noWorker, const QString &noReason)
{
    m_errorText.clear();
    m_workerError = m_workerId.isEmpty() ? noWorker : QString(); // no message: no worker asked for
    m_reasonError = m_reason.trimmed().isEmpty() ? noReason : QString();
    if (!m_sync)
        m_errorText = tr("Not connected to the service.");
    return m_workerError.isEmpty() && m_reasonError.isEmpty() && m_sync;
}

void AllocationDecision::send(const std::function<void(ManagerSync *, std::function<void(const ManagerSync::AllocationOutcome &)>)> &ask,
                              std::function<void()> succeeded, std::function<bool(const QString &, const QString &)> refusedAt)
{
    m_busy = true;
    Q_EMIT changed();
    QPointer<AllocationDecision> self(this);
    ask(m_sync, [self, succeeded = std::move(succeeded), refusedAt = std::move(refusedAt)](const ManagerSync::AllocationOutcome &outcome) {
        if (!self)
            return;
        self->m_busy = false;
        if (outcome.ok) {
            Q_EMIT self->changed();
            succeeded();
            return;
        }
        if (outcome.field == QLatin1String("reason"))
            self->m_reasonError = outcome.message;
        else if (outcome.field == QLatin1String("worker"))
            self->m_workerError = outcome.message;
        else if (!refusedAt || !refusedAt(outcome.field, outcome.message))
            self->m_errorText = outcome.message;
        Q_EMIT self->changed();
    });
}

} // namespace doorstep
