// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "outboxmodel.h"

#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/wire.h"

#include <QHash>
#include <QSet>

namespace doorstep {

OutboxModel::OutboxModel(QObject *parent) : QAbstractListModel(parent) {}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    return {{MutationIdRole, "mutationId"}, {RecordIdRole, "recordId"}, {TitleRole, "title"},     {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {ReasonRole, "reason"},     {AttemptsRole, "attempts"}, {TypeRole, "type"}};
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case MutationIdRole:
        return r.mutationId;
    case RecordIdRole:
        return r.recordId;
    case TypeRole:
        return r.type;
    case StatusRole:
        return r.status;
    case StatusTextRole:
        if (r.status == u"pending")
            return r.attempts > 0 ? tr("Waiting to send (tried %n time(s))", nullptr, r.attempts) : tr("Waiting to send");
        if (r.status == u"sent")
            return tr("Sent, waiting for the answer");
        if (r.status == u"quarantined")
            return tr("Could not be sent");
        if (r.status == u"accepted")
            return tr("Accepted by the service");
        if (r.status == u"returned")
            return tr("Returned by your manager");
        return r.status;
    case ReasonRole:
        return r.reason;
    case AttemptsRole:
        return r.attempts;
    default:
        return {};
    }
}

void OutboxModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

Result<QList<OutboxRow>> OutboxModel::read(Database &db)
{
    Outbox outbox(db);
    RecordRepository repo(db);
    auto pending = outbox.pending(1000);
    if (!pending)
        return pending.error();
    auto quarantined = outbox.quarantined();
    if (!quarantined)
        return quarantined.error();
    QList<OutboxRow> rows;
    QSet<QString> waiting;
    QHash<QString, QString> childNames; // child id -> name, read once per child
    // "Amara Ashworth: Child in need visit, 21 Oct 2026": a worker scans for the child first.
    auto titleFor = [&](const StoredRecord &rec) {
        const QString title = wire::titleOf(rec.body);
        if (rec.type == u"child")
            return title;
        QStringList names;
        for (const QString &childId : wire::childIdsOf(rec.body)) {
            auto it = childNames.constFind(childId);
            if (it == childNames.constEnd()) {
                auto child = repo.byId(childId);
                it = childNames.insert(childId, child ? wire::titleOf(child.value().body) : QString());
            }
            if (!it.value().isEmpty())
                names << it.value();
        }
        return names.isEmpty() ? title : tr("%1: %2").arg(names.join(u", "), title);
    };
    auto titleOf = [&](const QString &id, const QString &type) {
        auto rec = repo.byId(id);
        return rec ? titleFor(rec.value()) : type;
    };
    // My recent records the service already holds: returned (with the reason) and accepted.
    QList<OutboxRow> returned, accepted;
    for (const char *type : {"visit", "direct_work"}) {
        auto recent = repo.byType(QString::fromLatin1(type), 30);
        if (!recent)
            return recent.error();
        for (const StoredRecord &r : recent.value()) {
            if (r.rev <= 0)
                continue;
            if (r.state == u"returned")
                returned.append({QString(), r.id, r.type, titleFor(r), QStringLiteral("returned"), r.body.value(u"return_reason").toString(), 0});
            else if (r.state == u"submitted" || r.state == u"approved")
                accepted.append({QString(), r.id, r.type, titleFor(r), QStringLiteral("accepted"), QString(), 0});
        }
    }
    // What needs a person first: a quarantined change, then a record the manager returned; then
    // what is waiting, in order; then what the service accepted.
    for (const OutboxEntry &e : quarantined.value()) {
        rows.append({e.mutationId, e.recordId, e.type, titleOf(e.recordId, e.type), QStringLiteral("quarantined"), e.lastError, e.attempts});
        waiting.insert(e.recordId);
    }
    for (const OutboxEntry &e : pending.value())
        waiting.insert(e.recordId);
    for (const OutboxRow &r : std::as_const(returned))
        if (!waiting.contains(r.recordId))
            rows.append(r);
    for (const OutboxEntry &e : pending.value())
        rows.append({e.mutationId, e.recordId, e.type, titleOf(e.recordId, e.type), e.status, e.lastError, e.attempts});
    for (const OutboxRow &r : std::as_const(accepted))
        if (!waiting.contains(r.recordId))
            rows.append(r);
    return rows;
}

void OutboxModel::reload()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    m_store->run<QList<OutboxRow>>([](Database &db) { return read(db); }).then(this, [this, generation](Result<QList<OutboxRow>> r) {
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
        Q_EMIT countChanged();
    });
}

void OutboxModel::retry(int row)
{
    if (!m_store || row < 0 || row >= m_rows.size() || m_rows.at(row).status != u"quarantined")
        return;
    const QString id = m_rows.at(row).mutationId;
    m_store->run<bool>([id](Database &db) -> Result<bool> {
         if (auto r = Outbox(db).requeue(id); !r)
             return r.error();
         return true;
     }).then(this, [this](Result<bool> r) {
        if (r.ok())
            Q_EMIT requeued();
        reload();
    });
}

} // namespace doorstep
