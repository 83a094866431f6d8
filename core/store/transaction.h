// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>

namespace doorstep {

class Database;

/** An RAII transaction: rolled back on destruction unless commit() succeeded.
 *  The outermost one is BEGIN IMMEDIATE (take the write lock up front, so a reader never has
 *  to upgrade and deadlock); nested ones are savepoints, so a repository call made inside a
 *  caller's transaction (a page of pulled changes, a benchmark batch) joins it. */
class Transaction
{
public:
    explicit Transaction(Database &db);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    /** Whether BEGIN/SAVEPOINT succeeded; check before writing. */
    bool ok() const { return m_began; }
    const Error &error() const { return m_error; }

    Result<void> commit();
    void rollback();

private:
    Database &m_db;
    int m_depth = 0;
    bool m_began = false;
    bool m_done = false;
    Error m_error;
    QByteArray savepointName() const;
};

} // namespace doorstep
