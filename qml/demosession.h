// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace doorstep {

class AppState;
class InMemoryKeyStore;
namespace sync {
class Device;
}

/**
 * A whole client on a throwaway data folder with fictional records and an in-memory key store:
 * the self-test, the screenshots, the UI tests and the benchmark all start the app this way.
 * Never used for real records (the key would be lost with the process).
 */
class DemoSession
{
public:
    explicit DemoSession(const QString &dataDir);
    ~DemoSession();

    /** Opens the store, seeds it (when children > 0) and chooses `pin`, so the app is unlocked. */
    Result<QStringList> prepare(int children, int recordsPerChild, const QString &pin = QStringLiteral("2468"), bool synced = false);

    AppState *app() const { return m_app.get(); }
    sync::Device *device() const { return m_device.get(); }

    /** Loads Main.qml from the module's resources; the AppState singleton is this session's. */
    static QQuickWindow *loadUi(QQmlApplicationEngine &engine, AppState *app);

    /** Spins the event loop until `done()` or `timeoutMs` (tools and tests only). */
    static bool waitUntil(const std::function<bool()> &done, int timeoutMs);

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<InMemoryKeyStore> m_keys;
    std::unique_ptr<sync::Device> m_device;
    std::unique_ptr<AppState> m_app;
};

} // namespace doorstep
