// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "recordrepository.h"

#include <QCoreApplication>

#include "auditlog.h"
#include "conflictstore.h"
#include "core/wire.h"
#include "database.h"
#include "draftstore.h"
#include "outbox.h"
#include "searchindex.h"
#include "syncstate.h"
#include "transaction.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSet>
#include <sqlite3.h>
#include <utility>

namespace doorstep {

namespace {

constexpr const char *kColumns = "r.id, r.type, r.body, r.rev, r.state, r.event_at, r.updated_at";

StoredRecord readRecord(const Statement &st)
{
    StoredRecord rec;
    rec.id = st.text(0);
    rec.type = st.text(1);
    Result<QJsonObject> body = wire::parseObject(st.bytes(2));
    if (body)
        rec.body = body.value();
    rec.rev = st.int64(3);
    rec.state = st.text(4);
    rec.eventAt = st.text(5);
    rec.updatedAt = st.text(6);
    return rec;
}

/** The row a save or apply starts from. */
struct Previous {
    bool exists = false;
    bool deleted = false;
    QString type;
    QJsonObject body;
    QJsonObject base;
    bool hasBase = false;
    bool baseImplicit = false; // base_body is NULL because it equals body (saves a copy per synced record)
    qint64 rev = 0;
    QString state;
};

constexpr const char *kLoadPrevious = "SELECT type, body, base_body, rev, state, deleted FROM records WHERE id = ?1";

/** Reads the row through `st` (kLoadPrevious, freshly reset). */
Result<Previous> loadPrevious(Statement &st, const QString &id)
{
    st.bind(1, id);
    Result<bool> r = st.step();
    if (!r)
        return r.error();
    Previous p;
    if (!r.value())
        return p;
    p.exists = true;
    p.type = st.text(0);
    Result<QJsonObject> body = wire::parseObject(st.bytes(1));
    if (!body)
        return Error(ErrorCode::StorageError, QStringLiteral("the stored record is damaged"));
    p.body = body.value();
    p.rev = st.int64(3);
    if (!st.isNull(2)) {
        Result<QJsonObject> base = wire::parseObject(st.bytes(2));
        if (base) {
            p.base = base.value();
            p.hasBase = true;
        }
    } else if (p.rev > 0) {
        p.base = p.body;
        p.hasBase = true;
        p.baseImplicit = true;
    }
    p.state = st.text(4);
    p.deleted = st.int64(5) != 0;
    st.reset(); // release the read before the row is written
    return p;
}

Result<Previous> loadPrevious(Database &db, const QString &id)
{
    Statement st = db.prepare(kLoadPrevious);
    return loadPrevious(st, id);
}

QString eventTimeText(const QJsonObject &record)
{
    const QDateTime t = wire::eventTimeOf(record);
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QString RecordRepository::Clock::now()
{
    // Formatting the time was a twentieth of applying a pulled record; the text only changes
    // once a millisecond, and a page writes dozens of records in one.
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms != m_ms || m_text.isEmpty()) {
        m_ms = ms;
        m_text = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    }
    return m_text;
}

Statement &RecordRepository::cached(Cached slot, const char *sql)
{
    std::optional<Statement> &st = m_cached[slot];
    if (!st)
        st.emplace(m_db.prepare(sql));
    st->reset();
    return *st;
}

Result<void> RecordRepository::writeRow(const QString &id, const QString &type, const QJsonObject &body,
                                        const QJsonObject *base, qint64 rev, bool fresh, bool holdSearch,
                                        const PreparedRecord *prepared)
{
    // A prepared record was taken apart off this thread (see prepareRemote).
    const QByteArray encoded = prepared ? prepared->encoded : wire::encode(body);
    const QString state = prepared ? prepared->state : body.value(QLatin1String("state")).toString();
    const QString eventAt = prepared ? prepared->eventAt : eventTimeText(body);
    // A record new to the device is a plain insert: an upsert (and RETURNING) makes SQLite keep a
    // statement journal for the row, which a pulled page paid for on every record.
    Statement &up = fresh
        ? cached(InsertFresh,
                 "INSERT INTO records(id, type, body, state, event_at, updated_at, deleted, base_body, rev) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)")
        : base
        ? cached(UpsertWithBase,
                 "INSERT INTO records(id, type, body, state, event_at, updated_at, deleted, base_body, rev) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8) "
                 "ON CONFLICT(id) DO UPDATE SET type = excluded.type, body = excluded.body, "
                 "state = excluded.state, event_at = excluded.event_at, updated_at = excluded.updated_at, "
                 "deleted = 0, base_body = excluded.base_body, rev = excluded.rev RETURNING rid")
        : cached(UpsertNoBase,
                 "INSERT INTO records(id, type, body, state, event_at, updated_at, deleted) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0) "
                 "ON CONFLICT(id) DO UPDATE SET type = excluded.type, body = excluded.body, "
                 "state = excluded.state, event_at = excluded.event_at, updated_at = excluded.updated_at, "
                 "deleted = 0 RETURNING rid");
    up.bind(1, id).bind(2, type).bind(3, encoded).bind(6, m_clock.now());
    state.isEmpty() ? up.bindNull(4) : up.bind(4, state);
    eventAt.isEmpty() ? up.bindNull(5) : up.bind(5, eventAt);
    if (base) {
        // A synced record without local edits has body == base: store NULL instead of a second copy.
        if (rev > 0 && (base == &body || *base == body))
            up.bindNull(7);
        else
            up.bind(7, wire::encode(*base));
        up.bind(8, rev);
    } else if (fresh) {
        up.bindNull(7).bind(8, qint64(0)); // the columns' defaults, as the upsert leaves them
    }
    qint64 rid = 0;
    if (fresh) {
        if (Result<void> done = up.exec(); !done)
            return done;
        rid = sqlite3_last_insert_rowid(m_db.handle());
    } else {
        Result<bool> r = up.step();
        if (!r)
            return r.error();
        if (!r.value())
            return Error(ErrorCode::Internal, QStringLiteral("upsert returned no row"));
        rid = up.int64(0);
        if (Result<void> done = up.exec(); !done) // finish the RETURNING statement before the next write
            return done;
    }

    if (!fresh) { // a record new to this device has no child links or search entries to replace
        Statement &del = cached(DeleteChildren, "DELETE FROM record_children WHERE record_id = ?1");
        del.bind(1, id);
        if (Result<void> d = del.exec(); !d)
            return d;
    }
    for (const QString &child : prepared ? prepared->children : wire::childIdsOf(body)) {
        Statement &ins = cached(InsertChild, "INSERT OR IGNORE INTO record_children(child_id, record_id) VALUES (?1, ?2)");
        ins.bind(1, child).bind(2, id);
        if (Result<void> i = ins.exec(); !i)
            return i;
    }
    if (holdSearch) {
        if (prepared)
            m_search.putLater(rid, fresh, prepared->names, prepared->text);
        else
            m_search.putLater(rid, body, fresh);
        return {};
    }
    return m_search.put(rid, body, fresh);
}

Result<StoredRecord> RecordRepository::save(const QJsonObject &record, const QString &draftKey)
{
    Result<StoredRecord> saved = saveUnmapped(record, draftKey);
    if (!saved.ok() && saved.error().code == ErrorCode::StorageError) {
        // SQLite's own words ("disk I/O error") mean nothing to a social worker in someone's home.
        return Error(ErrorCode::StorageError,
                     QCoreApplication::translate("doorstep::RecordRepository",
                                                 "Not saved: the tablet's storage is full or failing. Your draft is kept; "
                                                 "free some space or contact IT support."));
    }
    return saved;
}

Result<StoredRecord> RecordRepository::saveEdit(const QJsonObject &opened, const QJsonObject &edited, const QString &draftKey,
                                               const QStringList &decided)
{
    if (opened.isEmpty())
        return save(edited, draftKey);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<StoredRecord> current = byId(edited.value(QLatin1String("id")).toString());
    if (!current && current.error().code != ErrorCode::NotFound)
        return current.error();
    if (!current || current.value().body == opened) {
        Result<StoredRecord> saved = save(edited, draftKey);
        if (!saved)
            return saved;
        if (Result<void> c = tx.commit(); !c)
            return c.error();
        return saved;
    }
    const QJsonObject theirs = current.value().body;
    const merge::MergeResult m = merge::threeWay(opened, edited, theirs);
    QJsonObject record = m.merged;
    for (const merge::FieldConflict &c : m.conflicts) {
        if (c.mine.isUndefined())
            record.remove(c.field);
        else
            record.insert(c.field, c.mine);
    }
    for (const QString &field : decided) {
        if (edited.contains(field))
            record.insert(field, edited.value(field));
    }
    Result<StoredRecord> saved = save(record, draftKey);
    if (!saved)
        return saved;
    ConflictStore conflicts(m_db);
    for (const merge::FieldConflict &c : m.conflicts) {
        if (decided.contains(c.field))
            continue;
        if (Result<void> p = conflicts.put(saved.value().id, c, current.value().rev); !p)
            return p.error();
    }
    if (Result<void> c = tx.commit(); !c)
        return c.error();
    return saved;
}

Result<StoredRecord> RecordRepository::saveUnmapped(const QJsonObject &record, const QString &draftKey)
{
    if (Result<void> valid = wire::validateRecord(record); !valid)
        return valid.error();
    const QString id = record.value(QLatin1String("id")).toString();
    const QString type = record.value(QLatin1String("type")).toString();
    const bool recording = !m_db.isChangeRecordingSuspended();
    if (Result<void> f = flushReceived(); !f)
        return f.error();

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<Previous> prevResult = loadPrevious(cached(LoadPrevious, kLoadPrevious), id);
    if (!prevResult)
        return prevResult.error();
    const Previous &prev = prevResult.value();
    const QJsonObject before = prev.exists && !prev.deleted ? prev.body : QJsonObject();

    if (prev.exists && prev.type != type)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a record cannot change its type"), QStringLiteral("type"));
    if (recording) {
        // Approved records are locked; a correction is a new record that `amends` this one.
        if (prev.exists && prev.state == QLatin1String("approved"))
            return Error(ErrorCode::Locked, QStringLiteral("this record is approved; record an amendment instead"));
        const QString state = record.value(QLatin1String("state")).toString();
        if (!state.isEmpty() && state != QLatin1String("draft") && state != QLatin1String("submitted")
            && state != before.value(QLatin1String("state")).toString())
            return Error(ErrorCode::Forbidden, QStringLiteral("only a manager's review can set this state"),
                         QStringLiteral("state"));
        for (const QString &field : wire::serviceOwnedFields()) {
            if (field == QLatin1String("state"))
                continue;
            const QJsonValue mine = record.value(field);
            const QJsonValue old = before.value(field);
            const bool mineEmpty = mine.isUndefined() || mine.isNull();
            const bool oldEmpty = old.isUndefined() || old.isNull();
            if (!(mineEmpty && oldEmpty) && mine != old)
                return Error(ErrorCode::Forbidden, QStringLiteral("this field is set by the service"), field);
        }
    }

    QJsonObject patch = merge::diff(before, record);
    // A new record's patch names its schema: the service stores the record as this device wrote
    // it, and knows the device already holds that copy (so its pull does not send it back).
    if (!prev.exists && record.contains(QLatin1String("schema")))
        patch.insert(QStringLiteral("schema"), record.value(QLatin1String("schema")));
    const bool changed = !prev.exists || prev.deleted || !patch.isEmpty();
    if (changed) {
        // The body is about to differ from the service copy: an implicit base must be written out.
        const bool keepBase = prev.exists && prev.baseImplicit;
        if (Result<void> w = writeRow(id, type, record, keepBase ? &prev.base : nullptr, prev.rev, !prev.exists); !w)
            return w.error();
        if (recording) {
            Result<QString> m = Outbox(m_db).enqueue(id, type, prev.rev, patch);
            if (!m)
                return m.error();
            // An open conflict on an edited field shows the person's current wording as "mine".
            if (Result<void> u = ConflictStore(m_db).updateMine(id, patch); !u)
                return u.error();
        }
        const QString action = prev.exists && !prev.deleted ? QStringLiteral("record.updated")
                                                            : QStringLiteral("record.created");
        if (Result<void> a = AuditLog(m_db).append(action, id); !a)
            return a.error();
    }
    if (!draftKey.isEmpty()) {
        if (Result<void> d = DraftStore(m_db).remove(draftKey); !d)
            return d.error();
    }
    if (Result<void> c = tx.commit(); !c)
        return c.error();
    return byId(id);
}

Result<StoredRecord> RecordRepository::byId(const QString &id)
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM records r WHERE r.id = ?1 AND r.deleted = 0";
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, id);
    Result<bool> r = st.step();
    if (!r)
        return r.error();
    if (!r.value())
        return Error(ErrorCode::NotFound, QStringLiteral("no such record"));
    return readRecord(st);
}

