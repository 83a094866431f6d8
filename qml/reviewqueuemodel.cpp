// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reviewqueuemodel.h"

#include "dashboardviewmodel.h"
#include "labels.h"

#include "core/store/database.h"
#include "core/store/decisionqueue.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace doorstep {

namespace {
bool hasSafetyConcern(const QJsonObject &body)
{
    const QJsonArray cards = body.value(u"children").toArray();
    return std::any_of(cards.begin(), cards.end(), [](const QJsonValue &c) { return c.toObject().value(u"safety_concern").toBool(); });
}

} // namespace

ReviewQueueModel::ReviewQueueModel(QObject *parent) : QAbstractListModel(parent) {}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const
{
    return {{RecordIdRole, "recordId"},
            {RecordTypeRole, "recordType"},
            {TypeTextRole, "typeText"},
            {TitleRole, "title"},
            {ChildNamesRole, "childNames"},
            {AuthorRole, "author"},
            {AuthorNameRole, "authorName"},
            {SubmittedAtRole, "submittedAt"},
            {SubmittedTextRole, "submittedText"},
            {WaitingTextRole, "waitingText"},
            {WaitingHoursRole, "waitingHours"},
            {SafetyConcernRole, "safetyConcern"},
            {RevRole, "rev"},
            {DecisionStatusRole, "decisionStatus"},
            {DecisionStatusTextRole, "decisionStatusText"},
            {DecisionRole, "decision"},
            {DecisionErrorRole, "decisionError"},
            {DraftRole, "draft"}};
}

QString ReviewQueueModel::decisionStatusText(const QString &status, const QString &decision)
{
    const bool approve = decision == u"approve";
    if (status == u"pending")
        return approve ? tr("Approval queued: sent at the next sync") : tr("Return queued: sent at the next sync");
    if (status == u"conflict")
        return tr("The record changed since you read it: open it and decide again");
    if (status == u"refused")
        return approve ? tr("Your approval was refused") : tr("Your return was refused");
    if (status == u"accepted")
        return approve ? tr("Approved") : tr("Returned");
    return {};
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewQueueRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case RecordIdRole:
        return r.recordId;
    case RecordTypeRole:
        return r.type;
    case TypeTextRole:
        return Labels::recordType(r.type);
    case ChildNamesRole:
        return r.childNames.isEmpty() ? tr("No child named") : r.childNames.join(QStringLiteral(", "));
    case AuthorRole:
        return r.authorId;
    case AuthorNameRole:
        return r.authorName;
    case SubmittedAtRole:
        return r.submittedAt;
    case SubmittedTextRole:
        if (r.state == u"draft")
            return tr("A draft, not yet submitted");
        return r.submittedAt.isValid()
            ? tr("Submitted %1").arg(QLocale().toString(r.submittedAt.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")))
            : tr("Submission time not recorded");
    case WaitingTextRole: {
        if (!r.submittedAt.isValid() || r.state == u"draft")
            return QString();
        const qint64 hours = qMax<qint64>(0, r.submittedAt.secsTo(now()) / 3600);
        if (hours < 24)
            return tr("Waiting %n hour(s)", nullptr, int(hours));
        return tr("Waiting %n day(s)", nullptr, int(hours / 24));
    }
    case WaitingHoursRole:
        return r.submittedAt.isValid() ? qMax<qint64>(0, r.submittedAt.secsTo(now()) / 3600) : 0;
    case SafetyConcernRole:
        return r.safetyConcern;
    case RevRole:
        return r.rev;
    case DecisionStatusRole:
        return r.decisionStatus;
    case DecisionStatusTextRole:
        return decisionStatusText(r.decisionStatus, r.decision);
    case DecisionRole:
        return r.decision;
    case DecisionErrorRole:
        return r.decisionError;
    case DraftRole:
        return r.state == u"draft";
    default:
        return {};
    }
}

void ReviewQueueModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

void ReviewQueueModel::setUserId(const QString &id)
{
    if (id == m_userId)
        return;
    m_userId = id;
    Q_EMIT userIdChanged();
    reload();
}

int ReviewQueueModel::waitingCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const ReviewQueueRow &r) { return r.decisionStatus.isEmpty() && r.state != u"draft"; }));
}

int ReviewQueueModel::concernDraftCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const ReviewQueueRow &r) { return r.decisionStatus.isEmpty() && r.state == u"draft"; }));
}

int ReviewQueueModel::queuedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const ReviewQueueRow &r) { return r.decisionStatus == u"pending"; }));
}

int ReviewQueueModel::attentionCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const ReviewQueueRow &r) { return r.decisionStatus == u"conflict" || r.decisionStatus == u"refused"; }));
}

