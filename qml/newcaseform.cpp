// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "newcaseform.h"

#include "core/store/store.h"
#include "managersync.h"
#include "recordform.h"

#include <QJsonObject>

namespace doorstep {

NewCaseForm::NewCaseForm(QObject *parent) : QObject(parent), m_form(new RecordForm(this))
{
    m_form->setRecordType(QStringLiteral("child"));
}

void NewCaseForm::setStore(Store *store)
{
    if (m_store == store)
        return;
    m_store = store;
    m_form->setStore(store);
    Q_EMIT settingsChanged();
}

void NewCaseForm::setManagerSync(ManagerSync *sync)
{
    if (m_sync == sync)
        return;
    m_sync = sync;
    Q_EMIT settingsChanged();
}

void NewCaseForm::setWorkerId(const QString &id)
{
    if (m_workerId == id)
        return;
    m_workerId = id;
    m_workerError.clear();
    Q_EMIT changed();
}

void NewCaseForm::setReason(const QString &reason)
{
    if (m_reason == reason)
        return;
    m_reason = reason;
    m_reasonError.clear();
    Q_EMIT changed();
}

void NewCaseForm::start()
{
    m_form->startNew({});
    if (!m_store)
        return;
    const int generation = ++m_generation;
    m_store->run<QVariantList>([](Database &db) { return ManagerSync::teamWorkerChoices(db); })
        .then(this, [this, generation](Result<QVariantList> r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                m_errorText = tr("The team's workers could not be read: %1").arg(r.error().message);
            else
                m_workers = r.value();
            Q_EMIT loaded();
            Q_EMIT changed();
        });
}

bool NewCaseForm::submit()
{
    if (m_busy)
        return false;
    m_errorText.clear();
    // Every missing answer at once: the child's, the worker, the reason.
    const bool childOk = m_form->check();
    m_workerError = m_workerId.isEmpty() ? tr("Choose the worker who will hold the case.") : QString();
    m_reasonError = m_reason.trimmed().isEmpty()
        ? tr("Give the reason for this allocation: it is kept with the decision, in the child's chronology and the audit trail.")
        : QString();
    if (!m_sync)
        m_errorText = tr("Not connected to the service.");
    if (!childOk || !m_workerError.isEmpty() || !m_reasonError.isEmpty() || !m_sync) {
        Q_EMIT changed();
        return false;
    }
    m_busy = true;
    Q_EMIT changed();
    const QJsonObject child = m_form->json();
    QString workerName;
    for (const QVariant &w : std::as_const(m_workers))
        if (w.toMap().value(QStringLiteral("value")).toString() == m_workerId)
            workerName = w.toMap().value(QStringLiteral("text")).toString();
    const QString childName = (child.value(u"first_name").toString() + QLatin1Char(' ') + child.value(u"last_name").toString()).trimmed();
    QPointer<NewCaseForm> self(this);
    m_sync->openCase(child, m_workerId, m_reason.trimmed(), [self, child, childName, workerName](const ManagerSync::AllocationOutcome &outcome) {
        if (!self)
            return;
        self->m_busy = false;
        if (outcome.ok) {
            self->m_form->discardDraft();
            Q_EMIT self->changed();
            Q_EMIT self->opened(child.value(u"id").toString(), childName, workerName);
            return;
        }
        if (outcome.field == QLatin1String("reason"))
            self->m_reasonError = outcome.message;
        else if (outcome.field == QLatin1String("worker"))
            self->m_workerError = outcome.message;
        else if (outcome.field.startsWith(QLatin1String("child.")))
            self->m_form->refuse(outcome.field.mid(6), outcome.message);
        else
            self->m_errorText = outcome.message;
        Q_EMIT self->changed();
    });
    return true;
}

} // namespace doorstep