Result<QList<StoredRecord>> RecordRepository::list(const char *sql, const QString &arg, qint64 limit)
{
    Statement st = m_db.prepare(sql);
    if (!arg.isNull())
        st.bind(1, arg);
    st.bind(2, limit);
    QList<StoredRecord> out;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            return out;
        out.append(readRecord(st));
    }
}

Result<QList<StoredRecord>> RecordRepository::byType(const QString &type, int limit)
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns +
        " FROM records r WHERE r.type = ?1 AND r.deleted = 0 ORDER BY r.event_at DESC, r.id LIMIT ?2";
    return list(sql.constData(), type, limit);
}

Result<QList<StoredRecord>> RecordRepository::caseload()
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns +
        " FROM records r WHERE r.type = 'child' AND r.deleted = 0 AND ?1 IS NULL"
        " ORDER BY json_extract(r.body, '$.last_name') COLLATE NOCASE,"
        " json_extract(r.body, '$.first_name') COLLATE NOCASE, r.id LIMIT ?2";
    return list(sql.constData(), QString(), 1000000);
}

Result<QList<StoredRecord>> RecordRepository::chronology(const QString &childId)
{
    static const QByteArray sql = QByteArray("SELECT ") + kColumns +
        " FROM record_children c JOIN records r ON r.id = c.record_id"
        " WHERE c.child_id = ?1 AND r.deleted = 0 AND r.type != 'child'"
        " ORDER BY r.event_at, r.id LIMIT ?2";
    return list(sql.constData(), childId, 1000000);
}

