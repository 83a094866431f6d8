// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "calendar.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdlib>

Q_LOGGING_CATEGORY(lcCalendar, "doorstep.core")

// The resource lives in a static library: make sure its initialiser is linked and run.
static void initCalendarResource()
{
    Q_INIT_RESOURCE(doorstep_core_calendar);
}

namespace doorstep {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::calendar", text);
}
} // namespace

WorkingDayCalendar::WorkingDayCalendar(const QList<QDate> &bankHolidays)
{
    for (const QDate &d : bankHolidays) {
        if (!d.isValid())
            continue;
        m_holidays.insert(d);
        if (!m_first.isValid() || d < m_first)
            m_first = d;
        if (!m_last.isValid() || d > m_last)
            m_last = d;
    }
}

Result<WorkingDayCalendar> WorkingDayCalendar::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidInput, tr("The bank holiday list is not valid JSON."));
    const QJsonValue events = doc.object().value(QLatin1String("events"));
    if (!events.isArray())
        return Error(ErrorCode::InvalidInput, tr("The bank holiday list has no events."), QStringLiteral("events"));
    QList<QDate> days;
    const QJsonArray array = events.toArray();
    for (int i = 0; i < array.size(); ++i) {
        QDate d;
        if (!JsonReader::isIsoDate(array.at(i).toObject().value(QLatin1String("date")).toString(), &d))
            return Error(ErrorCode::InvalidInput, tr("The bank holiday list has an invalid date."),
                         QStringLiteral("events[%1].date").arg(i));
        days << d;
    }
    return WorkingDayCalendar(days);
}

const WorkingDayCalendar &WorkingDayCalendar::englandAndWales()
{
    static const WorkingDayCalendar calendar = [] {
        initCalendarResource();
        QFile file(QStringLiteral(":/doorstep/core/bank-holidays-england-and-wales.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            // Built into the library: missing means a broken build, and silently counting bank
            // holidays as working days would put due dates in the wrong place.
            qCCritical(lcCalendar) << "bank holiday resource missing";
            std::abort();
        }
        auto parsed = fromJson(file.readAll());
        if (!parsed) {
            qCCritical(lcCalendar) << "bank holiday resource invalid:" << parsed.error().message;
            std::abort();
        }
        return std::move(parsed).value();
    }();
    return calendar;
}

bool WorkingDayCalendar::isWorkingDay(const QDate &day) const
{
    return day.isValid() && day.dayOfWeek() <= 5 && !m_holidays.contains(day);
}

QDate WorkingDayCalendar::addWorkingDays(const QDate &from, int days) const
{
    if (!from.isValid())
        return {};
    QDate d = from;
    const int step = days < 0 ? -1 : 1;
    for (int left = std::abs(days); left > 0;) {
        d = d.addDays(step);
        if (isWorkingDay(d))
            --left;
    }
    return d;
}

int WorkingDayCalendar::workingDaysBetween(const QDate &from, const QDate &to) const
{
    if (!from.isValid() || !to.isValid() || from == to)
        return 0;
    if (to < from)
        return -workingDaysBetween(to, from);
    // Whole weeks have five weekdays each; walk only the remainder and subtract holidays.
    const qint64 span = from.daysTo(to);
    int count = int(span / 7) * 5;
    QDate d = from.addDays((span / 7) * 7);
    while (d < to) {
        d = d.addDays(1);
        if (d.dayOfWeek() <= 5)
            ++count;
    }
    for (const QDate &h : m_holidays)
        if (h > from && h <= to && h.dayOfWeek() <= 5)
            --count;
    return count;
}

} // namespace doorstep
