// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The visits CSV (core/exports.h): Annex A columns, one row per child of the team, values
// worked out by hand, RFC 4180 quoting, the formula-injection guard and DD/MM/YYYY dates.
//
// Children of team T: P "Zoë" "Smith, Jr" (child protection, w1), Q "=cmd|' /C calc'!A0" 'Quote "Q"'
// (child in need, w2), R "Ruth" "Brown" (early help, w1, no visits); S is in team U (left out).
// Visits:
//   P: statutory_cp Mon 02/03 seen alone; other Sat 14/03 seen; statutory_cp draft Thu 12/03 seen,
//      seen_alone not recorded → last seen 14/03, last statutory 12/03 "Not recorded", last visit 14/03.
//   Q: statutory_cin Fri 20/02 seen alone; statutory_cin Thu 05/03 not seen (so not seen alone: "No");
//      other 01/04 23:30Z = 02/04 00:30 in London (BST) seen → last seen 02/04, statutory 05/03 "No",
//      last visit 02/04.
//   R: none → empty dates and an empty seen-alone cell.
// Sorted by name (C locale): "=cmd…" (Q), "Ruth Brown" (R), "Zoë Smith, Jr" (P).
#include "core/exports.h"
#include "core/wire.h"

#include "samples.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace doorstep;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

const QString kP = S("c0000000-0000-4000-8000-0000000000a1");
const QString kQ = S("c0000000-0000-4000-8000-0000000000a2");
const QString kR = S("c0000000-0000-4000-8000-0000000000a3");
const QString kS = S("c0000000-0000-4000-8000-0000000000a4");

QJsonObject child(const QString &id, const char *first, const char *last, const char *status, const char *worker, const char *team)
{
    QJsonObject c = samples::child();
    c.insert(S("id"), id);
    c.insert(S("first_name"), S(first));
    c.insert(S("last_name"), S(last));
    c.insert(S("legal_status"), S(status));
    c.insert(S("allocated_worker"), S(worker));
    c.insert(S("team"), S(team));
    if (QLatin1String(status) != QLatin1String("child_protection"))
        c.remove(S("cp_category"));
    return c;
}

int visitNo = 0;

QJsonObject visit(const char *type, const char *state, const char *started, const QJsonObject &card)
{
    ++visitNo;
    return {{S("schema"), 1},
            {S("type"), S("visit")},
            {S("id"), S("d0000000-0000-4000-8000-0000000001%1").arg(visitNo, 2, 10, QLatin1Char('0'))},
            {S("state"), S(state)},
            {S("author"), S("w1")},
            {S("created_at"), S(started)},
            {S("started_at"), S(started)},
            {S("visit_type"), S(type)},
            {S("children"), QJsonArray{card}}};
}

QJsonObject card(const QString &childId, bool seen, QJsonValue alone)
{
    return {{S("child_id"), childId}, {S("seen"), seen}, {S("seen_alone"), alone}, {S("safety_concern"), false}};
}

QList<QJsonObject> fixture()
{
    visitNo = 0;
    return {child(kP, "Zoë", "Smith, Jr", "child_protection", "w1", "T"),
            child(kQ, "=cmd|' /C calc'!A0", "Quote \"Q\"", "child_in_need", "w2", "T"),
            child(kR, "Ruth", "Brown", "early_help", "w1", "T"),
            child(kS, "Sam", "Other", "child_in_need", "w9", "U"),
            visit("statutory_cp", "approved", "2026-03-02T10:00:00Z", card(kP, true, true)),
            visit("other", "submitted", "2026-03-14T10:00:00Z", card(kP, true, false)),
            visit("statutory_cp", "draft", "2026-03-12T10:00:00Z", card(kP, true, QJsonValue())),
            visit("statutory_cin", "approved", "2026-02-20T10:00:00Z", card(kQ, true, true)),
            visit("statutory_cin", "submitted", "2026-03-05T10:00:00Z", card(kQ, false, QJsonValue())),
            visit("other", "submitted", "2026-04-01T23:30:00Z", card(kQ, true, true)),
            visit("statutory_cin", "approved", "2026-03-05T10:00:00Z", card(kS, true, true))};
}

} // namespace

/** The Annex A visits CSV. */
class TestExports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtureIsValid();
    void csvCell_data();
    void csvCell();
    void header();
    void rows();
    void wholeFile();
    void teamScope();
    void correctionStandsInForTheVisit();
};

void TestExports::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExports::fixtureIsValid()
{
    for (const QJsonObject &r : fixture()) {
        const auto v = wire::validateRecord(r);
        QVERIFY2(v.ok(), qPrintable(r.value(S("id")).toString() + S(": ") + (v.ok() ? QString() : v.error().field + S(" ") + v.error().message)));
    }
}

