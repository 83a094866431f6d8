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
    auto q = Database::exec(tx, QStringLiteral("SELECT type, team_id, author_id, state, rev, body, field_revs, conflict, deleted"
                                               " FROM records WHERE id = ?") + lock,
                            {id});
    if (!q)
        return q.error();
    StoredRecord r;
    r.id = id;
    if (!q.value().next())
        return r;
    readRow(q.value(), 0, &r);
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
    auto q = Database::exec(tx, QStringLiteral("SELECT id, type, team_id, author_id, state, rev, body, field_revs, conflict, deleted"
                                               " FROM records WHERE id IN ")
                                    + (pg ? QStringLiteral("(SELECT json_array_elements_text(CAST(? AS json)))")
                                          : QStringLiteral("(SELECT value FROM json_each(?))"))
                                    // Locked in id order: two pushes touching the same records cannot deadlock.
                                    + (pg && forUpdate ? QStringLiteral(" ORDER BY id FOR UPDATE") : QString()),
                            {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    while (q.value().next()) {
        StoredRecord r;
        r.id = q.value().value(0).toString();
        readRow(q.value(), 1, &r);
        out.insert(r.id, std::move(r));
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
                                    const QString &teamId, const QString &targetUser)
{
    // xid defaults to pg_current_xact_id() on PostgreSQL (see the migration).
    auto q = Database::exec(tx, QStringLiteral("INSERT INTO changes (record_id, kind, team_id, target_user, created_at) VALUES (?, ?, ?, ?, ?)"),
                            {recordId, kind, teamId.isEmpty() ? QVariant() : QVariant(teamId),
                             targetUser.isEmpty() ? QVariant() : QVariant(targetUser), nowIso()});
    if (!q)
        return q.error();
    return {};
}

Result<int> RecordStore::write(const Database &, QSqlDatabase &tx, const StoredRecord &old, const Write &w)
{
    const int rev = old.exists ? old.rev + 1 : 1;
    QJsonObject fieldRevs = old.fieldRevs;
    const QJsonObject changed = merge::diff(old.exists ? old.body : QJsonObject(), w.body);
    for (auto it = changed.begin(); it != changed.end(); ++it)
        fieldRevs.insert(it.key(), rev);
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
    if (auto v = Database::exec(tx, QStringLiteral("INSERT INTO record_versions (record_id, rev, body, user_id, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                {old.id, rev, body, w.userId, w.deviceId.isEmpty() ? QVariant() : QVariant(w.deviceId), at});
        !v)
        return v.error();
    if (old.exists) { // a new record has no child links yet
        if (auto d = Database::exec(tx, QStringLiteral("DELETE FROM record_children WHERE record_id = ?"), {old.id}); !d)
            return d.error();
    }
    for (const QString &child : childrenOf(type, w.body, old.id)) {
        if (auto i = Database::exec(tx, QStringLiteral("INSERT INTO record_children (record_id, child_id) VALUES (?, ?)"), {old.id, child}); !i)
            return i.error();
    }
    if (auto c = addChange(tx, old.id, QStringLiteral("upsert"), w.teamId, QString()); !c)
        return c.error();
    for (const QString &target : w.extraTargets)
        if (auto c = addChange(tx, old.id, QStringLiteral("upsert"), QString(), target); !c)
            return c.error();
    return rev;
}

} // namespace doorstep::server
