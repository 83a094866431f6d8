// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "conflictmodel.h"

#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "labels.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace doorstep {

ConflictModel::ConflictModel(QObject *parent) : QAbstractListModel(parent) {}

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {RecordTitleRole, "recordTitle"}, {FieldRole, "field"}, {FieldLabelRole, "fieldLabel"},
            {BaseRole, "base"},         {MineRole, "mine"},               {TheirsRole, "theirs"}, {EditableRole, "editable"}};
}

QString ConflictModel::display(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return tr("(empty)");
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    }
    return {};
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConflictRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case FieldLabelRole:
        return Labels::fieldLabel(r.entry.field);
    case RecordIdRole:
        return r.entry.recordId;
    case RecordTitleRole:
        return r.recordTitle;
    case FieldRole:
        return r.entry.field;
    case BaseRole:
        return display(r.entry.base);
    case MineRole:
        return display(r.entry.mine);
    case TheirsRole:
        return display(r.entry.theirs);
    case EditableRole:
        return (r.entry.mine.isString() || r.entry.mine.isNull() || r.entry.mine.isUndefined())
            && (r.entry.theirs.isString() || r.entry.theirs.isNull() || r.entry.theirs.isUndefined());
    default:
        return {};
    }
}

void ConflictModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

void ConflictModel::reload()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    m_store->run<QList<ConflictRow>>([](Database &db) -> Result<QList<ConflictRow>> {
         auto all = ConflictStore(db).all();
         if (!all)
             return all.error();
         RecordRepository repo(db);
         QList<ConflictRow> rows;
         for (const ConflictEntry &e : all.value()) {
             auto rec = repo.byId(e.recordId);
             rows.append({e, rec ? wire::titleOf(rec.value().body) : e.recordId});
         }
         return rows;
     }).then(this, [this, generation](Result<QList<ConflictRow>> r) {
        if (generation != m_generation)
            return;
        beginResetModel();
        m_rows = r.ok() ? r.value() : QList<ConflictRow>();
        m_errorString = r.ok() ? QString() : r.error().message;
        endResetModel();
        Q_EMIT countChanged();
    });
}

Result<void> ConflictModel::resolve(Database &db, const QString &recordId, const QString &field, const QJsonValue &chosen)
{
    RecordRepository repo(db);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto current = repo.byId(recordId);
    if (!current)
        return current.error();
    ConflictStore conflicts(db);
    if (auto rm = conflicts.remove(recordId, field); !rm)
        return rm;
    QJsonObject body = current.value().body;
    if (chosen.isUndefined())
        body.remove(field);
    else
        body.insert(field, chosen);
    if (auto saved = repo.save(body); !saved)
        return saved.error();
    // Always queue the field, even when the device already shows the chosen value, so the
    // service clears its conflict and the other devices receive the decision.
    const QJsonValue sent = chosen.isUndefined() ? QJsonValue(QJsonValue::Null) : chosen;
    if (auto q = Outbox(db).enqueue(recordId, current.value().type, current.value().rev, QJsonObject{{field, sent}}); !q)
        return q.error();
    return tx.commit();
}

void ConflictModel::choose(int row, const QJsonValue &value)
{
    if (!m_store || row < 0 || row >= m_rows.size())
        return;
    const QString recordId = m_rows.at(row).entry.recordId;
    const QString field = m_rows.at(row).entry.field;
    m_store->run<bool>([recordId, field, value](Database &db) -> Result<bool> {
         if (auto r = resolve(db, recordId, field, value); !r)
             return r.error();
         return true;
     }).then(this, [this](Result<bool> r) {
        if (!r.ok()) {
            m_errorString = r.error().message;
            Q_EMIT countChanged();
        } else {
            Q_EMIT resolved();
        }
        reload();
    });
}

void ConflictModel::keepMine(int row)
{
    if (row >= 0 && row < m_rows.size())
        choose(row, m_rows.at(row).entry.mine);
}

void ConflictModel::keepTheirs(int row)
{
    if (row >= 0 && row < m_rows.size())
        choose(row, m_rows.at(row).entry.theirs);
}

void ConflictModel::useEdited(int row, const QString &text)
{
    if (row >= 0 && row < m_rows.size() && data(index(row), EditableRole).toBool())
        choose(row, text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
}

} // namespace doorstep
