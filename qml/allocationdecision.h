// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/store/store.h"
#include "managersync.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqml.h>

#include <functional>

namespace doorstep {

/**
 * What every decision about who holds a case has: the worker of the team it goes to (chosen from
 * the team's workers as last fetched from the service) and the reason (a management decision
 * carries its rationale), each with its error, and the service's answer. ReallocationForm and
 * NewCaseForm build on it; the service does the move (ManagerSync), online only.
 */
class AllocationDecision : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY settingsChanged)
    Q_PROPERTY(doorstep::ManagerSync *managerSync READ managerSync WRITE setManagerSync NOTIFY settingsChanged)
    /** [{value: user id, text: name}] of the team's workers the child can go to. */
    Q_PROPERTY(QVariantList workers READ workers NOTIFY loaded)
    Q_PROPERTY(QString workerId READ workerId WRITE setWorkerId NOTIFY changed)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString workerError READ workerError NOTIFY changed)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY changed)
public:
    explicit AllocationDecision(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    ManagerSync *managerSync() const { return m_sync; }
    void setManagerSync(ManagerSync *sync);
    QVariantList workers() const { return m_workers; }
    QString workerId() const { return m_workerId; }
    void setWorkerId(const QString &id);
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString workerError() const { return m_workerError; }
    QString reasonError() const { return m_reasonError; }

Q_SIGNALS:
    void settingsChanged();
    void loaded();
    void changed();

protected:
    /** The store changed (read what the form needs again). */
    virtual void storeChanged() {}
    /** The ManagerSync changed (follow what it fetches). */
    virtual void managerSyncChanged() {}
    /** The choices offered; a chosen worker no longer among them is unchosen. */
    void setWorkers(const QVariantList &workers);
    /** Reads every worker of the team as last fetched (ManagerSync::teamWorkerChoices) into the
     *  choices, off the UI thread; then runs `then` and emits loaded. A later read supersedes it. */
    void readTeamWorkers(std::function<void()> then = {});
    /** Marks a missing worker or reason with the given messages; true when both are there and
     *  the service can be asked. Clears the form-wide error. An empty `noWorker`: no worker is
     *  needed (a decision that allocates nobody, such as declining a transfer). */
    bool checkChoice(const QString &noWorker, const QString &noReason);
    /** Sends the decision: `ask` calls ManagerSync with the outcome handler; on success
     *  `succeeded` runs, otherwise the service's message goes to its field (`refusedAt` for a
     *  field the subclass shows, such as "child.first_name"; true when it took it). */
    void send(const std::function<void(ManagerSync *, std::function<void(const ManagerSync::AllocationOutcome &)>)> &ask,
              std::function<void()> succeeded, std::function<bool(const QString &field, const QString &message)> refusedAt = {});
    void setErrorText(const QString &text);

private:
    QPointer<Store> m_store;
    QPointer<ManagerSync> m_sync;
    QVariantList m_workers;
    QString m_workerId;
    QString m_reason;
    bool m_busy = false;
    QString m_errorText;
    QString m_workerError;
    QString m_reasonError;
    int m_workersGeneration = 0; // the latest read of the team's workers
};

} // namespace doorstep
