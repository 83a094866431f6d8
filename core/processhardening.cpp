// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "processhardening.h"

#include <QStringList>
#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace doorstep {

QString guardAgainstCoreDumps(DumpGuard guard)
{
    if (qEnvironmentVariableIntValue("DOORSTEP_ALLOW_CORE_DUMPS") == 1)
        return {};
    QStringList done;
#if defined(Q_OS_UNIX)
    const struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) == 0)
        done << QStringLiteral("no core file");
#endif
#if defined(Q_OS_LINUX)
    if (guard == DumpGuard::NotDumpable && prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0)
        done << QStringLiteral("not dumpable");
#else
    Q_UNUSED(guard)
#endif
    return done.join(QStringLiteral(", "));
}

} // namespace doorstep
