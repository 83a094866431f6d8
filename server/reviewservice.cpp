// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "reviewservice.h"

#include "auditlog.h"
#include "core/rules.h"
#include "core/wire.h"
#include "database.h"
#include "recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcReview, "doorstep.server.review")

namespace doorstep::server {

ReviewService::ReviewService(const Database &database) : m_db(database)
{
}

ApiResponse ReviewService::queue(const AuthContext &ctx)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only managers review records."));
    QJsonArray items;
    QSet<QString> children; // whose records were shown, for the audit log, as a pull logs them
    // A read transaction on the manager's behalf: row-level security sees who asks (PostgreSQL).
    auto read = m_db.transact(ctx.caller(), [&](QSqlDatabase &db) -> Result<void> {
        items = QJsonArray();
        children.clear();
        // Safety concerns first, then the longest waiting. A draft with a safety concern is listed
        // too (state "draft": it cannot be decided until submitted, but the manager hears of it).
        auto q = Database::exec(db, QStringLiteral("SELECT id, type, rev, author_id, safety_concern, submitted_seen_at, body, state FROM records"
                                                   " WHERE team_id = ? AND (state = 'submitted' OR (state = 'draft' AND safety_concern = 1))"
                                                   " AND deleted = 0 AND type <> 'review'"
                                                   " ORDER BY safety_concern DESC, submitted_seen_at IS NULL, submitted_seen_at ASC, id ASC LIMIT 500"),
                                {ctx.teamId});
        if (!q)
            return q.error();
        while (q.value().next()) {
            const QJsonObject body = QJsonDocument::fromJson(q.value().value(6).toString().toUtf8()).object();
            items.append(QJsonObject{{QStringLiteral("record_id"), q.value().value(0).toString()},
                                     {QStringLiteral("type"), q.value().value(1).toString()},
                                     {QStringLiteral("rev"), q.value().value(2).toInt()},
                                     {QStringLiteral("author"), q.value().value(3).toString()},
                                     {QStringLiteral("safety_concern"), q.value().value(4).toInt() != 0},
                                     {QStringLiteral("waiting_since"), q.value().value(5).toString()},
                                     {QStringLiteral("state"), q.value().value(7).toString()},
                                     {QStringLiteral("title"), wire::titleOf(body)},
                                     {QStringLiteral("record"), wire::forReader(body, ctx.readerSchema)}});
            for (const QString &c : RecordStore::childrenOf(q.value().value(1).toString(), body, q.value().value(0).toString()))
                children.insert(c);
        }
        return {};
    }, Database::Mode::ReadSnapshot);
    if (!read)
        return ApiResponse::fromError(read.error());
    if (!items.isEmpty()) {
        auto logged = AuditLog::appendRead(m_db, ctx.caller(),
                                           {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("review_queue"), QString(),
                                            QJsonObject{{QStringLiteral("records"), items.size()}}},
                                           children);
        if (!logged)
            return ApiResponse::fromError(logged.error());
    }
    return ApiResponse::ok({{QStringLiteral("items"), items}});
}

