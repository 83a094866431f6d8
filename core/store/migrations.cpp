// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "migrations.h"

#include "core/wire.h"
#include "database.h"
#include "searchindex.h"

namespace doorstep {

namespace {

// v1: records, the children each record is about, the outbox, the hash-chained audit, drafts.
Result<void> v1Records(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE records (
    rid        INTEGER PRIMARY KEY,          -- stable rowid: the FTS index is keyed by it
    id         TEXT NOT NULL UNIQUE,         -- client-generated UUID
    type       TEXT NOT NULL,
    body       TEXT NOT NULL,                -- the record as wire JSON, with local edits
    rev        INTEGER NOT NULL DEFAULT 0,   -- last service revision (0 = never synced)
    base_body  TEXT,                         -- the service's copy at rev (three-way rebase base)
    state      TEXT,
    event_at   TEXT,                         -- what a chronology sorts by
    updated_at TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX records_by_type ON records(type, deleted);

CREATE TABLE record_children (
    child_id  TEXT NOT NULL,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    PRIMARY KEY (child_id, record_id)
) WITHOUT ROWID;
CREATE INDEX record_children_by_record ON record_children(record_id);

CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY,   -- device order: a new row always gets max(seq) + 1
    mutation_id TEXT NOT NULL UNIQUE,
    record_id   TEXT NOT NULL,
    type        TEXT NOT NULL,
    base_rev    INTEGER NOT NULL,
    patch       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sent', 'acked', 'quarantined')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX outbox_by_record ON outbox(record_id, status);

CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,   -- contiguous from 1: a gap is a deleted row
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    record_id TEXT,
    actor     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
-- The chain's head, so deleting the newest rows is detected too.
CREATE TABLE audit_head (
    one  INTEGER PRIMARY KEY CHECK (one = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);

CREATE TABLE drafts (
    form_key   TEXT PRIMARY KEY,
    body       TEXT NOT NULL,         -- whatever the form holds; may be incomplete or invalid
    updated_at TEXT NOT NULL
);
)sql");
}

// v2: full-text search. Two FTS5 tables keyed by records.rid: children's names, searched by
// prefix as a person types (tiny: one row per child, so prefix indexes are cheap), and every
// record's narrative text, searched by whole words (no prefix index: a prefix such as "scho"
// would otherwise merge the entries of a word that is in every visit).
Result<void> v2Search(Database &db)
{
    if (Result<void> r = db.exec(R"sql(
CREATE VIRTUAL TABLE search_names USING fts5(
    names,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE VIRTUAL TABLE search_text USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
)sql"); !r)
        return r;
    // Index what earlier versions stored.
    Statement rows = db.prepare("SELECT rid, body FROM records WHERE deleted = 0");
    for (;;) {
        Result<bool> r = rows.step();
        if (!r)
            return r.error();
        if (!r.value())
            return {};
        Result<QJsonObject> body = wire::parseObject(rows.bytes(1));
        if (!body)
            continue; // a damaged row is still readable by id; it is just not searchable
        if (Result<void> put = searchindex::put(db, rows.int64(0), body.value()); !put)
            return put;
    }
}

// v3: sync: conflicts kept for a person to resolve, sync state (pull cursor), acked revisions.
Result<void> v3Sync(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE conflicts (
    record_id   TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    base        TEXT,            -- JSON value wrapped in a one-element array; NULL = absent
    mine        TEXT,
    theirs      TEXT,
    theirs_rev  INTEGER NOT NULL DEFAULT 0,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (record_id, field)
);
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
ALTER TABLE outbox ADD COLUMN acked_rev INTEGER;
)sql");
}

// v4: a manager's approve/return decisions taken offline, replayed by the sync engine with their
// decision_id (the service's idempotency key) and kept with the service's answer when it refuses.
Result<void> v4Decisions(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE decisions (
    seq         INTEGER PRIMARY KEY,   -- device order
    decision_id TEXT NOT NULL UNIQUE,  -- sent to the service: a replay after a lost answer decides nothing twice
    record_id   TEXT NOT NULL,         -- no foreign key: the decision outlives a purge of the record
    decision    TEXT NOT NULL CHECK (decision IN ('approve', 'return')),
    rationale   TEXT NOT NULL,
    seen_rev    INTEGER NOT NULL,      -- the revision the manager read
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'conflict', 'refused')),
    error_code  TEXT,                  -- the service's code when not accepted
    error       TEXT,                  -- its message, shown to the manager
    attempts    INTEGER NOT NULL DEFAULT 0,
    current_rev INTEGER,               -- the record's revision the service reported
    updated_at  TEXT NOT NULL
);
CREATE INDEX decisions_by_record ON decisions(record_id, status);
CREATE INDEX decisions_by_status ON decisions(status, seq);
)sql");
}

// v5: why the service refused a quarantined change, as its stable code and the field it named, so
// the device can say it in the worker's words and offer what can help (fix the record, or send it
// again once the situation has changed).
Result<void> v5RefusalDetail(Database &db)
{
    return db.exec(R"sql(
ALTER TABLE outbox ADD COLUMN error_code TEXT;
ALTER TABLE outbox ADD COLUMN error_field TEXT;
)sql");
}

// v6: how many times running the service answered "retry" for a change (it could not store it),
// so one that keeps failing is set aside for a person instead of being sent for ever.
Result<void> v6RetryAnswers(Database &db)
{
    return db.exec("ALTER TABLE outbox ADD COLUMN retry_answers INTEGER NOT NULL DEFAULT 0;");
}

// v7: records the service sent that this version cannot store (written by a newer Doorstep, or
// malformed). They are kept aside, encrypted like everything else, so one such record neither stops
// the pull nor is lost: a later revision, an update of the app, or a purge settles each one.
Result<void> v7HeldRecords(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE held_records (
    record_id   TEXT PRIMARY KEY,
    rev         INTEGER NOT NULL,   -- the service's revision of the copy held
    body        TEXT NOT NULL,      -- the record as it arrived
    reason      TEXT NOT NULL,      -- why it could not be stored, in words
    field       TEXT,               -- the field the reason names ("schema" for a newer version)
    held_schema INTEGER NOT NULL,   -- the wire schema this app read when it held the record
    held_at     TEXT NOT NULL
);
)sql");
}

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps = {
        {1, "records, outbox, audit, drafts", &v1Records},
        {2, "full-text search", &v2Search},
        {3, "conflicts and sync state", &v3Sync},
        {4, "queued review decisions", &v4Decisions},
        {5, "why a change was refused", &v5RefusalDetail},
        {6, "changes the service could not store", &v6RetryAnswers},
        {7, "records this version cannot store", &v7HeldRecords},
    };
    return steps;
}

} // namespace doorstep
