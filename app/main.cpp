// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The tablet app. Three ways to start:
//   doorstep [--data-dir D]                       the app (keychain, real service)
//   doorstep --self-test                          loads every page offscreen on fictional data; exit 0 when clean
//   doorstep --demo-headless --server URL --user U --password P [--data-dir D]
//                                                 sign in, record a visit for a demo child, sync, print the outcome
#include "qml/appstate.h"
#include "qml/appstateforeign.h"
#include "qml/demosession.h"
#include "qml/recordform.h"
#include "qml/translations.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "platform/inmemorykeystore.h"
#include "platform/paths.h"
#include "platform/qtkeychainkeystore.h"
#include "platform/reachability.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <optional>

using namespace doorstep;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

/** Loads the UI on fictional data and visits every page; any QML warning fails it. */
int selfTest()
{
    QTemporaryDir dir;
    DemoSession session(dir.path());
    if (auto prepared = session.prepare(8, 6); !prepared.ok()) {
        out() << "self-test: could not prepare the demo store: " << prepared.error().message << Qt::endl;
        return 1;
    }
    session.app()->setLockWhenInactive(false);
    QQmlApplicationEngine engine;
    QStringList problems;
    QObject::connect(&engine, &QQmlEngine::warnings, [&problems](const QList<QQmlError> &warnings) {
        for (const QQmlError &w : warnings)
            problems << w.toString();
    });
    QQuickWindow *window = DemoSession::loadUi(engine, session.app());
    if (!window) {
        out() << "self-test: Main.qml did not load" << Qt::endl;
        return 1;
    }
    const QString childId = [&] {
        std::optional<QString> id;
        session.device()->store()->caseload().then([&id](Result<QList<StoredRecord>> r) {
            id = r.ok() && !r.value().isEmpty() ? r.value().first().id : QString();
        });
        DemoSession::waitUntil([&id] { return id.has_value(); }, 10000);
        return id.value_or(QString());
    }();
    struct PageVisit {
        QString name;
        QVariantMap properties;
    };
    const QList<PageVisit> pages = {
        {QStringLiteral("ChildPage"), {{QStringLiteral("childId"), childId}}},
        {QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{childId}}}},
        {QStringLiteral("DirectWorkPage"), {{QStringLiteral("childIds"), QStringList{childId}}}},
        {QStringLiteral("OutboxPage"), {}},
        {QStringLiteral("ConflictsPage"), {}},
    };
    DemoSession::waitUntil([] { return false; }, 500); // the caseload loads
    int loaded = 1;
    for (const PageVisit &p : pages) {
        QVariant page;
        QMetaObject::invokeMethod(window, "openPage", Q_RETURN_ARG(QVariant, page), Q_ARG(QVariant, p.name),
                                  Q_ARG(QVariant, p.properties));
        if (!page.value<QObject *>()) {
            problems << QStringLiteral("%1 did not open").arg(p.name);
            continue;
        }
        DemoSession::waitUntil([] { return false; }, 400);
        ++loaded;
        QMetaObject::invokeMethod(window, "home");
    }
    // The lock screen and the sign-in screen too.
    session.app()->lock();
    DemoSession::waitUntil([] { return false; }, 200);
    if (session.app()->phase() != AppState::Phase::Locked)
        problems << QStringLiteral("the app did not lock");
    else
        ++loaded;
    for (const QString &p : std::as_const(problems))
        out() << "self-test: " << p << Qt::endl;
    out() << "self-test: " << loaded << " screens loaded, " << problems.size() << " problem(s)" << Qt::endl;
    return problems.isEmpty() ? 0 : 1;
}

