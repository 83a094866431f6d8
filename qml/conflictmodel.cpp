// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "conflictmodel.h"

#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "dateinput.h"
#include "labels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace doorstep {

namespace {

bool isDateText(const QJsonValue &v)
{
    static const QRegularExpression re(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    return v.isString() && re.match(v.toString()).hasMatch();
}

bool isDateTimeText(const QJsonValue &v)
{
    return v.isString() && v.toString().contains(QLatin1Char('T')) && QDateTime::fromString(v.toString(), Qt::ISODate).isValid();
}

bool blankValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty());
}

/** An item's identity in a list: an action's id, a card's child, a child id itself. */
QString itemKey(const QJsonValue &item)
{
    if (item.isString())
        return item.toString();
    const QJsonObject o = item.toObject();
    for (const char *k : {"id", "child_id"})
        if (o.value(QLatin1String(k)).isString())
            return o.value(QLatin1String(k)).toString();
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

ConflictModel::ConflictModel(QObject *parent) : QAbstractListModel(parent) {}

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {RecordTitleRole, "recordTitle"}, {FieldRole, "field"}, {FieldLabelRole, "fieldLabel"},
            {BaseRole, "base"},         {MineRole, "mine"},               {TheirsRole, "theirs"}, {EditableRole, "editable"},
            {KindRole, "kind"},         {OptionsRole, "options"},         {MineValueRole, "mineValue"},
            {TheirsValueRole, "theirsValue"}, {MergedRole, "merged"},     {ListGroupsRole, "listGroups"}};
}

QString ConflictModel::kindOf(const QString &field, const QJsonValue &mine, const QJsonValue &theirs)
{
    if (mine.isArray() || theirs.isArray())
        return QStringLiteral("list");
    if (mine.isObject() || theirs.isObject() || mine.isDouble() || theirs.isDouble())
        return QStringLiteral("value");
    if (mine.isBool() || theirs.isBool())
        return QStringLiteral("yesno");
    if (!optionsFor(field).isEmpty())
        return QStringLiteral("choice");
    static const QStringList dateTimes = {QStringLiteral("started_at"), QStringLiteral("ended_at")};
    static const QStringList dates = {QStringLiteral("session_date"), QStringLiteral("held_on"), QStringLiteral("date_of_birth")};
    const auto all = [&](bool (*test)(const QJsonValue &)) {
        return (blankValue(mine) || test(mine)) && (blankValue(theirs) || test(theirs)) && !(blankValue(mine) && blankValue(theirs));
    };
    if (dateTimes.contains(field) || all(isDateTimeText))
        return QStringLiteral("datetime");
    if (dates.contains(field) || all(isDateText))
        return QStringLiteral("date");
    return QStringLiteral("text");
}

QVariantList ConflictModel::optionsFor(const QString &field)
{
    if (field == u"visit_type")
        return Labels::visitTypes();
    if (field == u"location")
        return Labels::locations();
    if (field == u"activity")
        return Labels::activities();
    return {};
}

QString ConflictModel::mergedText(const QString &mine, const QString &theirs)
{
    const QString m = mine.trimmed();
    const QString t = theirs.trimmed();
    if (m.isEmpty() || m == t || t.contains(m))
        return t.isEmpty() ? m : t;
    if (t.isEmpty() || m.contains(t))
        return m;
    return m + QStringLiteral("\n\n") + t;
}

