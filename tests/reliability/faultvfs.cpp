// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "faultvfs.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstring>

namespace doorstep::testing {

namespace {

/** Our file object: SQLite allocates szOsFile bytes; the real (unix) file lives right after ours. */
struct FaultFile {
    sqlite3_file base;
    sqlite3_file *real;
    std::string *path; // null for nameless (temporary) files, which are never tracked
};

sqlite3_vfs *underlying()
{
    static sqlite3_vfs *const vfs = sqlite3_vfs_find(nullptr);
    return vfs;
}

FaultFile *ff(sqlite3_file *f)
{
    return reinterpret_cast<FaultFile *>(f);
}

bool endsWith(const std::string &s, const char *suffix)
{
    const size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

int fileSize(sqlite3_file *real, qint64 *size)
{
    sqlite3_int64 s = 0;
    const int rc = real->pMethods->xFileSize(real, &s);
    *size = s;
    return rc;
}

/** The bytes at [offset, offset+len) clipped to the file's current size. */
std::string readRange(sqlite3_file *real, qint64 offset, qint64 len, qint64 size)
{
    const qint64 end = std::min(offset + len, size);
    if (end <= offset)
        return {};
    std::string out(size_t(end - offset), '\0');
    (void)real->pMethods->xRead(real, out.data(), int(out.size()), offset);
    return out;
}

int xClose(sqlite3_file *f)
{
    FaultFile *file = ff(f);
    const int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    delete file->path;
    file->path = nullptr;
    return rc;
}

int xRead(sqlite3_file *f, void *buf, int amt, sqlite3_int64 offset)
{
    return ff(f)->real->pMethods->xRead(ff(f)->real, buf, amt, offset);
}

int xWrite(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 offset)
{
    FaultFile *file = ff(f);
    FaultVfs &vfs = FaultVfs::instance();
    if (const int fail = vfs.beforeOp(FaultVfs::Op::Write))
        return fail;
    if (!file->path)
        return file->real->pMethods->xWrite(file->real, buf, amt, offset);
    FaultVfs::Entry entry;
    entry.offset = offset;
    fileSize(file->real, &entry.sizeBefore);
    entry.oldData = readRange(file->real, offset, amt, entry.sizeBefore);
    entry.newData.assign(static_cast<const char *>(buf), size_t(amt));
    const int rc = file->real->pMethods->xWrite(file->real, buf, amt, offset);
    vfs.noteWrite(*file->path, std::move(entry)); // even a failed write may have changed the file
    return rc;
}

int xTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    FaultFile *file = ff(f);
    FaultVfs &vfs = FaultVfs::instance();
    if (const int fail = vfs.beforeOp(FaultVfs::Op::Write))
        return fail == SQLITE_IOERR_WRITE ? SQLITE_IOERR_TRUNCATE : fail;
    if (!file->path)
        return file->real->pMethods->xTruncate(file->real, size);
    FaultVfs::Entry entry;
    entry.truncate = true;
    entry.offset = size;
    fileSize(file->real, &entry.sizeBefore);
    entry.oldData = readRange(file->real, size, entry.sizeBefore - size, entry.sizeBefore);
    const int rc = file->real->pMethods->xTruncate(file->real, size);
    vfs.noteWrite(*file->path, std::move(entry));
    return rc;
}

int xSync(sqlite3_file *f, int flags)
{
    FaultFile *file = ff(f);
    FaultVfs &vfs = FaultVfs::instance();
    if (const int fail = vfs.beforeOp(FaultVfs::Op::Sync))
        return fail == SQLITE_IOERR_WRITE ? SQLITE_IOERR_FSYNC : fail;
    const int rc = file->real->pMethods->xSync(file->real, flags);
    if (rc == SQLITE_OK && file->path)
        vfs.noteSync(*file->path);
    return rc;
}

int xFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return ff(f)->real->pMethods->xFileSize(ff(f)->real, size);
}
int xLock(sqlite3_file *f, int level)
{
    return ff(f)->real->pMethods->xLock(ff(f)->real, level);
}
int xUnlock(sqlite3_file *f, int level)
{
    return ff(f)->real->pMethods->xUnlock(ff(f)->real, level);
}
int xCheckReservedLock(sqlite3_file *f, int *out)
{
    return ff(f)->real->pMethods->xCheckReservedLock(ff(f)->real, out);
}
int xFileControl(sqlite3_file *f, int op, void *arg)
{
    return ff(f)->real->pMethods->xFileControl(ff(f)->real, op, arg);
}
int xSectorSize(sqlite3_file *f)
{
    return ff(f)->real->pMethods->xSectorSize(ff(f)->real);
}
int xDeviceCharacteristics(sqlite3_file *f)
{
    // Claim nothing (no atomic or sequential writes, no powersafe overwrite): the pager must not
    // rely on a property our torn writes break.
    return ff(f)->real->pMethods->xDeviceCharacteristics(ff(f)->real)
        & ~(SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_SEQUENTIAL
            | SQLITE_IOCAP_POWERSAFE_OVERWRITE | SQLITE_IOCAP_BATCH_ATOMIC);
}
int xShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return ff(f)->real->pMethods->xShmMap(ff(f)->real, page, size, extend, out);
}
int xShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return ff(f)->real->pMethods->xShmLock(ff(f)->real, offset, n, flags);
}
void xShmBarrier(sqlite3_file *f)
{
    ff(f)->real->pMethods->xShmBarrier(ff(f)->real);
}
int xShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return ff(f)->real->pMethods->xShmUnmap(ff(f)->real, deleteFlag);
}
int xFetch(sqlite3_file *, sqlite3_int64, int, void **out)
{
    *out = nullptr; // no memory-mapped reads: every page goes through xRead
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file *, sqlite3_int64, void *)
{
    return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {
    3, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock, xCheckReservedLock,
    xFileControl, xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier, xShmUnmap,
    xFetch, xUnfetch,
};

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags)
{
    FaultFile *file = ff(f);
    file->base.pMethods = nullptr;
    file->real = reinterpret_cast<sqlite3_file *>(file + 1);
    file->path = nullptr;
    const int rc = underlying()->xOpen(underlying(), name, file->real, flags, outFlags);
    if (!file->real->pMethods)
        return rc; // nothing to close
    file->base.pMethods = &kMethods;
    if (rc == SQLITE_OK && name) {
        file->path = new std::string(name);
        FaultVfs::instance().noteOpen(*file->path);
    }
    return rc;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    if (FaultVfs::instance().powerIsOff())
        return SQLITE_IOERR_DELETE; // a dead machine deletes nothing
    const int rc = underlying()->xDelete(underlying(), name, syncDir);
    if (rc == SQLITE_OK)
        FaultVfs::instance().noteDelete(name);
    return rc;
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return underlying()->xAccess(underlying(), name, flags, out);
}
int vfsFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return underlying()->xFullPathname(underlying(), name, n, out);
}
int vfsRandomness(sqlite3_vfs *, int n, char *out)
{
    return underlying()->xRandomness(underlying(), n, out);
}
int vfsSleep(sqlite3_vfs *, int us)
{
    return underlying()->xSleep(underlying(), us);
}
int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return underlying()->xCurrentTime(underlying(), out);
}
int vfsGetLastError(sqlite3_vfs *, int n, char *out)
{
    return underlying()->xGetLastError(underlying(), n, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return underlying()->xCurrentTimeInt64(underlying(), out);
}

bool writeAll(int fd, const char *data, size_t len, qint64 offset)
{
    while (len > 0) {
        const ssize_t n = ::pwrite(fd, data, len, offset);
        if (n <= 0)
            return false;
        data += n;
        len -= size_t(n);
        offset += n;
    }
    return true;
}

} // namespace

