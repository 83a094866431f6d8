// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "recordstore.h"

#include "core/merge.h"
#include "core/wire.h"
#include "database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>

namespace doorstep::server {

namespace {
QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
QString encode(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool onPostgres(const QSqlDatabase &tx)
{
    return tx.driver() && tx.driver()->dbmsType() == QSqlDriver::PostgreSQL;
}

// A text value for a multi-row statement: a null string stays NULL, as a bound value would.
QJsonValue text(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// Multi-row statements read their rows from ONE JSON parameter (an array of arrays), so the
// statement text never varies with the row count and stays prepared. `x` is the row.
// On PostgreSQL the row's values are taken apart in a subquery the planner keeps (OFFSET 0), so
// `x.c0` is a plain column: a join on `r.id = x.c0` can use the primary key under row-level
// security, which evaluates the policies before any non-leakproof expression such as `->>` (a
// join on `r.id = (x.e->>0)` scanned every row of the table through the policies).
constexpr int kRowColumns = 14;
QString rowSource(bool pg, const QString &alias = QStringLiteral("x"))
{
    if (!pg)
        return QStringLiteral("json_each(?) AS ") + alias;
    QString columns;
    for (int i = 0; i < kRowColumns; ++i)
        columns += QStringLiteral("j.e->>%1 AS c%1, ").arg(i);
    return QStringLiteral("(SELECT ") + columns + QStringLiteral("j.n FROM jsonb_array_elements(CAST(? AS jsonb)) WITH ORDINALITY AS j(e, n) OFFSET 0) AS ")
        + alias;
}
QString rowValue(bool pg, int i, const QString &cast = {}, const QString &alias = QStringLiteral("x"))
{
    if (!pg)
        return QStringLiteral("json_extract(%1.value, '$[%2]')").arg(alias).arg(i);
    Q_ASSERT(i < kRowColumns);
    const QString v = QStringLiteral("%1.c%2").arg(alias).arg(i);
    return cast.isEmpty() ? v : QStringLiteral("CAST(%1 AS %2)").arg(v, cast);
}
QString rowOrder(bool pg)
{
    return pg ? QStringLiteral("x.n") : QStringLiteral("x.key");
}
QVariant rowsParam(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

// The columns of a stub for a record the caller's row-level security hides (PostgreSQL; `s` is a
// row of doorstep_record_stubs()): it exists, with its type and deleted flag and nothing else (no
// team, author or body), so the handlers refuse a write to it as they refuse one outside the
// caller's scope (403), instead of taking it for new and colliding with the hidden row.
QString hiddenStub()
{
    return QStringLiteral("SELECT s.type, NULL, NULL, NULL, 0, '{}', '{}', NULL, s.deleted, 1");
}

void readRow(QSqlQuery &row, int first, StoredRecord *r)
{
    r->exists = true;
    r->type = row.value(first + 0).toString();
    r->teamId = row.value(first + 1).toString();
    r->authorId = row.value(first + 2).toString();
    r->state = row.value(first + 3).toString();
    r->rev = row.value(first + 4).toInt();
    r->body = parse(row.value(first + 5).toString());
    r->fieldRevs = parse(row.value(first + 6).toString());
    if (!row.value(first + 7).isNull())
        r->conflict = parse(row.value(first + 7).toString());
    r->deleted = row.value(first + 8).toInt() != 0;
}
} // namespace

Result<StoredRecord> RecordStore::load(const Database &database, QSqlDatabase &tx, const QString &id, bool forUpdate)
{
    const QString lock = forUpdate && database.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    QString sql = QStringLiteral("SELECT type, team_id, author_id, state, rev, body, field_revs, conflict, deleted"
                                 " FROM records WHERE id = ?") + lock;
    QVariantList params{id};
    if (database.isPostgres()) { // a record row-level security hides comes back as a stub, same statement
        sql = QStringLiteral("WITH v AS (") + sql + QStringLiteral(") SELECT v.*, 0 FROM v UNION ALL ") + hiddenStub()
            + QStringLiteral(" FROM doorstep_record_stubs(json_build_array(CAST(? AS text))) s WHERE NOT EXISTS (SELECT 1 FROM v)");
        params.append(id);
    }
    auto q = Database::exec(tx, sql, params);
    if (!q)
        return q.error();
    StoredRecord r;
    r.id = id;
    if (!q.value().next())
        return r;
    readRow(q.value(), 0, &r);
    r.hidden = database.isPostgres() && q.value().value(9).toInt() != 0;
    return r;
}

Result<QHash<QString, StoredRecord>> RecordStore::loadMany(QSqlDatabase &tx, const QStringList &ids, bool forUpdate)
{
    // One query for the whole page (a pull page of 2,000 records was 2,000 round trips), with the
    // ids as one JSON array parameter so the statement text, and its prepared form, never varies.
    QHash<QString, StoredRecord> out;
    if (ids.isEmpty())
        return out;
    out.reserve(ids.size());
    const bool pg = tx.driver() && tx.driver()->dbmsType() == QSqlDriver::PostgreSQL;
    QString sql = QStringLiteral("SELECT id, type, team_id, author_id, state, rev, body, field_revs, conflict, deleted"
                                 " FROM records WHERE id IN ")
        + (pg ? QStringLiteral("(SELECT json_array_elements_text(CAST(? AS json)))") : QStringLiteral("(SELECT value FROM json_each(?))"))
        // Locked in id order: two pushes touching the same records cannot deadlock.
        + (pg && forUpdate ? QStringLiteral(" ORDER BY id FOR UPDATE") : QString());
    const QString idList = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    QVariantList params{idList};
    const bool stubs = pg && forUpdate; // for a write, a record row-level security hides comes back as a stub
    if (stubs) {
        sql = QStringLiteral("WITH v AS (") + sql + QStringLiteral(") SELECT v.*, 0 FROM v UNION ALL SELECT s.id, ") + hiddenStub().mid(7)
            + QStringLiteral(" FROM doorstep_record_stubs(CAST(? AS json)) s WHERE s.id NOT IN (SELECT id FROM v)");
        params.append(idList);
    }
    auto q = Database::exec(tx, sql, params);
    if (!q)
        return q.error();
    while (q.value().next()) {
        StoredRecord r;
        r.id = q.value().value(0).toString();
        readRow(q.value(), 1, &r);
        r.hidden = stubs && q.value().value(10).toInt() != 0;
        out.insert(r.id, std::move(r));
    }
    return out;
}

Result<QHash<QString, RecordStore::PageRecord>> RecordStore::loadPage(QSqlDatabase &tx, const QStringList &ids)
{
    QHash<QString, PageRecord> out;
    if (ids.isEmpty())
        return out;
    out.reserve(ids.size());
    const QString sql = QStringLiteral("SELECT id, type, rev, body, conflict, deleted FROM records WHERE id IN ")
        + (onPostgres(tx) ? QStringLiteral("(SELECT json_array_elements_text(CAST(? AS json)))") : QStringLiteral("(SELECT value FROM json_each(?))"));
    auto q = Database::exec(tx, sql, {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    QSqlQuery &row = q.value();
    while (row.next()) {
        PageRecord r;
        r.type = row.value(1).toString();
        r.rev = row.value(2).toInt();
        r.body = row.value(3).toString().toUtf8();
        if (!row.value(4).isNull())
            r.conflict = parse(row.value(4).toString());
        r.deleted = row.value(5).toInt() != 0;
        out.insert(row.value(0).toString(), std::move(r));
    }
    return out;
}

Result<QJsonObject> RecordStore::versionBody(QSqlDatabase &tx, const QString &id, int rev)
{
    auto q = Database::exec(tx, QStringLiteral("SELECT body FROM record_versions WHERE record_id = ? AND rev = ?"), {id, rev});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(ErrorCode::NotFound, QStringLiteral("no such revision"), QStringLiteral("base_rev"));
    return parse(q.value().value(0).toString());
}

QStringList RecordStore::childrenOf(const QString &type, const QJsonObject &body, const QString &id)
{
    if (type == QLatin1String("child"))
        return {id};
    QStringList ids = wire::childIdsOf(body);
    ids.removeDuplicates();
    return ids;
}

bool RecordStore::hasSafetyConcern(const QJsonObject &body)
{
    const QJsonArray cards = body.value(QLatin1String("children")).toArray();
    for (const QJsonValue &c : cards)
        if (c.toObject().value(QLatin1String("safety_concern")).toBool())
            return true;
    return false;
}

Result<void> RecordStore::addChange(QSqlDatabase &tx, const QString &recordId, const QString &kind,
                                    const QString &teamId, const QString &targetUser, const QString &knownTo)
{
    // xid defaults to pg_current_xact_id() on PostgreSQL (see the migration).
    auto orNull = [](const QString &v) { return v.isEmpty() ? QVariant() : QVariant(v); };
    auto q = Database::exec(tx, QStringLiteral("INSERT INTO changes (record_id, kind, team_id, target_user, created_at, known_to) VALUES (?, ?, ?, ?, ?, ?)"),
                            {recordId, kind, orNull(teamId), orNull(targetUser), nowIso(), orNull(knownTo)});
    if (!q)
        return q.error();
    return {};
}

Result<void> RecordStore::insertRows(QSqlDatabase &tx, const QString &table, const QList<Column> &columns, const QJsonArray &rows)
{
    if (rows.isEmpty())
        return {};
    const bool pg = onPostgres(tx);
    QStringList names, values;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        names << columns.at(i).name;
        values << rowValue(pg, int(i), columns.at(i).cast);
    }
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM %4 ORDER BY %5")
                            .arg(table, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")), rowSource(pg), rowOrder(pg));
    if (auto q = Database::exec(tx, sql, {rowsParam(rows)}); !q)
        return q.error();
    return {};
}

Result<void> RecordStore::insertLinks(QSqlDatabase &tx, const QJsonArray &links)
{
    if (links.isEmpty())
        return {};
    // ON CONFLICT DO NOTHING: an existing link is left alone (row-level security checks only the
    // rows an INSERT adds). SQLite needs the WHERE to parse the upsert after a SELECT.
    const bool pg = onPostgres(tx);
    const QString sql = QStringLiteral("INSERT INTO record_children (record_id, child_id) SELECT %1, %2 FROM %3 WHERE true ORDER BY %4"
                                       " ON CONFLICT DO NOTHING")
                            .arg(rowValue(pg, 0), rowValue(pg, 1), rowSource(pg), rowOrder(pg));
    if (auto q = Database::exec(tx, sql, {rowsParam(links)}); !q)
        return q.error();
    return {};
}

Result<void> RecordStore::flush(QSqlDatabase &tx, Pending *p)
{
    if (!p)
        return {};
    const bool pg = onPostgres(tx);
    const QString integer = QStringLiteral("INTEGER");
    auto col = [](const char *name, const QString &cast = {}) { return Column{QLatin1String(name), cast}; };
    if (auto r = insertRows(tx, QStringLiteral("records"),
                            {col("id"), col("type"), col("team_id"), col("author_id"), col("state"), col("rev", integer), col("body"),
                             col("field_revs"), col("conflict"), col("deleted", integer), col("safety_concern", integer), col("created_at"),
                             col("updated_at"), col("submitted_seen_at")},
                            p->inserts);
        !r)
        return r;
    if (!p->updates.isEmpty()) {
        // Same effect as write()'s UPDATE per row; submitted_seen_at reads the row's state before it.
        const QString sql = QStringLiteral("UPDATE records AS r SET team_id = %1, state = %2, rev = %3, body = %4, field_revs = %5,"
                                           " conflict = %6, deleted = %7, safety_concern = %8, updated_at = %9,")
                                .arg(rowValue(pg, 1), rowValue(pg, 2), rowValue(pg, 3, integer), rowValue(pg, 4), rowValue(pg, 5),
                                     rowValue(pg, 6), rowValue(pg, 7, integer), rowValue(pg, 8, integer), rowValue(pg, 9))
            + QStringLiteral(" submitted_seen_at = CASE WHEN %1 = 'submitted' AND (r.state IS NULL OR r.state <> 'submitted')"
                             " THEN %2 ELSE r.submitted_seen_at END FROM %3 WHERE r.id = %4")
                  .arg(rowValue(pg, 2), rowValue(pg, 10), rowSource(pg), rowValue(pg, 0));
        if (auto q = Database::exec(tx, sql, {rowsParam(p->updates)}); !q)
            return q.error();
    }
    // Child links before the versions and the change feed, and links a record no longer names
    // removed last: under row-level security (PostgreSQL) a record is visible through its links,
    // a link already there is kept rather than deleted and inserted again (so the policy checks
    // only new links), and a versions or change row needs its record visible.
    if (auto r = insertLinks(tx, p->childLinks); !r)
        return r;
    if (!p->versions.isEmpty()) {
        // The body and revision come from the records row just written (a record appears once per
        // flush), so the request's bodies travel to the database once, not twice.
        const QString sql = QStringLiteral("INSERT INTO record_versions (record_id, rev, body, user_id, device_id, created_at)"
                                           " SELECT r.id, r.rev, r.body, %1, %2, %3 FROM %4 JOIN records r ON r.id = %5 ORDER BY %6")
                                .arg(rowValue(pg, 1), rowValue(pg, 2), rowValue(pg, 3), rowSource(pg), rowValue(pg, 0), rowOrder(pg));
        if (auto q = Database::exec(tx, sql, {rowsParam(p->versions)}); !q)
            return q.error();
    }
    if (auto r = insertRows(tx, QStringLiteral("changes"),
                            {col("record_id"), col("kind"), col("team_id"), col("target_user"), col("created_at"), col("known_to")}, p->changes);
        !r)
        return r;
    if (!p->relinked.isEmpty()) {
        const QString l = QStringLiteral("l");
        const QString sql = QStringLiteral("DELETE FROM record_children WHERE record_id IN (SELECT %1 FROM %2)"
                                           " AND NOT EXISTS (SELECT 1 FROM %3 WHERE %4 = record_children.record_id AND %5 = record_children.child_id)")
                                .arg(rowValue(pg, 0), rowSource(pg), rowSource(pg, l), rowValue(pg, 0, {}, l), rowValue(pg, 1, {}, l));
        if (auto q = Database::exec(tx, sql, {rowsParam(p->relinked), rowsParam(p->childLinks)}); !q)
            return q.error();
    }
    *p = Pending();
    return {};
}

Result<int> RecordStore::write(const Database &, QSqlDatabase &tx, const StoredRecord &old, const Write &w, Pending *pending)
{
    const int rev = old.exists ? old.rev + 1 : 1;
    QJsonObject fieldRevs = old.fieldRevs;
    for (const QString &field : merge::changedFields(old.exists ? old.body : QJsonObject(), w.body))
        fieldRevs.insert(field, rev);
    const QString type = w.body.value(QLatin1String("type")).toString(old.type);
    const QString state = w.body.value(QLatin1String("state")).toString();
    const QString author = old.exists ? old.authorId : w.body.value(QLatin1String("author")).toString(w.userId);
    const QString at = nowIso();
    const QString body = encode(w.body);
    const QVariant conflict = w.conflict.isEmpty() ? QVariant() : QVariant(encode(w.conflict));
    const int safety = hasSafetyConcern(w.body) ? 1 : 0;
    // Queue order uses when the author submitted (device time), bounded by now.
    QString submittedSeen = at;
    const QDateTime claimed = QDateTime::fromString(w.body.value(QLatin1String("submitted_at")).toString(), Qt::ISODate);
    if (claimed.isValid() && claimed <= QDateTime::currentDateTimeUtc())
        submittedSeen = claimed.toUTC().toString(Qt::ISODateWithMs);
    if (pending) {
        const QJsonValue conflictText = w.conflict.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(encode(w.conflict));
        const QJsonValue device = w.deviceId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(w.deviceId);
        if (old.exists) {
            pending->updates.append(QJsonArray{old.id, text(w.teamId), text(state), rev, body, encode(fieldRevs), conflictText, w.deleted ? 1 : 0,
                                               safety, at, submittedSeen});
            pending->relinked.append(QJsonArray{old.id});
        } else {
            pending->inserts.append(QJsonArray{old.id, text(type), text(w.teamId), text(author), text(state), rev, body, encode(fieldRevs),
                                               conflictText, w.deleted ? 1 : 0, safety, at, at,
                                               state == QLatin1String("submitted") ? QJsonValue(submittedSeen) : QJsonValue(QJsonValue::Null)});
        }
        pending->versions.append(QJsonArray{old.id, text(w.userId), device, at});
        for (const QString &child : childrenOf(type, w.body, old.id))
            pending->childLinks.append(QJsonArray{old.id, child});
        auto orNull = [](const QString &v) { return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v); };
        const QJsonValue knownTo = w.writerHoldsIt ? orNull(w.deviceId) : QJsonValue(QJsonValue::Null);
        pending->changes.append(QJsonArray{old.id, QStringLiteral("upsert"), orNull(w.teamId), QJsonValue(QJsonValue::Null), at, knownTo});
        for (const QString &target : w.extraTargets)
            pending->changes.append(
                QJsonArray{old.id, QStringLiteral("upsert"), QJsonValue(QJsonValue::Null), orNull(target), at, QJsonValue(QJsonValue::Null)});
        if (!w.purgeFor.isEmpty())
            pending->changes.append(
                QJsonArray{old.id, QStringLiteral("purge"), QJsonValue(QJsonValue::Null), w.purgeFor, at, QJsonValue(QJsonValue::Null)});
        return rev;
    }
    Result<QSqlQuery> q = old.exists
        ? Database::exec(tx, QStringLiteral("UPDATE records SET team_id = ?, state = ?, rev = ?, body = ?, field_revs = ?, conflict = ?,"
                                            " deleted = ?, safety_concern = ?, updated_at = ?,"
                                            " submitted_seen_at = CASE WHEN ? = 'submitted' AND (state IS NULL OR state <> 'submitted') THEN ? ELSE submitted_seen_at END"
                                            " WHERE id = ?"),
                         {w.teamId, state, rev, body, encode(fieldRevs), conflict, w.deleted ? 1 : 0, safety, at, state, submittedSeen, old.id})
        : Database::exec(tx, QStringLiteral("INSERT INTO records (id, type, team_id, author_id, state, rev, body, field_revs, conflict, deleted,"
                                            " safety_concern, created_at, updated_at, submitted_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                         {old.id, type, w.teamId, author, state, rev, body, encode(fieldRevs), conflict, w.deleted ? 1 : 0, safety, at, at,
                          state == QLatin1String("submitted") ? QVariant(submittedSeen) : QVariant()});
    if (!q)
        return q.error();
    // Links first, stale links last (see flush()).
    QJsonArray links;
    const QStringList children = childrenOf(type, w.body, old.id);
    for (const QString &child : children)
        links.append(QJsonArray{old.id, child});
    if (auto l = insertLinks(tx, links); !l)
        return l.error();
    if (auto v = Database::exec(tx, QStringLiteral("INSERT INTO record_versions (record_id, rev, body, user_id, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                {old.id, rev, body, w.userId, w.deviceId.isEmpty() ? QVariant() : QVariant(w.deviceId), at});
        !v)
        return v.error();
    if (auto c = addChange(tx, old.id, QStringLiteral("upsert"), w.teamId, QString(), w.writerHoldsIt ? w.deviceId : QString()); !c)
        return c.error();
    for (const QString &target : w.extraTargets)
        if (auto c = addChange(tx, old.id, QStringLiteral("upsert"), QString(), target); !c)
            return c.error();
    if (!w.purgeFor.isEmpty())
        if (auto c = addChange(tx, old.id, QStringLiteral("purge"), QString(), w.purgeFor); !c)
            return c.error();
    if (old.exists) { // a new record has no stale links
        const QString kept = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(children)).toJson(QJsonDocument::Compact));
        if (auto d = Database::exec(tx, onPostgres(tx) ? QStringLiteral("DELETE FROM record_children WHERE record_id = ?"
                                                                        " AND child_id NOT IN (SELECT json_array_elements_text(CAST(? AS json)))")
                                                       : QStringLiteral("DELETE FROM record_children WHERE record_id = ?"
                                                                        " AND child_id NOT IN (SELECT value FROM json_each(?))"),
                                    {old.id, kept});
            !d)
            return d.error();
    }
    return rev;
}

} // namespace doorstep::server
