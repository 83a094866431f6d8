// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/auditlog.h"
#include "core/store/conflictstore.h"
#include "core/store/database.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/syncstate.h"
#include "core/store/statement.h"
#include "core/wire.h"
#include "sync/syncapplier.h"
#include "tests/store/storesamples.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using namespace doorstep::sync;
using namespace Qt::StringLiterals;

namespace {

QString visitId(int n)
{
    return storesamples::uuidFor(2, n);
}

QJsonObject visit(int n, const QString &words = {})
{
    return storesamples::visit(visitId(n), storesamples::uuidFor(1, 1), n, words);
}

QJsonObject applied(qint64 rev)
{
    return QJsonObject{{u"result"_s, u"applied"_s}, {u"rev"_s, rev}};
}

/** One outbox row as the tests compare it (what the device keeps, not how it got there). */
struct Row {
    QString status;
    qint64 baseRev = 0;
    qint64 ackedRev = 0;
    int attempts = 0;
    QString lastError;
};

Row outboxRow(Database &db, const QString &mutationId)
{
    Statement st = db.prepare("SELECT status, base_rev, coalesce(acked_rev, 0), attempts, last_error "
                              "FROM outbox WHERE mutation_id = ?1");
    st.bind(1, mutationId);
    Row row;
    if (st.step().value())
        row = {st.text(0), st.int64(1), st.int64(2), int(st.int64(3)), st.text(4)};
    return row;
}

/** Every row of a query (its first `columns` columns) as text, for comparing stores column by column. */
QStringList dump(Database &db, const char *sql, int columns = 1)
{
    Statement st = db.prepare(sql);
    QStringList rows;
    for (int i = 0; i < 100000 && st.step().value(); ++i) {
        QStringList cols;
        for (int c = 0; c < columns; ++c)
            cols << (st.isNull(c) ? u"NULL"_s : st.text(c));
        rows << cols.join(u'|');
    }
    return rows;
}

QList<AuditEvent> eventsOf(Database &db, const QString &action)
{
    QList<AuditEvent> out;
    for (const AuditEvent &e : AuditLog(db).events(0, 100000).value())
        if (e.action == action)
            out << e;
    return out;
}

QStringList idsOf(const Result<QList<StoredRecord>> &found)
{
    QStringList ids;
    for (const StoredRecord &r : found.value())
        ids << r.id;
    return ids;
}

QJsonObject change(const QJsonObject &record, qint64 rev)
{
    return QJsonObject{{u"record_id"_s, record.value(u"id")}, {u"type"_s, record.value(u"type")}, {u"rev"_s, rev},
                       {u"deleted"_s, false}, {u"record"_s, record}};
}

} // namespace

/** SyncApplier over a real encrypted store: a push batch's answers and pull pages, each applied in
 *  one transaction (acknowledgements without re-reading what was sent; pulled records' search
 *  entries and audit events written once per page). */
