// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "jsonreader.h"


#include <algorithm>
#include <cmath>

namespace doorstep {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::wire", text);
}
} // namespace

JsonReader::JsonReader(const QJsonObject &object, QString path, ReadContext &context, bool patch)
    : m_object(object), m_path(std::move(path)), m_context(context), m_patch(patch), m_read(object.size(), false)
{
}

QString JsonReader::pathOf(const QString &key) const
{
    // An empty key (a JSON object may have one) must still name a visible path, never "".
    const QString name = key.isEmpty() ? QStringLiteral("\"\"") : key;
    return m_path.isEmpty() ? name : m_path + QLatin1Char('.') + name;
}

void JsonReader::fail(const QString &path, const QString &message)
{
    if (!m_context.failed())
        m_context.error = Error(ErrorCode::InvalidInput, message, path);
}

void JsonReader::wrongType(const QString &key, const QString &expected)
{
    fail(pathOf(key), tr("%1 must be %2.").arg(pathOf(key), expected));
}

bool JsonReader::has(const QString &key)
{
    const auto it = m_object.constFind(key);
    markRead(it);
    return it != m_object.constEnd() && !it->isNull();
}

std::optional<QJsonValue> JsonReader::value(const QString &key, Presence presence)
{
    const auto it = m_object.constFind(key);
    markRead(it);
    if (failed())
        return std::nullopt;
    const bool absent = it == m_object.constEnd();
    if (absent || it->isNull()) {
        if (presence == Required) {
            if (m_patch && absent)
                return std::nullopt; // a patch leaves the field as it is
            if (m_patch)
                fail(pathOf(key), tr("%1 is required and cannot be cleared.").arg(pathOf(key)));
            else
                fail(pathOf(key), tr("%1 is required.").arg(pathOf(key)));
        }
        return std::nullopt;
    }
    return *it;
}

QString JsonReader::text(const QString &key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return {};
    if (!v->isString()) {
        wrongType(key, tr("text"));
        return {};
    }
    QString s = v->toString();
    if (s.size() > limits::kMaxStringLength) {
        fail(pathOf(key), tr("%1 is too long (%2 characters; at most %3).")
                              .arg(pathOf(key)).arg(s.size()).arg(limits::kMaxStringLength));
        return {};
    }
    if (s.isNull())
        s = QLatin1String(""); // present but empty: keep it distinguishable from absent
    return s;
}

QString JsonReader::uuid(const QString &key, Presence presence)
{
    const QString s = text(key, presence);
    if (failed() || s.isNull())
        return {};
    if (!wire::isValidUuid(s)) {
        fail(pathOf(key), tr("%1 must be a lowercase UUID (8-4-4-4-12 hexadecimal digits); \"%2\" is not one.")
                              .arg(pathOf(key), s.left(60)));
        return {};
    }
    return s;
}

std::optional<bool> JsonReader::boolean(const QString &key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        wrongType(key, tr("true or false"));
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<qint64> JsonReader::integer(const QString &key, qint64 min, qint64 max, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    const double d = v->toDouble();
    if (!v->isDouble() || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9.0e15) {
        wrongType(key, tr("a whole number"));
        return std::nullopt;
    }
    const auto n = static_cast<qint64>(d);
    if (n < min || n > max) {
        fail(pathOf(key), tr("%1 must be between %2 and %3 (not %4).").arg(pathOf(key)).arg(min).arg(max).arg(n));
        return std::nullopt;
    }
    return n;
}

namespace {

// Digits at [from, from + count) as a number, or -1. Hand-rolled rather than a regular
// expression: these run for every date of every record the service validates.
int digits(QStringView text, qsizetype from, qsizetype count)
{
    int n = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const QChar c = text.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        n = n * 10 + (c.unicode() - '0');
    }
    return n;
}

} // namespace

bool JsonReader::isIsoDate(const QString &text, QDate *out)
{
    // YYYY-MM-DD exactly; QDate rejects impossible days (2026-02-30).
    if (text.size() != 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return false;
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 0 || m < 0 || d < 0 || !QDate::isValid(y, m, d))
        return false;
    if (out)
        *out = QDate(y, m, d);
    return true;
}

