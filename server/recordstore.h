// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace doorstep::server {

class Database;

/** One record as the service holds it: current body, revision, per-field revision map,
 *  workflow state and any unresolved conflict. */
struct StoredRecord {
    bool exists = false;
    QString id, type, teamId, authorId, state;
    int rev = 0;
    QJsonObject body;
    QJsonObject fieldRevs;  // field -> rev at which it last changed
    QJsonObject conflict;   // {field: {base, mine, theirs, rev}} while unresolved
    bool deleted = false;
    /** Exists, but the caller's row-level security hides it (PostgreSQL): only the type and the
     *  deleted flag are known, so every scope check refuses it. */
    bool hidden = false;
};

/** Reads and writes records, their versions, the child links and the change feed, inside the
 *  caller's transaction. Shared by sync, reviews, allocation and the demo seed. */
class RecordStore
{
public:
    static Result<StoredRecord> load(const Database &database, QSqlDatabase &tx, const QString &id, bool forUpdate);
    /** Many records by id in one query (a pull page; a push request's records, locked in id order
     *  with `forUpdate` on PostgreSQL); absent ids are left out. */
    static Result<QHash<QString, StoredRecord>> loadMany(QSqlDatabase &tx, const QStringList &ids, bool forUpdate = false);
    static Result<QJsonObject> versionBody(QSqlDatabase &tx, const QString &id, int rev);

    /** A record as a pull page sends it: the stored body text as it is, not parsed and written
     *  out again (it is the service's own compact JSON), and no field revisions. */
    struct PageRecord {
        QString type;
        int rev = 0;
        bool deleted = false;
        QByteArray body; // UTF-8 JSON text as stored
        QJsonObject conflict;
    };
    /** Many records by id for a pull page, in one query; absent ids are left out. */
    static Result<QHash<QString, PageRecord>> loadPage(QSqlDatabase &tx, const QStringList &ids);

    struct Write {
        QJsonObject body;
        QString teamId;
        QString userId;
        QString deviceId;
        QJsonObject conflict;
        bool deleted = false;
        QStringList extraTargets; // users who must receive this change whatever their scope
        // The writing device already holds exactly this revision (its base plus its patch, nothing
        // the service changed): the change row names that device, so its pull does not send the
        // record back (docs/sync-protocol.md, "Echoes").
        bool writerHoldsIt = false;
        // A user whose devices must drop this record (a hand-over: written by a worker the child
        // was reallocated from): a purge addressed to them follows the change.
        QString purgeFor = {};
    };
    /** Writes gathered for multi-row statements (a push request's records): each array holds
     *  one row per write, in write order. A record appears at most once between two flushes (the
     *  caller flushes before it reads anything a gathered write could change). */
    struct Pending {
        QJsonArray inserts, updates, versions, relinked, childLinks, changes;
        bool isEmpty() const { return inserts.isEmpty() && updates.isEmpty() && versions.isEmpty() && changes.isEmpty(); }
    };

    /** Writes the next revision (1 for a new record) and its change-feed row; returns the rev.
     *  With `pending`, the rows are gathered there instead, for flush(). */
    static Result<int> write(const Database &database, QSqlDatabase &tx, const StoredRecord &old, const Write &w,
                             Pending *pending = nullptr);
    /** Writes what `pending` gathered, one statement per table, and empties it. */
    static Result<void> flush(QSqlDatabase &tx, Pending *pending);

    /** A column of a multi-row insert; `cast` (INTEGER, BIGINT) for a non-text column. */
    struct Column {
        QString name;
        QString cast;
    };
    /** Inserts `rows` (each a JSON array of the column values, null for NULL) with ONE statement
     *  whose text depends only on the table and columns, in row order: the rows travel as one JSON
     *  parameter (json_array_elements on PostgreSQL, json_each on SQLite). */
    static Result<void> insertRows(QSqlDatabase &tx, const QString &table, const QList<Column> &columns, const QJsonArray &rows);

    /** Inserts the child links (rows [record_id, child_id]) not there yet, in one statement. */
    static Result<void> insertLinks(QSqlDatabase &tx, const QJsonArray &links);

    /** Appends a change-feed row. On PostgreSQL the row carries the writing transaction's id.
     *  `knownTo`: the device that already holds this revision (Write::writerHoldsIt). */
    static Result<void> addChange(QSqlDatabase &tx, const QString &recordId, const QString &kind,
                                  const QString &teamId, const QString &targetUser, const QString &knownTo = {});

    /** Children a record names (a child record names itself). */
    static QStringList childrenOf(const QString &type, const QJsonObject &body, const QString &id);
    static bool hasSafetyConcern(const QJsonObject &body);
};

} // namespace doorstep::server
