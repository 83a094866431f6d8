// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "core/domain.h"
#include "core/wire.h"
#include "samples.h"

#include <QStandardPaths>
#include <QTest>

using namespace doorstep;

/** Strict decoding of the wire format: every record type, every kind of bad input. */
class TestWire : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    void checkRoundTrip(const QJsonObject &json)
    {
        const auto decoded = T::fromJson(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().field + u": "_qs + decoded.error().message));
        QCOMPARE(decoded->toJson(), json);
        const auto again = T::fromJson(decoded->toJson());
        QVERIFY(again.ok());
        QVERIFY(*again == *decoded);
        // And through bytes, as the store and the service see it.
        const auto bytes = wire::decodeRecord(wire::encode(json));
        QVERIFY(bytes.ok());
        QCOMPARE(*bytes, json);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void roundTrip_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addRow("child") << samples::child();
        QTest::addRow("looked after child") << samples::lookedAfterChild();
        QTest::addRow("minimal child") << samples::parse(R"({"schema":1,"type":"child","id":"0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70",
            "first_name":"A","last_name":"B","date_of_birth":"2024-02-29","legal_status":"early_help"})");
        QTest::addRow("visit") << samples::visit();
        QTest::addRow("minimal visit") << samples::parse(R"({"schema":1,"type":"visit","id":"7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6"})");
        QTest::addRow("direct work") << samples::directWork();
        QTest::addRow("review") << samples::review();
        QTest::addRow("supervision") << samples::supervision();
        QJsonObject returned = samples::with(samples::visit(), u"state"_qs, u"returned"_qs);
        returned = samples::with(returned, u"return_reason"_qs, u"Add Sami's presentation."_qs);
        returned = samples::with(returned, u"submitted_at"_qs, u"2026-03-04T12:00:00Z"_qs);
        returned = samples::with(returned, u"reviewed_by"_qs, u"manager-1"_qs);
        returned = samples::with(returned, u"reviewed_at"_qs, u"2026-03-05T08:00:00Z"_qs);
        returned = samples::with(returned, u"children[0].seen"_qs, false);
        returned = samples::with(returned, u"children[0].not_seen_reason"_qs, u"At grandmother's"_qs);
        returned = samples::with(returned, u"children[0].safety_concern"_qs, true);
        returned = samples::with(returned, u"children[1].not_seen_alone_reason"_qs, u"unable_other"_qs);
        returned = samples::with(returned, u"children[1].not_seen_alone_detail"_qs, u"Interpreter did not arrive"_qs);
        QTest::addRow("returned visit, every card field") << returned;
        QTest::addRow("direct work other") << samples::with(samples::with(samples::directWork(), u"activity"_qs, u"other"_qs),
                                                            u"activity_detail"_qs, u"Cooking together"_qs);
        QTest::addRow("pre-assessment placement")
            << samples::with(samples::with(samples::lookedAfterChild(), u"placement.kind"_qs, u"with_parents_pre_assessment"_qs),
                             u"plan.visiting_frequency.unit"_qs, u"calendar_days"_qs);
        QTest::addRow("empty strings kept") << samples::with(samples::visit(), u"rationale"_qs, u""_qs);
    }

    void roundTrip()
    {
        QFETCH(QJsonObject, record);
        QVERIFY(wire::validateRecord(record).ok());
        const QString type = record.value(u"type").toString();
        if (type == u"child")
            checkRoundTrip<Child>(record);
        else if (type == u"visit")
            checkRoundTrip<Visit>(record);
        else if (type == u"direct_work")
            checkRoundTrip<DirectWork>(record);
        else if (type == u"review")
            checkRoundTrip<Review>(record);
        else if (type == u"supervision")
            checkRoundTrip<Supervision>(record);
        else
            QFAIL("unexpected type");
    }

    void typedValues()
    {
        const auto visit = Visit::fromJson(samples::visit());
        QVERIFY(visit.ok());
        QCOMPARE(visit->children.size(), 2);
        QCOMPARE(visit->children.at(1).seenAlone, std::optional<bool>(false));
        QCOMPARE(visit->children.at(1).notSeenAloneReason, std::optional(NotSeenAloneReason::InappropriateAgeUnderstanding));
        QCOMPARE(visit->children.at(0).bedroomSeen, std::optional<bool>(true));
        QCOMPARE(visit->endedAt, QDateTime(QDate(2026, 3, 4), QTime(11, 20, 0, 250), Qt::UTC));
        const auto tenths = Visit::fromJson(samples::with(samples::visit(), u"started_at"_qs, u"2026-03-04T10:15:00.5Z"_qs));
        QCOMPARE(tenths->startedAt, QDateTime(QDate(2026, 3, 4), QTime(10, 15, 0, 500), Qt::UTC));
        QCOMPARE(visit->visitType, std::optional(VisitType::StatutoryCp));
        QCOMPARE(visit->envelope.state, std::optional(WorkflowState::Draft));
        const auto child = Child::fromJson(samples::child());
        QVERIFY(child.ok());
        QCOMPARE(child->plan.visitingFrequency->every, 10);
        QCOMPARE(child->plan.visitingFrequency->unit, FrequencyUnit::WorkingDays);
        QCOMPARE(child->cpCategory, std::optional(CpCategory::Neglect));
        const auto la = Child::fromJson(samples::lookedAfterChild());
        QVERIFY(la.ok());
        QCOMPARE(la->placement->kind, std::optional(PlacementKind::LongTermUntil18));
        // Unanswered stays unanswered: tri-state, not false.
        const auto draft = Visit::fromJson(samples::with(samples::visit(), u"children[0].seen"_qs, QJsonValue::Null));
        QVERIFY(draft.ok());
        QVERIFY(!draft->children.at(0).seen.has_value());
        QVERIFY(!draft->children.at(0).toJson().contains(u"seen"));
    }

    void parts()
    {
        using samples::parse;
        const QJsonObject frequency = parse(R"({"every": 5, "unit": "calendar_days"})");
        QCOMPARE(VisitFrequency::fromJson(frequency)->toJson(), frequency);
        QCOMPARE(VisitFrequency::fromJson(parse(R"({"every": 5})")).error().field, u"unit"_qs);
        const QJsonObject action = parse(R"({"id": "a0000000-0000-4000-8000-000000000001", "what": "w", "owner": "o",
                                             "due": "2026-03-01", "status": "done", "priority": 2})");
        QCOMPARE(Action::fromJson(action, true)->toJson(), action);
        QCOMPARE(Action::fromJson(action, true)->priority, std::optional<int>(2));
        QCOMPARE(Action::fromJson(action).error().field, u"priority"_qs);
        const QJsonObject plan = samples::child().value(u"plan").toObject();
        QCOMPARE(Plan::fromJson(plan)->toJson(), plan);
        QCOMPARE(Plan::fromJson(samples::with(plan, u"actions[0].due"_qs, u"2026-02-30"_qs)).error().field, u"actions[0].due"_qs);
        QVERIFY(Plan().isEmpty());
        const QJsonObject placement = samples::lookedAfterChild().value(u"placement").toObject();
        QCOMPARE(Placement::fromJson(placement)->toJson(), placement);
        const QJsonObject card = samples::visit().value(u"children").toArray().at(1).toObject();
        QCOMPARE(ChildOnVisit::fromJson(card)->toJson(), card);
        QCOMPARE(ChildOnVisit::fromJson(samples::without(card, u"child_id"_qs)).error().field, u"child_id"_qs);
        // A typed record refuses another type's JSON.
        QCOMPARE(Visit::fromJson(samples::child()).error().field, u"type"_qs);
    }

    void enumNames()
    {
        QCOMPARE(wireNames<NotSeenAloneReason>(),
                 QStringList({u"child_refused"_qs, u"inappropriate_age_understanding"_qs, u"unable_parent_refused"_qs,
                              u"unable_child_not_home"_qs, u"unable_other"_qs}));
        QCOMPARE(wireNames<LegalStatus>(), QStringList({u"early_help"_qs, u"child_in_need"_qs, u"child_protection"_qs,
                                                        u"looked_after"_qs, u"care_leaver"_qs}));
        QCOMPARE(wireNames<PlacementKind>(), QStringList({u"standard"_qs, u"long_term_until_18"_qs,
                                                          u"with_parents_pre_assessment"_qs, u"temporary_connected_person"_qs}));
        QCOMPARE(recordTypeName(RecordType::DirectWork), u"direct_work"_qs);
        QCOMPARE(recordTypeFromName(u"supervision"), std::optional(RecordType::Supervision));
        QVERIFY(!recordTypeFromName(u"Visit").has_value());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("field");
        using namespace samples;
        auto row = [](const char *name, const QJsonObject &o, const QString &field) {
            QTest::addRow("%s", name) << wire::encode(o) << field;
        };
        QTest::addRow("malformed json") << QByteArray(R"({"schema": 1, "type": )") << QString();
        QTest::addRow("trailing garbage") << QByteArray(R"({"schema": 1} x)") << QString();
        QTest::addRow("not an object") << QByteArray("[1, 2]") << QString();
        QTest::addRow("empty") << QByteArray() << QString();
        // wrong JSON types
        row("first_name number", with(child(), u"first_name"_qs, 5), u"first_name"_qs);
        row("seen_alone string", with(visit(), u"children[1].seen_alone"_qs, u"yes"_qs), u"children[1].seen_alone"_qs);
        row("every string", with(child(), u"plan.visiting_frequency.every"_qs, u"10"_qs), u"plan.visiting_frequency.every"_qs);
        row("interpreter_needed string", with(child(), u"interpreter_needed"_qs, u"true"_qs), u"interpreter_needed"_qs);
        row("children object", with(visit(), u"children"_qs, QJsonObject()), u"children"_qs);
        row("card not object", with(visit(), u"children[0]"_qs, 5), u"children[0]"_qs);
        row("plan array", with(child(), u"plan"_qs, QJsonArray()), u"plan"_qs);
        row("schema string", with(child(), u"schema"_qs, u"1"_qs), u"schema"_qs);
        row("child_ids string", with(directWork(), u"child_ids"_qs, kChildA), u"child_ids"_qs);
        row("seen_rev fraction", with(review(), u"seen_rev"_qs, 1.5), u"seen_rev"_qs);
        // unknown type, field, enum value
        row("unknown type", with(visit(), u"type"_qs, u"meeting"_qs), u"type"_qs);
        row("type number", with(visit(), u"type"_qs, 3), u"type"_qs);
        row("unknown field", with(visit(), u"colour"_qs, u"red"_qs), u"colour"_qs);
        row("unknown nested field", with(visit(), u"children[1].mood"_qs, u"happy"_qs), u"children[1].mood"_qs);
        row("unknown plan field", with(child(), u"plan.budget"_qs, 5), u"plan.budget"_qs);
        row("unknown action field", with(visit(), u"actions[0].cost"_qs, 5), u"actions[0].cost"_qs);
        row("state on child", with(child(), u"state"_qs, u"draft"_qs), u"state"_qs);
        row("unknown legal status", with(child(), u"legal_status"_qs, u"adopted"_qs), u"legal_status"_qs);
        row("unknown reason", with(visit(), u"children[1].not_seen_alone_reason"_qs, u"busy"_qs), u"children[1].not_seen_alone_reason"_qs);
        row("unknown state", with(visit(), u"state"_qs, u"deleted"_qs), u"state"_qs);
        row("unknown unit", with(child(), u"plan.visiting_frequency.unit"_qs, u"weeks"_qs), u"plan.visiting_frequency.unit"_qs);
        row("unknown placement kind", with(lookedAfterChild(), u"placement.kind"_qs, u"foster"_qs), u"placement.kind"_qs);
        row("unknown activity", with(directWork(), u"activity"_qs, u"football"_qs), u"activity"_qs);
        row("unknown decision", with(review(), u"decision"_qs, u"maybe"_qs), u"decision"_qs);
        // missing required
        row("missing schema", without(visit(), u"schema"_qs), u"schema"_qs);
        row("missing type", without(visit(), u"type"_qs), u"type"_qs);
        row("missing id", without(visit(), u"id"_qs), u"id"_qs);
        row("missing first_name", without(child(), u"first_name"_qs), u"first_name"_qs);
        row("null first_name", with(child(), u"first_name"_qs, QJsonValue::Null), u"first_name"_qs);
        row("missing last_name", without(child(), u"last_name"_qs), u"last_name"_qs);
        row("missing date_of_birth", without(child(), u"date_of_birth"_qs), u"date_of_birth"_qs);
        row("missing legal_status", without(child(), u"legal_status"_qs), u"legal_status"_qs);
        row("missing child_id", without(visit(), u"children[1].child_id"_qs), u"children[1].child_id"_qs);
        row("missing action id", without(visit(), u"actions[0].id"_qs), u"actions[0].id"_qs);
        row("missing plan action id", without(child(), u"plan.actions[0].id"_qs), u"plan.actions[0].id"_qs);
        row("missing frequency every", without(child(), u"plan.visiting_frequency.every"_qs), u"plan.visiting_frequency.every"_qs);
        // impossible dates and times
        row("30 February", with(child(), u"date_of_birth"_qs, u"2026-02-30"_qs), u"date_of_birth"_qs);
        row("29 February non-leap", with(lookedAfterChild(), u"placement.start"_qs, u"2026-02-29"_qs), u"placement.start"_qs);
        row("month 13", with(child(), u"date_of_birth"_qs, u"2025-13-01"_qs), u"date_of_birth"_qs);
        row("short date", with(directWork(), u"session_date"_qs, u"2026-3-5"_qs), u"session_date"_qs);
        row("date with time", with(directWork(), u"session_date"_qs, u"2026-03-05T10:00:00Z"_qs), u"session_date"_qs);
        row("due 31 April", with(visit(), u"actions[0].due"_qs, u"2026-04-31"_qs), u"actions[0].due"_qs);
        row("hour 25", with(visit(), u"started_at"_qs, u"2026-03-04T25:00:00Z"_qs), u"started_at"_qs);
        row("no zone", with(visit(), u"started_at"_qs, u"2026-03-04T10:15:00"_qs), u"started_at"_qs);
        row("datetime impossible day", with(visit(), u"ended_at"_qs, u"2026-02-30T10:15:00Z"_qs), u"ended_at"_qs);
        row("fraction too long", with(visit(), u"started_at"_qs, u"2026-03-04T10:15:00.1234Z"_qs), u"started_at"_qs);
        row("empty fraction", with(visit(), u"started_at"_qs, u"2026-03-04T10:15:00.Z"_qs), u"started_at"_qs);
        row("second 60", with(visit(), u"started_at"_qs, u"2026-03-04T10:15:60Z"_qs), u"started_at"_qs);
        row("lowercase z", with(visit(), u"started_at"_qs, u"2026-03-04T10:15:00z"_qs), u"started_at"_qs);
        row("space separator", with(visit(), u"started_at"_qs, u"2026-03-04 10:15:00Z"_qs), u"started_at"_qs);
        row("offset", with(visit(), u"started_at"_qs, u"2026-03-04T10:15:00+00:00"_qs), u"started_at"_qs);
        row("signed digits", with(visit(), u"started_at"_qs, u"2026-03-04T+1:15:00Z"_qs), u"started_at"_qs);
        row("arabic-indic digits", with(child(), u"date_of_birth"_qs, u"٢٠١٦-07-14"_qs), u"date_of_birth"_qs);
        row("year zero", with(child(), u"date_of_birth"_qs, u"0000-01-01"_qs), u"date_of_birth"_qs);
        row("datetime as date", with(visit(), u"submitted_at"_qs, u"2026-03-04"_qs), u"submitted_at"_qs);
        // bad UUIDs
        row("uppercase id", with(visit(), u"id"_qs, kRecord.toUpper()), u"id"_qs);
        row("short id", with(visit(), u"id"_qs, u"abc"_qs), u"id"_qs);
        row("braced id", with(visit(), u"id"_qs, u"{"_qs + kRecord + u"}"_qs), u"id"_qs);
        row("bad child_id", with(visit(), u"children[0].child_id"_qs, u"0b1f6c2e5a4d4c1b9e1f2a3b4c5d6e70"_qs), u"children[0].child_id"_qs);
        row("bad child_ids entry", with(directWork(), u"child_ids"_qs, QJsonArray({kChildA, u"x"_qs})), u"child_ids[1]"_qs);
        row("bad amends", with(visit(), u"amends"_qs, u"not-a-uuid"_qs), u"amends"_qs);
        row("bad record_id", with(review(), u"record_id"_qs, u"g0000000-0000-4000-8000-000000000001"_qs), u"record_id"_qs);
        // out of range
        row("every 0", with(child(), u"plan.visiting_frequency.every"_qs, 0), u"plan.visiting_frequency.every"_qs);
        row("every 366", with(child(), u"plan.visiting_frequency.every"_qs, 366), u"plan.visiting_frequency.every"_qs);
        row("every 1.5", with(child(), u"plan.visiting_frequency.every"_qs, 1.5), u"plan.visiting_frequency.every"_qs);
        row("priority 4", with(supervision(), u"actions[0].priority"_qs, 4), u"actions[0].priority"_qs);
        row("priority 0", with(supervision(), u"actions[0].priority"_qs, 0), u"actions[0].priority"_qs);
        row("priority on visit", with(visit(), u"actions[0].priority"_qs, 1), u"actions[0].priority"_qs);
        row("schema 0", with(visit(), u"schema"_qs, 0), u"schema"_qs);
        row("seen_rev negative", with(review(), u"seen_rev"_qs, -1), u"seen_rev"_qs);
        // schema too new
        row("schema too new", with(visit(), u"schema"_qs, wire::kSchemaVersion + 1), u"schema"_qs);
        row("schema too new, unknown type", with(with(visit(), u"schema"_qs, wire::kSchemaVersion + 1), u"type"_qs, u"meeting"_qs), u"schema"_qs);
        // limits
        row("string too long", with(visit(), u"rationale"_qs, QString(100001, u'x')), u"rationale"_qs);
        row("nested string too long", with(visit(), u"children[0].child_views"_qs, QString(100001, u'x')), u"children[0].child_views"_qs);
        QJsonArray actions;
        for (int i = 0; i < 201; ++i)
            actions.append(QJsonObject{{u"id"_qs, kAction1}});
        row("too many actions", with(visit(), u"actions"_qs, actions), u"actions"_qs);
        QJsonArray ids;
        for (int i = 0; i < 201; ++i)
            ids.append(kChildA);
        row("too many child_ids", with(directWork(), u"child_ids"_qs, ids), u"child_ids"_qs);
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, field);
        const auto decoded = wire::decodeRecord(bytes);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::InvalidInput);
        QCOMPARE(decoded.error().field, field);
        QVERIFY(!decoded.error().message.isEmpty());
        if (!field.isEmpty()) // the message names the field a person has to fix
            QVERIFY2(decoded.error().message.contains(field) || field == u"schema", qPrintable(decoded.error().message));
    }

    void limitsAccepted_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addRow("100000 characters") << samples::with(samples::visit(), u"rationale"_qs, QString(100000, u'x'));
        QJsonArray cards;
        for (int i = 0; i < 200; ++i)
            cards.append(QJsonObject{{u"child_id"_qs, samples::kChildA}});
        QTest::addRow("200 children") << samples::with(samples::visit(), u"children"_qs, cards);
        QTest::addRow("every 1") << samples::with(samples::child(), u"plan.visiting_frequency.every"_qs, 1);
        QTest::addRow("every 365") << samples::with(samples::child(), u"plan.visiting_frequency.every"_qs, 365);
        QTest::addRow("every 10.0") << samples::with(samples::child(), u"plan.visiting_frequency.every"_qs, 10.0);
        QTest::addRow("leap day") << samples::with(samples::child(), u"date_of_birth"_qs, u"2024-02-29"_qs);
        QTest::addRow("nulls clear") << samples::with(samples::with(samples::visit(), u"submitted_at"_qs, QJsonValue::Null),
                                                      u"children[0].seen"_qs, QJsonValue::Null);
        QTest::addRow("null placement") << samples::with(samples::child(), u"placement"_qs, QJsonValue::Null);
        QTest::addRow("tenths of a second") << samples::with(samples::visit(), u"started_at"_qs, u"2026-03-04T10:15:00.5Z"_qs);
        QTest::addRow("milliseconds") << samples::with(samples::visit(), u"started_at"_qs, u"2026-03-04T10:15:00.123Z"_qs);
        QTest::addRow("unicode names") << samples::with(samples::child(), u"first_name"_qs, u"Zoë Łucja 王"_qs);
    }

    void limitsAccepted()
    {
        QFETCH(QJsonObject, record);
        const auto valid = wire::validateRecord(record);
        QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().field + u": "_qs + valid.error().message));
    }

    void schemaTooNewMessage()
    {
        const auto r = wire::validateRecord(samples::with(samples::visit(), u"schema"_qs, wire::kSchemaVersion + 1));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(u"newer version"));
    }

    void patch_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("field"); // empty: valid
        using samples::parse;
        QTest::addRow("one field") << u"visit"_qs << parse(R"({"rationale": "Because."})") << QString();
        QTest::addRow("clear optional") << u"visit"_qs << parse(R"({"rationale": null, "ended_at": null})") << QString();
        QTest::addRow("whole cards") << u"visit"_qs << QJsonObject{{u"children"_qs, samples::visit().value(u"children")}} << QString();
        QTest::addRow("empty") << u"child"_qs << QJsonObject() << QString();
        QTest::addRow("state submitted") << u"visit"_qs << parse(R"({"state": "submitted", "submitted_at": "2026-03-04T12:00:00Z"})") << QString();
        QTest::addRow("plan") << u"child"_qs << parse(R"({"plan": {"visiting_frequency": {"every": 5, "unit": "calendar_days"}}})") << QString();
        QTest::addRow("id") << u"visit"_qs << QJsonObject{{u"id"_qs, samples::kRecord}} << u"id"_qs;
        QTest::addRow("type") << u"visit"_qs << parse(R"({"type": "visit"})") << u"type"_qs;
        QTest::addRow("schema") << u"visit"_qs << parse(R"({"schema": 1})") << u"schema"_qs;
        QTest::addRow("clear required") << u"child"_qs << parse(R"({"first_name": null})") << u"first_name"_qs;
        QTest::addRow("clear dob") << u"child"_qs << parse(R"({"date_of_birth": null})") << u"date_of_birth"_qs;
        QTest::addRow("unknown field") << u"visit"_qs << parse(R"({"colour": "red"})") << u"colour"_qs;
        QTest::addRow("field of other type") << u"visit"_qs << parse(R"({"first_name": "A"})") << u"first_name"_qs;
        QTest::addRow("state on child") << u"child"_qs << parse(R"({"state": "draft"})") << u"state"_qs;
        QTest::addRow("wrong type") << u"visit"_qs << parse(R"({"announced": "yes"})") << u"announced"_qs;
        QTest::addRow("nested checked fully") << u"child"_qs
                                            << parse(R"({"plan": {"visiting_frequency": {"every": 0, "unit": "working_days"}}})")
                                            << u"plan.visiting_frequency.every"_qs;
        QTest::addRow("nested required") << u"visit"_qs << parse(R"({"children": [{"seen": true}]})") << u"children[0].child_id"_qs;
        QTest::addRow("impossible date") << u"supervision"_qs << parse(R"({"held_on": "2026-02-30"})") << u"held_on"_qs;
    }

    void patch()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, patch);
        QFETCH(QString, field);
        const auto result = wire::validatePatch(*recordTypeFromName(type), patch);
        if (field.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().field + u": "_qs + result.error().message));
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, ErrorCode::InvalidInput);
            QCOMPARE(result.error().field, field);
        }
    }

    // A reader of an older schema is sent each record as it can store it: the fields later
    // versions added are left out, and what is left is valid for it. Current readers get it whole.
    void recordsForOlderReaders()
    {
        const QJsonObject child = samples::child();
        QCOMPARE(child.value(u"schema").toInt(), 2);
        QVERIFY(child.contains(u"visiting_frequency_reason"));
        QVERIFY(wire::validateRecord(child).ok());
        QVERIFY(!wire::needsDowngrade(child, wire::kSchemaVersion));
        QCOMPARE(wire::forReader(child, wire::kSchemaVersion), child);

        QVERIFY(wire::needsDowngrade(child, 1));
        const QJsonObject forOne = wire::forReader(child, 1);
        QVERIFY(!forOne.contains(u"visiting_frequency_reason"));
        QCOMPARE(forOne.value(u"schema").toInt(), 1);
        QVERIFY(!forOne.contains(u"allocations"));
        QJsonObject expected = child;
        expected.remove(u"visiting_frequency_reason"_qs);
        expected.remove(u"allocations"_qs);
        expected.insert(u"schema"_qs, 1);
        QCOMPARE(forOne, expected);

        // A schema 1 record given the new field by a newer tablet's edit is downgraded too; one
        // without it, and records of other types, are sent as they are.
        QJsonObject edited = samples::with(child, u"schema"_qs, 1);
        QVERIFY(wire::needsDowngrade(edited, 1));
        QCOMPARE(wire::forReader(edited, 1), expected);
        QVERIFY(!wire::needsDowngrade(expected, 1));
        const QJsonObject visit = samples::visit();
        QVERIFY(!wire::needsDowngrade(visit, 1));
        // A visit written by this version says schema 2 and has nothing only schema 2 knows.
        const QJsonObject newVisit = samples::with(visit, u"schema"_qs, 2);
        QCOMPARE(wire::forReader(newVisit, 1), visit);

        // Schema 3 named the teams in a move across teams, inside the service-owned `allocations`:
        // a schema 2 reader is sent each entry without them and the rest as it was.
        QJsonArray moves = child.value(u"allocations").toArray();
        QJsonObject acrossTeams = moves.first().toObject();
        acrossTeams.insert(u"team_name"_qs, u"Demo South Team"_qs);
        acrossTeams.insert(u"previous_team_name"_qs, u"Demo North Team"_qs);
        moves.append(acrossTeams);
        const QJsonObject moved = samples::with(child, u"allocations"_qs, moves); // still schema 2: the service wrote the entry
        QVERIFY(wire::validateRecord(moved).ok());
        QVERIFY(!wire::needsDowngrade(moved, 3));
        QVERIFY(wire::needsDowngrade(moved, 2));
        QVERIFY(!wire::needsDowngrade(child, 2)); // no team names: nothing to leave out
        const QJsonObject forTwo = wire::forReader(moved, 2);
        const QJsonArray sentMoves = forTwo.value(u"allocations").toArray();
        QCOMPARE(sentMoves.size(), 2);
        QCOMPARE(sentMoves.at(1).toObject(), moves.first().toObject());
        QCOMPARE(samples::with(forTwo, u"allocations"_qs, child.value(u"allocations")), child);
        QCOMPARE(wire::forReader(moved, 1), expected);
    }

    void everyFieldIsPatchable_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addRow("child") << samples::lookedAfterChild();
        QTest::addRow("visit") << samples::visit();
        QTest::addRow("direct work") << samples::directWork();
        QTest::addRow("review") << samples::review();
        QTest::addRow("supervision") << samples::supervision();
    }

    void everyFieldIsPatchable()
    {
        // What a record may hold, a patch may carry, one field at a time (identity aside).
        QFETCH(QJsonObject, record);
        const RecordType type = *recordTypeFromName(record.value(u"type").toString());
        for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
            const QJsonObject patch{{it.key(), it.value()}};
            const auto r = wire::validatePatch(type, patch);
            QCOMPARE(r.ok(), !wire::identityFields().contains(it.key()));
        }
    }

    void clientPatch_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("field"); // empty: allowed
        QTest::addColumn<int>("code");
        using samples::parse;
        QTest::addRow("edit") << u"visit"_qs << parse(R"({"rationale": "x"})") << QString() << 0;
        QTest::addRow("submit") << u"visit"_qs << parse(R"({"state": "submitted"})") << QString() << 0;
        QTest::addRow("back to draft") << u"visit"_qs << parse(R"({"state": "draft"})") << QString() << 0;
        QTest::addRow("approve") << u"visit"_qs << parse(R"({"state": "approved"})") << u"state"_qs << int(ErrorCode::Forbidden);
        QTest::addRow("return") << u"direct_work"_qs << parse(R"({"state": "returned"})") << u"state"_qs << int(ErrorCode::Forbidden);
        QTest::addRow("return reason") << u"visit"_qs << parse(R"({"return_reason": "x"})") << u"return_reason"_qs << int(ErrorCode::Forbidden);
        QTest::addRow("reviewed_by") << u"visit"_qs << parse(R"({"reviewed_by": null})") << u"reviewed_by"_qs << int(ErrorCode::Forbidden);
        QTest::addRow("allocation history") << u"child"_qs << parse(R"({"allocations": []})") << u"allocations"_qs << int(ErrorCode::Forbidden);
        QTest::addRow("frequency reason") << u"child"_qs << parse(R"({"visiting_frequency_reason": "Weekly after the new referral."})") << QString() << 0;
        QTest::addRow("invalid first") << u"visit"_qs << parse(R"({"state": "gone"})") << u"state"_qs << int(ErrorCode::InvalidInput);
        QTest::addRow("identity") << u"visit"_qs << parse(R"({"id": "x"})") << u"id"_qs << int(ErrorCode::InvalidInput);
    }

    void clientPatch()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, patch);
        QFETCH(QString, field);
        QFETCH(int, code);
        const auto r = wire::validateClientPatch(*recordTypeFromName(type), patch);
        QCOMPARE(r.ok(), field.isEmpty());
        if (!r.ok()) {
            QCOMPARE(r.error().field, field);
            QCOMPARE(int(r.error().code), code);
        }
    }

    void typeOf()
    {
        QCOMPARE(wire::typeOf(samples::visit()), std::optional(RecordType::Visit));
        QCOMPARE(wire::typeOf(samples::parse(R"({"type": 1})")), std::nullopt);
        QCOMPARE(wire::typeOf(QJsonObject()), std::nullopt);
    }

    void childIds()
    {
        QCOMPARE(wire::childIdsOf(samples::child()), QStringList{samples::kChildA});
        QCOMPARE(wire::childIdsOf(samples::visit()), QStringList({samples::kChildA, samples::kChildB}));
        QCOMPARE(wire::childIdsOf(samples::directWork()), QStringList{samples::kChildA});
        QCOMPARE(wire::childIdsOf(samples::supervision()), QStringList{samples::kChildA});
        QCOMPARE(wire::childIdsOf(samples::review()), QStringList());
    }

    void searchText()
    {
        const QString child = wire::searchTextOf(samples::child());
        QVERIFY(child.contains(u"Amira") && child.contains(u"Hassan") && child.contains(u"Mira"));
        QVERIFY(!child.contains(u"Example Street")); // names only
        const QString visit = wire::searchTextOf(samples::visit());
        QVERIFY(visit.contains(u"new bed"));
        QVERIFY(visit.contains(u"Kitchen still cluttered"));
        QVERIFY(visit.contains(u"GP appointment"));
        QVERIFY(wire::searchTextOf(samples::directWork()).contains(u"worry house"));
        QVERIFY(wire::searchTextOf(samples::supervision()).contains(u"core group"));
    }

    void titles_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QString>("title");
        QTest::addRow("child") << samples::child() << u"Mira Hassan"_qs;
        QTest::addRow("cp visit") << samples::visit() << u"Child protection visit, 4 Mar 2026"_qs;
        QTest::addRow("home visit") << samples::with(samples::visit(), u"visit_type"_qs, u"other"_qs) << u"Home visit, 4 Mar 2026"_qs;
        QTest::addRow("direct work") << samples::directWork() << u"Direct work: wishes and feelings, 5 Mar 2026"_qs;
        QTest::addRow("review") << samples::review() << u"Returned by manager, 6 Mar 2026"_qs;
        QTest::addRow("amended supervision") << samples::supervision() << u"Amendment: Supervision, 7 Mar 2026"_qs;
    }

    void titles()
    {
        QFETCH(QJsonObject, record);
        QFETCH(QString, title);
        QCOMPARE(wire::titleOf(record), title);
    }

    void childNames()
    {
        const QJsonObject amira = samples::child(); // Amira Hassan, known as Mira
        QCOMPARE(wire::childKnownAs(amira), u"Mira Hassan"_qs);
        QCOMPARE(wire::childFullName(amira), u"Amira (Mira) Hassan"_qs);
        QJsonObject plain = amira;
        plain.remove(u"preferred_name"_qs);
        QCOMPARE(wire::childKnownAs(plain), u"Amira Hassan"_qs);
        QCOMPARE(wire::childFullName(plain), u"Amira Hassan"_qs);
        plain.insert(u"preferred_name"_qs, u"Amira"_qs); // the same as the first name: said once
        QCOMPARE(wire::childFullName(plain), u"Amira Hassan"_qs);
        QCOMPARE(wire::childKnownAs(QJsonObject{{u"last_name"_qs, u"Hassan"_qs}}), u"Hassan"_qs);
    }

    void eventTimes()
    {
        QCOMPARE(wire::eventTimeOf(samples::visit()), QDateTime(QDate(2026, 3, 4), QTime(10, 15), Qt::UTC));
        QCOMPARE(wire::eventTimeOf(samples::directWork()), QDateTime(QDate(2026, 3, 5), QTime(0, 0), Qt::UTC));
        QCOMPARE(wire::eventTimeOf(samples::supervision()), QDateTime(QDate(2026, 3, 7), QTime(0, 0), Qt::UTC));
        QCOMPARE(wire::eventTimeOf(samples::child()), QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
        // A draft visit with no start yet sorts by when it was created.
        QCOMPARE(wire::eventTimeOf(samples::without(samples::visit(), u"started_at"_qs)),
                 QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC));
    }

    void uuids()
    {
        QSet<QString> seen;
        for (int i = 0; i < 100; ++i) {
            const QString id = wire::newUuid();
            QVERIFY2(wire::isValidUuid(id), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 100);
        QVERIFY(wire::isValidUuid(samples::kRecord));
        QVERIFY(!wire::isValidUuid(samples::kRecord.toUpper()));
        QVERIFY(!wire::isValidUuid(samples::kRecord.left(35)));
        QVERIFY(!wire::isValidUuid(u"7d3e0f4a-1b2c-4d5e-8f90_a1b2c3d4e5f6"));
        QVERIFY(!wire::isValidUuid(QString()));
    }

    void fieldLists()
    {
        QCOMPARE(wire::identityFields(), QStringList({u"id"_qs, u"type"_qs, u"schema"_qs}));
        QVERIFY(wire::serviceOwnedFields().contains(u"return_reason"_qs));
        QVERIFY(wire::serviceOwnedFields().contains(u"reviewed_by"_qs));
        QVERIFY(wire::serviceOwnedFields().contains(u"reviewed_at"_qs));
        QVERIFY(wire::serviceOwnedFields().contains(u"allocations"_qs));
        QVERIFY(!wire::serviceOwnedFields().contains(u"rationale"_qs));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
