// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The tablet app. Three ways to start:
//   doorstep [--data-dir D]                       the app (keychain, real service)
//   doorstep --self-test                          loads every page offscreen on fictional data; exit 0 when clean
//   doorstep --demo-headless --server URL --user U --password P [--data-dir D]
//                                                 sign in, record a visit for a demo child, sync, print the outcome
#include "qml/appstate.h"
#include "qml/appstateforeign.h"
#include "qml/demodata.h"
#include "qml/managerdemo.h"
#include "qml/demosession.h"
#include "qml/recordform.h"
#include "qml/translations.h"
#include "core/processhardening.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "platform/awaitfuture.h"
#include "platform/inmemorykeystore.h"
#include "platform/paths.h"
#include "platform/qtkeychainkeystore.h"
#include "platform/reachability.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "sync/tlssettings.h"

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
#include <QScopeGuard>
#include <QSet>
#include <QQuickItem>

#include <cstdio>
#include <functional>
#include <optional>

using namespace doorstep;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// QML problems that reach the message handler without passing through QQmlEngine::warnings
// (console.warn, "QQmlContext: …", binding loops reported by Qt Quick): the self-test fails on them too.
QStringList *g_qmlMessages = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void captureQmlMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_qmlMessages && type != QtDebugMsg && type != QtInfoMsg) {
        const QLatin1String category(context.category ? context.category : "");
        const bool qml = category == QLatin1String("qml") || category == QLatin1String("js") || category.startsWith(QLatin1String("qt.qml"))
                         || category.startsWith(QLatin1String("qt.quick")) || message.contains(QLatin1String("qrc:/"))
                         || message.contains(QLatin1String(".qml")) || message.startsWith(QLatin1String("QQml"));
        if (qml)
            *g_qmlMessages << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

/** The QML type name of a page object ("VisitFormPage" for VisitFormPage_QMLTYPE_3). */
QString qmlTypeName(const QObject *o)
{
    QString name = QString::fromLatin1(o->metaObject()->className());
    for (const QLatin1String marker : {QLatin1String("_QMLTYPE_"), QLatin1String("_QML_")})
        if (const qsizetype at = name.indexOf(marker); at > 0)
            name.truncate(at);
    return name;
}

/** Loads the UI on fictional data and visits every page in qml/pages, as a worker and as a
 *  manager, in landscape and portrait, then the lock and sign-in screens. Fails (1) when a page
 *  does not open, a page of the module is never visited, or QML warns. */
int selfTest()
{
    QTemporaryDir dir;
    DemoSession session(dir.path());
    auto prepared = session.prepare(8, 6);
    if (!prepared.ok() || prepared.value().isEmpty()) {
        out() << "self-test: could not prepare the demo store: " << (prepared.ok() ? QStringLiteral("no children") : prepared.error().message)
              << Qt::endl;
        return 1;
    }
    const QString childId = prepared.value().first();
    Store *store = session.device()->store();
    // Something on the outbox and conflicts screens: a returned visit, a quarantined change, a conflict.
    auto staged = awaitResult(store->run<bool>([childId](Database &db) -> Result<bool> {
        if (auto r = demodata::stageSyncExamples(db, childId); !r)
            return r.error();
        return true;
    }), 30000);
    if (!staged.ok()) {
        out() << "self-test: could not stage the sync examples: " << staged.error().message << Qt::endl;
        return 1;
    }
    session.app()->setLockWhenInactive(false);
    session.app()->refreshCounts();

    QStringList problems;
    QStringList qmlMessages;
    g_qmlMessages = &qmlMessages;
    g_previousHandler = qInstallMessageHandler(captureQmlMessages);
    auto restoreHandler = qScopeGuard([] {
        qInstallMessageHandler(g_previousHandler);
        g_qmlMessages = nullptr;
    });

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlEngine::warnings, [&problems](const QList<QQmlError> &warnings) {
        for (const QQmlError &w : warnings)
            problems << w.toString();
    });
    QQuickWindow *window = DemoSession::loadUi(engine, session.app());
    if (!window) {
        out() << "self-test: Main.qml did not load" << Qt::endl;
        return 1;
    }
    auto settle = [](int ms) { DemoSession::waitUntil([] { return false; }, ms); };

    // Every page the module ships; each must be seen on screen at least once.
    QStringList pages = QDir(QStringLiteral(":/qt/qml/Doorstep/pages")).entryList({QStringLiteral("*.qml")}, QDir::Files);
    for (QString &p : pages)
        p.chop(4);
    if (pages.isEmpty())
        problems << QStringLiteral("no pages found in the module's resources");
    QSet<QString> seen;
    // Walks the visual tree: a page counts once it is a visible item in the window.
    std::function<void(QQuickItem *)> visit = [&](QQuickItem *item) {
        if (!item->isVisible())
            return;
        if (const QString type = qmlTypeName(item); pages.contains(type))
            seen.insert(type);
        for (QQuickItem *child : item->childItems())
            visit(child);
    };
    auto noteShown = [&] {
        if (QQuickItem *root = window->contentItem())
            visit(root);
    };

    auto open = [&](const QString &name, const QVariantMap &properties) -> QObject * {
        QVariant page;
        QMetaObject::invokeMethod(window, "openPage", Q_RETURN_ARG(QVariant, page), Q_ARG(QVariant, name), Q_ARG(QVariant, properties));
        QObject *o = page.value<QObject *>();
        if (!o) {
            problems << QStringLiteral("%1 did not open").arg(name);
            return nullptr;
        }
        if (qmlTypeName(o) != name)
            problems << QStringLiteral("%1 opened as %2").arg(name, qmlTypeName(o));
        settle(400);
        noteShown();
        return o;
    };
    auto home = [&] {
        QMetaObject::invokeMethod(window, "home");
        settle(100);
        noteShown();
    };
    // A form's popups are made when first opened: the calendar, the clock and the child picker.
    auto openPopups = [&](QObject *page) {
        const QList<std::pair<QString, const char *>> openers{{QStringLiteral("dateField:started_at"), "openCalendar"},
                                                              {QStringLiteral("dateField:ended_at"), "openClock"},
                                                              {QStringLiteral("dateField:session_date"), "openCalendar"}};
        for (const auto &[field, opener] : openers) {
            QObject *item = page->findChild<QObject *>(field);
            if (!item)
                continue;
            QVariant popup;
            QMetaObject::invokeMethod(item, opener, Q_RETURN_ARG(QVariant, popup));
            settle(200);
            if (QObject *p = popup.value<QObject *>())
                QMetaObject::invokeMethod(p, "close");
            else
                problems << QStringLiteral("%1 did not open its popup").arg(field);
        }
        if (QObject *picker = page->findChild<QObject *>(QStringLiteral("childPicker"))) {
            QMetaObject::invokeMethod(picker, "open");
            settle(300);
            QMetaObject::invokeMethod(picker, "close");
        } else {
            problems << QStringLiteral("%1 has no child picker").arg(qmlTypeName(page));
        }
        settle(100);
    };
    struct Size {
        int w, h;
        qreal textScale;
    };
    // Landscape, portrait, and landscape at 200% text (the layouts switch at large text).
    const QList<Size> sizes{{1280, 800, 1.0}, {800, 1280, 1.0}, {1280, 800, 2.0}};

    // As a worker.
    settle(500); // the caseload loads
    for (const Size &size : sizes) {
        window->resize(size.w, size.h);
        session.app()->setTextScale(size.textScale);
        home();
        open(QStringLiteral("ChildPage"), {{QStringLiteral("childId"), childId}});
        home();
        open(QStringLiteral("ChildFormPage"), {{QStringLiteral("childId"), childId}});
        home();
        if (QObject *visit = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{childId}}}))
            openPopups(visit);
        home();
        if (QObject *work = open(QStringLiteral("DirectWorkPage"), {{QStringLiteral("childIds"), QStringList{childId}}}))
            openPopups(work);
        home();
        open(QStringLiteral("OutboxPage"), {});
        home();
        open(QStringLiteral("ConflictsPage"), {});
        home();
        open(QStringLiteral("SettingsPage"), {});
        home();
    }

    // As a team manager, with the team's records as pulled from the service.
    const QDate today = QDate::currentDate();
    auto team = awaitResult(store->run<QStringList>([today](Database &db) { return demodata::seedTeam(db, 6, today); }), 30000);
    if (!team.ok() || team.value().isEmpty()) {
        problems << QStringLiteral("could not stage the manager's team: %1").arg(team.ok() ? QStringLiteral("no children") : team.error().message);
    } else {
        session.app()->setDemoUser(demodata::demoManagerId(), QStringLiteral("Mo Khan"), QStringLiteral("manager"), demodata::demoTeamId());
        if (!session.app()->isManager())
            problems << QStringLiteral("the demo manager is not a manager");
        const QString teamChild = team.value().first();
        for (const Size &size : sizes) {
            window->resize(size.w, size.h);
            session.app()->setTextScale(size.textScale);
            home();
            open(QStringLiteral("ChildPage"), {{QStringLiteral("childId"), teamChild}});
            home();
            open(QStringLiteral("DashboardPage"), {});
            home();
            open(QStringLiteral("SupervisionFormPage"), {{QStringLiteral("childIds"), QStringList{teamChild}}});
            home();
            open(QStringLiteral("ReallocatePage"), {{QStringLiteral("childId"), teamChild}});
            home();
            if (QObject *page = open(QStringLiteral("NewCasePage"), {}))
                page->property("form").value<QObject *>()->setProperty("autosaveMs", 600000);
            home();
            // Moves between teams (the demo team has one to answer), and answering it.
            if (QObject *transfers = open(QStringLiteral("TransfersPage"), {})) {
                auto *model = transfers->property("model").value<QObject *>();
                DemoSession::waitUntil([&] { return model && model->property("incomingCount").toInt() > 0; }, 10000);
                QVariantMap request;
                if (model && model->property("incomingCount").toInt() > 0)
                    QMetaObject::invokeMethod(model, "get", Q_RETURN_ARG(QVariantMap, request), Q_ARG(int, 0));
                if (request.isEmpty())
                    problems << QStringLiteral("no move between teams to answer");
                else
                    open(QStringLiteral("TransferAnswerPage"), {{QStringLiteral("transfer"), request}});
            }
            home();
            QString recordId;
            if (QObject *queue = open(QStringLiteral("ReviewQueuePage"), {})) {
                auto *model = queue->property("model").value<QObject *>();
                DemoSession::waitUntil([&] { return model && model->property("count").toInt() > 0; }, 10000);
                if (model)
                    QMetaObject::invokeMethod(model, "recordIdAt", Q_RETURN_ARG(QString, recordId), Q_ARG(int, 0));
                if (recordId.isEmpty())
                    problems << QStringLiteral("the approval queue is empty");
            }
            if (!recordId.isEmpty())
                open(QStringLiteral("ReviewPage"), {{QStringLiteral("recordId"), recordId}});
            home();
        }
    }

    // The lock screen, then five wrong PINs: the sign-in screen.
    window->resize(800, 1280);
    session.app()->setTextScale(1.0);
    session.app()->lock();
    settle(300);
    noteShown();
    if (session.app()->phase() != AppState::Phase::Locked)
        problems << QStringLiteral("the app did not lock");
    for (int attempt = 0; attempt < 5 && session.app()->phase() == AppState::Phase::Locked; ++attempt) {
        session.app()->unlock(QStringLiteral("0000"));
        DemoSession::waitUntil([&] { return !session.app()->busy(); }, 10000);
    }
    settle(300);
    noteShown();
    if (session.app()->phase() != AppState::Phase::SignIn)
        problems << QStringLiteral("five wrong PINs did not lead to signing in again");

    for (const QString &p : std::as_const(pages))
        if (!seen.contains(p))
            problems << QStringLiteral("page %1 was never shown").arg(p);
    for (const QString &m : std::as_const(qmlMessages))
        if (!problems.contains(m))
            problems << m;
    for (const QString &p : std::as_const(problems))
        out() << "self-test: " << p << Qt::endl;
    out() << "self-test: " << seen.size() << " of " << pages.size() << " pages shown, " << problems.size() << " problem(s)" << Qt::endl;
    return problems.isEmpty() && seen.size() == pages.size() ? 0 : 1;
}

