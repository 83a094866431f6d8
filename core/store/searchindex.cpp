// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "searchindex.h"

#include "core/wire.h"
#include "database.h"

#include <QRegularExpression>

#include <utility>

namespace doorstep::searchindex {

QString namesOf(const QJsonObject &record)
{
    if (record.value(QLatin1String("type")).toString() != QLatin1String("child"))
        return {};
    QStringList names;
    for (const char *key : {"first_name", "last_name", "preferred_name"}) {
        const QString v = record.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            names << v;
    }
    return names.join(QLatin1Char(' '));
}

Result<void> put(Database &db, qint64 rid, const QJsonObject &record, bool fresh)
{
    return Writer(db).put(rid, record, fresh);
}

Result<void> remove(Database &db, qint64 rid)
{
    return Writer(db).remove(rid);
}

Statement &Writer::cached(std::optional<Statement> &slot, const char *sql)
{
    if (!slot)
        slot.emplace(m_db.prepare(sql));
    slot->reset();
    return *slot;
}

Result<void> Writer::put(qint64 rid, const QJsonObject &record, bool fresh)
{
    // Held entries first: they were put before this one (the order of index writes is kept).
    if (Result<void> f = flush(); !f)
        return f;
    return write(rid, fresh, namesOf(record), wire::searchTextOf(record));
}

void Writer::putLater(qint64 rid, const QJsonObject &record, bool fresh)
{
    putLater(rid, fresh, namesOf(record), wire::searchTextOf(record));
}

void Writer::putLater(qint64 rid, bool fresh, QString names, QString text)
{
    m_held.append(Held{rid, fresh, std::move(names), std::move(text)});
}

Result<void> Writer::flush()
{
    if (m_held.isEmpty())
        return {};
    const QList<Held> held = std::exchange(m_held, {});
    for (const Held &h : held) {
        if (Result<void> r = write(h.rid, h.fresh, h.names, h.text); !r)
            return r;
    }
    return {};
}

Result<void> Writer::write(qint64 rid, bool fresh, const QString &names, const QString &text)
{
    if (!fresh) {
        if (Result<void> r = erase(rid); !r)
            return r;
    }
    if (!names.isEmpty()) {
        Statement &st = cached(m_insertNames, "INSERT INTO search_names(rowid, names) VALUES (?1, ?2)");
        st.bind(1, rid).bind(2, names);
        if (Result<void> r = st.exec(); !r)
            return r;
    }
    if (text.isEmpty())
        return {};
    Statement &st = cached(m_insertText, "INSERT INTO search_text(rowid, body) VALUES (?1, ?2)");
    st.bind(1, rid).bind(2, text);
    return st.exec();
}

Result<void> Writer::remove(qint64 rid)
{
    if (Result<void> f = flush(); !f)
        return f;
    return erase(rid);
}

Result<void> Writer::erase(qint64 rid)
{
    Statement &names = cached(m_deleteNames, "DELETE FROM search_names WHERE rowid = ?1");
    names.bind(1, rid);
    if (Result<void> r = names.exec(); !r)
        return r;
    Statement &text = cached(m_deleteText, "DELETE FROM search_text WHERE rowid = ?1");
    text.bind(1, rid);
    return text.exec();
}

QString toMatchQuery(const QString &userText, bool prefix)
{
    // Words are runs of letters, digits and apostrophes/hyphens inside names (O'Neil, Smith-Jones);
    // everything else separates words. unicode61 splits on the same punctuation, so a quoted
    // "o'neil" matches the tokens o + neil as a phrase.
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}][\\p{L}\\p{N}'\\-]*"));
    static const QRegularExpression separators(QStringLiteral("['\\-]"));
    QStringList terms;
    auto it = word.globalMatch(userText);
    while (it.hasNext() && terms.size() < 16) {
        QString w = it.next().captured(0);
        // A one-letter prefix ("n"*) would merge the index entries of every word starting with
        // that letter. Prefixes start at two letters.
        const bool asPrefix = prefix && w.section(separators, -1).size() >= 2;
        w.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + w + (asPrefix ? QStringLiteral("\"*") : QStringLiteral("\""));
    }
    return terms.join(QLatin1Char(' '));
}

} // namespace doorstep::searchindex
