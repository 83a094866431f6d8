// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "newcaseform.h"

#include "core/store/store.h"

#include <QJsonObject>

namespace doorstep {

NewCaseForm::NewCaseForm(QObject *parent) : AllocationDecision(parent), m_form(new RecordForm(this))
{
    m_form->setRecordType(QStringLiteral("child"));
    // The worker and the reason are kept with the child's draft: a reason written before the
    // service could be reached is not lost by leaving the page.
    connect(this, &AllocationDecision::changed, this, [this] {
        if (!m_form->ready())
            return; // restoreChoice brings it in once the draft is read
        QJsonObject choice; // nothing chosen is nothing to keep
        if (!workerId().isEmpty())
            choice.insert(QStringLiteral("worker_id"), workerId());
        if (!reason().isEmpty())
            choice.insert(QStringLiteral("reason"), reason());
        m_form->setDraftExtra(choice);
    });
    connect(m_form, &RecordForm::loaded, this, &NewCaseForm::restoreChoice);
}

void NewCaseForm::restoreChoice()
{
    if (!m_workersRead || !m_form->ready())
        return;
    const QJsonObject choice = m_form->draftExtra();
    const QString worker = choice.value(u"worker_id").toString();
    // A worker no longer in the team's list is not chosen again.
    if (workerId().isEmpty()) {
        for (const QVariant &w : workers())
            if (w.toMap().value(QStringLiteral("value")).toString() == worker)
                setWorkerId(worker);
    }
    if (reason().trimmed().isEmpty())
        setReason(choice.value(u"reason").toString());
    Q_EMIT changed(); // the draft takes the choice as it now stands
}

void NewCaseForm::storeChanged()
{
    m_form->setStore(store());
}

void NewCaseForm::start()
{
    m_form->startNew({});
    if (!store())
        return;
    readTeamWorkers([this] {
        m_workersRead = true;
        restoreChoice();
    });
}

bool NewCaseForm::submit()
{
    if (busy())
        return false;
    // Every missing answer at once: the child's, the worker, the reason.
    const bool childReady = m_form->check();
    const bool choiceReady = checkChoice(
        tr("Choose the worker who will hold the case."),
        tr("Give the reason for this allocation: it is kept with the decision, in the child's chronology and the audit trail."));
    if (!childReady || !choiceReady) {
        Q_EMIT changed();
        return false;
    }
    const QJsonObject child = m_form->json();
    const QString workerId = this->workerId();
    const QString reason = this->reason().trimmed();
    QString workerName;
    for (const QVariant &w : workers())
        if (w.toMap().value(QStringLiteral("value")).toString() == workerId)
            workerName = w.toMap().value(QStringLiteral("text")).toString();
    const QString childName = (child.value(u"first_name").toString() + QLatin1Char(' ') + child.value(u"last_name").toString()).trimmed();
    send([child, workerId, reason](ManagerSync *sync, auto done) { sync->openCase(child, workerId, reason, std::move(done)); },
         [this, child, childName, workerName] {
             m_form->discardDraft();
             Q_EMIT opened(child.value(u"id").toString(), childName, workerName);
         },
         [this](const QString &field, const QString &message) {
             if (!field.startsWith(QLatin1String("child.")))
                 return false;
             m_form->refuse(field.mid(6), message);
             return true;
         });
    return true;
}

} // namespace doorstep
