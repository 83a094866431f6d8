// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "dateinput.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace doorstep {

namespace {

QDate dateFrom(const QString &iso)
{
    return QDate::fromString(iso, Qt::ISODate);
}

/** A stored value is a date ("2026-11-23") or a UTC datetime ("2026-11-23T14:30:00Z"). */
QDateTime localDateTimeOf(const QString &value)
{
    if (!value.contains(QLatin1Char('T')))
        return {};
    const QDateTime t = QDateTime::fromString(value, Qt::ISODate);
    return t.isValid() ? t.toLocalTime() : QDateTime();
}

} // namespace

QString DateInput::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression iso(QStringLiteral(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)"));
    // Day first, as dates are written in the UK and Wales.
    static const QRegularExpression dmy(QStringLiteral(R"(^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$)"));
    QDate d;
    if (const auto m = iso.match(t); m.hasMatch()) {
        d = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    } else if (const auto m2 = dmy.match(t); m2.hasMatch()) {
        int year = m2.captured(3).toInt();
        if (m2.captured(3).size() == 2)
            year += 2000;
        d = QDate(year, m2.captured(2).toInt(), m2.captured(1).toInt());
    }
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString DateInput::parseTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^(\d{1,2})[:.]?(\d{2})$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QTime t(m.captured(1).toInt(), m.captured(2).toInt());
    return t.isValid() ? t.toString(QStringLiteral("HH:mm")) : QString();
}

QString DateInput::isoDateOf(const QString &value)
{
    if (const QDateTime t = localDateTimeOf(value); t.isValid())
        return t.date().toString(Qt::ISODate);
    const QDate d = dateFrom(value);
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString DateInput::dateTextOf(const QString &value)
{
    const QDate d = dateFrom(isoDateOf(value));
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString DateInput::timeTextOf(const QString &value)
{
    const QDateTime t = localDateTimeOf(value);
    return t.isValid() ? t.time().toString(QStringLiteral("HH:mm")) : QString();
}

QString DateInput::longDate(const QString &isoDate)
{
    const QDate d = dateFrom(isoDate);
    return d.isValid() ? QLocale().toString(d, QStringLiteral("dddd d MMMM yyyy")) : QString();
}

QVariantMap DateInput::combine(const QString &dateText, const QString &timeText, const QString &previous, bool withTime)
{
    const auto result = [](bool ok, const QString &value) {
        return QVariantMap{{QStringLiteral("ok"), ok}, {QStringLiteral("value"), value}};
    };
    const bool noDate = dateText.trimmed().isEmpty();
    const bool noTime = !withTime || timeText.trimmed().isEmpty();
    if (noDate && noTime)
        return result(true, QString());
    const QString isoDate = noDate ? QString() : parseDate(dateText);
    if (!noDate && isoDate.isEmpty())
        return result(false, {});
    if (!withTime)
        return result(true, isoDate);
    const QString time = noTime ? QString() : parseTime(timeText);
    if (!noTime && time.isEmpty())
        return result(false, {});
    const QDateTime before = localDateTimeOf(previous);
    const QDateTime now = QDateTime::currentDateTime();
    const QDate date = !isoDate.isEmpty() ? dateFrom(isoDate) : (before.isValid() ? before.date() : now.date());
    const QTime clock = !time.isEmpty() ? QTime::fromString(time, QStringLiteral("HH:mm"))
                                        : (before.isValid() ? before.time() : QTime(now.time().hour(), now.time().minute()));
    return result(true, QDateTime(date, clock).toUTC().toString(Qt::ISODate));
}

QString DateInput::today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

QString DateInput::addDays(const QString &isoDate, int days)
{
    const QDate d = dateFrom(isoDate);
    return (d.isValid() ? d : QDate::currentDate()).addDays(days).toString(Qt::ISODate);
}

QString DateInput::addMonths(const QString &isoDate, int months)
{
    const QDate d = dateFrom(isoDate);
    return (d.isValid() ? d : QDate::currentDate()).addMonths(months).toString(Qt::ISODate);
}

int DateInput::yearOf(const QString &isoDate)
{
    const QDate d = dateFrom(isoDate);
    return (d.isValid() ? d : QDate::currentDate()).year();
}

int DateInput::monthOf(const QString &isoDate)
{
    const QDate d = dateFrom(isoDate);
    return (d.isValid() ? d : QDate::currentDate()).month() - 1;
}

QString DateInput::fromParts(int year, int month0, int day)
{
    const QDate d(year, month0 + 1, day);
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace doorstep
