// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqml.h>

namespace doorstep {

/** A child behind a dashboard figure: enough to recognise them and open their page. */
struct DashboardChild {
    QString childId;
    QString name;
    QString legalStatus; // wire code
    QString workerName;  // allocated worker, as the dashboard labels workers
};

/** The children behind the figure a manager tapped (the drill-down list). */
class DashboardChildrenModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by DashboardViewModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { ChildIdRole = Qt::UserRole + 1, NameRole, LegalStatusTextRole, WorkerNameRole };
    Q_ENUM(Role)

    explicit DashboardChildrenModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setChildren(const QList<DashboardChild> &children);
    Q_INVOKABLE QString childIdAt(int row) const;
    QStringList childIds() const;

Q_SIGNALS:
    void countChanged();

private:
    QList<DashboardChild> m_rows;
};

} // namespace doorstep
