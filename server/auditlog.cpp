// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "auditlog.h"

#include "database.h"
#include "recordstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace doorstep::server {

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashRow(qint64 seq, const QString &at, const QString &actor, const QString &device,
                          const QString &address, const QString &action, const QString &subject,
                          const QString &detail, const QString &prevHash)
{
    // A JSON array is an unambiguous encoding of the fields (no separator games).
    const QJsonArray fields{QString::number(seq), at, actor, device, address, action, subject, detail, prevHash};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(fields).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

Result<void> AuditLog::append(const Database &database, QSqlDatabase &tx, const Event &ev)
{
    return appendMany(database, tx, {ev});
}

Result<void> AuditLog::appendRead(const Database &database, const DbCaller &caller, Event event, const QSet<QString> &children)
{
    QStringList list(children.begin(), children.end());
    list.sort();
    event.subject = list.join(QLatin1Char(','));
    return database.transact(caller, [&](QSqlDatabase &tx) { return append(database, tx, event); });
}

Result<void> AuditLog::appendMany(const Database &database, QSqlDatabase &tx, const QList<Event> &events)
{
    if (events.isEmpty())
        return {};
    // The chain needs one writer at a time: the lock is taken once for all of `events`, as late in
    // the caller's transaction as the caller can manage, and held until it commits.
    if (database.isPostgres()) {
        auto l = Database::exec(tx, QStringLiteral("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7200)) l"));
        if (!l)
            return l.error();
    }
    // A statement of its own after the lock: under READ COMMITTED it sees the head the previous
    // holder committed.
    auto last = Database::exec(tx, QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return last.error();
    qint64 seq = 0;
    QString prev = genesisHash();
    if (last.value().next()) {
        seq = last.value().value(0).toLongLong();
        prev = last.value().value(1).toString();
    }
    // Empty, never NULL: the hash must be computed over exactly what is stored.
    auto nn = [](const QString &v) { return v.isNull() ? QString(QLatin1String("")) : v; };
    const QString at = nowIso();
    // All rows in one statement (a push request's 200 entries were 200 round trips); the hashes
    // are computed here exactly as before, row by row.
    QJsonArray rows;
    for (const Event &ev : events) {
        ++seq;
        const Event e{nn(ev.actor), nn(ev.device), nn(ev.address), nn(ev.action), nn(ev.subject), ev.detail};
        const QString detail = QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
        const QString hash = hashRow(seq, at, e.actor, e.device, e.address, e.action, e.subject, detail, prev);
        rows.append(QJsonArray{seq, at, e.actor, e.device, e.address, e.action, e.subject, detail, prev, hash});
        prev = hash;
    }
    const QString bigint = QStringLiteral("BIGINT");
    auto col = [](const char *name, const QString &cast = {}) { return RecordStore::Column{QLatin1String(name), cast}; };
    if (auto ins = RecordStore::insertRows(tx, QStringLiteral("audit"),
                                           {col("seq", bigint), col("at"), col("actor"), col("device"), col("address"), col("action"),
                                            col("subject"), col("detail"), col("prev_hash"), col("hash")},
                                           rows);
        !ins)
        return ins.error();
    auto head = Database::exec(tx,
                               QStringLiteral("INSERT INTO settings (key, value) VALUES ('audit_head', ?)"
                                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                               {QString::number(seq) + QLatin1Char(':') + prev});
    if (!head)
        return head.error();
    return {};
}

Result<AuditLog::Report> AuditLog::verify(const Database &database)
{
    auto conn = database.connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    auto q = Database::exec(db, QStringLiteral("SELECT seq, at, actor, device, address, action, subject, detail, prev_hash, hash"
                                               " FROM audit ORDER BY seq"));
    if (!q)
        return q.error();
    Report report;
    QString prev = genesisHash();
    qint64 expected = 1;
    QSqlQuery &rows = q.value();
    while (rows.next()) {
        const qint64 seq = rows.value(0).toLongLong();
        ++report.rows;
        auto fail = [&](const QString &why) {
            report.ok = false;
            report.firstBadSeq = seq;
            report.problem = why;
        };
        if (seq != expected) {
            fail(QStringLiteral("row %1 missing or out of order (found %2)").arg(expected).arg(seq));
            break;
        }
        if (rows.value(8).toString() != prev) {
            fail(QStringLiteral("row %1 does not link to the previous row").arg(seq));
            break;
        }
        const QString h = hashRow(seq, rows.value(1).toString(), rows.value(2).toString(), rows.value(3).toString(),
                                  rows.value(4).toString(), rows.value(5).toString(), rows.value(6).toString(),
                                  rows.value(7).toString(), prev);
        if (h != rows.value(9).toString()) {
            fail(QStringLiteral("row %1 was altered").arg(seq));
            break;
        }
        prev = h;
        ++expected;
    }
    if (report.ok) {
        // The head is remembered outside the chain too, so cutting rows off the end shows.
        auto head = Database::exec(db, QStringLiteral("SELECT value FROM settings WHERE key = 'audit_head'"));
        if (head && head.value().next()) {
            const qint64 headSeq = head.value().value(0).toString().section(QLatin1Char(':'), 0, 0).toLongLong();
            if (headSeq != report.rows) {
                report.ok = false;
                report.firstBadSeq = qMin(headSeq, report.rows) + 1;
                report.problem = headSeq > report.rows ? QStringLiteral("rows after %1 were removed").arg(report.rows)
                                                       : QStringLiteral("rows after %1 were added outside the service").arg(headSeq);
            }
        }
    }
    return report;
}

} // namespace doorstep::server
