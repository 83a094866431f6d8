// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "dashboardviewmodel.h"

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"

#include <QCollator>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace doorstep {

namespace {

void sortByLabel(QList<DashboardFiguresRow> &rows)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(rows.begin(), rows.end(), [&collator](const DashboardFiguresRow &a, const DashboardFiguresRow &b) {
        return collator.compare(a.label, b.label) < 0;
    });
}

} // namespace

DashboardViewModel::DashboardViewModel(QObject *parent)
    : QObject(parent)
    , m_team(new DashboardFiguresModel(this))
    , m_workers(new DashboardFiguresModel(this))
    , m_children(new DashboardFiguresModel(this))
    , m_reasons(new DashboardReasonsModel(this))
    , m_drillDown(new DashboardChildrenModel(this))
{
}

void DashboardViewModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

void DashboardViewModel::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    Q_EMIT settingsChanged();
    reload();
}

void DashboardViewModel::setPeriodMonths(int months)
{
    months = qBound(0, months, 120);
    if (months == m_periodMonths)
        return;
    m_periodMonths = months;
    Q_EMIT settingsChanged();
    reload();
}

void DashboardViewModel::setDueWindowDays(int days)
{
    days = qBound(0, days, 365);
    if (days == m_dueWindowDays)
        return;
    m_dueWindowDays = days;
    Q_EMIT settingsChanged();
    reload();
}

void DashboardViewModel::setCurrentUserId(const QString &id)
{
    if (id == m_currentUserId)
        return;
    m_currentUserId = id;
    Q_EMIT settingsChanged();
    reload();
}

void DashboardViewModel::setCurrentUserName(const QString &name)
{
    if (name == m_currentUserName)
        return;
    m_currentUserName = name;
    Q_EMIT settingsChanged();
    reload();
}

QString DashboardViewModel::periodText() const
{
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    const DashboardCalculator::Options o = optionsFor(today, m_periodMonths, m_dueWindowDays);
    if (!o.from.isValid())
        return tr("All visits on this tablet");
    const QLocale locale;
    return tr("Visits from %1 to %2").arg(locale.toString(o.from, QStringLiteral("d MMM yyyy")),
                                          locale.toString(o.to, QStringLiteral("d MMM yyyy")));
}

DashboardCalculator::Options DashboardViewModel::optionsFor(const QDate &today, int months, int dueWindowDays)
{
    DashboardCalculator::Options o;
    o.dueWindowDays = dueWindowDays;
    if (months > 0) {
        // "The last 3 months" on 23 Nov: 24 Aug to 23 Nov, both days included.
        o.from = today.addMonths(-months).addDays(1);
        o.to = today;
    }
    return o;
}

Result<DashboardSnapshot> DashboardViewModel::compute(Database &db, const QDate &today, const DashboardCalculator::Options &options)
{
    RecordRepository repo(db);
    QList<QJsonObject> records;
    DashboardSnapshot snapshot;
    constexpr int kAll = std::numeric_limits<int>::max();
    for (const char *type : {"child", "visit", "review"}) {
        auto list = repo.byType(QLatin1String(type), kAll);
        if (!list)
            return list.error();
        for (const StoredRecord &r : list.value()) {
            records.append(r.body);
            if (r.type == u"child")
                snapshot.children.insert(r.id, DashboardChild{r.id, wire::childFullName(r.body), r.body.value(u"legal_status").toString(),
                                                              r.body.value(u"allocated_worker").toString()});
        }
    }
    auto names = SyncState(db).get(userNamesKey());
    if (!names)
        return names.error();
    if (names.value()) {
        const QJsonObject map = QJsonDocument::fromJson(names.value()->toUtf8()).object();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            snapshot.userNames.insert(it.key(), it.value().toString());
    }
    auto policy = SyncState(db).visitPolicy();
    if (!policy)
        return policy.error();
    auto standard = SyncState(db).recordingStandard();
    if (!standard)
        return standard.error();
    DashboardCalculator::Options councils = options;
    councils.recordingStandardWorkingDays = standard.value();
    snapshot.dashboard = DashboardCalculator(DueDateEngine(policy.value()), councils).compute(records, today);
    return snapshot;
}

