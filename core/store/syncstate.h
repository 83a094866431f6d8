// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/dashboard.h"
#include "core/duedates.h"
#include "core/result.h"

#include <QString>

#include <optional>

namespace doorstep {

class Database;

/** Small key/value state of the sync engine (the pull cursor, the last sync time, ...). */
class SyncState
{
public:
    explicit SyncState(Database &db) : m_db(db) {}

    static constexpr const char *kPullCursor = "pull_cursor";

    Result<std::optional<QString>> get(const QString &key);
    Result<void> set(const QString &key, const QString &value);
    Result<void> remove(const QString &key);

    static constexpr const char *kVisitPolicy = "visit_policy";

    /** The council's visiting frequencies, as the service last sent them with a pull page; the
     *  defaults before the first pull (or offline from the start). */
    Result<VisitPolicy> visitPolicy();
    Result<void> setVisitPolicy(const VisitPolicy &policy);
    static constexpr const char *kRecordingStandard = "recording_standard_working_days";
    /** The council's recording standard in working days, as last sent; the default before the first pull. */
    Result<int> recordingStandard();

    /** The opaque cursor after the last applied page; empty before the first pull. */
    Result<QString> pullCursor();
    Result<void> setPullCursor(const QString &cursor);

private:
    Database &m_db;
};

} // namespace doorstep
