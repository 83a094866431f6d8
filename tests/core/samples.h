// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// Complete, valid sample records in wire format, and a helper to change one value at a path,
// shared by the core tests.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

namespace samples {

inline const QString kChildA = QStringLiteral("0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70");
inline const QString kChildB = QStringLiteral("0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e71");
inline const QString kRecord = QStringLiteral("7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
inline const QString kAction1 = QStringLiteral("a0000000-0000-4000-8000-000000000001");
inline const QString kAction2 = QStringLiteral("a0000000-0000-4000-8000-000000000002");

inline QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

inline QJsonObject child()
{
    return parse(R"({
      "schema": 2, "type": "child", "id": "0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70",
      "author": "worker-1", "created_at": "2026-01-05T09:00:00Z",
      "first_name": "Amira", "last_name": "Hassan", "preferred_name": "Mira",
      "date_of_birth": "2016-07-14", "gender": "female", "ethnicity": "Any other Asian background",
      "first_language": "Arabic", "interpreter_needed": true, "religion": "Muslim",
      "disability": "none known", "address": "1 Example Street, Leeds",
      "legal_status": "child_protection", "cp_category": "neglect",
      "allocated_worker": "worker-1", "team": "team-north",
      "plan": {"visiting_frequency": {"every": 10, "unit": "working_days"},
               "contingency": "If home conditions do not improve by March, legal planning meeting.",
               "actions": [{"id": "a0000000-0000-4000-8000-000000000001", "what": "Refer Amira to the school nurse for a health check",
                            "owner": "worker-1", "due": "2026-02-01", "status": "open"}]},
      "visiting_frequency_reason": "Agreed at the child protection conference: home conditions need checking every two weeks.",
      "allocations": [{"at": "2026-01-20T14:05:00Z", "worker": "worker-1", "worker_name": "Sam Patel",
                       "previous_worker": "worker-2", "previous_worker_name": "Rhian Evans",
                       "reason": "Rhian moves to the adoption team; Sam knows the school.",
                       "decided_by": "manager-1", "decided_by_name": "Maria Lopez"}]
    })");
}

inline QJsonObject lookedAfterChild()
{
    QJsonObject c = child();
    c.insert(QStringLiteral("legal_status"), QStringLiteral("looked_after"));
    c.remove(QStringLiteral("cp_category"));
    c.insert(QStringLiteral("placement"), parse(R"({"start": "2025-09-01", "kind": "long_term_until_18", "first_review": "2025-09-29"})"));
    return c;
}

inline QJsonObject visit()
{
    return parse(R"({
      "schema": 1, "type": "visit", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6", "state": "draft",
      "author": "worker-1", "created_at": "2026-03-04T10:00:00Z",
      "started_at": "2026-03-04T10:15:00Z", "ended_at": "2026-03-04T11:20:00.250Z",
      "visit_type": "statutory_cp", "announced": false, "location": "home", "location_detail": "family home",
      "rationale": "Statutory child protection visit; check on home conditions after the core group.",
      "present": "Mother, Amira, Sami",
      "children": [
        {"child_id": "0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70", "seen": true, "seen_alone": true, "bedroom_seen": true,
         "safety_concern": false, "child_views": "I like my new bed. Mum shouts less.", "observations": "Clean clothes, chatty."},
        {"child_id": "0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e71", "seen": true, "seen_alone": false,
         "not_seen_alone_reason": "inappropriate_age_understanding", "bedroom_seen": true, "safety_concern": false,
         "child_views": "Pointed at the dog and smiled.", "observations": "Age 2, meeting milestones."}
      ],
      "analysis_risks": "Kitchen still cluttered.", "analysis_strengths": "Warm interactions.",
      "analysis_protective": "Grandmother visits daily.", "diversity": "Arabic interpreter used by phone.",
      "interpreter_used": true,
      "actions": [{"id": "a0000000-0000-4000-8000-000000000002", "what": "Book the family a GP appointment for Sami",
                   "owner": "worker-1", "due": "2026-03-11", "status": "open"}]
    })");
}

inline QJsonObject directWork()
{
    return parse(R"({
      "schema": 1, "type": "direct_work", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f7", "state": "submitted",
      "author": "fsw-2", "created_at": "2026-03-05T14:00:00Z", "submitted_at": "2026-03-05T16:00:00Z",
      "child_ids": ["0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70"], "session_date": "2026-03-05",
      "activity": "wishes_and_feelings", "tools_used": "Three houses", "aims": "Hear Amira's worries",
      "child_words": "My worry house has the shouting in it.", "reflection": "Amira was open.",
      "next_steps": "Repeat in two weeks."
    })");
}

inline QJsonObject review()
{
    return parse(R"({
      "schema": 1, "type": "review", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f8",
      "created_at": "2026-03-06T09:00:00Z",
      "record_id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6", "decision": "return",
      "rationale": "Please add Sami's presentation.", "manager": "manager-1",
      "decided_at": "2026-03-06T09:00:00Z", "seen_rev": 7
    })");
}

inline QJsonObject supervision()
{
    return parse(R"({
      "schema": 1, "type": "supervision", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f9", "state": "approved",
      "author": "manager-1", "created_at": "2026-03-07T09:00:00Z", "amends": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5fa",
      "reviewed_by": "manager-2", "reviewed_at": "2026-03-08T09:00:00Z",
      "child_id": "0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70", "worker": "worker-1", "held_on": "2026-03-07",
      "discussion": "Progress on the plan.", "decisions": "Stay on plan.",
      "actions": [{"id": "a0000000-0000-4000-8000-000000000003", "what": "Convene a core group meeting before the review",
                   "owner": "worker-1", "due": "2026-03-20", "status": "open", "priority": 1}]
    })");
}

/** Returns `object` with the value at `path` ("children[1].seen", "plan.visiting_frequency.every")
 *  replaced; an Undefined value removes the field. */
inline QJsonValue withValueAt(const QJsonValue &node, const QStringList &segments, int at, const QJsonValue &value)
{
    static const QRegularExpression indexed(QStringLiteral("^(.*)\\[(\\d+)\\]$"));
    const QString segment = segments.at(at);
    const bool last = at == segments.size() - 1;
    const auto m = indexed.match(segment);
    QJsonObject object = node.toObject();
    if (m.hasMatch()) {
        const QString key = m.captured(1);
        const int index = m.captured(2).toInt();
        QJsonArray array = object.value(key).toArray();
        const QJsonValue next = last ? value : withValueAt(array.at(index), segments, at + 1, value);
        if (next.isUndefined())
            array.removeAt(index);
        else
            array.replace(index, next);
        object.insert(key, array);
        return object;
    }
    const QJsonValue next = last ? value : withValueAt(object.value(segment), segments, at + 1, value);
    if (next.isUndefined())
        object.remove(segment);
    else
        object.insert(segment, next);
    return object;
}

inline QJsonObject with(const QJsonObject &object, const QString &path, const QJsonValue &value)
{
    return withValueAt(object, path.split(QLatin1Char('.')), 0, value).toObject();
}

inline QJsonObject without(const QJsonObject &object, const QString &path)
{
    return with(object, path, QJsonValue(QJsonValue::Undefined));
}

} // namespace samples
