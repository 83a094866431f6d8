// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "statement.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace doorstep {

class Database;

/** The FTS5 search indexes, kept in the writer's transaction: `search_names` (children's names,
 *  prefix-searchable) and `search_text` (narrative text, whole words), both with rowid = records.rid. */
namespace searchindex {

/** The names a record is found by (a child's first, last and preferred names; empty otherwise). */
QString namesOf(const QJsonObject &record);
/** Replaces the index entries of one record. */
/** `fresh`: the row is new (no entries to remove first). */
Result<void> put(Database &db, qint64 rid, const QJsonObject &record, bool fresh = false);
Result<void> remove(Database &db, qint64 rid);
/** Turns free text typed by a person into a safe FTS5 query: each word becomes a quoted term
 *  ("smith", or the prefix "smi"* when `prefix`), so quotes, operators (AND, NEAR, ^, :, *) and
 *  column filters are only text. Empty when there is nothing to search for. */
QString toMatchQuery(const QString &userText, bool prefix);

/** put/remove with their statements prepared once and reused: a pulled page indexes thousands of
 *  records, and preparing four statements per record was a large share of that work. */
class Writer
{
public:
    explicit Writer(Database &db) : m_db(db) {}
    Result<void> put(qint64 rid, const QJsonObject &record, bool fresh = false);
    Result<void> remove(qint64 rid);

private:
    Statement &cached(std::optional<Statement> &slot, const char *sql);
    Database &m_db;
    std::optional<Statement> m_insertNames, m_insertText, m_deleteNames, m_deleteText;
};

} // namespace searchindex
} // namespace doorstep
