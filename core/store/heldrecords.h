// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace doorstep {

class Database;
class Statement;

/** A record the service sent that this version of the app could not store. */
struct HeldRecord {
    QString recordId;
    qint64 rev = 0;
    QJsonObject body;
    QString reason;
    QString field;      // "schema" when a newer version of Doorstep wrote it
    int heldSchema = 0; // the wire schema this app read when it held the record
    QString heldAt;

    bool needsNewerVersion() const { return field == QLatin1String("schema"); }
};

/** Pulled records kept aside instead of stopping the pull (store schema v7). One such record must
 *  not stop a tablet receiving everything after it, and must not be lost either: it is kept until
 *  a later revision is stored, the app is updated and can read it, or a purge removes it. */
class HeldRecords
{
public:
    explicit HeldRecords(Database &db) : m_db(db) {}

    /** Keeps the record at `rev` with why it could not be stored; an older revision never
     *  replaces a newer one. */
    Result<void> hold(const QString &recordId, qint64 rev, const QJsonObject &body, const Error &why);
    /** A revision at or after the held one was stored (or the record was purged: `rev` < 0). */
    Result<void> release(const QString &recordId, qint64 rev = -1);
    /** The ids held now, read once per pull page so the common case costs one empty read. */
    Result<QSet<QString>> ids();
    Result<int> count();
    Result<QList<HeldRecord>> all();
    /** Held by a version that read an older wire schema than this one: worth trying again. */
    Result<QList<HeldRecord>> heldBeforeThisVersion();
    /** Tried again and still not storable by this version: not tried again until the next. */
    Result<void> markTried(const QString &recordId, const Error &why);

private:
    Result<QList<HeldRecord>> list(Statement &st);

    Database &m_db;
};

} // namespace doorstep
