// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// One Qt Quick Test runner for tests/qml/tst_*.qml: the real module, on an unlocked demo session.
#include "qml/appstate.h"
#include "qml/appstateforeign.h"
#include "qml/demosession.h"

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
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DemoSession> m_session;
};

QUICK_TEST_MAIN_WITH_SETUP(doorstep_forms, Setup)
#include "tst_qmlforms.moc"
