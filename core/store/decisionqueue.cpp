// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "decisionqueue.h"

#include "auditlog.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "transaction.h"

#include <QDateTime>

namespace doorstep {

namespace {
constexpr const char *kColumns = "seq, decision_id, record_id, decision, rationale, seen_rev, created_at, status, "
                                 "error_code, error, attempts, current_rev, updated_at";

QueuedDecision readDecision(const Statement &st)
{
    QueuedDecision d;
    d.seq = st.int64(0);
    d.decisionId = st.text(1);
    d.recordId = st.text(2);
    d.decision = st.text(3);
    d.rationale = st.text(4);
    d.seenRev = st.int64(5);
    d.createdAt = st.text(6);
    d.status = st.text(7);
    d.errorCode = st.text(8);
    d.error = st.text(9);
    d.attempts = int(st.int64(10));
    d.currentRev = st.isNull(11) ? 0 : st.int64(11);
    d.updatedAt = st.text(12);
    return d;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

bool DecisionQueue::isValidStatus(const QString &status)
{
    return status == u"pending" || status == u"accepted" || status == u"conflict" || status == u"refused";
}

Result<QueuedDecision> DecisionQueue::queue(const QString &recordId, const QString &decision, const QString &rationale, qint64 seenRev)
{
    if (!wire::isValidUuid(recordId))
        return Error(ErrorCode::InvalidInput, QStringLiteral("record id must be a UUID"), QStringLiteral("record_id"));
    // The same rule the service applies: no decision without its reason.
    const QList<rules::Violation> violations = rules::checkReviewDecision(decision, rationale);
    if (!violations.isEmpty())
        return Error(ErrorCode::RuleViolation, violations.first().message, violations.first().field);
    if (seenRev < 1)
        return Error(ErrorCode::InvalidInput, QStringLiteral("only a record the service holds can be reviewed"), QStringLiteral("seen_rev"));

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<std::optional<QueuedDecision>> previous = latestFor(recordId);
    if (!previous)
        return previous.error();
    if (previous.value() && previous.value()->status == u"accepted" && previous.value()->seenRev >= seenRev)
        return Error(ErrorCode::Conflict, QStringLiteral("you already decided on this version of the record"));
    // Deciding again replaces what was not accepted: a change of mind before sync, or a new decision
    // after a conflict or a refusal. Its decision_id was never answered "accepted", so nothing is lost.
    Statement del = m_db.prepare("DELETE FROM decisions WHERE record_id = ?1 AND status <> 'accepted'");
    del.bind(1, recordId);
    if (Result<void> r = del.exec(); !r)
        return r.error();

    QueuedDecision d;
    d.decisionId = wire::newUuid();
    d.recordId = recordId;
    d.decision = decision;
    d.rationale = rationale.trimmed();
    d.seenRev = seenRev;
    d.createdAt = now();
    d.updatedAt = d.createdAt;
    d.status = QStringLiteral("pending");
    Statement ins = m_db.prepare("INSERT INTO decisions(decision_id, record_id, decision, rationale, seen_rev, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
    ins.bind(1, d.decisionId).bind(2, recordId).bind(3, decision).bind(4, d.rationale).bind(5, seenRev).bind(6, d.createdAt);
    if (Result<void> r = ins.exec(); !r)
        return r.error();
    Result<QString> seq = m_db.queryText("SELECT last_insert_rowid()");
    if (!seq)
        return seq.error();
    d.seq = seq.value().toLongLong();
    if (Result<void> a = AuditLog(m_db).append(decision == u"approve" ? QStringLiteral("review.approve_queued")
                                                                      : QStringLiteral("review.return_queued"),
                                               recordId);
        !a)
        return a.error();
    if (Result<void> c = tx.commit(); !c)
        return c.error();
    return d;
}

Result<QList<QueuedDecision>> DecisionQueue::list(const char *sql, const QString &arg, qint64 limit)
{
    Statement st = m_db.prepare((QByteArray("SELECT ") + kColumns + " FROM decisions " + sql).constData());
    int next = 1;
    if (!arg.isNull())
        st.bind(next++, arg);
    if (limit > 0)
        st.bind(next, limit);
    QList<QueuedDecision> out;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            return out;
        out.append(readDecision(st));
    }
}

Result<QList<QueuedDecision>> DecisionQueue::pending(int limit)
{
    return list("WHERE status = 'pending' ORDER BY seq LIMIT ?1", QString(), qMax(1, limit));
}

Result<QList<QueuedDecision>> DecisionQueue::open()
{
    return list("WHERE status <> 'accepted' ORDER BY seq", QString(), 0);
}

Result<std::optional<QueuedDecision>> DecisionQueue::latestFor(const QString &recordId)
{
    Result<QList<QueuedDecision>> r = list("WHERE record_id = ?1 ORDER BY seq DESC LIMIT 1", recordId, 0);
    if (!r)
        return r.error();
    if (r.value().isEmpty())
        return std::optional<QueuedDecision>();
    return std::optional<QueuedDecision>(r.value().first());
}

Result<std::optional<QueuedDecision>> DecisionQueue::byId(const QString &decisionId)
{
    Result<QList<QueuedDecision>> r = list("WHERE decision_id = ?1", decisionId, 0);
    if (!r)
        return r.error();
    if (r.value().isEmpty())
        return std::optional<QueuedDecision>();
    return std::optional<QueuedDecision>(r.value().first());
}

Result<int> DecisionQueue::pendingCount()
{
    Result<QString> r = m_db.queryText("SELECT count(*) FROM decisions WHERE status = 'pending'");
    if (!r)
        return r.error();
    return r.value().toInt();
}

Result<void> DecisionQueue::settle(const QString &decisionId, const QString &status, const QString &errorCode,
                                   const QString &error, qint64 currentRev)
{
    if (!isValidStatus(status) || status == u"pending")
        return Error(ErrorCode::InvalidInput, QStringLiteral("not an outcome: %1").arg(status), QStringLiteral("status"));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Statement st = m_db.prepare("UPDATE decisions SET status = ?2, error_code = ?3, error = ?4, current_rev = ?5, "
                                "attempts = attempts + 1, updated_at = ?6 WHERE decision_id = ?1");
    st.bind(1, decisionId).bind(2, status);
    if (errorCode.isEmpty())
        st.bindNull(3);
    else
        st.bind(3, errorCode);
    if (error.isEmpty())
        st.bindNull(4);
    else
        st.bind(4, error);
    if (currentRev > 0)
        st.bind(5, currentRev);
    else
        st.bindNull(5);
    st.bind(6, now());
    if (Result<void> r = st.exec(); !r)
        return r;
    if (m_db.changes() == 0)
        return Error(ErrorCode::NotFound, QStringLiteral("no such decision"));
    Result<std::optional<QueuedDecision>> d = byId(decisionId);
    if (!d)
        return d.error();
    if (Result<void> a = AuditLog(m_db).append(QStringLiteral("review.") + status, d.value() ? d.value()->recordId : QString()); !a)
        return a;
    return tx.commit();
}

Result<void> DecisionQueue::markFailed(const QString &decisionId, const QString &reason)
{
    Statement st = m_db.prepare("UPDATE decisions SET attempts = attempts + 1, error = ?2, updated_at = ?3 "
                                "WHERE decision_id = ?1 AND status = 'pending'");
    st.bind(1, decisionId).bind(2, reason).bind(3, now());
    return st.exec();
}

Result<void> DecisionQueue::discard(const QString &decisionId)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<std::optional<QueuedDecision>> d = byId(decisionId);
    if (!d)
        return d.error();
    if (!d.value())
        return Error(ErrorCode::NotFound, QStringLiteral("no such decision"));
    if (d.value()->status == u"accepted")
        return Error(ErrorCode::Conflict, QStringLiteral("an accepted decision is history and stays"));
    Statement st = m_db.prepare("DELETE FROM decisions WHERE decision_id = ?1");
    st.bind(1, decisionId);
    if (Result<void> r = st.exec(); !r)
        return r;
    if (Result<void> a = AuditLog(m_db).append(QStringLiteral("review.discarded"), d.value()->recordId); !a)
        return a;
    return tx.commit();
}

} // namespace doorstep
