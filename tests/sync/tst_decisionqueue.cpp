// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The manager's offline decision queue on a real SQLCipher file: schema v4 (migrated from the v3
// a previous release left), the rationale rule, one open decision per record, outcomes.
#include "core/store/auditlog.h"
#include "core/store/database.h"
#include "core/store/decisionqueue.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/wire.h"
#include "tests/store/storesamples.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;
using namespace Qt::StringLiterals;

class TestDecisionQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name + u".db"_s); }

    std::unique_ptr<Database> open(const QString &p, Database::OpenOptions options = {})
    {
        auto db = Database::open(p, storesamples::testKey(), options);
        if (!db) {
            qWarning() << "open failed:" << db.error().message;
            return nullptr;
        }
        return std::move(db).value();
    }

    const QString m_record = storesamples::uuidFor(2, 7);

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void migratesFromV3()
    {
        const QString p = path(u"v3"_s);
        const QJsonObject child = storesamples::child(storesamples::uuidFor(1, 7), u"Aoife"_s, u"Begum"_s);
        const QJsonObject visit = storesamples::visit(m_record, storesamples::uuidFor(1, 7), 7);
        {
            // The database exactly as the release with schema 3 left it, rows in that shape.
            auto db = open(p, Database::OpenOptions{3});
            QVERIFY(db);
            QCOMPARE(db->userVersion().value(), 3);
            QVERIFY(!db->queryText("SELECT name FROM sqlite_master WHERE name = 'decisions'").value().size());
            for (const QJsonObject &rec : {child, visit}) {
                Statement ins = db->prepare("INSERT INTO records(id, type, body, state, event_at, updated_at, rev) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01T00:00:00Z', 3)");
                ins.bind(1, rec.value(u"id").toString()).bind(2, rec.value(u"type").toString());
                ins.bind(3, wire::encode(rec)).bind(4, rec.value(u"state").toString());
                ins.bind(5, wire::eventTimeOf(rec).toString(Qt::ISODate));
                QVERIFY(ins.exec().ok());
            }
            Statement out = db->prepare("INSERT INTO outbox(mutation_id, record_id, type, base_rev, patch, created_at, acked_rev) "
                                        "VALUES ('m-3', ?1, 'visit', 3, '{}', '2026-01-01T00:00:00Z', NULL)");
            out.bind(1, m_record);
            QVERIFY(out.exec().ok());
            QVERIFY(AuditLog(*db).append(u"record.created"_s, m_record).ok());
        }
        auto db = open(p);
        QVERIFY(db);
        QVERIFY(db->userVersion().value() >= 4);
        QCOMPARE(db->userVersion().value(), Database::latestVersion());
        QCOMPARE(db->integrityCheck().value(), u"ok"_s);
        // What v3 held is intact ...
        QCOMPARE(RecordRepository(*db).byId(m_record).value().body, visit);
        QCOMPARE(RecordRepository(*db).byId(m_record).value().rev, qint64(3));
        QCOMPARE(Outbox(*db).pending().value().size(), 1);
        // ... and the new table works, with its constraints.
        DecisionQueue q(*db);
        QCOMPARE(q.pendingCount().value(), 0);
        auto d = q.queue(m_record, u"approve"_s, u"Checked against the plan."_s, 3);
        QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().message));
        QCOMPARE(q.pending().value().size(), 1);
        QVERIFY(!db->exec("UPDATE decisions SET status = 'maybe'").ok());
        QVERIFY(!db->exec("UPDATE decisions SET decision = 'shrug'").ok());
        QVERIFY(AuditLog(*db).verifyChain().value().intact);
    }

    void rationaleIsRequired_data()
    {
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QString>("rationale");
        QTest::addColumn<qint64>("seenRev");
        QTest::addColumn<QString>("field");
        QTest::addRow("approve without reason") << u"approve"_s << QString() << qint64(2) << u"rationale"_s;
        QTest::addRow("return with blanks") << u"return"_s << u" \n\t "_s << qint64(2) << u"rationale"_s;
        QTest::addRow("unknown decision") << u"maybe"_s << u"Because."_s << qint64(2) << u"decision"_s;
        QTest::addRow("never synced") << u"approve"_s << u"Because."_s << qint64(0) << u"seen_rev"_s;
    }
    void rationaleIsRequired()
    {
        QFETCH(QString, decision);
        QFETCH(QString, rationale);
        QFETCH(qint64, seenRev);
        QFETCH(QString, field);
        auto db = open(path(u"rules"_s));
        QVERIFY(db);
        auto d = DecisionQueue(*db).queue(m_record, decision, rationale, seenRev);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().field, field);
        QCOMPARE(DecisionQueue(*db).open().value().size(), 0);
    }

    void oneOpenDecisionPerRecordAndOutcomes()
    {
        auto db = open(path(u"outcomes"_s));
        QVERIFY(db);
        DecisionQueue q(*db);
        const QString other = storesamples::uuidFor(2, 8);
        auto first = q.queue(m_record, u"approve"_s, u"First thought."_s, 4);
        QVERIFY(first.ok());
        QVERIFY(q.queue(other, u"return"_s, u"Please add the child's views."_s, 2).ok());
        // A change of mind before sync replaces the queued decision; order is kept by seq.
        auto second = q.queue(m_record, u"return"_s, u"  On reflection: the analysis is missing.  "_s, 4);
        QVERIFY(second.ok());
        QCOMPARE(second.value().rationale, u"On reflection: the analysis is missing."_s);
        QVERIFY(!q.byId(first.value().decisionId).value().has_value());
        QList<QueuedDecision> pending = q.pending().value();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).recordId, other);
        QCOMPARE(pending.at(1).decisionId, second.value().decisionId);
        QCOMPARE(q.pending(1).value().size(), 1);

        // A transient failure keeps it pending with the reason.
        QVERIFY(q.markFailed(second.value().decisionId, u"network down"_s).ok());
        QCOMPARE(q.byId(second.value().decisionId).value()->status, u"pending"_s);
        QCOMPARE(q.byId(second.value().decisionId).value()->attempts, 1);

        // Conflict: kept, shown, not pending any more.
        QVERIFY(q.settle(second.value().decisionId, u"conflict"_s, u"conflict"_s, u"The record changed since you read it."_s, 5).ok());
        QueuedDecision c = q.latestFor(m_record).value().value();
        QCOMPARE(c.status, u"conflict"_s);
        QCOMPARE(c.currentRev, qint64(5));
        QCOMPARE(c.seenRev, qint64(4));
        QCOMPARE(q.pendingCount().value(), 1);
        QCOMPARE(q.open().value().size(), 2);
        // Deciding again on the current version replaces the conflict.
        auto third = q.queue(m_record, u"approve"_s, u"Read the new version."_s, 5);
        QVERIFY(third.ok());
        QCOMPARE(q.open().value().size(), 2);
        QVERIFY(q.settle(third.value().decisionId, u"accepted"_s, {}, {}, 6).ok());
        QCOMPARE(q.latestFor(m_record).value()->status, u"accepted"_s);
        // The same version cannot be decided twice; an accepted decision is history.
        QCOMPARE(q.queue(m_record, u"approve"_s, u"Again."_s, 5).error().code, ErrorCode::Conflict);
        QCOMPARE(q.discard(third.value().decisionId).error().code, ErrorCode::Conflict);
        // A refusal is kept until dismissed.
        const QString otherId = q.latestFor(other).value()->decisionId;
        QVERIFY(q.settle(otherId, u"refused"_s, u"forbidden"_s, u"This record is not in your team."_s, 0).ok());
        QCOMPARE(q.pendingCount().value(), 0);
        QCOMPARE(q.open().value().size(), 1);
        QVERIFY(q.discard(otherId).ok());
        QCOMPARE(q.open().value().size(), 0);
        // Not an outcome.
        QVERIFY(!q.settle(third.value().decisionId, u"pending"_s, {}, {}, 0).ok());
        QCOMPARE(q.settle(wire::newUuid(), u"accepted"_s, {}, {}, 1).error().code, ErrorCode::NotFound);
        // Every step is in the hash-chained audit log.
        const AuditCheck audit = AuditLog(*db).verifyChain().value();
        QVERIFY(audit.intact);
        QVERIFY(audit.events >= 8);
    }
};

QTEST_GUILESS_MAIN(TestDecisionQueue)
#include "tst_decisionqueue.moc"