QString ReviewQueueModel::recordIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).recordId : QString();
}

Result<QList<ReviewQueueRow>> ReviewQueueModel::read(Database &db, const QString &userId)
{
    // Candidates: submitted records other than children and review decisions, plus any record with a
    // decision the service has not accepted (its state may have moved on: the manager must see why).
    QStringList ids;
    QSet<QString> seen;
    // Drafts are candidates too: one that raises a safety concern is listed (checked below).
    Statement st = db.prepare("SELECT id FROM records WHERE deleted = 0 AND state IN ('submitted', 'draft') AND type NOT IN ('child', 'review') "
                              "UNION SELECT record_id FROM decisions WHERE status <> 'accepted'");
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        const QString id = st.text(0);
        if (!seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    }

    RecordRepository repo(db);
    DecisionQueue decisions(db);
    QHash<QString, QString> childNames;
    QHash<QString, QString> userNames;
    if (auto names = SyncState(db).get(DashboardViewModel::userNamesKey()); names && names.value()) {
        const QJsonObject map = QJsonDocument::fromJson(names.value()->toUtf8()).object();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            userNames.insert(it.key(), it.value().toString());
    }
    auto nameOfChild = [&](const QString &id) -> QString {
        auto cached = childNames.constFind(id);
        if (cached != childNames.constEnd())
            return cached.value();
        auto child = repo.byId(id);
        const QString name = child ? wire::childKnownAs(child.value().body) : QString();
        childNames.insert(id, name);
        return name;
    };

    QList<ReviewQueueRow> rows;
    for (const QString &id : std::as_const(ids)) {
        auto rec = repo.byId(id);
        if (!rec) {
            if (rec.error().code == ErrorCode::NotFound)
                continue; // a decision about a record no longer on the device (purged)
            return rec.error();
        }
        const StoredRecord &r = rec.value();
        auto decision = decisions.latestFor(id);
        if (!decision)
            return decision.error();
        ReviewQueueRow row;
        if (decision.value() && decision.value()->status != u"accepted") {
            row.decisionStatus = decision.value()->status;
            row.decision = decision.value()->decision;
            row.decisionError = decision.value()->error;
        } else if (r.state != u"submitted" && !(r.state == u"draft" && hasSafetyConcern(r.body))) {
            continue;
        }
        row.authorId = r.body.value(u"author").toString();
        // A manager never reviews their own record (the service refuses it too). A record the service
        // has not seen yet (rev 0, no author: the service sets it) is this device's own unsent work.
        if ((!userId.isEmpty() && row.authorId == userId) || r.rev < 1 || row.authorId.isEmpty())
            continue;
        row.recordId = r.id;
        row.type = r.type;
        row.title = wire::titleOf(r.body);
        for (const QString &c : wire::childIdsOf(r.body)) {
            const QString name = nameOfChild(c);
            if (!name.isEmpty())
                row.childNames << name;
        }
        row.authorName = userNames.value(row.authorId);
        if (row.authorName.isEmpty())
            row.authorName = row.authorId.isEmpty() ? tr("Unknown author") : tr("Worker %1").arg(row.authorId.left(8));
        row.submittedAt = QDateTime::fromString(r.body.value(u"submitted_at").toString(), Qt::ISODate);
        row.safetyConcern = hasSafetyConcern(r.body);
        row.rev = r.rev;
        row.state = r.state;
        rows.append(row);
    }
    // Safety concerns first, then the longest waiting (unknown submission times last), then id.
    std::sort(rows.begin(), rows.end(), [](const ReviewQueueRow &a, const ReviewQueueRow &b) {
        if (a.safetyConcern != b.safetyConcern)
            return a.safetyConcern;
        if (a.submittedAt.isValid() != b.submittedAt.isValid())
            return a.submittedAt.isValid();
        if (a.submittedAt != b.submittedAt)
            return a.submittedAt < b.submittedAt;
        return a.recordId < b.recordId;
    });
    return rows;
}

void ReviewQueueModel::reload()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT countChanged();
    m_store->run<QList<ReviewQueueRow>>([userId = m_userId](Database &db) { return read(db, userId); })
        .then(this, [this, generation](Result<QList<ReviewQueueRow>> r) {
            if (generation != m_generation)
                return;
            beginResetModel();
            if (r.ok()) {
                m_rows = r.value();
                m_errorString.clear();
            } else {
                m_rows.clear();
                m_errorString = r.error().message;
            }
            endResetModel();
            m_loading = false;
            Q_EMIT countChanged();
            Q_EMIT loaded();
        });
}

} // namespace doorstep
