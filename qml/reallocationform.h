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
 */
class ReallocationForm : public AllocationDecision
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString childId READ childId WRITE setChildId NOTIFY settingsChanged)
    Q_PROPERTY(QString childName READ childName NOTIFY loaded)
    Q_PROPERTY(QString currentWorkerName READ currentWorkerName NOTIFY loaded)
public:
    explicit ReallocationForm(QObject *parent = nullptr);

    QString childId() const { return m_childId; }
    void setChildId(const QString &id);
    QString childName() const { return m_childName; }
    QString currentWorkerName() const { return m_currentWorkerName; }

    /** Checks the choice and the reason, then asks the service; false when something is missing
     *  (each shown under its field). `reallocated` or the errors follow the service's answer. */
    Q_INVOKABLE bool submit();
    /** Reads the child and the team's workers again. */
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void reallocated();

protected:
    void storeChanged() override { reload(); }

private:
    QString m_childId;
    QString m_childName;
    QString m_currentWorkerName;
    int m_generation = 0;
};

} // namespace doorstep