Result<QList<StoredRecord>> RecordRepository::search(const QString &text, int limit)
{
    const QString names = searchindex::toMatchQuery(text, true);
    const QString words = searchindex::toMatchQuery(text, false);
    if (names.isEmpty() || limit <= 0)
        return QList<StoredRecord>();
    // Two passes, each cheap however many records match:
    // 1. children whose names start with the words typed, best first (one row per child, so
    //    ranking them all is cheap);
    // 2. records whose narrative has the words, newest first. Ranking every match by bm25 would
    //    score all of them (a word in every visit means 100,000 scores); walking the index in
    //    rowid order stops after `limit` rows.
    static const QByteArray byName = QByteArray("SELECT ") + kColumns +
        " FROM (SELECT rowid AS rid, bm25(search_names) AS score FROM search_names WHERE search_names MATCH ?1"
        " ORDER BY score LIMIT ?2) s JOIN records r ON r.rid = s.rid WHERE r.deleted = 0 ORDER BY s.score";
    static const QByteArray byText = QByteArray("SELECT ") + kColumns +
        " FROM (SELECT rowid AS rid FROM search_text WHERE search_text MATCH ?1 ORDER BY rowid DESC LIMIT ?2) s"
        " JOIN records r ON r.rid = s.rid WHERE r.deleted = 0 ORDER BY s.rid DESC";
    Result<QList<StoredRecord>> byNames = list(byName.constData(), names, limit);
    if (!byNames)
        return byNames;
    QList<StoredRecord> out = byNames.value();
    if (out.size() >= limit)
        return out;
    Result<QList<StoredRecord>> byWords = list(byText.constData(), words, limit);
    if (!byWords)
        return byWords;
    QSet<QString> seen;
    for (const StoredRecord &r : out)
        seen.insert(r.id);
    for (const StoredRecord &r : byWords.value()) {
        if (out.size() >= limit)
            break;
        if (!seen.contains(r.id))
            out.append(r);
    }
    return out;
}

