// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqml.h>

namespace doorstep {

class ManagerSync;
class Store;

/**
 * A manager moves a child of their team to another worker of the team, giving the reason (a
 * management decision carries its rationale). The choices are the team's workers as last fetched
 * from the service (ManagerSync::refreshUserNames), less the worker who holds the child now. The
 * service does the move (ManagerSync::reallocate); the tablet then syncs to receive it.
 */
class ReallocationForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY settingsChanged)
    Q_PROPERTY(doorstep::ManagerSync *managerSync READ managerSync WRITE setManagerSync NOTIFY settingsChanged)
    Q_PROPERTY(QString childId READ childId WRITE setChildId NOTIFY settingsChanged)
    Q_PROPERTY(QString childName READ childName NOTIFY loaded)
    Q_PROPERTY(QString currentWorkerName READ currentWorkerName NOTIFY loaded)
    /** [{value: user id, text: name}] of the team's workers the child can go to. */
    Q_PROPERTY(QVariantList workers READ workers NOTIFY loaded)
    Q_PROPERTY(QString workerId READ workerId WRITE setWorkerId NOTIFY changed)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString workerError READ workerError NOTIFY changed)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY changed)
public:
    explicit ReallocationForm(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    ManagerSync *managerSync() const { return m_sync; }
    void setManagerSync(ManagerSync *sync);
    QString childId() const { return m_childId; }
    void setChildId(const QString &id);
    QString childName() const { return m_childName; }
    QString currentWorkerName() const { return m_currentWorkerName; }
    QVariantList workers() const { return m_workers; }
    QString workerId() const { return m_workerId; }
    void setWorkerId(const QString &id);
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString workerError() const { return m_workerError; }
    QString reasonError() const { return m_reasonError; }

    /** Checks the choice and the reason, then asks the service; false when something is missing
     *  (each shown under its field). `reallocated` or the errors follow the service's answer. */
    Q_INVOKABLE bool submit();
    /** Reads the child and the team's workers again. */
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void settingsChanged();
    void loaded();
    void changed();
    void reallocated();

private:
    QPointer<Store> m_store;
    QPointer<ManagerSync> m_sync;
    QString m_childId;
    QString m_childName;
    QString m_currentWorkerName;
    QVariantList m_workers;
    QString m_workerId;
    QString m_reason;
    bool m_busy = false;
    QString m_errorText;
    QString m_workerError;
    QString m_reasonError;
    int m_generation = 0;
};

} // namespace doorstep
