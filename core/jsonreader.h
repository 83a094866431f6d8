// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "domain.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QVarLengthArray>

#include <functional>
#include <optional>

namespace doorstep {

namespace limits {
constexpr int kMaxStringLength = 100000; // characters in any one string
constexpr int kMaxArrayLength = 200;     // elements in any one array
constexpr qsizetype kMaxDocumentBytes = 32 * 1024 * 1024;
} // namespace limits

/** The first decoding error of one record, shared by all readers of its nested objects. */
struct ReadContext {
    std::optional<Error> error;
    bool failed() const { return error.has_value(); }
};

/** Strict, path-tracking reader over one JSON object: every field read is checked for type,
 *  format and range, and whatever was not read is an unknown field. The first error wins, so
 *  a person is told about one concrete thing at a time, with its path. */
class JsonReader
{
public:
    enum Presence { Optional, Required };

    /** `patch`: a partial record (top level only): missing required fields are fine, but a
     *  required field may not be cleared with null. */
    JsonReader(const QJsonObject &object, QString path, ReadContext &context, bool patch = false);

    bool failed() const { return m_context.failed(); }
    ReadContext &context() { return m_context; }
    const QJsonObject &object() const { return m_object; }
    QString pathOf(const QString &key) const;

    /** True when the key is present and not null (also marks it read). */
    bool has(const QString &key);

    QString text(const QString &key, Presence presence = Optional);
    QString uuid(const QString &key, Presence presence = Optional);
    std::optional<bool> boolean(const QString &key, Presence presence = Optional);
    std::optional<qint64> integer(const QString &key, qint64 min, qint64 max, Presence presence = Optional);
    QDate date(const QString &key, Presence presence = Optional);
    QDateTime dateTime(const QString &key, Presence presence = Optional);
    std::optional<QJsonObject> object(const QString &key, Presence presence = Optional);
    /** Calls `each` with a reader for every element of an array of objects. */
    void objects(const QString &key, const std::function<void(JsonReader &, int)> &each);
    /** An array of UUID strings. */
    QStringList uuids(const QString &key, Presence presence = Optional);

    template <typename E>
    std::optional<E> enumeration(const QString &key, Presence presence = Optional)
    {
        const QString name = text(key, presence);
        if (failed() || name.isNull())
            return std::nullopt;
        if (auto value = fromWireName<E>(name))
            return value;
        fail(pathOf(key), QCoreApplication::translate("doorstep::wire", "%1 must be one of: %2 (not \"%3\").")
                              .arg(pathOf(key), wireNames<E>().join(QStringLiteral(", ")), name.left(80)));
        return std::nullopt;
    }

    /** Marks a key as read without looking at it. */
    void skip(const QString &key) { markRead(m_object.constFind(key)); }

    /** Reports the first field of the object that nothing read. Call after reading. */
    void rejectUnknown();

    void fail(const QString &path, const QString &message);

    /** Wire-format checks shared with the rest of core. */
    static bool isIsoDate(const QString &text, QDate *out = nullptr);
    static bool isIsoDateTime(const QString &text, QDateTime *out = nullptr);

private:
    /** Marks the key read and returns its value, or nullopt when absent/null (after checking
     *  presence). Returns nullopt when an error was already reported. */
    std::optional<QJsonValue> value(const QString &key, Presence presence);
    void wrongType(const QString &key, const QString &expected);

    QJsonObject m_object;
    QString m_path;
    ReadContext &m_context;
    bool m_patch;
    /** Marks the field `it` points at as read (a key the object does not have needs no mark). */
    void markRead(QJsonObject::const_iterator it)
    {
        if (it != m_object.constEnd())
            m_read[it - m_object.constBegin()] = true;
    }
    // One flag per field of the object, by position: what rejectUnknown() reports is whatever is
    // left unread (a set of key strings cost a hash and an allocation per field read).
    QVarLengthArray<bool, 48> m_read;
};

/** Runs a reader-based decoder over a whole object and returns its value or the first error. */
template <typename T>
Result<T> readWhole(const QJsonObject &json, const std::function<T(JsonReader &)> &read)
{
    ReadContext context;
    JsonReader reader(json, QString(), context);
    T value = read(reader);
    if (!context.failed())
        reader.rejectUnknown();
    if (context.failed())
        return *context.error;
    return value;
}

} // namespace doorstep
