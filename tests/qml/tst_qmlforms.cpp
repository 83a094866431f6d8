// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// One Qt Quick Test runner for tests/qml/tst_*.qml: the real module, on an unlocked demo session.
#include "qml/appstate.h"
#include "qml/appstateforeign.h"
#include "qml/demodata.h"
#include "qml/demosession.h"
#include "core/store/decisionqueue.h"
#include "core/store/heldrecords.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "platform/awaitfuture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQuickTest>

using namespace doorstep;

/** Opens a throwaway store with fictional children before the QML tests run. */
class Setup : public QObject
{
    Q_OBJECT
public:
    // The QML engine holds the AppState singleton until quickTestMain returns, and Setup is
    // destroyed only after QGuiApplication; the session is left to process exit on purpose.
    ~Setup() override { (void)m_session.release(); }

public Q_SLOTS:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_session = std::make_unique<DemoSession>(m_dir.path());
        auto prepared = m_session->prepare(3, 2);
        if (!prepared.ok())
            qFatal("could not prepare the demo store: %s", qPrintable(prepared.error().message));
        m_session->app()->setLockWhenInactive(false);
        AppStateForeign::s_instance = m_session->app();
        // A direct-work session the manager returned (tst_outbox.qml reopens it by this id).
        QJsonObject work = demodata::directWork(prepared.value().first(), 4);
        work.insert(QStringLiteral("id"), QStringLiteral("3f1c2a7e-5b9d-4e21-9c6a-0d7e1b2c4a51"));
        work.insert(QStringLiteral("state"), QStringLiteral("returned"));
        work.insert(QStringLiteral("return_reason"), QStringLiteral("Please add what the child said about school."));
        work.insert(QStringLiteral("reviewed_by"), QStringLiteral("manager1"));
        // A visit the service sent that this tablet could not store (tst_outbox.qml finds it by id).
        QJsonObject held = demodata::visit(prepared.value().first(), 2, 0);
        held.insert(QStringLiteral("id"), QStringLiteral("5b2e8c1d-7a3f-4d6e-9b1c-2e4f6a8c0d13"));
        QJsonArray cards = held.value(QStringLiteral("children")).toArray();
        QJsonObject card = cards.first().toObject();
        card.insert(QStringLiteral("seen"), QStringLiteral("perhaps"));
        cards[0] = card;
        held.insert(QStringLiteral("children"), cards);
        // A visit waiting for a manager, whose approval the service refused as made on an older
        // version (tst_review.qml opens it by this id).
        QJsonObject submitted = demodata::visit(prepared.value().at(1), 3, 0);
        submitted.insert(QStringLiteral("id"), QStringLiteral("6c4d9e2a-1b3f-4a5c-8d7e-9f0a1b2c3d4e"));
        submitted.insert(QStringLiteral("author"), QStringLiteral("0a0a0a0a-0000-4000-8000-00000000000a"));
        submitted.insert(QStringLiteral("state"), QStringLiteral("submitted"));
        submitted.insert(QStringLiteral("submitted_at"), QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate));
        const auto staged = awaitResult(m_session->app()->store()->run<bool>([work, held, submitted](Database &db) -> Result<bool> {
            if (auto r = RecordRepository(db).applyRemote(work, 3); !r)
                return r.error();
            if (auto r = RecordRepository(db).applyRemote(submitted, 4); !r)
                return r.error();
            DecisionQueue decisions(db);
            auto stale = decisions.queue(submitted.value(QStringLiteral("id")).toString(), QStringLiteral("approve"), QStringLiteral("Good analysis."), 3);
            if (!stale)
                return stale.error();
            if (auto r = decisions.settle(stale.value().decisionId, QStringLiteral("conflict"), QStringLiteral("conflict"),
                                          QStringLiteral("The record changed since you read it."), 4);
                !r)
                return r.error();
            if (auto r = HeldRecords(db).hold(held.value(QStringLiteral("id")).toString(), 2, held,
                                              Error(ErrorCode::InvalidInput, QStringLiteral("must be true or false"), QStringLiteral("children[0].seen")));
                !r)
                return r.error();
            return true;
        }));
        if (!staged.ok())
            qFatal("could not stage the returned direct work: %s", qPrintable(staged.error().message));
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DemoSession> m_session;
};

QUICK_TEST_MAIN_WITH_SETUP(doorstep_forms, Setup)
#include "tst_qmlforms.moc"
