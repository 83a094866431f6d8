// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "allocationdecision.h"

namespace doorstep {

/**
 * A manager moves a child of their team to another worker of the team, giving the reason (a
 * management decision carries its rationale). The choices are the team's workers as last fetched
 * from the service (ManagerSync::refreshUserNames), less the worker who holds the child now. The
 * service does the move (ManagerSync::reallocate); the tablet then syncs to receive it.
 *
 * Or, with `toAnotherTeam`, asks another team's manager to take the child (ManagerSync::
 * requestTransfer): the team is chosen from those last fetched with the transfers, and the child
 * stays with its worker until that manager accepts. A request already waiting is shown instead
 * (`openTransferText`): one at a time.
 */
class ReallocationForm : public AllocationDecision
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString childId READ childId WRITE setChildId NOTIFY settingsChanged)
    Q_PROPERTY(QString childName READ childName NOTIFY loaded)
    Q_PROPERTY(QString currentWorkerName READ currentWorkerName NOTIFY loaded)
    Q_PROPERTY(bool toAnotherTeam READ toAnotherTeam WRITE setToAnotherTeam NOTIFY changed)
    /** [{value: team id, text: name}] of the other teams, as last fetched. */
    Q_PROPERTY(QVariantList teams READ teams NOTIFY loaded)
    Q_PROPERTY(QString teamId READ teamId WRITE setTeamId NOTIFY changed)
    Q_PROPERTY(QString teamError READ teamError NOTIFY changed)
    /** "Waiting for Team B's answer since 24 Nov 2026" when this team has asked already; else empty. */
    Q_PROPERTY(QString openTransferText READ openTransferText NOTIFY loaded)
public:
    explicit ReallocationForm(QObject *parent = nullptr);

    QString childId() const { return m_childId; }
    void setChildId(const QString &id);
    QString childName() const { return m_childName; }
    QString currentWorkerName() const { return m_currentWorkerName; }
    bool toAnotherTeam() const { return m_toAnotherTeam; }
    void setToAnotherTeam(bool on);
    QVariantList teams() const { return m_teams; }
    QString teamId() const { return m_teamId; }
    void setTeamId(const QString &id);
    QString teamError() const { return m_teamError; }
    QString openTransferText() const { return m_openTransferText; }

    /** Checks the choice and the reason, then asks the service; false when something is missing
     *  (each shown under its field). `reallocated` or the errors follow the service's answer. */
    Q_INVOKABLE bool submit();
    /** Reads the child, the team's workers and the other teams again. */
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void reallocated();
    /** The other team's manager has been asked. */
    void transferRequested();

protected:
    void storeChanged() override { reload(); }
    /** The other teams and this team's open requests come with the transfers: read again when fetched. */
    void managerSyncChanged() override;

private:
    bool askAnotherTeam();

private:
    QString m_childId;
    QString m_childName;
    QString m_currentWorkerName;
    bool m_toAnotherTeam = false;
    QVariantList m_teams;
    QString m_teamId;
    QString m_teamError;
    QString m_openTransferText;
    QMetaObject::Connection m_transfersFetched;
    int m_generation = 0;
};

} // namespace doorstep
