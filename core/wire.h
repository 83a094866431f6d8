// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace doorstep {

/** The kinds of record Doorstep keeps (docs/records.md). */
enum class RecordType { Child, Visit, DirectWork, Review, Supervision };

QString recordTypeName(RecordType type);                         // "child", "visit", "direct_work", ...
std::optional<RecordType> recordTypeFromName(QStringView name);

/** The JSON wire format shared by client and service (docs/records.md). */
namespace wire {

/** The record format this build reads and writes. 2 added the child's
 *  `visiting_frequency_reason` and `allocations`; 3 the team names in an `allocations` entry.
 *  Readers tell the service the version they read (the
 *  `Doorstep-Schema` request header) and are sent each record as that version can store it. */
constexpr int kSchemaVersion = 3;

/** Parses bytes into a JSON object; malformed JSON or a non-object is an InvalidInput error. */
Result<QJsonObject> parseObject(const QByteArray &json);

/** Strictly validates a whole record: envelope, types, enums, dates, ranges, unknown fields.
 *  Incomplete drafts are valid here: completeness for submission is the rules' job. */
Result<void> validateRecord(const QJsonObject &record);

/** Validates a patch (a subset of top-level fields; null clears a field) for a record type. */
Result<void> validatePatch(RecordType type, const QJsonObject &patch);

/** validatePatch, and what only the service may write refused with Forbidden: service-owned
 *  fields (return_reason, reviewed_by, reviewed_at) and the states approved and returned. The
 *  same check on the tablet (before queueing) and in the service (on push). */
Result<void> validateClientPatch(RecordType type, const QJsonObject &patch);

/** The record's type, when `type` names one. */
std::optional<RecordType> typeOf(const QJsonObject &record);

/** parseObject + validateRecord. */
Result<QJsonObject> decodeRecord(const QByteArray &json);

/** Compact UTF-8 encoding used on the wire and in the store. */
QByteArray encode(const QJsonObject &record);

/** The children a record is about (child: its id; visit: its cards; direct work: child_ids; ...). */
QStringList childIdsOf(const QJsonObject &record);

/** The narrative text of a record, for full-text search (names for a child). */
QString searchTextOf(const QJsonObject &record);

/** A child as people call them: the preferred name, else the first, and the last ("Cal Carrow"). */
QString childKnownAs(const QJsonObject &child);
/** A child's full name, with a preferred name that differs in brackets ("Callum (Cal) Carrow"):
 *  where the child is identified (the caseload, the child's page). */
QString childFullName(const QJsonObject &child);

/** A one-line title for lists and the chronology ("Home visit, 4 Mar 2026"). */
QString titleOf(const QJsonObject &record);

/** The date a record sorts by in a chronology (visit start, session date, ...). */
QDateTime eventTimeOf(const QJsonObject &record);

/** Fields only the service may change (workflow and review). */
const QStringList &serviceOwnedFields();

/** Envelope fields never merged as content (id, type, schema). */
const QStringList &identityFields();

/** The record as a reader of `readerSchema` can store it: fields added by later versions are
 *  left out and `schema` is at most the reader's. The record itself when nothing needs to change. */
QJsonObject forReader(const QJsonObject &record, int readerSchema);
/** Whether forReader would change the record. */
bool needsDowngrade(const QJsonObject &record, int readerSchema);
/** Whether a reader of `readerSchema` knows this top-level field of this record type. */
bool fieldKnownTo(std::optional<RecordType> type, const QString &field, int readerSchema);

bool isValidUuid(QStringView id);
QString newUuid();

} // namespace wire
} // namespace doorstep
