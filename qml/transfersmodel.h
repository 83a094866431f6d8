// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QVariantMap>
#include <QtQml/qqml.h>

#include <optional>

namespace doorstep {

class Database;
class ManagerSync;
class Store;

/**
 * The moves between teams that concern a manager's team, as last fetched from the service
 * (ManagerSync::refreshTransfers): first the requests waiting for this team's answer, oldest
 * first, then this team's own requests (waiting, or answered in the last 30 days). Read from the
 * store, so the list shows offline as of its last fetch; answering needs the service.
 */
class TransfersModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY settingsChanged)
    /** Re-read whenever it fetches the transfers again. */
    Q_PROPERTY(doorstep::ManagerSync *managerSync READ managerSync WRITE setManagerSync NOTIFY settingsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /** Requests waiting for this team's answer. */
    Q_PROPERTY(int incomingCount READ incomingCount NOTIFY countChanged)
    /** This team's requests answered since the list was last looked at (markSeen). */
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY countChanged)
    /** When the list was fetched ("As of 24 Nov 2026, 14:20"), or that it never was. */
    Q_PROPERTY(QString fetchedText READ fetchedText NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY countChanged)
public:
    enum Role {
        TransferIdRole = Qt::UserRole + 1,
        ChildIdRole,
        IncomingRole,     // waiting for this team's answer
        GroupRole,        // the heading of its part of the list
        FirstInGroupRole, // the first row of its part: shows the heading
        ChildNameRole,
        ChildDetailsRole, // born, legal status
        TeamTextRole,     // "From Team A" / "To Team B"
        HeldByRole,       // who holds the child now
        RequestedTextRole,
        ReasonRole,
        StateRole,        // pending, accepted, declined, withdrawn
        StateTextRole,
        DecisionReasonRole,
        CanAnswerRole,
        CanWithdrawRole,
    };
    Q_ENUM(Role)

    explicit TransfersModel(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    ManagerSync *managerSync() const { return m_sync; }
    void setManagerSync(ManagerSync *sync);
    int incomingCount() const { return m_incoming; }
    int answeredCount() const { return m_answered; }
    QString fetchedText() const { return m_fetchedText; }
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Every role of `row` by name (what the answer page shows). */
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void reload();
    /** The person has looked at the list: its answers are no longer news (answeredCount). */
    Q_INVOKABLE void markSeen();
    /** Where the answers seen at that look are kept in the store's sync state (a JSON array of ids). */
    static QString seenKey() { return QStringLiteral("team_transfers_seen"); }
    /** Where versions before the ids kept the time of the last look; read once, to carry it over. */
    static QString legacySeenAtKey() { return QStringLiteral("team_transfers_seen_at"); }

Q_SIGNALS:
    void settingsChanged();
    void countChanged();

private:
    struct Row {
        QJsonObject transfer;
        bool incoming = false;
    };
    void apply(const QJsonObject &stored, const QSet<QString> &seen);
    static Result<std::optional<QString>> upgradeSeenMark(Database &db, const QJsonObject &transfers);

    QPointer<Store> m_store;
    QPointer<ManagerSync> m_sync;
    QList<Row> m_rows;
    int m_incoming = 0;
    int m_answered = 0;
    QString m_fetchedText;
    QString m_error;
    int m_generation = 0;
};

} // namespace doorstep
