// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "syncharness.h"

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/wire.h"
#include "sync/apiclient.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include "serverprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>

using namespace std::chrono_literals;

namespace doorstep::test {

SyncHarness::SyncHarness(KeyStore *keys, QString password, QObject *parent)
    : QObject(parent), m_keys(keys), m_password(std::move(password))
{
}

bool SyncHarness::waitDone(const std::function<void(sync::Device::Done)> &start, Result<void> *out, int timeoutMs)
{
    // Shared with the callback, which may outlive this wait when the device answers late.
    auto outcome = std::make_shared<std::optional<Result<void>>>();
    start([outcome](Result<void> r) { *outcome = std::move(r); });
    (void)QTest::qWaitFor([&] { return outcome->has_value(); }, timeoutMs);
    if (outcome->has_value() && out)
        *out = **outcome;
    return outcome->has_value();
}

std::unique_ptr<TestDevice> SyncHarness::newDevice(const QString &username, const QString &serverUrl)
{
    auto t = std::make_unique<TestDevice>();
    t->username = username;
    t->device = std::make_unique<sync::Device>(t->dir.path(), m_keys, &t->nam);
    // Sign-in hashes a password with Argon2id, which is slow on a loaded 2-core machine; fault
    // scenarios use a short timeout afterwards so a hang is detected quickly.
    t->device->api()->setTransferTimeout(20000ms);
    t->device->engine()->setRetryPolicy(sync::RetryPolicy(50ms, 400ms, 11));
    t->device->engine()->setPeriodicInterval(0ms);
    t->device->engine()->setBatchSize(25);
    t->device->engine()->setPageSize(100);
    Result<void> r;
    if (!waitDone([&](sync::Device::Done d) { t->device->open(d); }, &r) || !r.ok())
        return nullptr;
    if (!waitDone([&](sync::Device::Done d) { t->device->signIn(serverUrl, username, m_password, QStringLiteral("e2e-") + username, d); }, &r)
        || !r.ok()) {
        qWarning() << "sign-in failed:" << (r.ok() ? QString() : r.error().message);
        return nullptr;
    }
    t->device->api()->setTransferTimeout(3000ms);
    return t;
}

bool SyncHarness::syncUntilClean(TestDevice &t, int timeoutMs)
{
    bool clean = false;
    QMetaObject::Connection c = connect(t.device->engine(), &sync::SyncEngine::finished, this, [&](bool ok) {
        if (ok)
            clean = true;
    });
    t.device->engine()->syncNow();
    (void)QTest::qWaitFor([&] { return clean; }, timeoutMs);
    disconnect(c);
    return clean;
}

RecordMap SyncHarness::deviceView(TestDevice &t)
{
    auto all = onStore<RecordMap>(*t.device, [](Database &db) -> Result<RecordMap> {
        RecordRepository repo(db);
        RecordMap map;
        for (const char *type : {"child", "visit", "direct_work", "review", "supervision"}) {
            auto rows = repo.byType(QString::fromLatin1(type), 1000000);
            if (!rows)
                return rows.error();
            for (const StoredRecord &r : rows.value())
                map.insert(r.id, {r.rev, r.body});
        }
        return map;
    });
    return all.ok() ? all.value() : RecordMap();
}

QStringList SyncHarness::createVisits(TestDevice &t, int n, const QString &childId)
{
    const QString author = t.device->session()->user().id;
    auto made = onStore<QStringList>(*t.device, [n, childId, author](Database &db) -> Result<QStringList> {
        RecordRepository repo(db);
        QString child = childId;
        if (child.isEmpty()) {
            auto caseload = repo.caseload();
            if (!caseload || caseload.value().isEmpty())
                return Error(ErrorCode::NotFound, QStringLiteral("empty caseload"));
            child = caseload.value().first().id;
        }
        QStringList ids;
        for (int i = 0; i < n; ++i) {
            const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-2).addSecs(i * 60);
            const QString id = wire::newUuid();
            QJsonObject visit{
                {QStringLiteral("schema"), wire::kSchemaVersion},
                {QStringLiteral("type"), QStringLiteral("visit")},
                {QStringLiteral("id"), id},
                {QStringLiteral("state"), QStringLiteral("draft")},
                {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
                {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
                {QStringLiteral("ended_at"), start.addSecs(2400).toString(Qt::ISODate)},
                {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
                {QStringLiteral("location"), QStringLiteral("home")},
                {QStringLiteral("rationale"), QStringLiteral("Planned statutory visit %1.").arg(i)},
                {QStringLiteral("children"), QJsonArray{QJsonObject{{QStringLiteral("child_id"), child},
                                                                     {QStringLiteral("seen"), true},
                                                                     {QStringLiteral("seen_alone"), true},
                                                                     {QStringLiteral("child_views"), QStringLiteral("I'm fine.")}}}},
            };
            if (i % 2 == 0)
                visit.insert(QStringLiteral("author"), author);
            auto saved = repo.save(visit);
            if (!saved)
                return saved.error();
            ids << id;
        }
        return ids;
    });
    return made.ok() ? made.value() : QStringList();
}

Result<bool> SyncHarness::editField(TestDevice &t, const QString &id, const QString &field, const QJsonValue &value)
{
    return onStore<bool>(*t.device, [id, field, value](Database &db) -> Result<bool> {
        RecordRepository repo(db);
        auto current = repo.byId(id);
        if (!current)
            return current.error();
        QJsonObject body = current.value().body;
        body.insert(field, value);
        if (auto saved = repo.save(body); !saved)
            return saved.error();
        return true;
    });
}

QList<ConflictEntry> SyncHarness::conflictsOf(TestDevice &t, const QString &id)
{
    auto r = onStore<QList<ConflictEntry>>(*t.device, [id](Database &db) { return ConflictStore(db).forRecord(id); });
    return r.ok() ? r.value() : QList<ConflictEntry>();
}

} // namespace doorstep::test
