// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "apiresponse.h"
#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace doorstep::server::teamchecks {

/** Nothing when `childId` is allocated in `teamId`; otherwise the answer: 404 for a child the
 *  service does not know, 403 for another team's. */
Result<std::optional<ApiResponse>> refusalUnlessTeamChild(QSqlDatabase &tx, const QString &childId, const QString &teamId);

/** Nothing when `workerId` is an active worker of `teamId`; otherwise the 422 to answer. */
Result<std::optional<ApiResponse>> refusalUnlessTeamWorker(QSqlDatabase &tx, const QString &workerId, const QString &teamId);

/** The reason of a management decision (what inspections look for) from `body`: text of at most
 *  4,000 characters, trimmed. When `required`, an empty one is refused with "Give the reason for
 *  the `what`." Sets the error to answer and returns false when it is wrong. */
bool readReason(const QJsonObject &body, const QString &what, bool required, QString *reason, ApiResponse *error);

/** The worker and the reason of an allocation request (both required). */
bool readAllocation(const QJsonObject &body, const QString &what, QString *workerId, QString *reason, ApiResponse *error);

/** Refuses any field of `body` not in `known` (400, naming it). */
std::optional<ApiResponse> refusalOfUnknownFields(const QJsonObject &body, std::initializer_list<const char *> known);

} // namespace doorstep::server::teamchecks
