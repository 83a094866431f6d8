// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/store/auditlog.h"
#include "core/store/changerecordingsuspender.h"
#include "core/store/childrepository.h"
#include "core/store/conflictstore.h"
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/store/transaction.h"
#include "core/store/typedrepository.h"
#include "core/wire.h"
#include "storesamples.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace doorstep;
using namespace Qt::StringLiterals;

namespace {

const QString kChild = storesamples::uuidFor(1, 1);
const QString kVisit = storesamples::uuidFor(2, 1);

QJsonObject directWork(const QString &id, const QString &childId, const QString &date)
{
    return QJsonObject{{u"schema"_s, 1}, {u"type"_s, u"direct_work"_s}, {u"id"_s, id}, {u"state"_s, u"draft"_s},
                       {u"author"_s, u"fsw-2"_s}, {u"created_at"_s, date + u"T14:00:00Z"_s},
                       {u"child_ids"_s, QJsonArray{childId}}, {u"session_date"_s, date},
                       {u"activity"_s, u"wishes_and_feelings"_s}, {u"tools_used"_s, u"Three houses"_s},
                       {u"child_words"_s, u"My worry house has the shouting in it."_s}};
}

QJsonObject supervision(const QString &id, const QString &childId)
{
    return QJsonObject{{u"schema"_s, 1}, {u"type"_s, u"supervision"_s}, {u"id"_s, id}, {u"state"_s, u"draft"_s},
                       {u"author"_s, u"manager-1"_s}, {u"created_at"_s, u"2025-02-01T09:00:00Z"_s},
                       {u"child_id"_s, childId}, {u"worker"_s, u"worker-1"_s}, {u"held_on"_s, u"2025-02-01"_s},
                       {u"discussion"_s, u"Progress on the plan."_s}, {u"decisions"_s, u"Stay on plan."_s}};
}

QJsonObject review(const QString &id, const QString &recordId)
{
    return QJsonObject{{u"schema"_s, 1}, {u"type"_s, u"review"_s}, {u"id"_s, id},
                       {u"created_at"_s, u"2025-03-06T09:00:00Z"_s}, {u"record_id"_s, recordId},
                       {u"decision"_s, u"return"_s}, {u"rationale"_s, u"Please add the child's presentation."_s},
                       {u"manager"_s, u"manager-1"_s}, {u"decided_at"_s, u"2025-03-06T09:00:00Z"_s}, {u"seen_rev"_s, 7}};
}

int countRows(Database &db, const char *table)
{
    const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table;
    return db.queryText(sql.constData()).value().toInt();
}

} // namespace

