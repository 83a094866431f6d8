// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/merge.h"
#include "core/result.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace doorstep {

class Database;

/** A field changed on both sides, kept until a person chooses (mine / theirs / edit). */
struct ConflictEntry {
    QString recordId;
    QString field;
    QJsonValue base;    // Undefined when absent
    QJsonValue mine;
    QJsonValue theirs;
    qint64 theirsRev = 0;
    QString detectedAt;
};

/** Conflicts awaiting a person's decision, one per record field. */
class ConflictStore
{
public:
    explicit ConflictStore(Database &db) : m_db(db) {}

    /** Records (or replaces) the conflict on one field of a record. */
    Result<void> put(const QString &recordId, const merge::FieldConflict &conflict, qint64 theirsRev);
    Result<QList<ConflictEntry>> forRecord(const QString &recordId);
    Result<QList<ConflictEntry>> all();
    Result<int> count();
    /** The person edited fields (`patch`, field -> new value) of which some may be in conflict:
     *  their "mine" shows what this device now holds. One statement for the whole patch. */
    Result<void> updateMine(const QString &recordId, const QJsonObject &patch);
    /** A person resolved it (the chosen value is saved as a normal edit by the caller). */
    Result<void> remove(const QString &recordId, const QString &field);

private:
    Database &m_db;
    Result<QList<ConflictEntry>> list(const char *sql, const QString &arg);
};

} // namespace doorstep
