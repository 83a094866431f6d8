// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace doorstep {
struct Child;
struct Visit;
struct DirectWork;
struct Supervision;
} // namespace doorstep

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
    QString code;    // "rationale_missing", "views_missing_when_alone" (strong), "views_missing", "seen_alone_unanswered",
                     // "seen_alone_reason_missing", "analysis_missing", "diversity_missing", "action_incomplete",
                     // "action_not_specific", "no_contingency", "no_visiting_frequency", "child_words_missing",
                     // "aims_missing", "no_actions"
    QString message;
    bool strong = false; // shown prominently (e.g. seen alone but no views recorded)
};

/** Every violation for submitting this record (dispatches on `type`); empty means it can be submitted.
 *  `now` bounds "nothing in the future" (with 15 minutes' allowance for device clocks). The record
 *  is expected to have passed wire::validateRecord; if it does not decode, the one violation has
 *  code "invalid" at the decoder's field path. Codes: required, reason_required, detail_required,
 *  end_before_start, in_future, duplicate, not_applicable, before_start, invalid. */
QList<Violation> checkSubmission(const QJsonObject &record, const QDateTime &now);

/** The date fields of a record type that cannot be in the future (code in_future), so a date picker
 *  can stop at today: started_at and ended_at of a visit, session_date, held_on, date_of_birth. */
QStringList pastOnlyFields(const QString &type);

QList<Violation> checkVisit(const QJsonObject &visit, const QDateTime &now);
QList<Violation> checkDirectWork(const QJsonObject &work, const QDateTime &now);
QList<Violation> checkSupervision(const QJsonObject &supervision, const QDateTime &now);
QList<Violation> checkChild(const QJsonObject &child, const QDateTime &now);
QList<Violation> checkReviewDecision(const QString &decision, const QString &rationale);

/** Inline quality prompts for a record being written. */
QList<Prompt> qualityPrompts(const QJsonObject &record);
/** Quality prompts about what an edit changed (`before` is the record as the form opened it):
 *  a child's visiting frequency changed while its reason was left as it was. */
QList<Prompt> changePrompts(const QJsonObject &before, const QJsonObject &after);

// The same rules over typed records (core/domain.h); the JSON entry points decode and call these.
QList<Violation> checkVisit(const Visit &visit, const QDateTime &now);
QList<Violation> checkDirectWork(const DirectWork &work, const QDateTime &now);
QList<Violation> checkSupervision(const Supervision &supervision, const QDateTime &now);
QList<Violation> checkChild(const Child &child, const QDateTime &now);
QList<Prompt> qualityPrompts(const Visit &visit);
QList<Prompt> qualityPrompts(const Child &child);
QList<Prompt> qualityPrompts(const DirectWork &work);
QList<Prompt> qualityPrompts(const Supervision &supervision);

/** The local (England) calendar date of an instant: session dates are written as local dates. */
QDate localDate(const QDateTime &instant);

} // namespace doorstep::rules