Result<int> RecordRepository::count(const QString &type)
{
    Statement st = type.isEmpty() ? m_db.prepare("SELECT count(*) FROM records WHERE deleted = 0")
                                  : m_db.prepare("SELECT count(*) FROM records WHERE deleted = 0 AND type = ?1");
    if (!type.isEmpty())
        st.bind(1, type);
    Result<bool> r = st.step();
    if (!r)
        return r.error();
    return int(st.int64(0));
}

Result<ApplyOutcome> RecordRepository::applyRemote(const QJsonObject &record, qint64 rev)
{
    if (Result<void> f = flushReceived(); !f)
        return f.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Result<ApplyOutcome> outcome = applyRemoteUnguarded(record, rev);
    if (!outcome)
        return outcome;
    if (Result<void> f = flushReceived(); !f)
        return f.error();
    if (Result<void> c = tx.commit(); !c)
        return c.error();
    return outcome;
}

Result<ApplyOutcome> RecordRepository::applyRemoteInTransaction(const QJsonObject &record, qint64 rev)
{
    if (!m_db.inTransaction())
        return Error(ErrorCode::Internal, QStringLiteral("applyRemoteInTransaction needs an open transaction"));
    return applyRemoteUnguarded(record, rev);
}

Result<ApplyOutcome> RecordRepository::applyRemoteInTransaction(const QJsonObject &record, qint64 rev, const PreparedRecord &prepared)
{
    if (!m_db.inTransaction())
        return Error(ErrorCode::Internal, QStringLiteral("applyRemoteInTransaction needs an open transaction"));
    return applyRemoteUnguarded(record, rev, &prepared);
}

