// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "caseloadmodel.h"

#include "core/duedates.h"
#include "core/rules.h"
#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "labels.h"

#include <algorithm>

#include <QHash>
#include <QJsonArray>
#include <QLocale>

namespace doorstep {

CaseloadModel::CaseloadModel(QObject *parent) : QAbstractListModel(parent) {}

int CaseloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> CaseloadModel::roleNames() const
{
    return {{ChildIdRole, "childId"},       {NameRole, "name"},
            {DateOfBirthRole, "dateOfBirth"}, {LegalStatusRole, "legalStatus"},
            {LegalStatusTextRole, "legalStatusText"}, {NextDueRole, "nextDue"},
            {DueTextRole, "dueText"},       {OverdueRole, "overdue"},
            {DaysOverdueRole, "daysOverdue"}, {LastSeenRole, "lastSeen"},
            {SeenAloneLastRole, "seenAloneLast"}, {UnsyncedRole, "unsynced"},
            {SummarisedRole, "summarised"}, {HasDueRole, "hasDue"},
            {SupervisionActionRole, "supervisionAction"}, {SupervisionDueRole, "supervisionDue"},
            {SupervisionTextRole, "supervisionText"}, {SupervisionOverdueRole, "supervisionOverdue"}};
}

QVariant CaseloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseloadRow &r = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case ChildIdRole:
        return r.childId;
    case DateOfBirthRole:
        return r.dateOfBirth;
    case LegalStatusRole:
        return r.legalStatus;
    case LegalStatusTextRole:
        return Labels::legalStatus(r.legalStatus);
    case NextDueRole:
        return r.nextDue;
    case DueTextRole:
        if (!r.summarised)
            return QString();
        if (r.overdue)
            return tr("Visit overdue by %n day(s)", nullptr, r.daysOverdue);
        if (r.dueNow)
            return tr("Visit due now");
        if (r.nextDue.isValid())
            return tr("Next visit by %1").arg(locale.toString(r.nextDue, QStringLiteral("d MMM yyyy")));
        return tr("No visiting frequency set");
    case OverdueRole:
        return r.overdue || r.dueNow;
    case DaysOverdueRole:
        return r.daysOverdue;
    case LastSeenRole:
        if (!r.summarised)
            return QString();
        return r.lastSeen.isValid() ? tr("Last seen %1").arg(locale.toString(r.lastSeen, QStringLiteral("d MMM yyyy")))
                                    : tr("Not seen yet");
    case SeenAloneLastRole:
        return r.seenAloneLast;
    case UnsyncedRole:
        return r.unsynced;
    case SummarisedRole:
        return r.summarised;
    case HasDueRole:
        return r.nextDue.isValid() || r.dueNow;
    case SupervisionActionRole:
        return r.supervisionAction;
    case SupervisionDueRole:
        return r.supervisionDue;
    case SupervisionTextRole:
        if (r.supervisionAction.isEmpty())
            return QString();
        return tr("Supervision action (priority %1): %2, by %3")
            .arg(r.supervisionPriority > 0 ? QString::number(r.supervisionPriority) : tr("not set"), r.supervisionAction,
                 locale.toString(r.supervisionDue, QStringLiteral("d MMM yyyy")));
    case SupervisionOverdueRole:
        return r.supervisionDue.isValid() && r.supervisionDue < (m_today.isValid() ? m_today : QDate::currentDate());
    default:
        return {};
    }
}

void CaseloadModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

void CaseloadModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    Q_EMIT searchTextChanged();
    if (!m_store)
        return;
    const QString query = text.trimmed();
    if (query.isEmpty()) {
        m_matchOrder.clear();
        applyFilter();
        return;
    }
    const quint64 generation = ++m_generation;
    m_store->run<QStringList>([query](Database &db) { return searchChildIds(db, query); })
        .then(this, [this, generation](Result<QStringList> r) {
            if (generation != m_generation)
                return; // the person typed more meanwhile
            if (!r.ok())
                return setError(r.error().message);
            m_matchOrder = r.value();
            applyFilter();
        });
}

void CaseloadModel::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    Q_EMIT todayChanged();
    reload();
}

int CaseloadModel::overdueCount() const
{
    return int(std::count_if(m_all.cbegin(), m_all.cend(), [](const CaseloadRow &r) { return r.overdue || r.dueNow; }));
}

QString CaseloadModel::childIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).childId : QString();
}

void CaseloadModel::setError(const QString &message)
{
    if (message != m_errorString) {
        m_errorString = message;
        Q_EMIT errorStringChanged();
    }
}