void TestExports::csvCell_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");
    QTest::addRow("plain") << S("Ruth Brown") << S("Ruth Brown");
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("comma") << S("Smith, Jr") << S("\"Smith, Jr\"");
    QTest::addRow("quote") << S("say \"hi\"") << S("\"say \"\"hi\"\"\"");
    QTest::addRow("newline") << S("two\nlines") << S("\"two\nlines\"");
    QTest::addRow("carriage return") << S("a\rb") << S("\"a\rb\"");
    QTest::addRow("equals") << S("=1+1") << S("'=1+1");
    QTest::addRow("plus") << S("+441234") << S("'+441234");
    QTest::addRow("minus") << S("-2") << S("'-2");
    QTest::addRow("at") << S("@SUM(A1)") << S("'@SUM(A1)");
    QTest::addRow("tab") << S("\t=1") << S("'\t=1");
    QTest::addRow("guard then quote") << S("=HYPERLINK(\"x\",\"y\")") << S("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    QTest::addRow("inner equals is fine") << S("a=b") << S("a=b");
    QTest::addRow("date") << S("02/04/2026") << S("02/04/2026");
}

void TestExports::csvCell()
{
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(VisitsExport::csvCell(value), cell);
}

void TestExports::header()
{
    QCOMPARE(VisitsExport::header(), (QStringList{S("Child ID"), S("Name"), S("Legal status"), S("Allocated worker"),
                                                  S("Date child was last seen"), S("Date of last statutory visit"),
                                                  S("Was the child seen alone?"), S("Date of last social work visit")}));
}

void TestExports::rows()
{
    const QList<VisitExportRow> rows = VisitsExport::rows(fixture(), S("T"), {{S("w1"), S("Alex Worker")}});
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].childId, kQ);
    QCOMPARE(rows[1].childId, kR);
    QCOMPARE(rows[2].childId, kP);

    const VisitExportRow &p = rows[2];
    QCOMPARE(p.name, S("Zoë Smith, Jr"));
    QCOMPARE(p.legalStatus, S("child_protection"));
    QCOMPARE(p.allocatedWorker, S("Alex Worker"));
    QCOMPARE(p.lastSeen, QDate(2026, 3, 14));
    QCOMPARE(p.lastStatutoryVisit, QDate(2026, 3, 12)); // the draft: the visit happened
    QVERIFY(!p.seenAloneOnLastStatutoryVisit.has_value());
    QCOMPARE(p.lastSocialWorkVisit, QDate(2026, 3, 14));

    const VisitExportRow &q = rows[0];
    QCOMPARE(q.allocatedWorker, S("w2")); // no display name known: the id
    QCOMPARE(q.lastSeen, QDate(2026, 4, 2)); // 23:30Z on 1 April is 00:30 on 2 April in London
    QCOMPARE(q.lastStatutoryVisit, QDate(2026, 3, 5));
    QCOMPARE(q.seenAloneOnLastStatutoryVisit, std::optional<bool>(false)); // not seen, so not seen alone
    QCOMPARE(q.lastSocialWorkVisit, QDate(2026, 4, 2));

    const VisitExportRow &r = rows[1];
    QVERIFY(!r.lastSeen.isValid() && !r.lastStatutoryVisit.isValid() && !r.lastSocialWorkVisit.isValid());
}

void TestExports::wholeFile()
{
    const QByteArray csv = VisitsExport::toCsv(VisitsExport::rows(fixture(), S("T"), {{S("w1"), S("Alex Worker")}}));
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QString expected =
        S("Child ID,Name,Legal status,Allocated worker,Date child was last seen,Date of last statutory visit,"
          "Was the child seen alone?,Date of last social work visit\r\n")
        + kQ + S(",\"'=cmd|' /C calc'!A0 Quote \"\"Q\"\"\",Child in need,w2,02/04/2026,05/03/2026,No,02/04/2026\r\n")
        + kR + S(",Ruth Brown,Early help,Alex Worker,,,,\r\n")
        + kP + S(",\"Zoë Smith, Jr\",Child protection,Alex Worker,14/03/2026,12/03/2026,Not recorded,14/03/2026\r\n");
    QCOMPARE(QString::fromUtf8(csv.mid(3)), expected);
}

void TestExports::correctionStandsInForTheVisit()
{
    // Q's last statutory visit (5 March, not seen) is corrected: it was on 4 March and Q was seen
    // alone. The CSV answers from the correction alone, not from whichever of the two comes first.
    QList<QJsonObject> records = fixture();
    QJsonObject correction = visit("statutory_cin", "approved", "2026-03-04T10:00:00Z", card(kQ, true, true));
    correction.insert(S("amends"), S("d0000000-0000-4000-8000-000000000105"));
    QVERIFY(wire::validateRecord(correction).ok());
    records << correction;
    const QList<VisitExportRow> rows = VisitsExport::rows(records, S("T"));
    const VisitExportRow &q = rows[0];
    QCOMPARE(q.childId, kQ);
    QCOMPARE(q.lastStatutoryVisit, QDate(2026, 3, 4));
    QCOMPARE(q.seenAloneOnLastStatutoryVisit, std::optional<bool>(true));
    QCOMPARE(q.lastSeen, QDate(2026, 4, 2)); // other visits still count
}

void TestExports::teamScope()
{
    QCOMPARE(VisitsExport::rows(fixture(), S("U")).size(), 1);
    QCOMPARE(VisitsExport::rows(fixture(), S("U")).first().lastStatutoryVisit, QDate(2026, 3, 5));
    QCOMPARE(VisitsExport::rows(fixture(), QString()).size(), 4);
    QVERIFY(VisitsExport::rows(fixture(), S("nobody")).isEmpty());
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
