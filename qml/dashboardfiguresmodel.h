// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/dashboard.h"

#include <QAbstractListModel>
#include <QtQml/qqml.h>

namespace doorstep {

/** One scope's figures as the dashboard shows them: the calculator's numbers and a label. */
struct DashboardFiguresRow {
    QString label; // worker's name, child's name, or "Team"
    DashboardFigures figures;
};

/**
 * Dashboard figures for a list of scopes (the team, each worker or each child), one row each:
 * counts, shares and durations as numbers for the charts and as words for the accessible tables.
 * The children behind each figure stay here; `childIds(row, figure)` hands them to the drill-down.
 */
class DashboardFiguresModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by DashboardViewModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /** The largest due + overdue count, and the longest median, over the rows (chart scales). */
    Q_PROPERTY(int maxDueOrOverdue READ maxDueOrOverdue NOTIFY countChanged)
    Q_PROPERTY(double maxMedianDays READ maxMedianDays NOTIFY countChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        LabelRole,
        ChildCountRole,
        DueRole,
        OverdueRole,
        SeenAloneRole,
        SeenAloneOfRole,
        SeenAlonePercentRole,
        SeenAloneTextRole,
        NotSeenAloneRole,
        ViewsRecordedRole,
        ViewsRecordedOfRole,
        ViewsPercentRole,
        ViewsTextRole,
        VisitToSubmissionMedianRole,
        VisitToSubmissionMeanRole,
        VisitToSubmissionCountRole,
        VisitToSubmissionTextRole,
        RecordedInTimePercentRole, // submitted within the council's recording standard
        RecordedInTimeTextRole,
        RecordedInTimeRole,   // visits submitted within the standard
        RecordedInTimeOfRole, // visits submitted in the period
        SubmissionToDecisionMedianRole,
        SubmissionToDecisionMeanRole,
        SubmissionToDecisionCountRole,
        SubmissionToDecisionTextRole,
        SummaryRole,
    };
    Q_ENUM(Role)

    explicit DashboardFiguresModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(const QList<DashboardFiguresRow> &rows);
    const QList<DashboardFiguresRow> &rows() const { return m_rows; }
    int maxDueOrOverdue() const;
    double maxMedianDays() const;

    /** The children behind one figure of a row. `figure`: children, due, overdue, seenAlone,
     *  notSeenAlone, viewsRecorded, viewsMissing, visitToSubmission, recordedInTime, recordedLate,
     *  submissionToDecision. */
    Q_INVOKABLE QStringList childIds(int row, const QString &figure) const;
    Q_INVOKABLE QString labelAt(int row) const;
    /** Every role of a row by its QML name (empty for a row that does not exist). */
    Q_INVOKABLE QVariantMap get(int row) const;

    /** "7 of 9 (78%)", or "No visits in this period" when nothing counts. */
    static QString shareText(const DashboardShare &share);
    /** "median 2, mean 2.4 working days (5 visits)", or "No visits in this period". */
    static QString durationText(const DashboardDuration &duration);
    /** Rounded percent, or -1 when there is nothing to count. */
    static int percent(const DashboardShare &share);

Q_SIGNALS:
    void countChanged();

private:
    QList<DashboardFiguresRow> m_rows;
};

} // namespace doorstep
