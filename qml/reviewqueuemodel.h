// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;

/** One record waiting for a manager's decision, as the queue screen lists it. */
struct ReviewQueueRow {
    QString recordId;
    QString type;
    QString title;
    QStringList childNames;
    QString authorId;
    QString authorName;
    QDateTime submittedAt;     // when the author submitted (device time); invalid when unknown
    bool safetyConcern = false;
    qint64 rev = 0;
    QString state;
    QString decisionStatus;    // empty (no decision here), pending, conflict, refused
    QString decision;          // approve, return
    QString decisionError;     // the service's reason for a conflict or refusal
};

/**
 * A manager's approval queue over the local store: the team's submitted records (visits, direct
 * work, supervision, ...) not written by this user, safety concerns first, then the longest
 * waiting. Records with a decision the service did not accept (conflict, refused) stay listed
 * whatever their state, so the manager always sees what became of a decision. A draft that
 * raises a safety concern is listed too, at the top, as soon as it syncs: it cannot be decided
 * until it is submitted, but the manager hears of the concern without waiting for that.
 */
class ReviewQueueModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    /** The signed-in manager: their own records are never in their queue. */
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY userIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /** Records still waiting for a decision from this manager (no decision queued yet). */
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY countChanged)
    Q_PROPERTY(int queuedCount READ queuedCount NOTIFY countChanged)
    /** Decisions the service did not accept: conflicts and refusals, for the manager to look at. */
    Q_PROPERTY(int attentionCount READ attentionCount NOTIFY countChanged)
    /** Drafts (not yet submitted) that raise a safety concern. */
    Q_PROPERTY(int concernDraftCount READ concernDraftCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY countChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        RecordTypeRole,
        TypeTextRole,
        TitleRole,
        ChildNamesRole,
        AuthorRole,
        AuthorNameRole,
        SubmittedAtRole,
        SubmittedTextRole,
        WaitingTextRole,
        WaitingHoursRole,
        SafetyConcernRole,
        RevRole,
        DecisionStatusRole,
        DecisionStatusTextRole,
        DecisionRole,
        DecisionErrorRole,
        DraftRole, // a draft listed for its safety concern: not for a decision yet
    };
    Q_ENUM(Role)

    explicit ReviewQueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString userId() const { return m_userId; }
    void setUserId(const QString &id);
    int waitingCount() const;
    int queuedCount() const;
    int attentionCount() const;
    int concernDraftCount() const;
    bool loading() const { return m_loading; }
    QString errorString() const { return m_errorString; }
    /** The clock waiting times are measured against (tests pin it; default: now). */
    void setNow(const QDateTime &now) { m_now = now; }

    Q_INVOKABLE void reload();
    /** The row's record id (for opening it), or empty. */
    Q_INVOKABLE QString recordIdAt(int row) const;

    /** The queue as read in one store job (public for tests and the benchmark). */
    static Result<QList<ReviewQueueRow>> read(Database &db, const QString &userId);
    static QString decisionStatusText(const QString &status, const QString &decision);

Q_SIGNALS:
    void storeChanged();
    void userIdChanged();
    void countChanged();
    void loaded();

private:
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }

    QPointer<Store> m_store;
    QString m_userId;
    QList<ReviewQueueRow> m_rows;
    QString m_errorString;
    bool m_loading = false;
    quint64 m_generation = 0;
    QDateTime m_now;
};

} // namespace doorstep
