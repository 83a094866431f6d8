// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "allocationdecision.h"
#include "recordform.h"

namespace doorstep {

/**
 * A team manager opens a new child's case: who the child is (a child record, written in `form`
 * under the same rules as every child), the worker of the team who will hold it, and why (a
 * management decision carries its rationale). The service opens it (ManagerSync::openCase); the
 * child then reaches the worker's and the team's tablets with their next sync. Until it is open,
 * the child's details are an autosaved draft on this tablet, like any form.
 */
class NewCaseForm : public AllocationDecision
{
    Q_OBJECT
    QML_ELEMENT
    /** The child record being written (recordType "child"). */
    Q_PROPERTY(doorstep::RecordForm *form READ form CONSTANT)
public:
    explicit NewCaseForm(QObject *parent = nullptr);

    RecordForm *form() const { return m_form; }

    /** A new child record (or the draft of one left earlier) and the team's workers. */
    Q_INVOKABLE void start();
    /** Checks the child, the worker and the reason, each at its field, then asks the service;
     *  false when something is missing. `opened` or the errors follow the service's answer. */
    Q_INVOKABLE bool submit();
    /** Keeps the child's details and the chosen worker and reason as a draft now (leaving the
     *  page, suspend); `start` restores them. */
    Q_INVOKABLE void autosaveNow() { m_form->autosaveNow(); }

Q_SIGNALS:
    /** The service opened the case: the child's name and the worker's, for the confirmation. */
    void opened(const QString &childId, const QString &childName, const QString &workerName);

protected:
    void storeChanged() override;

private:
    /** Once both the draft and the team's workers are read: the draft's worker and reason go
     *  into what is still empty (what was chosen meanwhile stands). */
    void restoreChoice();

    RecordForm *m_form;
    bool m_workersRead = false;

};

} // namespace doorstep
