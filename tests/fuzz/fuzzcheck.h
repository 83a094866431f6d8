// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// Shared by every fuzz target: an invariant that fails aborts, so libFuzzer (and the GCC replay
// driver in scripts/test) report the input as a crash. Record content is never printed.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

[[noreturn]] inline void fuzzFail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "doorstep fuzz: invariant broken: %s (%s:%d)\n", what, file, line);
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(cond, what)                                                                                \
    do {                                                                                                      \
        if (!(cond))                                                                                          \
            fuzzFail(what, __FILE__, __LINE__);                                                               \
    } while (0)

/** The input as bytes (a deep copy: Qt's JSON parser may read the buffer after fromRawData's end
 *  is reached only through its size, but a copy keeps ASan's view of the buffer exact). */
inline QByteArray fuzzBytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/** Inputs above this size are skipped: records are a few kilobytes and the service refuses
 *  bodies far smaller than this, so bigger inputs only slow the search down. */
constexpr size_t kFuzzMaxInput = 64 * 1024;
