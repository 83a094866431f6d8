// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "auditlog.h"

#include "database.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace doorstep {

namespace {
void addField(QCryptographicHash &h, const QByteArray &v)
{
    // Length-prefixed, so no choice of field values can make two events hash alike.
    h.addData(QByteArray::number(v.size()));
    h.addData(QByteArrayView(":"));
    h.addData(v);
}
} // namespace

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashOf(const QString &prevHash, qint64 seq, const QString &at, const QString &action,
                         const QString &recordId, const QString &actor)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    addField(h, QByteArrayLiteral("doorstep-audit-v1"));
    addField(h, prevHash.toUtf8());
    addField(h, QByteArray::number(seq));
    addField(h, at.toUtf8());
    addField(h, action.toUtf8());
    addField(h, recordId.toUtf8());
    addField(h, actor.toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

Result<void> AuditLog::append(const QString &action, const QString &recordId)
{
    return appendMany(action, QStringList{recordId});
}

Result<void> AuditLog::appendMany(const QString &action, const QStringList &recordIds)
{
    if (recordIds.isEmpty())
        return {};
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    qint64 seq = 0;
    QString prev = genesisHash();
    {
        Statement head = m_db.prepare("SELECT seq, hash FROM audit_head WHERE one = 1");
        Result<bool> r = head.step();
        if (!r)
            return r.error();
        if (r.value()) {
            seq = head.int64(0);
            prev = head.text(1);
        }
    }
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    Statement ins = m_db.prepare(
        "INSERT INTO audit(seq, at, action, record_id, actor, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const QString &recordId : recordIds) {
        ++seq;
        const QString hash = hashOf(prev, seq, at, action, recordId, m_db.actor());
        ins.reset();
        ins.bind(1, seq).bind(2, at).bind(3, action).bind(5, m_db.actor()).bind(6, prev).bind(7, hash);
        if (recordId.isEmpty())
            ins.bindNull(4);
        else
            ins.bind(4, recordId);
        if (Result<void> r = ins.exec(); !r)
            return r;
        prev = hash;
    }
    Statement setHead = m_db.prepare("INSERT INTO audit_head(one, seq, hash) VALUES (1, ?1, ?2) "
                                     "ON CONFLICT(one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
    setHead.bind(1, seq).bind(2, prev);
    if (Result<void> r = setHead.exec(); !r)
        return r;
    return tx.commit();
}

Result<QList<AuditEvent>> AuditLog::events(qint64 afterSeq, int limit)
{
    Statement st = m_db.prepare("SELECT seq, at, action, record_id, actor, prev_hash, hash FROM audit "
                                "WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    st.bind(1, afterSeq).bind(2, qint64(limit));
    QList<AuditEvent> out;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            return out;
        out.append({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
    }
}

Result<AuditCheck> AuditLog::verifyChain()
{
    AuditCheck check;
    auto broken = [&check](qint64 seq, const QString &problem) {
        check.intact = false;
        check.firstBadSeq = seq;
        check.problem = problem;
        return check;
    };
    // Rows are read in physical rowid order (= seq, the INTEGER PRIMARY KEY): a reordering shows as
    // a row whose prev_hash or seq does not follow from the row before it.
    Statement st = m_db.prepare("SELECT seq, at, action, record_id, actor, prev_hash, hash FROM audit ORDER BY seq");
    QString prev = genesisHash();
    qint64 expected = 1;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        const qint64 seq = st.int64(0);
        if (seq != expected)
            return broken(expected, QStringLiteral("event %1 is missing (found %2)").arg(expected).arg(seq));
        if (st.text(5) != prev)
            return broken(seq, QStringLiteral("event %1 does not follow the event before it").arg(seq));
        const QString hash = hashOf(prev, seq, st.text(1), st.text(2), st.text(3), st.text(4));
        if (hash != st.text(6))
            return broken(seq, QStringLiteral("event %1 was altered").arg(seq));
        prev = hash;
        ++expected;
        ++check.events;
    }
    Statement head = m_db.prepare("SELECT seq, hash FROM audit_head WHERE one = 1");
    Result<bool> r = head.step();
    if (!r)
        return r.error();
    const qint64 headSeq = r.value() ? head.int64(0) : 0;
    const QString headHash = r.value() ? head.text(1) : genesisHash();
    if (headSeq != check.events || headHash != prev)
        return broken(check.events + 1, QStringLiteral("the newest events are missing (head is %1, chain ends at %2)")
                                            .arg(headSeq)
                                            .arg(check.events));
    return check;
}

} // namespace doorstep