PreparedRecord RecordRepository::prepareRemote(const QJsonObject &record)
{
    PreparedRecord p;
    if (Result<void> valid = wire::validateRecord(record); !valid) {
        p.invalid = valid.error();
        return p;
    }
    p.encoded = wire::encode(record);
    p.names = searchindex::namesOf(record);
    p.text = wire::searchTextOf(record);
    p.state = record.value(QLatin1String("state")).toString();
    p.eventAt = eventTimeText(record);
    p.children = wire::childIdsOf(record);
    return p;
}

Result<void> RecordRepository::flushReceived()
{
    // The search entries of the records applied since the last flush, in one run of FTS5 writes.
    if (Result<void> s = m_search.flush(); !s)
        return s;
    if (m_received.isEmpty())
        return {};
    const QStringList ids = std::exchange(m_received, {});
    return AuditLog(m_db).appendMany(QStringLiteral("record.received"), ids);
}

Result<ApplyOutcome> RecordRepository::applyRemoteUnguarded(const QJsonObject &record, qint64 rev, const PreparedRecord *prepared)
{
    if (prepared && prepared->invalid)
        return *prepared->invalid;
    if (!prepared) {
        if (Result<void> valid = wire::validateRecord(record); !valid)
            return valid.error();
    }
    const QString id = record.value(QLatin1String("id")).toString();
    const QString type = record.value(QLatin1String("type")).toString();

    Result<Previous> prevResult = loadPrevious(cached(LoadPrevious, kLoadPrevious), id);
    if (!prevResult)
        return prevResult.error();
    const Previous &prev = prevResult.value();
    ApplyOutcome outcome;
    if (prev.exists && prev.type != type)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a record cannot change its type"), QStringLiteral("type"));
    // Skip what is already held: an older revision, or the same one with the same content (a page seen
    // again after an interrupted pull). The same revision with other content is applied: the service
    // may have normalised a write this device made (e.g. set its author) and the device must converge.
    if (prev.exists && rev > 0 && (prev.rev > rev || (prev.rev == rev && prev.hasBase && prev.base == record))) {
        outcome.skipped = true;
        return outcome;
    }

    // Only a record the device already holds can have unsynced edits (a purge drops its outbox rows).
    bool hasLocalEdits = false;
    if (prev.exists && !prev.deleted) {
        Result<bool> unsynced = m_outbox.hasUnsynced(id);
        if (!unsynced)
            return unsynced.error();
        hasLocalEdits = unsynced.value();
    }
    QJsonObject merged;
    if (hasLocalEdits) {
        // Local edits not yet on the service are never lost: keep them on top of the service copy.
        merge::MergeResult m = merge::threeWay(prev.hasBase ? prev.base : QJsonObject(), prev.body, record);
        merged = m.merged;
        outcome.rebased = true;
        outcome.conflicts = m.conflicts;
        ConflictStore conflicts(m_db);
        for (const merge::FieldConflict &c : m.conflicts) {
            if (Result<void> p = conflicts.put(id, c, rev); !p)
                return p.error();
        }
    }
    // Without local edits the body is the service copy itself (writeRow then stores no second copy).
    // Its search entry is written with the others at flushReceived() (see searchindex::Writer::putLater).
    if (Result<void> w = writeRow(id, type, hasLocalEdits ? merged : record, &record, rev, !prev.exists, true,
                                  hasLocalEdits ? nullptr : prepared);
        !w)
        return w.error();
    m_received.append(id);
    return outcome;
}

