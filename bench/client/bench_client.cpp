// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Prints JSON lines:
//   client.unlock_to_caseload.ms  PIN accepted → the caseload list rendered (500 children, 100,000 records)
//   client.caseload_summarised.ms PIN accepted → every row's due date / last seen filled in
//   client.rss_mb                 resident memory after the caseload, a chronology and the visit form
// DOORSTEP_BENCH_CHILDREN / DOORSTEP_BENCH_RECORDS_PER_CHILD shrink the store for a quick run.
#include "qml/appstate.h"
#include "qml/caseloadmodel.h"
#include "qml/demosession.h"
#include "qml/translations.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace doorstep;

namespace {
void report(const char *name, double value, const char *unit, const QJsonObject &extra = {})
{
    QJsonObject o{{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("value"), value}, {QStringLiteral("unit"), QLatin1String(unit)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

QObject *findPage(QQuickWindow *window, const char *name)
{
    return window->findChild<QObject *>(QLatin1String(name));
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    installTranslations(app, QLocale(QLocale::English, QLocale::UnitedKingdom));
    const int children = qEnvironmentVariableIntValue("DOORSTEP_BENCH_CHILDREN") > 0 ? qEnvironmentVariableIntValue("DOORSTEP_BENCH_CHILDREN") : 500;
    const int perChild = qEnvironmentVariableIntValue("DOORSTEP_BENCH_RECORDS_PER_CHILD") > 0 ? qEnvironmentVariableIntValue("DOORSTEP_BENCH_RECORDS_PER_CHILD") : 200;

    QTemporaryDir dir;
    DemoSession session(dir.path());
    QElapsedTimer seedTimer;
    seedTimer.start();
    // As after a sync: records pulled from the service, a few local changes still waiting.
    auto ids = session.prepare(children, perChild, QStringLiteral("2468"), true);
    if (!ids.ok()) {
        std::fprintf(stderr, "bench_client: %s\n", qPrintable(ids.error().message));
        return 1;
    }
    std::fprintf(stderr, "bench_client: seeded %d children, %d records in %lld ms\n", children, children * perChild, seedTimer.elapsed());
    AppState *state = session.app();
    state->setLockWhenInactive(false);
    state->lock(); // start from the lock screen, as a worker does

    QQmlApplicationEngine engine;
    QQuickWindow *window = DemoSession::loadUi(engine, state);
    if (!window)
        return 1;
    window->resize(1280, 800);
    DemoSession::waitUntil([] { return false; }, 300);

    QElapsedTimer clock;
    QObject::connect(state, &AppState::unlocked, [&clock] { clock.start(); });
    state->unlock(QStringLiteral("2468")); // scrypt runs first; the clock starts when it says yes
    CaseloadModel *model = nullptr;
    const bool shown = DemoSession::waitUntil([&] {
        if (!clock.isValid())
            return false;
        QObject *page = findPage(window, "caseloadPage");
        model = page ? page->property("model").value<CaseloadModel *>() : nullptr;
        return model && model->rowCount() == children;
    }, 60000);
    if (!shown) {
        std::fprintf(stderr, "bench_client: the caseload did not show\n");
        return 1;
    }
    (void)window->grabWindow(); // the frame with the list is rendered
    const qint64 shownMs = clock.elapsed();
    DemoSession::waitUntil([&] { return model->summarised(); }, 120000);
    const qint64 summarisedMs = clock.elapsed();
    const QJsonObject size{{QStringLiteral("children"), children}, {QStringLiteral("records"), children * perChild}};
    report("client.unlock_to_caseload.ms", double(shownMs), "ms", size);
    report("client.caseload_summarised.ms", double(summarisedMs), "ms", size);

    QVariant page;
    const QVariantMap childProps{{QStringLiteral("childId"), ids.value().at(1)}};
    const QVariantMap formProps{{QStringLiteral("childIds"), QStringList{ids.value().at(1)}}};
    QMetaObject::invokeMethod(window, "openPage", Q_RETURN_ARG(QVariant, page), Q_ARG(QVariant, QStringLiteral("ChildPage")),
                              Q_ARG(QVariant, childProps));
    DemoSession::waitUntil([&] {
        QObject *p = findPage(window, "childPage");
        QObject *vm = p ? p->property("viewModel").value<QObject *>() : nullptr;
        return vm && !vm->property("loading").toBool() && !vm->property("name").toString().isEmpty();
    }, 30000);
    (void)window->grabWindow();
    QMetaObject::invokeMethod(window, "openPage", Q_RETURN_ARG(QVariant, page), Q_ARG(QVariant, QStringLiteral("VisitFormPage")),
                              Q_ARG(QVariant, formProps));
    DemoSession::waitUntil([] { return false; }, 1000);
    (void)window->grabWindow();
    report("client.rss_mb", rssMb(), "MB", size);
    return 0;
}