QString DashboardViewModel::workerLabel(const QString &userId) const
{
    if (userId.isEmpty())
        return tr("Not allocated");
    const QString known = m_userNames.value(userId);
    if (!known.isEmpty())
        return known;
    if (userId == m_currentUserId && !m_currentUserName.isEmpty())
        return m_currentUserName;
    // Not in the service's list (yet): enough of the id to tell workers apart.
    return tr("Worker %1").arg(userId.left(8));
}

void DashboardViewModel::componentComplete()
{
    m_complete = true;
    reload();
}

void DashboardViewModel::reload()
{
    if (!m_store || !m_complete)
        return;
    const quint64 generation = ++m_generation;
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    const DashboardCalculator::Options options = optionsFor(today, m_periodMonths, m_dueWindowDays);
    m_loading = true;
    Q_EMIT loadingChanged();
    m_store->run<DashboardSnapshot>([today, options](Database &db) { return compute(db, today, options); })
        .then(this, [this, generation](Result<DashboardSnapshot> r) {
            if (generation != m_generation)
                return; // the period changed meanwhile: a newer job is on its way
            m_loading = false;
            if (!r.ok()) {
                m_errorString = r.error().message;
                Q_EMIT loadingChanged();
                return;
            }
            m_errorString.clear();
            const DashboardSnapshot &s = r.value();
            m_childInfo = s.children;
            m_userNames = s.userNames;
            for (DashboardChild &c : m_childInfo)
                c.workerName = workerLabel(c.workerName);

            m_team->setRows({DashboardFiguresRow{tr("Team"), s.dashboard.team}});
            QList<DashboardFiguresRow> workers;
            for (const DashboardFigures &f : s.dashboard.workers)
                workers.append({workerLabel(f.key), f});
            sortByLabel(workers);
            m_workers->setRows(workers);
            QList<DashboardFiguresRow> children;
            for (const DashboardFigures &f : s.dashboard.children)
                children.append({m_childInfo.value(f.key).name, f});
            sortByLabel(children);
            m_children->setRows(children);
            m_reasons->setReasons(s.dashboard.team.notSeenAloneReasons);
            m_recordingStandardDays = s.dashboard.recordingStandardWorkingDays;
            m_ready = true;
            // A drill-down list open across a reload keeps its children, with fresh names.
            if (!m_drillDownTitle.isEmpty())
                setChildren(m_drillDown->childIds(), m_drillDownTitle);
            Q_EMIT loadingChanged();
            Q_EMIT loaded();
        });
}

void DashboardViewModel::setChildren(const QStringList &ids, const QString &title)
{
    QList<DashboardChild> rows;
    for (const QString &id : ids) {
        const auto it = m_childInfo.constFind(id);
        if (it != m_childInfo.cend())
            rows.append(*it);
        else
            rows.append(DashboardChild{id, tr("Child not on this tablet"), {}, {}});
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(rows.begin(), rows.end(), [&collator](const DashboardChild &a, const DashboardChild &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    m_drillDown->setChildren(rows);
    m_drillDownTitle = title;
    Q_EMIT drillDownChanged();
}

void DashboardViewModel::showChildren(DashboardFiguresModel *model, int row, const QString &figure, const QString &title)
{
    if (!model)
        return;
    setChildren(model->childIds(row, figure), title);
}

void DashboardViewModel::showReason(int row, const QString &title)
{
    setChildren(m_reasons->childIds(row), title);
}

void DashboardViewModel::clearDrillDown()
{
    m_drillDown->setChildren({});
    m_drillDownTitle.clear();
    Q_EMIT drillDownChanged();
}

} // namespace doorstep
