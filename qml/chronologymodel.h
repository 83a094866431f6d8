// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqml.h>

namespace doorstep {

/** One entry of a child's chronology. */
struct ChronologyEntry {
    QString recordId;
    QString type;
    QString title;
    QString state;
    QDateTime when;
    bool dateOnly = false; // `when` is a day (session date, supervision date), not a moment: no time, no time zone
    QString returnReason;
    QString amends;
    QString summary; // first words of what was recorded
    bool safetyConcern = false;
    bool unsynced = false;
};

/** A child's timeline, newest first: visits, direct work, reviews and amendments. Filled by
 *  ChildViewModel (which reads the store); not creatable from QML. */
class ChronologyModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChildViewModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        TypeRole,
        TypeTextRole,
        TitleRole,
        StateRole,
        StateTextRole,
        WhenTextRole,
        ReturnReasonRole,
        IsAmendmentRole,
        SummaryRole,
        SafetyConcernRole,
        UnsyncedRole,
    };
    Q_ENUM(Role)

    explicit ChronologyModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setEntries(const QList<ChronologyEntry> &entries);
    const QList<ChronologyEntry> &entries() const { return m_entries; }

Q_SIGNALS:
    void countChanged();

private:
    QList<ChronologyEntry> m_entries;
};

} // namespace doorstep
