// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "conflictstore.h"

#include "database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace doorstep {

namespace {

// A JSON value of any kind (string, number, null, object) is stored wrapped in a one-element
// array; SQL NULL means "absent" (QJsonValue::Undefined).
void bindValue(Statement &st, int index, const QJsonValue &v)
{
    if (v.isUndefined())
        st.bindNull(index);
    else
        st.bind(index, QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

QJsonValue readValue(const Statement &st, int column)
{
    if (st.isNull(column))
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(st.bytes(column));
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().at(0) : QJsonValue(QJsonValue::Undefined);
}

} // namespace

Result<void> ConflictStore::put(const QString &recordId, const merge::FieldConflict &conflict, qint64 theirsRev)
{
    Statement st = m_db.prepare("INSERT OR REPLACE INTO conflicts(record_id, field, base, mine, theirs, theirs_rev, detected_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, recordId).bind(2, conflict.field);
    bindValue(st, 3, conflict.base);
    bindValue(st, 4, conflict.mine);
    bindValue(st, 5, conflict.theirs);
    st.bind(6, theirsRev).bind(7, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return st.exec();
}

Result<void> ConflictStore::updateMine(const QString &recordId, const QJsonObject &patch)
{
    // Prepared once per save, not once per edited field (a visit's save edits a dozen).
    Statement st = m_db.prepare("UPDATE conflicts SET mine = ?3 WHERE record_id = ?1 AND field = ?2");
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        st.reset();
        st.bind(1, recordId).bind(2, it.key());
        bindValue(st, 3, it.value().isNull() ? QJsonValue(QJsonValue::Undefined) : it.value());
        if (Result<void> r = st.exec(); !r)
            return r;
    }
    return {};
}

Result<QList<ConflictEntry>> ConflictStore::list(const char *sql, const QString &arg)
{
    Statement st = m_db.prepare(sql);
    if (!arg.isNull())
        st.bind(1, arg);
    QList<ConflictEntry> out;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            return out;
        out.append({st.text(0), st.text(1), readValue(st, 2), readValue(st, 3), readValue(st, 4), st.int64(5), st.text(6)});
    }
}

Result<QList<ConflictEntry>> ConflictStore::forRecord(const QString &recordId)
{
    return list("SELECT record_id, field, base, mine, theirs, theirs_rev, detected_at FROM conflicts "
                "WHERE record_id = ?1 ORDER BY field",
                recordId);
}

Result<QList<ConflictEntry>> ConflictStore::all()
{
    return list("SELECT record_id, field, base, mine, theirs, theirs_rev, detected_at FROM conflicts "
                "ORDER BY detected_at, record_id, field",
                QString());
}

Result<int> ConflictStore::count()
{
    Result<QString> r = m_db.queryText("SELECT count(*) FROM conflicts");
    if (!r)
        return r.error();
    return r.value().toInt();
}

Result<void> ConflictStore::remove(const QString &recordId, const QString &field)
{
    Statement st = m_db.prepare("DELETE FROM conflicts WHERE record_id = ?1 AND field = ?2");
    st.bind(1, recordId).bind(2, field);
    if (Result<void> r = st.exec(); !r)
        return r;
    if (m_db.changes() == 0)
        return Error(ErrorCode::NotFound, QStringLiteral("no such conflict"));
    return {};
}

} // namespace doorstep
