// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/domain.h"
#include "core/rules.h"
#include "samples.h"

#include <QStandardPaths>
#include <QTest>

using namespace doorstep;
using samples::with;
using samples::without;

namespace {
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

QStringList keys(const QList<rules::Violation> &violations)
{
    QStringList out;
    for (const auto &v : violations)
        out << v.field + QLatin1Char(':') + v.code;
    out.sort();
    return out;
}

QStringList promptKeys(const QList<rules::Prompt> &prompts)
{
    QStringList out;
    for (const auto &p : prompts)
        out << p.field + QLatin1Char(':') + p.code;
    out.sort();
    return out;
}

QStringList list(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    for (const char16_t *s : items)
        out << QString::fromUtf16(s);
    out.sort();
    return out;
}
} // namespace

/** Submission rules and quality prompts, one row per rule. */
class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void submission_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QStringList>("expected");
        using namespace samples;
        const QJsonObject v = visit();
        const QString c0 = u"children[0]."_qs;
        const QString c1 = u"children[1]."_qs;

        // ---- visits
        QTest::addRow("complete visit") << v << QStringList();
        QTest::addRow("rationale missing") << without(v, u"rationale"_qs) << list({u"rationale:required"});
        QTest::addRow("rationale blank") << with(v, u"rationale"_qs, u"  \n"_qs) << list({u"rationale:required"});
        QTest::addRow("start missing") << without(v, u"started_at"_qs) << list({u"started_at:required"});
        QTest::addRow("end missing") << without(v, u"ended_at"_qs) << list({u"ended_at:required"});
        QTest::addRow("end before start") << with(v, u"ended_at"_qs, u"2026-03-04T09:00:00Z"_qs) << list({u"ended_at:end_before_start"});
        QTest::addRow("end equals start") << with(v, u"ended_at"_qs, u"2026-03-04T10:15:00Z"_qs) << list({u"ended_at:end_before_start"});
        QTest::addRow("start and end in future")
            << with(with(v, u"started_at"_qs, u"2026-03-10T13:00:00Z"_qs), u"ended_at"_qs, u"2026-03-10T14:00:00Z"_qs)
            << list({u"started_at:in_future", u"ended_at:in_future"});
        QTest::addRow("end in future") << with(v, u"ended_at"_qs, u"2026-03-11T10:00:00Z"_qs) << list({u"ended_at:in_future"});
        QTest::addRow("within clock skew")
            << with(with(v, u"started_at"_qs, u"2026-03-10T11:00:00Z"_qs), u"ended_at"_qs, u"2026-03-10T12:04:00Z"_qs)
            << QStringList();
        QTest::addRow("type missing") << without(v, u"visit_type"_qs) << list({u"visit_type:required"});
        QTest::addRow("no children") << without(v, u"children"_qs) << list({u"children:required"});
        QTest::addRow("empty children") << with(v, u"children"_qs, QJsonArray()) << list({u"children:required"});
        QTest::addRow("duplicate child") << with(v, u"children[1].child_id"_qs, kChildA) << list({u"children[1].child_id:duplicate"});
        QTest::addRow("seen unanswered") << without(v, c1 + u"seen"_qs) << QStringList{c1 + u"seen:required"_qs};
        QTest::addRow("seen null") << with(v, c0 + u"seen"_qs, QJsonValue::Null) << QStringList{c0 + u"seen:required"_qs};
        QTest::addRow("not seen without reason")
            << without(without(with(v, c1 + u"seen"_qs, false), c1 + u"seen_alone"_qs), c1 + u"not_seen_alone_reason"_qs)
            << QStringList{c1 + u"not_seen_reason:reason_required"_qs};
        QTest::addRow("not seen, blank reason")
            << with(with(v, c1 + u"seen"_qs, false), c1 + u"not_seen_reason"_qs, u" "_qs)
            << QStringList{c1 + u"not_seen_reason:reason_required"_qs};
        QTest::addRow("not seen with reason, seen alone not needed")
            << without(with(with(v, c1 + u"seen"_qs, false), c1 + u"not_seen_reason"_qs, u"At nursery"_qs), c1 + u"seen_alone"_qs)
            << QStringList();
        QTest::addRow("seen alone unanswered") << without(v, c0 + u"seen_alone"_qs) << QStringList{c0 + u"seen_alone:required"_qs};
        QTest::addRow("not seen alone, no reason")
            << without(v, c1 + u"not_seen_alone_reason"_qs) << QStringList{c1 + u"not_seen_alone_reason:reason_required"_qs};
        for (const QString &reason : wireNames<NotSeenAloneReason>()) {
            const QJsonObject r = with(v, c1 + u"not_seen_alone_reason"_qs, reason);
            QTest::addRow("reason %s", qPrintable(reason))
                << r << (reason == u"unable_other" ? QStringList{c1 + u"not_seen_alone_detail:detail_required"_qs} : QStringList());
        }
        QTest::addRow("unable_other with detail")
            << with(with(v, c1 + u"not_seen_alone_reason"_qs, u"unable_other"_qs), c1 + u"not_seen_alone_detail"_qs,
                    u"Interpreter did not arrive"_qs)
            << QStringList();
        QTest::addRow("unable_other blank detail")
            << with(with(v, c1 + u"not_seen_alone_reason"_qs, u"unable_other"_qs), c1 + u"not_seen_alone_detail"_qs, u"  "_qs)
            << QStringList{c1 + u"not_seen_alone_detail:detail_required"_qs};
        QTest::addRow("bedroom unanswered, CP") << without(v, c0 + u"bedroom_seen"_qs) << QStringList{c0 + u"bedroom_seen:required"_qs};
        QTest::addRow("bedroom unanswered, CIN")
            << without(with(v, u"visit_type"_qs, u"statutory_cin"_qs), c0 + u"bedroom_seen"_qs)
            << QStringList{c0 + u"bedroom_seen:required"_qs};
        QTest::addRow("bedroom unanswered, CLA")
            << without(with(v, u"visit_type"_qs, u"statutory_cla"_qs), c0 + u"bedroom_seen"_qs) << QStringList();
        QTest::addRow("bedroom unanswered, other")
            << without(with(v, u"visit_type"_qs, u"other"_qs), c0 + u"bedroom_seen"_qs) << QStringList();
        QTest::addRow("bedroom no is an answer") << with(v, c0 + u"bedroom_seen"_qs, false) << QStringList();
        QTest::addRow("action without owner") << without(v, u"actions[0].owner"_qs) << list({u"actions[0].owner:required"});
        QTest::addRow("action without due") << without(v, u"actions[0].due"_qs) << list({u"actions[0].due:required"});
        QTest::addRow("action without what") << without(v, u"actions[0].what"_qs) << list({u"actions[0].what:required"});
        QTest::addRow("action empty")
            << with(v, u"actions"_qs, QJsonArray({QJsonObject{{u"id"_qs, kAction1}}}))
            << list({u"actions[0].owner:required", u"actions[0].due:required", u"actions[0].what:required"});
        QTest::addRow("cancelled action needs nothing")
            << with(v, u"actions"_qs, QJsonArray({QJsonObject{{u"id"_qs, kAction1}, {u"status"_qs, u"cancelled"_qs}}}))
            << QStringList();
        QTest::addRow("action due in future is fine") << with(v, u"actions[0].due"_qs, u"2027-01-01"_qs) << QStringList();
        QTest::addRow("submitted in future") << with(v, u"submitted_at"_qs, u"2026-03-10T18:00:00Z"_qs) << list({u"submitted_at:in_future"});
        QTest::addRow("submitted in past") << with(v, u"submitted_at"_qs, u"2026-03-10T11:00:00Z"_qs) << QStringList();
        QTest::addRow("several at once")
            << without(without(without(v, u"rationale"_qs), c0 + u"seen_alone"_qs), c1 + u"not_seen_alone_reason"_qs)
            << QStringList{u"rationale:required"_qs, c0 + u"seen_alone:required"_qs, c1 + u"not_seen_alone_reason:reason_required"_qs};

        // ---- direct work
        const QJsonObject d = directWork();
        QTest::addRow("complete direct work") << d << QStringList();
        QTest::addRow("dw no children") << with(d, u"child_ids"_qs, QJsonArray()) << list({u"child_ids:required"});
        QTest::addRow("dw no date") << without(d, u"session_date"_qs) << list({u"session_date:required"});
        QTest::addRow("dw future date") << with(d, u"session_date"_qs, u"2026-03-11"_qs) << list({u"session_date:in_future"});
        QTest::addRow("dw today") << with(d, u"session_date"_qs, u"2026-03-10"_qs) << QStringList();
        QTest::addRow("dw no activity") << without(d, u"activity"_qs) << list({u"activity:required"});
        QTest::addRow("dw other without detail") << with(d, u"activity"_qs, u"other"_qs) << list({u"activity_detail:detail_required"});
        QTest::addRow("dw other with detail")
            << with(with(d, u"activity"_qs, u"other"_qs), u"activity_detail"_qs, u"Cooking together"_qs) << QStringList();
        QTest::addRow("dw no words nor reflection")
            << without(without(d, u"child_words"_qs), u"reflection"_qs) << list({u"child_words:required"});
        QTest::addRow("dw reflection only") << without(d, u"child_words"_qs) << QStringList();
        QTest::addRow("dw words only") << without(d, u"reflection"_qs) << QStringList();

        // ---- supervision
        const QJsonObject s = supervision();
        QTest::addRow("complete supervision") << s << QStringList();
        QTest::addRow("sup no child") << without(s, u"child_id"_qs) << list({u"child_id:required"});
        QTest::addRow("sup no date") << without(s, u"held_on"_qs) << list({u"held_on:required"});
        QTest::addRow("sup future date") << with(s, u"held_on"_qs, u"2026-04-01"_qs) << list({u"held_on:in_future"});
        QTest::addRow("sup no discussion") << with(s, u"discussion"_qs, u""_qs) << list({u"discussion:required"});
        QTest::addRow("sup no actions") << without(s, u"actions"_qs) << list({u"actions:required"});
        QTest::addRow("sup action no priority") << without(s, u"actions[0].priority"_qs) << list({u"actions[0].priority:required"});
        QTest::addRow("sup action no due") << without(s, u"actions[0].due"_qs) << list({u"actions[0].due:required"});

        // ---- child
        const QJsonObject c = child();
        QTest::addRow("complete child") << c << QStringList();
        QTest::addRow("child blank first name") << with(c, u"first_name"_qs, u" "_qs) << list({u"first_name:required"});
        QTest::addRow("child blank last name") << with(c, u"last_name"_qs, u""_qs) << list({u"last_name:required"});
        QTest::addRow("child born tomorrow") << with(c, u"date_of_birth"_qs, u"2026-03-11"_qs) << list({u"date_of_birth:in_future"});
        QTest::addRow("child CP without category") << without(c, u"cp_category"_qs) << list({u"cp_category:required"});
        QTest::addRow("child category not on CP")
            << with(c, u"legal_status"_qs, u"child_in_need"_qs) << list({u"cp_category:not_applicable"});
        // A new child's form, empty: every missing identity field at once.
        QTest::addRow("new child, nothing filled in")
            << without(without(without(without(without(c, u"first_name"_qs), u"last_name"_qs), u"date_of_birth"_qs), u"legal_status"_qs), u"cp_category"_qs)
            << list({u"first_name:required", u"last_name:required", u"date_of_birth:required", u"legal_status:required"});
        QTest::addRow("new child on a plan, nothing else filled in")
            << without(without(without(without(c, u"first_name"_qs), u"last_name"_qs), u"date_of_birth"_qs), u"cp_category"_qs)
            << list({u"first_name:required", u"last_name:required", u"date_of_birth:required", u"cp_category:required"});
        QTest::addRow("child without a legal status") << without(without(c, u"legal_status"_qs), u"cp_category"_qs) << list({u"legal_status:required"});
        QTest::addRow("child CIN") << without(with(c, u"legal_status"_qs, u"child_in_need"_qs), u"cp_category"_qs) << QStringList();
        QTest::addRow("looked after") << lookedAfterChild() << QStringList();
        QTest::addRow("looked after without placement") << without(lookedAfterChild(), u"placement"_qs) << list({u"placement:required"});
        QTest::addRow("placement without start") << without(lookedAfterChild(), u"placement.start"_qs) << list({u"placement.start:required"});
        QTest::addRow("placement without kind") << without(lookedAfterChild(), u"placement.kind"_qs) << list({u"placement.kind:required"});
        QTest::addRow("review before placement")
            << with(lookedAfterChild(), u"placement.first_review"_qs, u"2025-08-01"_qs) << list({u"placement.first_review:before_start"});
        QTest::addRow("plan action without owner")
            << without(c, u"plan.actions[0].owner"_qs) << list({u"plan.actions[0].owner:required"});

        // ---- review
        const QJsonObject r = review();
        QTest::addRow("complete review") << r << QStringList();
        QTest::addRow("review without rationale") << without(r, u"rationale"_qs) << list({u"rationale:required"});
        QTest::addRow("review without decision") << without(r, u"decision"_qs) << list({u"decision:required"});

        // ---- not a valid record at all
        QTest::addRow("invalid record") << with(v, u"children[0].seen"_qs, u"yes"_qs) << QStringList{c0 + u"seen:invalid"_qs};
        QTest::addRow("unknown type") << with(v, u"type"_qs, u"meeting"_qs) << list({u"type:invalid"});
    }

    void submission()
    {
        QFETCH(QJsonObject, record);
        QFETCH(QStringList, expected);
        expected.sort();
        const QList<rules::Violation> violations = rules::checkSubmission(record, kNow);
        QCOMPARE(keys(violations), expected);
        for (const auto &v : violations)
            QVERIFY2(v.message.size() > 10 && v.message.endsWith(u'.'), qPrintable(v.message));
    }

    void pastOnlyFieldsAreTheInFutureChecks_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::newRow("visit") << samples::visit();
        QTest::newRow("direct_work") << samples::directWork();
        QTest::newRow("supervision") << samples::supervision();
        QTest::newRow("child") << samples::child();
    }

    void pastOnlyFieldsAreTheInFutureChecks()
    {
        // Every top-level date of a complete record set a year from now: the fields the rules then
        // refuse as "in the future" are exactly the ones the date pickers stop at today for.
        QFETCH(QJsonObject, record);
        QVERIFY(rules::checkSubmission(record, kNow).isEmpty());
        QJsonObject ahead = record;
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.key() == u"created_at" || it.key() == u"submitted_at" || !it.value().isString())
                continue;
            const QString text = it.value().toString();
            if (const QDate day = QDate::fromString(text, Qt::ISODate); day.isValid() && text.size() == 10)
                ahead.insert(it.key(), kNow.date().addYears(1).toString(Qt::ISODate));
            else if (const QDateTime when = QDateTime::fromString(text, Qt::ISODate); when.isValid())
                ahead.insert(it.key(), kNow.addYears(1).toString(Qt::ISODate));
        }
        QStringList refused;
        for (const auto &v : rules::checkSubmission(ahead, kNow))
            if (v.code == u"in_future")
                refused << v.field;
        QStringList pastOnly = rules::pastOnlyFields(record.value(u"type").toString());
        refused.sort();
        pastOnly.sort();
        QVERIFY(!pastOnly.isEmpty());
        QCOMPARE(refused, pastOnly);
    }

    void messagesAWorkerUnderstands()
    {
        const auto v = rules::checkSubmission(without(samples::visit(), u"children[1].not_seen_alone_reason"_qs), kNow);
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.first().message, u"Say why the child was not seen alone."_qs);
        const auto r = rules::checkSubmission(without(samples::visit(), u"rationale"_qs), kNow);
        QCOMPARE(r.first().message, u"Say why you made this visit."_qs);
    }

    void typedAndJsonAgree()
    {
        const QJsonObject json = without(without(samples::visit(), u"rationale"_qs), u"children[0].seen"_qs);
        const auto visit = Visit::fromJson(json);
        QVERIFY(visit.ok());
        QCOMPARE(keys(rules::checkVisit(*visit, kNow)), keys(rules::checkVisit(json, kNow)));
        QCOMPARE(keys(rules::checkVisit(json, kNow)).size(), 2);
    }

    void reviewDecision_data()
    {
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QString>("rationale");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("approve with reason") << u"approve"_qs << u"Good analysis."_qs << QStringList();
        QTest::addRow("return with reason") << u"return"_qs << u"Add the child's views."_qs << QStringList();
        QTest::addRow("approve without reason") << u"approve"_qs << QString() << list({u"rationale:required"});
        QTest::addRow("return blank reason") << u"return"_qs << u"   "_qs << list({u"rationale:required"});
        QTest::addRow("unknown decision") << u"reject"_qs << u"x"_qs << list({u"decision:required"});
    }

    void reviewDecision()
    {
        QFETCH(QString, decision);
        QFETCH(QString, rationale);
        QFETCH(QStringList, expected);
        QCOMPARE(keys(rules::checkReviewDecision(decision, rationale)), expected);
    }

    void prompts_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QStringList>("expected");
        using namespace samples;
        const QJsonObject v = visit();
        QTest::addRow("good visit") << v << QStringList();
        QTest::addRow("rationale missing") << without(v, u"rationale"_qs) << list({u"rationale:rationale_missing"});
        QTest::addRow("seen alone, no views") << without(v, u"children[0].child_views"_qs)
                                              << list({u"children[0].child_views:views_missing_when_alone"});
        QTest::addRow("seen, not alone, no views") << without(v, u"children[1].child_views"_qs)
                                                   << list({u"children[1].child_views:views_missing"});
        QTest::addRow("not seen, no views") << without(with(with(v, u"children[1].seen"_qs, false), u"children[1].not_seen_reason"_qs, u"x"_qs),
                                                       u"children[1].child_views"_qs)
                                            << QStringList();
        QTest::addRow("seen alone unanswered") << without(v, u"children[0].seen_alone"_qs)
                                               << list({u"children[0].seen_alone:seen_alone_unanswered"});
        QTest::addRow("not alone, no reason") << without(v, u"children[1].not_seen_alone_reason"_qs)
                                              << list({u"children[1].not_seen_alone_reason:seen_alone_reason_missing"});
        QTest::addRow("no analysis")
            << without(without(without(v, u"analysis_risks"_qs), u"analysis_strengths"_qs), u"analysis_protective"_qs)
            << list({u"analysis_risks:analysis_missing"});
        QTest::addRow("no diversity") << without(v, u"diversity"_qs) << list({u"diversity:diversity_missing"});
        QTest::addRow("action without owner") << without(v, u"actions[0].owner"_qs) << list({u"actions[0].owner:action_incomplete"});
        QTest::addRow("action without date") << without(v, u"actions[0].due"_qs) << list({u"actions[0].due:action_incomplete"});
        QTest::addRow("vague short action") << with(v, u"actions[0].what"_qs, u"Visit"_qs) << list({u"actions[0].what:action_not_specific"});
        QTest::addRow("continue to monitor") << with(v, u"actions[0].what"_qs, u"Continue to monitor the situation at home"_qs)
                                             << list({u"actions[0].what:action_not_specific"});
        const QJsonObject c = child();
        QTest::addRow("good child") << c << QStringList();
        QTest::addRow("no contingency") << without(c, u"plan.contingency"_qs) << list({u"plan.contingency:no_contingency"});
        QTest::addRow("no frequency") << without(c, u"plan.visiting_frequency"_qs) << list({u"plan.visiting_frequency:no_visiting_frequency"});
        QTest::addRow("frequency without a reason") << without(c, u"visiting_frequency_reason"_qs)
                                                    << list({u"visiting_frequency_reason:no_frequency_reason"});
        QTest::addRow("looked after: regulation 28 applies") << without(lookedAfterChild(), u"plan.visiting_frequency"_qs) << QStringList();
        QTest::addRow("no plan")
            << without(c, u"plan"_qs) << list({u"plan.contingency:no_contingency", u"plan.visiting_frequency:no_visiting_frequency"});
        QTest::addRow("plan action vague") << with(c, u"plan.actions[0].what"_qs, u"Monitor"_qs)
                                           << list({u"plan.actions[0].what:action_not_specific"});
        QTest::addRow("visit somewhere other, unsaid") << without(with(visit(), u"location"_qs, u"other"_qs), u"location_detail"_qs)
                                                       << list({u"location_detail:location_unsaid"});
        QTest::addRow("direct work without words") << without(directWork(), u"child_words"_qs) << list({u"child_words:child_words_missing"});
        QTest::addRow("supervision without actions") << without(supervision(), u"actions"_qs) << list({u"actions:no_actions"});
    }

    // A changed visiting frequency with the reason left as it was: the old reason no longer explains it.
    void changedFrequencyAsksForItsReason()
    {
        const QJsonObject before = samples::child();
        const QJsonObject weekly = with(before, u"plan.visiting_frequency.every"_qs, 5);
        auto codes = [](const QList<rules::Prompt> &prompts) {
            QStringList out;
            for (const rules::Prompt &p : prompts)
                out << p.field + u':' + p.code;
            return out;
        };
        QCOMPARE(codes(rules::changePrompts(before, weekly)), QStringList{u"visiting_frequency_reason:frequency_changed_reason_unchanged"_qs});
        // A new reason with it, no change of frequency, a record never stored, or another type: nothing.
        QVERIFY(rules::changePrompts(before, with(weekly, u"visiting_frequency_reason"_qs, u"Weekly after the new referral."_qs)).isEmpty());
        QVERIFY(rules::changePrompts(before, with(before, u"plan.contingency"_qs, u"Other."_qs)).isEmpty());
        QVERIFY(rules::changePrompts(QJsonObject(), weekly).isEmpty());
        QVERIFY(rules::changePrompts(samples::visit(), with(samples::visit(), u"rationale"_qs, u"x"_qs)).isEmpty());
        // No reason at all is the plain prompt's job (qualityPrompts), not this one's.
        QVERIFY(rules::changePrompts(without(before, u"visiting_frequency_reason"_qs),
                                     without(weekly, u"visiting_frequency_reason"_qs)).isEmpty());
    }

    // A new legal status asks for a second look at the parts of the plan left as they were.
    void changedLegalStatusAsksForASecondLookAtThePlan()
    {
        const QJsonObject before = samples::child(); // on a child protection plan, its own frequency
        const QJsonObject inNeed = without(with(before, u"legal_status"_qs, u"child_in_need"_qs), u"cp_category"_qs);
        auto codes = [](const QList<rules::Prompt> &prompts) {
            QStringList out;
            for (const rules::Prompt &p : prompts)
                out << p.field + u':' + p.code;
            return out;
        };
        QCOMPARE(codes(rules::changePrompts(before, inNeed)),
                 (QStringList{u"plan.visiting_frequency:legal_status_changed_frequency_unchanged"_qs,
                              u"plan.contingency:legal_status_changed_contingency_unchanged"_qs}));
        // What was looked at and changed is not asked about again.
        const QJsonObject newContingency = with(inNeed, u"plan.contingency"_qs, u"Step down to early help if the school reports no concerns by May."_qs);
        QCOMPARE(codes(rules::changePrompts(before, newContingency)),
                 QStringList{u"plan.visiting_frequency:legal_status_changed_frequency_unchanged"_qs});
        const QJsonObject monthly = with(with(newContingency, u"plan.visiting_frequency.every"_qs, 20),
                                         u"visiting_frequency_reason"_qs, u"Monthly, agreed at the step-down meeting."_qs);
        QVERIFY(rules::changePrompts(before, monthly).isEmpty());
        // Without its own frequency, the council's policy for the new status applies: nothing to check there.
        QJsonObject noOwnFrequency = before;
        QJsonObject plan = noOwnFrequency.value(u"plan").toObject();
        plan.remove(u"visiting_frequency"_qs);
        noOwnFrequency.insert(u"plan"_qs, plan);
        const QJsonObject noOwnInNeed = without(with(noOwnFrequency, u"legal_status"_qs, u"child_in_need"_qs), u"cp_category"_qs);
        QCOMPARE(codes(rules::changePrompts(noOwnFrequency, noOwnInNeed)),
                 QStringList{u"plan.contingency:legal_status_changed_contingency_unchanged"_qs});
        // The same status: nothing.
        QVERIFY(rules::changePrompts(before, with(before, u"cp_category"_qs, u"emotional"_qs)).isEmpty());
    }

    void prompts()
    {
        QFETCH(QJsonObject, record);
        QFETCH(QStringList, expected);
        expected.sort();
        const auto prompts = rules::qualityPrompts(record);
        QCOMPARE(promptKeys(prompts), expected);
        for (const auto &p : prompts) {
            QVERIFY(!p.message.isEmpty());
            QCOMPARE(p.strong, p.code == u"views_missing_when_alone");
        }
    }

    void workflow_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        const QStringList states = wireNames<WorkflowState>();
        const QSet<QString> allowed{u"draft>draft"_qs, u"draft>submitted"_qs, u"submitted>approved"_qs,
                                    u"submitted>returned"_qs, u"submitted>draft"_qs, u"returned>returned"_qs,
                                    u"returned>draft"_qs, u"returned>submitted"_qs};
        for (const QString &from : states)
            for (const QString &to : states)
                QTest::addRow("%s to %s", qPrintable(from), qPrintable(to)) << from << to << allowed.contains(from + u'>' + to);
    }

    void workflow()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        QCOMPARE(workflowAllows(*fromWireName<WorkflowState>(from), *fromWireName<WorkflowState>(to)), allowed);
    }

    void clientStates()
    {
        QVERIFY(clientMaySetState(WorkflowState::Draft));
        QVERIFY(clientMaySetState(WorkflowState::Submitted));
        QVERIFY(!clientMaySetState(WorkflowState::Approved));
        QVERIFY(!clientMaySetState(WorkflowState::Returned));
    }

    void statutoryVisitFollowsLegalStatus()
    {
        QCOMPARE(statutoryVisitFor(u"child_protection"), u"statutory_cp"_qs);
        QCOMPARE(statutoryVisitFor(u"child_in_need"), u"statutory_cin"_qs);
        QCOMPARE(statutoryVisitFor(u"looked_after"), u"statutory_cla"_qs);
        QCOMPARE(statutoryVisitFor(u"early_help"), u"other"_qs); // no statutory visit
        QCOMPARE(statutoryVisitFor(u"care_leaver"), u"other"_qs);
        QCOMPARE(statutoryVisitFor(u"no_such_status"), u"other"_qs);
        for (const QString &status : wireNames<LegalStatus>()) // every status has an answer that is a visit type
            QVERIFY(fromWireName<VisitType>(statutoryVisitFor(status)).has_value());
    }

    void localDates()
    {
        // Session dates are England dates: 23:30 UTC in summer is already the next day.
        QCOMPARE(rules::localDate(QDateTime(QDate(2026, 7, 1), QTime(23, 30), Qt::UTC)), QDate(2026, 7, 2));
        QCOMPARE(rules::localDate(QDateTime(QDate(2026, 1, 1), QTime(23, 30), Qt::UTC)), QDate(2026, 1, 1));
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
