// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "allocationdecision.h"

namespace doorstep {

/**
 * A manager's answer to a move between teams (docs/managers.md): accepting one waiting for the
 * team allocates the child to one of the team's workers, with the reason; declining gives the
 * reason to the asking team; the asking team may withdraw its own. The service decides
 * (ManagerSync::answerTransfer), online only; the list is fetched again afterwards.
 */
class TransferDecisionForm : public AllocationDecision
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString transferId READ transferId WRITE setTransferId NOTIFY settingsChanged)
public:
    explicit TransferDecisionForm(QObject *parent = nullptr);

    QString transferId() const { return m_transferId; }
    void setTransferId(const QString &id);

    /** Needs a worker and the reason; false when either is missing (each shown under its field). */
    Q_INVOKABLE bool accept();
    /** Needs the reason. */
    Q_INVOKABLE bool decline();
    /** The asking team takes its request back. */
    Q_INVOKABLE bool withdraw();

Q_SIGNALS:
    /** The service took the answer: `state` is accepted, declined or withdrawn. */
    void decided(const QString &state);

protected:
    void storeChanged() override;

private:
    bool answer(const QString &decision, const QString &state, const QString &workerId);

    QString m_transferId;
};

} // namespace doorstep
