// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;
namespace sync {
class ApiClient;
}

/**
 * What a tablet tells the service besides records: each export made on the tablet
 * (`POST /api/v1/audit/export`, so the tablet and the service leave the same audit trail), each
 * child's page or record opened (`POST /api/v1/audit/view`), and
 * the team's user names for the dashboard (from `GET /api/v1/dashboard`).
 *
 * Export reports wait in the store's key/value sync state (one JSON list under
 * `pending_export_reports`, no table of their own) until a sync succeeds; each one is also written
 * to the device's hash-chained audit log at once. A report the service refuses as malformed is
 * dropped (trying again cannot help); any other failure keeps it for the next sync.
 */
class ManagerSync : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppState")
    Q_PROPERTY(int pendingReports READ pendingReports NOTIFY pendingReportsChanged)
public:
    ManagerSync(Store *store, sync::ApiClient *api, QObject *parent = nullptr);

    int pendingReports() const { return m_pending; }

    /** Queues the report of an export (`kind`: visits_csv or chronology_pdf) and writes the local
     *  audit event; resolves when both are in the store. */
    QFuture<Result<void>> queueReport(const QString &kind, const QStringList &childIds, int rows);
    /** Notes that the person opened a child's page (childId) or a record (recordId): written to the
     *  device's audit log at once and reported to the service with the next sync
     *  (`POST /api/v1/audit/view`), so who read a file can be answered. The same one opened again
     *  within ten minutes is not noted again. */
    Q_INVOKABLE void noteViewed(const QString &childId, const QString &recordId = QString());
    /** Sends the queued reports one after another (after a successful sync). */
    Q_INVOKABLE void flush();
    /** Fetches the team's user names (managers only) and keeps them for the dashboard. */
    Q_INVOKABLE void refreshUserNames();
    /** Re-reads how many reports wait. */
    Q_INVOKABLE void recount();
    /** Fetches the moves between teams that concern the team (`GET /api/v1/transfers`: the other
     *  teams, the requests waiting for this team's answer and this team's own) and keeps them in
     *  the store (`transfersKey`), so the list reads offline as of the last fetch. Managers only;
     *  after each successful sync and when the transfers are opened. */
    Q_INVOKABLE void refreshTransfers();

    /** How an allocation decision ended (a reallocation, a new case): `ok`, or the service's (or
     *  the network's) message and the field it names ("reason", "worker", "child.first_name";
     *  empty for the request as a whole). */
    struct AllocationOutcome {
        bool ok = false;
        QString message;
        QString field;
    };
    /** Asks the service to move a child of the team to another of its workers
     *  (`POST /api/v1/children/{id}/allocation`). Online only: a reallocation is a decision about
     *  who holds the case from now, so it is not queued to take effect later. */
    void reallocate(const QString &childId, const QString &workerId, const QString &reason,
                    std::function<void(const AllocationOutcome &)> done);
    /** Asks the service to open a new child's case in the team, allocated to `workerId`
     *  (`POST /api/v1/children`). Online only, like a reallocation; a retry of the same request
     *  opens nothing twice. */
    void openCase(const QJsonObject &child, const QString &workerId, const QString &reason,
                  std::function<void(const AllocationOutcome &)> done);

    /** Asks the receiving team's manager to take a child of the team
     *  (`POST /api/v1/children/{id}/transfer`). Online only; the same request again is answered
     *  as the first. */
    void requestTransfer(const QString &childId, const QString &teamId, const QString &reason,
                         std::function<void(const AllocationOutcome &)> done);
    /** Answers a transfer waiting for the team (`accept` with `workerId`, `decline`) or withdraws
     *  the team's own (`withdraw`), with the reason (`POST /api/v1/transfers/{id}/{decision}`). */
    void answerTransfer(const QString &transferId, const QString &decision, const QString &workerId, const QString &reason,
                        std::function<void(const AllocationOutcome &)> done);

    /** The transfers as last fetched: {teams, incoming, outgoing, fetched_at}; empty if never. */
    static Result<QJsonObject> storedTransfers(Database &db);

    /** The team's workers as last fetched (`teamWorkersKey`), named (`DashboardViewModel::
     *  userNamesKey`) and sorted by name, less `except`: [{value: user id, text: name}]. */
    static Result<QVariantList> teamWorkerChoices(Database &db, const QString &except = {});
    /** A worker's name as last fetched, or "Worker 1a2b3c4d" when the service has not said. */
    static Result<QString> userName(Database &db, const QString &userId);

    // Store-thread parts, public for tests.
    static QString queueKey() { return QStringLiteral("pending_export_reports"); }
    /** The team's workers (ids, JSON list) as last fetched with the names: who a child can go to. */
    static QString teamWorkersKey() { return QStringLiteral("team_worker_ids"); }
    static QString transfersKey() { return QStringLiteral("team_transfers"); }
    static Result<void> enqueue(Database &db, const QJsonObject &report);
    static Result<QJsonArray> queued(Database &db);
    static Result<void> remove(Database &db, const QString &reportId);

Q_SIGNALS:
    void pendingReportsChanged();
    /** A flush ended: `sent` reports were accepted, `left` still wait. */
    void flushed(int sent, int left);
    void userNamesChanged();
    /** The stored transfers changed (refreshTransfers). */
    void transfersChanged();

private:
    /** What to say when the decision could not reach the service, whole sentences for translators. */
    struct NotDone {
        QString offline;
        QString signInAgain;
    };
    void decide(const QString &path, const QJsonObject &body, const NotDone &notDone, std::function<void(const AllocationOutcome &)> done);
    /** Adds a report to the queue (and the device's audit log) and recounts what waits. */
    QFuture<Result<void>> queue(const QJsonObject &report);
    void sendNext(int sent, int round);
    void setPending(int pending);

    QPointer<Store> m_store;
    sync::ApiClient *m_api;
    int m_pending = 0;
    QHash<QString, QDateTime> m_lastViewed; // child or record id → when its reading was last noted
    bool m_flushing = false;
};

} // namespace doorstep
