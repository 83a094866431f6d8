// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "statement.h"

#include <sqlite3.h>

namespace doorstep {

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    // SQLite's messages name tables and constraints, never bound values, so they are safe to keep.
    const QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    const QString message = what + QStringLiteral(": ") + detail;
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return Error(ErrorCode::WrongKey, message);
    case SQLITE_CONSTRAINT:
        return Error(ErrorCode::Conflict, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error(ErrorCode::Timeout, message);
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_ERROR:
        return Error(ErrorCode::Internal, message);
    default:
        // I/O errors, a full disk, corruption, permissions: the storage itself failed.
        return Error(ErrorCode::StorageError, message);
    }
}

Statement::Statement(sqlite3 *db, const char *sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_error = sqliteError(db, rc, QStringLiteral("prepare"));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_error(std::move(other.m_error))
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_error = std::move(other.m_error);
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::noteBind(int rc)
{
    if (rc != SQLITE_OK && !m_error)
        m_error = sqliteError(m_db, rc, QStringLiteral("bind"));
}

Statement &Statement::bind(int index, const QString &text)
{
    return bind(index, text.toUtf8());
}

Statement &Statement::bind(int index, const QByteArray &utf8Text)
{
    if (m_stmt)
        noteBind(sqlite3_bind_text(m_stmt, index, utf8Text.isNull() ? "" : utf8Text.constData(),
                                   int(utf8Text.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bind(int index, const char *utf8Text)
{
    if (m_stmt)
        noteBind(sqlite3_bind_text(m_stmt, index, utf8Text, -1, SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        noteBind(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, const std::optional<QString> &text)
{
    return text ? bind(index, *text) : bindNull(index);
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        noteBind(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement &Statement::bindStatic(int index, const char *text, int size)
{
    if (m_stmt)
        noteBind(sqlite3_bind_text(m_stmt, index, text, size, SQLITE_STATIC));
    return *this;
}

Result<bool> Statement::step()
{
    if (m_error)
        return *m_error;
    if (!m_stmt)
        return Error(ErrorCode::Internal, QStringLiteral("statement not prepared"));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = sqliteError(m_db, rc, QStringLiteral("step"));
    sqlite3_reset(m_stmt);
    return e;
}

Result<void> Statement::exec()
{
    for (;;) {
        Result<bool> r = step();
        if (!r)
            return r.error();
        if (!r.value())
            return {};
    }
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_error.reset(); // a failed prepare stays failed
    }
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray Statement::bytes(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace doorstep
