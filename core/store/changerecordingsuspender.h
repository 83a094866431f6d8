// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "database.h"

namespace doorstep {

/** While alive, RecordRepository::save() writes records (and audit events) without queuing outbox
 *  mutations: the sync engine uses it to store what the service sent (Itinerary's
 *  MatrixSyncLocalChangeLock). Nests; the Database must outlive it. */
class ChangeRecordingSuspender
{
public:
    explicit ChangeRecordingSuspender(Database &db) : m_db(db) { ++m_db.m_suspendDepth; }
    ~ChangeRecordingSuspender() { --m_db.m_suspendDepth; }
    ChangeRecordingSuspender(const ChangeRecordingSuspender &) = delete;
    ChangeRecordingSuspender &operator=(const ChangeRecordingSuspender &) = delete;

private:
    Database &m_db;
};

} // namespace doorstep
