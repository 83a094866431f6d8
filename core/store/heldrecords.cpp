// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "heldrecords.h"

#include "core/wire.h"
#include "database.h"

#include <QDateTime>
#include <QJsonDocument>

namespace doorstep {

Result<void> HeldRecords::hold(const QString &recordId, qint64 rev, const QJsonObject &body, const Error &why)
{
    Statement st = m_db.prepare(
        "INSERT INTO held_records(record_id, rev, body, reason, field, held_schema, held_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT(record_id) DO UPDATE SET rev = excluded.rev, body = excluded.body, reason = excluded.reason, "
        "field = excluded.field, held_schema = excluded.held_schema, held_at = excluded.held_at "
        "WHERE excluded.rev >= held_records.rev");
    st.bind(1, recordId).bind(2, rev).bind(3, wire::encode(body)).bind(4, why.message);
    if (why.field.isEmpty())
        st.bindNull(5);
    else
        st.bind(5, why.field);
    st.bind(6, wire::kSchemaVersion).bind(7, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return st.exec();
}

Result<void> HeldRecords::release(const QString &recordId, qint64 rev)
{
    Statement st = m_db.prepare(rev < 0 ? "DELETE FROM held_records WHERE record_id = ?1"
                                        : "DELETE FROM held_records WHERE record_id = ?1 AND rev <= ?2");
    st.bind(1, recordId);
    if (rev >= 0)
        st.bind(2, rev);
    return st.exec();
}

Result<QSet<QString>> HeldRecords::ids()
{
    Statement st = m_db.prepare("SELECT record_id FROM held_records");
    QSet<QString> out;
    for (;;) {
        Result<bool> row = st.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out.insert(st.text(0));
    }
}

Result<int> HeldRecords::count()
{
    Statement st = m_db.prepare("SELECT COUNT(*) FROM held_records");
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    return int(st.int64(0));
}

Result<QList<HeldRecord>> HeldRecords::all()
{
    Statement st = m_db.prepare("SELECT record_id, rev, body, reason, field, held_schema, held_at FROM held_records "
                                "ORDER BY held_at, record_id");
    return list(st);
}

Result<QList<HeldRecord>> HeldRecords::heldBeforeThisVersion()
{
    Statement st = m_db.prepare("SELECT record_id, rev, body, reason, field, held_schema, held_at FROM held_records "
                                "WHERE held_schema < ?1 ORDER BY rev");
    st.bind(1, wire::kSchemaVersion);
    return list(st);
}

Result<void> HeldRecords::markTried(const QString &recordId, const Error &why)
{
    Statement st = m_db.prepare("UPDATE held_records SET held_schema = ?2, reason = ?3, field = ?4 WHERE record_id = ?1");
    st.bind(1, recordId).bind(2, wire::kSchemaVersion).bind(3, why.message);
    if (why.field.isEmpty())
        st.bindNull(4);
    else
        st.bind(4, why.field);
    return st.exec();
}

Result<QList<HeldRecord>> HeldRecords::list(Statement &st)
{
    QList<HeldRecord> out;
    for (;;) {
        Result<bool> row = st.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        // Stored from a parsed object, so it parses again; a damaged row still lists with its reason.
        const QJsonObject body = QJsonDocument::fromJson(st.bytes(2)).object();
        out << HeldRecord{st.text(0), st.int64(1), body, st.text(3), st.isNull(4) ? QString() : st.text(4), int(st.int64(5)), st.text(6)};
    }
}

} // namespace doorstep
