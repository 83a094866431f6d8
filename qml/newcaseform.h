// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "allocationdecision.h"
#include "recordform.h"

#include <QTimer>

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
    ~NewCaseForm() override;

    RecordForm *form() const { return m_form; }

    /** A new child record (or the draft of one left earlier) and the team's workers. */
    Q_INVOKABLE void start();
    /** Checks the child, the worker and the reason, each at its field, then asks the service;
     *  false when something is missing. `opened` or the errors follow the service's answer. */
    Q_INVOKABLE bool submit();
    /** Keeps the child's details and the chosen worker and reason as a draft now (leaving the
     *  page, suspend); `start` restores them. */
    Q_INVOKABLE void autosaveNow();

    /** The draft key of the worker and reason chosen for a new case not yet opened. */
    static QString choiceDraftKey() { return QStringLiteral("new-case:allocation"); }

Q_SIGNALS:
    /** The service opened the case: the child's name and the worker's, for the confirmation. */
    void opened(const QString &childId, const QString &childName, const QString &workerName);

protected:
    void storeChanged() override;

private:
    QString choiceText() const;
    bool nothingChosen() const;
    void restoreChoice();

    RecordForm *m_form;
    int m_generation = 0;
    // The worker and reason go into their own draft, a few seconds after each change: a reason
    // written before the service could be reached is not lost by leaving the page.
    QTimer m_choiceSave;
    QString m_savedChoice; // as last written (or restored)
    bool m_choiceRestored = false; // the choice draft has been read
    bool m_opened = false;         // the case is open: nothing to keep

};

} // namespace doorstep