ApiResponse ReviewService::decide(const AuthContext &ctx, const QString &recordId, const QJsonObject &body)
{
    if (!ctx.isManager())
        return ApiResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("Only managers review records."));
    if (!wire::isValidUuid(recordId))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("record id must be a UUID"), QStringLiteral("record_id"));
    const QJsonValue decisionValue = body.value(QLatin1String("decision"));
    const QJsonValue rationaleValue = body.value(QLatin1String("rationale"));
    const QJsonValue seenValue = body.value(QLatin1String("seen_rev"));
    if (!decisionValue.isString())
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("decision must be approve or return"), QStringLiteral("decision"));
    if (!rationaleValue.isString() && !rationaleValue.isUndefined() && !rationaleValue.isNull())
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("rationale must be text"), QStringLiteral("rationale"));
    if (!seenValue.isDouble() || seenValue.toDouble() != double(seenValue.toInt()) || seenValue.toInt() < 1)
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("seen_rev must be a revision number"), QStringLiteral("seen_rev"));
    const QString decision = decisionValue.toString();
    const QString rationale = rationaleValue.toString();
    if (decision != QLatin1String("approve") && decision != QLatin1String("return"))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("decision must be approve or return"), QStringLiteral("decision"));
    const QList<rules::Violation> violations = rules::checkReviewDecision(decision, rationale);
    if (!violations.isEmpty())
        return ApiResponse::error(422, violations.first().code, violations.first().message, violations.first().field);
    if (rationale.trimmed().isEmpty()) // belt and braces: the rationale is required whatever the rules say
        return ApiResponse::error(422, QStringLiteral("required"), QStringLiteral("Give the reason for your decision."), QStringLiteral("rationale"));
    const int seenRev = seenValue.toInt();
    // Optional idempotency key from a device's decision queue: it becomes the review record's id, so
    // a replay after a lost answer finds the decision already made and decides nothing twice.
    const QJsonValue decisionIdValue = body.value(QLatin1String("decision_id"));
    if (!decisionIdValue.isUndefined() && !decisionIdValue.isNull() && !wire::isValidUuid(decisionIdValue.toString()))
        return ApiResponse::error(400, QStringLiteral("invalid_input"), QStringLiteral("decision_id must be a UUID"), QStringLiteral("decision_id"));
    const QString decisionId = decisionIdValue.toString();

    ApiResponse answer;
    auto r = m_db.transact(ctx.caller(), [&](QSqlDatabase &tx) -> Result<void> {
        auto loaded = RecordStore::load(m_db, tx, recordId, true);
        if (!loaded)
            return loaded.error();
        StoredRecord rec = loaded.value();
        if (!rec.exists || rec.deleted || rec.type == QLatin1String("review")) {
            answer = ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such record."));
            return {};
        }
        auto refuse = [&](int status, const QString &code, const QString &message) -> Result<void> {
            answer = ApiResponse::error(status, code, message);
            answer.refusalAudited = true;
            return AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("review_refused"), recordId,
                                               QJsonObject{{QStringLiteral("code"), code}}});
        };
        if (rec.teamId != ctx.teamId)
            return refuse(403, QStringLiteral("forbidden"), QStringLiteral("This record is not in your team."));
        if (rec.authorId == ctx.userId)
            return refuse(403, QStringLiteral("own_record"), QStringLiteral("You cannot review your own record."));
        if (!decisionId.isEmpty()) {
            auto prior = RecordStore::load(m_db, tx, decisionId, false);
            if (!prior)
                return prior.error();
            if (prior.value().exists) {
                const QJsonObject review = prior.value().body;
                if (prior.value().type != QLatin1String("review") || review.value(QLatin1String("record_id")).toString() != recordId
                    || review.value(QLatin1String("manager")).toString() != ctx.userId) {
                    answer = ApiResponse::error(409, QStringLiteral("decision_id_reused"), QStringLiteral("This decision id was used for something else."));
                    return {};
                }
                // The same decision again: answer as the first time (the record as the decision left it).
                const int decidedRev = review.value(QLatin1String("seen_rev")).toInt() + 1;
                auto decided = RecordStore::versionBody(tx, recordId, decidedRev);
                answer = ApiResponse::ok({{QStringLiteral("rev"), decidedRev},
                                          {QStringLiteral("record"), wire::forReader(decided ? decided.value() : rec.body, ctx.readerSchema)},
                                          {QStringLiteral("review"), wire::forReader(review, ctx.readerSchema)},
                                          {QStringLiteral("replayed"), true}});
                return {};
            }
        }
        if (rec.rev != seenRev) {
            answer = ApiResponse::error(409, QStringLiteral("conflict"), QStringLiteral("The record changed since you read it."));
            answer.body.insert(QStringLiteral("rev"), rec.rev);
            answer.body.insert(QStringLiteral("record"), wire::forReader(rec.body, ctx.readerSchema));
            return {};
        }
        if (rec.state != QLatin1String("submitted")) {
            answer = ApiResponse::error(409, QStringLiteral("not_submitted"), QStringLiteral("Only submitted records can be reviewed."));
            return {};
        }
        if (decision == QLatin1String("approve") && !rec.conflict.isEmpty()) {
            // Approval locks the record: a same-field conflict still waiting for a person would be
            // frozen on every device with no way to answer it. Returning it is how it gets settled.
            answer = ApiResponse::error(409, QStringLiteral("conflict_unresolved"),
                                        QStringLiteral("Two edits of this record disagree; return it so the author can settle them."));
            return {};
        }
        const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QJsonObject body2 = rec.body;
        body2.insert(QStringLiteral("state"), decision == QLatin1String("approve") ? QStringLiteral("approved") : QStringLiteral("returned"));
        body2.insert(QStringLiteral("reviewed_by"), ctx.userId);
        body2.insert(QStringLiteral("reviewed_at"), at);
        if (decision == QLatin1String("return"))
            body2.insert(QStringLiteral("return_reason"), rationale);
        else
            body2.insert(QStringLiteral("return_reason"), QJsonValue());
        RecordStore::Write w{body2, rec.teamId, ctx.userId, ctx.deviceId, rec.conflict, false, {rec.authorId}};
        auto rev = RecordStore::write(m_db, tx, rec, w);
        if (!rev)
            return rev.error();

        // The decision itself is a record, delivered to the author's device.
        const QString reviewId = decisionId.isEmpty() ? wire::newUuid() : decisionId;
        QJsonObject review{{QStringLiteral("schema"), wire::kSchemaVersion},
                           {QStringLiteral("type"), QStringLiteral("review")},
                           {QStringLiteral("id"), reviewId},
                           {QStringLiteral("state"), QStringLiteral("approved")},
                           {QStringLiteral("author"), ctx.userId},
                           {QStringLiteral("created_at"), at},
                           {QStringLiteral("record_id"), recordId},
                           {QStringLiteral("decision"), decision},
                           {QStringLiteral("rationale"), rationale},
                           {QStringLiteral("manager"), ctx.userId},
                           {QStringLiteral("decided_at"), at},
                           {QStringLiteral("seen_rev"), seenRev}};
        if (auto v = wire::validateRecord(review); !v)
            qCWarning(lcReview) << "review record does not validate:" << v.error().field;
        StoredRecord fresh;
        fresh.id = reviewId;
        fresh.type = QStringLiteral("review");
        // The review follows the reviewed record's children, so whoever sees the record sees it.
        QStringList children = RecordStore::childrenOf(rec.type, rec.body, rec.id);
        RecordStore::Write rw{review, rec.teamId, ctx.userId, ctx.deviceId, {}, false, {rec.authorId}};
        auto rrev = RecordStore::write(m_db, tx, fresh, rw);
        if (!rrev)
            return rrev.error();
        for (const QString &c : children)
            if (auto i = Database::exec(tx, QStringLiteral("INSERT INTO record_children (record_id, child_id) VALUES (?, ?) ON CONFLICT DO NOTHING"), {reviewId, c}); !i)
                return i.error();
        if (auto a = AuditLog::append(m_db, tx, {ctx.userId, ctx.deviceId, ctx.address, QStringLiteral("review"), recordId,
                                                 QJsonObject{{QStringLiteral("decision"), decision}, {QStringLiteral("rev"), rev.value()},
                                                             {QStringLiteral("review_id"), reviewId}}});
            !a)
            return a.error();
        answer = ApiResponse::ok({{QStringLiteral("rev"), rev.value()}, {QStringLiteral("record"), wire::forReader(body2, ctx.readerSchema)},
                                   {QStringLiteral("review"), wire::forReader(review, ctx.readerSchema)}});
        return {};
    });
    if (!r)
        return ApiResponse::fromError(r.error());
    return answer;
}

} // namespace doorstep::server