class TestSyncApplier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() { m_db = open(); }
    void cleanup() { m_db.reset(); }

    // A batch of answers of every kind in one transaction: an acknowledged record whose later pending
    // edit is rebased, a merge, a rejection, a retry and a plain acknowledgement.
    // Children new to the device are named once it has pulled its whole caseload (however many
    // pages and syncs that took); before then every child is new, and nothing is news.
    void childrenJoiningAreNamedAfterTheFirstFullPull()
    {
        SyncApplier applier(*m_db);
        const QJsonObject amira = storesamples::child(storesamples::uuidFor(1, 1), u"Amira"_s, u"Hassan"_s);
        const QJsonObject ben = storesamples::child(storesamples::uuidFor(1, 2), u"Ben"_s, u"Bevan"_s);
        QJsonObject cal = storesamples::child(storesamples::uuidFor(1, 3), u"Callum"_s, u"Carrow"_s);
        cal.insert(u"preferred_name"_s, u"Cal"_s);
        QStringList joined;
        QVERIFY(applier.applyPullPage(QJsonArray{change(amira, 1)}, {}, u"c1"_s, nullptr, {}, nullptr, &joined, false).ok());
        QVERIFY(applier.applyPullPage(QJsonArray{change(ben, 1)}, {}, u"c2"_s, nullptr, {}, nullptr, &joined, true).ok());
        QVERIFY(joined.isEmpty());
        QJsonObject amiraEdited = amira;
        amiraEdited.insert(u"address"_s, u"4 Mill Lane"_s);
        QVERIFY(applier.applyPullPage(QJsonArray{change(amiraEdited, 2), change(cal, 1), change(visit(5), 1)}, {}, u"c3"_s, nullptr, {},
                                      nullptr, &joined, true)
                    .ok());
        QCOMPARE(joined, QStringList{u"Cal Carrow"_s}); // the known child's edit and a visit are not news
    }

    void mixedPushBatch()
    {
        RecordRepository repo(*m_db);
        SyncApplier applier(*m_db);
        // B is on the service at rev 3 and edited here; A, C, D, E are new.
        QVERIFY(repo.applyRemote(visit(2), 3).ok());
        QVERIFY(repo.save(visit(1)).ok());
        QJsonObject mineB = visit(2);
        mineB.insert(u"present"_s, u"Mother and the child"_s);
        QVERIFY(repo.save(mineB).ok());
        QVERIFY(repo.save(visit(3)).ok());
        QVERIFY(repo.save(visit(4)).ok());
        QVERIFY(repo.save(visit(5)).ok());
        const QList<OutboxEntry> sent = applier.takePending(10).value();
        QCOMPARE(sent.size(), 5);
        // A later edit of A while the batch is in flight: a new pending mutation based on rev 0.
        QJsonObject laterA = visit(1);
        laterA.insert(u"rationale"_s, u"Follow-up after the school's call."_s);
        QVERIFY(repo.save(laterA).ok());
        const OutboxEntry pendingA = Outbox(*m_db).pending(10, sent.last().seq).value().value(0);
        QCOMPARE(pendingA.recordId, visitId(1));
        QCOMPARE(pendingA.baseRev, 0);

        QJsonObject theirsB = mineB; // the service kept both edits: ours and another device's
        theirsB.insert(u"location_detail"_s, u"grandmother's flat"_s);
        const QJsonArray results{
            applied(5),
            QJsonObject{{u"result"_s, u"merged"_s}, {u"rev"_s, 7}, {u"record"_s, theirsB}},
            QJsonObject{{u"result"_s, u"rejected"_s},
                        {u"error"_s, QJsonObject{{u"code"_s, u"rule_violation"_s},
                                                 {u"message"_s, u"The visit ends before it starts."_s},
                                                 {u"field"_s, u"mutations[2].patch.ended_at"_s}}}},
            QJsonObject{{u"result"_s, u"retry"_s}, {u"message"_s, u"could not be stored"_s}},
            applied(6),
        };
        Result<PushSummary> summary = applier.applyPushResults(sent, results);
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().message));
        QCOMPARE(summary->applied, 2);
        QCOMPARE(summary->merged, 1);
        QCOMPARE(summary->rejected, 1);
        QCOMPARE(summary->deferred, 1);
        QCOMPARE(summary->conflicts, 0);

        // A: acknowledged at 5; the service copy is what was sent; the later edit stays local and
        // is now based on rev 5.
        QCOMPARE(outboxRow(*m_db, sent[0].mutationId).status, u"acked"_s);
        QCOMPARE(outboxRow(*m_db, sent[0].mutationId).ackedRev, 5);
        QCOMPARE(repo.byId(visitId(1))->rev, 5);
        QCOMPARE(repo.baseOf(visitId(1)).value(), visit(1));
        QCOMPARE(repo.byId(visitId(1))->body, laterA);
        QCOMPARE(outboxRow(*m_db, pendingA.mutationId).status, u"pending"_s);
        QCOMPARE(outboxRow(*m_db, pendingA.mutationId).baseRev, 5);
        // B: the merged record is the device's copy and base at 7, nothing left to send.
        QCOMPARE(outboxRow(*m_db, sent[1].mutationId).status, u"acked"_s);
        QCOMPARE(repo.byId(visitId(2))->rev, 7);
        QCOMPARE(repo.byId(visitId(2))->body, theirsB);
        QCOMPARE(repo.baseOf(visitId(2)).value(), theirsB);
        QCOMPARE(ConflictStore(*m_db).forRecord(visitId(2))->size(), 0);
        // C: quarantined with the service's reason and field; the record is untouched.
        const Row c = outboxRow(*m_db, sent[2].mutationId);
        QCOMPARE(c.status, u"quarantined"_s);
        QCOMPARE(c.lastError, u"The visit ends before it starts."_s);
        // Its code, and the field as the record's own path (the request's prefix taken off), for
        // the outbox screen to name in words.
        const OutboxEntry cEntry = Outbox(*m_db).byMutationId(sent[2].mutationId).value();
        QCOMPARE(cEntry.errorCode, u"rule_violation"_s);
        QCOMPARE(cEntry.errorField, u"ended_at"_s);
        QCOMPARE(repo.byId(visitId(3))->rev, 0);
        QCOMPARE(eventsOf(*m_db, u"outbox.quarantined"_s).size(), 1);
        // D: back to pending with the reason, sent again later.
        const Row d = outboxRow(*m_db, sent[3].mutationId);
        QCOMPARE(d.status, u"pending"_s);
        QCOMPARE(d.lastError, u"could not be stored"_s);
        QCOMPARE(d.attempts, 1);
        QCOMPARE(repo.byId(visitId(4))->rev, 0);
        // E: acknowledged at 6, body and base the same record (no second copy kept).
        QCOMPARE(repo.byId(visitId(5))->rev, 6);
        QCOMPARE(repo.baseOf(visitId(5)).value(), visit(5));
        QCOMPARE(dump(*m_db, "SELECT base_body IS NULL FROM records WHERE rev = 6"), QStringList{u"1"_s});

        // The same answers again (a replayed response): the acknowledged ones change nothing.
        const QStringList recordsBefore = dump(*m_db, "SELECT id, rev, body, base_body FROM records ORDER BY id", 4);
        QVERIFY(applier.applyPushResults(QList<OutboxEntry>{sent[0], sent[4]}, QJsonArray{applied(5), applied(6)}).ok());
        QCOMPARE(dump(*m_db, "SELECT id, rev, body, base_body FROM records ORDER BY id", 4), recordsBefore);
        QCOMPARE(outboxRow(*m_db, pendingA.mutationId).baseRev, 5);
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
    }

    // The batch path leaves exactly what acknowledging the same mutations one by one leaves,
    // including a record sent twice in one batch and a later edit rebased twice.
    // A change the service can never store ("retry" every time) goes round a bounded number of
    // times, then waits for a person with the reason in words; a retry now and then does not.
    void changeAnsweredRetryRepeatedlyIsSetAside()
    {
        RecordRepository repo(*m_db);
        SyncApplier applier(*m_db);
        QVERIFY(repo.save(visit(41)).ok());
        const QJsonObject retry{{u"result"_s, u"retry"_s}, {u"code"_s, u"storage_error"_s}, {u"message"_s, u"could not be stored"_s}};
        for (int round = 1; round < SyncApplier::kRetryAnswersBeforeQuarantine; ++round) {
            const QList<OutboxEntry> sent = applier.takePending(10).value();
            QCOMPARE(sent.size(), 1);
            const Result<PushSummary> summary = applier.applyPushResults(sent, QJsonArray{retry});
            QVERIFY(summary.ok());
            QCOMPARE(summary->deferred, 1);
            const OutboxEntry kept = Outbox(*m_db).byMutationId(sent[0].mutationId).value();
            QCOMPARE(kept.status, u"pending"_s);
            QCOMPARE(kept.retryAnswers, round);
        }
        const QList<OutboxEntry> last = applier.takePending(10).value();
        QCOMPARE(last.size(), 1);
        const Result<PushSummary> summary = applier.applyPushResults(last, QJsonArray{retry});
        QVERIFY(summary.ok());
        QCOMPARE(summary->deferred, 0); // nothing left for this run to send again
        QCOMPARE(summary->rejected, 1);
        const OutboxEntry setAside = Outbox(*m_db).byMutationId(last[0].mutationId).value();
        QCOMPARE(setAside.status, u"quarantined"_s);
        QCOMPARE(setAside.errorCode, u"storage_error"_s);
        QVERIFY2(setAside.lastError.contains(QString::number(SyncApplier::kRetryAnswersBeforeQuarantine)), qPrintable(setAside.lastError));
        QCOMPARE(applier.takePending(10).value().size(), 0); // it no longer goes round
        // Sent again by a person, it starts counting afresh.
        const Result<QString> again = Outbox(*m_db).requeue(setAside.mutationId);
        QVERIFY(again.ok());
        QCOMPARE(Outbox(*m_db).byMutationId(again.value()).value().retryAnswers, 0);
    }

    void batchAcknowledgesLikeOneByOne()
    {
        std::unique_ptr<Database> other = open();
        QList<OutboxEntry> sentHere;
        QList<OutboxEntry> sentThere;
        for (Database *db : {m_db.get(), other.get()}) {
            RecordRepository repo(*db);
            QVERIFY(repo.applyRemote(visit(12), 2).ok());
            QVERIFY(repo.save(visit(11)).ok());
            QJsonObject edited = visit(12);
            edited.insert(u"present"_s, u"The child and an aunt"_s);
            QVERIFY(repo.save(edited).ok());
            QJsonObject again = visit(11);
            again.insert(u"location_detail"_s, u"the park"_s);
            QVERIFY(repo.save(again).ok()); // not folded: visit 12's mutation came after the first
            (db == m_db.get() ? sentHere : sentThere) = SyncApplier(*db).takePending(10).value();
            again.insert(u"analysis_risks"_s, u"None seen today."_s);
            QVERIFY(repo.save(again).ok()); // pending while the batch is in flight
        }
        QCOMPARE(sentHere.size(), 3);
        QCOMPARE(sentHere[0].recordId, sentHere[2].recordId);

        Result<PushSummary> batch = SyncApplier(*m_db).applyPushResults(sentHere, QJsonArray{applied(8), applied(9), applied(10)});
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch->applied, 3);
        Outbox outbox(*other);
        const qint64 revs[] = {8, 9, 10};
        for (int i = 0; i < 3; ++i)
            QVERIFY(outbox.markAcked(sentThere[i].mutationId, revs[i]).ok());

        const char *records = "SELECT id, rev, body, base_body, state, deleted FROM records ORDER BY id";
        const char *queue = "SELECT seq, record_id, status, base_rev, acked_rev, patch FROM outbox ORDER BY seq";
        QCOMPARE(dump(*m_db, records, 6), dump(*other, records, 6));
        QCOMPARE(dump(*m_db, queue, 6), dump(*other, queue, 6));
        QCOMPARE(dump(*m_db, "SELECT base_rev FROM outbox WHERE status = 'pending'"), QStringList{u"10"_s});
        QCOMPARE(RecordRepository(*m_db).baseOf(visitId(11)).value().value(u"location_detail"_s).toString(), u"the park"_s);
    }

    // Any failure fails the whole batch: nothing of it is kept.
    void failedBatchKeepsNothing()
    {
        RecordRepository repo(*m_db);
        SyncApplier applier(*m_db);
        QVERIFY(repo.save(visit(21)).ok());
        QList<OutboxEntry> sent = applier.takePending(10).value();
        QCOMPARE(sent.size(), 1);
        OutboxEntry unknown = sent.first();
        unknown.mutationId = storesamples::uuidFor(9, 1); // not in this device's outbox
        sent.append(unknown);
        Result<PushSummary> r = applier.applyPushResults(sent, QJsonArray{applied(3), applied(4)});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QCOMPARE(outboxRow(*m_db, sent.first().mutationId).status, u"sent"_s);
        QCOMPARE(repo.byId(visitId(21))->rev, 0);
        QCOMPARE(applier.applyPushResults(sent.mid(0, 1), QJsonArray{}).error().code, ErrorCode::InvalidInput);
    }

    // A pull page carries the council's visit policy; it is kept with the page (a page an older
    // service sends without one, or one this client cannot read, leaves it as it was).
    void pullPageKeepsTheCouncilsVisitPolicy()
    {
        SyncApplier applier(*m_db);
        QCOMPARE(SyncState(*m_db).visitPolicy().value().childProtection.every, 10); // the default
        const QJsonObject fortnightly{{u"child_protection"_s, QJsonObject{{u"every"_s, 14}, {u"unit"_s, u"calendar_days"_s}}}};
        QVERIFY(applier.applyPullPage({}, {}, u"c1"_s, nullptr, QJsonObject{{u"visit_policy"_s, fortnightly}}).ok());
        VisitPolicy kept = SyncState(*m_db).visitPolicy().value();
        QCOMPARE(kept.childProtection.every, 14);
        QCOMPARE(kept.childProtection.unit, FrequencyUnit::CalendarDays);
        QCOMPARE(kept.childInNeed.every, 20); // left out: the default
        QVERIFY(applier.applyPullPage({}, {}, u"c2"_s).ok());
        QCOMPARE(SyncState(*m_db).visitPolicy().value().childProtection.every, 14);
        const QJsonObject unreadable{{u"child_protection"_s, QJsonObject{{u"every"_s, 0}, {u"unit"_s, u"fortnights"_s}}}};
        QVERIFY(applier.applyPullPage({}, {}, u"c3"_s, nullptr, QJsonObject{{u"visit_policy"_s, unreadable}}).ok());
        QCOMPARE(SyncState(*m_db).visitPolicy().value().childProtection.every, 14);
        QCOMPARE(SyncState(*m_db).pullCursor().value(), u"c3"_s);
    }

    void pullPagesIndexAndAuditEveryRecord_data()
    {
        QTest::addColumn<bool>("prepared");
        QTest::newRow("prepared on the store thread") << false;
        QTest::newRow("prepared ahead (SyncApplier::preparePage)") << true;
    }

    // Pulled records are searchable by their newest text once the page is applied (their index
    // entries are written together at the end of the page), each received record has its audit
    // event in order, and a failed page leaves neither entries nor events behind. The same whether
    // the page's records were prepared ahead, off the store thread, or not.
    void pullPagesIndexAndAuditEveryRecord()
    {
        QFETCH(bool, prepared);
        SyncApplier syncApplier(*m_db);
        struct {
            SyncApplier &applier;
            bool prepared;
            Result<int> applyPullPage(const QJsonArray &changes, const QJsonArray &purges, const QString &cursor)
            {
                if (!prepared)
                    return applier.applyPullPage(changes, purges, cursor);
                const QList<PreparedRecord> ahead = SyncApplier::preparePage(changes);
                return applier.applyPullPage(changes, purges, cursor, &ahead);
            }
            Result<QString> pullCursor() { return applier.pullCursor(); }
        } applier{syncApplier, prepared};
        RecordRepository repo(*m_db);
        const QJsonObject child = storesamples::child(storesamples::uuidFor(1, 1), u"Amira"_s, u"Hassan"_s);
        QJsonArray page1{change(child, 1), change(visit(31, u"kangaroo"_s), 2), change(visit(32, u"platypus"_s), 3),
                         change(visit(31, u"wombat"_s), 4)}; // the same record twice in one page
        Result<int> first = applier.applyPullPage(page1, {}, u"cursor-1"_s);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first.value(), 4);
        QCOMPARE(idsOf(repo.search(u"wombat"_s)), QStringList{visitId(31)});
        QCOMPARE(idsOf(repo.search(u"kangaroo"_s)), QStringList{});
        QCOMPARE(idsOf(repo.search(u"platypus"_s)), QStringList{visitId(32)});
        QCOMPARE(idsOf(repo.search(u"Ami"_s)), QStringList{child.value(u"id").toString()});
        QCOMPARE(repo.byId(visitId(31))->rev, 4);
        // What the row is found by: its state, its event time and the child it names.
        const QJsonObject v32 = visit(32, u"platypus"_s);
        Statement row = m_db->prepare("SELECT state, event_at, (SELECT group_concat(child_id) FROM record_children"
                                      " WHERE record_id = r.id) FROM records r WHERE id = ?1");
        row.bind(1, visitId(32));
        QVERIFY(row.step().value());
        QCOMPARE(row.text(0), v32.value(u"state").toString());
        QCOMPARE(row.text(1), wire::eventTimeOf(v32).toUTC().toString(Qt::ISODate));
        QVERIFY(!row.text(1).isEmpty());
        QCOMPARE(row.text(2), wire::childIdsOf(v32).join(u','));
        QCOMPARE(row.text(2), storesamples::uuidFor(1, 1));
        row.reset();
        QList<AuditEvent> received = eventsOf(*m_db, u"record.received"_s);
        QStringList order;
        for (const AuditEvent &e : received)
            order << e.recordId;
        QCOMPARE(order, (QStringList{child.value(u"id").toString(), visitId(31), visitId(32), visitId(31)}));

        // An update and a purge in the next page replace and remove index entries.
        QJsonArray page2{change(visit(32, u"echidna"_s), 5)};
        QVERIFY(applier.applyPullPage(page2, QJsonArray{visitId(31)}, u"cursor-2"_s).ok());
        QCOMPARE(idsOf(repo.search(u"echidna"_s)), QStringList{visitId(32)});
        QCOMPARE(idsOf(repo.search(u"platypus"_s)), QStringList{});
        QCOMPARE(idsOf(repo.search(u"wombat"_s)), QStringList{});
        QCOMPARE(repo.byId(visitId(31)).error().code, ErrorCode::NotFound);

        // A page that fails part-way (the store refuses a write) is rolled back whole.
        QVERIFY(m_db->exec(QStringLiteral("CREATE TEMP TRIGGER refuse_34 BEFORE INSERT ON records WHEN NEW.id = '%1'"
                                          " BEGIN SELECT RAISE(ABORT, 'injected storage failure'); END").arg(visitId(34)).toUtf8().constData()).ok());
        QJsonArray page3{change(visit(33, u"quokka"_s), 6), change(visit(32, u"numbat"_s), 7), change(visit(34), 8)};
        QVERIFY(!applier.applyPullPage(page3, {}, u"cursor-3"_s).ok());
        QVERIFY(m_db->exec("DROP TRIGGER temp.refuse_34").ok());
        QCOMPARE(applier.pullCursor().value(), u"cursor-2"_s);
        QCOMPARE(idsOf(repo.search(u"quokka"_s)), QStringList{});
        QCOMPARE(idsOf(repo.search(u"numbat"_s)), QStringList{});
        QCOMPARE(idsOf(repo.search(u"echidna"_s)), QStringList{visitId(32)});
        QCOMPARE(repo.byId(visitId(33)).error().code, ErrorCode::NotFound);
        QCOMPARE(eventsOf(*m_db, u"record.received"_s).size(), 5);

        // The next page after the failure applies normally.
        QVERIFY(applier.applyPullPage(QJsonArray{change(visit(33, u"quokka"_s), 6)}, {}, u"cursor-3"_s).ok());
        QCOMPARE(idsOf(repo.search(u"quokka"_s)), QStringList{visitId(33)});
        QCOMPARE(eventsOf(*m_db, u"record.received"_s).size(), 6);
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
        // FTS5's own consistency check of both indexes against their content.
        QVERIFY(m_db->exec("INSERT INTO search_text(search_text) VALUES ('integrity-check')").ok());
        QVERIFY(m_db->exec("INSERT INTO search_names(search_names) VALUES ('integrity-check')").ok());
    }

    // A pulled record this version cannot store (written by a newer Doorstep, or malformed) is held,
    // not a reason to stop: the page and the pages after it apply, and the record is kept until a
    // later revision is stored, a purge removes it, or an updated app can read it.
    void recordsThisVersionCannotStoreAreHeld()
    {
        SyncApplier applier(*m_db);
        RecordRepository repo(*m_db);
        HeldRecords held(*m_db);
        auto newer = [](int n) {
            QJsonObject v = visit(n);
            v.insert(u"schema"_s, wire::kSchemaVersion + 1);
            v.insert(u"field_of_a_later_version"_s, u"x"_s);
            return v;
        };
        QJsonObject malformed = visit(33);
        malformed.insert(u"no_such_field"_s, true);
        const QJsonObject child = storesamples::child(storesamples::uuidFor(1, 1), u"Amira"_s, u"Hassan"_s);
        const QJsonArray page1{change(child, 1), change(visit(31), 2), change(newer(32), 3), change(malformed, 4), change(visit(34), 5)};
        const QList<PreparedRecord> ahead = SyncApplier::preparePage(page1);
        Result<int> first = applier.applyPullPage(page1, {}, u"cursor-1"_s, &ahead);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first.value(), 5);
        QCOMPARE(applier.pullCursor().value(), u"cursor-1"_s);
        QCOMPARE(repo.byId(visitId(31))->rev, 2);
        QCOMPARE(repo.byId(visitId(34))->rev, 5);
        QCOMPARE(repo.byId(visitId(32)).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.byId(visitId(33)).error().code, ErrorCode::NotFound);
        QList<HeldRecord> kept = held.all().value();
        QCOMPARE(kept.size(), 2);
        std::sort(kept.begin(), kept.end(), [](const HeldRecord &a, const HeldRecord &b) { return a.rev < b.rev; });
        QCOMPARE(kept[0].recordId, visitId(32));
        QCOMPARE(kept[0].rev, 3);
        QVERIFY(kept[0].needsNewerVersion());
        QCOMPARE(kept[0].body, newer(32));
        QCOMPARE(kept[0].heldSchema, wire::kSchemaVersion);
        QCOMPARE(kept[1].recordId, visitId(33));
        QVERIFY(!kept[1].needsNewerVersion());
        QVERIFY2(kept[1].reason.contains(u"no_such_field"_s), qPrintable(kept[1].reason));
        QStringList heldEvents;
        for (const AuditEvent &e : eventsOf(*m_db, u"record.held"_s))
            heldEvents << e.recordId;
        QCOMPARE(heldEvents, (QStringList{visitId(32), visitId(33)}));

        // A later revision this version cannot read is held over an earlier copy the device keeps;
        // an older revision never replaces a newer held one; a readable revision settles it.
        QVERIFY(applier.applyPullPage(QJsonArray{change(newer(31), 6), change(visit(33, u"mended"_s), 7)}, {}, u"cursor-2"_s).ok());
        QCOMPARE(repo.byId(visitId(31))->rev, 2);
        QCOMPARE(repo.byId(visitId(33))->rev, 7);
        QVERIFY(held.hold(visitId(31), 4, newer(31), Error(ErrorCode::InvalidInput, u"older"_s)).ok());
        kept = held.all().value();
        QCOMPARE(kept.size(), 2);
        for (const HeldRecord &h : kept)
            QVERIFY2(h.recordId != visitId(31) || h.rev == 6, "an older revision replaced a newer held one");

        // A purge removes a held record as it removes a stored one.
        QVERIFY(applier.applyPullPage({}, QJsonArray{visitId(32)}, u"cursor-3"_s).ok());
        QCOMPARE(held.ids().value(), QSet<QString>{visitId(31)});

        // An updated app: records held by a version that read an older schema are tried once more,
        // before the next page. One it can read now is stored; one it still cannot stays held and
        // is not tried again by this version.
        QJsonObject nowReadable = visit(31, u"readable after the update"_s);
        QVERIFY(m_db->exec(QStringLiteral("UPDATE held_records SET held_schema = 0, body = '%1' WHERE record_id = '%2'")
                               .arg(QString::fromUtf8(wire::encode(nowReadable)), visitId(31)).toUtf8().constData()).ok());
        QVERIFY(held.hold(visitId(35), 8, newer(35), Error(ErrorCode::InvalidInput, u"newer"_s, u"schema"_s)).ok());
        QVERIFY(m_db->exec(QStringLiteral("UPDATE held_records SET held_schema = 0 WHERE record_id = '%1'").arg(visitId(35)).toUtf8().constData()).ok());
        QVERIFY(applier.applyPullPage({}, {}, u"cursor-4"_s).ok());
        QCOMPARE(repo.byId(visitId(31))->rev, 6);
        QCOMPARE(repo.byId(visitId(31))->body, nowReadable);
        kept = held.all().value();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept[0].recordId, visitId(35));
        QCOMPARE(kept[0].heldSchema, wire::kSchemaVersion);
        QVERIFY2(kept[0].reason.contains(u"newer version"_s), qPrintable(kept[0].reason));
        QVERIFY(held.heldBeforeThisVersion().value().isEmpty());
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
    }

private:
    std::unique_ptr<Database> open()
    {
        ++m_n;
        Result<std::unique_ptr<Database>> db =
            Database::open(m_dir.filePath(QStringLiteral("applier-%1.db").arg(m_n)), storesamples::testKey());
        if (!db.ok())
            qFatal("cannot open the test store: %s", qPrintable(db.error().message));
        db.value()->setActor(u"worker-1"_s);
        return std::move(db).value();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestSyncApplier)
#include "tst_syncapplier.moc"
