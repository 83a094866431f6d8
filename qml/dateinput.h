// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqml.h>

namespace doorstep {

/**
 * Dates and times as a person reads and types them ("23/11/2026", "14:30", local time) and as a
 * record keeps them ("2026-11-23", "2026-11-23T14:30:00Z"), and the calendar's arithmetic. In C++
 * so that QML never converts through a JavaScript Date (time zones shift whole days there).
 */
class DateInput : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    /** "23/11/2026", "23-11-26", "23.11.2026" or "2026-11-23" → "2026-11-23"; "" when not a date. */
    Q_INVOKABLE static QString parseDate(const QString &text);
    /** "14:30", "1430", "14.30", "9:05" → "14:30"; "" when not a time. */
    Q_INVOKABLE static QString parseTime(const QString &text);

    /** A record's date or datetime value → its local date "2026-11-23" ("" when empty). */
    Q_INVOKABLE static QString isoDateOf(const QString &value);
    /** A record's date or datetime value → "23/11/2026" (local date), as typed in the field. */
    Q_INVOKABLE static QString dateTextOf(const QString &value);
    /** A record's datetime value → "14:30" local time. */
    Q_INVOKABLE static QString timeTextOf(const QString &value);
    /** "2026-11-23" → "Monday 23 November 2026" in the app's language. */
    Q_INVOKABLE static QString longDate(const QString &isoDate);

    /**
     * What a date (and time) field stores for what the person typed or picked: {ok, value}. A date
     * field gets "2026-11-23"; a datetime field the UTC ISO datetime of the local date and time. A
     * missing half of a datetime keeps the field's previous one (or today / now); both empty → ""
     * (the question is unanswered). ok is false when either text is not understood.
     */
    Q_INVOKABLE static QVariantMap combine(const QString &dateText, const QString &timeText, const QString &previous,
                                           bool withTime);

    Q_INVOKABLE static QString today();
    Q_INVOKABLE static QString addDays(const QString &isoDate, int days);
    Q_INVOKABLE static QString addMonths(const QString &isoDate, int months);
    /** For MonthGrid: the year, and the month counted from 0 (January = 0). */
    Q_INVOKABLE static int yearOf(const QString &isoDate);
    Q_INVOKABLE static int monthOf(const QString &isoDate);
    Q_INVOKABLE static QString fromParts(int year, int month0, int day);
};

} // namespace doorstep
