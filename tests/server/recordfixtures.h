// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace doorstep::test {

/** An ISO 8601 UTC time `hours` ago. */
inline QString isoAgo(int hours)
{
    return QDateTime::currentDateTimeUtc().addSecs(-3600 * hours).toString(Qt::ISODate);
}

/** A visit patch for one child that passes the submission rules. */
inline QJsonObject fullVisit(const QString &childId)
{
    auto s = [](const char *text) { return QString::fromUtf8(text); };
    return {{s("started_at"), isoAgo(5)},
            {s("ended_at"), isoAgo(4)},
            {s("visit_type"), s("statutory_cin")},
            {s("announced"), true},
            {s("location"), s("home")},
            {s("rationale"), s("Statutory visit under the child in need plan.")},
            {s("present"), s("Child and mother")},
            {s("children"), QJsonArray{QJsonObject{{s("child_id"), childId},
                                                   {s("seen"), true},
                                                   {s("seen_alone"), true},
                                                   {s("bedroom_seen"), true},
                                                   {s("safety_concern"), false},
                                                   {s("child_views"), s("Said they like their new school.")}}}},
            {s("analysis_risks"), s("Low supervision at weekends.")},
            {s("actions"), QJsonArray{}}};
}

/** A child record patch (a manager creates children). */
inline QJsonObject childRecord(const QString &first)
{
    auto s = [](const char *text) { return QString::fromUtf8(text); };
    return {{s("first_name"), first}, {s("last_name"), s("Testbrook")}, {s("date_of_birth"), s("2015-05-01")},
            {s("legal_status"), s("child_in_need")}, {s("author"), QJsonValue()}};
}

} // namespace doorstep::test
