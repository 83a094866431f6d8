// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QAbstractListModel>
#include <QDate>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;

/** One child in the caseload, as computed on the store thread. */
struct CaseloadRow {
    QString childId;
    QString name;
    QString dateOfBirth;
    QString legalStatus; // wire code
    QDate lastSeen;      // last visit on which the child was seen
    int seenAloneLast = -1; // -1 not answered / never seen, 0 no, 1 yes
    QDate nextDue;
    bool dueNow = false;
    bool overdue = false;
    int daysOverdue = 0;
    bool unsynced = false;
    bool summarised = false; // visit history read (the second, slower pass)
    // The next open action from case supervision (earliest date, then highest priority).
    QString supervisionAction;
    QDate supervisionDue;
    int supervisionPriority = 0;
    QJsonObject body;        // the child record (for the due-date engine)
};

/**
 * The worker's children: legal status, next visit due (due-date engine), overdue, last seen,
 * seen alone on the last visit, unsynced marker; filtered by full-text search. Loads in two
 * passes so the list appears at once and the visit summaries fill in right after.
 */
class CaseloadModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    /** How the children are listed when nothing is searched for; a search lists best match first. */
    Q_PROPERTY(Order order READ order WRITE setOrder NOTIFY orderChanged)
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY todayChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool summarised READ summarised NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    enum Role {
        ChildIdRole = Qt::UserRole + 1,
        NameRole,
        DateOfBirthRole,
        LegalStatusRole,
        LegalStatusTextRole,
        NextDueRole,
        DueTextRole,
        OverdueRole,
        DaysOverdueRole,
        LastSeenRole,
        SeenAloneLastRole,
        UnsyncedRole,
        SummarisedRole,
        HasDueRole,
        SupervisionActionRole,
        SupervisionDueRole,
        SupervisionTextRole,
        SupervisionOverdueRole,
    };
    Q_ENUM(Role)

    enum Order {
        ByUrgency, // overdue longest first, then due soonest; no frequency set last
        ByName,    // surname, as the store lists them
    };
    Q_ENUM(Order)

    explicit CaseloadModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    Order order() const { return m_order; }
    void setOrder(Order order);
    QDate today() const { return m_today; }
    void setToday(const QDate &today);
    bool loading() const { return m_loading; }
    bool summarised() const { return m_summarised; }
    int overdueCount() const;
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE QString childIdAt(int row) const;

    // The store-thread passes, public for the benchmark and tests.
    static Result<QList<CaseloadRow>> readChildren(Database &db);
    static Result<QList<CaseloadRow>> summarise(Database &db, QList<CaseloadRow> rows, const QDate &today);
    static Result<QStringList> searchChildIds(Database &db, const QString &text);
    /** Whether `a` needs a visit before `b` (both summarised); ties keep the name order. */
    static bool moreUrgent(const CaseloadRow &a, const CaseloadRow &b);

Q_SIGNALS:
    void storeChanged();
    void searchTextChanged();
    void orderChanged();
    void todayChanged();
    void loadingChanged();
    void countChanged();
    void errorStringChanged();
    /** The first pass is on screen (the list of children). */
    void loaded();

private:
    void applyFilter();
    QList<CaseloadRow> listed() const;
    void show(const QList<CaseloadRow> &rows);
    void setError(const QString &message);

    QPointer<Store> m_store;
    QString m_searchText;
    Order m_order = ByUrgency;
    QDate m_today;
    bool m_loading = false;
    bool m_summarised = false;
    quint64 m_generation = 0;
    QList<CaseloadRow> m_all;
    QList<CaseloadRow> m_rows;         // m_all filtered by the search
    QStringList m_matchOrder;          // child ids from the search, best first; empty: no search
    QString m_errorString;
};

} // namespace doorstep
