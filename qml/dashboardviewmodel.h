// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/dashboard.h"
#include "core/result.h"
#include "dashboardchildrenmodel.h"
#include "dashboardfiguresmodel.h"
#include "dashboardreasonsmodel.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QQmlParserStatus>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;

/** What one store job computes for the dashboard. */
struct DashboardSnapshot {
    Dashboard dashboard;
    QHash<QString, DashboardChild> children; // every child on the device, by id
    QHash<QString, QString> userNames;       // user id -> name, as last fetched from the service
};

/**
 * The manager's team dashboard over the records on this tablet: DashboardCalculator runs on the
 * store thread (one job reads the children, visits and reviews and computes), then the figures
 * fill the team, per-worker and per-child models and the not-seen-alone reasons. Tapping a
 * figure fills `drillDown` with the children behind it. The service's team (the manager's
 * allocations) is what sync put on the tablet, so the scope is the service's too.
 */
class DashboardViewModel : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY settingsChanged)
    /** Visit figures cover the last this many months (0: everything on the tablet). */
    Q_PROPERTY(int periodMonths READ periodMonths WRITE setPeriodMonths NOTIFY settingsChanged)
    Q_PROPERTY(int dueWindowDays READ dueWindowDays WRITE setDueWindowDays NOTIFY settingsChanged)
    /** The signed-in manager (labelled by name when the service's list of names is not here). */
    Q_PROPERTY(QString currentUserId READ currentUserId WRITE setCurrentUserId NOTIFY settingsChanged)
    Q_PROPERTY(QString currentUserName READ currentUserName WRITE setCurrentUserName NOTIFY settingsChanged)
    Q_PROPERTY(QString periodText READ periodText NOTIFY settingsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY loadingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY loadingChanged)
    Q_PROPERTY(doorstep::DashboardFiguresModel *team READ team CONSTANT)
    /** The team's row as a map (the summary tiles). */
    Q_PROPERTY(QVariantMap teamFigures READ teamFigures NOTIFY loadingChanged)
    /** The council's recording standard the "recorded in time" figures are measured against. */
    Q_PROPERTY(int recordingStandardDays READ recordingStandardDays NOTIFY loadingChanged)
    Q_PROPERTY(doorstep::DashboardFiguresModel *workers READ workers CONSTANT)
    Q_PROPERTY(doorstep::DashboardFiguresModel *children READ children CONSTANT)
    Q_PROPERTY(doorstep::DashboardReasonsModel *reasons READ reasons CONSTANT)
    Q_PROPERTY(doorstep::DashboardChildrenModel *drillDown READ drillDown CONSTANT)
    Q_PROPERTY(QString drillDownTitle READ drillDownTitle NOTIFY drillDownChanged)
public:
    explicit DashboardViewModel(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QDate today() const { return m_today; }
    void setToday(const QDate &today);
    int periodMonths() const { return m_periodMonths; }
    void setPeriodMonths(int months);
    int dueWindowDays() const { return m_dueWindowDays; }
    void setDueWindowDays(int days);
    QString currentUserId() const { return m_currentUserId; }
    void setCurrentUserId(const QString &id);
    QString currentUserName() const { return m_currentUserName; }
    void setCurrentUserName(const QString &name);
    QString periodText() const;
    bool loading() const { return m_loading; }
    bool ready() const { return m_ready; }
    QString errorString() const { return m_errorString; }
    DashboardFiguresModel *team() const { return m_team; }
    QVariantMap teamFigures() const { return m_team->get(0); }
    int recordingStandardDays() const { return m_recordingStandardDays; }
    DashboardFiguresModel *workers() const { return m_workers; }
    DashboardFiguresModel *children() const { return m_children; }
    DashboardReasonsModel *reasons() const { return m_reasons; }
    DashboardChildrenModel *drillDown() const { return m_drillDown; }
    QString drillDownTitle() const { return m_drillDownTitle; }

    // QML sets store, user and period one after another: compute once, when all are set.
    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    Q_INVOKABLE void reload();
    /** Lists the children behind `figure` of `row` in `model` (see DashboardFiguresModel::childIds). */
    Q_INVOKABLE void showChildren(doorstep::DashboardFiguresModel *model, int row, const QString &figure, const QString &title);
    /** Lists the children behind one not-seen-alone reason. */
    Q_INVOKABLE void showReason(int row, const QString &title);
    Q_INVOKABLE void clearDrillDown();

    /** The visit figures' period for `months` back from `today` (invalid `from` for 0). */
    static DashboardCalculator::Options optionsFor(const QDate &today, int months, int dueWindowDays);
    /** The store-thread job: reads the records and computes (public for tests and benchmarks). */
    static Result<DashboardSnapshot> compute(Database &db, const QDate &today, const DashboardCalculator::Options &options);
    /** SyncState key of the team's user names ({id: name} JSON), written by ManagerSync. */
    static QString userNamesKey() { return QStringLiteral("team_user_names"); }

Q_SIGNALS:
    void storeChanged();
    void settingsChanged();
    void loadingChanged();
    void drillDownChanged();
    /** New figures are in the models. */
    void loaded();

private:
    QString workerLabel(const QString &userId) const;
    void setChildren(const QStringList &ids, const QString &title);

    QPointer<Store> m_store;
    QDate m_today;
    int m_periodMonths = 3;
    int m_dueWindowDays = 7;
    QString m_currentUserId;
    QString m_currentUserName;
    bool m_loading = false;
    bool m_ready = false;
    int m_recordingStandardDays = RecordingStandard::kDefaultDays;
    bool m_complete = true; // false between classBegin and componentComplete
    quint64 m_generation = 0;
    QString m_errorString;
    QHash<QString, DashboardChild> m_childInfo;
    QHash<QString, QString> m_userNames;
    DashboardFiguresModel *m_team;
    DashboardFiguresModel *m_workers;
    DashboardFiguresModel *m_children;
    DashboardReasonsModel *m_reasons;
    DashboardChildrenModel *m_drillDown;
    QString m_drillDownTitle;
};

} // namespace doorstep
