// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QString>

namespace doorstep {

/** Where the client keeps its files, so the app, the demo and tests agree. */
namespace paths {

/** The database file's name inside a data directory. */
inline constexpr const char kDatabaseFileName[] = "records.db";

/** @p dataDir if given, else QStandardPaths::AppDataLocation (set the application name first). */
QString dataDirectory(const QString &dataDir = {});
/** The database file inside dataDirectory(@p dataDir). */
QString databasePath(const QString &dataDir = {});
/** Creates the data directory, private to the user (0700), and returns its absolute path. */
Result<QString> ensureDataDirectory(const QString &dataDir = {});

} // namespace paths
} // namespace doorstep
