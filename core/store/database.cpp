// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "database.h"

#include "auditlog.h"
#include "migrations.h"
#include "storelog.h"
#include "transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <openssl/crypto.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>

namespace doorstep {

namespace {

constexpr int kBusyTimeoutMs = 5000;

/** `PRAGMA key = "x'<64 hex>'";` built in a fixed stack buffer so it can be wiped after use
 *  (a QString or QByteArray might reallocate and leave copies behind). */
class KeyPragma
{
public:
    KeyPragma(const char *prefix, const QByteArray &key32, const char *suffix)
    {
        static const char hex[] = "0123456789abcdef";
        size_t n = 0;
        for (const char *p = prefix; *p; ++p)
            m_buf[n++] = *p;
        for (char c : key32) {
            const auto b = static_cast<unsigned char>(c);
            m_buf[n++] = hex[b >> 4];
            m_buf[n++] = hex[b & 0xf];
        }
        for (const char *p = suffix; *p; ++p)
            m_buf[n++] = *p;
        m_buf[n] = '\0';
        m_len = n;
    }
    ~KeyPragma() { OPENSSL_cleanse(m_buf.data(), m_buf.size()); }
    KeyPragma(const KeyPragma &) = delete;
    KeyPragma &operator=(const KeyPragma &) = delete;
    const char *c_str() const { return m_buf.data(); }
    int size() const { return int(m_len); }

private:
    std::array<char, 128> m_buf {};
    size_t m_len = 0;
};

/** Creates a missing file with mode 0600 under a restrictive umask, so it never exists with wider
 *  permissions even for an instant. SQLite gives the -wal and -shm files the main file's mode. */
Result<bool> createPrivateFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const mode_t old = ::umask(077);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    ::umask(old);
    if (fd < 0 && errno != EEXIST)
        return Error(ErrorCode::StorageError, QStringLiteral("cannot create the database file: %1")
                                                  .arg(QString::fromLocal8Bit(strerror(errno))));
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

void chmodPrivate(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::lstat(native.constData(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) != 0600)
        ::chmod(native.constData(), 0600);
}

} // namespace

Database::Database(sqlite3 *db, QString path, bool encrypted)
    : m_db(db), m_path(std::move(path)), m_encrypted(encrypted)
{
}

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
}

bool Database::isSupportedCipherVersion(const QString &reported)
{
    return reported.section(QLatin1Char(' '), 0, 0) == QLatin1String(kCipherVersion);
}

int Database::latestVersion()
{
    return migrations().back().version;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, QByteArray &key32, const OpenOptions &options)
{
    return openImpl(path, &key32, options);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, QByteArray &&key32, const OpenOptions &options)
{
    return openImpl(path, &key32, options);
}

Result<std::unique_ptr<Database>> Database::openUnencryptedForBenchmark(const QString &path, const OpenOptions &options)
{
    return openImpl(path, nullptr, options);
}

Result<std::unique_ptr<Database>> Database::openImpl(const QString &path, QByteArray *key32, const OpenOptions &options)
{
    const bool encrypted = key32 != nullptr;
    if (encrypted && key32->size() != 32) {
        wipe(*key32);
        return Error(ErrorCode::InvalidInput, QStringLiteral("the database key must be 32 bytes"));
    }
    Result<bool> created = createPrivateFile(path);
    if (!created) {
        if (encrypted)
            wipe(*key32);
        return created.error();
    }
    chmodPrivate(path);
    Result<std::unique_ptr<Database>> result = openFile(path, key32, options);
    if (!result && created.value()) {
        // Leave no empty file behind: an existing database without a key means "key missing".
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
    return result;
}

Result<std::unique_ptr<Database>> Database::openFile(const QString &path, QByteArray *key32, const OpenOptions &options)
{
    const bool encrypted = key32 != nullptr;

    sqlite3 *raw = nullptr;
    const QByteArray native = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path, encrypted));
    if (rc != SQLITE_OK) {
        if (encrypted)
            wipe(*key32);
        return sqliteError(raw, rc, QStringLiteral("open"));
    }
    // Until the key is proven right nothing may touch the file: closing a connection normally
    // checkpoints a leftover WAL into the main file, which would change it under a wrong key.
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);

    if (encrypted) {
        int keyRc;
        {
            KeyPragma sql("PRAGMA key = \"x'", *key32, "'\";");
            wipe(*key32);
            keyRc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr);
        }
        if (keyRc != SQLITE_OK)
            return sqliteError(raw, keyRc, QStringLiteral("set key"));

        // A plain SQLite ignores PRAGMA key and cipher_version: refusing here is what stops the
        // client ever writing records unencrypted.
        Result<QString> version = db->cipherVersion();
        if (!version)
            return version.error();
        if (!isSupportedCipherVersion(version.value()))
            return Error(ErrorCode::CipherMismatch,
                         QStringLiteral("SQLCipher %1 is required, the library reports \"%2\"")
                             .arg(QLatin1String(kCipherVersion), version.value()));
    }

    // The first read of the schema decrypts page 1: a wrong key fails here with SQLITE_NOTADB.
    {
        Statement probe = db->prepare("SELECT count(*) FROM sqlite_master");
        Result<bool> r = probe.ok() ? probe.step() : Result<bool>(probe.error());
        if (!r) {
            Error e = r.error();
            if (e.code == ErrorCode::WrongKey || sqlite3_errcode(raw) == SQLITE_NOTADB)
                return Error(ErrorCode::WrongKey, QStringLiteral("the key does not open this database"));
            return e;
        }
    }
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);

    if (Result<void> r = db->configure(); !r)
        return r.error();
    if (Result<void> r = db->migrate(options.migrateTo); !r)
        return r.error();
    db->tightenPermissions();
    return db;
}

