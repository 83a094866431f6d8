// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "demosession.h"

#include "appstate.h"
#include "appstateforeign.h"
#include "core/store/store.h"
#include "demodata.h"
#include "platform/inmemorykeystore.h"
#include "sync/device.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QThread>

namespace doorstep {

DemoSession::DemoSession(const QString &dataDir)
    : m_keys(std::make_unique<InMemoryKeyStore>())
    , m_device(std::make_unique<sync::Device>(dataDir, m_keys.get(), &m_nam))
    , m_app(std::make_unique<AppState>(m_device.get(), m_keys.get(), nullptr))
{
    m_device->engine()->setPeriodicInterval(std::chrono::milliseconds(0));
}

DemoSession::~DemoSession()
{
    m_app.reset();
    m_device.reset();
}

bool DemoSession::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!done())
            QThread::msleep(1);
    }
    return true;
}

Result<QStringList> DemoSession::prepare(int children, int recordsPerChild, const QString &pin, bool synced)
{
    m_app->startWithoutService();
    if (!waitUntil([this] { return m_app->phase() != AppState::Phase::Starting; }, 30000))
        return Error(ErrorCode::Timeout, QStringLiteral("the store did not open"));
    if (m_app->phase() == AppState::Phase::KeyProblem)
        return Error(ErrorCode::StorageError, m_app->errorString());
    QStringList ids;
    if (children > 0) {
        std::optional<Result<QStringList>> seeded;
        const QDate today = QDate::currentDate();
        m_device->store()
            ->run<QStringList>([children, recordsPerChild, today, synced](Database &db) {
                return synced ? demodata::seedSynced(db, children, recordsPerChild, today)
                              : demodata::seed(db, children, recordsPerChild, today);
            })
            .then([&seeded](Result<QStringList> r) { seeded = std::move(r); });
        if (!waitUntil([&seeded] { return seeded.has_value(); }, 30 * 60 * 1000))
            return Error(ErrorCode::Timeout, QStringLiteral("seeding did not finish"));
        if (!seeded->ok())
            return seeded->error();
        ids = seeded->value();
    }
    if (m_app->phase() == AppState::Phase::ChoosePin)
        m_app->choosePin(pin, pin);
    else
        m_app->unlock(pin);
    if (!waitUntil([this] { return m_app->phase() == AppState::Phase::Unlocked || !m_app->errorString().isEmpty(); }, 30000))
        return Error(ErrorCode::Timeout, QStringLiteral("the PIN step did not finish"));
    if (m_app->phase() != AppState::Phase::Unlocked)
        return Error(ErrorCode::Internal, m_app->errorString());
    return ids;
}

QQuickWindow *DemoSession::loadUi(QQmlApplicationEngine &engine, AppState *app)
{
    AppStateForeign::s_instance = app;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Doorstep/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}

} // namespace doorstep
