// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/dashboard.h"
#include "core/duedates.h"
#include "core/result.h"

#include <QSqlDatabase>

namespace doorstep::server {

/** The council's own settings, kept in the `settings` table and sent to devices with every pull
 *  page (`council`), so due dates on a tablet and on the service follow the same policy. */
namespace council {

inline constexpr const char *kVisitPolicyKey = "visit_policy";
inline constexpr const char *kRecordingStandardKey = "recording_standard_working_days";

/** The council's visiting frequencies for child protection and child in need; the defaults (10
 *  and 20 working days) until `set-visit-policy` has been run. */
Result<VisitPolicy> visitPolicy(QSqlDatabase &db);

/** The council's standard for recording a visit (core/dashboard.h, RecordingStandard). */
Result<int> recordingStandard(QSqlDatabase &db);

/** What a pull page carries: {"visit_policy": {...}, "recording_standard_working_days": n}. */
Result<QJsonObject> forDevices(QSqlDatabase &db);

} // namespace council
} // namespace doorstep::server
