// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// Signing out of a tablet, and being removed from the service: a real doorstep-server on loopback
// (seed-demo data), the app's AppState over a real device signed in through the real keychain.
// With a change not yet sent, signing out is refused; an encrypted rescue copy under the worker's
// passphrase holds the change; signing out then tells the service (the device's refresh tokens go
// and the audit trail says so), forgets the tokens, removes the store and its key, and leaves an
// empty store the next person signs in to. A device the service revokes can be signed in to again.
#include "qml/appstate.h"
#include "qml/demodata.h"
#include "qml/managersync.h"
#include "qml/outboxmodel.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/wire.h"
#include "database.h"
#include "platform/awaitfuture.h"
#include "platform/qtkeychainkeystore.h"
#include "serverprocess.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "testbackend.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;

namespace {
const QString kPassword = QStringLiteral("signout-demo-password");
const QString kPhrase = QStringLiteral("blue kettle on the windowsill");

/** One tablet: its own data folder, network access, device and AppState (not started). */
struct Tablet {
    explicit Tablet(KeyStore *keys) : device(data.path(), keys, &nam), app(&device, keys, nullptr) { app.setLockWhenInactive(false); }
    QTemporaryDir data;
    QNetworkAccessManager nam;
    sync::Device device;
    AppState app;
};
} // namespace

