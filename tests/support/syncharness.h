// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "core/store/conflictstore.h"
#include "core/store/store.h"
#include "sync/device.h"

#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace doorstep {
class Database;
class KeyStore;
}

namespace doorstep::test {

/** One tablet: its own data folder, store, keychain entries and sync engine. */
struct TestDevice {
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    std::unique_ptr<sync::Device> device;
    QString username;
};

using RecordMap = QMap<QString, QPair<qint64, QJsonObject>>; // id -> (rev, body)

/** Drives real devices from a test: sign-in, sync until clean, read and edit their stores.
 *  Every wait is bounded; results of store jobs come back through the event loop. */
class SyncHarness : public QObject
{
    Q_OBJECT
public:
    SyncHarness(KeyStore *keys, QString password, QObject *parent = nullptr);

    bool waitDone(const std::function<void(sync::Device::Done)> &start, Result<void> *out, int timeoutMs = 60000);

    template <typename T>
    Result<T> onStore(sync::Device &d, std::function<Result<T>(Database &)> job)
    {
        // Shared, so an answer arriving after the wait gave up lands in live memory.
        auto outcome = std::make_shared<std::optional<Result<T>>>();
        d.store()->run<T>(std::move(job)).then(this, [outcome](Result<T> r) { *outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome->has_value(); }, 60000))
            return Error(ErrorCode::Timeout, QStringLiteral("store did not answer"));
        return **outcome;
    }

    /** A new device in a temporary folder, opened and signed in at `serverUrl` (short timeouts,
     *  fast retries, no periodic sync). Null when sign-in failed. */
    std::unique_ptr<TestDevice> newDevice(const QString &username, const QString &serverUrl);
    /** Syncs until a run finishes cleanly; automatic retries (backoff) happen in between. */
    bool syncUntilClean(TestDevice &t, int timeoutMs = 60000);
    /** Every record in the device's store. */
    RecordMap deviceView(TestDevice &t);
    /** `n` draft statutory visits for `childId` (the first child of the caseload when empty). The
     *  first and every other one name their author, as the app's form writes a visit; the rest
     *  leave it to the service, whose copy then differs from the device's and must be pulled back. */
    QStringList createVisits(TestDevice &t, int n, const QString &childId = {});
    /** Saves one top-level field through the repository (queued in the outbox like a form save). */
    Result<bool> editField(TestDevice &t, const QString &id, const QString &field, const QJsonValue &value);
    QList<ConflictEntry> conflictsOf(TestDevice &t, const QString &id);

private:
    KeyStore *m_keys;
    QString m_password;
};

} // namespace doorstep::test
