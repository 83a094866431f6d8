// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/merge.h"
#include "core/result.h"
#include "outbox.h"
#include "searchindex.h"
#include "statement.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace doorstep {

class Database;

/** A record as stored on the device. */
struct StoredRecord {
    QString id;
    QString type;        // wire type name
    QJsonObject body;    // the record with local edits
    qint64 rev = 0;      // last service revision (0 = never synced)
    QString state;
    QString eventAt;     // ISO 8601 UTC; what a chronology sorts by
    QString updatedAt;
};

/** A record pulled from (or merged by) the service, at its revision. */
struct RemoteRecord {
    QJsonObject record;
    qint64 rev = 0;
};

/** The part of applying a pulled record that needs no database: checking it, its stored encoding
 *  and its search text. Worked out ahead of the store thread (RecordRepository::prepareRemote, on
 *  any thread), so the store thread only writes. */
struct PreparedRecord {
    std::optional<Error> invalid; // the record breaks the wire format: applying it fails with this
    QByteArray encoded;           // wire::encode(record)
    QString names;                // searchindex::namesOf(record)
    QString text;                 // wire::searchTextOf(record)
    QString state;                // the record's workflow state
    QString eventAt;              // its event time as stored (ISO 8601 UTC), empty if it has none
    QStringList children;         // wire::childIdsOf(record)
};

/** What applying a service record did to local unsynced edits. */
struct ApplyOutcome {
    bool skipped = false;                    // already had this revision or a newer one
    bool rebased = false;                    // local unsynced edits were kept on top of it
    QList<merge::FieldConflict> conflicts;   // stored in `conflicts` for a person to resolve
};

/** Every record type through one table. A user's save writes the record, its outbox mutation and
 *  its audit event in one transaction; the sync-facing calls apply service records without
 *  queuing anything. Typed facades (ChildRepository, VisitRepository, ...) wrap this one. */
class RecordRepository
{
public:
    explicit RecordRepository(Database &db) : m_db(db) {}

    /** A user's save: validates (errors name the field), refuses edits to approved records
     *  (Locked) and to service-owned fields (Forbidden), then in ONE transaction writes the record,
     *  its children and search entry, the outbox patch (merge::diff of top-level fields) and the
     *  audit event, and removes the draft `draftKey` if given. On any error nothing is written
     *  and the draft is kept. While a ChangeRecordingSuspender is alive no mutation is queued. */
    Result<StoredRecord> save(const QJsonObject &record, const QString &draftKey = {});
    /** A person's save of an edit to a record they opened as `opened`. If the record changed
     *  meanwhile (a pull while the form was open), the edit goes onto the newer copy by the
     *  three-way merge: what only the other side changed is kept, not reverted; a field both
     *  changed keeps the person's value and gets a conflict entry with the other value, shown
     *  like any other conflict. `decided` fields take the edit's value whatever the other side
     *  did (a submit's state). Then as save(), in one transaction. `opened` empty: save(). */
    Result<StoredRecord> saveEdit(const QJsonObject &opened, const QJsonObject &edited, const QString &draftKey = {},
                                  const QStringList &decided = {});

    Result<StoredRecord> byId(const QString &id);
    /** All records of a type (wire name), newest event first. */
    Result<QList<StoredRecord>> byType(const QString &type, int limit = 1000);
    /** The children on the device, by last then first name. */
    Result<QList<StoredRecord>> caseload();
    /** Every record about a child (not the child itself), oldest event first. */
    Result<QList<StoredRecord>> chronology(const QString &childId);
    /** Full-text search over children's names (each word a prefix, as a person types) and
     *  records' narrative text (whole words);
     *  the text a person typed is sanitised, so it can never be FTS5 syntax. Children matched by
     *  name come first (best first), then other matching records, newest first. */
    Result<QList<StoredRecord>> search(const QString &text, int limit = 50);
    Result<int> count(const QString &type = {});