void CaseloadModel::reload()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    m_loading = true;
    Q_EMIT loadingChanged();
    m_store->run<QList<CaseloadRow>>([](Database &db) { return readChildren(db); })
        .then(this, [this, generation, today](Result<QList<CaseloadRow>> r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                m_loading = false;
                Q_EMIT loadingChanged();
                return setError(r.error().message);
            }
            setError({});
            // Keep what the second pass knew (the visit history and what is due), so a reload after
            // a save does not flicker; the first pass's own fields (name, legal status, …) are fresh.
            QHash<QString, CaseloadRow> previous;
            for (const CaseloadRow &row : std::as_const(m_all))
                if (row.summarised)
                    previous.insert(row.childId, row);
            QList<CaseloadRow> rows = r.value();
            for (CaseloadRow &row : rows) {
                const auto it = previous.constFind(row.childId);
                if (it == previous.cend())
                    continue;
                row.lastSeen = it->lastSeen;
                row.seenAloneLast = it->seenAloneLast;
                row.nextDue = it->nextDue;
                row.dueNow = it->dueNow;
                row.overdue = it->overdue;
                row.daysOverdue = it->daysOverdue;
                row.summarised = true;
            }
            m_all = rows;
            applyFilter();
            Q_EMIT loaded();
            m_store->run<QList<CaseloadRow>>([rows, today](Database &db) { return summarise(db, rows, today); })
                .then(this, [this, generation](Result<QList<CaseloadRow>> s) {
                    if (generation != m_generation)
                        return;
                    m_loading = false;
                    if (!s.ok()) {
                        Q_EMIT loadingChanged();
                        return setError(s.error().message);
                    }
                    m_all = s.value();
                    m_summarised = true;
                    show(listed());
                    Q_EMIT loadingChanged();
                    Q_EMIT countChanged();
                });
        });
}

void CaseloadModel::applyFilter()
{
    show(listed());
}

void CaseloadModel::setOrder(Order order)
{
    if (order == m_order)
        return;
    m_order = order;
    Q_EMIT orderChanged();
    show(listed());
}

bool CaseloadModel::moreUrgent(const CaseloadRow &a, const CaseloadRow &b)
{
    // A row whose visits are not read yet has no due date to go by: it waits at the end.
    const auto rank = [](const CaseloadRow &r) {
        return !r.summarised ? 4 : r.overdue ? 0 : r.dueNow ? 1 : r.nextDue.isValid() ? 2 : 3;
    };
    const int ra = rank(a);
    const int rb = rank(b);
    if (ra != rb)
        return ra < rb;
    if (ra == 0)
        return a.daysOverdue > b.daysOverdue;
    if (ra == 2)
        return a.nextDue < b.nextDue;
    return false;
}

QList<CaseloadRow> CaseloadModel::listed() const
{
    QList<CaseloadRow> rows;
    if (m_searchText.trimmed().isEmpty()) {
        rows = m_all;
        if (m_order == ByUrgency)
            std::stable_sort(rows.begin(), rows.end(), &CaseloadModel::moreUrgent);
        return rows;
    }
    QHash<QString, int> at;
    for (int i = 0; i < m_all.size(); ++i)
        at.insert(m_all.at(i).childId, i);
    for (const QString &id : std::as_const(m_matchOrder)) {
        const auto it = at.constFind(id);
        if (it != at.cend())
            rows.append(m_all.at(*it));
    }
    return rows;
}

void CaseloadModel::show(const QList<CaseloadRow> &rows)
{
    // Tell the view as little as is true, so it keeps its place and its current item: the same
    // children in the same order are a data change, the same children reordered a sort.
    QHash<QString, int> newRow;
    for (int i = 0; i < rows.size(); ++i)
        newRow.insert(rows.at(i).childId, i);
    bool sameOrder = rows.size() == m_rows.size();
    bool sameChildren = sameOrder && newRow.size() == rows.size();
    for (int i = 0; sameChildren && i < m_rows.size(); ++i) {
        const auto it = newRow.constFind(m_rows.at(i).childId);
        sameChildren = it != newRow.cend();
        sameOrder = sameOrder && sameChildren && *it == i;
    }
    if (sameOrder) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    } else if (sameChildren) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &i : before)
            after.append(index(newRow.value(m_rows.at(i.row()).childId), i.column()));
        m_rows = rows;
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    Q_EMIT countChanged();
}