Result<void> Database::configure()
{
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    Result<QString> mode = queryText("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    if (mode.value().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error(ErrorCode::StorageError, QStringLiteral("the database cannot use write-ahead logging"));
    // WAL + synchronous=FULL: COMMIT returns only after the WAL is fsynced, so "saved" means saved
    // even if the tablet's battery dies the next instant. With NORMAL a process kill lost nothing, but
    // a power cut lost every save since the last checkpoint (tests/reliability/tst_powerloss measured
    // 369 of 537 acknowledged saves lost under NORMAL, none of 454 under FULL).
    Result<void> r = exec("PRAGMA synchronous = FULL;"
                "PRAGMA foreign_keys = ON;"
                "PRAGMA cache_size = -8192;"); // 8 MiB of decrypted pages: decrypting is the cipher's cost
    return r;
}

void Database::tightenPermissions() const
{
    chmodPrivate(m_path);
    chmodPrivate(m_path + QStringLiteral("-wal"));
    chmodPrivate(m_path + QStringLiteral("-shm"));
}

Result<void> Database::exec(const char *sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, QStringLiteral("exec"));
    return {};
}

Result<QString> Database::queryText(const char *sql)
{
    Statement st = prepare(sql);
    Result<bool> r = st.step();
    if (!r)
        return r.error();
    return r.value() ? st.text(0) : QString();
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Result<int> Database::userVersion()
{
    Result<QString> r = queryText("PRAGMA user_version");
    if (!r)
        return r.error();
    return r.value().toInt();
}

Result<QString> Database::cipherVersion()
{
    return queryText("PRAGMA cipher_version");
}

Result<QString> Database::integrityCheck()
{
    Statement st = prepare("PRAGMA integrity_check");
    QStringList lines;
    for (int i = 0; i < 100; ++i) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        lines << st.text(0);
    }
    return lines.join(QLatin1Char('\n'));
}

Result<void> Database::migrate(int target)
{
    const auto &steps = migrations();
    const int latest = latestVersion();
    if (target < 0 || target > latest)
        target = latest;
    Result<int> current = userVersion();
    if (!current)
        return current.error();
    if (current.value() > latest)
        return Error(ErrorCode::StorageError,
                     QStringLiteral("the database was written by a newer Doorstep (schema %1, this one knows %2)")
                         .arg(current.value())
                         .arg(latest));
    for (const Migration &step : steps) {
        if (step.version <= current.value() || step.version > target)
            continue;
        Transaction tx(*this);
        if (!tx.ok())
            return tx.error();
        if (Result<void> r = step.apply(*this); !r)
            return Error(r.error().code, QStringLiteral("migration to schema %1 failed: %2").arg(step.version).arg(r.error().message));
        // PRAGMA user_version inside the transaction: the step and its version commit together.
        const QByteArray set = "PRAGMA user_version = " + QByteArray::number(step.version);
        if (Result<void> r = exec(set.constData()); !r)
            return r.error();
        if (Result<void> r = tx.commit(); !r)
            return r.error();
        qCDebug(lcStore) << "migrated the store to schema" << step.version;
    }
    return {};
}

Result<void> Database::runMaintenance()
{
    if (m_transactionDepth > 0)
        return {};
    if (Result<void> r = exec("PRAGMA wal_checkpoint(PASSIVE)"); !r)
        return r;
    // 'merge' with a page budget: a few hundred pages of work, so it never stalls the thread.
    if (Result<void> r = exec("INSERT INTO search_text(search_text, rank) VALUES ('merge', 200);"
                              "INSERT INTO search_names(search_names, rank) VALUES ('merge', 50)"); !r)
        return r;
    return {};
}