    // --- for the sync engine ---
    /** Applies a service record WITHOUT queuing a mutation. The service copy becomes the new
     *  base; unsynced local edits are rebased onto it (three-way, per top-level field) and
     *  clashing fields stored as conflicts. Older revisions than the one held are skipped. */
    Result<ApplyOutcome> applyRemote(const QJsonObject &record, qint64 rev);
    /** applyRemote for a caller applying many service records inside its own open transaction (a
     *  pull page): no savepoint per record, statements reused across records, and the
     *  "record.received" audit events and the records' search entries held until flushReceived()
     *  (save and purge flush first, so the chain keeps the order of events and the index the order
     *  of writes). The caller must call flushReceived() before it commits,
     *  and on an error roll its whole transaction back (the record may be half written) and drop
     *  this repository object with the events it still holds. */
    Result<ApplyOutcome> applyRemoteInTransaction(const QJsonObject &record, qint64 rev);
    /** The same with `prepared` = prepareRemote(record), worked out earlier. */
    Result<ApplyOutcome> applyRemoteInTransaction(const QJsonObject &record, qint64 rev, const PreparedRecord &prepared);
    /** What applying `record` needs that touches no database; safe on any thread. */
    static PreparedRecord prepareRemote(const QJsonObject &record);
    /** Writes the held search entries, then appends the held "record.received" events to the audit
     *  chain, in the order received. */
    Result<void> flushReceived();
    /** A page of pulled records and the cursor after it, in one transaction: a crash either
     *  applies the page and moves the cursor, or neither. */
    Result<QList<ApplyOutcome>> applyRemotePage(const QList<RemoteRecord> &page, const QString &nextCursor);
    /** The service's copy of a record at its last known revision (empty if never synced). */
    Result<QJsonObject> baseOf(const QString &id);
    /** Outbox::markAcked's half: the service applied `patch` at `newRev`, which becomes the
     *  record's revision and (base + patch) its new base. */
    Result<void> acknowledge(const QString &id, const QJsonObject &patch, qint64 newRev);
    /** Removes a record and everything derived from it (children, search, conflicts, outbox rows),
     *  overwriting freed pages. Refused (Conflict) while it has unsynced changes unless
     *  `discardUnsynced`, which a caller passes only after an explicit decision. */
    Result<void> purge(const QString &id, bool discardUnsynced = false);

private:
    Result<StoredRecord> saveUnmapped(const QJsonObject &record, const QString &draftKey);
    Result<ApplyOutcome> applyRemoteUnguarded(const QJsonObject &record, qint64 rev, const PreparedRecord *prepared = nullptr);

    Database &m_db;
    // Statements prepared once per repository object and reused (see Outbox): a pulled page writes
    // thousands of records through one RecordRepository.
    enum Cached { LoadPrevious, InsertFresh, UpsertWithBase, UpsertNoBase, DeleteChildren, InsertChild, Acknowledge, CachedCount };
    std::array<std::optional<Statement>, CachedCount> m_cached;
    Statement &cached(Cached slot, const char *sql);
    searchindex::Writer m_search{m_db};
    Outbox m_outbox{m_db}; // its lookups prepared once per repository too
    /** The time written into updated_at (UTC, ISO 8601 with milliseconds), formatted once a millisecond. */
    class Clock
    {
    public:
        QString now();

    private:
        qint64 m_ms = 0;
        QString m_text;
    };
    Clock m_clock;
    QStringList m_received; // record ids whose "record.received" event is not yet in the chain
    /** `fresh`: the row did not exist before (nothing derived from it to remove first).
     *  `holdSearch`: its search entry waits for flushReceived() (applying many service records). */
    /** `prepared`: the encoding and search text of `body`, when worked out already. */
    Result<void> writeRow(const QString &id, const QString &type, const QJsonObject &body,
                          const QJsonObject *base, qint64 rev, bool fresh = false, bool holdSearch = false,
                          const PreparedRecord *prepared = nullptr);
    Result<QList<StoredRecord>> list(const char *sql, const QString &arg, qint64 limit);
};

} // namespace doorstep
