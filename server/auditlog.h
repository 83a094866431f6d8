// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace doorstep::server {

class Database;
struct DbCaller;

/** Append-only, hash-chained audit log: each row's hash covers its content and the previous
 *  row's hash, so an edited, deleted, inserted or reordered row breaks the chain. */
class AuditLog
{
public:
    struct Event {
        QString actor;   // user id, or "system"/"cli"
        QString device;
        QString address;
        QString action;  // login, login_failed, pull, change, review, export, admin.*
        QString subject; // record/child/user id
        QJsonObject detail; // never record content, tokens or passwords
    };

    /** Appends inside the caller's transaction (takes the chain lock; on PostgreSQL an
     *  advisory transaction lock, on SQLite the write lock BEGIN IMMEDIATE already holds). */
    static Result<void> append(const Database &database, QSqlDatabase &tx, const Event &event);
    /** Appends several events in order under ONE take of the chain lock (a push request's
     *  entries, at the end of its transaction). Same rows as appending them one by one. */
    static Result<void> appendMany(const Database &database, QSqlDatabase &tx, const QList<Event> &events);
    /** A read that sent records (a pull page, the review queue): one row in its own transaction,
     *  its subject every child whose records were sent, sorted and comma-separated. */
    static Result<void> appendRead(const Database &database, const DbCaller &caller, Event event, const QSet<QString> &children);

    struct Report {
        bool ok = true;
        qint64 rows = 0;
        qint64 firstBadSeq = -1;
        QString problem;
    };
    /** Walks the chain from the first row. */
    static Result<Report> verify(const Database &database);

    static QString hashRow(qint64 seq, const QString &at, const QString &actor, const QString &device,
                           const QString &address, const QString &action, const QString &subject,
                           const QString &detail, const QString &prevHash);
    static QString genesisHash();
};

} // namespace doorstep::server
