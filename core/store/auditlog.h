// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QString>

namespace doorstep {

class Database;

/** One audit event: who did what to which record, when. Never the record's content. */
struct AuditEvent {
    qint64 seq = 0;
    QString at;
    QString action;    // "record.created", "record.updated", "record.received", "record.purged", ...
    QString recordId;
    QString actor;
    QString prevHash;
    QString hash;
};

/** The outcome of checking the chain: intact, or where and how it breaks. */
struct AuditCheck {
    bool intact = true;
    qint64 events = 0;
    qint64 firstBadSeq = 0;
    QString problem;
};

/** The append-only, hash-chained local audit log: hash = SHA-256(prev_hash + canonical fields),
 *  so an edited, deleted, inserted or reordered row breaks the chain. */
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    /** Appends an event in the caller's transaction (joins it, or runs in its own). */
    Result<void> append(const QString &action, const QString &recordId);
    /** One event per record id, all with the same action and time, in one pass: the chain head is
     *  read and written once and the insert prepared once (a pulled page receives thousands of
     *  records). The chain is exactly what as many append() calls would have written. */
    Result<void> appendMany(const QString &action, const QStringList &recordIds);
    Result<QList<AuditEvent>> events(qint64 afterSeq = 0, int limit = 1000);
    Result<AuditCheck> verifyChain();

    /** The chain hash of one event (hex SHA-256 over length-prefixed fields). */
    static QString hashOf(const QString &prevHash, qint64 seq, const QString &at, const QString &action,
                          const QString &recordId, const QString &actor);
    static QString genesisHash();

private:
    Database &m_db;
};

} // namespace doorstep
