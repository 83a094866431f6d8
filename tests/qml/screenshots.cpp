// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Writes a PNG of every main screen, landscape 1280×800 and portrait 800×1280 (and the caseload
// and visit form at 200% text), on fictional data, to ${DOORSTEP_BINARY_DIR}/screenshots/.
// Fails when a screen does not open, a grab is empty or QML warns.
#include "qml/appstate.h"
#include "qml/demodata.h"
#include "qml/managerdemo.h"
#include "sync/device.h"
#include "sync/syncengine.h"
#include "qml/demosession.h"
#include "qml/translations.h"
#include "core/store/conflictstore.h"
#include "core/store/decisionqueue.h"
#include "core/store/recordrepository.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "core/store/store.h"
#include "sync/device.h"

#include <QAccessible>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
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
    QString lastGrab = QStringLiteral("(none yet)"); // names where a warning came, in the list of problems
    QObject::connect(&engine, &QQmlEngine::warnings, [&problems, &lastGrab](const QList<QQmlError> &w) {
        for (const QQmlError &e : w)
            problems << QStringLiteral("%1 (after %2)").arg(e.toString(), lastGrab);
    });
    QQuickWindow *window = DemoSession::loadUi(engine, session.app());
    if (!window) {
        out << "screenshots: Main.qml did not load" << Qt::endl;
        return 1;
    }

    int written = 0;
    // Every control on a grabbed screen must have a name a screen reader can say: the
    // Accessible.name the page gives it or, for a button, its text (Qt Quick Controls name a button
    // from its text once a reader is running, which the offscreen platform never has).
    const auto unnamedControls = [](QQuickItem *root) {
        QStringList unnamed;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            if (!item->isVisible())
                return;
            const bool control = item->inherits("QQuickAbstractButton") || item->inherits("QQuickComboBox")
                || item->inherits("QQuickSlider") || item->inherits("QQuickSpinBox")
                || ((item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit")) && !item->property("readOnly").toBool());
            if (control && item->isEnabled()) {
                QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
                QString name = iface ? iface->text(QAccessible::Name) : QString();
                if (name.trimmed().isEmpty() && item->inherits("QQuickAbstractButton"))
                    name = item->property("text").toString();
                if (name.trimmed().isEmpty())
                    unnamed << QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(item->metaObject()->className()), item->objectName());
            }
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(root);
        return unnamed;
    };
    // On a phone-width screen nothing may reach past the window's right edge (a one-line label or
    // switch in a layout widens the whole column): the outermost such item is named. Content a
    // Flickable scrolls sideways on purpose is left out.
    const auto overflowing = [](QQuickItem *root, qreal windowWidth) {
        QStringList found;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            if (!item->isVisible() || item->width() <= 0)
                return;
            if (item->inherits("QQuickFlickable") && item->property("contentWidth").toReal() > item->width() + 1)
                return;
            const qreal right = item->mapToScene(QPointF(item->width(), 0)).x();
            const qreal left = item->mapToScene(QPointF(0, 0)).x();
            if (right > windowWidth + 1 && left < windowWidth) {
                // Named by its class, its object name and the first words it or an item in it shows.
                QString words;
                std::function<void(QQuickItem *)> firstText = [&](QQuickItem *i) {
                    if (words.isEmpty())
                        words = i->property("text").toString().left(40);
                    for (QQuickItem *c : i->childItems())
                        if (words.isEmpty())
                            firstText(c);
                };
                firstText(item);
                found << QStringLiteral("%1 \"%2\" (\"%3\") reaches x=%4 (%5 wide)")
                             .arg(QString::fromLatin1(item->metaObject()->className()), item->objectName(), words)
                             .arg(qRound(right))
                             .arg(qRound(item->width()));
                return;
            }
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(root);
        return found;
    };
    auto grab = [&](const QString &name) {
        settle(600);
        lastGrab = name;
        if (name.contains(u"narrow")) {
            // What is still too wide a moment later: not a page sliding in or a resize under way.
            QStringList wide = overflowing(window->contentItem(), window->width());
            if (!wide.isEmpty()) {
                settle(400);
                const QStringList again = overflowing(window->contentItem(), window->width());
                wide.erase(std::remove_if(wide.begin(), wide.end(), [&again](const QString &i) { return !again.contains(i); }), wide.end());
            }
            for (const QString &item : std::as_const(wide))
                problems << QStringLiteral("%1: wider than the screen: %2").arg(name, item);
        }
        for (const QString &control : unnamedControls(window->contentItem()))
            problems << QStringLiteral("%1: a control without an accessible name: %2").arg(name, control);
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
    // Scrolls a page's form on in steps, as a finger would (the bars follow the steps), then waits.
    auto scrollOn = [&](QObject *page, qreal step) {
        if (auto *flick = page->property("flickable").value<QObject *>()) {
            for (int i = 1; i <= 10; ++i)
                flick->setProperty("contentY", step * i);
            settle(200);
        }
    };
    auto scrollToEnd = [&](QObject *page) {
        if (auto *flick = page->property("flickable").value<QObject *>())
            flick->setProperty("contentY", std::max<qreal>(0, flick->property("contentHeight").toReal() - flick->property("height").toReal()));
    };

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
        if (QObject *page = open(QStringLiteral("ChildFormPage"), {{QStringLiteral("childId"), childId}})) {
            auto *form = page->property("form").value<QObject *>();
            form->setProperty("autosaveMs", 60000);
            grab(QStringLiteral("childplan-") + suffix);
            // A new action not yet complete: what Save refuses, said per action.
            QMetaObject::invokeMethod(form, "addAction", Q_ARG(QString, QStringLiteral("plan.actions")));
            bool ok = true;
            QMetaObject::invokeMethod(form, "submit", Q_RETURN_ARG(bool, ok));
            grab(QStringLiteral("childplan-violations-") + suffix);
        }
        home();
        // A child whose plan sets its own frequency, with why: the frequency changed and the reason
        // not (the prompt asks for it again).
        if (QObject *page = open(QStringLiteral("ChildFormPage"), {{QStringLiteral("childId"), ids.value().at(0)}})) {
            auto *form = page->property("form").value<QObject *>();
            form->setProperty("autosaveMs", 60000);
            settle(400);
            QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("plan.visiting_frequency.every")), Q_ARG(QVariant, 10));
            grab(QStringLiteral("childplan-frequency-") + suffix);
            // The legal status changed to a child protection plan: the category is asked for, and
            // the untouched contingency queried.
            QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("legal_status")),
                                      Q_ARG(QVariant, QStringLiteral("child_protection")));
            settle(300); // the category's picker, just shown, is laid out before it is scrolled to
            auto *flick = page->property("flickable").value<QObject *>();
            QVariant shown;
            QMetaObject::invokeMethod(flick, "showField", Q_RETURN_ARG(QVariant, shown), Q_ARG(QVariant, QStringLiteral("cp_category")));
            if (!shown.toBool())
                problems << QStringLiteral("childplan-legal-status: no category field to show");
            settle(300);
            grab(QStringLiteral("childplan-legal-status-") + suffix);
            QMetaObject::invokeMethod(form, "discardDraft"); // the next orientation starts from the child as stored
        }
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
        open(QStringLiteral("SettingsPage"), {});
        grab(QStringLiteral("settings-") + suffix);
        home();
    }

    // The manager's approval queue and read view (docs/managers.md): team records as pulled from the
    // service, written by two workers, one with a safety concern, one decision queued offline and
    // one the service answered with a conflict.
    {
        const QString manager = QStringLiteral("0b0b0b0b-0000-4000-8000-000000000001");
        const QStringList kids = ids.value();
        QString concernId, conflictId;
        auto reviewStaged = await(session.device()->store()->run<bool>([&](Database &db) -> Result<bool> {
            RecordRepository repo(db);
            const QString workerA = QStringLiteral("0a0a0a0a-0000-4000-8000-00000000000a");
            const QString workerB = QStringLiteral("0c0c0c0c-0000-4000-8000-00000000000b");
            const QDateTime now = QDateTime::currentDateTimeUtc();
            auto submittedBy = [&](QJsonObject rec, const QString &author, int hoursAgo) {
                rec.insert(QStringLiteral("author"), author);
                rec.insert(QStringLiteral("state"), QStringLiteral("submitted"));
                rec.insert(QStringLiteral("submitted_at"), now.addSecs(-3600 * hoursAgo).toString(Qt::ISODate));
                return rec;
            };
            QJsonObject concern = submittedBy(demodata::visit(kids.at(3), 1, 0), workerA, 6);
            QJsonArray cards = concern.value(u"children").toArray();
            QJsonObject sibling = cards.at(0).toObject();
            sibling.insert(QStringLiteral("child_id"), kids.at(4));
            sibling.insert(QStringLiteral("safety_concern"), true);
            sibling.insert(QStringLiteral("seen_alone"), false);
            sibling.insert(QStringLiteral("not_seen_alone_reason"), QStringLiteral("unable_parent_refused"));
            sibling.insert(QStringLiteral("not_seen_alone_detail"), QStringLiteral("Father stayed in the room; a school visit is booked for Thursday."));
            sibling.insert(QStringLiteral("child_views"), QStringLiteral("Said the shouting at night frightens him and he hides under the duvet."));
            cards.append(sibling);
            concern.insert(QStringLiteral("children"), cards);
            concern.insert(QStringLiteral("actions"),
                           QJsonArray{QJsonObject{{QStringLiteral("id"), wire::newUuid()},
                                                  {QStringLiteral("what"), QStringLiteral("Strategy discussion with police and school")},
                                                  {QStringLiteral("owner"), QStringLiteral("Team manager")},
                                                  {QStringLiteral("due"), now.date().addDays(1).toString(Qt::ISODate)},
                                                  {QStringLiteral("status"), QStringLiteral("open")}}});
            // A draft that raises a concern: listed for the manager before it is submitted.
            QJsonObject concernDraft = demodata::visit(kids.at(9), 0, 7);
            concernDraft.insert(QStringLiteral("author"), workerB);
            QJsonArray draftCards = concernDraft.value(u"children").toArray();
            QJsonObject draftCard = draftCards.at(0).toObject();
            draftCard.insert(QStringLiteral("safety_concern"), true);
            draftCards.replace(0, draftCard);
            concernDraft.insert(QStringLiteral("children"), draftCards);
            const QList<QJsonObject> records{concern,
                                             submittedBy(demodata::visit(kids.at(5), 12, 2), workerB, 24 * 8),
                                             submittedBy(demodata::directWork(kids.at(6), 5), workerA, 24 * 4 + 3),
                                             submittedBy(demodata::visit(kids.at(7), 4, 3), workerB, 24 * 2),
                                             submittedBy(demodata::visit(kids.at(8), 3, 4), workerA, 20),
                                             concernDraft};
            for (const QJsonObject &r : records)
                if (auto a = repo.applyRemote(r, 4); !a)
                    return a.error();
            concernId = concern.value(u"id").toString();
            conflictId = records.at(1).value(u"id").toString();
            if (auto s = SyncState(db).set(QStringLiteral("team_user_names"),
                                           QString::fromUtf8(QJsonDocument(QJsonObject{{workerA, QStringLiteral("Sam Patel")},
                                                                                       {workerB, QStringLiteral("Jo Okafor")}})
                                                                 .toJson(QJsonDocument::Compact)));
                !s)
                return s.error();
            DecisionQueue decisions(db);
            if (auto q = decisions.queue(records.at(3).value(u"id").toString(), QStringLiteral("approve"),
                                         QStringLiteral("Child seen alone, views recorded, actions clear."), 4);
                !q)
                return q.error();
            auto stale = decisions.queue(conflictId, QStringLiteral("approve"), QStringLiteral("Good analysis."), 3);
            if (!stale)
                return stale.error();
            if (auto c = decisions.settle(stale.value().decisionId, QStringLiteral("conflict"), QStringLiteral("conflict"),
                                          QStringLiteral("The record changed since you read it."), 4);
                !c)
                return c.error();
            return true;
        }));
        if (!reviewStaged || !reviewStaged->ok())
            problems << QStringLiteral("could not stage the approval queue: %1").arg(reviewStaged ? reviewStaged->error().message : QStringLiteral("timeout"));
        for (const Size &size : {Size{"landscape", 1280, 800}, Size{"portrait", 800, 1280}}) {
            const QString suffix = QString::fromLatin1(size.name);
            window->resize(size.w, size.h);
            home();
            settle(300);
            open(QStringLiteral("ReviewQueuePage"), {{QStringLiteral("userId"), manager}});
            grab(QStringLiteral("review-queue-") + suffix);
            const QVariantMap reviewProps{{QStringLiteral("recordId"), concernId}, {QStringLiteral("userId"), manager},
                                          {QStringLiteral("closeAfterDecision"), false}};
            if (QObject *page = open(QStringLiteral("ReviewPage"), reviewProps)) {
                grab(QStringLiteral("review-read-") + suffix);
                // Further down: the second child's card (safety concern, not seen alone).
                if (auto *flick = page->property("flickable").value<QObject *>())
                    flick->setProperty("contentY", size.h * 0.55);
                if (auto *vm = page->property("viewModel").value<QObject *>())
                    vm->setProperty("rationale", QStringLiteral("Strategy discussion booked for tomorrow; approve the record of the visit."));
                grab(QStringLiteral("review-read-card-") + suffix);
            }
            home();
            open(QStringLiteral("ReviewQueuePage"), {{QStringLiteral("userId"), manager}});
            open(QStringLiteral("ReviewPage"), {{QStringLiteral("recordId"), conflictId}, {QStringLiteral("userId"), manager}});
            grab(QStringLiteral("review-conflict-") + suffix);
            home();
        }
        // On a phone at 200%: the record, the decision below it, and a decision the service refused.
        window->resize(400, 800);
        session.app()->setTextScale(2.0);
        home();
        settle(300);
        if (QObject *page = open(QStringLiteral("ReviewPage"), {{QStringLiteral("recordId"), concernId}, {QStringLiteral("userId"), manager},
                                                                {QStringLiteral("closeAfterDecision"), false}})) {
            settle(400);
            grab(QStringLiteral("review-read-narrow-text200"));
            scrollToEnd(page);
            grab(QStringLiteral("review-decision-narrow-text200"));
        }
        home();
        open(QStringLiteral("ReviewPage"), {{QStringLiteral("recordId"), conflictId}, {QStringLiteral("userId"), manager}});
        grab(QStringLiteral("review-conflict-narrow-text200"));
        home();
        session.app()->setTextScale(1.0);
        window->resize(1280, 800);
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

    // A sync took a child off this tablet (reallocated): the caseload says so once.
    for (const Size &size : {Size{"landscape", 1280, 800}, Size{"portrait", 800, 1280}}) {
        window->resize(size.w, size.h);
        home();
        Q_EMIT session.device()->engine()->childrenLeftCaseload({QStringLiteral("Ben Bevan"), QStringLiteral("Chloe Carrow")});
        settle(300);
        grab(QStringLiteral("caseload-moved-away-") + QString::fromLatin1(size.name));
        session.app()->dismissCaseloadNotice();
    }

    // A phone-width window (400 px), at 100% and 200% text: the sync bar keeps Lock on screen and
    // gives the status a line of its own; the worker's screens fit the width (grab checks it).
    window->resize(400, 800);
    for (const qreal scale : {1.0, 2.0}) {
        session.app()->setTextScale(scale);
        const QString narrow = scale > 1.0 ? QStringLiteral("-narrow-text200") : QStringLiteral("-narrow");
        home();
        settle(500);
        grab(QStringLiteral("caseload") + narrow);
        open(QStringLiteral("OutboxPage"), {});
        grab(QStringLiteral("outbox") + narrow);
        home();
        open(QStringLiteral("ChildPage"), {{QStringLiteral("childId"), childId}});
        settle(800);
        grab(QStringLiteral("child") + narrow);
        home();
        if (QObject *page = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(2)}}})) {
            page->property("form").value<QObject *>()->setProperty("autosaveMs", 60000);
            grab(QStringLiteral("visit") + narrow);
            // Scrolled on into the child's card: at 200% the header and footer have slid away.
            scrollOn(page, 90);
            grab(QStringLiteral("visit-scrolled") + narrow);
        }
        home();
        open(QStringLiteral("ConflictsPage"), {});
        grab(QStringLiteral("conflicts") + narrow);
        home();
        if (QObject *page = open(QStringLiteral("ChildFormPage"), {{QStringLiteral("childId"), childId}})) {
            page->property("form").value<QObject *>()->setProperty("autosaveMs", 60000);
            grab(QStringLiteral("childform") + narrow);
        }
        home();
        if (QObject *page = open(QStringLiteral("DirectWorkPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(2)}}})) {
            page->property("form").value<QObject *>()->setProperty("autosaveMs", 60000);
            grab(QStringLiteral("directwork") + narrow);
        }
        home();
        open(QStringLiteral("SettingsPage"), {});
        grab(QStringLiteral("settings") + narrow);
        home();
    }
    session.app()->setTextScale(1.0);

    // A phone held sideways (800 x 400): the form's header and footer would take over a third of
    // the height, so they slide away once the form is scrolled on.
    window->resize(800, 400);
    home();
    if (QObject *page = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(2)}}})) {
        page->property("form").value<QObject *>()->setProperty("autosaveMs", 60000);
        grab(QStringLiteral("visit-phone-sideways"));
        scrollOn(page, 60);
        grab(QStringLiteral("visit-scrolled-phone-sideways"));
    }
    home();

    // An open drop-down with its current option highlighted (readable, not white on white).
    for (const Size &size : {Size{"landscape", 1280, 800}, Size{"narrow", 400, 800}}) {
        window->resize(size.w, size.h);
        home();
        settle(300);
        if (QObject *page = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(5)}}})) {
            auto *form = page->property("form").value<QObject *>();
            form->setProperty("autosaveMs", 60000);
            settle(400);
            QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("visit_type")), Q_ARG(QVariant, QStringLiteral("statutory_cin")));
            settle(200);
            auto *box = page->findChild<QQuickItem *>(QStringLiteral("choice:visit_type"));
            auto *flick = page->property("flickable").value<QQuickItem *>();
            auto *content = flick ? flick->property("contentItem").value<QQuickItem *>() : nullptr;
            if (box && flick && content)
                flick->setProperty("contentY", std::max<qreal>(0, box->mapToItem(content, QPointF(0, 0)).y() - 0.2 * flick->height()));
            QObject *popup = box ? box->property("popup").value<QObject *>() : nullptr;
            if (!popup)
                problems << QStringLiteral("the visit type drop-down was not found");
            else
                QMetaObject::invokeMethod(popup, "open");
            grab(QStringLiteral("visit-dropdown-") + QString::fromLatin1(size.name));
            if (popup)
                QMetaObject::invokeMethod(popup, "close");
        }
        home();
    }
    window->resize(1280, 800);

    // The lock screen, both orientations.
    session.app()->lock();
    settle(300);
    grab(QStringLiteral("pin-landscape"));
    window->resize(800, 1280);
    grab(QStringLiteral("pin-portrait"));

    // Client (issue 5): a wrong PIN; several children on a visit, the calendar, the clock and the
    // child picker; conflicts of each kind and their editors; then a new tablet's sign-in and
    // choosing a PIN, each on a session of its own, in both orientations and at 200% text.
    {
        QQuickWindow *const mainWindow = window;
        session.app()->unlock(QStringLiteral("1357"));
        DemoSession::waitUntil([&] { return !session.app()->busy() && !session.app()->errorString().isEmpty(); }, 10000);
        grab(QStringLiteral("pin-wrong-portrait"));
        session.app()->unlock(QStringLiteral("2468"));
        if (!DemoSession::waitUntil([&] { return session.app()->phase() == AppState::Phase::Unlocked; }, 10000))
            problems << QStringLiteral("could not unlock again");
        // The same visit changed here and on the service: a text, a yes/no, a date and time, a list.
        auto conflictsStaged = await(session.device()->store()->run<bool>([childId](Database &db) -> Result<bool> {
            QJsonObject shared = demodata::visit(childId, 9, 1);
            if (auto r = RecordRepository(db).applyRemote(shared, 4); !r)
                return r.error();
            const QString id = shared.value(u"id").toString();
            const QJsonObject action{{QStringLiteral("id"), wire::newUuid()}, {QStringLiteral("what"), QStringLiteral("Refer to the school nurse")},
                                     {QStringLiteral("owner"), QStringLiteral("Sam Patel")},
                                     {QStringLiteral("due"), QDate::currentDate().addDays(7).toString(Qt::ISODate)},
                                     {QStringLiteral("status"), QStringLiteral("open")}};
            QJsonObject moved = action;
            moved.insert(QStringLiteral("due"), QDate::currentDate().addDays(14).toString(Qt::ISODate));
            const QJsonObject added{{QStringLiteral("id"), wire::newUuid()}, {QStringLiteral("what"), QStringLiteral("Book a family group conference")},
                                    {QStringLiteral("owner"), QStringLiteral("Jo Okafor")},
                                    {QStringLiteral("due"), QDate::currentDate().addDays(21).toString(Qt::ISODate)},
                                    {QStringLiteral("status"), QStringLiteral("open")}};
            const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-9);
            const QList<merge::FieldConflict> conflicts{
                {QStringLiteral("observations"), shared.value(u"observations"),
                 QStringLiteral("Home warm and tidy. Ben showed me his new bike."),
                 QStringLiteral("Home warm and tidy; fridge well stocked.")},
                {QStringLiteral("announced"), QJsonValue(QJsonValue::Undefined), true, false},
                {QStringLiteral("started_at"), start.toString(Qt::ISODate), start.addSecs(1800).toString(Qt::ISODate),
                 start.addSecs(-3600).toString(Qt::ISODate)},
                {QStringLiteral("actions"), QJsonArray{action}, QJsonArray{moved}, QJsonArray{action, added}}};
            for (const merge::FieldConflict &c : conflicts)
                if (auto r = ConflictStore(db).put(id, c, 5); !r)
                    return r.error();
            return true;
        }));
        if (!conflictsStaged || !conflictsStaged->ok())
            problems << QStringLiteral("could not stage the conflicts: %1").arg(conflictsStaged ? conflictsStaged->error().message : QStringLiteral("timeout"));
        session.app()->refreshCounts();
        auto popupOf = [](QObject *field, const char *opener) -> QObject * {
            QVariant popup;
            if (field)
                QMetaObject::invokeMethod(field, opener, Q_RETURN_ARG(QVariant, popup));
            return popup.value<QObject *>();
        };
        auto closePopup = [](QObject *popup) {
            if (popup)
                QMetaObject::invokeMethod(popup, "close");
        };
        auto clientScreens = [&](const QString &suffix, int height, bool all) {
            home();
            settle(300);
            if (QObject *page = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(0)}}})) {
                auto *form = page->property("form").value<QObject *>();
                form->setProperty("autosaveMs", 60000);
                settle(400);
                if (all) {
                    QObject *calendar = popupOf(page->findChild<QObject *>(QStringLiteral("dateField:started_at")), "openCalendar");
                    grab(QStringLiteral("visit-calendar-") + suffix);
                    closePopup(calendar);
                    QObject *clock = popupOf(page->findChild<QObject *>(QStringLiteral("dateField:ended_at")), "openClock");
                    grab(QStringLiteral("visit-clock-") + suffix);
                    closePopup(clock);
                    if (QObject *picker = page->findChild<QObject *>(QStringLiteral("childPicker"))) {
                        QMetaObject::invokeMethod(picker, "open");
                        settle(600);
                        grab(QStringLiteral("visit-addchild-") + suffix);
                        QMetaObject::invokeMethod(picker, "close");
                    }
                }
                bool added = false; // false when the restored draft already has them
                QMetaObject::invokeMethod(form, "addChild", Q_RETURN_ARG(bool, added), Q_ARG(QString, ids.value().at(3)));
                int cards = 0;
                QMetaObject::invokeMethod(form, "count", Q_RETURN_ARG(int, cards), Q_ARG(QString, QStringLiteral("children")), Q_ARG(int, 0));
                if (cards != 2)
                    problems << QStringLiteral("a second child was not added to the visit");
                QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("children[1].seen")), Q_ARG(QVariant, true));
                settle(300);
                // Where the first card ends and the second begins, whatever the layout's heights.
                auto *flick = page->property("flickable").value<QQuickItem *>();
                auto *repeater = page->findChild<QObject *>(QStringLiteral("cardRepeater"));
                QQuickItem *second = nullptr;
                if (repeater)
                    QMetaObject::invokeMethod(repeater, "itemAt", Q_RETURN_ARG(QQuickItem *, second), Q_ARG(int, 1));
                auto *content = flick ? flick->property("contentItem").value<QQuickItem *>() : nullptr;
                if (!second || !content) {
                    problems << QStringLiteral("the second child's card was not found");
                } else {
                    const qreal top = second->mapToItem(content, QPointF(0, 0)).y();
                    const qreal maxY = std::max<qreal>(0, flick->property("contentHeight").toReal() - flick->height());
                    flick->setProperty("contentY", std::clamp<qreal>(top - 0.3 * flick->height(), 0, maxY));
                }
                grab(QStringLiteral("visit-twochildren-") + suffix);
            }
            home();
            if (!all)
                return;
            // Direct work with a brother or sister, and the question before one is taken off.
            if (QObject *page = open(QStringLiteral("DirectWorkPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(0)}}})) {
                auto *form = page->property("form").value<QObject *>();
                form->setProperty("autosaveMs", 60000);
                settle(400);
                bool added = false;
                QMetaObject::invokeMethod(form, "addChild", Q_RETURN_ARG(bool, added), Q_ARG(QString, ids.value().at(3)));
                int children = 0;
                QMetaObject::invokeMethod(form, "count", Q_RETURN_ARG(int, children), Q_ARG(QString, QStringLiteral("child_ids")), Q_ARG(int, 0));
                if (children != 2)
                    problems << QStringLiteral("a second child was not added to the direct work");
                grab(QStringLiteral("directwork-twochildren-") + suffix);
                QQuickItem *chip = nullptr;
                if (auto *repeater = page->findChild<QObject *>(QStringLiteral("childRepeater")))
                    QMetaObject::invokeMethod(repeater, "itemAt", Q_RETURN_ARG(QQuickItem *, chip), Q_ARG(int, 1));
                QVariant confirm;
                if (chip)
                    QMetaObject::invokeMethod(chip, "askRemove", Q_RETURN_ARG(QVariant, confirm));
                if (!confirm.value<QObject *>())
                    problems << QStringLiteral("removing a child from direct work did not ask first");
                grab(QStringLiteral("directwork-removechild-") + suffix);
                if (QObject *popup = confirm.value<QObject *>())
                    QMetaObject::invokeMethod(popup, "close");
            }
            home();
            if (QObject *page = open(QStringLiteral("ConflictsPage"), {})) {
                settle(600);
                grab(QStringLiteral("conflicts-kinds-") + suffix);
                for (const char *field : {"observations", "announced", "actions", "started_at"})
                    if (QObject *item = page->findChild<QObject *>(QStringLiteral("conflict:") + QLatin1String(field)))
                        item->setProperty("editing", true);
                grab(QStringLiteral("conflicts-edit-") + suffix);
                if (auto *list = page->findChild<QObject *>(QStringLiteral("conflictList")))
                    list->setProperty("contentY", height * 1.2);
                grab(QStringLiteral("conflicts-edit-list-") + suffix);
            }
            home();
        };
        for (const Size &size : {Size{"landscape", 1280, 800}, Size{"portrait", 800, 1280}}) {
            window->resize(size.w, size.h);
            clientScreens(QString::fromLatin1(size.name), size.h, true);
        }
        window->resize(1280, 800);
        session.app()->setTextScale(2.0);
        clientScreens(QStringLiteral("text200"), 800, false);
        if (QObject *page = open(QStringLiteral("VisitFormPage"), {{QStringLiteral("childIds"), QStringList{ids.value().at(4)}}})) {
            settle(400);
            QObject *calendar = popupOf(page->findChild<QObject *>(QStringLiteral("dateField:started_at")), "openCalendar");
            grab(QStringLiteral("visit-calendar-text200"));
            closePopup(calendar);
        }
        home();
        open(QStringLiteral("ConflictsPage"), {});
        grab(QStringLiteral("conflicts-text200"));
        home();
        session.app()->setTextScale(1.0);

        // A new tablet: sign in (with the message for a missing field), then choose a PIN.
        QTemporaryDir firstRunData, choosePinData;
        DemoSession firstRun(firstRunData.path()), choosing(choosePinData.path());
        firstRun.app()->start();
        choosing.app()->startWithoutService();
        const bool started = DemoSession::waitUntil([&] {
            return firstRun.app()->phase() == AppState::Phase::SignIn && choosing.app()->phase() == AppState::Phase::ChoosePin;
        }, 30000);
        if (!started)
            problems << QStringLiteral("a new tablet did not reach sign-in and choosing a PIN");
        QQmlApplicationEngine firstRunEngine, choosingEngine;
        for (QQmlApplicationEngine *e : {&firstRunEngine, &choosingEngine})
            QObject::connect(e, &QQmlEngine::warnings, [&problems, &lastGrab](const QList<QQmlError> &w) {
                for (const QQmlError &err : w)
                    problems << QStringLiteral("%1 (after %2)").arg(err.toString(), lastGrab);
            });
        QQuickWindow *firstRunWindow = started ? DemoSession::loadUi(firstRunEngine, firstRun.app()) : nullptr;
        QQuickWindow *choosingWindow = started ? DemoSession::loadUi(choosingEngine, choosing.app()) : nullptr;
        if (started && (!firstRunWindow || !choosingWindow))
            problems << QStringLiteral("the sign-in or PIN screen did not load");
        if (firstRunWindow && choosingWindow) {
            for (const Size &size : {Size{"landscape", 1280, 800}, Size{"portrait", 800, 1280}}) {
                const QString suffix = QString::fromLatin1(size.name);
                window = firstRunWindow;
                window->resize(size.w, size.h);
                firstRun.app()->clearError();
                grab(QStringLiteral("signin-") + suffix);
                firstRun.app()->signIn(QStringLiteral("https://doorstep.example.gov.uk"), QStringLiteral("sam.patel"), QString());
                grab(QStringLiteral("signin-error-") + suffix);
                window = choosingWindow;
                window->resize(size.w, size.h);
                grab(QStringLiteral("pin-choose-") + suffix);
            }
            firstRun.app()->clearError();
            firstRun.app()->setTextScale(2.0);
            choosing.app()->setTextScale(2.0);
            window = firstRunWindow;
            window->resize(1280, 800);
            grab(QStringLiteral("signin-text200"));
            window = choosingWindow;
            window->resize(1280, 800);
            grab(QStringLiteral("pin-choose-text200"));
            // A phone at 200%.
            window = firstRunWindow;
            window->resize(400, 800);
            grab(QStringLiteral("signin-narrow-text200"));
            window = choosingWindow;
            window->resize(400, 800);
            grab(QStringLiteral("pin-choose-narrow-text200"));
        }
        window = mainWindow;
    }

    // The manager's dashboard (charts, tables, drill-down), supervision form and caseload
    // (docs/managers.md): a second session signed in as a manager of a fictional team.
    QTemporaryDir managerData;
    DemoSession managerSession(managerData.path());
    QQmlApplicationEngine managerEngine;
    if (auto prepared = managerSession.prepare(0, 0); !prepared.ok()) {
        problems << QStringLiteral("manager session: %1").arg(prepared.error().message);
    } else {
        const QDate today = QDate::currentDate();
        auto team = await(managerSession.device()->store()->run<QStringList>([today](Database &db) { return demodata::seedTeam(db, 9, today); }));
        if (!team || !team->ok()) {
            problems << QStringLiteral("could not stage the team: %1").arg(team ? team->error().message : QStringLiteral("timeout"));
        } else {
            managerSession.app()->setDemoUser(demodata::demoManagerId(), QStringLiteral("Mo Khan"), QStringLiteral("manager"), demodata::demoTeamId());
            managerSession.app()->setLockWhenInactive(false);
            QObject::connect(&managerEngine, &QQmlEngine::warnings, [&problems, &lastGrab](const QList<QQmlError> &w) {
                for (const QQmlError &e : w)
                    problems << QStringLiteral("%1 (after %2)").arg(e.toString(), lastGrab);
            });
            window = DemoSession::loadUi(managerEngine, managerSession.app()); // grab/open/home follow it
            if (!window) {
                problems << QStringLiteral("manager UI did not load");
            } else {
                const QString supervised = team->value().at(1);
                for (const Size &size : {Size{"landscape", 1280, 800}, Size{"portrait", 800, 1280}}) {
                    const QString suffix = QString::fromLatin1(size.name);
                    window->resize(size.w, size.h);
                    home();
                    settle(800);
                    grab(QStringLiteral("caseload-manager-") + suffix);
                    if (QObject *page = open(QStringLiteral("DashboardPage"), {})) {
                        settle(800);
                        grab(QStringLiteral("dashboard-") + suffix);
                        if (auto *flick = page->findChild<QObject *>(QStringLiteral("dashboardFlickable")))
                            flick->setProperty("contentY", size.h * 0.75);
                        grab(QStringLiteral("dashboard-charts-") + suffix);
                        if (auto *flick = page->findChild<QObject *>(QStringLiteral("dashboardFlickable")))
                            flick->setProperty("contentY", 0);
                        page->setProperty("showTables", true);
                        grab(QStringLiteral("dashboard-tables-") + suffix);
                        page->setProperty("showTables", false);
                        // Tapping the team's "overdue" tile: the children behind it.
                        QVariant vm = page->property("viewModel");
                        QObject *teamModel = vm.value<QObject *>()->property("team").value<QObject *>();
                        QMetaObject::invokeMethod(page, "drill", Q_ARG(QVariant, QVariant::fromValue(teamModel)), Q_ARG(QVariant, 0),
                                                  Q_ARG(QVariant, QStringLiteral("overdue")), Q_ARG(QVariant, QStringLiteral("Team — Overdue")));
                        grab(QStringLiteral("dashboard-drilldown-") + suffix);
                        if (auto *popup = page->findChild<QObject *>(QStringLiteral("drillDown")))
                            QMetaObject::invokeMethod(popup, "close");
                    }
                    home();
                    open(QStringLiteral("ChildPage"), {{QStringLiteral("childId"), supervised}});
                    settle(1500); // the profile's rows are laid out once the page has read the child
                    grab(QStringLiteral("child-manager-") + suffix);
                    home();
                    // Reallocating a child: the team's other workers, and the reason required.
                    if (QObject *page = open(QStringLiteral("ReallocatePage"), {{QStringLiteral("childId"), supervised}})) {
                        settle(400);
                        grab(QStringLiteral("reallocate-") + suffix);
                        auto *form = page->property("form").value<QObject *>();
                        bool ok = true;
                        QMetaObject::invokeMethod(form, "submit", Q_RETURN_ARG(bool, ok));
                        grab(QStringLiteral("reallocate-violations-") + suffix);
                        // Or to another team: the other teams, and this team's request already waiting.
                        form->setProperty("toAnotherTeam", true);
                        form->setProperty("reason", QString());
                        QMetaObject::invokeMethod(form, "submit", Q_RETURN_ARG(bool, ok));
                        grab(QStringLiteral("reallocate-team-violations-") + suffix);
                    }
                    home();
                    // Moves between teams: one to answer, this team's own waiting and declined.
                    if (QObject *page = open(QStringLiteral("TransfersPage"), {})) {
                        settle(600);
                        grab(QStringLiteral("transfers-") + suffix);
                        QVariantMap first;
                        QMetaObject::invokeMethod(page->property("model").value<QObject *>(), "get", Q_RETURN_ARG(QVariantMap, first), Q_ARG(int, 0));
                        if (QObject *answer = open(QStringLiteral("TransferAnswerPage"), {{QStringLiteral("transfer"), first}})) {
                            settle(400);
                            auto *form = answer->property("form").value<QObject *>();
                            bool ok = true;
                            QMetaObject::invokeMethod(form, "accept", Q_RETURN_ARG(bool, ok));
                            grab(QStringLiteral("transfer-answer-violations-") + suffix);
                        }
                    }
                    home();
                    // Opening a new child's case: who the child is, the legal status, the worker and why.
                    if (QObject *page = open(QStringLiteral("NewCasePage"), {})) {
                        auto *form = page->property("form").value<QObject *>();
                        form->setProperty("autosaveMs", 60000);
                        settle(400);
                        grab(QStringLiteral("newcase-") + suffix);
                        QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("first_name")), Q_ARG(QVariant, QStringLiteral("Dara")));
                        QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("legal_status")),
                                                  Q_ARG(QVariant, QStringLiteral("child_protection")));
                        bool ok = true;
                        QMetaObject::invokeMethod(page->property("newCase").value<QObject *>(), "submit", Q_RETURN_ARG(bool, ok));
                        grab(QStringLiteral("newcase-violations-") + suffix);
                        QMetaObject::invokeMethod(form, "discardDraft");
                    }
                    home();
                    if (QObject *page = open(QStringLiteral("SupervisionFormPage"), {{QStringLiteral("childIds"), QStringList{supervised}}})) {
                        auto *form = page->property("form").value<QObject *>();
                        form->setProperty("autosaveMs", 60000);
                        settle(400);
                        QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("discussion")),
                                                  Q_ARG(QVariant, QStringLiteral("School attendance has dropped to 82%; Nan is struggling with the school run.")));
                        QMetaObject::invokeMethod(form, "addAction");
                        QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("actions[0].what")),
                                                  Q_ARG(QVariant, QStringLiteral("Ask the school for a transport assessment")));
                        bool ok = true;
                        QMetaObject::invokeMethod(form, "submit", Q_RETURN_ARG(bool, ok));
                        grab(QStringLiteral("supervision-violations-") + suffix);
                        if (auto *flick = page->property("flickable").value<QObject *>())
                            flick->setProperty("contentY", size.h * 0.6);
                        grab(QStringLiteral("supervision-actions-") + suffix);
                    }
                    home();
                }
                window->resize(1280, 800);
                managerSession.app()->setTextScale(2.0);
                home();
                if (open(QStringLiteral("DashboardPage"), {})) {
                    settle(800);
                    grab(QStringLiteral("dashboard-text200"));
                }
                home();
                // A manager's phone at 200%: the team caseload, the approval queue, the moves
                // between teams and the dashboard fit the width.
                window->resize(400, 800);
                home();
                settle(500);
                grab(QStringLiteral("caseload-manager-narrow-text200"));
                for (const char *page : {"ReviewQueuePage", "TransfersPage", "DashboardPage"}) {
                    const QString name = QString::fromLatin1(page);
                    const QVariantMap props = name == u"ReviewQueuePage" ? QVariantMap{{QStringLiteral("userId"), demodata::demoManagerId()}} : QVariantMap{};
                    if (QObject *opened = open(name, props)) {
                        settle(800);
                        grab(name.chopped(4).toLower() + QStringLiteral("-narrow-text200"));
                        // Further down the dashboard: the charts, their numbers under the bars.
                        if (auto *flick = opened->findChild<QObject *>(QStringLiteral("dashboardFlickable"))) {
                            flick->setProperty("contentY", 800 * 4.5);
                            grab(QStringLiteral("dashboard-charts-narrow-text200"));
                        }
                    }
                    home();
                }
                // A child's page, moving a child, and opening a case, on the same phone.
                open(QStringLiteral("ChildPage"), {{QStringLiteral("childId"), team->value().at(1)}});
                settle(1500);
                grab(QStringLiteral("child-manager-narrow-text200"));
                home();
                if (open(QStringLiteral("ReallocatePage"), {{QStringLiteral("childId"), team->value().at(1)}})) {
                    settle(400);
                    grab(QStringLiteral("reallocate-narrow-text200"));
                }
                home();
                if (QObject *page = open(QStringLiteral("NewCasePage"), {})) {
                    page->property("form").value<QObject *>()->setProperty("autosaveMs", 60000);
                    settle(400);
                    grab(QStringLiteral("newcase-narrow-text200"));
                }
                home();
                // Answering a move between teams, and a supervision record, on the same phone.
                if (QObject *page = open(QStringLiteral("TransfersPage"), {})) {
                    settle(600);
                    QVariantMap first;
                    QMetaObject::invokeMethod(page->property("model").value<QObject *>(), "get", Q_RETURN_ARG(QVariantMap, first), Q_ARG(int, 0));
                    if (open(QStringLiteral("TransferAnswerPage"), {{QStringLiteral("transfer"), first}})) {
                        settle(400);
                        grab(QStringLiteral("transfer-answer-narrow-text200"));
                    }
                }
                home();
                if (QObject *page = open(QStringLiteral("SupervisionFormPage"), {{QStringLiteral("childIds"), QStringList{team->value().at(1)}}})) {
                    page->property("form").value<QObject *>()->setProperty("autosaveMs", 60000);
                    settle(400);
                    grab(QStringLiteral("supervision-narrow-text200"));
                    scrollToEnd(page);
                    grab(QStringLiteral("supervision-end-narrow-text200"));
                }
                home();
                window->resize(1280, 800);
                managerSession.app()->setTextScale(1.0);
            }
        }
    }

    for (const QString &p : std::as_const(problems))
        out << "screenshots: problem: " << p << Qt::endl;
    out << "screenshots: " << written << " written to " << outDir << ", " << problems.size() << " problem(s)" << Qt::endl;
    return problems.isEmpty() && written >= 20 ? 0 : 1;
}