bool JsonReader::isIsoDateTime(const QString &text, QDateTime *out)
{
    // YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z: UTC only, what QDateTime writes for Qt::UTC.
    if (text.size() < 20 || !text.endsWith(QLatin1Char('Z')) || text.at(10) != QLatin1Char('T')
        || text.at(13) != QLatin1Char(':') || text.at(16) != QLatin1Char(':'))
        return false;
    QDate d;
    if (!isIsoDate(text.left(10), &d))
        return false;
    const int h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
    int ms = 0;
    const qsizetype fraction = text.size() - 20; // characters between seconds and Z
    if (fraction != 0) {
        if (fraction < 2 || fraction > 4 || text.at(19) != QLatin1Char('.'))
            return false;
        ms = digits(text, 20, fraction - 1);
        if (ms < 0)
            return false;
        for (qsizetype i = fraction - 1; i < 3; ++i)
            ms *= 10;
    }
    if (h < 0 || mi < 0 || s < 0 || !QTime::isValid(h, mi, s, ms))
        return false;
    if (out)
        *out = QDateTime(d, QTime(h, mi, s, ms), Qt::UTC);
    return true;
}

QDate JsonReader::date(const QString &key, Presence presence)
{
    const QString s = text(key, presence);
    if (failed() || s.isNull())
        return {};
    QDate d;
    if (!isIsoDate(s, &d)) {
        fail(pathOf(key), tr("%1 must be a real date written YYYY-MM-DD (\"%2\" is not).").arg(pathOf(key), s.left(40)));
        return {};
    }
    return d;
}

QDateTime JsonReader::dateTime(const QString &key, Presence presence)
{
    const QString s = text(key, presence);
    if (failed() || s.isNull())
        return {};
    QDateTime dt;
    if (!isIsoDateTime(s, &dt)) {
        fail(pathOf(key), tr("%1 must be a real UTC date and time such as 2026-03-04T10:15:00Z (\"%2\" is not).")
                              .arg(pathOf(key), s.left(40)));
        return {};
    }
    return dt;
}

std::optional<QJsonObject> JsonReader::object(const QString &key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        wrongType(key, tr("an object"));
        return std::nullopt;
    }
    return v->toObject();
}

void JsonReader::objects(const QString &key, const std::function<void(JsonReader &, int)> &each)
{
    const auto v = value(key, Optional);
    if (!v)
        return;
    if (!v->isArray()) {
        wrongType(key, tr("a list"));
        return;
    }
    const QJsonArray array = v->toArray();
    if (array.size() > limits::kMaxArrayLength) {
        fail(pathOf(key), tr("%1 has too many entries (%2; at most %3).")
                              .arg(pathOf(key)).arg(array.size()).arg(limits::kMaxArrayLength));
        return;
    }
    for (int i = 0; i < array.size() && !failed(); ++i) {
        const QString path = pathOf(key) + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!array.at(i).isObject()) {
            fail(path, tr("%1 must be an object.").arg(path));
            return;
        }
        JsonReader element(array.at(i).toObject(), path, m_context);
        each(element, i);
        if (!failed())
            element.rejectUnknown();
    }
}

QStringList JsonReader::uuids(const QString &key, Presence presence)
{
    const auto v = value(key, presence);
    if (!v)
        return {};
    if (!v->isArray()) {
        wrongType(key, tr("a list"));
        return {};
    }
    const QJsonArray array = v->toArray();
    if (array.size() > limits::kMaxArrayLength) {
        fail(pathOf(key), tr("%1 has too many entries (%2; at most %3).")
                              .arg(pathOf(key)).arg(array.size()).arg(limits::kMaxArrayLength));
        return {};
    }
    QStringList out;
    for (int i = 0; i < array.size(); ++i) {
        const QString path = pathOf(key) + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        const QJsonValue e = array.at(i);
        if (!e.isString() || !wire::isValidUuid(e.toString())) {
            fail(path, tr("%1 must be a lowercase UUID.").arg(path));
            return {};
        }
        out << e.toString();
    }
    return out;
}

void JsonReader::rejectUnknown()
{
    if (failed())
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read[it - m_object.constBegin()]) {
            const QString key = it.key().left(100);
            fail(pathOf(key), tr("%1 is not a field of this record.").arg(pathOf(key)));
            return;
        }
    }
}

} // namespace doorstep
