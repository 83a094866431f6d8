// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "store.h"

#include "draftstore.h"

#include <QMetaObject>

namespace doorstep {

namespace {
/** Holds key bytes in transit to the store thread and wipes them however the job ends. */
struct SecretHolder {
    QByteArray bytes;
    explicit SecretHolder(QByteArray b) : bytes(std::move(b)) {}
    ~SecretHolder() { Database::wipe(bytes); }
};
} // namespace

Store::Store(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("doorstep-store"));
    m_worker = new QObject;
    // Checkpointing the WAL and merging FTS segments after a quiet second keeps that work out of
    // the saves a person waits for (the connection's own auto-checkpoint remains the safety net).
    m_idle = new QTimer(m_worker);
    m_idle->setSingleShot(true);
    m_idle->setInterval(1000);
    connect(m_idle, &QTimer::timeout, m_worker, [this] {
        if (m_db)
            (void)m_db->runMaintenance();
    });
    m_worker->moveToThread(&m_thread); // takes the timer along
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

Store::~Store()
{
    // Close the connection on its own thread, then stop the thread.
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void Store::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_worker, std::move(task), Qt::QueuedConnection);
}

QFuture<Result<void>> Store::open(const QString &path, QByteArray key32, const Database::OpenOptions &options)
{
    auto key = std::make_shared<SecretHolder>(std::move(key32));
    auto promise = std::make_shared<QPromise<Result<void>>>();
    QFuture<Result<void>> future = promise->future();
    promise->start();
    post([this, promise, key, path, options]() {
        Result<void> result;
        if (m_db) {
            Database::wipe(key->bytes);
            result = Error(ErrorCode::Internal, QStringLiteral("the store is already open"));
        } else {
            Result<std::unique_ptr<Database>> db = Database::open(path, key->bytes, options);
            if (db)
                m_db = std::move(db).value();
            else
                result = db.error();
        }
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

QFuture<Result<void>> Store::close()
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    QFuture<Result<void>> future = promise->future();
    promise->start();
    post([this, promise]() {
        m_db.reset();
        promise->addResult(Result<void>());
        promise->finish();
    });
    return future;
}

QFuture<Result<StoredRecord>> Store::saveRecord(const QJsonObject &record, const QString &draftKey)
{
    return run<StoredRecord>([record, draftKey](Database &db) { return RecordRepository(db).save(record, draftKey); });
}

QFuture<Result<StoredRecord>> Store::saveEdit(const QJsonObject &opened, const QJsonObject &edited, const QString &draftKey,
                                              const QStringList &decided)
{
    return run<StoredRecord>([opened, edited, draftKey, decided](Database &db) {
        return RecordRepository(db).saveEdit(opened, edited, draftKey, decided);
    });
}

QFuture<Result<StoredRecord>> Store::record(const QString &id)
{
    return run<StoredRecord>([id](Database &db) { return RecordRepository(db).byId(id); });
}

QFuture<Result<QList<StoredRecord>>> Store::caseload()
{
    return run<QList<StoredRecord>>([](Database &db) { return RecordRepository(db).caseload(); });
}

QFuture<Result<QList<StoredRecord>>> Store::chronology(const QString &childId)
{
    return run<QList<StoredRecord>>([childId](Database &db) { return RecordRepository(db).chronology(childId); });
}

QFuture<Result<QList<StoredRecord>>> Store::search(const QString &text, int limit)
{
    return run<QList<StoredRecord>>([text, limit](Database &db) { return RecordRepository(db).search(text, limit); });
}

QFuture<Result<void>> Store::saveDraft(const QString &formKey, const QString &text)
{
    return run<void>([formKey, text](Database &db) { return DraftStore(db).put(formKey, text); });
}

QFuture<Result<std::optional<QString>>> Store::draft(const QString &formKey)
{
    return run<std::optional<QString>>([formKey](Database &db) { return DraftStore(db).get(formKey); });
}

QFuture<Result<QList<OutboxEntry>>> Store::pendingOutbox(int limit)
{
    return run<QList<OutboxEntry>>([limit](Database &db) { return Outbox(db).pending(limit); });
}

QFuture<Result<int>> Store::unsyncedCount()
{
    return run<int>([](Database &db) { return Outbox(db).unsyncedCount(); });
}

QFuture<Result<AuditCheck>> Store::verifyAuditChain()
{
    return run<AuditCheck>([](Database &db) { return AuditLog(db).verifyChain(); });
}

QFuture<Result<void>> Store::exportEncryptedBackup(const QString &path, QByteArray key32)
{
    auto key = std::make_shared<SecretHolder>(std::move(key32));
    return run<void>([path, key](Database &db) { return db.exportEncryptedBackup(path, key->bytes); });
}

QFuture<Result<void>> Store::exportRescueCopy(const QString &path, QByteArray passphrase)
{
    auto secret = std::make_shared<SecretHolder>(std::move(passphrase));
    return run<void>([path, secret](Database &db) { return db.exportRescueCopy(path, secret->bytes); });
}

} // namespace doorstep
