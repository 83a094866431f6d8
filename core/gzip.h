// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>

namespace doorstep {

/** gzip (RFC 1952) through zlib: the sync client's large pushes, the service's large answers. */
QByteArray gzipCompress(const QByteArray &data, int level = 6);

/** Inflates a gzip body; refuses to inflate past `maxSize` (a decompression bomb is an error). */
Result<QByteArray> gzipDecompress(const QByteArray &data, qsizetype maxSize);

} // namespace doorstep
