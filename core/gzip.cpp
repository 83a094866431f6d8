// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/gzip.h"

#include <zlib.h>

namespace doorstep {

namespace {
constexpr int kGzipWindowBits = 15 + 16; // +16 selects the gzip wrapper in zlib
constexpr int kChunk = 64 * 1024;
}

QByteArray gzipCompress(const QByteArray &data, int level)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.reserve(int(deflateBound(&zs, uLong(data.size()))));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    int rc = Z_OK;
    char buffer[kChunk];
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = kChunk;
        rc = deflate(&zs, Z_FINISH);
        out.append(buffer, kChunk - int(zs.avail_out));
    } while (rc == Z_OK);
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

Result<QByteArray> gzipDecompress(const QByteArray &data, qsizetype maxSize)
{
    z_stream zs{};
    if (inflateInit2(&zs, kGzipWindowBits) != Z_OK)
        return Error(ErrorCode::Internal, QStringLiteral("zlib could not start"));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[kChunk];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = kChunk;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buffer, kChunk - int(zs.avail_out));
        if (out.size() > maxSize) {
            inflateEnd(&zs);
            return Error(ErrorCode::InvalidInput, QStringLiteral("Compressed body is too large when expanded."));
        }
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)
            break; // input ended before the stream did
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return Error(ErrorCode::InvalidInput, QStringLiteral("Compressed body is damaged or incomplete."));
    return out;
}

} // namespace doorstep
