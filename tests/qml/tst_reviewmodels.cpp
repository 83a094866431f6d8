// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The manager's approval queue and read view over a real SQLCipher store holding team records as
// pulled from the service (fictional): order, roles, the read-only sections, the decision rules.
#include "qml/dashboardviewmodel.h"
#include "qml/demodata.h"
#include "qml/reviewqueuemodel.h"
#include "qml/reviewviewmodel.h"
#include "qml/managersync.h"
#include "qml/transfersmodel.h"
#include "core/store/decisionqueue.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/rand.h>

#include <optional>

using namespace doorstep;
using namespace Qt::StringLiterals;

namespace {
const QString kManager = u"0b0b0b0b-0000-4000-8000-000000000001"_s;
const QString kWorkerA = u"0a0a0a0a-0000-4000-8000-00000000000a"_s;
const QString kWorkerB = u"0c0c0c0c-0000-4000-8000-00000000000b"_s;
} // namespace

class TestReviewModels : public QObject
{
    Q_OBJECT

    template <typename T>
    T await(QFuture<Result<T>> f)
    {
        std::optional<Result<T>> out;
        f.then(this, [&out](Result<T> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 60000))
            qFatal("store job timed out");
        if (!out->ok())
            qFatal("store job failed: %s (%s)", qPrintable(out->error().message), qPrintable(out->error().field));
        return out->value();
    }

    QTemporaryDir m_dir;
    Store m_store;
    QStringList m_children;
    QString m_concern, m_old, m_recent, m_own, m_draft, m_approved, m_directWork, m_supervision, m_unknownTime;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();

