// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "transferdecisionform.h"

#include "core/store/store.h"
#include "managersync.h"

namespace doorstep {

TransferDecisionForm::TransferDecisionForm(QObject *parent) : AllocationDecision(parent) {}

void TransferDecisionForm::setTransferId(const QString &id)
{
    if (m_transferId == id)
        return;
    m_transferId = id;
    setErrorText({});
    Q_EMIT settingsChanged();
    Q_EMIT changed();
}

void TransferDecisionForm::storeChanged()
{
    readTeamWorkers();
}

bool TransferDecisionForm::accept()
{
    if (busy())
        return false;
    if (!checkChoice(tr("Choose the worker of your team who will hold the case."),
                     tr("Give the reason for the allocation: it is kept with the decision in the audit trail."))) {
        Q_EMIT changed();
        return false;
    }
    return answer(QStringLiteral("accept"), QStringLiteral("accepted"), workerId());
}

bool TransferDecisionForm::decline()
{
    if (busy())
        return false;
    if (!checkChoice(QString(), tr("Give the reason for declining: the asking team's manager reads it."))) {
        Q_EMIT changed();
        return false;
    }
    return answer(QStringLiteral("decline"), QStringLiteral("declined"), QString());
}

bool TransferDecisionForm::withdraw()
{
    if (busy())
        return false;
    if (!checkChoice(QString(), QString())) {
        Q_EMIT changed();
        return false;
    }
    return answer(QStringLiteral("withdraw"), QStringLiteral("withdrawn"), QString());
}

bool TransferDecisionForm::answer(const QString &decision, const QString &state, const QString &workerId)
{
    if (m_transferId.isEmpty()) {
        setErrorText(tr("Choose a transfer first."));
        Q_EMIT changed();
        return false;
    }
    const QString id = m_transferId;
    const QString reason = this->reason().trimmed();
    QPointer<ManagerSync> sync = managerSync();
    send([id, decision, workerId, reason](ManagerSync *s, auto done) { s->answerTransfer(id, decision, workerId, reason, std::move(done)); },
         [this, sync, state] {
             if (sync)
                 sync->refreshTransfers();
             Q_EMIT decided(state);
         });
    return true;
}

} // namespace doorstep
