// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The client's view-models over a real SQLCipher store with fictional records.
#include "qml/caseloadmodel.h"
#include "qml/childviewmodel.h"
#include "qml/conflictmodel.h"
#include "qml/demodata.h"
#include "qml/outboxmodel.h"
#include "qml/pinvault.h"
#include "qml/recordform.h"
#include "core/store/conflictstore.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "platform/inmemorykeystore.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/rand.h>

#include <optional>

using namespace doorstep;

class TestViewModels : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    T await(QFuture<Result<T>> f)
    {
        std::optional<Result<T>> out;
        f.then(this, [&out](Result<T> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 60000))
            qFatal("store job timed out");
        if (!out->ok())
            qFatal("store job failed: %s", qPrintable(out->error().message));
        return out->value();
    }
    void awaitVoid(QFuture<Result<void>> f)
    {
        std::optional<Result<void>> out;
        f.then(this, [&out](Result<void> r) { out = std::move(r); });
        QVERIFY(QTest::qWaitFor([&out] { return out.has_value(); }, 60000));
        QVERIFY2(out->ok(), qPrintable(out->error().message));
    }

    QTemporaryDir m_dir;
    Store m_store;
    QStringList m_children;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QByteArray key(32, Qt::Uninitialized);
        QCOMPARE(RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), 32), 1);
        awaitVoid(m_store.open(m_dir.filePath(QStringLiteral("records.db")), std::move(key)));
        const QDate today = QDate::currentDate();
        m_children = await(m_store.run<QStringList>([today](Database &db) { return demodata::seed(db, 6, 5, today); }));
        QCOMPARE(m_children.size(), 6);
        QVERIFY(await(m_store.run<bool>([this](Database &db) -> Result<bool> {
            if (auto r = demodata::stageSyncExamples(db, m_children.at(1)); !r)
                return r.error();
            return true;
        })));
    }

    void caseloadListsChildrenWithDueDates()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &CaseloadModel::loaded);
        model.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(model.summarised(), 20000);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(model.rowCount(), 6);
        const QHash<int, QByteArray> roles = model.roleNames();
        for (const QByteArray &name : roles)
            QVERIFY2(!name.isEmpty() && name.at(0) >= 'a' && name.at(0) <= 'z', name.constData());
        // Child 0 (child in need, 20 working days) was last seen 40 days ago: overdue.
        int row0 = -1;
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.childIdAt(i) == m_children.at(0))
                row0 = i;
        QVERIFY(row0 >= 0);
        const QModelIndex idx = model.index(row0);
        QVERIFY(idx.data(CaseloadModel::OverdueRole).toBool());
        QVERIFY(idx.data(CaseloadModel::DaysOverdueRole).toInt() > 0);
        QVERIFY(idx.data(CaseloadModel::DueTextRole).toString().contains(QStringLiteral("overdue")));
        QVERIFY(idx.data(CaseloadModel::LastSeenRole).toString().startsWith(QStringLiteral("Last seen")));
        QVERIFY(idx.data(CaseloadModel::UnsyncedRole).toBool()); // seeded locally, never sent
        QCOMPARE(idx.data(CaseloadModel::LegalStatusRole).toString(), QStringLiteral("child_in_need"));
        QVERIFY(model.overdueCount() >= 1);
    }

    void caseloadSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("childIndex");
        QTest::addRow("first name") << QStringLiteral("Chloe") << 2;
        QTest::addRow("name prefix") << QStringLiteral("Dyl") << 3;
    }
    void caseloadSearch()
    {
        QFETCH(QString, text);
        QFETCH(int, childIndex);
        CaseloadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(model.summarised(), 20000);
        model.setSearchText(text);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 1 && model.rowCount() < 6, 10000);
        QCOMPARE(model.childIdAt(0), m_children.at(childIndex));
        model.setSearchText(QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 10000);
    }

    void childChronologyNewestFirst()
    {
        ChildViewModel vm;
        QAbstractItemModelTester tester(vm.chronology(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        vm.setStore(&m_store);
        vm.setChildId(m_children.at(3));
        QTRY_VERIFY_WITH_TIMEOUT(!vm.loading() && vm.chronology()->rowCount() > 0, 10000);
        QCOMPARE(vm.chronology()->rowCount(), 5);
        QVERIFY(vm.name().startsWith(QStringLiteral("Dylan")));
        QVERIFY(!vm.profile().isEmpty());
        const auto &entries = vm.chronology()->entries();
        for (int i = 1; i < entries.size(); ++i)
            QVERIFY(entries.at(i - 1).when >= entries.at(i).when);
    }

    void submitShowsViolationAtField_data()
    {
        QTest::addColumn<QVariantMap>("values");
        QTest::addColumn<bool>("addAction");
        QTest::addColumn<QString>("field");
        const QVariantMap complete{{QStringLiteral("rationale"), QStringLiteral("Statutory visit")},
                                   {QStringLiteral("children[0].seen"), true},
                                   {QStringLiteral("children[0].seen_alone"), true},
                                   {QStringLiteral("children[0].bedroom_seen"), true}};
        QVariantMap noRationale = complete;
        noRationale.remove(QStringLiteral("rationale"));
        QTest::addRow("rationale missing") << noRationale << false << QStringLiteral("rationale");
        QVariantMap notAlone = complete;
        notAlone.insert(QStringLiteral("children[0].seen_alone"), false);
        QTest::addRow("not alone, no reason") << notAlone << false << QStringLiteral("children[0].not_seen_alone_reason");
        QVariantMap notSeen = complete;
        notSeen.insert(QStringLiteral("children[0].seen"), false);
        QTest::addRow("not seen, no reason") << notSeen << false << QStringLiteral("children[0].not_seen_reason");
        QTest::addRow("action without owner") << complete << true << QStringLiteral("actions[0].owner");
    }
    void submitShowsViolationAtField()
    {
        QFETCH(QVariantMap, values);
        QFETCH(bool, addAction);
        QFETCH(QString, field);
        RecordForm form;
        form.setStore(&m_store);
        form.setAutosaveMs(60000);
        form.startNew({m_children.at(4)});
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        const QDateTime start = QDateTime::currentDateTime().addSecs(-3 * 3600);
        QVERIFY(form.setDateTimeText(QStringLiteral("started_at"), start.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        QVERIFY(form.setDateTimeText(QStringLiteral("ended_at"), start.addSecs(3600).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            form.setValue(it.key(), it.value());
        if (addAction) {
            form.addAction();
            form.setValue(QStringLiteral("actions[0].what"), QStringLiteral("Book a CAMHS appointment"));
            QVERIFY(form.setDateText(QStringLiteral("actions[0].due"), QDate::currentDate().addDays(7).toString(Qt::ISODate)));
        }
        QSignalSpy refused(&form, &RecordForm::submitRefused);
        QVERIFY(!form.submit());
        QCOMPARE(refused.count(), 1);
        QVERIFY2(form.errors().contains(field), qPrintable(form.errorFields().join(QLatin1Char(','))));
        QVERIFY(!form.error(field).isEmpty());
        QCOMPARE(form.state(), QStringLiteral("draft")); // nothing changed state
        // Answering the field clears its message at once.
        form.setValue(field, QStringLiteral("x"));
        QVERIFY(!form.errors().contains(field));
    }

    void completeVisitIsSavedAsSubmitted()
    {
        RecordForm form;
        form.setStore(&m_store);
        form.setAutosaveMs(60000);
        form.startNew({m_children.at(5)});
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        const QDateTime start = QDateTime::currentDateTime().addSecs(-3 * 3600);
        form.setDateTimeText(QStringLiteral("started_at"), start.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        form.setDateTimeText(QStringLiteral("ended_at"), start.addSecs(3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        form.setValue(QStringLiteral("rationale"), QStringLiteral("Statutory visit"));
        form.setValue(QStringLiteral("children[0].seen"), true);
        form.setValue(QStringLiteral("children[0].seen_alone"), false);
        form.setValue(QStringLiteral("children[0].not_seen_alone_reason"), QStringLiteral("child_refused"));
        form.setValue(QStringLiteral("children[0].bedroom_seen"), true);
        // Saying the child was seen alone after all drops the stale reason.
        form.setValue(QStringLiteral("children[0].seen_alone"), true);
        QVERIFY(!form.value(QStringLiteral("children[0].not_seen_alone_reason")).isValid());
        QSignalSpy saved(&form, &RecordForm::saved);
        QVERIFY2(form.submit(), qPrintable(form.errorFields().join(QLatin1Char(','))));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QCOMPARE(saved.at(0).at(0).toBool(), true);
        const StoredRecord stored = await(m_store.record(form.recordId()));
        QCOMPARE(stored.state, QStringLiteral("submitted"));
        QVERIFY(!stored.body.value(u"submitted_at").toString().isEmpty());
        QVERIFY(await(m_store.run<bool>([id = form.recordId()](Database &db) { return Outbox(db).hasUnsynced(id); })));
    }

    void draftAutosavesAndRestores()
    {
        QString key;
        {
            RecordForm form;
            form.setStore(&m_store);
            form.setAutosaveMs(200);
            form.startNew({m_children.at(2)});
            QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
            QSignalSpy autosaved(&form, &RecordForm::autosaved);
            form.setValue(QStringLiteral("rationale"), QStringLiteral("Half-written rationale"));
            QTRY_VERIFY_WITH_TIMEOUT(autosaved.count() >= 1, 5000);
            key = form.formKey();
            const auto text = await(m_store.draft(key));
            QVERIFY(text.has_value());
            QVERIFY(text->contains(QStringLiteral("Half-written rationale")));
        }
        RecordForm again;
        again.setStore(&m_store);
        again.startNew({m_children.at(2)});
        QTRY_VERIFY_WITH_TIMEOUT(again.ready(), 10000);
        QVERIFY(again.restoredDraft());
        QCOMPARE(again.value(QStringLiteral("rationale")).toString(), QStringLiteral("Half-written rationale"));
    }

    void approvedRecordOpensAsAmendment()
    {
        QJsonObject approved = demodata::visit(m_children.at(0), 20, 9);
        approved.insert(QStringLiteral("state"), QStringLiteral("approved"));
        approved.insert(QStringLiteral("reviewed_by"), QStringLiteral("manager1"));
        QVERIFY(await(m_store.run<bool>([approved](Database &db) -> Result<bool> {
            if (auto r = RecordRepository(db).applyRemote(approved, 3); !r)
                return r.error();
            return true;
        })));
        RecordForm form;
        form.setStore(&m_store);
        form.open(approved.value(u"id").toString());
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        QCOMPARE(form.amends(), approved.value(u"id").toString());
        QVERIFY(form.recordId() != approved.value(u"id").toString());
        QCOMPARE(form.state(), QStringLiteral("draft"));
        QCOMPARE(form.value(QStringLiteral("rationale")), approved.value(u"rationale").toVariant());
        QVERIFY(!form.value(QStringLiteral("reviewed_by")).isValid());
    }

    void returnedRecordShowsReason()
    {
        OutboxModel outbox;
        QAbstractItemModelTester tester(&outbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        outbox.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.rowCount() > 0, 10000);
        // The quarantined change comes first, with its reason; the returned visit is listed too.
        QCOMPARE(outbox.index(0).data(OutboxModel::StatusRole).toString(), QStringLiteral("quarantined"));
        QVERIFY(outbox.index(0).data(OutboxModel::ReasonRole).toString().contains(QStringLiteral("no longer allocated")));
        QString returnedId;
        for (int i = 0; i < outbox.rowCount(); ++i)
            if (outbox.index(i).data(OutboxModel::StatusRole).toString() == u"returned")
                returnedId = outbox.index(i).data(OutboxModel::RecordIdRole).toString();
        QVERIFY(!returnedId.isEmpty());
        RecordForm form;
        form.setStore(&m_store);
        form.open(returnedId);
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        QVERIFY(form.returnReason().contains(QStringLiteral("not seen alone")));
        QCOMPARE(form.recordId(), returnedId); // reopened in place, not copied
    }

    void quarantinedCanBeRetried()
    {
        OutboxModel outbox;
        outbox.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.rowCount() > 0, 10000);
        QSignalSpy requeued(&outbox, &OutboxModel::requeued);
        outbox.retry(0);
        QTRY_COMPARE_WITH_TIMEOUT(requeued.count(), 1, 10000);
        const auto quarantined = await(m_store.run<QList<OutboxEntry>>([](Database &db) { return Outbox(db).quarantined(); }));
        QVERIFY(quarantined.isEmpty());
    }

    void conflictResolutionQueuesTheField()
    {
        ConflictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&m_store);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        const QModelIndex idx = model.index(0);
        QCOMPARE(idx.data(ConflictModel::FieldRole).toString(), QStringLiteral("rationale"));
        const QString theirs = idx.data(ConflictModel::TheirsRole).toString();
        const QString recordId = idx.data(ConflictModel::RecordIdRole).toString();
        QVERIFY(theirs.contains(QStringLiteral("lateness")));
        QVERIFY(idx.data(ConflictModel::EditableRole).toBool());
        QSignalSpy resolved(&model, &ConflictModel::resolved);
        model.keepTheirs(0);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
        const StoredRecord rec = await(m_store.record(recordId));
        QCOMPARE(rec.body.value(u"rationale").toString(), theirs);
        // The decision is queued with the field even though the device already had theirs.
        const auto pending = await(m_store.pendingOutbox(100000));
        bool queued = false;
        for (const OutboxEntry &e : pending)
            if (e.recordId == recordId && e.patch.value(u"rationale").toString() == theirs)
                queued = true;
        QVERIFY(queued);
    }

    void pinVerifierAndLockOut()
    {
        InMemoryKeyStore keys;
        const QString entry = QStringLiteral("app-pin-test");
        {
            PinVault vault(&keys, entry);
            std::optional<Result<void>> set;
            vault.setPin(QStringLiteral("13579"), [&set](Result<void> r) { set = r; });
            QTRY_VERIFY_WITH_TIMEOUT(set.has_value(), 10000);
            QVERIFY(set->ok());
            QVERIFY(!keys.value(entry).contains("13579")); // only the scrypt verifier is kept
            std::optional<Result<PinVault::Outcome>> ok;
            vault.check(QStringLiteral("13579"), [&ok](Result<PinVault::Outcome> r) { ok = r; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 10000);
            QCOMPARE(ok->value(), PinVault::Outcome::Accepted);
            for (int i = 0; i < 4; ++i) {
                std::optional<Result<PinVault::Outcome>> wrong;
                vault.check(QStringLiteral("0000"), [&wrong](Result<PinVault::Outcome> r) { wrong = r; });
                QTRY_VERIFY_WITH_TIMEOUT(wrong.has_value(), 10000);
                QCOMPARE(wrong->value(), PinVault::Outcome::Wrong);
            }
        }
        // A restart does not reset the count: the fifth wrong PIN locks out, then even the right one is refused.
        PinVault vault(&keys, entry);
        std::optional<Result<void>> loaded;
        vault.load([&loaded](Result<void> r) { loaded = r; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QCOMPARE(vault.attemptsLeft(), 1);
        std::optional<Result<PinVault::Outcome>> fifth;
        vault.check(QStringLiteral("1111"), [&fifth](Result<PinVault::Outcome> r) { fifth = r; });
        QTRY_VERIFY_WITH_TIMEOUT(fifth.has_value(), 10000);
        QCOMPARE(fifth->value(), PinVault::Outcome::LockedOut);
        std::optional<Result<PinVault::Outcome>> right;
        vault.check(QStringLiteral("13579"), [&right](Result<PinVault::Outcome> r) { right = r; });
        QTRY_VERIFY_WITH_TIMEOUT(right.has_value(), 10000);
        QCOMPARE(right->value(), PinVault::Outcome::LockedOut);
        std::optional<Result<void>> reset;
        vault.resetAfterSignIn([&reset](Result<void> r) { reset = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reset.has_value(), 10000);
        QCOMPARE(vault.attemptsLeft(), PinVault::kMaxAttempts);
    }
};

QTEST_GUILESS_MAIN(TestViewModels)
#include "tst_viewmodels.moc"
