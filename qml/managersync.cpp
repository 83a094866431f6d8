// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "managersync.h"

#include "core/store/auditlog.h"
#include "core/store/database.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/store/transaction.h"
#include "core/wire.h"
#include "dashboardviewmodel.h"
#include "sync/apiclient.h"

#include <QCollator>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcManagerSync, "doorstep.app.managersync")

namespace doorstep {

namespace {
// One flush sends at most this many; the rest go with the next sync.
constexpr int kMaxReportsPerFlush = 500;
// The same child or record opened again within this time is not reported again.
constexpr qint64 kViewAgainAfterSeconds = 10 * 60;
} // namespace

ManagerSync::ManagerSync(Store *store, sync::ApiClient *api, QObject *parent) : QObject(parent), m_store(store), m_api(api) {}

void ManagerSync::setPending(int pending)
{
    if (pending != m_pending) {
        m_pending = pending;
        Q_EMIT pendingReportsChanged();
    }
}

Result<QJsonArray> ManagerSync::queued(Database &db)
{
    auto text = SyncState(db).get(queueKey());
    if (!text)
        return text.error();
    if (!text.value())
        return QJsonArray();
    return QJsonDocument::fromJson(text.value()->toUtf8()).array();
}

Result<void> ManagerSync::enqueue(Database &db, const QJsonObject &report)
{
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto list = queued(db);
    if (!list)
        return list.error();
    QJsonArray reports = list.value();
    reports.append(report);
    if (auto r = SyncState(db).set(queueKey(), QString::fromUtf8(QJsonDocument(reports).toJson(QJsonDocument::Compact))); !r)
        return r;
    // The device's own chain records the export at once, whether or not the service hears of it.
    const QStringList children = [&report] {
        QStringList ids;
        for (const QJsonValue &v : report.value(u"child_ids").toArray())
            ids << v.toString();
        return ids;
    }();
    if (report.value(u"kind").toString() == u"view") {
        const QString recordId = report.value(u"record_id").toString();
        if (auto r = AuditLog(db).append(QStringLiteral("view"), recordId.isEmpty() ? children.value(0) : recordId); !r)
            return r;
        return tx.commit();
    }
    const QString action = QStringLiteral("export.") + report.value(u"kind").toString();
    if (children.size() == 1) {
        if (auto r = AuditLog(db).append(action, children.first()); !r)
            return r;
    } else if (auto r = AuditLog(db).append(action, QString()); !r) {
        return r;
    }
    return tx.commit();
}

Result<void> ManagerSync::remove(Database &db, const QString &reportId)
{
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto list = queued(db);
    if (!list)
        return list.error();
    QJsonArray kept;
    for (const QJsonValue &v : list.value())
        if (v.toObject().value(u"id").toString() != reportId)
            kept.append(v);
    auto r = kept.isEmpty() ? SyncState(db).remove(queueKey())
                            : SyncState(db).set(queueKey(), QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
    if (!r)
        return r;
    return tx.commit();
}

QFuture<Result<void>> ManagerSync::queueReport(const QString &kind, const QStringList &childIds, int rows)
{
    const QJsonObject report{{QStringLiteral("id"), wire::newUuid()},
                             {QStringLiteral("kind"), kind},
                             {QStringLiteral("child_ids"), QJsonArray::fromStringList(childIds)},
                             {QStringLiteral("rows"), rows},
                             {QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    return queue(report);
}

QFuture<Result<void>> ManagerSync::queue(const QJsonObject &report)
{
    if (!m_store)
        return QtFuture::makeReadyFuture(Result<void>(Error(ErrorCode::Internal, QStringLiteral("no store"))));
    auto future = m_store->run<int>([report](Database &db) -> Result<int> {
        if (auto r = enqueue(db, report); !r)
            return r.error();
        auto list = queued(db);
        if (!list)
            return list.error();
        return int(list.value().size());
    });
    return future.then(this, [this](const Result<int> &r) -> Result<void> {
        if (!r.ok())
            return r.error();
        setPending(r.value());
        return {};
    });
}

void ManagerSync::noteViewed(const QString &childId, const QString &recordId)
{
    const QString target = recordId.isEmpty() ? childId : recordId;
    if (!m_store || !wire::isValidUuid(target))
        return;
    // Going back and forth between a child's page and a visit is one reading, not ten.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto last = m_lastViewed.constFind(target);
    if (last != m_lastViewed.cend() && last.value().secsTo(now) < kViewAgainAfterSeconds)
        return;
    m_lastViewed.insert(target, now);
    QJsonObject report{{QStringLiteral("id"), wire::newUuid()},
                       {QStringLiteral("kind"), QStringLiteral("view")},
                       {QStringLiteral("viewed_at"), now.toString(Qt::ISODate)}};
    if (recordId.isEmpty())
        report.insert(QStringLiteral("child_ids"), QJsonArray{childId});
    else
        report.insert(QStringLiteral("record_id"), recordId);
    queue(report).then(this, [](const Result<void> &r) {
        if (!r.ok())
            qCWarning(lcManagerSync) << "could not note a record read:" << r.error().message;
    });
}

void ManagerSync::recount()
{
    if (!m_store)
        return;
    m_store->run<int>([](Database &db) -> Result<int> {
         auto list = queued(db);
         if (!list)
             return list.error();
         return int(list.value().size());
     }).then(this, [this](Result<int> r) {
        if (r.ok())
            setPending(r.value());
    });
}

void ManagerSync::flush()
{
    if (m_flushing || !m_store || !m_api)
        return;
    m_flushing = true;
    sendNext(0, 0);
}

void ManagerSync::sendNext(int sent, int round)
{
    m_store->run<QJsonArray>([](Database &db) { return queued(db); }).then(this, [this, sent, round](Result<QJsonArray> r) {
        if (!r.ok() || r.value().isEmpty() || round >= kMaxReportsPerFlush) {
            m_flushing = false;
            if (r.ok())
                setPending(int(r.value().size()));
            Q_EMIT flushed(sent, m_pending);
            return;
        }
        setPending(int(r.value().size()));
        const QJsonObject report = r.value().first().toObject();
        const QString id = report.value(u"id").toString();
        const bool view = report.value(u"kind").toString() == u"view";
        QJsonObject body;
        if (view) {
            body.insert(QStringLiteral("viewed_at"), report.value(u"viewed_at"));
            if (report.contains(u"record_id"))
                body.insert(QStringLiteral("record_id"), report.value(u"record_id"));
            else
                body.insert(QStringLiteral("child_id"), report.value(u"child_ids").toArray().first());
        } else {
            body = QJsonObject{{QStringLiteral("kind"), report.value(u"kind")},
                               {QStringLiteral("child_ids"), report.value(u"child_ids")},
                               {QStringLiteral("rows"), report.value(u"rows")},
                               {QStringLiteral("exported_at"), report.value(u"exported_at")}};
        }
        m_api->post(view ? QStringLiteral("/api/v1/audit/view") : QStringLiteral("/api/v1/audit/export"), body, [this, id, sent, round](const sync::ApiReply *ok, const sync::ApiFailure *failure) {
            // Malformed (400) or too large (413) never gets better: drop it rather than block the rest.
            const bool drop = failure && (failure->status == 400 || failure->status == 413);
            if (failure && !drop) {
                m_flushing = false;
                qCInfo(lcManagerSync) << "export report kept for the next sync:" << failure->status << failure->serviceCode;
                Q_EMIT flushed(sent, m_pending);
                return;
            }
            if (drop)
                qCWarning(lcManagerSync) << "the service refused an export report:" << failure->serviceCode;
            m_store->run<bool>([id](Database &db) -> Result<bool> {
                 if (auto r = remove(db, id); !r)
                     return r.error();
                 return true;
             }).then(this, [this, sent, round, counted = ok != nullptr](Result<bool> removed) {
                if (!removed.ok()) {
                    m_flushing = false;
                    Q_EMIT flushed(sent, m_pending);
                    return;
                }
                sendNext(sent + (counted ? 1 : 0), round + 1);
            });
        });
    });
}

void ManagerSync::refreshUserNames()
{
    if (!m_store || !m_api)
        return;
    m_api->get(QStringLiteral("/api/v1/dashboard"), [this](const sync::ApiReply *ok, const sync::ApiFailure *failure) {
        if (!ok) {
            Q_UNUSED(failure) // not a manager, or offline: the dashboard labels workers by id
            return;
        }
        const QString names = QString::fromUtf8(QJsonDocument(ok->body.value(u"user_names").toObject()).toJson(QJsonDocument::Compact));
        // An older service sends no team_workers: the key is left as it was.
        const QJsonValue workers = ok->body.value(u"team_workers");
        const QString workerIds = workers.isArray() ? QString::fromUtf8(QJsonDocument(workers.toArray()).toJson(QJsonDocument::Compact)) : QString();
        m_store->run<bool>([names, workerIds](Database &db) -> Result<bool> {
             if (auto r = SyncState(db).set(DashboardViewModel::userNamesKey(), names); !r)
                 return r.error();
             if (!workerIds.isEmpty())
                 if (auto r = SyncState(db).set(teamWorkersKey(), workerIds); !r)
                     return r.error();
             return true;
         }).then(this, [this](Result<bool> r) {
            if (r.ok())
                Q_EMIT userNamesChanged();
        });
    });
}

void ManagerSync::reallocate(const QString &childId, const QString &workerId, const QString &reason,
                             std::function<void(const AllocationOutcome &)> done)
{
    decide(QStringLiteral("/api/v1/children/%1/allocation").arg(childId),
           {{QStringLiteral("worker_id"), workerId}, {QStringLiteral("reason"), reason}},
           {tr("The child was not reallocated: this needs a connection to the service. Try again when you are online."),
            tr("The child was not reallocated: your sign-in needs renewing. Sync, then try again.")},
           std::move(done));
}

void ManagerSync::openCase(const QJsonObject &child, const QString &workerId, const QString &reason,
                           std::function<void(const AllocationOutcome &)> done)
{
    decide(QStringLiteral("/api/v1/children"),
           {{QStringLiteral("child"), child}, {QStringLiteral("worker_id"), workerId}, {QStringLiteral("reason"), reason}},
           {tr("The case was not opened: this needs a connection to the service. Try again when you are online."),
            tr("The case was not opened: your sign-in needs renewing. Sync, then try again.")},
           std::move(done));
}

void ManagerSync::requestTransfer(const QString &childId, const QString &teamId, const QString &reason,
                                  std::function<void(const AllocationOutcome &)> done)
{
    decide(QStringLiteral("/api/v1/children/%1/transfer").arg(childId),
           {{QStringLiteral("team_id"), teamId}, {QStringLiteral("reason"), reason}},
           {tr("The other team was not asked: this needs a connection to the service. Try again when you are online."),
            tr("The other team was not asked: your sign-in needs renewing. Sync, then try again.")},
           std::move(done));
}

void ManagerSync::answerTransfer(const QString &transferId, const QString &decision, const QString &workerId, const QString &reason,
                                 std::function<void(const AllocationOutcome &)> done)
{
    QJsonObject body;
    if (!workerId.isEmpty())
        body.insert(QStringLiteral("worker_id"), workerId);
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    const NotDone notDone = decision == QLatin1String("accept")
        ? NotDone{tr("The transfer was not accepted: this needs a connection to the service. Try again when you are online."),
                  tr("The transfer was not accepted: your sign-in needs renewing. Sync, then try again.")}
        : decision == QLatin1String("decline")
        ? NotDone{tr("The transfer was not declined: this needs a connection to the service. Try again when you are online."),
                  tr("The transfer was not declined: your sign-in needs renewing. Sync, then try again.")}
        : NotDone{tr("The transfer was not withdrawn: this needs a connection to the service. Try again when you are online."),
                  tr("The transfer was not withdrawn: your sign-in needs renewing. Sync, then try again.")};
    decide(QStringLiteral("/api/v1/transfers/%1/%2").arg(transferId, decision), body, notDone, std::move(done));
}

void ManagerSync::refreshTransfers()
{
    if (!m_store || !m_api)
        return;
    QPointer<ManagerSync> self(this);
    m_api->get(QStringLiteral("/api/v1/transfers"), [self](const sync::ApiReply *ok, const sync::ApiFailure *) {
        if (!self || !ok || !self->m_store)
            return; // offline, or not a manager: the list stays as last fetched
        QJsonObject kept = ok->body;
        kept.insert(QStringLiteral("fetched_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        const QString text = QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact));
        self->m_store->run<bool>([text](Database &db) -> Result<bool> {
             if (auto r = SyncState(db).set(transfersKey(), text); !r)
                 return r.error();
             return true;
         }).then(self, [self](Result<bool> r) {
            if (self && r.ok())
                Q_EMIT self->transfersChanged();
        });
    });
}

Result<QJsonObject> ManagerSync::storedTransfers(Database &db)
{
    auto text = SyncState(db).get(transfersKey());
    if (!text)
        return text.error();
    return text.value() ? QJsonDocument::fromJson(text.value()->toUtf8()).object() : QJsonObject();
}

void ManagerSync::decide(const QString &path, const QJsonObject &body, const NotDone &notDone,
                         std::function<void(const AllocationOutcome &)> done)
{
    if (!m_api) {
        done({false, tr("Not connected to the service."), QString()});
        return;
    }
    m_api->post(path, body, [notDone, done = std::move(done)](const sync::ApiReply *ok, const sync::ApiFailure *failure) {
        if (ok)
            return done({true, QString(), QString()});
        // Offline or the service unreachable: nothing changed, say so plainly.
        if (failure->transient || failure->status == 0)
            return done({false, notDone.offline, QString()});
        if (failure->status == 401)
            return done({false, notDone.signInAgain, QString()});
        QString field = failure->error.field;
        if (field == QLatin1String("worker_id"))
            field = QStringLiteral("worker");
        else if (field == QLatin1String("team_id"))
            field = QStringLiteral("team");
        return done({false, failure->error.message, field});
    });
}

namespace {

Result<QJsonObject> userNames(Database &db)
{
    auto names = SyncState(db).get(DashboardViewModel::userNamesKey());
    if (!names)
        return names.error();
    return names.value() ? QJsonDocument::fromJson(names.value()->toUtf8()).object() : QJsonObject();
}

QString nameIn(const QJsonObject &names, const QString &userId)
{
    const QString name = names.value(userId).toString();
    return name.isEmpty() ? ManagerSync::tr("Worker %1").arg(userId.left(8)) : name;
}

} // namespace

Result<QString> ManagerSync::userName(Database &db, const QString &userId)
{
    auto names = userNames(db);
    if (!names)
        return names.error();
    return nameIn(names.value(), userId);
}

Result<QVariantList> ManagerSync::teamWorkerChoices(Database &db, const QString &except)
{
    auto workers = SyncState(db).get(teamWorkersKey());
    if (!workers)
        return workers.error();
    auto names = userNames(db);
    if (!names)
        return names.error();
    QList<QPair<QString, QString>> choices; // name, id
    if (workers.value()) {
        for (const QJsonValue &w : QJsonDocument::fromJson(workers.value()->toUtf8()).array())
            if (w.toString() != except)
                choices.append({nameIn(names.value(), w.toString()), w.toString()});
    }
    QCollator collator;
    std::sort(choices.begin(), choices.end(), [&collator](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    QVariantList out;
    for (const auto &[name, id] : choices)
        out.append(QVariantMap{{QStringLiteral("value"), id}, {QStringLiteral("text"), name}});
    return out;
}

} // namespace doorstep