Result<QList<CaseloadRow>> CaseloadModel::readChildren(Database &db)
{
    auto children = RecordRepository(db).caseload();
    if (!children)
        return children.error();
    // Children with anything not yet on the service: the record itself or any record about them.
    QSet<QString> unsynced;
    Statement st = db.prepare(
        "SELECT DISTINCT c.child_id FROM outbox o JOIN record_children c ON c.record_id = o.record_id"
        " WHERE o.status IN ('pending', 'sent', 'quarantined')");
    for (int guard = 0; guard < 10000000; ++guard) {
        Result<bool> step = st.step();
        if (!step)
            return step.error();
        if (!step.value())
            break;
        unsynced.insert(st.text(0));
    }
    // Open actions agreed in case supervision (not drafts), per child: the next one to do.
    struct NextAction {
        QString what;
        QDate due;
        int priority = 0;
    };
    QHash<QString, NextAction> nextAction;
    Statement sup = db.prepare("SELECT body FROM records WHERE type = 'supervision' AND deleted = 0 AND COALESCE(state, '') <> 'draft'");
    for (int guard = 0; guard < 10000000; ++guard) {
        Result<bool> step = sup.step();
        if (!step)
            return step.error();
        if (!step.value())
            break;
        const Result<QJsonObject> body = wire::parseObject(sup.bytes(0));
        if (!body)
            continue;
        const QString childId = body.value().value(u"child_id").toString();
        for (const QJsonValue &v : body.value().value(u"actions").toArray()) {
            const QJsonObject a = v.toObject();
            const QString status = a.value(u"status").toString();
            const QDate due = QDate::fromString(a.value(u"due").toString(), Qt::ISODate);
            if ((status != u"open" && !status.isEmpty()) || !due.isValid())
                continue;
            const int priority = a.value(u"priority").toInt();
            const auto it = nextAction.constFind(childId);
            const bool sooner = it == nextAction.cend() || due < it->due
                || (due == it->due && priority > 0 && (it->priority == 0 || priority < it->priority));
            if (sooner)
                nextAction.insert(childId, NextAction{a.value(u"what").toString(), due, priority});
        }
    }
    QList<CaseloadRow> rows;
    rows.reserve(children.value().size());
    const QLocale locale;
    for (const StoredRecord &rec : children.value()) {
        CaseloadRow row;
        row.childId = rec.id;
        row.name = wire::childFullName(rec.body);
        const QDate dob = QDate::fromString(rec.body.value(u"date_of_birth").toString(), Qt::ISODate);
        row.dateOfBirth = dob.isValid() ? locale.toString(dob, QStringLiteral("d MMM yyyy")) : QString();
        row.legalStatus = rec.body.value(u"legal_status").toString();
        row.unsynced = unsynced.contains(rec.id);
        row.body = rec.body;
        if (const auto it = nextAction.constFind(rec.id); it != nextAction.cend()) {
            row.supervisionAction = it->what;
            row.supervisionDue = it->due;
            row.supervisionPriority = it->priority;
        }
        rows.append(row);
    }
    return rows;
}

Result<QList<CaseloadRow>> CaseloadModel::summarise(Database &db, QList<CaseloadRow> rows, const QDate &today)
{
    auto policy = SyncState(db).visitPolicy(); // the council's, as the service last sent it
    if (!policy)
        return policy.error();
    const DueDateEngine engine(policy.value());
    // Newest visits first; the first one on which the child was seen is the one that counts.
    // Visits are read a few at a time, so a long history is not parsed for one date.
    Statement st = db.prepare(
        "SELECT r.body FROM record_children c JOIN records r ON r.id = c.record_id"
        // "+" keeps SQLite on the child's index: with records_by_type it would scan every visit
        // on the device once per child.
        " WHERE c.child_id = ?1 AND +r.type = 'visit' AND +r.deleted = 0"
        " ORDER BY r.event_at DESC LIMIT ?2 OFFSET ?3");
    for (CaseloadRow &row : rows) {
        row.lastSeen = {};
        row.seenAloneLast = -1;
        constexpr int kPage = 8;
        bool found = false;
        for (int offset = 0; !found && offset < 100000; offset += kPage) {
            st.reset();
            st.bind(1, row.childId).bind(2, kPage).bind(3, offset);
            int seenRows = 0;
            for (;;) {
                Result<bool> step = st.step();
                if (!step)
                    return step.error();
                if (!step.value())
                    break;
                ++seenRows;
                if (found)
                    continue;
                const Result<QJsonObject> visit = wire::parseObject(st.bytes(0));
                if (!visit)
                    continue;
                for (const QJsonValue &card : visit.value().value(u"children").toArray()) {
                    const QJsonObject c = card.toObject();
                    if (c.value(u"child_id").toString() != row.childId || c.value(u"seen").toBool() != true)
                        continue;
                    row.lastSeen = rules::localDate(QDateTime::fromString(visit.value().value(u"started_at").toString(), Qt::ISODate));
                    const QJsonValue alone = c.value(u"seen_alone");
                    row.seenAloneLast = alone.isBool() ? (alone.toBool() ? 1 : 0) : -1;
                    found = true;
                    break;
                }
            }
            if (seenRows < kPage)
                break;
        }
        const VisitDue due = engine.nextVisit(row.body, row.lastSeen, today);
        row.nextDue = due.due;
        row.dueNow = due.dueNow;
        row.overdue = due.overdue;
        row.daysOverdue = due.daysOverdue;
        row.summarised = true;
    }
    return rows;
}

Result<QStringList> CaseloadModel::searchChildIds(Database &db, const QString &text)
{
    auto hits = RecordRepository(db).search(text, 200);
    if (!hits)
        return hits.error();
    QStringList ids;
    for (const StoredRecord &rec : hits.value()) {
        const QStringList about = rec.type == u"child" ? QStringList{rec.id} : wire::childIdsOf(rec.body);
        for (const QString &id : about)
            if (!ids.contains(id))
                ids.append(id);
    }
    return ids;
}

} // namespace doorstep
