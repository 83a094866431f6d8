// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "statement.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct sqlite3;

namespace doorstep {

/** How to open a Database (outside the class so it can be a default argument). */
struct DatabaseOpenOptions {
    /** Migrate only up to this user_version (tests build databases of earlier versions); -1 = latest. */
    int migrateTo = -1;
};

/** The encrypted client database: one SQLCipher 4.5.5 connection, owned by one thread at a time.
 *  Opening checks the cipher, the key and the schema version, and migrates to the latest schema. */
class Database
{
public:
    using OpenOptions = DatabaseOpenOptions;

    /** The SQLCipher release this code is written and tested against; anything else is refused. */
    static constexpr const char *kCipherVersion = "4.5.5";

    /** Opens (creating with mode 0600 if missing) the database at `path` with a 32-byte raw key.
     *  The key bytes in `key32` are zeroed in place before this returns, whatever the outcome
     *  (implicitly shared copies held elsewhere are the caller's to wipe).
     *  Errors: WrongKey (file left unchanged), CipherMismatch, StorageError, InvalidInput (key size). */
    static Result<std::unique_ptr<Database>> open(const QString &path, QByteArray &key32,
                                                  const OpenOptions &options = {});
    static Result<std::unique_ptr<Database>> open(const QString &path, QByteArray &&key32,
                                                  const OpenOptions &options = {});

    /** Plain SQLite from the same library, with no key at all. ONLY for the encryption-overhead
     *  benchmark, which must compare like with like; never used by the application. */
    static Result<std::unique_ptr<Database>> openUnencryptedForBenchmark(const QString &path,
                                                                         const OpenOptions &options = {});

    /** Whether a `PRAGMA cipher_version` answer is the release we require ("4.5.5 community":
     *  the release number must match exactly; the edition word after it may vary). */
    static bool isSupportedCipherVersion(const QString &reported);
    /** Zeroes a secret buffer in place (OPENSSL_cleanse, which the compiler cannot elide). */
    static void wipe(QByteArray &secret);
    /** The schema version this code creates and expects. */
    static int latestVersion();

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    Statement prepare(const char *sql) const { return Statement(m_db, sql); }
    /** Runs SQL without parameters (may hold several statements). */
    Result<void> exec(const char *sql);
    /** The first column of the first row of a query, as text (empty when no row). */
    Result<QString> queryText(const char *sql);

    /** Rows changed by the last INSERT/UPDATE/DELETE. */
    int changes() const;
    Result<int> userVersion();
    Result<QString> cipherVersion();
    /** `PRAGMA integrity_check`: "ok" when the file is sound. */
    Result<QString> integrityCheck();
    /** Migrates up to `target` (-1 = latest), each step in its own transaction. */
    Result<void> migrate(int target = -1);
    /** Housekeeping kept off the save path (the Store runs it when idle): a passive WAL
     *  checkpoint and a bounded step of FTS5 segment merging. Each is incremental. */
    Result<void> runMaintenance();
    /** Checkpoints the WAL into the main file (truncating the WAL). */
    Result<void> checkpoint();

    /** Writes an encrypted copy to `path` (must not exist) under `key32` (zeroed in place),
     *  only through ATTACH ... KEY + sqlcipher_export: the copy never exists in plain form. */
    Result<void> exportEncryptedBackup(const QString &path, QByteArray &key32);
    /** The shortest passphrase a rescue copy takes. */
    static constexpr int kMinRescuePassphraseLength = 12;
    /** The same copy under a passphrase a person chose (zeroed in place), for signing out with
     *  changes not yet sent: SQLCipher derives the copy's key from it with its own KDF and a salt
     *  kept in the copy, so the copy opens anywhere with the passphrase alone (openRescueCopy).
     *  Errors: InvalidInput (shorter than kMinRescuePassphraseLength), Conflict (file exists). */
    Result<void> exportRescueCopy(const QString &path, QByteArray &passphrase);
    /** Opens a rescue copy read-only (support staff, tests). WrongKey for a wrong passphrase. */
    static Result<std::unique_ptr<Database>> openRescueCopy(const QString &path, QByteArray &passphrase);

    /** The user id written into audit events for local actions. */
    void setActor(const QString &actor) { m_actor = actor; }
    const QString &actor() const { return m_actor; }

    /** True while a ChangeRecordingSuspender is alive: saves do not queue outbox mutations. */
    bool isChangeRecordingSuspended() const { return m_suspendDepth > 0; }
    bool inTransaction() const { return m_transactionDepth > 0; }
    bool isEncrypted() const { return m_encrypted; }

private:
    friend class Transaction;
    friend class ChangeRecordingSuspender;

    Database(sqlite3 *db, QString path, bool encrypted);
    static Result<std::unique_ptr<Database>> openImpl(const QString &path, QByteArray *key32,
                                                      const OpenOptions &options);
    static Result<std::unique_ptr<Database>> openFile(const QString &path, QByteArray *key32,
                                                      const OpenOptions &options);
    Result<void> configure();
    void tightenPermissions() const;
    /** Both exports: `secret` is a 32-byte raw key (rawKey) or a passphrase; zeroed in place. */
    Result<void> exportCopy(const QString &path, QByteArray &secret, bool rawKey);

    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_actor;
    bool m_encrypted = true;
    int m_transactionDepth = 0;
    int m_suspendDepth = 0;
};

} // namespace doorstep