Result<void> Database::checkpoint()
{
    return exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<void> Database::exportEncryptedBackup(const QString &path, QByteArray &key32)
{
    if (key32.size() != 32) {
        wipe(key32);
        return Error(ErrorCode::InvalidInput, QStringLiteral("the backup key must be 32 bytes"));
    }
    return exportCopy(path, key32, true);
}

Result<void> Database::exportRescueCopy(const QString &path, QByteArray &passphrase)
{
    if (QString::fromUtf8(passphrase).size() < kMinRescuePassphraseLength) {
        wipe(passphrase);
        return Error(ErrorCode::InvalidInput, QStringLiteral("the passphrase must be at least %1 characters").arg(kMinRescuePassphraseLength));
    }
    return exportCopy(path, passphrase, false);
}

Result<void> Database::exportCopy(const QString &path, QByteArray &secret, bool rawKey)
{
    if (QFileInfo::exists(path)) {
        wipe(secret);
        return Error(ErrorCode::Conflict, QStringLiteral("the backup file already exists"));
    }
    if (m_transactionDepth > 0) {
        wipe(secret);
        return Error(ErrorCode::Internal, QStringLiteral("a backup cannot be taken inside a transaction"));
    }
    if (Result<bool> r = createPrivateFile(path); !r) {
        wipe(secret);
        return r.error();
    }
    {
        // The audit event goes in first so the rescue copy records its own export.
        Transaction tx(*this);
        if (!tx.ok()) {
            wipe(secret);
            return tx.error();
        }
        if (Result<void> r = AuditLog(*this).append(QStringLiteral("backup.exported"), {}); !r) {
            wipe(secret);
            return r.error();
        }
        if (Result<void> r = tx.commit(); !r) {
            wipe(secret);
            return r.error();
        }
    }
    // The key is bound as a parameter pointing at a buffer wiped after use, without SQLite copying
    // it, so it never appears in SQL text. A raw key is "x'<hex>'", exactly as in PRAGMA key; a
    // passphrase goes as it is, and SQLCipher derives the copy's key from it with its own KDF
    // (PBKDF2-HMAC-SHA512, 256,000 iterations, the salt in the copy's first page).
    Result<void> attached;
    {
        const QByteArray empty;
        KeyPragma keyText("x'", rawKey ? secret : empty, "'");
        Statement attach = prepare("ATTACH DATABASE ?1 AS rescue KEY ?2");
        attach.bind(1, QFile::encodeName(path));
        if (rawKey)
            attach.bindStatic(2, keyText.c_str(), keyText.size());
        else
            attach.bindStatic(2, secret.constData(), int(secret.size()));
        attached = attach.exec();
        attach.reset();
        wipe(secret);
    }
    if (!attached) {
        QFile::remove(path);
        return attached.error();
    }
    Result<void> exported = exec("SELECT sqlcipher_export('rescue')");
    if (exported) {
        // sqlcipher_export copies schema and rows but not user_version: without it the copy
        // would look like an empty v0 database and a restore would re-run every migration.
        Result<int> version = userVersion();
        exported = version ? exec(QByteArray("PRAGMA rescue.user_version = " + QByteArray::number(version.value())).constData())
                           : Result<void>(version.error());
    }
    Result<void> detached = exec("DETACH DATABASE rescue");
    chmodPrivate(path);
    if (!exported) {
        QFile::remove(path);
        return exported.error();
    }
    return detached;
}

Result<std::unique_ptr<Database>> Database::openRescueCopy(const QString &path, QByteArray &passphrase)
{
    auto wiped = qScopeGuard([&passphrase] { wipe(passphrase); });
    if (!QFileInfo::exists(path))
        return Error(ErrorCode::NotFound, QStringLiteral("no such file"));
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path, true));
    if (rc != SQLITE_OK)
        return sqliteError(raw, rc, QStringLiteral("open"));
    if (const int keyRc = sqlite3_key(raw, passphrase.constData(), int(passphrase.size())); keyRc != SQLITE_OK)
        return sqliteError(raw, keyRc, QStringLiteral("set key"));
    wipe(passphrase);
    Result<QString> version = db->cipherVersion();
    if (!version)
        return version.error();
    if (!isSupportedCipherVersion(version.value()))
        return Error(ErrorCode::CipherMismatch, QStringLiteral("SQLCipher %1 is required").arg(QLatin1String(kCipherVersion)));
    Statement probe = db->prepare("SELECT count(*) FROM sqlite_master");
    Result<bool> r = probe.ok() ? probe.step() : Result<bool>(probe.error());
    if (!r) {
        if (r.error().code == ErrorCode::WrongKey || sqlite3_errcode(raw) == SQLITE_NOTADB)
            return Error(ErrorCode::WrongKey, QStringLiteral("the passphrase does not open this copy"));
        return r.error();
    }
    probe.reset();
    return db;
}

} // namespace doorstep
