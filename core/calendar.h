// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSet>

namespace doorstep {

/** Working days in England and Wales: Monday to Friday except bank holidays. */
class WorkingDayCalendar
{
public:
    /** Weekends only, no bank holidays (for tests and for dates beyond the known list). */
    WorkingDayCalendar() = default;
    explicit WorkingDayCalendar(const QList<QDate> &bankHolidays);

    /** The calendar shipped with Doorstep (GOV.UK list, England and Wales, 2018–2030). */
    static const WorkingDayCalendar &englandAndWales();

    /** Parses the GOV.UK format: {"division": ..., "events": [{"date": "YYYY-MM-DD", "title": ...}]}. */
    static Result<WorkingDayCalendar> fromJson(const QByteArray &json);

    bool isBankHoliday(const QDate &day) const { return m_holidays.contains(day); }
    bool isWorkingDay(const QDate &day) const;

    /** The day `days` working days after `from` (before it when negative); `from` itself need
     *  not be a working day. addWorkingDays(d, 0) is d. */
    QDate addWorkingDays(const QDate &from, int days) const;

    /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
    int workingDaysBetween(const QDate &from, const QDate &to) const;

    /** The first and last bank holiday known; outside this range only weekends are excluded. */
    QDate firstKnown() const { return m_first; }
    QDate lastKnown() const { return m_last; }
    int bankHolidayCount() const { return int(m_holidays.size()); }

private:
    QSet<QDate> m_holidays;
    QDate m_first;
    QDate m_last;
};

} // namespace doorstep