QString ConflictModel::itemText(const ConflictRow &row, const QJsonValue &item) const
{
    if (item.isString())
        return row.childNames.value(item.toString(), item.toString());
    const QJsonObject o = item.toObject();
    if (o.contains(u"child_id")) { // a child's card on a visit
        QStringList parts{row.childNames.value(o.value(u"child_id").toString(), tr("A child"))};
        if (o.value(u"seen").isBool())
            parts << (o.value(u"seen").toBool() ? tr("seen") : tr("not seen"));
        if (o.value(u"seen_alone").isBool())
            parts << (o.value(u"seen_alone").toBool() ? tr("seen alone") : tr("not seen alone"));
        const QString views = o.value(u"child_views").toString();
        if (!views.isEmpty())
            parts << tr("views: \u201c%1\u201d").arg(views.size() > 80 ? views.left(80) + QStringLiteral("…") : views);
        return parts.join(QStringLiteral(" · "));
    }
    if (o.contains(u"what") || o.contains(u"owner")) { // an action
        QStringList parts{o.value(u"what").toString().isEmpty() ? tr("(no description)") : o.value(u"what").toString()};
        if (!o.value(u"owner").toString().isEmpty())
            parts << tr("by %1").arg(o.value(u"owner").toString());
        if (!o.value(u"due").toString().isEmpty())
            parts << tr("due %1").arg(DateInput::dateTextOf(o.value(u"due").toString()));
        const QString status = o.value(u"status").toString();
        if (status == u"done")
            parts << tr("done");
        else if (status == u"cancelled")
            parts << tr("cancelled");
        return parts.join(QStringLiteral(" · "));
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString ConflictModel::displayIn(const ConflictRow &row, const QJsonValue &value) const
{
    if (blankValue(value))
        return tr("(empty)");
    const QString kind = kindOf(row.entry.field, row.entry.mine, row.entry.theirs);
    if (kind == u"list") {
        const QJsonArray items = value.toArray();
        if (items.isEmpty())
            return tr("(none)");
        QStringList lines;
        for (const QJsonValue &item : items)
            lines << QStringLiteral("• ") + itemText(row, item);
        return lines.join(QLatin1Char('\n'));
    }
    if (kind == u"choice") {
        for (const QVariant &o : optionsFor(row.entry.field))
            if (o.toMap().value(QStringLiteral("value")).toString() == value.toString())
                return o.toMap().value(QStringLiteral("text")).toString();
    }
    if (kind == u"date" && value.isString())
        return DateInput::longDate(value.toString());
    if (kind == u"datetime" && value.isString())
        return DateInput::dateTextOf(value.toString()) + QLatin1Char(' ') + DateInput::timeTextOf(value.toString());
    return display(value);
}

QVariantList ConflictModel::listGroups(const ConflictRow &row) const
{
    const QJsonArray mine = row.entry.mine.toArray();
    const QJsonArray theirs = row.entry.theirs.toArray();
    QStringList order;
    QHash<QString, QJsonValue> mineByKey, theirsByKey;
    for (const QJsonValue &item : mine) {
        const QString k = itemKey(item);
        if (!mineByKey.contains(k)) {
            mineByKey.insert(k, item);
            order << k;
        }
    }
    for (const QJsonValue &item : theirs) {
        const QString k = itemKey(item);
        if (!theirsByKey.contains(k)) {
            theirsByKey.insert(k, item);
            if (!mineByKey.contains(k))
                order << k;
        }
    }
    QVariantList groups;
    for (const QString &k : std::as_const(order)) {
        const bool inMine = mineByKey.contains(k);
        const bool inTheirs = theirsByKey.contains(k);
        QVariantList choices;
        QString note;
        const auto choice = [&](const QString &side, const QString &label, const QJsonValue &item) {
            return QVariantMap{{QStringLiteral("key"), side + QLatin1Char(':') + k},
                               {QStringLiteral("label"), label},
                               {QStringLiteral("text"), itemText(row, item)}};
        };
        if (inMine && inTheirs && mineByKey.value(k) == theirsByKey.value(k)) {
            note = tr("The same on both");
            choices << choice(QStringLiteral("mine"), tr("Keep"), mineByKey.value(k));
        } else if (inMine && inTheirs) {
            note = tr("Changed on both");
            choices << choice(QStringLiteral("mine"), tr("This tablet's version"), mineByKey.value(k))
                    << choice(QStringLiteral("theirs"), tr("The service's version"), theirsByKey.value(k));
        } else if (inMine) {
            note = tr("Only on this tablet");
            choices << choice(QStringLiteral("mine"), tr("Keep"), mineByKey.value(k));
        } else {
            note = tr("Only on the service");
            choices << choice(QStringLiteral("theirs"), tr("Keep"), theirsByKey.value(k));
        }
        groups << QVariantMap{{QStringLiteral("group"), k},
                              {QStringLiteral("note"), note},
                              {QStringLiteral("choices"), choices},
                              {QStringLiteral("defaultKey"), choices.first().toMap().value(QStringLiteral("key"))}};
    }
    return groups;
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
    case QJsonValue::Object:
        return describe(value);
    }
    return {};
}

QString ConflictModel::describe(const QJsonValue &value, int indent)
{
    const QString pad(indent * 2, QLatin1Char(' '));
    if (value.isArray()) {
        QStringList lines;
        for (const QJsonValue &item : value.toArray())
            lines << pad + QStringLiteral("• ") + describe(item, indent + 1).trimmed();
        return lines.isEmpty() ? pad + tr("(none)") : lines.join(QLatin1Char('\n'));
    }
    if (!value.isObject())
        return display(value);
    const QJsonObject o = value.toObject();
    if (o.contains(u"every") && o.contains(u"unit")) { // a visiting frequency
        const int every = o.value(u"every").toInt();
        return o.value(u"unit").toString() == u"working_days" ? tr("every %n working day(s)", nullptr, every) : tr("every %n day(s)", nullptr, every);
    }
    if (o.contains(u"what")) { // an action
        QString text = o.value(u"what").toString();
        if (const QString owner = o.value(u"owner").toString(); !owner.isEmpty())
            text += QStringLiteral(" — ") + owner;
        if (const QString due = o.value(u"due").toString(); !due.isEmpty())
            text += tr(", by %1").arg(due);
        const QString status = o.value(u"status").toString();
        if (status == u"done")
            text += tr(" (done)");
        else if (status == u"cancelled")
            text += tr(" (cancelled)");
        return text;
    }
    QStringList lines;
    const QStringList keys = o.keys(); // sorted: the same order on both sides
    for (const QString &key : keys) {
        const QJsonValue v = o.value(key);
        if (key == u"id" || v.isNull() || v.isUndefined())
            continue;
        const bool block = v.isArray() || (v.isObject() && !v.toObject().contains(u"every"));
        const QString shown = key == u"kind" ? Labels::placementKind(v.toString()) // the one coded field inside an object
                                             : (block ? QStringLiteral("\n") + describe(v, indent + 1) : describe(v, indent + 1).trimmed());
        lines << pad + Labels::fieldLabel(key) + QStringLiteral(": ") + shown;
    }
    return lines.isEmpty() ? pad + tr("(empty)") : lines.join(QLatin1Char('\n'));
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
        return displayIn(r, r.entry.base);
    case MineRole:
        return displayIn(r, r.entry.mine);
    case TheirsRole:
        return displayIn(r, r.entry.theirs);
    case EditableRole:
        return kindOf(r.entry.field, r.entry.mine, r.entry.theirs) == u"text";
    case KindRole:
        return kindOf(r.entry.field, r.entry.mine, r.entry.theirs);
    case OptionsRole:
        return optionsFor(r.entry.field);
    case MineValueRole:
        return r.entry.mine.toVariant();
    case TheirsValueRole:
        return r.entry.theirs.toVariant();
    case MergedRole:
        return mergedText(r.entry.mine.toString(), r.entry.theirs.toString());
    case ListGroupsRole:
        return r.entry.mine.isArray() || r.entry.theirs.isArray() ? listGroups(r) : QVariantList();
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
             ConflictRow row{e, rec ? wire::titleOf(rec.value().body) : e.recordId, {}};
             if (e.field == u"children" || e.field == u"child_ids") {
                 // Cards and child lists are shown by name, as far as this device knows them.
                 QSet<QString> ids;
                 for (const QJsonValue &side : {e.base, e.mine, e.theirs})
                     for (const QJsonValue &item : side.toArray())
                         ids.insert(item.isString() ? item.toString() : item.toObject().value(u"child_id").toString());
                 for (const QString &id : std::as_const(ids)) {
                     auto child = repo.byId(id);
                     if (!child)
                         continue;
                     row.childNames.insert(id, wire::childKnownAs(child.value().body));
                 }
             }
             rows.append(row);
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

bool ConflictModel::useValue(int row, const QVariant &value)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const ConflictEntry &e = m_rows.at(row).entry;
    const QString kind = kindOf(e.field, e.mine, e.theirs);
    const bool blank = !value.isValid() || value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
    QJsonValue chosen(QJsonValue::Null);
    if (kind == u"yesno") {
        if (!blank && value.typeId() != QMetaType::Bool)
            return false;
        if (!blank)
            chosen = value.toBool();
    } else if (kind == u"choice") {
        if (!blank) {
            bool known = false;
            for (const QVariant &o : optionsFor(e.field))
                known = known || o.toMap().value(QStringLiteral("value")).toString() == value.toString();
            if (!known)
                return false;
            chosen = value.toString();
        }
    } else if (kind == u"date") {
        if (!blank) {
            if (!isDateText(value.toString()) || !QDate::fromString(value.toString(), Qt::ISODate).isValid())
                return false;
            chosen = value.toString();
        }
    } else if (kind == u"datetime") {
        if (!blank) {
            const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
            if (!t.isValid())
                return false;
            chosen = t.toUTC().toString(Qt::ISODate);
        }
    } else if (kind == u"text") {
        if (!blank)
            chosen = value.toString();
    } else {
        return false; // lists and structured values: keep a side, or build a list with useListItems
    }
    choose(row, chosen);
    return true;
}

bool ConflictModel::useListItems(int row, const QStringList &keys)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const ConflictEntry &e = m_rows.at(row).entry;
    if (!e.mine.isArray() && !e.theirs.isArray())
        return false;
    QHash<QString, QJsonValue> mineByKey, theirsByKey;
    for (const QJsonValue &item : e.mine.toArray())
        mineByKey.insert(itemKey(item), item);
    for (const QJsonValue &item : e.theirs.toArray())
        theirsByKey.insert(itemKey(item), item);
    QJsonArray out;
    QSet<QString> taken;
    for (const QString &key : keys) {
        if (key.isEmpty())
            continue; // left out
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        const QString side = key.left(colon);
        const QString k = key.mid(colon + 1);
        const QHash<QString, QJsonValue> &from = side == u"mine" ? mineByKey : theirsByKey;
        if (colon < 0 || (side != u"mine" && side != u"theirs") || !from.contains(k) || taken.contains(k))
            return false; // unknown item, or one item twice (two versions of the same action)
        taken.insert(k);
        out.append(from.value(k));
    }
    choose(row, out);
    return true;
}

void ConflictModel::useEdited(int row, const QString &text)
{
    if (row >= 0 && row < m_rows.size() && data(index(row), EditableRole).toBool())
        choose(row, text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
}

} // namespace doorstep