Result<QList<ApplyOutcome>> RecordRepository::applyRemotePage(const QList<RemoteRecord> &page, const QString &nextCursor)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<ApplyOutcome> outcomes;
    // A page that fails is rolled back: its held audit events must not reach a later flush.
    auto dropHeld = qScopeGuard([this] {
        m_received.clear();
        m_search.dropHeld();
    });
    for (const RemoteRecord &rr : page) {
        Result<ApplyOutcome> o = applyRemoteInTransaction(rr.record, rr.rev);
        if (!o)
            return o.error();
        outcomes.append(o.value());
    }
    if (Result<void> f = flushReceived(); !f)
        return f.error();
    if (Result<void> s = SyncState(m_db).setPullCursor(nextCursor); !s)
        return s.error();
    if (Result<void> c = tx.commit(); !c)
        return c.error();
    return outcomes;
}

Result<QJsonObject> RecordRepository::baseOf(const QString &id)
{
    Result<Previous> prev = loadPrevious(m_db, id);
    if (!prev)
        return prev.error();
    if (!prev->exists)
        return Error(ErrorCode::NotFound, QStringLiteral("no such record"));
    return prev->base;
}

Result<void> RecordRepository::acknowledge(const QString &id, const QJsonObject &patch, qint64 newRev)
{
    Result<Previous> prev = loadPrevious(cached(LoadPrevious, kLoadPrevious), id);
    if (!prev)
        return prev.error();
    if (!prev->exists || prev->rev >= newRev)
        return {};
    // The service now holds base + patch at newRev: that is the new base for rebasing.
    QJsonObject base = merge::applyPatch(prev->base, patch);
    for (const QString &f : wire::identityFields()) // patches never carry identity fields
        base.insert(f, prev->body.value(f));
    Statement &set = cached(Acknowledge, "UPDATE records SET rev = ?2, base_body = ?3 WHERE id = ?1");
    set.bind(1, id).bind(2, newRev);
    if (base == prev->body)
        set.bindNull(3);
    else
        set.bind(3, wire::encode(base));
    return set.exec();
}

Result<void> RecordRepository::purge(const QString &id, bool discardUnsynced)
{
    if (Result<void> f = flushReceived(); !f)
        return f;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    Statement find = m_db.prepare("SELECT rid FROM records WHERE id = ?1");
    find.bind(1, id);
    Result<bool> found = find.step();
    if (!found)
        return found.error();
    if (!found.value())
        return Error(ErrorCode::NotFound, QStringLiteral("no such record"));
    const qint64 rid = find.int64(0);
    Result<bool> unsynced = Outbox(m_db).hasUnsynced(id);
    if (!unsynced)
        return unsynced.error();
    if (unsynced.value() && !discardUnsynced)
        return Error(ErrorCode::Conflict, QStringLiteral("this record has changes not yet sent to the service"));

    // secure_delete zeroes the freed cells, so a purged child's details do not linger in free pages.
    if (Result<void> s = m_db.exec("PRAGMA secure_delete = ON"); !s)
        return s;
    auto restore = qScopeGuard([this] { (void)m_db.exec("PRAGMA secure_delete = OFF"); });
    if (Result<void> r = m_search.remove(rid); !r)
        return r;
    Statement out = m_db.prepare("DELETE FROM outbox WHERE record_id = ?1");
    out.bind(1, id);
    if (Result<void> r = out.exec(); !r)
        return r;
    Statement del = m_db.prepare("DELETE FROM records WHERE id = ?1"); // cascades children, conflicts
    del.bind(1, id);
    if (Result<void> r = del.exec(); !r)
        return r;
    if (Result<void> a = AuditLog(m_db).append(QStringLiteral("record.purged"), id); !a)
        return a;
    return tx.commit();
}

} // namespace doorstep