FaultVfs::FaultVfs() : m_vfs(std::make_unique<sqlite3_vfs>())
{
    sqlite3_initialize();
    sqlite3_vfs *base = underlying();
    *m_vfs = *base; // xDlOpen & co. and the system-call hooks ignore their vfs argument
    m_vfs->zName = "doorstep-fault";
    m_vfs->szOsFile = int(sizeof(FaultFile)) + base->szOsFile;
    m_vfs->pNext = nullptr;
    m_vfs->pAppData = nullptr;
    m_vfs->xOpen = vfsOpen;
    m_vfs->xDelete = vfsDelete;
    m_vfs->xAccess = vfsAccess;
    m_vfs->xFullPathname = vfsFullPathname;
    m_vfs->xRandomness = vfsRandomness;
    m_vfs->xSleep = vfsSleep;
    m_vfs->xCurrentTime = vfsCurrentTime;
    m_vfs->xGetLastError = vfsGetLastError;
    m_vfs->xCurrentTimeInt64 = vfsCurrentTimeInt64;
}

FaultVfs &FaultVfs::instance()
{
    static FaultVfs *const self = [] {
        auto *vfs = new FaultVfs;
        sqlite3_vfs_register(vfs->m_vfs.get(), 1); // the default from now on, under SQLCipher's codec
        return vfs;
    }();
    return *self;
}

