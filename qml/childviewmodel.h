// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/duedates.h"

#include "chronologymodel.h"
#include "core/result.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;

/** What the child screen shows, read in one store job. */
struct ChildData {
    QJsonObject child;
    QList<ChronologyEntry> chronology; // newest first
    QDate lastSeen;
    VisitPolicy policy; // the council's, for the due date
};

/** One child: profile, plan (frequency, contingency, SMART actions), next visit due and the
 *  chronology; reload() after any save or sync keeps it current. */
class ChildViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString childId READ childId WRITE setChildId NOTIFY childIdChanged)
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY loadedChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadedChanged)
    Q_PROPERTY(QString name READ name NOTIFY loadedChanged)
    Q_PROPERTY(QString legalStatusText READ legalStatusText NOTIFY loadedChanged)
    Q_PROPERTY(QVariantList profile READ profile NOTIFY loadedChanged)
    Q_PROPERTY(QString frequencyText READ frequencyText NOTIFY loadedChanged)
    Q_PROPERTY(QString contingency READ contingency NOTIFY loadedChanged)
    /** The plan sets its own visiting frequency (not the council's policy or regulation 28). */
    Q_PROPERTY(bool ownFrequency READ ownFrequency NOTIFY loadedChanged)
    /** Why the child is visited this often, as the plan records it. */
    Q_PROPERTY(QString frequencyReason READ frequencyReason NOTIFY loadedChanged)
    Q_PROPERTY(QVariantList planActions READ planActions NOTIFY loadedChanged)
    Q_PROPERTY(QVariantList planPrompts READ planPrompts NOTIFY loadedChanged)
    Q_PROPERTY(QString dueText READ dueText NOTIFY loadedChanged)
    Q_PROPERTY(bool overdue READ overdue NOTIFY loadedChanged)
    Q_PROPERTY(doorstep::ChronologyModel *chronology READ chronology CONSTANT)
    Q_PROPERTY(QString errorString READ errorString NOTIFY loadedChanged)
public:
    explicit ChildViewModel(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString childId() const { return m_childId; }
    void setChildId(const QString &id);
    QDate today() const { return m_today; }
    void setToday(const QDate &today);
    bool loading() const { return m_loading; }
    QString name() const;
    QString legalStatusText() const;
    QVariantList profile() const;
    QString frequencyText() const;
    QString contingency() const;
    bool ownFrequency() const;
    QString frequencyReason() const;
    QVariantList planActions() const;
    QVariantList planPrompts() const;
    QString dueText() const { return m_dueText; }
    bool overdue() const { return m_overdue; }
    ChronologyModel *chronology() const { return m_chronology; }
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void reload();

    static Result<ChildData> read(Database &db, const QString &childId);

Q_SIGNALS:
    void storeChanged();
    void childIdChanged();
    void loadedChanged();

private:
    QPointer<Store> m_store;
    QString m_childId;
    QDate m_today;
    bool m_loading = false;
    quint64 m_generation = 0;
    QJsonObject m_child;
    QString m_dueText;
    VisitPolicy m_policy; // the council's, as the service last sent it
    DueBasis m_dueBasis = DueBasis::None; // which rule sets the next visit (plan, policy, regulation 28)
    bool m_overdue = false;
    QString m_errorString;
    ChronologyModel *m_chronology;
};

} // namespace doorstep