/** Signs in, records a visit for the first child through the form's view-model, syncs, reports. */
int demoHeadless(const QString &dataDir, const QString &server, const QString &user, const QString &password, bool inMemoryKeys,
                 const sync::TlsSettings &tls)
{
    QNetworkAccessManager nam;
    std::unique_ptr<KeyStore> keys;
    if (inMemoryKeys)
        keys = std::make_unique<InMemoryKeyStore>();
    else
        keys = std::make_unique<QtKeychainKeyStore>();
    sync::Device device(dataDir, keys.get(), &nam);
    tls.applyTo(*device.api());
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
    // Before anything holds the database key or tokens.
    doorstep::guardAgainstCoreDumps(doorstep::DumpGuard::NoCoreFile);
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
    // A council's own CA and pinned keys (docs/threat-model.md); device management sets them in the
    // environment or the settings instead (sync::TlsSettings::resolve).
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QCoreApplication::translate("main", "PEM file of the council's own CA certificates, trusted besides the system's."),
                                    QStringLiteral("file"));
    const QCommandLineOption pin(QStringLiteral("pin"), QCoreApplication::translate("main", "A pinned public key of the service, sha256//BASE64 (repeat for more)."),
                                 QStringLiteral("key"));
    parser.addOptions({dataDir, selfTestOpt, demoOpt, server, user, password, memoryKeys, caFile, pin});
    parser.process(app);

    if (parser.isSet(selfTestOpt))
        return selfTest();

    auto dir = paths::ensureDataDirectory(parser.value(dataDir));
    if (!dir.ok()) {
        out() << dir.error().message << Qt::endl;
        return 1;
    }

    // Settings that cannot be used stop the app: talking to the service without a pin it was given
    // would weaken the check unseen.
    auto tls = sync::TlsSettings::resolve(parser.value(caFile), parser.values(pin));
    if (!tls.ok()) {
        out() << tls.error().message << Qt::endl;
        return 2;
    }

    if (parser.isSet(demoOpt)) {
        QString pw = parser.value(password);
        if (pw == QLatin1String("-"))
            pw = QTextStream(stdin).readLine();
        return demoHeadless(dir.value(), parser.value(server), parser.value(user), pw, parser.isSet(memoryKeys), tls.value());
    }

    QNetworkAccessManager nam;
    QtKeychainKeyStore keys;
    sync::Device device(dir.value(), &keys, &nam);
    tls.value().applyTo(*device.api());
    Reachability reachability;
    AppState state(&device, &keys, &reachability);
    QQmlApplicationEngine engine;
    if (!DemoSession::loadUi(engine, &state))
        return 1;
    state.start();
    return app.exec();
}