class TestSignOut : public QObject
{
    Q_OBJECT

private:
    qint64 count(const QString &sql, const QVariantList &args = {})
    {
        auto conn = m_db->connection();
        if (!conn)
            return -1;
        QSqlDatabase db = conn.value();
        auto q = server::Database::exec(db, sql, args);
        if (!q || !q.value().next())
            return -1;
        return q.value().value(0).toLongLong();
    }
    static bool waitFor(const std::function<bool()> &done, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < timeoutMs)
            QTest::qWait(20);
        return done();
    }
    /** Signs in as worker1 with a PIN, and syncs the caseload down. */
    bool signInAndSync(AppState &app)
    {
        app.signIn(m_server.baseUrl().toString(), QStringLiteral("worker1"), kPassword);
        if (!waitFor([&] { return app.phase() == AppState::Phase::ChoosePin; }))
            return false;
        app.choosePin(QStringLiteral("2468"), QStringLiteral("2468"));
        if (!waitFor([&] { return app.phase() == AppState::Phase::Unlocked; }))
            return false;
        app.syncNow();
        return waitFor([&] { return !app.syncing() && app.lastSync().isValid(); }, 60000);
    }
    /** Starts the tablet's app and signs in as worker1 with a PIN and a first sync. */
    bool startSignedIn(Tablet &t)
    {
        t.app.start();
        return waitFor([&] { return t.app.phase() == AppState::Phase::SignIn; }) && signInAndSync(t.app);
    }
    template <typename T>
    Result<T> onStore(Store *store, std::function<Result<T>(Database &)> job)
    {
        return awaitResult(store->run<T>(std::move(job)), 30000);
    }

    TestBackend m_backend;
    std::unique_ptr<server::Database> m_db;
    ServerProcess m_server;
    QtKeychainKeyStore m_keys;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DOORSTEP_FAST_PWHASH", "1");
        QString error;
        QVERIFY2(m_backend.init(&error), qPrintable(error));
        QVERIFY2(m_backend.seedDemo(kPassword, &error), qPrintable(error));
        auto config = server::DbConfig::parse(m_backend.spec());
        QVERIFY(config.ok());
        m_db = std::make_unique<server::Database>(config.value());
        QVERIFY2(m_server.start(m_backend.serviceSpec()), qPrintable(m_server.errorOutput()));
    }

    void cleanupTestCase() { m_server.stop(); }

    void unsentWorkNeedsARescueCopyBeforeSigningOut()
    {
        QTemporaryDir rescueDir;
        Tablet t(&m_keys);
        sync::Device &device = t.device;
        AppState &app = t.app;
        app.setRescueDir(rescueDir.path());
        QVERIFY(startSignedIn(t));
        const QString deviceId = device.session()->deviceId();
        QVERIFY(!deviceId.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM refresh_tokens WHERE device_id = ?"), {deviceId}), 1);

        // A visit recorded offline, not yet sent.
        auto caseload = onStore<QList<StoredRecord>>(app.store(), [](Database &db) { return RecordRepository(db).caseload(); });
        QVERIFY(caseload.ok() && !caseload.value().isEmpty());
        QJsonObject visit = demodata::visit(caseload.value().first().id, 0, 1);
        visit.insert(QStringLiteral("author"), app.userId());
        const QString visitId = visit.value(u"id").toString();
        auto saved = onStore<StoredRecord>(app.store(), [visit](Database &db) { return RecordRepository(db).save(visit); });
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

        app.checkUnsent();
        QVERIFY(waitFor([&] { return app.unsentCount() >= 1; }));
        QVERIFY(!app.canSignOut());
        QVERIFY2(app.unsentSummary().contains(QStringLiteral("not accepted")), qPrintable(app.unsentSummary()));

        // Refused: nothing leaves the tablet, and the person is told why.
        app.signOut();
        QVERIFY(waitFor([&] { return !app.busy(); }));
        QCOMPARE(app.phase(), AppState::Phase::Unlocked);
        QVERIFY2(app.errorString().contains(QStringLiteral("Not signed out")), qPrintable(app.errorString()));
        QVERIFY(QFile::exists(device.databasePath()));
        QVERIFY(device.session()->signedIn());

        // The rescue copy: the passphrase twice, long enough.
        QSignalSpy copied(&app, &AppState::rescueCopyFinished);
        app.exportRescueCopy(QStringLiteral("too short"), QStringLiteral("too short"));
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.takeFirst().at(0).toString(), QString());
        app.exportRescueCopy(kPhrase, kPhrase + QStringLiteral("!"));
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.takeFirst().at(0).toString(), QString());
        QVERIFY2(app.errorString().contains(QStringLiteral("not the same")), qPrintable(app.errorString()));
        app.exportRescueCopy(kPhrase, kPhrase);
        QVERIFY(copied.wait(20000));
        const QString copyPath = copied.takeFirst().at(0).toString();
        QVERIFY2(!copyPath.isEmpty(), qPrintable(app.errorString()));
        QCOMPARE(QFileInfo(copyPath).absolutePath(), QDir(rescueDir.path()).absolutePath());
        QCOMPARE(app.rescueCopyPath(), copyPath);
        QVERIFY(app.canSignOut());
        // Reported to the service's audit trail (it is reachable).
        QVERIFY(waitFor([&] { return app.managerSync()->pendingReports() == 0; }));
        QVERIFY(waitFor([&] { return count(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'export' AND detail LIKE '%rescue_copy%'")) == 1; }));

        // Signed out: the service is told, the tokens, the store and its key go.
        app.signOut();
        QVERIFY(waitFor([&] { return app.phase() == AppState::Phase::SignIn && !app.busy(); }));
        QVERIFY2(app.errorString().isEmpty(), qPrintable(app.errorString()));
        QVERIFY(!device.session()->signedIn());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM refresh_tokens WHERE device_id = ?"), {deviceId}), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'logout' AND device = ?"), {deviceId}), 1);
        QVERIFY(app.userName().isEmpty());
        // An empty store with a new key for the next person.
        auto left = onStore<int>(app.store(), [](Database &db) { return RecordRepository(db).count(); });
        QVERIFY2(left.ok(), qPrintable(left.ok() ? QString() : left.error().message));
        QCOMPARE(left.value(), 0);

        // What was unsent is in the rescue copy, opened by the passphrase alone.
        QByteArray phrase = kPhrase.toUtf8();
        auto copy = Database::openRescueCopy(copyPath, phrase);
        QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().message));
        QVERIFY(RecordRepository(*copy.value()).byId(visitId).ok());
        QVERIFY(Outbox(*copy.value()).hasUnsynced(visitId).value());
        copy.value().reset();

        // Support staff read it with doorstep-cli, the passphrase on stdin: the unsent visit, whole.
        auto rescueShow = [&](const QString &passphrase) {
            QProcess cli;
            cli.start(QStringLiteral(DOORSTEP_CLI_EXE), {QStringLiteral("rescue-show"), copyPath});
            cli.write(passphrase.toUtf8() + '\n');
            cli.closeWriteChannel();
            cli.waitForFinished(30000);
            return std::make_pair(cli.exitCode(), cli.readAllStandardOutput());
        };
        const auto [shown, json] = rescueShow(kPhrase);
        QCOMPARE(shown, 0);
        const QJsonArray changes = QJsonDocument::fromJson(json).object().value(u"changes").toArray();
        bool found = false;
        for (const QJsonValue &c : changes)
            found = found || (c.toObject().value(u"record_id").toString() == visitId
                              && c.toObject().value(u"record").toObject().value(u"rationale") == visit.value(u"rationale"));
        QVERIFY2(found, json.constData());
        QCOMPARE(rescueShow(QStringLiteral("not the passphrase at all")).first, 1);

        // The next person signs in on the same tablet.
        QVERIFY(signInAndSync(app));
        QVERIFY(device.session()->signedIn());
        auto gone = onStore<StoredRecord>(app.store(), [visitId](Database &db) { return RecordRepository(db).byId(visitId); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
    }

    void childMovedAwayIsNamedOnceAndForgotten()
    {
        Tablet t(&m_keys);
        AppState &app = t.app;
        QVERIFY(startSignedIn(t));
        QVERIFY(app.caseloadNotice().isEmpty());
        auto caseload = onStore<QList<StoredRecord>>(app.store(), [](Database &db) { return RecordRepository(db).caseload(); });
        QVERIFY(caseload.ok() && caseload.value().size() >= 2);
        const StoredRecord child = caseload.value().last();
        const QString name = child.body.value(QStringLiteral("last_name")).toString();
        auto moved = ServerProcess::cli({QStringLiteral("allocate"), QStringLiteral("--child"), child.id, QStringLiteral("--worker"),
                                         QStringLiteral("worker2"), QStringLiteral("--reason"), QStringLiteral("Caseload balance.")},
                                        m_backend.spec());
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        auto back = qScopeGuard([&] {
            ServerProcess::cli({QStringLiteral("allocate"), QStringLiteral("--child"), child.id, QStringLiteral("--worker"), QStringLiteral("worker1")},
                               m_backend.spec());
        });

        const QDateTime before = app.lastSync();
        app.syncNow();
        QVERIFY(waitFor([&] { return !app.syncing() && app.lastSync() > before; }, 60000));
        QVERIFY2(app.caseloadNotice().contains(name) && app.caseloadNotice().contains(QStringLiteral("moved to another worker")),
                 qPrintable(app.caseloadNotice()));
        auto gone = onStore<StoredRecord>(app.store(), [id = child.id](Database &db) { return RecordRepository(db).byId(id); });
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        // A case opened meanwhile is said alongside; dismissed, both are gone and nothing keeps the names.
        app.noteCaseOpened(QStringLiteral("Dara Okonjo"), QStringLiteral("Rhian Evans"));
        QVERIFY2(app.caseloadNotice().contains(QStringLiteral("Dara Okonjo's case is open and allocated to Rhian Evans."))
                     && app.caseloadNotice().contains(name),
                 qPrintable(app.caseloadNotice()));
        app.dismissCaseloadNotice();
        QVERIFY(app.caseloadNotice().isEmpty());

        // Moved back: the child arrives on this tablet again, and is named once.
        auto returned = ServerProcess::cli({QStringLiteral("allocate"), QStringLiteral("--child"), child.id, QStringLiteral("--worker"),
                                            QStringLiteral("worker1"), QStringLiteral("--reason"), QStringLiteral("Back from leave.")},
                                           m_backend.spec());
        QVERIFY2(returned.exitCode == 0, qPrintable(returned.err));
        const QDateTime beforeReturn = app.lastSync();
        app.syncNow();
        QVERIFY(waitFor([&] { return !app.syncing() && app.lastSync() > beforeReturn; }, 60000));
        QVERIFY2(app.caseloadNotice().contains(name) && app.caseloadNotice().contains(QStringLiteral("joined your caseload")),
                 qPrintable(app.caseloadNotice()));
        app.dismissCaseloadNotice();
        QVERIFY(app.caseloadNotice().isEmpty());
    }

    void recordsThisVersionCannotStoreAreNamedButNeverBlockSigningOut()
    {
        Tablet t(&m_keys);
        AppState &app = t.app;
        QVERIFY(startSignedIn(t));
        QCOMPARE(app.heldCount(), 0);
        QVERIFY2(!app.syncStatus().contains(QStringLiteral("kept aside")), qPrintable(app.syncStatus()));

        // One of worker1's records, rewritten on the service as a newer version of Doorstep would.
        auto caseload = onStore<QList<StoredRecord>>(app.store(), [](Database &db) { return RecordRepository(db).caseload(); });
        QVERIFY(caseload.ok() && !caseload.value().isEmpty());
        const StoredRecord child = caseload.value().first();
        QJsonObject newer = child.body;
        newer.insert(QStringLiteral("schema"), wire::kSchemaVersion + 1);
        auto conn = m_db->connection();
        QVERIFY(conn.ok());
        QSqlDatabase db = conn.value();
        QVERIFY(server::Database::exec(db, QStringLiteral("UPDATE records SET rev = rev + 1, body = ? WHERE id = ?"),
                                       {QString::fromUtf8(QJsonDocument(newer).toJson(QJsonDocument::Compact)), child.id}).ok());
        QVERIFY(server::Database::exec(db, QStringLiteral("INSERT INTO changes (record_id, kind, team_id, created_at)"
                                                          " SELECT id, 'upsert', team_id, ? FROM records WHERE id = ?"),
                                       {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), child.id}).ok());
        auto restore = qScopeGuard([&] {
            auto put = server::Database::exec(db, QStringLiteral("UPDATE records SET rev = rev + 1, body = ? WHERE id = ?"),
                                              {QString::fromUtf8(QJsonDocument(child.body).toJson(QJsonDocument::Compact)), child.id});
            if (!put)
                qWarning() << "could not put the record back:" << put.error().message;
        });

        const QDateTime before = app.lastSync();
        app.syncNow();
        QVERIFY(waitFor([&] { return !app.syncing() && app.lastSync() > before; }, 60000));
        QVERIFY(waitFor([&] { return app.heldCount() == 1; }));
        QVERIFY2(app.syncError().isEmpty(), qPrintable(app.syncError()));
        QVERIFY2(app.syncStatus().contains(QStringLiteral("1 record")) && app.syncStatus().contains(QStringLiteral("kept aside")),
                 qPrintable(app.syncStatus()));
        // The outbox names it, and says an update opens it.
        OutboxModel outbox;
        outbox.setStore(app.store());
        QVERIFY(waitFor([&] { return outbox.rowCount() > 0; }));
        int row = -1;
        for (int i = 0; i < outbox.rowCount(); ++i)
            if (outbox.data(outbox.index(i), OutboxModel::RecordIdRole).toString() == child.id)
                row = i;
        QVERIFY(row >= 0);
        const QModelIndex heldRow = outbox.index(row);
        QCOMPARE(outbox.data(heldRow, OutboxModel::StatusRole).toString(), QStringLiteral("held"));
        QCOMPARE(outbox.data(heldRow, OutboxModel::TitleRole).toString(), wire::titleOf(child.body));
        QVERIFY2(outbox.data(heldRow, OutboxModel::AdviceRole).toString().contains(QStringLiteral("Update the app")),
                 qPrintable(outbox.data(heldRow, OutboxModel::AdviceRole).toString()));
        QVERIFY(!outbox.data(heldRow, OutboxModel::CanSendAgainRole).toBool() && !outbox.data(heldRow, OutboxModel::CanFixRole).toBool());
        // The service has the record: holding it is nothing a rescue copy would need to keep.
        app.checkUnsent();
        QVERIFY(waitFor([&] { return app.unsentCount() == 0; }));
        QVERIFY(app.canSignOut());
    }

    void nothingUnsentSignsOutAtOnceAndARevokedTabletCanSignInAgain()
    {
        Tablet t(&m_keys);
        sync::Device &device = t.device;
        AppState &app = t.app;
        QVERIFY(startSignedIn(t));
        app.checkUnsent();
        QVERIFY(waitFor([&] { return app.unsentCount() == 0; }));
        QVERIFY(app.canSignOut());
        // The network hangs (a listener that never answers): telling the service is given a few
        // seconds, then the sign-out goes ahead without it.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s;
        });
        device.api()->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        app.signOut();
        // Done within 20 s, so not after the 30 s transfer timeout a hung request would otherwise wait.
        QVERIFY(waitFor([&] { return app.phase() == AppState::Phase::SignIn && !app.busy(); }, 20000));
        QVERIFY(!held.isEmpty()); // the service was tried
        QVERIFY(!device.session()->signedIn());

        // Revoked by an administrator: the tablet wipes itself, and an empty store is ready for
        // signing in again (before, signing in again failed on the closed store).
        QVERIFY(signInAndSync(app));
        auto revoked = ServerProcess::cli({QStringLiteral("revoke-device"), device.session()->deviceId()}, m_backend.spec());
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
        app.syncNow();
        QVERIFY(waitFor([&] { return app.phase() == AppState::Phase::SignIn; }, 30000));
        QVERIFY2(app.errorString().contains(QStringLiteral("removed from the service")), qPrintable(app.errorString()));
        QVERIFY(signInAndSync(app));
        auto records = onStore<int>(app.store(), [](Database &db) { return RecordRepository(db).count(); });
        QVERIFY(records.ok() && records.value() > 0);
    }
};

QTEST_MAIN(TestSignOut)
#include "tst_signout.moc"
