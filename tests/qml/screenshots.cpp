// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Writes a PNG of every main screen, landscape 1280×800 and portrait 800×1280 (and the caseload
// and visit form at 200% text), on fictional data, to ${DOORSTEP_BINARY_DIR}/screenshots/.
// Fails when a screen does not open, a grab is empty or QML warns.
#include "qml/appstate.h"
#include "qml/demodata.h"
#include "qml/demosession.h"
#include "qml/translations.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "sync/device.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <optional>

using namespace doorstep;

namespace {
void settle(int ms)
{
    DemoSession::waitUntil([] { return false; }, ms);
}

template <typename T>
std::optional<Result<T>> await(QFuture<Result<T>> f)
{
    std::optional<Result<T>> out;
    f.then([&out](Result<T> r) { out = std::move(r); });
    DemoSession::waitUntil([&out] { return out.has_value(); }, 60000);
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QTextStream out(stdout);
    // DOORSTEP_LANG=cy writes the Welsh screens (into screenshots/cy).
    const bool welsh = qEnvironmentVariable("DOORSTEP_LANG") == u"cy";
    installTranslations(app, welsh ? QLocale(QLocale::Welsh, QLocale::UnitedKingdom) : QLocale(QLocale::English, QLocale::UnitedKingdom));

    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                    : qEnvironmentVariable("DOORSTEP_BINARY_DIR", QDir::currentPath()) + QStringLiteral("/screenshots") + (welsh ? QStringLiteral("/cy") : QString());
    QDir().mkpath(outDir);

    QTemporaryDir data;
    DemoSession session(data.path());
    auto ids = session.prepare(14, 8);
    if (!ids.ok() || ids.value().size() < 2) {
        out << "screenshots: could not prepare: " << (ids.ok() ? QStringLiteral("no children") : ids.error().message) << Qt::endl;
        return 1;
    }
    const QString childId = ids.value().at(1);
    auto staged = await(session.device()->store()->run<bool>([childId](Database &db) -> Result<bool> {
        if (auto r = demodata::stageSyncExamples(db, childId); !r)
            return r.error();
        return true;
    }));
    if (!staged || !staged->ok()) {
        out << "screenshots: could not stage sync examples: " << (staged ? staged->error().message : QStringLiteral("timeout")) << Qt::endl;
        return 1;
    }
    session.app()->setLockWhenInactive(false);
    session.app()->refreshCounts();

    QQmlApplicationEngine engine;
    QStringList problems;
    QObject::connect(&engine, &QQmlEngine::warnings, [&problems](const QList<QQmlError> &w) {
        for (const QQmlError &e : w)
            problems << e.toString();
    });
    QQuickWindow *window = DemoSession::loadUi(engine, session.app());
    if (!window) {
        out << "screenshots: Main.qml did not load" << Qt::endl;
        return 1;
    }

    int written = 0;
    auto grab = [&](const QString &name) {
        settle(600);
        const QImage image = window->grabWindow();
        const QString path = QStringLiteral("%1/%2.png").arg(outDir, name);
        if (image.isNull() || !image.save(path)) {
            problems << QStringLiteral("could not grab %1").arg(name);
            return;
        }
        ++written;
        out << "screenshots: " << path << Qt::endl;
    };
    auto open = [&](const QString &page, const QVariantMap &props) -> QObject * {
        QVariant result;
        QMetaObject::invokeMethod(window, "openPage", Q_RETURN_ARG(QVariant, result), Q_ARG(QVariant, page), Q_ARG(QVariant, props));
        QObject *o = result.value<QObject *>();
        if (!o)
            problems << QStringLiteral("%1 did not open").arg(page);
        return o;
    };
    auto home = [&] { QMetaObject::invokeMethod(window, "home"); };

    struct Size {
        const char *name;
        int w, h;
    };
    for (const Size &size : {Size{"landscape", 1280, 800}, Size{"portrait", 800, 1280}}) {
        const QString suffix = QString::fromLatin1(size.name);
        window->resize(size.w, size.h);
        session.app()->setTextScale(1.0);
        home();
        settle(800);
        grab(QStringLiteral("caseload-") + suffix);

        open(QStringLiteral("ChildPage"), {{QStringLiteral("childId"), childId}});
        grab(QStringLiteral("child-") + suffix);
        home();

        if (QObject *page = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(0)}}})) {
            grab(QStringLiteral("visit-new-") + suffix);
            // Submitting an incomplete visit: each violation at its field, and the list at the top.
            auto *form = page->property("form").value<QObject *>();
            form->setProperty("autosaveMs", 60000);
            QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("children[0].seen")), Q_ARG(QVariant, true));
            QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("children[0].seen_alone")), Q_ARG(QVariant, false));
            bool ok = true;
            QMetaObject::invokeMethod(form, "submit", Q_RETURN_ARG(bool, ok));
            grab(QStringLiteral("visit-violations-") + suffix);
            // Further down: the child's card with the regulation 29 reasons.
            if (auto *flick = page->property("flickable").value<QObject *>())
                flick->setProperty("contentY", size.h * 0.9);
            grab(QStringLiteral("visit-childcard-") + suffix);
        }
        home();

        open(QStringLiteral("DirectWorkPage"), {{QStringLiteral("childIds"), QStringList{childId}}});
        grab(QStringLiteral("directwork-") + suffix);
        home();
        open(QStringLiteral("OutboxPage"), {});
        grab(QStringLiteral("outbox-") + suffix);
        home();
        open(QStringLiteral("ConflictsPage"), {});
        grab(QStringLiteral("conflicts-") + suffix);
        home();
    }

    // 200% text.
    window->resize(1280, 800);
    session.app()->setTextScale(2.0);
    home();
    settle(500);
    grab(QStringLiteral("caseload-text200"));
    open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(2)}}});
    grab(QStringLiteral("visit-new-text200"));
    home();
    session.app()->setTextScale(1.0);

    // The lock screen, both orientations.
    session.app()->lock();
    settle(300);
    grab(QStringLiteral("pin-landscape"));
    window->resize(800, 1280);
    grab(QStringLiteral("pin-portrait"));

    for (const QString &p : std::as_const(problems))
        out << "screenshots: problem: " << p << Qt::endl;
    out << "screenshots: " << written << " written to " << outDir << ", " << problems.size() << " problem(s)" << Qt::endl;
    return problems.isEmpty() && written >= 20 ? 0 : 1;
}