/** Signs in, records a visit for the first child through the form's view-model, syncs, reports. */
int demoHeadless(const QString &dataDir, const QString &server, const QString &user, const QString &password, bool inMemoryKeys)
{
    QNetworkAccessManager nam;
    std::unique_ptr<KeyStore> keys;
    if (inMemoryKeys)
        keys = std::make_unique<InMemoryKeyStore>();
    else
        keys = std::make_unique<QtKeychainKeyStore>();
    sync::Device device(dataDir, keys.get(), &nam);
    device.engine()->setPeriodicInterval(std::chrono::milliseconds(0));
    auto step = [](const char *what, std::function<void(sync::Device::Done)> action) -> bool {
        std::optional<Result<void>> result;
        action([&result](Result<void> r) { result = std::move(r); });
        if (!DemoSession::waitUntil([&result] { return result.has_value(); }, 60000)) {
            out() << "demo: " << what << ": no answer within 60 s" << Qt::endl;
            return false;
        }
        if (!result->ok()) {
            out() << "demo: " << what << " failed: " << result->error().message << Qt::endl;
            return false;
        }
        out() << "demo: " << what << ": ok" << Qt::endl;
        return true;
    };
    auto syncOnce = [&device](sync::Device::Done done) {
        QObject::connect(device.engine(), &sync::SyncEngine::finished, device.engine(), [done](bool ok) {
            done(ok ? Result<void>() : Result<void>(Error(ErrorCode::NetworkError, QStringLiteral("sync did not complete"))));
        }, Qt::SingleShotConnection);
        device.engine()->syncNow();
    };
    QString lastError;
    QObject::connect(device.engine(), &sync::SyncEngine::syncError, [&lastError](const QString &, const QString &m) { lastError = m; });
    if (!step("open the device", [&](sync::Device::Done d) { device.open(d); }))
        return 1;
    if (!step("sign in", [&](sync::Device::Done d) { device.signIn(server, user, password, QStringLiteral("doorstep-demo"), d); }))
        return 1;
    if (!step("first sync (caseload)", syncOnce)) {
        out() << "demo: " << lastError << Qt::endl;
        return 1;
    }
    std::optional<Result<QList<StoredRecord>>> caseload;
    device.store()->caseload().then([&caseload](Result<QList<StoredRecord>> r) { caseload = std::move(r); });
    DemoSession::waitUntil([&caseload] { return caseload.has_value(); }, 30000);
    if (!caseload || !caseload->ok() || caseload->value().isEmpty()) {
        out() << "demo: no children arrived from the service" << Qt::endl;
        return 1;
    }
    const StoredRecord child = caseload->value().first();
    out() << "demo: caseload has " << caseload->value().size() << " children; recording a visit for "
          << child.body.value(u"first_name").toString() << ' ' << child.body.value(u"last_name").toString() << Qt::endl;

    // The same view-model the visit page uses: a missing rationale is refused with its field.
    RecordForm form;
    form.setStore(device.store());
    form.setAuthor(device.session()->user().id);
    form.startNew({child.id});
    DemoSession::waitUntil([&form] { return form.ready() && !form.childNames().isEmpty(); }, 10000);
    const QDateTime start = QDateTime::currentDateTime().addSecs(-2 * 3600);
    form.setDateTimeText(QStringLiteral("started_at"), start.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    form.setDateTimeText(QStringLiteral("ended_at"), start.addSecs(3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    form.setValue(QStringLiteral("location"), QStringLiteral("home"));
    form.setValue(QStringLiteral("announced"), true);
    form.setValue(QStringLiteral("children[0].seen"), true);
    if (form.submit()) {
        out() << "demo: unexpected: a visit without a rationale was accepted" << Qt::endl;
        return 1;
    }
    out() << "demo: submit refused as expected: " << form.errorFields().join(QStringLiteral(", ")) << Qt::endl;
    form.setValue(QStringLiteral("rationale"), QStringLiteral("Statutory visit under the plan (demo)."));
    form.setValue(QStringLiteral("children[0].seen_alone"), true);
    form.setValue(QStringLiteral("children[0].bedroom_seen"), true);
    form.setValue(QStringLiteral("children[0].child_views"), QStringLiteral("\"I like my new school.\" (demo)"));
    bool saved = false;
    QObject::connect(&form, &RecordForm::saved, [&saved](bool) { saved = true; });
    if (!form.submit()) {
        out() << "demo: submit refused: " << form.errorFields().join(QStringLiteral(", ")) << Qt::endl;
        return 1;
    }
    DemoSession::waitUntil([&] { return saved || !form.errorString().isEmpty(); }, 30000);
    if (!saved) {
        out() << "demo: the visit was not saved: " << form.errorString() << Qt::endl;
        return 1;
    }
    out() << "demo: visit " << form.recordId() << " saved and queued" << Qt::endl;
    if (!step("sync the visit", syncOnce)) {
        out() << "demo: " << lastError << Qt::endl;
        return 1;
    }
    const auto &s = device.engine()->stats();
    out() << "demo: outcome: pushed " << s.pushed << ", applied " << s.outcomes.applied << ", merged " << s.outcomes.merged
          << ", conflicts " << s.outcomes.conflicts << ", rejected " << s.outcomes.rejected << ", pulled " << s.pulled << Qt::endl;
    std::optional<Result<int>> unsynced;
    device.store()->unsyncedCount().then([&unsynced](Result<int> r) { unsynced = std::move(r); });
    DemoSession::waitUntil([&unsynced] { return unsynced.has_value(); }, 10000);
    const int left = unsynced && unsynced->ok() ? unsynced->value() : -1;
    out() << "demo: changes still waiting on the tablet: " << left << Qt::endl;
    return left == 0 && s.outcomes.rejected == 0 ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    bool headless = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--self-test" || a == "--demo-headless")
            headless = true;
    }
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QCoreApplication::setApplicationName(QStringLiteral("doorstep"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    doorstep::installTranslations(app);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Doorstep: recording for children's social care."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QCoreApplication::translate("main", "The device's data folder."), QStringLiteral("dir"));
    const QCommandLineOption selfTestOpt(QStringLiteral("self-test"), QCoreApplication::translate("main", "Load every page offscreen and exit."));
    const QCommandLineOption demoOpt(QStringLiteral("demo-headless"), QCoreApplication::translate("main", "Sign in, record a demo visit, sync, print the outcome."));
    const QCommandLineOption server(QStringLiteral("server"), QCoreApplication::translate("main", "Service address."), QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"), QCoreApplication::translate("main", "Username."), QStringLiteral("name"));
    const QCommandLineOption password(QStringLiteral("password"), QCoreApplication::translate("main", "Password ('-' reads a line from stdin)."), QStringLiteral("pw"));
    const QCommandLineOption memoryKeys(QStringLiteral("in-memory-keys"),
                                        QCoreApplication::translate("main", "Demo only: keep the key in memory (the data folder is throwaway)."));
    parser.addOptions({dataDir, selfTestOpt, demoOpt, server, user, password, memoryKeys});
    parser.process(app);

    if (parser.isSet(selfTestOpt))
        return selfTest();

    auto dir = paths::ensureDataDirectory(parser.value(dataDir));
    if (!dir.ok()) {
        out() << dir.error().message << Qt::endl;
        return 1;
    }

    if (parser.isSet(demoOpt)) {
        QString pw = parser.value(password);
        if (pw == QLatin1String("-"))
            pw = QTextStream(stdin).readLine();
        return demoHeadless(dir.value(), parser.value(server), parser.value(user), pw, parser.isSet(memoryKeys));
    }

    QNetworkAccessManager nam;
    QtKeychainKeyStore keys;
    sync::Device device(dir.value(), &keys, &nam);
    Reachability reachability;
    AppState state(&device, &keys, &reachability);
    QQmlApplicationEngine engine;
    if (!DemoSession::loadUi(engine, &state))
        return 1;
    state.start();
    return app.exec();
}
