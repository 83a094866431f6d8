// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace doorstep {

/** Maps an SQLite result code to an Error; `what` says which operation failed (never record content). */
Error sqliteError(sqlite3 *db, int rc, const QString &what);

/** A prepared SQLite statement, finalized on destruction (RAII over sqlite3_stmt).
 *  A statement that failed to prepare keeps the error; every later call reports it. */
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool ok() const { return m_stmt != nullptr && !m_error; }
    const Error &error() const { return *m_error; }

    // Parameters are 1-based, as in SQLite. A failed bind is remembered and reported by step().
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, const QByteArray &utf8Text);
    Statement &bind(int index, const char *utf8Text);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, const std::optional<QString> &text);
    Statement &bindNull(int index);
    /** Binds text without SQLite copying it: `text` must outlive the statement's execution
     *  (used for key material kept in a buffer that is wiped afterwards). */
    Statement &bindStatic(int index, const char *text, int size);

    /** Runs one step: true when a row is available, false when done. */
    Result<bool> step();
    /** Steps to completion (for statements without rows). */
    Result<void> exec();
    /** Resets for re-execution and clears bindings. */
    void reset();

    QString text(int column) const;
    QByteArray bytes(int column) const;
    qint64 int64(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<Error> m_error;
    void noteBind(int rc);
};

} // namespace doorstep