    QJsonObject submitted(QJsonObject rec, const QString &author, int hoursAgo)
    {
        rec.insert(u"author"_s, author);
        rec.insert(u"state"_s, u"submitted"_s);
        rec.insert(u"submitted_at"_s, m_now.addSecs(-3600 * hoursAgo).toString(Qt::ISODate));
        return rec;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QByteArray key(32, Qt::Uninitialized);
        QCOMPARE(RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), 32), 1);
        std::optional<Result<void>> opened;
        m_store.open(m_dir.filePath(u"manager.db"_s), std::move(key)).then(this, [&](Result<void> r) { opened = r; });
        QVERIFY(QTest::qWaitFor([&] { return opened.has_value(); }, 60000));
        QVERIFY(opened->ok());

        const QDate today = m_now.date();
        QList<QJsonObject> records;
        for (int i = 0; i < 3; ++i) {
            records << demodata::child(i, today);
            m_children << records.last().value(u"id").toString();
        }
        // A visit to two children, one card with a safety concern and not seen alone.
        QJsonObject concern = submitted(demodata::visit(m_children.at(0), 2, 0), kWorkerA, 5);
        QJsonArray cards = concern.value(u"children").toArray();
        QJsonObject second = cards.at(0).toObject();
        second.insert(u"child_id"_s, m_children.at(1));
        second.insert(u"safety_concern"_s, true);
        second.insert(u"seen_alone"_s, false);
        second.insert(u"not_seen_alone_reason"_s, u"unable_parent_refused"_s);
        second.insert(u"not_seen_alone_detail"_s, u"Father stayed in the room throughout."_s);
        second.insert(u"child_views"_s, u"Said the shouting at night frightens him."_s);
        cards.append(second);
        concern.insert(u"children"_s, cards);
        concern.insert(u"actions"_s, QJsonArray{QJsonObject{{u"id"_s, wire::newUuid()}, {u"what"_s, u"Strategy discussion with the police"_s},
                                                             {u"owner"_s, u"Team manager"_s}, {u"due"_s, today.addDays(1).toString(Qt::ISODate)},
                                                             {u"status"_s, u"open"_s}}});
        records << concern;
        records << submitted(demodata::visit(m_children.at(0), 20, 2), kWorkerA, 24 * 9); // the oldest
        records << submitted(demodata::visit(m_children.at(2), 3, 3), kWorkerB, 2);
        records << submitted(demodata::visit(m_children.at(1), 4, 4), kManager, 30);       // the manager's own
        QJsonObject noTime = submitted(demodata::visit(m_children.at(2), 5, 5), kWorkerB, 1);
        noTime.remove(u"submitted_at"_s);
        records << noTime;
        QJsonObject draft = demodata::visit(m_children.at(2), 6, 7);
        draft.insert(u"author"_s, kWorkerB);
        records << draft;
        QJsonObject approved = submitted(demodata::visit(m_children.at(2), 7, 8), kWorkerB, 100);
        approved.insert(u"state"_s, u"approved"_s);
        records << approved;
        records << submitted(demodata::directWork(m_children.at(1), 8), kWorkerB, 48);
        records << QJsonObject{{u"schema"_s, wire::kSchemaVersion},
                               {u"type"_s, u"supervision"_s},
                               {u"id"_s, wire::newUuid()},
                               {u"state"_s, u"submitted"_s},
                               {u"author"_s, kWorkerB}, // written by another manager in real life; any author but me
                               {u"created_at"_s, m_now.addDays(-1).toString(Qt::ISODate)},
                               {u"submitted_at"_s, m_now.addSecs(-3600 * 20).toString(Qt::ISODate)},
                               {u"child_id"_s, m_children.at(2)},
                               {u"worker"_s, kWorkerA},
                               {u"held_on"_s, today.addDays(-1).toString(Qt::ISODate)},
                               {u"discussion"_s, u"Progress against the plan; school attendance."_s},
                               {u"decisions"_s, u"Continue weekly visits; request a CAMHS referral."_s},
                               {u"actions"_s, QJsonArray{QJsonObject{{u"id"_s, wire::newUuid()}, {u"what"_s, u"Make the CAMHS referral"_s},
                                                                     {u"owner"_s, u"Allocated worker"_s}, {u"due"_s, today.addDays(7).toString(Qt::ISODate)},
                                                                     {u"status"_s, u"open"_s}, {u"priority"_s, 1}}}}};
        m_concern = records.at(3).value(u"id").toString();
        m_old = records.at(4).value(u"id").toString();
        m_recent = records.at(5).value(u"id").toString();
        m_own = records.at(6).value(u"id").toString();
        m_unknownTime = records.at(7).value(u"id").toString();
        m_draft = records.at(8).value(u"id").toString();
        m_approved = records.at(9).value(u"id").toString();
        m_directWork = records.at(10).value(u"id").toString();
        m_supervision = records.at(11).value(u"id").toString();
        QVERIFY(await(m_store.run<bool>([records](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            for (const QJsonObject &r : records)
                if (auto a = repo.applyRemote(r, 3); !a)
                    return Error(a.error().code, a.error().message + u" in "_s + r.value(u"type").toString(), a.error().field);
            // This tablet's own submission not yet on the service (rev 0, no author): never in the queue.
            QJsonObject local = demodata::visit(records.at(0).value(u"id").toString(), 1, 9);
            local.insert(u"state"_s, u"submitted"_s);
            local.insert(u"submitted_at"_s, QDateTime::currentDateTimeUtc().addDays(-30).toString(Qt::ISODate));
            if (auto l = repo.save(local); !l)
                return l.error();
            // The team's names, as the dashboard fetches them from the service.
            if (auto s = SyncState(db).set(DashboardViewModel::userNamesKey(),
                                           QString::fromUtf8(QJsonDocument(QJsonObject{{kWorkerA, u"Sam Patel"_s}}).toJson())); !s)
                return s.error();
            return true;
        })));
    }

    void queueOrderAndRoles()
    {
        ReviewQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ReviewQueueModel::loaded);
        model.setNow(m_now);
        model.setUserId(kManager);
        model.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000); // the answer may already be in when reload() returns
        QVERIFY(model.errorString().isEmpty());
        QStringList order;
        for (int i = 0; i < model.rowCount(); ++i)
            order << model.data(model.index(i, 0), ReviewQueueModel::RecordIdRole).toString();
        // Safety concern first, then the longest waiting; unknown submission time last; never my
        // own, never a draft or an approved record.
        QCOMPARE(order, (QStringList{m_concern, m_old, m_directWork, m_supervision, m_recent, m_unknownTime}));
        QCOMPARE(model.waitingCount(), 6);
        QCOMPARE(model.attentionCount(), 0);

        const QModelIndex first = model.index(0, 0);
        QCOMPARE(model.data(first, ReviewQueueModel::SafetyConcernRole).toBool(), true);
        QCOMPARE(model.data(first, ReviewQueueModel::RecordTypeRole).toString(), u"visit"_s);
        QCOMPARE(model.data(first, ReviewQueueModel::TypeTextRole).toString(), u"Visit"_s);
        QCOMPARE(model.data(first, ReviewQueueModel::AuthorRole).toString(), kWorkerA);
        QCOMPARE(model.data(first, ReviewQueueModel::AuthorNameRole).toString(), u"Sam Patel"_s);
        const QString names = model.data(first, ReviewQueueModel::ChildNamesRole).toString();
        QVERIFY2(names.count(u", "_s) == 1, qPrintable(names)); // two children on the visit
        // English plural forms come from the translation files; untranslated it reads "hour(s)".
        QVERIFY(model.data(first, ReviewQueueModel::WaitingTextRole).toString().startsWith(u"Waiting 5 hour"_s));
        QCOMPARE(model.data(first, ReviewQueueModel::RevRole).toLongLong(), qlonglong(3));
        QVERIFY(model.data(first, ReviewQueueModel::TitleRole).toString().size() > 3);
        QVERIFY(model.data(first, ReviewQueueModel::SubmittedTextRole).toString().startsWith(u"Submitted "_s));
        QVERIFY(model.data(first, ReviewQueueModel::DecisionStatusRole).toString().isEmpty());
        const QModelIndex oldest = model.index(1, 0);
        QVERIFY(model.data(oldest, ReviewQueueModel::WaitingTextRole).toString().startsWith(u"Waiting 9 day"_s));
        // Not in the service's list of names: enough of the id to tell workers apart.
        QCOMPARE(model.data(model.index(2, 0), ReviewQueueModel::AuthorNameRole).toString(), u"Worker 0c0c0c0c"_s);
        QCOMPARE(model.data(model.index(2, 0), ReviewQueueModel::RecordTypeRole).toString(), u"direct_work"_s);
        QCOMPARE(model.data(model.index(3, 0), ReviewQueueModel::RecordTypeRole).toString(), u"supervision"_s);
        QCOMPARE(model.recordIdAt(0), m_concern);
        QVERIFY(model.recordIdAt(99).isEmpty());

        // Without a user (never the case for a signed-in manager) nothing is excluded as "own".
        loaded.clear();
        model.setUserId(QString());
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000); // the answer may already be in when reload() returns
        QCOMPARE(model.rowCount(), 7);
    }

    void draftWithSafetyConcernIsListedNotDecided()
    {
        // A worker's draft raising a safety concern reaches the manager's queue with the sync, at
        // the top, marked a draft: it cannot be decided until it is submitted.
        QJsonObject draft = demodata::visit(m_children.at(2), 1, 11);
        draft.insert(u"author"_s, kWorkerB);
        draft.insert(u"state"_s, u"draft"_s);
        draft.insert(u"submitted_at"_s, QJsonValue::Null);
        QJsonArray cards = draft.value(u"children"_s).toArray();
        QJsonObject card = cards.at(0).toObject();
        card.insert(u"safety_concern"_s, true);
        cards.replace(0, card);
        draft.insert(u"children"_s, cards);
        const QString id = draft.value(u"id"_s).toString();
        QVERIFY(await(m_store.run<bool>([draft](Database &db) -> Result<bool> {
            if (auto a = RecordRepository(db).applyRemote(draft, 2); !a)
                return a.error();
            return true;
        })));
        auto removeIt = qScopeGuard([&] {
            (void)await(m_store.run<bool>([id](Database &db) -> Result<bool> {
                if (auto r = RecordRepository(db).purge(id, true); !r)
                    return r.error();
                return true;
            }));
        });

        ReviewQueueModel model;
        QSignalSpy loaded(&model, &ReviewQueueModel::loaded);
        model.setNow(m_now);
        model.setUserId(kManager);
        model.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000);
        QCOMPARE(model.recordIdAt(0), m_concern);
        QCOMPARE(model.recordIdAt(1), id); // with the safety concerns, before everything else
        const QModelIndex row = model.index(1, 0);
        QVERIFY(model.data(row, ReviewQueueModel::DraftRole).toBool());
        QVERIFY(model.data(row, ReviewQueueModel::SafetyConcernRole).toBool());
        QVERIFY(model.data(row, ReviewQueueModel::SubmittedTextRole).toString().contains(u"draft"_s));
        QVERIFY(!model.data(model.index(0, 0), ReviewQueueModel::DraftRole).toBool());
        QCOMPARE(model.waitingCount(), 6); // not waiting for a decision
        QCOMPARE(model.concernDraftCount(), 1);
        QVERIFY(!model.data(model.index(model.rowCount() - 1, 0), ReviewQueueModel::RecordIdRole).toString().isEmpty());
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(model.recordIdAt(i) != m_draft); // a draft without a concern is not listed

        ReviewViewModel vm;
        vm.setUserId(kManager);
        vm.setStore(&m_store);
        vm.setRecordId(id);
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.found(); }, 30000));
        QVERIFY(!vm.canApprove());
        QVERIFY(!vm.canReturn());
        QVERIFY2(vm.blockedReason().contains(u"still a draft"_s) && vm.blockedReason().contains(u"safety concern"_s), qPrintable(vm.blockedReason()));
    }

    void readViewShowsEverySection()
    {
        ReviewViewModel vm;
        QSignalSpy loaded(&vm, &ReviewViewModel::loadedChanged);
        vm.setUserId(kManager);
        vm.setStore(&m_store);
        vm.setRecordId(m_concern);
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.found(); }, 30000));
        QCOMPARE(vm.recordType(), u"visit"_s);
        QCOMPARE(vm.rev(), qint64(3));
        QVERIFY(vm.safetyConcern());
        QCOMPARE(vm.authorName(), u"Sam Patel"_s);
        QCOMPARE(vm.stateText(), u"Submitted"_s);
        QStringList headings;
        QString all;
        bool alertCard = false;
        for (const QVariant &s : vm.sections()) {
            const QVariantMap m = s.toMap();
            headings << m.value(u"heading"_s).toString();
            if (m.value(u"alert"_s).toBool())
                alertCard = true;
            for (const QVariant &i : m.value(u"items"_s).toList())
                all += i.toMap().value(u"label"_s).toString() + u": "_s + i.toMap().value(u"value"_s).toString() + u"\n"_s;
        }
        // Why and when, one card per child, analysis, diversity, actions.
        QCOMPARE(headings.size(), 6);
        QCOMPARE(headings.first(), u"Why and when"_s);
        QCOMPARE(headings.mid(3), (QStringList{u"Analysis"_s, u"Diversity"_s, u"Actions"_s}));
        QVERIFY(alertCard);
        QVERIFY(all.contains(u"Why not seen alone: Unable: parent or carer refused"_s));
        QVERIFY(all.contains(u"More about why: Father stayed in the room throughout."_s));
        QVERIFY(all.contains(u"The child's views, wishes and feelings: Said the shouting at night frightens him."_s));
        QVERIFY(all.contains(u"Seen alone: Yes"_s));
        QVERIFY(all.contains(u"Risks: Mother's low mood continues; GP support in place."_s));
        QVERIFY(all.contains(u"Strategy discussion with the police"_s));
        QVERIFY(all.contains(u"Safety concern: Yes"_s));

        vm.setRecordId(m_directWork);
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.recordType() == u"direct_work"; }, 30000));
        all.clear();
        for (const QVariant &s : vm.sections())
            for (const QVariant &i : s.toMap().value(u"items"_s).toList())
                all += i.toMap().value(u"label"_s).toString() + u": "_s + i.toMap().value(u"value"_s).toString() + u"\n"_s;
        QVERIFY(all.contains(u"Activity: Wishes and feelings"_s));
        QVERIFY(all.contains(u"The child's words: \"My house of good things"_s));
        QVERIFY(all.contains(u"Next steps: Share the three houses"_s));

        vm.setRecordId(m_supervision);
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.recordType() == u"supervision"; }, 30000));
        all.clear();
        for (const QVariant &s : vm.sections())
            for (const QVariant &i : s.toMap().value(u"items"_s).toList())
                all += i.toMap().value(u"label"_s).toString() + u": "_s + i.toMap().value(u"value"_s).toString() + u"\n"_s;
        QVERIFY(all.contains(u"Worker: Sam Patel"_s));
        QVERIFY(all.contains(u"Decisions: Continue weekly visits"_s));
        QVERIFY(all.contains(u"Make the CAMHS referral\nPriority 1"_s));
    }

    void decisionRules_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("rationale");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        QTest::addRow("no rationale") << u"recent"_s << QString() << false << u"Write the reason"_s;
        QTest::addRow("blank rationale") << u"recent"_s << u"   "_s << false << u"Write the reason"_s;
        QTest::addRow("with rationale") << u"recent"_s << u"Complete; approved."_s << true << QString();
        QTest::addRow("own record") << u"own"_s << u"Fine."_s << false << u"your own record"_s;
        QTest::addRow("draft") << u"draft"_s << u"Fine."_s << false << u"Only submitted records"_s;
        QTest::addRow("approved") << u"approved"_s << u"Fine."_s << false << u"Only submitted records"_s;
    }
    void decisionRules()
    {
        QFETCH(QString, which);
        QFETCH(QString, rationale);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        const QString id = which == u"own" ? m_own : which == u"draft" ? m_draft : which == u"approved" ? m_approved : m_recent;
        ReviewViewModel vm;
        vm.setUserId(kManager);
        vm.setStore(&m_store);
        vm.setRecordId(id);
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.found(); }, 30000));
        vm.setRationale(rationale);
        QCOMPARE(vm.canApprove(), allowed);
        QCOMPARE(vm.canReturn(), allowed);
        if (!allowed)
            QVERIFY2(vm.blockedReason().contains(reason), qPrintable(vm.blockedReason()));
        // A blocked decision is not queued.
        if (!allowed) {
            vm.approve();
            // The store runs jobs in order: once this one answers, a queued decision would be there.
            auto queued = await(m_store.run<std::optional<QueuedDecision>>([id](Database &db) { return DecisionQueue(db).latestFor(id); }));
            QVERIFY2(!queued.has_value(), "a blocked decision was queued");
            QVERIFY(vm.decisionStatus().isEmpty());
        }
    }

    void decidingQueuesAndConflictsShow()
    {
        ReviewViewModel vm;
        QSignalSpy decided(&vm, &ReviewViewModel::decided);
        vm.setUserId(kManager);
        vm.setStore(&m_store);
        vm.setRecordId(m_old);
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.found(); }, 30000));
        vm.setRationale(u"Please add the analysis of risks."_s);
        QVERIFY(vm.canReturn());
        vm.returnRecord();
        QTRY_VERIFY_WITH_TIMEOUT(decided.count() > 0, 30000);
        QCOMPARE(decided.first().first().toString(), u"return"_s);
        QCOMPARE(vm.decisionStatus(), u"pending"_s);
        QCOMPARE(vm.decision(), u"return"_s);
        QVERIFY(vm.rationale().isEmpty());
        auto queued = await(m_store.run<std::optional<QueuedDecision>>([id = m_old](Database &db) { return DecisionQueue(db).latestFor(id); }));
        QVERIFY(queued);
        QCOMPARE(queued->seenRev, qint64(3));
        QCOMPARE(queued->rationale, u"Please add the analysis of risks."_s);

        // The queue shows it as queued.
        ReviewQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ReviewQueueModel::loaded);
        model.setUserId(kManager);
        model.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000); // the answer may already be in when reload() returns
        int row = -1;
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.recordIdAt(i) == m_old)
                row = i;
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, 0), ReviewQueueModel::DecisionStatusRole).toString(), u"pending"_s);
        QCOMPARE(model.queuedCount(), 1);
        QCOMPARE(model.waitingCount(), 5);

        // The service says the record changed: a conflict, shown with a way to decide again.
        await(m_store.run<bool>([id = queued->decisionId](Database &db) -> Result<bool> {
            if (auto r = DecisionQueue(db).settle(id, u"conflict"_s, u"conflict"_s, u"The record changed since you read it."_s, 4); !r)
                return r.error();
            return true;
        }));
        vm.reload();
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.decisionStatus() == u"conflict"; }, 30000));
        QVERIFY2(vm.decisionProblem().contains(u"changed since you read it"_s), qPrintable(vm.decisionProblem()));
        QVERIFY(vm.decisionProblem().contains(u"version 3"_s));
        QVERIFY(vm.decisionProblem().contains(u"version 4"_s));
        loaded.clear();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000); // the answer may already be in when reload() returns
        QCOMPARE(model.attentionCount(), 1);
        QCOMPARE(model.data(model.index(row, 0), ReviewQueueModel::DecisionStatusTextRole).toString(),
                 u"The record changed since you read it: open it and decide again"_s);
        // Dismissing it puts the record back among those waiting.
        vm.discardDecision();
        QVERIFY(QTest::qWaitFor([&] { return !vm.loading() && vm.decisionStatus().isEmpty(); }, 30000));
        loaded.clear();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000); // the answer may already be in when reload() returns
        QCOMPARE(model.attentionCount(), 0);
        QCOMPARE(model.waitingCount(), 6);
    }

    // The caseload counts this team's answered requests until the list is looked at. The answers'
    // times are the service's clock, which need not agree with the tablet's: an answer stamped
    // ahead of the tablet is not news for ever, and one stamped behind it is not lost.
    void transferAnswersAreNewsUntilSeenWhateverTheClocks()
    {
        const auto transfer = [this](const QString &id, const QString &state, qint64 decidedSecsFromNow) {
            QJsonObject t{{u"id"_s, id}, {u"child_id"_s, m_children.first()}, {u"state"_s, state},
                          {u"to_team_name"_s, u"Demo South Team"_s}, {u"reason"_s, u"The family moved."_s},
                          {u"requested_at"_s, m_now.addDays(-5).toString(Qt::ISODateWithMs)}};
            if (state != u"pending")
                t.insert(u"decided_at"_s, m_now.addSecs(decidedSecsFromNow).toString(Qt::ISODateWithMs));
            return t;
        };
        const auto store = [this](const QJsonArray &outgoing) {
            const QJsonObject held{{u"teams"_s, QJsonArray()}, {u"incoming"_s, QJsonArray()}, {u"outgoing"_s, outgoing},
                                   {u"fetched_at"_s, m_now.toString(Qt::ISODate)}};
            await(m_store.run<bool>([text = QString::fromUtf8(QJsonDocument(held).toJson(QJsonDocument::Compact))](Database &db) -> Result<bool> {
                if (auto r = SyncState(db).set(ManagerSync::transfersKey(), text); !r)
                    return r.error();
                return true;
            }));
        };
        const QString ahead = u"7a000000-0000-4000-8000-000000000001"_s, behind = u"7a000000-0000-4000-8000-000000000002"_s;
        const QString waiting = u"7a000000-0000-4000-8000-000000000003"_s, withdrawn = u"7a000000-0000-4000-8000-000000000004"_s;
        store({transfer(ahead, u"declined"_s, 2 * 86400), transfer(waiting, u"pending"_s, 0), transfer(withdrawn, u"withdrawn"_s, -3600)});

        TransfersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &TransfersModel::countChanged);
        model.setStore(&m_store);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 30000);
        QCOMPARE(model.answeredCount(), 1); // the decline; waiting and withdrawn are not answers to read
        counted.clear();
        model.markSeen();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0, 30000);
        QCOMPARE(model.answeredCount(), 0); // although the service stamped it two days ahead of this tablet

        // The waiting request is answered, stamped an hour behind the tablet's clock: still news.
        store({transfer(ahead, u"declined"_s, 2 * 86400), transfer(waiting, u"accepted"_s, -3600), transfer(withdrawn, u"withdrawn"_s, -3600)});
        counted.clear();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0, 30000);
        QCOMPARE(model.answeredCount(), 1);
        QCOMPARE(model.get(1).value(u"state"_s).toString(), u"accepted"_s);

        // A new request answered and fetched while the list is open is not marked seen by an older look.
        counted.clear();
        model.markSeen();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0, 30000);
        QCOMPARE(model.answeredCount(), 0);
        store({transfer(ahead, u"declined"_s, 2 * 86400), transfer(waiting, u"accepted"_s, -3600), transfer(behind, u"declined"_s, -7200)});
        counted.clear();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0, 30000);
        QCOMPARE(model.answeredCount(), 1);
        store({});
    }

    void answersSeenUnderTheOldTimeMarkStaySeenAfterTheUpdate()
    {
        // A tablet updated from a version that kept the time of the last look, not the ids seen.
        const QString seenBefore = u"7b000000-0000-4000-8000-000000000001"_s, answeredAfter = u"7b000000-0000-4000-8000-000000000002"_s;
        const auto answer = [this](const QString &id, qint64 decidedSecsFromNow) {
            return QJsonObject{{u"id"_s, id}, {u"child_id"_s, m_children.first()}, {u"state"_s, u"accepted"_s},
                               {u"to_team_name"_s, u"Demo South Team"_s}, {u"reason"_s, u"The family moved."_s},
                               {u"requested_at"_s, m_now.addDays(-5).toString(Qt::ISODateWithMs)},
                               {u"decided_at"_s, m_now.addSecs(decidedSecsFromNow).toString(Qt::ISODateWithMs)}};
        };
        const QJsonObject held{{u"teams"_s, QJsonArray()}, {u"incoming"_s, QJsonArray()},
                               {u"outgoing"_s, QJsonArray{answer(seenBefore, -2 * 86400), answer(answeredAfter, -3600)}},
                               {u"fetched_at"_s, m_now.toString(Qt::ISODate)}};
        await(m_store.run<bool>([text = QString::fromUtf8(QJsonDocument(held).toJson(QJsonDocument::Compact)),
                                 lookedAt = m_now.addDays(-1).toString(Qt::ISODateWithMs)](Database &db) -> Result<bool> {
            SyncState state(db);
            if (auto r = state.set(ManagerSync::transfersKey(), text); !r)
                return r.error();
            if (auto r = state.remove(TransfersModel::seenKey()); !r)
                return r.error();
            if (auto r = state.set(TransfersModel::legacySeenAtKey(), lookedAt); !r)
                return r.error();
            return true;
        }));

        TransfersModel model;
        QSignalSpy counted(&model, &TransfersModel::countChanged);
        model.setStore(&m_store);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0, 30000);
        QCOMPARE(model.answeredCount(), 1); // only the answer given after the last look under the old mark

        // The old mark is carried over once: the ids are kept and the time is gone.
        const auto keys = await(m_store.run<QStringList>([](Database &db) -> Result<QStringList> {
            SyncState state(db);
            auto ids = state.get(TransfersModel::seenKey());
            auto legacy = state.get(TransfersModel::legacySeenAtKey());
            if (!ids || !legacy)
                return Error{ErrorCode::Internal, u"sync state unreadable"_s};
            return QStringList{ids.value().value_or(u"(none)"_s), legacy.value().value_or(u"(none)"_s)};
        }));
        QCOMPARE(keys.at(0), u"[\"%1\"]"_s.arg(seenBefore));
        QCOMPARE(keys.at(1), u"(none)"_s);

        counted.clear();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0, 30000);
        QCOMPARE(model.answeredCount(), 1);
        await(m_store.run<bool>([](Database &db) -> Result<bool> {
            if (auto r = SyncState(db).set(ManagerSync::transfersKey(), u"{}"_s); !r)
                return r.error();
            return true;
        }));
    }
};

QTEST_MAIN(TestReviewModels)
#include "tst_reviewmodels.moc"
