// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "auditlog.h"
#include "core/result.h"
#include "database.h"
#include "outbox.h"
#include "recordrepository.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace doorstep {

/** The asynchronous store: one dedicated thread owns the Database; every operation runs there
 *  and answers with a QFuture<Result<T>> (continue with `.then(this, ...)` on the UI thread).
 *  The UI thread never waits on disk. */
class Store : public QObject
{
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    /** Opens the database on the store thread. Pass the key with std::move: that buffer is wiped. */
    QFuture<Result<void>> open(const QString &path, QByteArray key32, const Database::OpenOptions &options = {});
    QFuture<Result<void>> close();

    /** Runs any job against the Database on the store thread (the sync engine's entry point). */
    template <typename T>
    QFuture<Result<T>> run(std::function<Result<T>(Database &)> job);

    QFuture<Result<StoredRecord>> saveRecord(const QJsonObject &record, const QString &draftKey = {});
    /** RecordRepository::saveEdit: an edit of the record as it was opened, merged onto a newer copy. */
    QFuture<Result<StoredRecord>> saveEdit(const QJsonObject &opened, const QJsonObject &edited, const QString &draftKey = {},
                                           const QStringList &decided = {});
    QFuture<Result<StoredRecord>> record(const QString &id);
    QFuture<Result<QList<StoredRecord>>> caseload();
    QFuture<Result<QList<StoredRecord>>> chronology(const QString &childId);
    QFuture<Result<QList<StoredRecord>>> search(const QString &text, int limit = 50);
    QFuture<Result<void>> saveDraft(const QString &formKey, const QString &text);
    QFuture<Result<std::optional<QString>>> draft(const QString &formKey);
    QFuture<Result<QList<OutboxEntry>>> pendingOutbox(int limit = 100);
    QFuture<Result<int>> unsyncedCount();
    QFuture<Result<AuditCheck>> verifyAuditChain();
    /** Encrypted rescue copy (ATTACH ... KEY + sqlcipher_export); the key buffer is wiped. */
    QFuture<Result<void>> exportEncryptedBackup(const QString &path, QByteArray key32);
    /** Rescue copy under a person's passphrase (Database::exportRescueCopy); the buffer is wiped. */
    QFuture<Result<void>> exportRescueCopy(const QString &path, QByteArray passphrase);

    /** The thread every job runs on (tests check it). */
    QThread *storeThread() { return &m_thread; }

private:
    void post(std::function<void()> task);
    QThread m_thread;
    QObject *m_worker = nullptr;       // lives on m_thread; jobs are queued to it
    QTimer *m_idle = nullptr;          // on m_thread: housekeeping once the store has been quiet
    std::unique_ptr<Database> m_db;    // touched only on m_thread
};

template <typename T>
QFuture<Result<T>> Store::run(std::function<Result<T>(Database &)> job)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    post([this, promise, job = std::move(job)]() {
        Result<T> result = m_db ? job(*m_db)
                                : Result<T>(Error(ErrorCode::Internal, QStringLiteral("the store is not open")));
        promise->addResult(std::move(result));
        promise->finish();
        m_idle->start(); // (re)start the quiet period
    });
    return future;
}

} // namespace doorstep
