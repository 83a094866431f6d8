// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "auditlog.h"

#include "database.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <charconv>
#include <iterator>

namespace doorstep {

namespace {
void addNumber(QCryptographicHash &h, qint64 n)
{
    // The decimal digits QByteArray::number(n) would give, without allocating them.
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
    h.addData(QByteArrayView(digits, end - digits));
}

void addField(QCryptographicHash &h, QByteArrayView v)
{
    // Length-prefixed, so no choice of field values can make two events hash alike.
    addNumber(h, v.size());
    h.addData(QByteArrayView(":"));
    h.addData(v);
}

/** The chain hash over UTF-8 fields, as lowercase hex. One hasher is reused for a whole batch of
 *  events (a pulled page appends thousands). */
QByteArray chainHash(QCryptographicHash &h, QByteArrayView prevHash, qint64 seq, QByteArrayView at,
                     QByteArrayView action, QByteArrayView recordId, QByteArrayView actor)
{
    h.reset();
    addField(h, "doorstep-audit-v1");
    addField(h, prevHash);
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), seq).ptr;
    addField(h, QByteArrayView(digits, end - digits));
    addField(h, at);
    addField(h, action);
    addField(h, recordId);
    addField(h, actor);
    return h.resultView().toByteArray().toHex();
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
    return QString::fromLatin1(chainHash(h, prevHash.toUtf8(), seq, at.toUtf8(), action.toUtf8(), recordId.toUtf8(),
                                         actor.toUtf8()));
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
    QByteArray prev = genesisHash().toLatin1();
    {
        Statement head = m_db.prepare("SELECT seq, hash FROM audit_head WHERE one = 1");
        Result<bool> r = head.step();
        if (!r)
            return r.error();
        if (r.value()) {
            seq = head.int64(0);
            prev = head.bytes(1);
        }
    }
    // The fields every event of the batch shares, converted once (the same bytes hashOf() hashes).
    const QByteArray at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    const QByteArray actionUtf8 = action.toUtf8();
    const QByteArray actor = m_db.actor().toUtf8();
    QCryptographicHash hasher(QCryptographicHash::Sha256);
    Statement ins = m_db.prepare(
        "INSERT INTO audit(seq, at, action, record_id, actor, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const QString &recordId : recordIds) {
        ++seq;
        const QByteArray id = recordId.toUtf8();
        QByteArray hash = chainHash(hasher, prev, seq, at, actionUtf8, id, actor);
        ins.reset();
        ins.bind(1, seq).bind(2, at).bind(3, actionUtf8).bind(5, actor).bind(6, prev).bind(7, hash);
        if (recordId.isEmpty())
            ins.bindNull(4);
        else
            ins.bind(4, id);
        if (Result<void> r = ins.exec(); !r)
            return r;
        prev = std::move(hash);
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
