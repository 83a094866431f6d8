// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "dashboardreasonsmodel.h"

#include "labels.h"

#include <cmath>

namespace doorstep {

DashboardReasonsModel::DashboardReasonsModel(QObject *parent) : QAbstractListModel(parent) {}

int DashboardReasonsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> DashboardReasonsModel::roleNames() const
{
    return {{ReasonRole, "reason"}, {LabelRole, "label"}, {CountRole, "count"}, {PercentRole, "percent"}};
}

QVariant DashboardReasonsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return labelAt(index.row());
    case ReasonRole:
        return r.reason;
    case CountRole:
        return r.count.count;
    case PercentRole: {
        const int all = total();
        return all > 0 ? int(std::lround(100.0 * r.count.count / all)) : 0;
    }
    default:
        return {};
    }
}

void DashboardReasonsModel::setReasons(const QMap<QString, DashboardCount> &reasons)
{
    QList<Row> rows;
    for (const QVariant &option : Labels::notSeenAloneReasons()) {
        const QString code = option.toMap().value(QStringLiteral("value")).toString();
        rows.append({code, reasons.value(code)});
    }
    rows.append({DashboardCalculator::notRecordedReason(), reasons.value(DashboardCalculator::notRecordedReason())});
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
}

int DashboardReasonsModel::total() const
{
    int sum = 0;
    for (const Row &r : m_rows)
        sum += r.count.count;
    return sum;
}

int DashboardReasonsModel::maxCount() const
{
    int max = 0;
    for (const Row &r : m_rows)
        max = qMax(max, r.count.count);
    return max;
}

QStringList DashboardReasonsModel::childIds(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).count.childIds : QStringList();
}

QString DashboardReasonsModel::labelAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QString &code = m_rows.at(row).reason;
    return code == DashboardCalculator::notRecordedReason() ? tr("No reason recorded") : Labels::notSeenAloneReason(code);
}

} // namespace doorstep
