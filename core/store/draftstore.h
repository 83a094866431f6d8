// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace doorstep {

class Database;

/** Autosaved form drafts: whatever a form holds, keyed by form, even incomplete or invalid JSON.
 *  Encrypted like everything else; removed by the save that turns the draft into a record. */
class DraftStore
{
public:
    explicit DraftStore(Database &db) : m_db(db) {}

    Result<void> put(const QString &formKey, const QString &text);
    Result<std::optional<QString>> get(const QString &formKey);
    Result<void> remove(const QString &formKey);
    Result<QStringList> keys();

private:
    Database &m_db;
};

} // namespace doorstep
