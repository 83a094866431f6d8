// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "dashboardchildrenmodel.h"

#include "labels.h"

namespace doorstep {

DashboardChildrenModel::DashboardChildrenModel(QObject *parent) : QAbstractListModel(parent) {}

int DashboardChildrenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> DashboardChildrenModel::roleNames() const
{
    return {{ChildIdRole, "childId"}, {NameRole, "name"}, {LegalStatusTextRole, "legalStatusText"}, {WorkerNameRole, "workerName"}};
}

QVariant DashboardChildrenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DashboardChild &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case ChildIdRole:
        return c.childId;
    case LegalStatusTextRole:
        return Labels::legalStatus(c.legalStatus);
    case WorkerNameRole:
        return c.workerName;
    default:
        return {};
    }
}

void DashboardChildrenModel::setChildren(const QList<DashboardChild> &children)
{
    beginResetModel();
    m_rows = children;
    endResetModel();
    Q_EMIT countChanged();
}

QString DashboardChildrenModel::childIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).childId : QString();
}

QStringList DashboardChildrenModel::childIds() const
{
    QStringList ids;
    for (const DashboardChild &c : m_rows)
        ids << c.childId;
    return ids;
}

} // namespace doorstep