void FaultVfs::reset()
{
    m_files.clear();
    clearFault();
    m_cutCountdown = 0;
    m_powerOff = false;
}

void FaultVfs::failAt(Op op, qint64 n, int sqliteCode, bool persistent)
{
    m_faultOp = op;
    m_faultCountdown = n;
    m_faultCode = sqliteCode;
    m_faultPersistent = persistent;
    m_faultFired = false;
}

void FaultVfs::clearFault()
{
    m_faultCountdown = 0;
    m_faultCode = 0;
    m_faultPersistent = false;
    m_faultFired = false;
}

void FaultVfs::cutPowerAt(qint64 n)
{
    m_cutCountdown = n;
}

void FaultVfs::cutPowerNow()
{
    m_cutCountdown = 0;
    m_powerOff = true;
}

int FaultVfs::beforeOp(Op kind)
{
    ++m_ops;
    if (kind == Op::Write)
        ++m_writes;
    else
        ++m_syncs;
    if (m_powerOff)
        return kind == Op::Sync ? SQLITE_IOERR_FSYNC : SQLITE_IOERR_WRITE;
    if (m_cutCountdown > 0 && --m_cutCountdown == 0) {
        m_powerOff = true;
        ++m_faults;
        return kind == Op::Sync ? SQLITE_IOERR_FSYNC : SQLITE_IOERR_WRITE;
    }
    const bool counts = m_faultOp == Op::WriteOrSync || m_faultOp == kind;
    if (m_faultCode != 0 && counts) {
        if (m_faultFired && m_faultPersistent) {
            ++m_faults;
            return m_faultCode;
        }
        if (!m_faultFired && --m_faultCountdown == 0) {
            m_faultFired = true;
            ++m_faults;
            return m_faultCode;
        }
    }
    return 0;
}

void FaultVfs::noteOpen(const std::string &path)
{
    m_files.try_emplace(path); // a file first seen is taken as durable as it stands
}

void FaultVfs::noteWrite(const std::string &path, Entry entry)
{
    if (endsWith(path, "-wal") && !entry.truncate)
        m_lastWalWrite = m_ops;
    m_files[path].entries.push_back(std::move(entry));
}

void FaultVfs::noteSync(const std::string &path)
{
    m_files[path].entries.clear();
    if (endsWith(path, "-wal"))
        m_lastWalSync = m_ops;
}

void FaultVfs::noteDelete(const std::string &path)
{
    m_files.erase(path);
}

FaultVfs::CutStats FaultVfs::applyPowerLoss(QRandomGenerator &random, bool dropAll)
{
    CutStats stats;
    for (auto &[path, log] : m_files) {
        if (log.entries.empty())
            continue;
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0)
            continue; // deleted since (only a live machine deletes)
        ++stats.files;
        // Back to the last synced image: undo every unsynced operation, newest first.
        for (auto it = log.entries.rbegin(); it != log.entries.rend(); ++it) {
            writeAll(fd, it->oldData.data(), it->oldData.size(), it->offset);
            if (::ftruncate(fd, it->sizeBefore) != 0)
                break;
        }
        // Then each operation, in order, reached the disk whole, not at all, or in part.
        for (const Entry &e : log.entries) {
            const int pick = dropAll ? 1 : int(random.bounded(10)); // 0-4 kept, 5-7 dropped, 8-9 torn
            if (e.truncate) {
                if (pick < 5) {
                    (void)::ftruncate(fd, e.offset);
                    ++stats.kept;
                } else {
                    ++stats.dropped;
                }
                continue;
            }
            if (!dropAll && pick < 5) {
                writeAll(fd, e.newData.data(), e.newData.size(), e.offset);
                ++stats.kept;
            } else if (!dropAll && pick >= 8 && e.newData.size() > 1) {
                // Sector-sized tears where the write spans sectors, else any byte.
                const qint64 len = qint64(e.newData.size());
                qint64 cut = len > 512 ? 512 * qint64(random.bounded(1, int(len / 512) + (len % 512 ? 1 : 0)))
                                       : qint64(random.bounded(1, int(len)));
                cut = std::min(cut, len - 1);
                writeAll(fd, e.newData.data(), size_t(cut), e.offset);
                ++stats.torn;
                stats.bytesLost += len - cut;
            } else {
                ++stats.dropped;
                stats.bytesLost += qint64(e.newData.size());
            }
        }
        ::close(fd);
        log.entries.clear();
    }
    m_powerOff = false;
    m_cutCountdown = 0;
    return stats;
}

} // namespace doorstep::testing
