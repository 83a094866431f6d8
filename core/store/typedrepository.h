// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/wire.h"
#include "recordrepository.h"

namespace doorstep {

/** A typed facade over RecordRepository for one record type: saves and reads refuse records of
 *  any other type, so a screen working on visits cannot store or show a child by mistake. */
template <RecordType T>
class TypedRepository
{
public:
    explicit TypedRepository(Database &db) : m_records(db) {}

    static QString typeName() { return recordTypeName(T); }

    Result<StoredRecord> save(const QJsonObject &record, const QString &draftKey = {})
    {
        if (record.value(QLatin1String("type")).toString() != typeName())
            return Error(ErrorCode::InvalidInput, QStringLiteral("expected a %1 record").arg(typeName()),
                         QStringLiteral("type"));
        return m_records.save(record, draftKey);
    }

    Result<StoredRecord> byId(const QString &id)
    {
        Result<StoredRecord> r = m_records.byId(id);
        if (r && r->type != typeName())
            return Error(ErrorCode::NotFound, QStringLiteral("no such %1 record").arg(typeName()));
        return r;
    }

    /** Every record of this type, newest event first. */
    Result<QList<StoredRecord>> all(int limit = 1000) { return m_records.byType(typeName(), limit); }

    /** The records of this type about one child, oldest event first. */
    Result<QList<StoredRecord>> forChild(const QString &childId)
    {
        Result<QList<StoredRecord>> all = m_records.chronology(childId);
        if (!all)
            return all;
        QList<StoredRecord> out;
        for (const StoredRecord &r : all.value())
            if (r.type == typeName())
                out.append(r);
        return out;
    }

protected:
    RecordRepository m_records;
};

using VisitRepository = TypedRepository<RecordType::Visit>;
using DirectWorkRepository = TypedRepository<RecordType::DirectWork>;
using ReviewRepository = TypedRepository<RecordType::Review>;
using SupervisionRepository = TypedRepository<RecordType::Supervision>;

} // namespace doorstep
