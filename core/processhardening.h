// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QString>

namespace doorstep {

enum class DumpGuard {
    /** No core file (RLIMIT_CORE 0, which systemd-coredump honours too). Keeps the process
     *  traceable by its own user's tools, which the desktop keychain may check. */
    NoCoreFile,
    /** Also not dumpable (Linux): no core by any route, and other processes of the same user can
     *  neither attach to it nor read its memory. For the service, which talks to no keychain. */
    NotDumpable,
};

/** Keeps database keys, tokens and decrypted records out of crash dumps (docs/threat-model.md).
 *  Called first thing in every program that holds them. DOORSTEP_ALLOW_CORE_DUMPS=1 leaves a
 *  developer's debugging session alone. Returns what was done, for the log; empty when nothing. */
QString guardAgainstCoreDumps(DumpGuard guard);

} // namespace doorstep
