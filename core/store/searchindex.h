// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "statement.h"

#include <QJsonObject>
#include <QList>
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

    /** put() held in memory until flush(), for a caller writing many records in one transaction (a
     *  pulled page). Why: once an FTS5 table has been written in a transaction, every later statement
     *  that opens a statement journal (the records upsert does) makes FTS5 flush its pending terms
     *  as a new segment, so indexing record by record between upserts wrote one tiny segment per
     *  record and spent a fifth of a page's apply time merging them. Held entries are written in
     *  the order they were put, by the same statements as put(). */
    void putLater(qint64 rid, const QJsonObject &record, bool fresh = false);
    /** putLater() with the entry's text already worked out (namesOf, wire::searchTextOf). */
    void putLater(qint64 rid, bool fresh, QString names, QString text);
    /** Writes what putLater() holds (in the caller's transaction). */
    Result<void> flush();
    /** Forgets what putLater() holds (the caller's transaction is being rolled back). */
    void dropHeld() { m_held.clear(); }

private:
    struct Held {
        qint64 rid = 0;
        bool fresh = false;
        QString names;
        QString text;
    };
    Result<void> write(qint64 rid, bool fresh, const QString &names, const QString &text);
    /** Deletes the row's entries without flushing held ones (write, which flush calls, uses it). */
    Result<void> erase(qint64 rid);
    Statement &cached(std::optional<Statement> &slot, const char *sql);
    Database &m_db;
    std::optional<Statement> m_insertNames, m_insertText, m_deleteNames, m_deleteText;
    QList<Held> m_held;
};

} // namespace searchindex
} // namespace doorstep
