// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "transaction.h"

#include "database.h"

namespace doorstep {

Transaction::Transaction(Database &db) : m_db(db)
{
    m_depth = m_db.m_transactionDepth;
    const Result<void> r = m_depth == 0 ? m_db.exec("BEGIN IMMEDIATE")
                                        : m_db.exec(QByteArray("SAVEPOINT " + savepointName()).constData());
    if (r) {
        m_began = true;
        ++m_db.m_transactionDepth;
    } else {
        m_error = r.error();
        m_done = true;
    }
}

Transaction::~Transaction()
{
    if (!m_done)
        rollback();
}

QByteArray Transaction::savepointName() const
{
    return "ds_sp_" + QByteArray::number(m_depth);
}

Result<void> Transaction::commit()
{
    if (m_done)
        return m_began ? Error(ErrorCode::Internal, QStringLiteral("transaction already finished")) : m_error;
    const Result<void> r = m_depth == 0 ? m_db.exec("COMMIT")
                                        : m_db.exec(QByteArray("RELEASE " + savepointName()).constData());
    if (!r) {
        rollback(); // a failed COMMIT (disk full, I/O) must not leave the transaction open
        return r.error();
    }
    m_done = true;
    --m_db.m_transactionDepth;
    return {};
}

void Transaction::rollback()
{
    if (m_done)
        return;
    m_done = true;
    --m_db.m_transactionDepth;
    if (m_depth == 0) {
        (void)m_db.exec("ROLLBACK");
    } else {
        const QByteArray name = savepointName();
        (void)m_db.exec(QByteArray("ROLLBACK TO " + name).constData());
        (void)m_db.exec(QByteArray("RELEASE " + name).constData());
    }
}

} // namespace doorstep
