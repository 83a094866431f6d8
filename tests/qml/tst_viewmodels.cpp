// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The client's view-models over a real SQLCipher store with fictional records.
#include "platform/awaitfuture.h"
#include "qml/caseloadmodel.h"
#include "qml/childviewmodel.h"
#include "qml/conflictmodel.h"
#include "qml/dateinput.h"
#include "qml/demodata.h"
#include "qml/labels.h"
#include "qml/outboxmodel.h"
#include "qml/pinvault.h"
#include "qml/recordform.h"
#include "qml/recordpages.h"
#include "core/store/conflictstore.h"
#include "core/store/draftstore.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "platform/inmemorykeystore.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLocale>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <openssl/rand.h>

#include <algorithm>
#include <optional>

using namespace doorstep;

class TestViewModels : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    T await(QFuture<Result<T>> f)
    {
        const Result<T> out = awaitResult(std::move(f), 60000);
        if (!out.ok())
            qFatal("store job failed: %s", qPrintable(out.error().message));
        return out.value();
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

    // The worker sees first the child who has waited longest for a visit, then the one due
    // soonest; children with no visiting frequency come last. Changing the order is a sort, not a
    // reset, so the list keeps its place; the choice does not reorder search results.
    void caseloadMostUrgentFirst()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.order(), CaseloadModel::ByUrgency);
        model.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(model.summarised(), 20000);
        QCOMPARE(model.rowCount(), 6);
        const auto ids = [&model] {
            QStringList list;
            for (int i = 0; i < model.rowCount(); ++i)
                list.append(model.childIdAt(i));
            return list;
        };
        const auto rankAt = [&model](int row) {
            const QModelIndex i = model.index(row);
            return i.data(CaseloadModel::OverdueRole).toBool() ? 0 : i.data(CaseloadModel::NextDueRole).toDate().isValid() ? 1 : 2;
        };
        int overdue = 0;
        int due = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            overdue += rankAt(row) == 0;
            due += rankAt(row) == 1;
            if (row == 0)
                continue;
            QVERIFY2(rankAt(row - 1) <= rankAt(row), qPrintable(ids().join(u',')));
            const QModelIndex before = model.index(row - 1);
            const QModelIndex here = model.index(row);
            if (rankAt(row) == 0 && rankAt(row - 1) == 0)
                QVERIFY(before.data(CaseloadModel::DaysOverdueRole).toInt() >= here.data(CaseloadModel::DaysOverdueRole).toInt());
            if (rankAt(row) == 1 && rankAt(row - 1) == 1)
                QVERIFY(before.data(CaseloadModel::NextDueRole).toDate() <= here.data(CaseloadModel::NextDueRole).toDate());
        }
        QVERIFY(overdue >= 1);
        QVERIFY(due >= 1);
        const QStringList urgent = ids();

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy sorts(&model, &QAbstractItemModel::layoutChanged);
        QPersistentModelIndex first = model.index(0);
        model.setOrder(CaseloadModel::ByName);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(sorts.count(), 1);
        QVERIFY(first.isValid());
        QCOMPARE(model.childIdAt(first.row()), urgent.first()); // the view's current child follows its row
        QStringList byName = urgent;
        std::sort(byName.begin(), byName.end(), [this](const QString &a, const QString &b) {
            return m_children.indexOf(a) < m_children.indexOf(b); // the demo children are seeded A to F
        });
        QCOMPARE(ids(), byName);
        QVERIFY(ids() != urgent);

        model.setSearchText(QStringLiteral("Chloe"));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 1 && model.rowCount() < 6, 10000);
        QCOMPARE(model.childIdAt(0), m_children.at(2));
        model.setOrder(CaseloadModel::ByUrgency);
        QCOMPARE(model.childIdAt(0), m_children.at(2));
        model.setSearchText(QString());
        QTRY_COMPARE_WITH_TIMEOUT(ids(), urgent, 10000);
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

    // The plan form is open when a sync brings a manager's change to another field of the child:
    // saving the form keeps that change instead of putting the old value back.
    void formSaveKeepsWhatAPullChangedMeanwhile()
    {
        const QString childId = m_children.at(2);
        RecordForm form;
        form.setStore(&m_store);
        form.setAutosaveMs(60000);
        form.open(childId);
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        const QString contingency = QStringLiteral("If the placement breaks down, the emergency foster carers on the duty rota take her.");
        QVERIFY(await(m_store.run<bool>([childId, contingency](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            auto current = repo.byId(childId);
            if (!current)
                return current.error();
            QJsonObject body = current.value().body;
            // A field the tablet's own unsent copy does not have, so the pull is no conflict.
            body.insert(QStringLiteral("preferred_name"), QStringLiteral("Coco"));
            if (auto a = repo.applyRemote(body, current.value().rev + 1); !a)
                return a.error();
            return true;
        })));
        form.setValue(QStringLiteral("plan.contingency"), contingency);
        QSignalSpy saved(&form, &RecordForm::saved);
        form.saveDraft();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        const StoredRecord stored = await(m_store.record(childId));
        QCOMPARE(stored.body.value(u"preferred_name").toString(), QStringLiteral("Coco"));
        QCOMPARE(stored.body.value(u"plan").toObject().value(u"contingency").toString(), contingency);
        QCOMPARE(form.value(QStringLiteral("preferred_name")).toString(), QStringLiteral("Coco"));
        QVERIFY(await(m_store.run<QList<ConflictEntry>>([childId](Database &db) { return ConflictStore(db).forRecord(childId); })).isEmpty());
    }

    // A reallocation's move, on the child record the service sends, reads in the child's
    // chronology among the visits: who the case moved to, from whom, who decided and why,
    // and the teams when the team changed.
    void changesOfWorkerAreInTheChronology()
    {
        const QString childId = m_children.at(5);
        const QString at = QDateTime::currentDateTimeUtc().addDays(-3).toString(Qt::ISODate);
        QVERIFY(await(m_store.run<bool>([childId, at](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            auto current = repo.byId(childId);
            if (!current)
                return current.error();
            QJsonObject body = current.value().body;
            // Opened in one team, moved within it, then moved to another team (schema 3 names the teams).
            const auto daysAgo = [](int days) { return QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODate); };
            body.insert(QStringLiteral("allocations"),
                        QJsonArray{QJsonObject{{QStringLiteral("at"), daysAgo(40)}, {QStringLiteral("worker"), QStringLiteral("w8")},
                                               {QStringLiteral("worker_name"), QStringLiteral("Sam Patel")},
                                               {QStringLiteral("team_name"), QStringLiteral("Demo North Team")},
                                               {QStringLiteral("reason"), QStringLiteral("Referral from the school nurse.")},
                                               {QStringLiteral("decided_by"), QStringLiteral("m1")},
                                               {QStringLiteral("decided_by_name"), QStringLiteral("Maria Lopez")}},
                                   QJsonObject{{QStringLiteral("at"), at}, {QStringLiteral("worker"), QStringLiteral("w9")},
                                               {QStringLiteral("worker_name"), QStringLiteral("Priya Shah")},
                                               {QStringLiteral("previous_worker_name"), QStringLiteral("Sam Patel")},
                                               {QStringLiteral("reason"), QStringLiteral("Sam moves to the court team.")},
                                               {QStringLiteral("decided_by"), QStringLiteral("m1")},
                                               {QStringLiteral("decided_by_name"), QStringLiteral("Maria Lopez")}},
                                   QJsonObject{{QStringLiteral("at"), daysAgo(1)}, {QStringLiteral("worker"), QStringLiteral("w4")},
                                               {QStringLiteral("worker_name"), QStringLiteral("Grace Hill")},
                                               {QStringLiteral("previous_worker"), QStringLiteral("w9")},
                                               {QStringLiteral("previous_worker_name"), QStringLiteral("Priya Shah")},
                                               {QStringLiteral("team_name"), QStringLiteral("Demo South Team")},
                                               {QStringLiteral("previous_team_name"), QStringLiteral("Demo North Team")},
                                               {QStringLiteral("reason"), QStringLiteral("The family moved across the borough.")},
                                               {QStringLiteral("decided_by"), QStringLiteral("m2")},
                                               {QStringLiteral("decided_by_name"), QStringLiteral("David Price")}}});
            if (auto a = repo.applyRemote(body, current.value().rev + 1); !a)
                return a.error();
            return true;
        })));
        ChildViewModel vm;
        vm.setStore(&m_store);
        vm.setChildId(childId);
        QTRY_VERIFY_WITH_TIMEOUT(!vm.loading() && vm.chronology()->rowCount() > 0, 10000);
        const auto &entries = vm.chronology()->entries();
        QList<ChronologyEntry> moves; // newest first
        for (int i = 0; i < entries.size(); ++i) {
            if (i > 0)
                QVERIFY(entries.at(i - 1).when >= entries.at(i).when);
            if (entries.at(i).type == QLatin1String("allocation"))
                moves << entries.at(i);
        }
        QCOMPARE(moves.size(), 3);
        QCOMPARE(moves[0].title, QStringLiteral("Case moved to Grace Hill, Demo South Team"));
        QVERIFY2(moves[0].summary.startsWith(QStringLiteral("From Priya Shah, Demo North Team. Decided by David Price.")), qPrintable(moves[0].summary));
        QCOMPARE(moves[1].title, QStringLiteral("Case moved to Priya Shah")); // within the team: no team named
        QVERIFY2(moves[1].summary.contains(QStringLiteral("From Sam Patel.")) && moves[1].summary.contains(QStringLiteral("Maria Lopez"))
                     && moves[1].summary.contains(QStringLiteral("Sam moves to the court team.")),
                 qPrintable(moves[1].summary));
        QCOMPARE(moves[2].title, QStringLiteral("Case allocated to Sam Patel, Demo North Team"));
        QVERIFY2(!moves[2].summary.contains(QStringLiteral("From")) && moves[2].summary.contains(QStringLiteral("school nurse")),
                 qPrintable(moves[2].summary));
        for (const ChronologyEntry &e : moves)
            QVERIFY(e.recordId.isEmpty()); // nothing to open
    }

    void visitingFrequencySaysWhichRuleApplies()
    {
        // The demo's first four children: child in need with a plan frequency, child protection
        // on council policy, looked after (placed 200 days ago) and early help.
        auto textFor = [this](int index) {
            ChildViewModel vm;
            vm.setStore(&m_store);
            vm.setChildId(m_children.at(index));
            if (!QTest::qWaitFor([&] { return !vm.loading() && !vm.name().isEmpty(); }, 10000))
                return QStringLiteral("(not loaded)");
            QVariantList profile = vm.profile();
            if (index == 2) { // what regulation 28 counts from is shown
                bool placementShown = false;
                for (const QVariant &row : profile)
                    placementShown = placementShown || row.toMap().value(QStringLiteral("label")).toString() == QStringLiteral("Placement since");
                if (!placementShown)
                    return QStringLiteral("(no placement row)");
            }
            return vm.frequencyText();
        };
        // (No translator is loaded here, so plurals read "day(s)"; the app's English catalogue has "days".)
        QVERIFY2(textFor(0).startsWith(QStringLiteral("every 20 working day")) && textFor(0).endsWith(QStringLiteral(", as the plan says")),
                 qPrintable(textFor(0)));
        QVERIFY2(textFor(1).contains(QStringLiteral("council policy for child protection")), qPrintable(textFor(1)));
        QVERIFY2(textFor(1).startsWith(QStringLiteral("every 10 working day")), qPrintable(textFor(1)));
        QCOMPARE(textFor(2), QStringLiteral("at least every 6 weeks in the placement's first year (regulation 28)"));
        QVERIFY2(textFor(3).startsWith(QStringLiteral("no statutory visiting frequency")), qPrintable(textFor(3)));

        // The council's own policy, as a pull page brings it, is what the device counts with.
        auto setPolicy = [this](const VisitPolicy &policy) {
            QVERIFY(await(m_store.run<bool>([policy](Database &db) -> Result<bool> {
                if (auto r = SyncState(db).setVisitPolicy(policy); !r)
                    return r.error();
                return true;
            })));
        };
        VisitPolicy fortnightly;
        fortnightly.childProtection = VisitFrequency{14, FrequencyUnit::CalendarDays};
        setPolicy(fortnightly);
        QVERIFY2(textFor(1).startsWith(QStringLiteral("every 14 day")), qPrintable(textFor(1)));
        setPolicy(VisitPolicy{});
        QVERIFY2(textFor(1).startsWith(QStringLiteral("every 10 working day")), qPrintable(textFor(1)));
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

    void neededFollowsTheAnswers()
    {
        // What submitting needs is marked as the answers come, as the rules say.
        QString key;
        {
            RecordForm form;
            form.setStore(&m_store);
            form.setAutosaveMs(60000);
            form.startNew({m_children.at(5)});
            QTRY_VERIFY_WITH_TIMEOUT(form.ready() && !form.childNames().isEmpty(), 10000); // names bring the suggested type
            auto needed = [&form](const char *path) { return form.needed().value(QString::fromLatin1(path)).toBool(); };
            QVERIFY(needed("rationale"));
            QVERIFY(needed("children[0].seen"));
            form.setValue(QStringLiteral("visit_type"), QStringLiteral("other"));
            QVERIFY(!needed("children[0].seen_alone")); // asked once the child was seen
            form.setValue(QStringLiteral("children[0].seen"), true);
            QVERIFY(!needed("children[0].seen"));
            QVERIFY(needed("children[0].seen_alone"));
            form.setValue(QStringLiteral("children[0].seen_alone"), false);
            QVERIFY(needed("children[0].not_seen_alone_reason"));
            form.setValue(QStringLiteral("children[0].not_seen_alone_reason"), QStringLiteral("child_refused"));
            QVERIFY(!needed("children[0].not_seen_alone_reason"));
            QVERIFY(!needed("children[0].bedroom_seen")); // only on statutory child protection and child in need visits
            form.setValue(QStringLiteral("visit_type"), QStringLiteral("statutory_cin"));
            QVERIFY(needed("children[0].bedroom_seen"));
            form.setValue(QStringLiteral("rationale"), QStringLiteral("Statutory visit under the plan"));
            QVERIFY(!needed("rationale"));
            key = form.formKey();
        }
        // The form kept its draft on the way out (before this, in the store's order): drop it, so
        // the next form for this child starts empty.
        QVERIFY(await(m_store.run<bool>([key](Database &db) -> Result<bool> {
            if (auto r = DraftStore(db).remove(key); !r)
                return r.error();
            return true;
        })));
    }

    void returnedRecordShowsReason()
    {
        OutboxModel outbox;
        QAbstractItemModelTester tester(&outbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        outbox.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.rowCount() > 0, 10000);
        // The quarantined change comes first, with its reason; the returned visit is listed too.
        QCOMPARE(outbox.index(0).data(OutboxModel::StatusRole).toString(), QStringLiteral("quarantined"));
        QCOMPARE(outbox.index(0).data(OutboxModel::ReasonRole).toString(), QStringLiteral("This child is not allocated to you."));
        // Refused for its allocation: the worker asks their manager and sends it again; there is
        // nothing in the record to put right.
        QVERIFY(outbox.index(0).data(OutboxModel::AdviceRole).toString().contains(QStringLiteral("manager")));
        QVERIFY(outbox.index(0).data(OutboxModel::CanSendAgainRole).toBool());
        QVERIFY(!outbox.index(0).data(OutboxModel::CanFixRole).toBool());
        // The returned visit needs the worker too: it comes next, named by its child.
        QCOMPARE(outbox.index(1).data(OutboxModel::StatusRole).toString(), QStringLiteral("returned"));
        const QString returnedId = outbox.index(1).data(OutboxModel::RecordIdRole).toString();
        QVERIFY(!returnedId.isEmpty());
        const QString title = outbox.index(1).data(OutboxModel::TitleRole).toString();
        QVERIFY2(title.contains(QStringLiteral(": ")) && !title.startsWith(QStringLiteral("Child in need visit")), qPrintable(title));
        RecordForm form;
        form.setStore(&m_store);
        form.open(returnedId);
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        QVERIFY(form.returnReason().contains(QStringLiteral("not seen alone")));
        QCOMPARE(form.recordId(), returnedId); // reopened in place, not copied
    }

    void refusedRuleIsSaidInWords()
    {
        // The same refused visit, as if the service had refused it for a rule: the reason names
        // the child and the field in words (not "children[0].seen_alone"), and the way out is to
        // open the record and put it right; sending it unchanged would only be refused again.
        const auto before = await(m_store.run<QList<OutboxEntry>>([](Database &db) { return Outbox(db).quarantined(); }));
        QCOMPARE(before.size(), 1);
        const OutboxEntry refused = before.first();
        auto requarantine = [&](const QString &reason, const QString &code, const QString &field) {
            const QString id = refused.mutationId;
            QVERIFY(await(m_store.run<bool>([=](Database &db) -> Result<bool> {
                if (auto r = Outbox(db).quarantine(id, reason, code, field); !r)
                    return r.error();
                return true;
            })));
        };
        requarantine(QStringLiteral("Say whether the child was seen alone."), QStringLiteral("required"),
                     QStringLiteral("children[0].seen_alone"));
        const auto record = await(m_store.run<StoredRecord>([id = refused.recordId](Database &db) { return RecordRepository(db).byId(id); }));
        const QString childId = record.body.value(u"children").toArray().at(0).toObject().value(u"child_id").toString();
        const auto child = await(m_store.run<StoredRecord>([childId](Database &db) { return RecordRepository(db).byId(childId); }));
        const QString childName = wire::titleOf(child.body);
        QVERIFY(!childName.isEmpty());

        OutboxModel outbox;
        outbox.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.rowCount() > 0, 10000);
        const QModelIndex row = outbox.index(0);
        QCOMPARE(row.data(OutboxModel::StatusRole).toString(), QStringLiteral("quarantined"));
        QCOMPARE(row.data(OutboxModel::ReasonRole).toString(),
                 QStringLiteral("%1: Child seen alone — Say whether the child was seen alone.").arg(childName));
        QVERIFY(row.data(OutboxModel::CanFixRole).toBool());
        QVERIFY(!row.data(OutboxModel::CanSendAgainRole).toBool());
        QVERIFY(row.data(OutboxModel::AdviceRole).toString().contains(QStringLiteral("Open the record")));

        requarantine(refused.lastError, refused.errorCode, refused.errorField); // as the demo left it
    }

    void refusedSubmissionByAnotherAuthorIsNotOfferedAgain()
    {
        // The service refuses "forbidden" both for a child no longer allocated (sending again can
        // work once allocated back) and for submitting someone else's record (it never can).
        const auto before = await(m_store.run<QList<OutboxEntry>>([](Database &db) { return Outbox(db).quarantined(); }));
        QCOMPARE(before.size(), 1);
        const OutboxEntry refused = before.first();
        QCOMPARE(refused.errorCode, QStringLiteral("forbidden"));
        auto requarantine = [&](const QString &reason, const QString &field) {
            QVERIFY(await(m_store.run<bool>([id = refused.mutationId, reason, field](Database &db) -> Result<bool> {
                if (auto r = Outbox(db).quarantine(id, reason, QStringLiteral("forbidden"), field); !r)
                    return r.error();
                return true;
            })));
        };
        OutboxModel allocation;
        allocation.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(allocation.rowCount() > 0, 10000);
        const QModelIndex allocated = allocation.index(0);
        QVERIFY(allocated.data(OutboxModel::CanSendAgainRole).toBool());
        QVERIFY(allocated.data(OutboxModel::AdviceRole).toString().contains(QStringLiteral("allocated")));

        requarantine(QStringLiteral("Only the author submits a record."), QStringLiteral("state"));
        OutboxModel author;
        author.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(author.rowCount() > 0, 10000);
        const QModelIndex notAuthor = author.index(0);
        QVERIFY(!notAuthor.data(OutboxModel::CanSendAgainRole).toBool());
        QVERIFY(!notAuthor.data(OutboxModel::CanFixRole).toBool());
        QVERIFY2(notAuthor.data(OutboxModel::AdviceRole).toString().contains(QStringLiteral("author")),
                 qPrintable(notAuthor.data(OutboxModel::AdviceRole).toString()));

        requarantine(refused.lastError, refused.errorField); // as the demo left it
    }

    void quarantinedCanBeRetried()
    {
        OutboxModel outbox;
        outbox.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.rowCount() > 0, 10000);
        QSignalSpy requeued(&outbox, &OutboxModel::requeued);
        outbox.retry(0);
        const QString oldId = outbox.index(0).data(OutboxModel::MutationIdRole).toString();
        QTRY_COMPARE_WITH_TIMEOUT(requeued.count(), 1, 10000);
        const auto quarantined = await(m_store.run<QList<OutboxEntry>>([](Database &db) { return Outbox(db).quarantined(); }));
        QVERIFY(quarantined.isEmpty());
        // Sent again under a new id: the service keeps its refusal of the old one.
        const auto old = await(m_store.run<bool>([oldId](Database &db) -> Result<bool> {
            auto e = Outbox(db).byMutationId(oldId);
            if (!e && e.error().code == ErrorCode::NotFound)
                return false;
            if (!e)
                return e.error();
            return true;
        }));
        QVERIFY(!old);
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

    void conflictEditorsFollowTheFieldKind()
    {
        // A visit changed here and on the service in a yes/no, a choice, a datetime and a list.
        QJsonObject shared = demodata::visit(m_children.at(3), 8, 1);
        const QString id = shared.value(u"id").toString();
        const QJsonObject keep{{QStringLiteral("id"), wire::newUuid()}, {QStringLiteral("what"), QStringLiteral("Book a CAMHS appointment")},
                               {QStringLiteral("owner"), QStringLiteral("Sam")}, {QStringLiteral("due"), QStringLiteral("2026-12-01")},
                               {QStringLiteral("status"), QStringLiteral("open")}};
        QJsonObject changedHere = keep;
        changedHere.insert(QStringLiteral("due"), QStringLiteral("2026-12-08"));
        QJsonObject changedThere = keep;
        changedThere.insert(QStringLiteral("owner"), QStringLiteral("Alex"));
        const QJsonObject onlyThere{{QStringLiteral("id"), wire::newUuid()}, {QStringLiteral("what"), QStringLiteral("School meeting")},
                                    {QStringLiteral("owner"), QStringLiteral("Sam")}, {QStringLiteral("due"), QStringLiteral("2026-12-03")},
                                    {QStringLiteral("status"), QStringLiteral("open")}};
        QList<merge::FieldConflict> conflicts;
        conflicts.append({QStringLiteral("announced"), QJsonValue(QJsonValue::Undefined), true, false});
        conflicts.append({QStringLiteral("visit_type"), QStringLiteral("statutory_cin"), QStringLiteral("statutory_cp"), QStringLiteral("other")});
        conflicts.append({QStringLiteral("started_at"), QStringLiteral("2026-11-01T09:00:00Z"), QStringLiteral("2026-11-01T10:00:00Z"),
                          QStringLiteral("2026-11-02T09:30:00Z")});
        conflicts.append({QStringLiteral("actions"), QJsonArray{keep}, QJsonArray{changedHere}, QJsonArray{changedThere, onlyThere}});
        QVERIFY(await(m_store.run<bool>([shared, id, conflicts](Database &db) -> Result<bool> {
            if (auto r = RecordRepository(db).applyRemote(shared, 4); !r)
                return r.error();
            for (const merge::FieldConflict &c : conflicts)
                if (auto r = ConflictStore(db).put(id, c, 5); !r)
                    return r.error();
            return true;
        })));
        ConflictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&m_store);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 10000);
        const auto rowOf = [&model](const QString &field) {
            for (int i = 0; i < model.rowCount(); ++i)
                if (model.index(i).data(ConflictModel::FieldRole).toString() == field)
                    return i;
            return -1;
        };
        const QHash<QString, QString> kinds{{QStringLiteral("announced"), QStringLiteral("yesno")},
                                            {QStringLiteral("visit_type"), QStringLiteral("choice")},
                                            {QStringLiteral("started_at"), QStringLiteral("datetime")},
                                            {QStringLiteral("actions"), QStringLiteral("list")}};
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
            QVERIFY(rowOf(it.key()) >= 0);
            QCOMPARE(model.index(rowOf(it.key())).data(ConflictModel::KindRole).toString(), it.value());
            QVERIFY(!model.index(rowOf(it.key())).data(ConflictModel::EditableRole).toBool()); // not free text
        }
        QCOMPARE(model.index(rowOf(QStringLiteral("visit_type"))).data(ConflictModel::OptionsRole).toList().size(), 4);
        QCOMPARE(model.index(rowOf(QStringLiteral("visit_type"))).data(ConflictModel::TheirsRole).toString(), Labels::visitTypes().last().toMap().value(QStringLiteral("text")).toString());

        // A value that does not fit the field is refused and nothing is saved.
        QVERIFY(!model.useValue(rowOf(QStringLiteral("announced")), QStringLiteral("maybe")));
        QVERIFY(!model.useValue(rowOf(QStringLiteral("visit_type")), QStringLiteral("picnic")));
        QVERIFY(!model.useValue(rowOf(QStringLiteral("started_at")), QStringLiteral("yesterday")));
        QCOMPARE(model.rowCount(), 4);

        // The list: one group per action; the action changed on both offers both versions.
        const QVariantList groups = model.index(rowOf(QStringLiteral("actions"))).data(ConflictModel::ListGroupsRole).toList();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).toMap().value(QStringLiteral("choices")).toList().size(), 2);
        QCOMPARE(groups.at(1).toMap().value(QStringLiteral("choices")).toList().size(), 1);
        const QString keyTheirs = groups.at(0).toMap().value(QStringLiteral("choices")).toList().at(1).toMap().value(QStringLiteral("key")).toString();
        const QString keyOnlyThere = groups.at(1).toMap().value(QStringLiteral("defaultKey")).toString();
        const QString keyMine = groups.at(0).toMap().value(QStringLiteral("defaultKey")).toString();
        QVERIFY(!model.useListItems(rowOf(QStringLiteral("actions")), {keyMine, keyTheirs})); // one action twice

        QSignalSpy resolved(&model, &ConflictModel::resolved);
        QVERIFY(model.useValue(rowOf(QStringLiteral("announced")), false));
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 10000);
        QVERIFY(model.useValue(rowOf(QStringLiteral("visit_type")), QStringLiteral("statutory_cla")));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        const QString picked = DateInput::combine(QStringLiteral("01/11/2026"), QStringLiteral("10:15"), {}, true).value(QStringLiteral("value")).toString();
        QVERIFY(model.useValue(rowOf(QStringLiteral("started_at")), picked));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        QVERIFY(model.useListItems(rowOf(QStringLiteral("actions")), {keyTheirs, QString(), keyOnlyThere}));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
        QCOMPARE(resolved.count(), 4);

        const StoredRecord rec = await(m_store.record(id));
        QCOMPARE(rec.body.value(u"announced"), QJsonValue(false));
        QCOMPARE(rec.body.value(u"visit_type").toString(), QStringLiteral("statutory_cla"));
        QCOMPARE(rec.body.value(u"started_at").toString(), picked);
        QCOMPARE(rec.body.value(u"actions").toArray(), (QJsonArray{changedThere, onlyThere}));
        // Every decision is queued with its field, so the service and the other devices get it.
        const auto pending = await(m_store.pendingOutbox(100000));
        QSet<QString> queued;
        for (const OutboxEntry &e : pending)
            if (e.recordId == id)
                for (auto it = e.patch.constBegin(); it != e.patch.constEnd(); ++it)
                    queued.insert(it.key());
        for (const QString &field : kinds.keys())
            QVERIFY2(queued.contains(field), qPrintable(field));
    }

    void mergedTextKeepsBoth_data()
    {
        QTest::addColumn<QString>("mine");
        QTest::addColumn<QString>("theirs");
        QTest::addColumn<QString>("merged");
        QTest::addRow("different") << QStringLiteral("A") << QStringLiteral("B") << QStringLiteral("A\n\nB");
        QTest::addRow("theirs extends mine") << QStringLiteral("Seen at home.") << QStringLiteral("Seen at home. Mum present.")
                                             << QStringLiteral("Seen at home. Mum present.");
        QTest::addRow("mine extends theirs") << QStringLiteral("Seen. Calm.") << QStringLiteral("Seen.") << QStringLiteral("Seen. Calm.");
        QTest::addRow("mine empty") << QString() << QStringLiteral("B") << QStringLiteral("B");
        QTest::addRow("theirs empty") << QStringLiteral("A") << QString() << QStringLiteral("A");
    }
    void mergedTextKeepsBoth()
    {
        QFETCH(QString, mine);
        QFETCH(QString, theirs);
        QFETCH(QString, merged);
        QCOMPARE(ConflictModel::mergedText(mine, theirs), merged);
    }

    void conflictingPlanReadsInWords()
    {
        // A plan that clashed (both sides changed the contingency) is read side by side in words,
        // not as JSON: each field by its label, the frequency and the actions as a person says them.
        const QJsonObject plan = QJsonDocument::fromJson(R"({"contingency":"Nan cares for the children.",
            "visiting_frequency":{"every":10,"unit":"working_days"},
            "actions":[{"id":"a1","what":"Referral to CAMHS","owner":"Sam Patel","due":"2026-12-01","status":"done"}]})").object();
        const QString text = ConflictModel::display(plan);
        QVERIFY2(!text.contains(QLatin1Char('{')) && !text.contains(QLatin1Char('"')), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Contingency plan: Nan cares for the children.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("How often to visit: every 10 working day")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("• Referral to CAMHS — Sam Patel, by 2026-12-01 (done)")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("a1")));
        QCOMPARE(ConflictModel::display(QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-01-05")},
                                                    {QStringLiteral("kind"), QStringLiteral("standard")}}),
                 QStringLiteral("Kind of placement: Foster or residential placement\nPlacement started: 2026-01-05"));
    }

    void dateInputParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::addRow("day first") << QStringLiteral("23/11/2026") << QStringLiteral("2026-11-23");
        QTest::addRow("short") << QStringLiteral("1/2/26") << QStringLiteral("2026-02-01");
        QTest::addRow("dashes") << QStringLiteral("01-02-2026") << QStringLiteral("2026-02-01");
        QTest::addRow("iso") << QStringLiteral("2026-02-01") << QStringLiteral("2026-02-01");
        QTest::addRow("spaces around") << QStringLiteral("  5.3.2026 ") << QStringLiteral("2026-03-05");
        QTest::addRow("impossible") << QStringLiteral("30/02/2026") << QString();
        QTest::addRow("words") << QStringLiteral("tomorrow") << QString();
        QTest::addRow("month first is not accepted as such") << QStringLiteral("11/23/2026") << QString();
    }
    void dateInputParses()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        QCOMPARE(DateInput::parseDate(text), iso);
    }

    void dateInputCombinesDateAndTime()
    {
        QCOMPARE(DateInput::parseTime(QStringLiteral("9:05")), QStringLiteral("09:05"));
        QCOMPARE(DateInput::parseTime(QStringLiteral("1430")), QStringLiteral("14:30"));
        QCOMPARE(DateInput::parseTime(QStringLiteral("25:00")), QString());
        // A date field keeps the date; a datetime field the UTC datetime of the local date and time.
        QCOMPARE(DateInput::combine(QStringLiteral("23/11/2026"), {}, {}, false).value(QStringLiteral("value")).toString(), QStringLiteral("2026-11-23"));
        const QVariantMap both = DateInput::combine(QStringLiteral("23/11/2026"), QStringLiteral("14:30"), {}, true);
        QVERIFY(both.value(QStringLiteral("ok")).toBool());
        const QString value = both.value(QStringLiteral("value")).toString();
        QVERIFY(value.endsWith(QLatin1Char('Z')));
        QCOMPARE(DateInput::dateTextOf(value), QStringLiteral("23/11/2026"));
        QCOMPARE(DateInput::timeTextOf(value), QStringLiteral("14:30"));
        QCOMPARE(DateInput::isoDateOf(value), QStringLiteral("2026-11-23"));
        // Picking only a new date keeps the time; only a new time keeps the date.
        const QString moved = DateInput::combine(QStringLiteral("2026-11-25"), {}, value, true).value(QStringLiteral("value")).toString();
        QCOMPARE(DateInput::dateTextOf(moved), QStringLiteral("25/11/2026"));
        QCOMPARE(DateInput::timeTextOf(moved), QStringLiteral("14:30"));
        const QString later = DateInput::combine({}, QStringLiteral("16:00"), value, true).value(QStringLiteral("value")).toString();
        QCOMPARE(DateInput::dateTextOf(later), QStringLiteral("23/11/2026"));
        QCOMPARE(DateInput::timeTextOf(later), QStringLiteral("16:00"));
        // Both empty: unanswered. Not understood: refused.
        QCOMPARE(DateInput::combine({}, {}, value, true).value(QStringLiteral("value")).toString(), QString());
        QVERIFY(!DateInput::combine(QStringLiteral("soon"), QStringLiteral("14:30"), value, true).value(QStringLiteral("ok")).toBool());
        QVERIFY(!DateInput::combine(QStringLiteral("23/11/2026"), QStringLiteral("teatime"), value, true).value(QStringLiteral("ok")).toBool());
        // The calendar's arithmetic crosses months and years.
        QCOMPARE(DateInput::addDays(QStringLiteral("2026-12-31"), 1), QStringLiteral("2027-01-01"));
        QCOMPARE(DateInput::addMonths(QStringLiteral("2026-01-31"), 1), QStringLiteral("2026-02-28"));
        QCOMPARE(DateInput::monthOf(QStringLiteral("2026-01-31")), 0);
        QCOMPARE(DateInput::fromParts(2026, 1, 29), QString()); // no 29 February in 2026
    }

    void visitTakesMoreThanOneChild()
    {
        RecordForm form;
        form.setStore(&m_store);
        form.setAutosaveMs(60000);
        form.startNew({m_children.at(2)});
        QTRY_VERIFY_WITH_TIMEOUT(form.ready() && form.childNames().size() == 1, 10000);
        // A sibling joins the visit with a card of their own; the same child twice is refused.
        QVERIFY(form.addChild(m_children.at(3)));
        QVERIFY(!form.addChild(m_children.at(3)));
        QVERIFY(!form.addChild(m_children.at(2)));
        QCOMPARE(form.count(QStringLiteral("children")), 2);
        QCOMPARE(form.childIds(), (QStringList{m_children.at(2), m_children.at(3)}));
        QTRY_COMPARE_WITH_TIMEOUT(form.childNames().size(), 2, 10000);
        QVERIFY(form.childNames().value(m_children.at(3)).toMap().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Dylan")));
        QCOMPARE(form.value(QStringLiteral("children[1].safety_concern")).toBool(), false);

        const QDateTime start = QDateTime::currentDateTime().addSecs(-3 * 3600);
        form.setValue(QStringLiteral("started_at"), start.toUTC().toString(Qt::ISODate));
        form.setValue(QStringLiteral("ended_at"), start.addSecs(3600).toUTC().toString(Qt::ISODate));
        form.setValue(QStringLiteral("rationale"), QStringLiteral("Statutory visit; both children at home"));
        for (const QString &card : {QStringLiteral("children[0]"), QStringLiteral("children[1]")}) {
            form.setValue(card + QStringLiteral(".seen"), true);
            form.setValue(card + QStringLiteral(".bedroom_seen"), true);
        }
        form.setValue(QStringLiteral("children[0].seen_alone"), true);
        // The second card's own question is asked of it, by its path.
        QVERIFY(!form.submit());
        QVERIFY2(form.errors().contains(QStringLiteral("children[1].seen_alone")), qPrintable(form.errorFields().join(QLatin1Char(','))));
        QVERIFY(!form.errors().contains(QStringLiteral("children[0].seen_alone")));

        // Removing a card drops the violations (they name cards by position) and keeps the other card.
        QVERIFY(form.removeChild(0));
        QVERIFY(form.errors().isEmpty());
        QCOMPARE(form.childIds(), QStringList{m_children.at(3)});
        QCOMPARE(form.value(QStringLiteral("children[0].bedroom_seen")).toBool(), true);
        QVERIFY(!form.removeChild(0)); // the last child stays
        QVERIFY(form.addChild(m_children.at(2)));
        form.setValue(QStringLiteral("children[0].seen_alone"), true);
        form.setValue(QStringLiteral("children[1].seen"), false);
        form.setValue(QStringLiteral("children[1].not_seen_reason"), QStringLiteral("At nursery"));
        form.setValue(QStringLiteral("children[1].bedroom_seen"), false);

        QSignalSpy saved(&form, &RecordForm::saved);
        QVERIFY2(form.submit(), qPrintable(form.errorFields().join(QLatin1Char(','))));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        const StoredRecord stored = await(m_store.record(form.recordId()));
        const QJsonArray cards = stored.body.value(u"children").toArray();
        QCOMPARE(cards.size(), 2);
        QCOMPARE(cards.at(0).toObject().value(u"child_id").toString(), m_children.at(3));
        QCOMPARE(cards.at(1).toObject().value(u"not_seen_reason").toString(), QStringLiteral("At nursery"));
    }

    void directWorkTakesMoreThanOneChild()
    {
        QString key;
        {
            RecordForm form;
            form.setStore(&m_store);
            form.setRecordType(QStringLiteral("direct_work"));
            form.setAutosaveMs(200);
            form.startNew({m_children.at(4)});
            QTRY_VERIFY_WITH_TIMEOUT(form.ready() && form.childNames().size() == 1, 10000);
            // A sibling joins the session; the same child twice is refused.
            QVERIFY(form.addChild(m_children.at(5)));
            QVERIFY(!form.addChild(m_children.at(5)));
            QCOMPARE(form.count(QStringLiteral("child_ids")), 2);
            QCOMPARE(form.childIds(), (QStringList{m_children.at(4), m_children.at(5)}));
            QTRY_COMPARE_WITH_TIMEOUT(form.childNames().size(), 2, 10000);
            QSignalSpy autosaved(&form, &RecordForm::autosaved);
            QTRY_VERIFY_WITH_TIMEOUT(autosaved.count() >= 1, 5000);
            key = form.formKey();
        }
        // Reopened from the caseload for the first child: the draft comes back with both, names and all.
        RecordForm form;
        form.setStore(&m_store);
        form.setRecordType(QStringLiteral("direct_work"));
        form.setAutosaveMs(60000);
        form.startNew({m_children.at(4)});
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        QVERIFY(form.restoredDraft());
        QCOMPARE(form.formKey(), key);
        QCOMPARE(form.childIds(), (QStringList{m_children.at(4), m_children.at(5)}));
        QTRY_COMPARE_WITH_TIMEOUT(form.childNames().size(), 2, 10000);
        QVERIFY(form.childNames().contains(m_children.at(5)));

        // Taken off and put back; the last child stays.
        QVERIFY(form.removeChild(1));
        QCOMPARE(form.childIds(), QStringList{m_children.at(4)});
        QVERIFY(!form.removeChild(0));
        QVERIFY(form.addChild(m_children.at(5)));

        form.setValue(QStringLiteral("activity"), QStringLiteral("wishes_and_feelings"));
        form.setValue(QStringLiteral("child_words"), QStringLiteral("\"We like drawing together.\""));
        QSignalSpy saved(&form, &RecordForm::saved);
        QVERIFY2(form.submit(), qPrintable(form.errorFields().join(QLatin1Char(','))));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        const StoredRecord stored = await(m_store.record(form.recordId()));
        QCOMPARE(stored.body.value(u"child_ids").toArray(), QJsonArray({m_children.at(4), m_children.at(5)}));
        // On both children's chronologies.
        for (const QString &child : {m_children.at(4), m_children.at(5)}) {
            const QList<StoredRecord> chronology = await(m_store.chronology(child));
            QVERIFY2(std::any_of(chronology.cbegin(), chronology.cend(), [&](const StoredRecord &r) { return r.id == form.recordId(); }),
                     qPrintable(child));
        }
    }

    void onePromptOrViolationPerField()
    {
        RecordForm form;
        form.setStore(&m_store);
        form.setAutosaveMs(60000);
        form.startNew({m_children.at(5)});
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        form.setValue(QStringLiteral("children[0].seen"), true);
        form.setValue(QStringLiteral("children[0].seen_alone"), false);
        const QString reason = QStringLiteral("children[0].not_seen_alone_reason");
        // Before submitting: a tip at the field.
        QVERIFY(form.prompts().contains(reason));
        QVERIFY(form.prompts().contains(QStringLiteral("rationale")));
        QVERIFY(!form.submit());
        // After: the violation, and no tip repeating it; the tip list agrees.
        QVERIFY(form.errors().contains(reason));
        QVERIFY(form.errors().contains(QStringLiteral("rationale")));
        QVERIFY(!form.prompts().contains(reason));
        QVERIFY(!form.prompts().contains(QStringLiteral("rationale")));
        for (const QVariant &p : form.promptList())
            QVERIFY2(!form.errors().contains(p.toMap().value(QStringLiteral("field")).toString()),
                     qPrintable(p.toMap().value(QStringLiteral("field")).toString()));
        // Fields with no violation keep their tips (the child's views).
        QVERIFY(form.prompts().contains(QStringLiteral("children[0].child_views")));
        // Answering clears the violation; the answered field has no tip either.
        form.setValue(reason, QStringLiteral("child_refused"));
        QVERIFY(!form.errors().contains(reason));
        QVERIFY(!form.prompts().contains(reason));
    }

    void theTipListSaysEachThingOnce()
    {
        RecordForm form;
        form.setStore(&m_store);
        form.setAutosaveMs(60000);
        form.startNew({m_children.at(5)});
        QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
        // Two actions, neither with an owner or a date: a tip at each, one line in the list.
        for (int i = 0; i < 2; ++i) {
            form.addAction();
            form.setValue(QStringLiteral("actions[%1].what").arg(i), QStringLiteral("Book a review meeting with the school nurse %1").arg(i));
        }
        QVERIFY(form.prompts().contains(QStringLiteral("actions[0].owner")));
        QVERIFY(form.prompts().contains(QStringLiteral("actions[1].owner")));
        const QString message = form.prompts().value(QStringLiteral("actions[0].owner")).toMap().value(QStringLiteral("message")).toString();
        QVERIFY(!message.isEmpty());
        int listed = 0;
        QSet<QString> seen;
        for (const QVariant &p : form.promptList()) {
            const QString m = p.toMap().value(QStringLiteral("message")).toString();
            listed += m == message;
            QVERIFY2(!seen.contains(m), qPrintable(m));
            seen.insert(m);
        }
        QCOMPARE(listed, 1);
        form.discardDraft();
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

    void returnedDirectWorkReportsItsType()
    {
        // A direct-work session the manager returned: the outbox says what it is, so Reopen opens
        // the direct-work form and not an empty visit form.
        QJsonObject work = demodata::directWork(m_children.at(4), 6);
        work.insert(QStringLiteral("state"), QStringLiteral("returned"));
        work.insert(QStringLiteral("return_reason"), QStringLiteral("Please add what the child said about school."));
        work.insert(QStringLiteral("reviewed_by"), QStringLiteral("manager1"));
        const QString id = work.value(u"id").toString();
        QVERIFY(await(m_store.run<bool>([work](Database &db) -> Result<bool> {
            if (auto r = RecordRepository(db).applyRemote(work, 4); !r)
                return r.error();
            return true;
        })));
        OutboxModel outbox;
        QAbstractItemModelTester tester(&outbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        outbox.setStore(&m_store);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.rowCount() > 0, 10000);
        QVERIFY(outbox.roleNames().values().contains("type"));
        int row = -1;
        for (int i = 0; i < outbox.rowCount(); ++i)
            if (outbox.index(i).data(OutboxModel::RecordIdRole).toString() == id)
                row = i;
        QVERIFY(row >= 0);
        const QModelIndex idx = outbox.index(row);
        QCOMPARE(idx.data(OutboxModel::StatusRole).toString(), QStringLiteral("returned"));
        QCOMPARE(idx.data(OutboxModel::TypeRole).toString(), QStringLiteral("direct_work"));
        QCOMPARE(RecordPages::formFor(idx.data(OutboxModel::TypeRole).toString()), QStringLiteral("DirectWorkPage.qml"));
        // The returned visit keeps opening the visit form.
        for (int i = 0; i < outbox.rowCount(); ++i) {
            const QModelIndex other = outbox.index(i);
            if (other.data(OutboxModel::StatusRole).toString() == u"returned" && i != row) {
                QCOMPARE(other.data(OutboxModel::TypeRole).toString(), QStringLiteral("visit"));
                QCOMPARE(RecordPages::formFor(other.data(OutboxModel::TypeRole).toString()), QStringLiteral("VisitFormPage.qml"));
            }
        }
        QCOMPARE(RecordPages::formFor(QStringLiteral("supervision")), QStringLiteral("SupervisionFormPage.qml"));
    }

    void chronologyShowsDateOnlyRecordsWithoutTime()
    {
        // Direct work has a session date and no time: no "00:00", and the date as written (not
        // shifted to the previous day by a time zone west of UTC).
        ChildViewModel vm;
        vm.setStore(&m_store);
        vm.setChildId(m_children.at(3));
        QTRY_VERIFY_WITH_TIMEOUT(!vm.loading() && vm.chronology()->rowCount() > 0, 10000);
        const ChronologyModel *model = vm.chronology();
        const QList<StoredRecord> records = await(m_store.chronology(m_children.at(3)));
        bool sawWork = false, sawVisit = false;
        for (int i = 0; i < model->rowCount(); ++i) {
            const QModelIndex idx = model->index(i);
            const QString type = idx.data(ChronologyModel::TypeRole).toString();
            const QString when = idx.data(ChronologyModel::WhenTextRole).toString();
            if (type == u"direct_work") {
                sawWork = true;
                const QString id = idx.data(ChronologyModel::RecordIdRole).toString();
                const auto rec = std::find_if(records.cbegin(), records.cend(), [&id](const StoredRecord &r) { return r.id == id; });
                QVERIFY(rec != records.cend());
                const QDate session = QDate::fromString(rec->body.value(u"session_date").toString(), Qt::ISODate);
                QVERIFY(session.isValid());
                QVERIFY2(!when.contains(u':'), qPrintable(when));
                QCOMPARE(when, QLocale().toString(session, QStringLiteral("d MMM yyyy")));
            } else if (type == u"visit") {
                sawVisit = true;
                QVERIFY2(when.contains(u':'), qPrintable(when)); // a visit keeps its time
            }
        }
        QVERIFY(sawWork);
        QVERIFY(sawVisit);
    }

    void everyFieldHasALabel()
    {
        // The conflicts screen names fields by Labels::fieldLabel: every field a record can carry,
        // including a child's card on a visit, has a label of its own (never the raw key).
        const QDate today = QDate::currentDate();
        const QJsonObject child = demodata::child(0, today);
        const QJsonObject visit = demodata::visit(child.value(u"id").toString(), 3, 1);
        const QJsonObject work = demodata::directWork(child.value(u"id").toString(), 3);
        QStringList fields = child.keys() + visit.keys() + work.keys();
        for (const QJsonValue &card : visit.value(u"children").toArray())
            fields += card.toObject().keys();
        // Fields the demo records leave out, from core/domain.cpp (envelope, child, visit, child on
        // a visit, direct work, review, supervision).
        fields += QStringList{
            QStringLiteral("state"), QStringLiteral("author"), QStringLiteral("created_at"), QStringLiteral("submitted_at"),
            QStringLiteral("amends"), QStringLiteral("return_reason"), QStringLiteral("reviewed_by"), QStringLiteral("reviewed_at"),
            QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("preferred_name"),
            QStringLiteral("date_of_birth"), QStringLiteral("gender"), QStringLiteral("ethnicity"), QStringLiteral("first_language"),
            QStringLiteral("interpreter_needed"), QStringLiteral("religion"), QStringLiteral("disability"), QStringLiteral("address"),
            QStringLiteral("legal_status"), QStringLiteral("cp_category"), QStringLiteral("allocated_worker"), QStringLiteral("team"),
            QStringLiteral("plan"), QStringLiteral("placement"),
            QStringLiteral("started_at"), QStringLiteral("ended_at"), QStringLiteral("visit_type"), QStringLiteral("announced"),
            QStringLiteral("location"), QStringLiteral("location_detail"), QStringLiteral("rationale"), QStringLiteral("present"),
            QStringLiteral("children"), QStringLiteral("analysis_risks"), QStringLiteral("analysis_strengths"),
            QStringLiteral("analysis_protective"), QStringLiteral("diversity"), QStringLiteral("interpreter_used"), QStringLiteral("actions"),
            QStringLiteral("child_id"), QStringLiteral("seen"), QStringLiteral("not_seen_reason"), QStringLiteral("seen_alone"),
            QStringLiteral("not_seen_alone_reason"), QStringLiteral("not_seen_alone_detail"), QStringLiteral("bedroom_seen"),
            QStringLiteral("safety_concern"), QStringLiteral("child_views"), QStringLiteral("observations"),
            QStringLiteral("child_ids"), QStringLiteral("session_date"), QStringLiteral("activity"), QStringLiteral("activity_detail"),
            QStringLiteral("tools_used"), QStringLiteral("aims"), QStringLiteral("child_words"), QStringLiteral("reflection"),
            QStringLiteral("next_steps"),
            QStringLiteral("record_id"), QStringLiteral("decision"), QStringLiteral("manager"), QStringLiteral("decided_at"),
            QStringLiteral("seen_rev"),
            QStringLiteral("worker"), QStringLiteral("held_on"), QStringLiteral("discussion"), QStringLiteral("decisions"),
        };
        fields.removeDuplicates();
        for (const QString &field : std::as_const(fields)) {
            if (wire::identityFields().contains(field))
                continue; // id, type, schema: never shown as a field
            const QString label = Labels::fieldLabel(field);
            QVERIFY2(!label.isEmpty() && label != field, qPrintable(field));
        }
    }

    void englishPluralsHaveASingular_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("two");
        QTest::addRow("children") << QByteArray("DashboardPage") << QByteArray("%n child(ren)") << QStringLiteral("1 child")
                                  << QStringLiteral("2 children");
        QTest::addRow("PIN tries") << QByteArray("doorstep::AppState") << QByteArray("That PIN is not right. %n tries left.")
                                   << QStringLiteral("That PIN is not right. 1 try left.")
                                   << QStringLiteral("That PIN is not right. 2 tries left.");
    }
    void englishPluralsHaveASingular()
    {
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(QString, one);
        QFETCH(QString, two);
        QTranslator english;
        QVERIFY(english.load(QStringLiteral("doorstep_en"), QStringLiteral(":/i18n")));
        // QTranslator picks the form; tr() then puts the number in for %n.
        QCOMPARE(english.translate(context.constData(), source.constData(), nullptr, 1).replace(QLatin1String("%n"), QLatin1String("1")), one);
        QCOMPARE(english.translate(context.constData(), source.constData(), nullptr, 2).replace(QLatin1String("%n"), QLatin1String("2")), two);
    }
    void restoredDraftGoesOntoANewerRecord()
    {
        // A worker leaves the plan and profile page with changes unsaved (the draft keeps them);
        // a pull then brings someone else's changes to another field and to one of the same
        // fields. Reopened, the draft's changes go onto the newer copy: the other change stays
        // (the old value is not quietly put back), and where both changed a field the draft's
        // words are shown with a note naming it.
        const QString childId = m_children.at(4);
        auto current = [&] {
            return await(m_store.run<StoredRecord>([childId](Database &db) { return RecordRepository(db).byId(childId); }));
        };
        {
            RecordForm form;
            form.setStore(&m_store);
            form.setAutosaveMs(60000);
            form.open(childId);
            QTRY_VERIFY_WITH_TIMEOUT(form.ready(), 10000);
            QCOMPARE(form.recordType(), QStringLiteral("child"));
            QVERIFY(!form.hasWorkflow());
            form.setValue(QStringLiteral("religion"), QStringLiteral("Quaker"));
            form.setValue(QStringLiteral("address"), QStringLiteral("2 Draft Road"));
            form.autosaveNow();
            QTRY_VERIFY_WITH_TIMEOUT(form.lastAutosave().isValid(), 10000);
        }
        const StoredRecord before = current();
        QJsonObject theirs = before.body;
        theirs.insert(QStringLiteral("first_language"), QStringLiteral("Polish"));
        theirs.insert(QStringLiteral("address"), QStringLiteral("3 Service Street"));
        QVERIFY(await(m_store.run<bool>([theirs, rev = before.rev + 1](Database &db) -> Result<bool> {
            if (auto r = RecordRepository(db).applyRemote(theirs, rev); !r)
                return r.error();
            return true;
        })));
        QCOMPARE(current().body.value(u"first_language").toString(), QStringLiteral("Polish"));

        RecordForm again;
        again.setStore(&m_store);
        again.setAutosaveMs(60000);
        again.open(childId);
        QTRY_VERIFY_WITH_TIMEOUT(again.ready(), 10000);
        QVERIFY(again.restoredDraft());
        QCOMPARE(again.value(QStringLiteral("religion")).toString(), QStringLiteral("Quaker"));      // the draft's change
        QCOMPARE(again.value(QStringLiteral("first_language")).toString(), QStringLiteral("Polish")); // theirs stays
        QCOMPARE(again.value(QStringLiteral("address")).toString(), QStringLiteral("2 Draft Road")); // both: the draft's words
        QVERIFY2(again.restoreNote().contains(QStringLiteral("Address")), qPrintable(again.restoreNote()));
        QVERIFY(!again.restoreNote().contains(QStringLiteral("Religion")));
        QVERIFY(!again.json().contains(QStringLiteral("_opened")));
        // Saved, the record has both changes and the draft is gone.
        QSignalSpy saved(&again, &RecordForm::saved);
        QVERIFY(again.submit());
        QVERIFY(saved.wait(10000));
        const QJsonObject stored = current().body;
        QCOMPARE(stored.value(u"religion").toString(), QStringLiteral("Quaker"));
        QCOMPARE(stored.value(u"first_language").toString(), QStringLiteral("Polish"));
        QVERIFY(!stored.contains(QStringLiteral("_opened")));
        QVERIFY(!await(m_store.run<std::optional<QString>>([childId](Database &db) {
            return DraftStore(db).get(QStringLiteral("edit:") + childId);
        })).has_value());
    }

};

QTEST_GUILESS_MAIN(TestViewModels)
#include "tst_viewmodels.moc"
