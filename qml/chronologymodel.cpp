// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "chronologymodel.h"

#include "labels.h"

#include <QLocale>

namespace doorstep {

ChronologyModel::ChronologyModel(QObject *parent) : QAbstractListModel(parent) {}

int ChronologyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QHash<int, QByteArray> ChronologyModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {TypeRole, "type"},           {TypeTextRole, "typeText"},
            {TitleRole, "title"},       {StateRole, "state"},         {StateTextRole, "stateText"},
            {WhenTextRole, "whenText"}, {ReturnReasonRole, "returnReason"}, {IsAmendmentRole, "isAmendment"},
            {SummaryRole, "summary"},   {SafetyConcernRole, "safetyConcern"}, {UnsyncedRole, "unsynced"}};
}

QVariant ChronologyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChronologyEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return e.title;
    case RecordIdRole:
        return e.recordId;
    case TypeRole:
        return e.type;
    case TypeTextRole:
        return Labels::recordType(e.type);
    case StateRole:
        return e.state;
    case StateTextRole:
        return Labels::recordState(e.state);
    case WhenTextRole:
        if (!e.when.isValid())
            return QString();
        // A day is shown as written: converting midnight UTC to local time would add "00:00" and,
        // west of UTC, move it to the day before.
        if (e.dateOnly)
            return QLocale().toString(e.when.date(), QStringLiteral("d MMM yyyy"));
        return QLocale().toString(e.when.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"));
    case ReturnReasonRole:
        return e.returnReason;
    case IsAmendmentRole:
        return !e.amends.isEmpty();
    case SummaryRole:
        return e.summary;
    case SafetyConcernRole:
        return e.safetyConcern;
    case UnsyncedRole:
        return e.unsynced;
    default:
        return {};
    }
}

void ChronologyModel::setEntries(const QList<ChronologyEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace doorstep