/** Repositories over a real encrypted file: saves, queries, outbox, audit chain, sync paths. */
class TestRepositories : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        ++m_n;
        Result<std::unique_ptr<Database>> db =
            Database::open(m_dir.filePath(QStringLiteral("repo-%1.db").arg(m_n)), storesamples::testKey());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(db).value();
        m_db->setActor(u"worker-1"_s);
    }
    void cleanup() { m_db.reset(); }

    void saveAndReadEveryType_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addRow("child") << storesamples::child(kChild, u"Amira"_s, u"Hassan"_s);
        QTest::addRow("visit") << storesamples::visit(kVisit, kChild, 1);
        QTest::addRow("direct_work") << directWork(storesamples::uuidFor(4, 1), kChild, u"2025-01-02"_s);
        QTest::addRow("supervision") << supervision(storesamples::uuidFor(5, 1), kChild);
    }
    void saveAndReadEveryType()
    {
        QFETCH(QJsonObject, record);
        RecordRepository repo(*m_db);
        Result<StoredRecord> saved = repo.save(record);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message + u" @ "_s + saved.error().field));
        QCOMPARE(saved->body, record);
        QCOMPARE(saved->rev, 0);
        Result<StoredRecord> read = repo.byId(record.value(u"id").toString());
        QVERIFY(read.ok());
        QCOMPARE(read->body, record);
        QCOMPARE(read->type, record.value(u"type").toString());
        // One transaction wrote the record, one outbox mutation (the whole record) and one audit event.
        const QList<OutboxEntry> pending = Outbox(*m_db).pending().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().recordId, record.value(u"id").toString());
        // Identity travels in the mutation, not in the patch; a new record's patch also names its
        // schema, so the service stores the version this device wrote.
        QJsonObject content = record;
        for (const QString &f : wire::identityFields())
            content.remove(f);
        content.insert(u"schema"_s, record.value(u"schema"));
        QCOMPARE(pending.first().patch, content);
        QCOMPARE(pending.first().baseRev, 0);
        QCOMPARE(pending.first().status, u"pending"_s);
        const QList<AuditEvent> events = AuditLog(*m_db).events().value();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().action, u"record.created"_s);
        QCOMPARE(events.first().actor, u"worker-1"_s);
    }

    void typedFacadesKeepToTheirType()
    {
        VisitRepository visits(*m_db);
        ChildRepository children(*m_db);
        Result<StoredRecord> wrong = visits.save(storesamples::childNumber(3));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().field, u"type"_s);
        QVERIFY(children.save(storesamples::child(kChild, u"Amira"_s, u"Hassan"_s)).ok());
        QVERIFY(visits.save(storesamples::visit(kVisit, kChild, 1)).ok());
        QVERIFY(DirectWorkRepository(*m_db).save(directWork(storesamples::uuidFor(4, 1), kChild, u"2025-01-02"_s)).ok());
        QVERIFY(SupervisionRepository(*m_db).save(supervision(storesamples::uuidFor(5, 1), kChild)).ok());
        QCOMPARE(visits.byId(kChild).error().code, ErrorCode::NotFound);
        QCOMPARE(children.byId(kChild)->id, kChild);
        QCOMPARE(visits.forChild(kChild).value().size(), 1);
        QCOMPARE(visits.all().value().size(), 1);
        QCOMPARE(children.caseload().value().size(), 1);
        QCOMPARE(children.chronology(kChild).value().size(), 3);
        QVERIFY(RecordRepository(*m_db).applyRemote(review(storesamples::uuidFor(6, 1), kVisit), 3).ok());
        QCOMPARE(ReviewRepository(*m_db).all().value().size(), 1);
    }

    void updateQueuesOnlyChangedFields()
    {
        RecordRepository repo(*m_db);
        Outbox outbox(*m_db);
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1);
        QVERIFY(repo.save(visit).ok());
        const QString first = outbox.pending().value().first().mutationId;

        // Before it is sent, a second edit folds into the same mutation (same id, same place).
        visit.insert(u"rationale"_s, u"Changed reason"_s);
        QVERIFY(repo.save(visit).ok());
        QList<OutboxEntry> pending = outbox.pending().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().mutationId, first);
        QCOMPARE(pending.first().patch.value(u"rationale").toString(), u"Changed reason"_s);

        // Once sent, a further edit is a new mutation carrying only the changed top-level fields.
        QVERIFY(outbox.markSent({first}).ok());
        visit.insert(u"analysis_risks"_s, u"None seen"_s);
        visit.remove(u"diversity"_s);
        QVERIFY(repo.save(visit).ok());
        pending = outbox.pending().value();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).status, u"sent"_s);
        QCOMPARE(pending.at(0).attempts, 1);
        QCOMPARE(pending.at(1).patch,
                 (QJsonObject{{u"analysis_risks"_s, u"None seen"_s}, {u"diversity"_s, QJsonValue::Null}}));
        QVERIFY(pending.at(0).seq < pending.at(1).seq);

        // The service acknowledges the first: the record takes its revision, the base gets the patch,
        // and the unsent mutation is now based on that revision.
        QVERIFY(outbox.markAcked(first, 5).ok());
        QVERIFY(outbox.markAcked(first, 5).ok()); // a repeated answer is harmless
        QCOMPARE(repo.byId(kVisit)->rev, 5);
        QCOMPARE(repo.baseOf(kVisit).value().value(u"rationale").toString(), u"Changed reason"_s);
        pending = outbox.pending().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().baseRev, 5);
        QCOMPARE(outbox.unsyncedCount().value(), 1);

        // Saving the same content again changes nothing and queues nothing.
        const int audits = countRows(*m_db, "audit");
        QVERIFY(repo.save(visit).ok());
        QCOMPARE(outbox.pending().value().size(), 1);
        QCOMPARE(countRows(*m_db, "audit"), audits);
    }

    void outboxKeepsDeviceOrderAcrossRecords()
    {
        // Edits of a record are folded only into the newest mutation, never moved ahead of
        // other records' changes made in between.
        RecordRepository repo(*m_db);
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1);
        QVERIFY(repo.save(visit).ok());
        QVERIFY(repo.save(storesamples::child(kChild, u"Amira"_s, u"Hassan"_s)).ok());
        visit.insert(u"rationale"_s, u"after the child"_s);
        QVERIFY(repo.save(visit).ok());
        const QList<OutboxEntry> pending = Outbox(*m_db).pending().value();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(0).recordId, kVisit);
        QCOMPARE(pending.at(1).recordId, kChild);
        QCOMPARE(pending.at(2).recordId, kVisit);
        QCOMPARE(pending.at(2).patch, (QJsonObject{{u"rationale"_s, u"after the child"_s}}));
        QVERIFY(pending.at(0).seq < pending.at(1).seq && pending.at(1).seq < pending.at(2).seq);
    }

    void failedSaveLeavesNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::addRow("bad id") << u"id"_s << QJsonValue(u"not-a-uuid"_s) << u"id"_s;
        QTest::addRow("unknown enum") << u"visit_type"_s << QJsonValue(u"casual"_s) << u"visit_type"_s;
        QTest::addRow("impossible date") << u"started_at"_s << QJsonValue(u"2026-02-30T10:00:00Z"_s) << u"started_at"_s;
        QTest::addRow("unknown field") << u"colour"_s << QJsonValue(u"blue"_s) << u"colour"_s;
    }
    void failedSaveLeavesNothing()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        DraftStore drafts(*m_db);
        QVERIFY(drafts.put(u"visit-form"_s, u"{\"rationale\": \"unfinished"_s).ok());
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1);
        visit.insert(path, value);
        Result<StoredRecord> r = RecordRepository(*m_db).save(visit, u"visit-form"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY2(r.error().field.contains(field), qPrintable(r.error().field));
        QCOMPARE(countRows(*m_db, "records"), 0);
        QCOMPARE(countRows(*m_db, "outbox"), 0);
        QCOMPARE(countRows(*m_db, "audit"), 0);
        QCOMPARE(drafts.get(u"visit-form"_s).value().value(), u"{\"rationale\": \"unfinished"_s);
    }

    void failedWriteRollsBackEverything()
    {
        // A failure after the record row is written (here: the audit insert refused, standing in
        // for a full disk) must undo the record, its children, search entry and outbox mutation.
        RecordRepository repo(*m_db);
        QVERIFY(repo.save(storesamples::child(kChild, u"Amira"_s, u"Hassan"_s)).ok());
        QVERIFY(DraftStore(*m_db).put(u"visit-form"_s, u"draft text"_s).ok());
        QVERIFY(m_db->exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON main.audit "
                           "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END").ok());
        Result<StoredRecord> r = repo.save(storesamples::visit(kVisit, kChild, 1, u"brambleberry"_s), u"visit-form"_s);
        QVERIFY(!r.ok());
        QVERIFY(m_db->exec("DROP TRIGGER fail_audit").ok());
        QCOMPARE(repo.byId(kVisit).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.chronology(kChild).value().size(), 0);
        QCOMPARE(repo.search(u"brambleberry"_s).value().size(), 0);
        QCOMPARE(Outbox(*m_db).pending().value().size(), 1); // only the child's
        QCOMPARE(countRows(*m_db, "audit"), 1);
        QCOMPARE(DraftStore(*m_db).get(u"visit-form"_s).value().value(), u"draft text"_s);
        QVERIFY(!m_db->inTransaction());
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
        // And the same save then succeeds and removes the draft in its transaction.
        QVERIFY(repo.save(storesamples::visit(kVisit, kChild, 1, u"brambleberry"_s), u"visit-form"_s).ok());
        QVERIFY(!DraftStore(*m_db).get(u"visit-form"_s).value().has_value());
    }

    void nestedTransactionsRollBackTogether()
    {
        RecordRepository repo(*m_db);
        {
            Transaction outer(*m_db);
            QVERIFY(outer.ok());
            QVERIFY(repo.save(storesamples::childNumber(1)).ok());
            QVERIFY(repo.save(storesamples::childNumber(2)).ok());
            QCOMPARE(repo.count().value(), 2);
        } // rolled back
        QCOMPARE(repo.count().value(), 0);
        QCOMPARE(countRows(*m_db, "outbox"), 0);
        QCOMPARE(countRows(*m_db, "audit"), 0);
    }

    void approvedRecordsAreLocked()
    {
        RecordRepository repo(*m_db);
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1);
        visit.insert(u"state"_s, u"approved"_s);
        visit.insert(u"reviewed_by"_s, u"manager-1"_s);
        visit.insert(u"reviewed_at"_s, u"2025-02-01T10:00:00Z"_s);
        // The client cannot approve its own record...
        Result<StoredRecord> self = repo.save(visit);
        QVERIFY(!self.ok());
        QCOMPARE(self.error().code, ErrorCode::Forbidden);
        // ...the service can, and then local edits are refused: corrections are amendments.
        QVERIFY(repo.applyRemote(visit, 4).ok());
        visit.insert(u"rationale"_s, u"edited after approval"_s);
        Result<StoredRecord> edit = repo.save(visit);
        QVERIFY(!edit.ok());
        QCOMPARE(edit.error().code, ErrorCode::Locked);
        QCOMPARE(repo.byId(kVisit)->body.value(u"rationale").toString(),
                 storesamples::visit(kVisit, kChild, 1).value(u"rationale").toString());
    }

    // A form was open while a pull changed its record. Saving puts the person's edit onto the
    // newer copy: what only the service changed stays (before, the whole form was saved and the
    // pulled change was reverted on the tablet and then on the service); a field both changed
    // keeps the person's value with a conflict entry holding the other; a submit's state stands.
    void editSavedOntoANewerCopy()
    {
        RecordRepository repo(*m_db);
        const QJsonObject opened = storesamples::visit(kVisit, kChild, 1);
        QVERIFY(repo.applyRemote(opened, 3).ok());
        QJsonObject pulled = opened;
        pulled.insert(u"present"_s, u"Mother and the child's grandfather"_s);
        pulled.insert(u"analysis_risks"_s, u"The service's analysis"_s);
        pulled.insert(u"state"_s, u"returned"_s);
        pulled.insert(u"return_reason"_s, u"Say why the child was not seen alone."_s);
        QVERIFY(repo.applyRemote(pulled, 4).ok());

        QJsonObject edited = opened;
        edited.insert(u"rationale"_s, u"Rationale written while the pull came in."_s);
        edited.insert(u"analysis_risks"_s, u"The worker's analysis"_s);
        edited.insert(u"state"_s, u"submitted"_s);
        Result<StoredRecord> saved = repo.saveEdit(opened, edited, {}, {u"state"_s, u"submitted_at"_s});
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        const QJsonObject body = repo.byId(kVisit)->body;
        QCOMPARE(body.value(u"present").toString(), u"Mother and the child's grandfather"_s);
        QCOMPARE(body.value(u"return_reason").toString(), u"Say why the child was not seen alone."_s);
        QCOMPARE(body.value(u"rationale").toString(), u"Rationale written while the pull came in."_s);
        QCOMPARE(body.value(u"analysis_risks").toString(), u"The worker's analysis"_s);
        QCOMPARE(body.value(u"state").toString(), u"submitted"_s);
        QCOMPARE(saved.value().body, body);
        // Only what the person changed is queued for the service.
        const QList<OutboxEntry> queued = Outbox(*m_db).pending(10).value();
        QCOMPARE(queued.size(), 1);
        QStringList keys = queued.first().patch.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"analysis_risks"_s, u"rationale"_s, u"state"_s}));
        QCOMPARE(queued.first().baseRev, 4);
        // The field both changed is a conflict for a person, with the service's value kept.
        const QList<ConflictEntry> conflicts = ConflictStore(*m_db).forRecord(kVisit).value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().field, u"analysis_risks"_s);
        QCOMPARE(conflicts.first().theirs.toString(), u"The service's analysis"_s);
        QCOMPARE(conflicts.first().mine.toString(), u"The worker's analysis"_s);
        QCOMPARE(conflicts.first().theirsRev, 4);

        // Nothing changed meanwhile: a plain save.
        QJsonObject again = body;
        again.insert(u"present"_s, u"Mother only"_s);
        QVERIFY(repo.saveEdit(body, again).ok());
        QCOMPARE(repo.byId(kVisit)->body, again);
        QCOMPARE(ConflictStore(*m_db).forRecord(kVisit).value().size(), 1);
    }

    void serviceOwnedFieldsAreRefused()
    {
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1);
        visit.insert(u"return_reason"_s, u"I returned it myself"_s);
        Result<StoredRecord> r = RecordRepository(*m_db).save(visit);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Forbidden);
        QCOMPARE(r.error().field, u"return_reason"_s);
        QCOMPARE(countRows(*m_db, "records"), 0);
    }

    void caseloadAndChronology()
    {
        RecordRepository repo(*m_db);
        QVERIFY(repo.save(storesamples::child(kChild, u"Zofia"_s, u"Nowak"_s)).ok());
        QVERIFY(repo.save(storesamples::child(storesamples::uuidFor(1, 2), u"Amira"_s, u"Hassan"_s)).ok());
        QVERIFY(repo.save(storesamples::child(storesamples::uuidFor(1, 3), u"Jayden"_s, u"hassan"_s)).ok());
        const QStringList order = [&] {
            QStringList names;
            const QList<StoredRecord> caseload = repo.caseload().value(); // keep the list alive
            for (const StoredRecord &r : caseload)
                names << r.body.value(u"first_name").toString();
            return names;
        }();
        QCOMPARE(order, (QStringList{u"Amira"_s, u"Jayden"_s, u"Zofia"_s}));

        // Saved out of order; the chronology sorts by event time (visit start, session date, ...).
        QVERIFY(repo.save(storesamples::visit(storesamples::uuidFor(2, 30), kChild, 30)).ok());
        QVERIFY(repo.save(directWork(storesamples::uuidFor(4, 1), kChild, u"2025-01-01"_s)).ok());
        QVERIFY(repo.save(storesamples::visit(storesamples::uuidFor(2, 10), kChild, 10)).ok());
        QVERIFY(repo.save(storesamples::visit(storesamples::uuidFor(2, 99), storesamples::uuidFor(1, 2), 99)).ok());
        QVERIFY(repo.save(supervision(storesamples::uuidFor(5, 1), kChild)).ok());
        QStringList ids;
        const QList<StoredRecord> chronology = repo.chronology(kChild).value();
        for (const StoredRecord &r : chronology)
            ids << r.id;
        QCOMPARE(ids, (QStringList{storesamples::uuidFor(4, 1), storesamples::uuidFor(2, 10),
                                   storesamples::uuidFor(2, 30), storesamples::uuidFor(5, 1)}));
        // A visit that stops mentioning a child leaves that child's chronology.
        QJsonObject moved = storesamples::visit(storesamples::uuidFor(2, 30), storesamples::uuidFor(1, 3), 30);
        QVERIFY(repo.save(moved).ok());
        QCOMPARE(repo.chronology(kChild).value().size(), 3);
        QCOMPARE(repo.chronology(storesamples::uuidFor(1, 3)).value().size(), 1);
    }

    void search_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("hits");
        QTest::addRow("name prefix") << u"ami"_s << 1;
        QTest::addRow("surname any case") << u"HASS"_s << 1;
        QTest::addRow("preferred part of two names") << u"amira hass"_s << 1;
        QTest::addRow("narrative word") << u"marmalade"_s << 1;
        QTest::addRow("narrative words are whole words") << u"marm"_s << 0;
        QTest::addRow("one-letter name prefix is not a prefix") << u"z"_s << 0;
        QTest::addRow("apostrophe name") << u"O'Neill"_s << 1;
        QTest::addRow("diacritics folded") << u"zoe"_s << 1;
        QTest::addRow("no match") << u"xylophone"_s << 0;
        QTest::addRow("empty") << u"   "_s << 0;
        QTest::addRow("quote injection") << u"\"marmalade"_s << 1;
        QTest::addRow("operators are words") << u"marmalade OR NOT NEAR("_s << 0;
        QTest::addRow("column filter is text") << u"names:ami"_s << 0;
        QTest::addRow("star and caret") << u"*^ami"_s << 1;
        QTest::addRow("brackets") << u"{names body}: ami)"_s << 0;
    }
    void search()
    {
        QFETCH(QString, query);
        QFETCH(int, hits);
        RecordRepository repo(*m_db);
        QVERIFY(repo.save(storesamples::child(kChild, u"Amira"_s, u"Hassan"_s)).ok());
        QVERIFY(repo.save(storesamples::child(storesamples::uuidFor(1, 2), u"Zoë"_s, u"O'Neill"_s)).ok());
        QVERIFY(repo.save(storesamples::visit(kVisit, storesamples::uuidFor(1, 2), 1, u"I like marmalade toast."_s)).ok());
        Result<QList<StoredRecord>> r = repo.search(query);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().size(), hits);
    }

    void searchFollowsEditsAndRanksNamesFirst()
    {
        RecordRepository repo(*m_db);
        QVERIFY(repo.save(storesamples::child(kChild, u"Grace"_s, u"Evans"_s)).ok());
        QVERIFY(repo.save(storesamples::visit(kVisit, kChild, 1, u"Grace said she likes school"_s)).ok());
        QList<StoredRecord> hits = repo.search(u"grace"_s).value();
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits.first().id, kChild);
        QVERIFY(repo.save(storesamples::visit(kVisit, kChild, 1, u"nothing to note"_s)).ok());
        QCOMPARE(repo.search(u"grace"_s).value().size(), 1);
    }

    void maintenanceKeepsEverythingUsable()
    {
        RecordRepository repo(*m_db);
        QVERIFY(repo.save(storesamples::child(kChild, u"Grace"_s, u"Evans"_s)).ok());
        for (int i = 0; i < 30; ++i)
            QVERIFY(repo.save(storesamples::visit(storesamples::uuidFor(2, i), kChild, i, u"quokka"_s)).ok());
        QVERIFY(m_db->runMaintenance().ok());
        QVERIFY(m_db->checkpoint().ok());
        QCOMPARE(repo.search(u"quokka"_s).value().size(), 30);
        QCOMPARE(repo.search(u"gra"_s).value().first().id, kChild);
        QCOMPARE(m_db->integrityCheck().value(), u"ok"_s);
        QVERIFY(m_db->exec("INSERT INTO search_text(search_text) VALUES ('integrity-check');"
                           "INSERT INTO search_names(search_names) VALUES ('integrity-check')").ok());
    }

    void auditChainVerifies()
    {
        RecordRepository repo(*m_db);
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1, u"CANARY-SECRET-WORDS"_s);
        QVERIFY(repo.save(storesamples::child(kChild, u"Amira"_s, u"Hassan"_s)).ok());
        QVERIFY(repo.save(visit).ok());
        visit.insert(u"rationale"_s, u"CANARY-SECRET-RATIONALE"_s);
        QVERIFY(repo.save(visit).ok());
        Result<AuditCheck> check = AuditLog(*m_db).verifyChain();
        QVERIFY(check.ok());
        QVERIFY(check->intact);
        QCOMPARE(check->events, 3);
        const QList<AuditEvent> events = AuditLog(*m_db).events().value();
        QCOMPARE(events.at(2).action, u"record.updated"_s);
        QCOMPARE(events.at(2).prevHash, events.at(1).hash);
        // The audit never holds record content.
        const QString all = m_db->queryText("SELECT group_concat(at || action || ifnull(record_id, '') || "
                                            "ifnull(actor, '') || prev_hash || hash, '|') FROM audit").value();
        QVERIFY(!all.contains(u"CANARY"_s));
        QVERIFY(!all.contains(u"Amira"_s));
    }

    void auditTamperingIsDetected_data()
    {
        QTest::addColumn<QByteArray>("tamper");
        QTest::addColumn<qint64>("badSeq");
        QTest::addRow("edited action") << QByteArray("UPDATE audit SET action = 'record.viewed' WHERE seq = 2") << qint64(2);
        QTest::addRow("edited actor") << QByteArray("UPDATE audit SET actor = 'someone-else' WHERE seq = 3") << qint64(3);
        QTest::addRow("edited time") << QByteArray("UPDATE audit SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1") << qint64(1);
        QTest::addRow("deleted middle row") << QByteArray("DELETE FROM audit WHERE seq = 2") << qint64(2);
        QTest::addRow("deleted newest row") << QByteArray("DELETE FROM audit WHERE seq = 4") << qint64(4);
        QTest::addRow("deleted newest row and head rewound")
            << QByteArray("DELETE FROM audit WHERE seq = 4; UPDATE audit_head SET seq = 3, hash = 'x'") << qint64(4);
        QTest::addRow("inserted row")
            << QByteArray("UPDATE audit SET seq = seq + 100 WHERE seq >= 3; UPDATE audit SET seq = seq - 99 WHERE seq >= 103;"
                          "INSERT INTO audit VALUES (3, '2026-01-01T00:00:00.000Z', 'record.created', NULL, 'x', "
                          "(SELECT hash FROM audit WHERE seq = 2), 'forged')")
            << qint64(3);
        QTest::addRow("reordered rows")
            << QByteArray("UPDATE audit SET seq = -2 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3;"
                          "UPDATE audit SET seq = 3 WHERE seq = -2")
            << qint64(2);
    }
    void auditTamperingIsDetected()
    {
        QFETCH(QByteArray, tamper);
        QFETCH(qint64, badSeq);
        RecordRepository repo(*m_db);
        QVERIFY(repo.save(storesamples::childNumber(1)).ok());
        QVERIFY(repo.save(storesamples::childNumber(2)).ok());
        QVERIFY(repo.save(storesamples::childNumber(3)).ok());
        QVERIFY(repo.save(storesamples::childNumber(4)).ok());
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
        QVERIFY(m_db->exec(tamper.constData()).ok());
        Result<AuditCheck> check = AuditLog(*m_db).verifyChain();
        QVERIFY(check.ok());
        QVERIFY(!check->intact);
        QCOMPARE(check->firstBadSeq, badSeq);
        QVERIFY(!check->problem.isEmpty());
    }

    void drafts()
    {
        DraftStore drafts(*m_db);
        QVERIFY(!drafts.get(u"visit-form"_s).value().has_value());
        QVERIFY(drafts.put(u"visit-form"_s, u"{\"rationale\": \"half"_s).ok()); // invalid JSON is fine
        QVERIFY(drafts.put(u"visit-form"_s, u"{\"rationale\": \"half written"_s).ok());
        QVERIFY(drafts.put(u"child-form"_s, QString()).ok());
        QCOMPARE(drafts.get(u"visit-form"_s).value().value(), u"{\"rationale\": \"half written"_s);
        QCOMPARE(drafts.keys().value().size(), 2);
        QVERIFY(!drafts.put(QString(), u"x"_s).ok());
        QVERIFY(drafts.remove(u"visit-form"_s).ok());
        QVERIFY(!drafts.get(u"visit-form"_s).value().has_value());
        QCOMPARE(drafts.keys().value(), QStringList{u"child-form"_s});
    }

    void changeRecordingSuspender()
    {
        RecordRepository repo(*m_db);
        {
            ChangeRecordingSuspender suspend(*m_db);
            QVERIFY(m_db->isChangeRecordingSuspended());
            {
                ChangeRecordingSuspender nested(*m_db);
                QVERIFY(repo.save(storesamples::childNumber(1)).ok());
            }
            QVERIFY(m_db->isChangeRecordingSuspended());
            QVERIFY(repo.save(storesamples::childNumber(2)).ok());
        }
        QVERIFY(!m_db->isChangeRecordingSuspended());
        QCOMPARE(repo.count().value(), 2);
        QCOMPARE(Outbox(*m_db).pending().value().size(), 0);
        QCOMPARE(countRows(*m_db, "audit"), 2); // still audited
        QVERIFY(repo.save(storesamples::childNumber(3)).ok());
        QCOMPARE(Outbox(*m_db).pending().value().size(), 1);
    }

    void applyRemoteQueuesNothingAndSkipsOldRevisions()
    {
        RecordRepository repo(*m_db);
        QJsonObject visit = storesamples::visit(kVisit, kChild, 1);
        Result<ApplyOutcome> first = repo.applyRemote(visit, 7);
        QVERIFY(first.ok());
        QVERIFY(!first->skipped);
        QCOMPARE(repo.byId(kVisit)->rev, 7);
        QCOMPARE(repo.baseOf(kVisit).value(), visit);
        QCOMPARE(Outbox(*m_db).pending().value().size(), 0);
        QJsonObject older = visit;
        older.insert(u"rationale"_s, u"older"_s);
        QVERIFY(repo.applyRemote(older, 6)->skipped);
        QCOMPARE(repo.byId(kVisit)->body, visit);
        // A local edit after a pull is based on the pulled revision.
        visit.insert(u"analysis_risks"_s, u"local edit"_s);
        QVERIFY(repo.save(visit).ok());
        QCOMPARE(Outbox(*m_db).pending().value().first().baseRev, 7);
    }

    void applyRemoteRebasesUnsyncedEdits()
    {
        RecordRepository repo(*m_db);
        const QJsonObject base = storesamples::visit(kVisit, kChild, 1);
        QVERIFY(repo.applyRemote(base, 3).ok());
        QJsonObject mine = base;
        mine.insert(u"analysis_risks"_s, u"mine only"_s);
        mine.insert(u"rationale"_s, u"my rationale"_s);
        QVERIFY(repo.save(mine).ok());
        QJsonObject theirs = base;
        theirs.insert(u"analysis_strengths"_s, u"theirs only"_s);
        theirs.insert(u"rationale"_s, u"their rationale"_s);
        Result<ApplyOutcome> out = repo.applyRemote(theirs, 4);
        QVERIFY(out.ok());
        QVERIFY(out->rebased);
        QCOMPARE(out->conflicts.size(), 1);
        const QJsonObject now = repo.byId(kVisit)->body;
        QCOMPARE(now.value(u"analysis_risks").toString(), u"mine only"_s);
        QCOMPARE(now.value(u"analysis_strengths").toString(), u"theirs only"_s);
        QCOMPARE(repo.byId(kVisit)->rev, 4);
        QCOMPARE(repo.baseOf(kVisit).value(), theirs);
        const QList<ConflictEntry> conflicts = ConflictStore(*m_db).forRecord(kVisit).value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().field, u"rationale"_s);
        QCOMPARE(conflicts.first().mine.toString(), u"my rationale"_s);
        QCOMPARE(conflicts.first().theirs.toString(), u"their rationale"_s);
        QCOMPARE(conflicts.first().base.toString(), base.value(u"rationale").toString());
        QCOMPARE(conflicts.first().theirsRev, 4);
        // Editing the field again, with others in the same save: "mine" shows the new wording.
        QJsonObject edited = repo.byId(kVisit)->body;
        edited.insert(u"analysis_risks"_s, u"mine, reworded"_s);
        edited.insert(u"rationale"_s, u"my rationale, reworded"_s);
        edited.insert(u"present"_s, u"Child and mother"_s);
        QVERIFY(repo.save(edited).ok());
        QCOMPARE(ConflictStore(*m_db).forRecord(kVisit).value().first().mine.toString(), u"my rationale, reworded"_s);
        QCOMPARE(ConflictStore(*m_db).forRecord(kVisit).value().size(), 1);
        QVERIFY(ConflictStore(*m_db).remove(kVisit, u"rationale"_s).ok());
        QCOMPARE(ConflictStore(*m_db).remove(kVisit, u"rationale"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(ConflictStore(*m_db).count().value(), 0);
    }

    void pageAndCursorCommitTogether()
    {
        RecordRepository repo(*m_db);
        SyncState state(*m_db);
        QCOMPARE(state.pullCursor().value(), QString());
        QList<RemoteRecord> page{{storesamples::childNumber(1), 1}, {storesamples::childNumber(2), 2}};
        QVERIFY(repo.applyRemotePage(page, u"cursor-1"_s).ok());
        QCOMPARE(state.pullCursor().value(), u"cursor-1"_s);
        QCOMPARE(repo.count().value(), 2);
        // A page with a bad record applies nothing and leaves the cursor where it was.
        QJsonObject bad = storesamples::childNumber(4);
        bad.insert(u"legal_status"_s, u"unknown"_s);
        QList<RemoteRecord> page2{{storesamples::childNumber(3), 3}, {bad, 4}};
        QVERIFY(!repo.applyRemotePage(page2, u"cursor-2"_s).ok());
        QCOMPARE(state.pullCursor().value(), u"cursor-1"_s);
        QCOMPARE(repo.count().value(), 2);
        QCOMPARE(Outbox(*m_db).pending().value().size(), 0);
    }

    void pageAuditsEachReceivedRecordOnce()
    {
        // One "record.received" event per pulled record, in page order, written in one pass; a page
        // that fails leaves none behind, not even at the next flush; the chain stays intact.
        RecordRepository repo(*m_db);
        const QList<RemoteRecord> page{{storesamples::childNumber(1), 1}, {storesamples::childNumber(2), 2},
                                       {storesamples::childNumber(3), 3}};
        QVERIFY(repo.applyRemotePage(page, u"cursor-1"_s).ok());
        QList<AuditEvent> events = AuditLog(*m_db).events().value();
        QCOMPARE(events.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(events[i].action, u"record.received"_s);
            QCOMPARE(events[i].recordId, page[i].record.value(u"id").toString());
        }
        QJsonObject bad = storesamples::childNumber(5);
        bad.insert(u"legal_status"_s, u"unknown"_s);
        QVERIFY(!repo.applyRemotePage({{storesamples::childNumber(4), 4}, {bad, 5}}, u"cursor-2"_s).ok());
        QVERIFY(repo.save(storesamples::childNumber(6)).ok());
        events = AuditLog(*m_db).events().value();
        QCOMPARE(events.size(), 4);
        QCOMPARE(events.last().action, u"record.created"_s);
        QCOMPARE(events.last().recordId, storesamples::childNumber(6).value(u"id").toString());
        const AuditCheck check = AuditLog(*m_db).verifyChain().value();
        QVERIFY2(check.intact, qPrintable(check.problem));
        QCOMPARE(check.events, 4);
    }

    void quarantineAndRequeue()
    {
        RecordRepository repo(*m_db);
        Outbox outbox(*m_db);
        QVERIFY(repo.save(storesamples::childNumber(1)).ok());
        QVERIFY(repo.save(storesamples::childNumber(2)).ok());
        const QList<OutboxEntry> pending = outbox.pending().value();
        QCOMPARE(pending.size(), 2);
        QVERIFY(outbox.markFailed(pending.at(0).mutationId, u"timeout"_s).ok());
        QCOMPARE(outbox.pending().value().first().lastError, u"timeout"_s);
        QVERIFY(outbox.quarantine(pending.at(0).mutationId, u"This child is not allocated to you."_s, u"forbidden"_s, u"patch"_s).ok());
        QCOMPARE(outbox.pending().value().size(), 1); // no longer blocks the others
        QCOMPARE(outbox.pending().value().first().mutationId, pending.at(1).mutationId);
        const OutboxEntry refused = outbox.quarantined().value().first();
        QCOMPARE(refused.lastError, u"This child is not allocated to you."_s);
        QCOMPARE(refused.errorCode, u"forbidden"_s);
        QCOMPARE(refused.errorField, u"patch"_s);
        QCOMPARE(outbox.unsyncedCount().value(), 2); // never dropped
        QCOMPARE(outbox.requeue(pending.at(1).mutationId).error().code, ErrorCode::Conflict); // not quarantined

        // Sent again, it goes under a new id (the service would replay its refusal of the old one),
        // in its place in device order, with the reason cleared.
        const Result<QString> fresh = outbox.requeue(pending.at(0).mutationId);
        QVERIFY(fresh.ok());
        QVERIFY(fresh.value() != pending.at(0).mutationId);
        QCOMPARE(outbox.byMutationId(pending.at(0).mutationId).error().code, ErrorCode::NotFound);
        const OutboxEntry again = outbox.pending().value().first();
        QCOMPARE(again.mutationId, fresh.value());
        QCOMPARE(again.seq, pending.at(0).seq);
        QCOMPARE(again.patch, pending.at(0).patch); // nothing changed since: the same fields and values
        QVERIFY(again.lastError.isEmpty() && again.errorCode.isEmpty() && again.errorField.isEmpty());
        QCOMPARE(again.attempts, 0);
        QCOMPARE(outbox.markAcked(u"no-such-mutation"_s, 1).error().code, ErrorCode::NotFound);
        QCOMPARE(AuditLog(*m_db).events().value().last().action, u"outbox.requeued"_s);
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
    }

    void fixingARefusedRecordSendsItAgain()
    {
        // A new record the service refused (a rule it holds): the worker puts it right, and the save
        // sends the whole record again under a new id, not only the field they changed.
        RecordRepository repo(*m_db);
        Outbox outbox(*m_db);
        QJsonObject child = storesamples::childNumber(1);
        QVERIFY(repo.save(child).ok());
        const OutboxEntry created = outbox.pending().value().first();
        QVERIFY(outbox.quarantine(created.mutationId, u"Give the child's date of birth."_s, u"required"_s, u"date_of_birth"_s).ok());
        // Another record's change made meanwhile stays where it is.
        QVERIFY(repo.save(storesamples::childNumber(2)).ok());

        child.insert(u"date_of_birth"_s, u"2015-03-04"_s);
        child.insert(u"preferred_name"_s, u"Bee"_s);
        QVERIFY(repo.save(child).ok());
        QVERIFY(outbox.quarantined().value().isEmpty());
        QCOMPARE(outbox.byMutationId(created.mutationId).value().status, u"acked"_s); // superseded, not sent
        const QList<OutboxEntry> pending = outbox.pending().value();
        QCOMPARE(pending.size(), 2);
        const OutboxEntry fix = pending.last();
        QCOMPARE(fix.recordId, created.recordId);
        QVERIFY(fix.mutationId != created.mutationId);
        QVERIFY(fix.seq > pending.first().seq); // after the other record's change: made after it
        QCOMPARE(fix.baseRev, 0);
        // Every field of the refused creation, at its value now, and the new ones.
        for (auto it = created.patch.begin(); it != created.patch.end(); ++it)
            QCOMPARE(fix.patch.value(it.key()), child.value(it.key()).isUndefined() ? QJsonValue() : child.value(it.key()));
        QCOMPARE(fix.patch.value(u"date_of_birth"_s).toString(), u"2015-03-04"_s);
        QCOMPARE(fix.patch.value(u"preferred_name"_s).toString(), u"Bee"_s);
        QCOMPARE(outbox.unsyncedCount().value(), 2);
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
    }

    void purge()
    {
        RecordRepository repo(*m_db);
        Outbox outbox(*m_db);
        QVERIFY(repo.save(storesamples::child(kChild, u"Amira"_s, u"Hassan"_s)).ok());
        QVERIFY(repo.save(storesamples::visit(kVisit, kChild, 1, u"marmalade"_s)).ok());
        QCOMPARE(repo.purge(kVisit).error().code, ErrorCode::Conflict); // unsynced: refused
        const QList<OutboxEntry> pending = outbox.pending().value();
        for (const OutboxEntry &e : pending)
            QVERIFY(outbox.markAcked(e.mutationId, 2).ok());
        Result<void> purged = repo.purge(kVisit);
        QVERIFY2(purged.ok(), qPrintable(purged.ok() ? QString() : purged.error().message));
        QCOMPARE(repo.byId(kVisit).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.search(u"marmalade"_s).value().size(), 0);
        QCOMPARE(repo.chronology(kChild).value().size(), 0);
        Statement left = m_db->prepare("SELECT count(*) FROM outbox WHERE record_id = ?1");
        left.bind(1, kVisit);
        QVERIFY(left.step().value());
        QCOMPARE(left.int64(0), 0); // the patches held its content: gone too
        QCOMPARE(repo.purge(kVisit).error().code, ErrorCode::NotFound);
        QVERIFY(repo.save(storesamples::visit(kVisit, kChild, 2)).ok());
        QVERIFY(repo.purge(kVisit, true).ok()); // an explicit decision to discard
        QCOMPARE(outbox.unsyncedCount().value(), 0);
        QVERIFY(AuditLog(*m_db).verifyChain().value().intact);
    }

    void asyncStoreFromAnotherThread()
    {
        m_db.reset();
        Store store;
        const QString path = m_dir.filePath(u"async.db"_s);
        QByteArray key = storesamples::testKey();
        QFuture<Result<void>> opened = store.open(path, std::move(key));
        opened.waitForFinished();
        QVERIFY(opened.result().ok());

        // Every job runs on the store's own thread, never the caller's.
        QFuture<Result<bool>> where = store.run<bool>([&store](Database &) {
            return Result<bool>(QThread::currentThread() == store.storeThread());
        });
        where.waitForFinished();
        QVERIFY(where.result().value());

        // Called from a worker thread, continued on this (the "UI") thread with .then(this, ...).
        QThread *caller = QThread::create([&store] {
            for (int i = 1; i <= 5; ++i)
                store.saveRecord(storesamples::childNumber(i)).waitForFinished();
        });
        caller->start();
        QVERIFY(caller->wait(30000));
        delete caller;

        bool continued = false;
        bool onUiThread = false;
        int seen = 0;
        store.caseload().then(this, [&](const Result<QList<StoredRecord>> &r) {
            continued = true;
            onUiThread = QThread::currentThread() == thread();
            seen = r.ok() ? int(r.value().size()) : -1;
        });
        QTRY_VERIFY_WITH_TIMEOUT(continued, 10000);
        QVERIFY(onUiThread);
        QCOMPARE(seen, 5);

        // Errors are values, delivered the same way.
        QJsonObject bad = storesamples::childNumber(9);
        bad.insert(u"date_of_birth"_s, u"yesterday"_s);
        QFuture<Result<StoredRecord>> failed = store.saveRecord(bad);
        failed.waitForFinished();
        QVERIFY(!failed.result().ok());
        QCOMPARE(failed.result().error().field, u"date_of_birth"_s);

        QVERIFY(store.saveDraft(u"form"_s, u"text"_s).result().ok());
        QCOMPARE(store.draft(u"form"_s).result().value().value(), u"text"_s);
        QCOMPARE(store.unsyncedCount().result().value(), 5);
        QCOMPARE(store.pendingOutbox(3).result().value().size(), 3);
        QCOMPARE(store.search(u"jay"_s).result().value().size(), 1);
        QVERIFY(store.verifyAuditChain().result().value().intact);
        QVERIFY(store.close().result().ok());
        QCOMPARE(store.record(storesamples::uuidFor(1, 1)).result().error().code, ErrorCode::Internal); // closed
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
