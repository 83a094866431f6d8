// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QString>

#include <vector>

namespace doorstep {

class Database;

/** One schema step: applied inside a transaction that also sets PRAGMA user_version = version. */
struct Migration {
    int version;
    const char *description;
    Result<void> (*apply)(Database &db);
};

/** Every schema step in order (versions 1, 2, 3, ...). Steps are never edited once released:
 *  a change is a new step, and tst_database upgrades databases built by every earlier version. */
const std::vector<Migration> &migrations();

} // namespace doorstep
