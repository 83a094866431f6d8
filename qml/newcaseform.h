// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "recordform.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqml.h>

namespace doorstep {

class ManagerSync;
class Store;

/**
 * A team manager opens a new child's case: who the child is (a child record, written in `form`
 * under the same rules as every child), the worker of the team who will hold it, and why (a
 * management decision carries its rationale). The service opens it (ManagerSync::openCase); the
 * child then reaches the worker's and the team's tablets with their next sync. Until it is open,
 * the child's details are an autosaved draft on this tablet, like any form.
 */
class NewCaseForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY settingsChanged)
    Q_PROPERTY(doorstep::ManagerSync *managerSync READ managerSync WRITE setManagerSync NOTIFY settingsChanged)
    /** The child record being written (recordType "child"). */
    Q_PROPERTY(doorstep::RecordForm *form READ form CONSTANT)
    /** [{value: user id, text: name}] of the team's workers, as last fetched from the service. */
    Q_PROPERTY(QVariantList workers READ workers NOTIFY loaded)
    Q_PROPERTY(QString workerId READ workerId WRITE setWorkerId NOTIFY changed)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString workerError READ workerError NOTIFY changed)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY changed)
public:
    explicit NewCaseForm(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    ManagerSync *managerSync() const { return m_sync; }
    void setManagerSync(ManagerSync *sync);
    RecordForm *form() const { return m_form; }
    QVariantList workers() const { return m_workers; }
    QString workerId() const { return m_workerId; }
    void setWorkerId(const QString &id);
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString workerError() const { return m_workerError; }
    QString reasonError() const { return m_reasonError; }

    /** A new child record (or the draft of one left earlier) and the team's workers. */
    Q_INVOKABLE void start();
    /** Checks the child, the worker and the reason, each at its field, then asks the service;
     *  false when something is missing. `opened` or the errors follow the service's answer. */
    Q_INVOKABLE bool submit();

Q_SIGNALS:
    void settingsChanged();
    void loaded();
    void changed();
    /** The service opened the case: the child's name and the worker's, for the confirmation. */
    void opened(const QString &childId, const QString &childName, const QString &workerName);

private:
    QPointer<Store> m_store;
    QPointer<ManagerSync> m_sync;
    RecordForm *m_form;
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
