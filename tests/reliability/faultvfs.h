// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QRandomGenerator>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct sqlite3_vfs;

namespace doorstep::testing {

/** A SQLite VFS shim over the default (unix) VFS that injects I/O faults and simulates power loss.
 *  It sits under SQLCipher's codec, so it sees the encrypted pages exactly as the disk would. */
class FaultVfs
{
public:
    /** Which operations a fault counts. */
    enum class Op { Write, Sync, WriteOrSync };

    /** What one power cut did to the writes not yet made durable by an fsync. */
    struct CutStats {
        int files = 0;
        int kept = 0;
        int dropped = 0;
        int torn = 0;
        qint64 bytesLost = 0;
    };

    /** The one instance, registered as SQLite's default VFS on first use (before any store opens). */
    static FaultVfs &instance();

    /** Back to a healthy disk: no fault armed, power on, no unsynced writes remembered. */
    void reset();

    /** The `n`th operation of kind `op` from now (1 = the next) fails with `sqliteCode`
     *  (SQLITE_IOERR_WRITE, SQLITE_FULL, SQLITE_IOERR_FSYNC...). Persistent: that one and every
     *  later one of that kind fails until reset(). */
    void failAt(Op op, qint64 n, int sqliteCode, bool persistent = false);
    void clearFault();

    /** The machine dies at the `n`th write/sync/truncate from now (1 = the next): that operation
     *  and every later one fails and reaches nothing, as if power was cut. */
    void cutPowerAt(qint64 n);
    void cutPowerNow();
    bool powerIsOff() const { return m_powerOff; }

    /** After every connection is closed: brings the files to a state a disk could be in after the
     *  cut. Writes since each file's last successful sync are each kept, dropped or torn (only a
     *  prefix reaches the disk), re-applied in order over the last synced image; `dropAll` loses
     *  every one of them. Then power is back on. */
    CutStats applyPowerLoss(QRandomGenerator &random, bool dropAll);

    // Figures and clocks (a global operation counter over writes, syncs and truncates).
    qint64 operations() const { return m_ops; }
    qint64 writes() const { return m_writes; }
    qint64 syncs() const { return m_syncs; }
    qint64 faultsInjected() const { return m_faults; }
    /** The operation number of the last write to a WAL file and of the last successful WAL sync:
     *  a commit whose frames were written before the last WAL sync is durable. */
    qint64 lastWalWriteOp() const { return m_lastWalWrite; }
    qint64 lastWalSyncOp() const { return m_lastWalSync; }

    // Called by the shim's file methods (public so the C callbacks can reach them).
    struct Entry {
        bool truncate = false;
        qint64 offset = 0;
        std::string newData; // a write's bytes
        std::string oldData; // what the range held before (clipped to the file's size then)
        qint64 sizeBefore = 0;
    };
    struct FileLog {
        std::vector<Entry> entries; // since the last successful sync
    };
    /** Counts an operation; returns the SQLite code to fail it with, or 0 to let it through. */
    int beforeOp(Op kind);
    void noteWrite(const std::string &path, Entry entry);
    void noteSync(const std::string &path);
    void noteOpen(const std::string &path);
    void noteDelete(const std::string &path);

private:
    FaultVfs();
    std::unique_ptr<sqlite3_vfs> m_vfs;
    std::map<std::string, FileLog> m_files;
    Op m_faultOp = Op::Write;
    qint64 m_faultCountdown = 0; // 0 = no fault armed
    int m_faultCode = 0;
    bool m_faultPersistent = false;
    bool m_faultFired = false;
    qint64 m_cutCountdown = 0;
    bool m_powerOff = false;
    qint64 m_ops = 0;
    qint64 m_writes = 0;
    qint64 m_syncs = 0;
    qint64 m_faults = 0;
    qint64 m_lastWalWrite = 0;
    qint64 m_lastWalSync = 0;
};

} // namespace doorstep::testing
