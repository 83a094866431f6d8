// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/dashboard.h"

#include <QAbstractListModel>
#include <QtQml/qqml.h>

namespace doorstep {

/**
 * Why seen children were not seen alone: one row per regulation 29 reason (every reason is
 * listed, with 0 when unused, so the chart and table keep one shape), then "not recorded".
 */
class DashboardReasonsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by DashboardViewModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(int maxCount READ maxCount NOTIFY countChanged)
public:
    enum Role { ReasonRole = Qt::UserRole + 1, LabelRole, CountRole, PercentRole };
    Q_ENUM(Role)

    explicit DashboardReasonsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setReasons(const QMap<QString, DashboardCount> &reasons);
    int total() const;
    int maxCount() const;
    Q_INVOKABLE QStringList childIds(int row) const;
    Q_INVOKABLE QString labelAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    struct Row {
        QString reason;
        DashboardCount count;
    };
    QList<Row> m_rows;
};

} // namespace doorstep
