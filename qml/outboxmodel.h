// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;

/** One line of the outbox screen. */
struct OutboxRow {
    QString mutationId; // empty for records with nothing waiting
    QString recordId;
    QString type; // record type ("visit", "direct_work", ...): chooses the page Reopen opens
    QString title;
    QString status; // pending, sent, quarantined, accepted, returned, held (from the service, not storable here)
    QString reason; // last error, quarantine reason (with the field it names, in words) or the manager's reason
    int attempts = 0;
    // Quarantined: what can help. Sending the same change again helps only when the situation
    // that refused it can change (an allocation, the service's version); a record that breaks a
    // rule has to be opened and put right, which sends it again on save.
    QString advice;
    bool canSendAgain = false;
    bool canFix = false;

    static OutboxRow of(QString mutationId, QString recordId, QString type, QString title, QString status, QString reason,
                        int attempts)
    {
        OutboxRow r;
        r.mutationId = std::move(mutationId);
        r.recordId = std::move(recordId);
        r.type = std::move(type);
        r.title = std::move(title);
        r.status = std::move(status);
        r.reason = std::move(reason);
        r.attempts = attempts;
        return r;
    }
};

/** What this tablet is sending and what became of it: pending, sent, accepted, returned (with the
 *  manager's reason) and quarantined (with the reason); and the records the service sent that this
 *  version could not store (held, with why). Nothing is hidden or dropped here. */
class OutboxModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY countChanged)
public:
    enum Role {
        MutationIdRole = Qt::UserRole + 1,
        RecordIdRole,
        TitleRole,
        StatusRole,
        StatusTextRole,
        ReasonRole,
        AttemptsRole,
        TypeRole,
        AdviceRole,
        CanSendAgainRole,
        CanFixRole
    };
    Q_ENUM(Role)

    explicit OutboxModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void reload();
    /** A person asks to send a quarantined change again (under a new mutation id: see Outbox::requeue). */
    Q_INVOKABLE void retry(int row);

    static Result<QList<OutboxRow>> read(Database &db);

Q_SIGNALS:
    void storeChanged();
    void countChanged();
    void requeued();

private:
    QPointer<Store> m_store;
    QList<OutboxRow> m_rows;
    QString m_errorString;
    quint64 m_generation = 0;
};

} // namespace doorstep
