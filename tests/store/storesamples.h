// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// Valid records in wire format (docs/records.md) for the store tests, the crash writer and the
// benchmark: a child and a realistic visit of about 1.5 KB, varied by a number.

#include "core/wire.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace storesamples {

inline const char *const kFirstNames[] = {"Amira", "Jayden", "Olivia", "Mohammed", "Zofia", "Kwame", "Aoife", "Priya",
                                          "Callum", "Leila", "Tomasz", "Grace", "Yusuf", "Eilidh", "Reuben", "Sana"};
inline const char *const kLastNames[] = {"Hassan", "Okafor", "Smith", "Nowak", "Begum", "O'Neill", "Kowalski", "Patel",
                                         "Jones", "Ahmed", "Murphy", "Evans", "Mensah", "Walsh", "Khan", "Taylor"};

/** A deterministic UUID (version 4 layout) from a kind and a number, so tests can name records. */
inline QString uuidFor(int kind, qint64 n)
{
    return QStringLiteral("%1-0000-4000-8000-%2")
        .arg(kind, 8, 16, QLatin1Char('0'))
        .arg(n, 12, 16, QLatin1Char('0'));
}

inline QJsonObject child(const QString &id, const QString &first, const QString &last)
{
    return QJsonObject{
        {QStringLiteral("schema"), 1},
        {QStringLiteral("type"), QStringLiteral("child")},
        {QStringLiteral("id"), id},
        {QStringLiteral("author"), QStringLiteral("worker-1")},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-05T09:00:00Z")},
        {QStringLiteral("first_name"), first},
        {QStringLiteral("last_name"), last},
        {QStringLiteral("date_of_birth"), QStringLiteral("2016-07-14")},
        {QStringLiteral("legal_status"), QStringLiteral("child_in_need")},
        {QStringLiteral("allocated_worker"), QStringLiteral("worker-1")},
        {QStringLiteral("team"), QStringLiteral("team-north")},
    };
}

inline QJsonObject childNumber(qint64 n)
{
    return child(uuidFor(1, n), QString::fromLatin1(kFirstNames[n % 16]),
                 QString::fromLatin1(kLastNames[(n / 16) % 16]) + (n >= 256 ? QString::number(n / 256) : QString()));
}

/** A draft home visit about `childId`, ~1.5 KB of JSON; `extraText` lands in the child's views. */
inline QJsonObject visit(const QString &id, const QString &childId, qint64 n, const QString &extraText = {})
{
    const QDateTime start = QDateTime(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC).addSecs(n * 3600);
    const QString views = QStringLiteral("I like my new bed and the dog. Mum shouts less now and I can sleep. "
                                         "School is better since the new teacher came. ") + extraText;
    QJsonArray children{QJsonObject{
        {QStringLiteral("child_id"), childId},
        {QStringLiteral("seen"), true},
        {QStringLiteral("seen_alone"), true},
        {QStringLiteral("bedroom_seen"), true},
        {QStringLiteral("safety_concern"), false},
        {QStringLiteral("child_views"), views},
        {QStringLiteral("observations"), QStringLiteral("Clean clothes, chatty, made good eye contact, showed me "
                                                        "their homework and drawings. Room tidy, bed made, toys "
                                                        "within reach. Visit %1.").arg(n)},
    }};
    return QJsonObject{
        {QStringLiteral("schema"), 1},
        {QStringLiteral("type"), QStringLiteral("visit")},
        {QStringLiteral("id"), id},
        {QStringLiteral("state"), QStringLiteral("draft")},
        {QStringLiteral("author"), QStringLiteral("worker-1")},
        {QStringLiteral("created_at"), start.toString(Qt::ISODate)},
        {QStringLiteral("started_at"), start.toString(Qt::ISODate)},
        {QStringLiteral("ended_at"), start.addSecs(3900).toString(Qt::ISODate)},
        {QStringLiteral("visit_type"), QStringLiteral("statutory_cin")},
        {QStringLiteral("announced"), false},
        {QStringLiteral("location"), QStringLiteral("home")},
        {QStringLiteral("location_detail"), QStringLiteral("family home")},
        {QStringLiteral("rationale"), QStringLiteral("Statutory child in need visit to review progress against the "
                                                     "plan after the core group meeting; check home conditions.")},
        {QStringLiteral("present"), QStringLiteral("Mother, the child, maternal grandmother")},
        {QStringLiteral("children"), children},
        {QStringLiteral("analysis_risks"), QStringLiteral("Kitchen still cluttered; mother reports low mood and "
                                                          "missed two GP appointments this month.")},
        {QStringLiteral("analysis_strengths"), QStringLiteral("Warm interactions observed; child attends school "
                                                              "regularly and is meeting milestones.")},
        {QStringLiteral("analysis_protective"), QStringLiteral("Grandmother visits daily and helps with the school run.")},
        {QStringLiteral("diversity"), QStringLiteral("Family speaks English at home; no interpreter needed; "
                                                     "mother asked for Friday visits to avoid prayer times.")},
        {QStringLiteral("interpreter_used"), false},
        {QStringLiteral("actions"), QJsonArray{QJsonObject{
                                        {QStringLiteral("id"), uuidFor(3, n)},
                                        {QStringLiteral("what"), QStringLiteral("Book the family a GP appointment")},
                                        {QStringLiteral("owner"), QStringLiteral("worker-1")},
                                        {QStringLiteral("due"), start.date().addDays(7).toString(Qt::ISODate)},
                                        {QStringLiteral("status"), QStringLiteral("open")},
                                    }}},
    };
}

/** A fixed 32-byte test key (tests only; real keys come from the keychain). */
inline QByteArray testKey(char seed = 'k')
{
    QByteArray key(32, '\0');
    for (int i = 0; i < 32; ++i)
        key[i] = char(seed * 31 + i * 7);
    return key;
}

} // namespace storesamples
