// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// What every reliability test asserts about a store after a fault: it is sound (integrity_check,
// audit chain) and nothing is half-saved (each record has outbox rows that carry exactly its saved
// content, and its audit events; no outbox row or audit event without its record).

#include "../store/storesamples.h"
#include "core/store/auditlog.h"
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/merge.h"
#include "core/wire.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace reliability {

struct Snapshot {
    QString integrity;
    doorstep::AuditCheck chain;
    QHash<QString, QJsonObject> records;          // id -> body
    QHash<QString, QList<QJsonObject>> outbox;    // record id -> patches, in device order
    QHash<QString, int> audit;                    // record id -> events
    qint64 auditEvents = 0;
    QStringList drafts;
    QString error;                                // a query that failed
};

inline Snapshot snapshot(doorstep::Database &db)
{
    using namespace doorstep;
    Snapshot s;
    Result<QString> integrity = db.integrityCheck();
    s.integrity = integrity ? integrity.value() : integrity.error().message;
    Result<AuditCheck> chain = AuditLog(db).verifyChain();
    if (chain)
        s.chain = chain.value();
    else
        s.error = chain.error().message;
    auto rows = [&](const char *sql, auto &&each) {
        Statement st = db.prepare(sql);
        for (int guard = 0; guard < 1000000; ++guard) {
            Result<bool> r = st.step();
            if (!r) {
                s.error = r.error().message;
                return;
            }
            if (!r.value())
                return;
            each(st);
        }
    };
    rows("SELECT id, body FROM records WHERE deleted = 0", [&](Statement &st) {
        s.records.insert(st.text(0), QJsonDocument::fromJson(st.bytes(1)).object());
    });
    rows("SELECT record_id, patch FROM outbox ORDER BY seq", [&](Statement &st) {
        s.outbox[st.text(0)].append(QJsonDocument::fromJson(st.bytes(1)).object());
    });
    rows("SELECT record_id, count(*) FROM audit WHERE record_id IS NOT NULL GROUP BY record_id", [&](Statement &st) {
        s.audit.insert(st.text(0), int(st.int64(1)));
        s.auditEvents += st.int64(1);
    });
    Result<QStringList> drafts = DraftStore(db).keys();
    if (drafts)
        s.drafts = drafts.value();
    else
        s.error = drafts.error().message;
    return s;
}

/** A record's content: without identity fields (never in a patch) and without null fields. */
inline QJsonObject content(QJsonObject o)
{
    for (const QString &f : doorstep::wire::identityFields())
        o.remove(f);
    for (const QString &key : o.keys())
        if (o.value(key).isNull())
            o.remove(key);
    return o;
}

/** Every breach of "sound and nothing half-saved"; empty when the store is consistent. */
inline QStringList problems(const Snapshot &s)
{
    QStringList out;
    if (!s.error.isEmpty())
        out << QStringLiteral("query failed: ") + s.error;
    if (s.integrity != QLatin1String("ok"))
        out << QStringLiteral("integrity_check: ") + s.integrity.left(200);
    if (!s.chain.intact)
        out << QStringLiteral("audit chain broken at %1: %2").arg(s.chain.firstBadSeq).arg(s.chain.problem);
    for (auto it = s.records.cbegin(); it != s.records.cend(); ++it) {
        const QList<QJsonObject> patches = s.outbox.value(it.key());
        if (patches.isEmpty())
            out << QStringLiteral("record %1 has no outbox row").arg(it.key());
        // Nothing is ever acknowledged here, so the queued patches, applied in device order to
        // nothing, must give exactly this saved version: not an older one, not a newer one.
        QJsonObject replayed;
        for (const QJsonObject &patch : patches)
            replayed = doorstep::merge::applyPatch(replayed, patch);
        if (content(replayed) != content(it.value()))
            out << QStringLiteral("record %1: the outbox does not carry the saved version").arg(it.key());
        if (s.audit.value(it.key()) < 1)
            out << QStringLiteral("record %1 has no audit event").arg(it.key());
    }
    for (auto it = s.outbox.cbegin(); it != s.outbox.cend(); ++it)
        if (!s.records.contains(it.key()))
            out << QStringLiteral("outbox row without its record %1").arg(it.key());
    for (auto it = s.audit.cbegin(); it != s.audit.cend(); ++it)
        if (!s.records.contains(it.key()))
            out << QStringLiteral("audit event without its record %1").arg(it.key());
    return out;
}

inline QString canary(qint64 n)
{
    return QStringLiteral("CANARY-%1-Zebedee").arg(n);
}

/** A visit whose narrative carries a canary, so an error message that leaks content is caught. */
inline QJsonObject visitNumber(qint64 n)
{
    return storesamples::visit(storesamples::uuidFor(2, n), storesamples::uuidFor(1, n % 7), n, canary(n));
}

/** An edit of a saved visit: a changed analysis, as a person correcting it would make. */
inline QJsonObject edited(QJsonObject visit, int round)
{
    visit.insert(QStringLiteral("analysis_risks"), QStringLiteral("Updated after a call with the school (%1).").arg(round));
    return visit;
}

inline QString draftKeyFor(qint64 n)
{
    return QStringLiteral("visit-form-%1").arg(n);
}

} // namespace reliability
