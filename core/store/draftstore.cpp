// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "draftstore.h"

#include "database.h"

#include <QDateTime>

namespace doorstep {

Result<void> DraftStore::put(const QString &formKey, const QString &text)
{
    if (formKey.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("a draft needs a form key"));
    Statement st = m_db.prepare("INSERT INTO drafts(form_key, body, updated_at) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT(form_key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at");
    st.bind(1, formKey).bind(2, text).bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return st.exec();
}

Result<std::optional<QString>> DraftStore::get(const QString &formKey)
{
    Statement st = m_db.prepare("SELECT body FROM drafts WHERE form_key = ?1");
    st.bind(1, formKey);
    Result<bool> r = st.step();
    if (!r)
        return r.error();
    if (!r.value())
        return std::optional<QString>();
    return std::optional<QString>(st.text(0));
}

Result<void> DraftStore::remove(const QString &formKey)
{
    Statement st = m_db.prepare("DELETE FROM drafts WHERE form_key = ?1");
    st.bind(1, formKey);
    return st.exec();
}

Result<QStringList> DraftStore::keys()
{
    Statement st = m_db.prepare("SELECT form_key FROM drafts ORDER BY updated_at DESC");
    QStringList out;
    for (;;) {
        Result<bool> r = st.step();
        if (!r)
            return r.error();
        if (!r.value())
            return out;
        out << st.text(0);
    }
}

} // namespace doorstep
