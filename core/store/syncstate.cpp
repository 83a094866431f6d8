// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "syncstate.h"

#include "database.h"

#include <QJsonDocument>

namespace doorstep {

Result<std::optional<QString>> SyncState::get(const QString &key)
{
    Statement st = m_db.prepare("SELECT value FROM sync_state WHERE key = ?1");
    st.bind(1, key);
    Result<bool> r = st.step();
    if (!r)
        return r.error();
    if (!r.value())
        return std::optional<QString>();
    return std::optional<QString>(st.text(0));
}

Result<void> SyncState::set(const QString &key, const QString &value)
{
    Statement st = m_db.prepare("INSERT INTO sync_state(key, value) VALUES (?1, ?2) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    return st.exec();
}

Result<void> SyncState::remove(const QString &key)
{
    Statement st = m_db.prepare("DELETE FROM sync_state WHERE key = ?1");
    st.bind(1, key);
    return st.exec();
}

Result<VisitPolicy> SyncState::visitPolicy()
{
    Result<std::optional<QString>> r = get(QLatin1String(kVisitPolicy));
    if (!r)
        return r.error();
    if (!r.value())
        return VisitPolicy{};
    // Stored only after the same check (setVisitPolicy takes a VisitPolicy), so this parses.
    Result<VisitPolicy> policy = VisitPolicy::fromJson(QJsonDocument::fromJson(r.value()->toUtf8()).object());
    return policy ? policy.value() : VisitPolicy{};
}

Result<void> SyncState::setVisitPolicy(const VisitPolicy &policy)
{
    return set(QLatin1String(kVisitPolicy), QString::fromUtf8(QJsonDocument(policy.toJson()).toJson(QJsonDocument::Compact)));
}

Result<int> SyncState::recordingStandard()
{
    Result<std::optional<QString>> r = get(QLatin1String(kRecordingStandard));
    if (!r)
        return r.error();
    bool ok = false;
    const int days = r.value() ? r.value()->toInt(&ok) : 0;
    return ok && RecordingStandard::isValid(days) ? days : RecordingStandard::kDefaultDays;
}

Result<QString> SyncState::pullCursor()
{
    Result<std::optional<QString>> r = get(QLatin1String(kPullCursor));
    if (!r)
        return r.error();
    return r.value().value_or(QString());
}

Result<void> SyncState::setPullCursor(const QString &cursor)
{
    return set(QLatin1String(kPullCursor), cursor);
}

} // namespace doorstep
