// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

namespace doorstep {

class Database;

/** Fictional children and records for the self-test, screenshots, tests and the benchmark.
 *  Every name and event is invented. */
namespace demodata {

/** A fictional child (index picks name, legal status and plan). */
QJsonObject child(int index, const QDate &today);
/** A visit to `childId` that started `daysAgo` days before now, complete enough to submit: the
 *  statutory visit for the child's `legalStatus`. */
QJsonObject visit(const QString &childId, int daysAgo, int variant, const QString &legalStatus = QStringLiteral("child_in_need"));
/** A direct work session with `childId`. */
QJsonObject directWork(const QString &childId, int daysAgo);

/** Saves `children` fictional children and `recordsPerChild` records each, in one transaction
 *  per child; returns the children's ids in caseload order of creation. */
Result<QStringList> seed(Database &db, int children, int recordsPerChild, const QDate &today);
/** The same, as if pulled from the service (applied at revision 1, nothing in the outbox) except
 *  every tenth child's newest record, which stays a local unsynced change: a device after sync. */
Result<QStringList> seedSynced(Database &db, int children, int recordsPerChild, const QDate &today);

/** Gives the outbox and conflict screens something to show for `childId`: a visit the manager
 *  returned (with a reason), one change quarantined with its reason, a conflict on a visit's
 *  rationale, and a visit from a newer version of Doorstep kept aside. */
Result<void> stageSyncExamples(Database &db, const QString &childId);

} // namespace demodata
} // namespace doorstep
