// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "dashboardfiguresmodel.h"

#include <QLocale>

#include <cmath>

namespace doorstep {

DashboardFiguresModel::DashboardFiguresModel(QObject *parent) : QAbstractListModel(parent) {}

int DashboardFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> DashboardFiguresModel::roleNames() const
{
    return {{KeyRole, "key"},
            {LabelRole, "label"},
            {ChildCountRole, "childCount"},
            {DueRole, "due"},
            {OverdueRole, "overdue"},
            {SeenAloneRole, "seenAlone"},
            {SeenAloneOfRole, "seenAloneOf"},
            {SeenAlonePercentRole, "seenAlonePercent"},
            {SeenAloneTextRole, "seenAloneText"},
            {NotSeenAloneRole, "notSeenAlone"},
            {ViewsRecordedRole, "viewsRecorded"},
            {ViewsRecordedOfRole, "viewsRecordedOf"},
            {ViewsPercentRole, "viewsPercent"},
            {ViewsTextRole, "viewsText"},
            {VisitToSubmissionMedianRole, "visitToSubmissionMedian"},
            {VisitToSubmissionMeanRole, "visitToSubmissionMean"},
            {VisitToSubmissionCountRole, "visitToSubmissionCount"},
            {VisitToSubmissionTextRole, "visitToSubmissionText"},
            {RecordedInTimePercentRole, "recordedInTimePercent"},
            {RecordedInTimeTextRole, "recordedInTimeText"},
            {RecordedInTimeRole, "recordedInTime"},
            {RecordedInTimeOfRole, "recordedInTimeOf"},
            {SubmissionToDecisionMedianRole, "submissionToDecisionMedian"},
            {SubmissionToDecisionMeanRole, "submissionToDecisionMean"},
            {SubmissionToDecisionCountRole, "submissionToDecisionCount"},
            {SubmissionToDecisionTextRole, "submissionToDecisionText"},
            {SummaryRole, "summary"}};
}

int DashboardFiguresModel::percent(const DashboardShare &share)
{
    return share.denominator > 0 ? int(std::lround(100.0 * share.ratio())) : -1;
}

QString DashboardFiguresModel::shareText(const DashboardShare &share)
{
    if (share.denominator <= 0)
        return tr("No visits in this period");
    return tr("%1 of %2 (%3%)").arg(share.numerator).arg(share.denominator).arg(percent(share));
}

QString DashboardFiguresModel::durationText(const DashboardDuration &duration)
{
    if (duration.samples.isEmpty())
        return tr("No visits in this period");
    const QLocale locale;
    return tr("median %1, mean %2 working days (%n visit(s))", nullptr, int(duration.samples.size()))
        .arg(locale.toString(duration.median(), 'g', 3), locale.toString(duration.mean(), 'f', 1));
}

QVariant DashboardFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DashboardFiguresRow &r = m_rows.at(index.row());
    const DashboardFigures &f = r.figures;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return r.label;
    case KeyRole:
        return f.key;
    case ChildCountRole:
        return int(f.childIds.size());
    case DueRole:
        return f.due.count;
    case OverdueRole:
        return f.overdue.count;
    case SeenAloneRole:
        return f.seenAlone.numerator;
    case SeenAloneOfRole:
        return f.seenAlone.denominator;
    case SeenAlonePercentRole:
        return percent(f.seenAlone);
    case SeenAloneTextRole:
        return shareText(f.seenAlone);
    case NotSeenAloneRole:
        return f.seenAlone.denominator - f.seenAlone.numerator;
    case ViewsRecordedRole:
        return f.viewsRecorded.numerator;
    case ViewsRecordedOfRole:
        return f.viewsRecorded.denominator;
    case ViewsPercentRole:
        return percent(f.viewsRecorded);
    case ViewsTextRole:
        return shareText(f.viewsRecorded);
    case VisitToSubmissionMedianRole:
        return f.visitToSubmission.median();
    case VisitToSubmissionMeanRole:
        return f.visitToSubmission.mean();
    case VisitToSubmissionCountRole:
        return int(f.visitToSubmission.samples.size());
    case VisitToSubmissionTextRole:
        return durationText(f.visitToSubmission);
    case RecordedInTimePercentRole:
        return percent(f.recordedWithinStandard);
    case RecordedInTimeTextRole:
        return shareText(f.recordedWithinStandard);
    case RecordedInTimeRole:
        return f.recordedWithinStandard.numerator;
    case RecordedInTimeOfRole:
        return f.recordedWithinStandard.denominator;
    case SubmissionToDecisionMedianRole:
        return f.submissionToDecision.median();
    case SubmissionToDecisionMeanRole:
        return f.submissionToDecision.mean();
    case SubmissionToDecisionCountRole:
        return int(f.submissionToDecision.samples.size());
    case SubmissionToDecisionTextRole:
        return durationText(f.submissionToDecision);
    case SummaryRole:
        return tr("%1: %2 due, %3 overdue; seen alone %4; views recorded %5; visit to submission %6; submission to decision %7")
            .arg(r.label)
            .arg(f.due.count)
            .arg(f.overdue.count)
            .arg(shareText(f.seenAlone), shareText(f.viewsRecorded), durationText(f.visitToSubmission),
                 durationText(f.submissionToDecision));
    default:
        return {};
    }
}

void DashboardFiguresModel::setRows(const QList<DashboardFiguresRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
}

int DashboardFiguresModel::maxDueOrOverdue() const
{
    int max = 0;
    for (const DashboardFiguresRow &r : m_rows)
        max = qMax(max, qMax(r.figures.due.count, r.figures.overdue.count));
    return max;
}

double DashboardFiguresModel::maxMedianDays() const
{
    double max = 0;
    for (const DashboardFiguresRow &r : m_rows)
        max = qMax(max, qMax(r.figures.visitToSubmission.median(), r.figures.submissionToDecision.median()));
    return max;
}

QStringList DashboardFiguresModel::childIds(int row, const QString &figure) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const DashboardFigures &f = m_rows.at(row).figures;
    if (figure == u"children")
        return f.childIds;
    if (figure == u"due")
        return f.due.childIds;
    if (figure == u"overdue")
        return f.overdue.childIds;
    if (figure == u"seenAlone")
        return f.seenAlone.childIds;
    if (figure == u"notSeenAlone")
        return f.seenAlone.missingChildIds;
    if (figure == u"viewsRecorded")
        return f.viewsRecorded.childIds;
    if (figure == u"viewsMissing")
        return f.viewsRecorded.missingChildIds;
    if (figure == u"visitToSubmission")
        return f.visitToSubmission.childIds;
    if (figure == u"recordedInTime")
        return f.recordedWithinStandard.childIds;
    if (figure == u"recordedLate")
        return f.recordedWithinStandard.missingChildIds;
    if (figure == u"submissionToDecision")
        return f.submissionToDecision.childIds;
    return {};
}

QVariantMap DashboardFiguresModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_rows.size())
        return out;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

QString DashboardFiguresModel::labelAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).label : QString();
}

} // namespace doorstep
