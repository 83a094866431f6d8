// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace doorstep::rules {

/** A submission rule broken, at a field path, in words a worker understands. */
struct Violation {
    QString field;   // "rationale", "children[0].not_seen_alone_reason", "actions[2].owner"
    QString code;    // stable machine code: "required", "reason_required", "end_before_start", "in_future", ...
    QString message; // "Say why the child was not seen alone."
    bool operator==(const Violation &o) const { return field == o.field && code == o.code; }
};

/** A quality prompt shown while writing (not blocking): what inspectors look for. */
struct Prompt {
    QString field;
    QString code;    // "rationale_missing", "views_missing_when_alone", "action_not_specific", "no_contingency", ...
    QString message;
};

/** Every violation for submitting this record (dispatches on `type`); empty means it can be submitted.
 *  `now` bounds "nothing in the future". The record is assumed to have passed wire::validateRecord. */
QList<Violation> checkSubmission(const QJsonObject &record, const QDateTime &now);

QList<Violation> checkVisit(const QJsonObject &visit, const QDateTime &now);
QList<Violation> checkDirectWork(const QJsonObject &work, const QDateTime &now);
QList<Violation> checkSupervision(const QJsonObject &supervision, const QDateTime &now);
QList<Violation> checkChild(const QJsonObject &child, const QDateTime &now);
QList<Violation> checkReviewDecision(const QString &decision, const QString &rationale);

/** Inline quality prompts for a record being written. */
QList<Prompt> qualityPrompts(const QJsonObject &record);

} // namespace doorstep::rules
