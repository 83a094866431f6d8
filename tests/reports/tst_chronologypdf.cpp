// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
// The chronology PDF (reports/chronologypdf.h) rendered under the offscreen platform, read back
// with poppler-utils: it is a PDF, has the pages expected and carries the text expected.
#include "reports/chronologypdf.h"
#include "core/wire.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

const QString kChild = S("c0000000-0000-4000-8000-0000000000b1");
const QString kOther = S("c0000000-0000-4000-8000-0000000000b2");

QJsonObject child()
{
    return {{S("schema"), 1}, {S("type"), S("child")}, {S("id"), kChild}, {S("created_at"), S("2026-01-05T09:00:00Z")},
            {S("first_name"), S("Amira")}, {S("last_name"), S("Hassan")}, {S("date_of_birth"), S("2016-07-14")},
            {S("legal_status"), S("child_protection")}, {S("allocated_worker"), S("w1")}, {S("team"), S("T")}};
}

QString id(int prefix, int n)
{
    return S("%1-0000-4000-8000-%2").arg(prefix, 8, 10, QLatin1Char('0')).arg(n, 12, 10, QLatin1Char('0'));
}

// Visit n: 10:00 on day n after 1 January 2026; every fifth child not seen alone.
QJsonObject visit(int n, const QString &childId = kChild)
{
    const QString day = QDate(2026, 1, 1).addDays(n).toString(Qt::ISODate);
    QJsonObject card{{S("child_id"), childId}, {S("seen"), true}, {S("seen_alone"), n % 5 != 0}, {S("safety_concern"), false},
                     {S("child_views"), S("Views at visit %1: I like football & <drawing>.").arg(n)}};
    if (n % 5 == 0)
        card.insert(S("not_seen_alone_reason"), S("unable_parent_refused"));
    return {{S("schema"), 1}, {S("type"), S("visit")}, {S("id"), id(10, n)}, {S("state"), S("approved")},
            {S("author"), S("w1")}, {S("created_at"), day + S("T10:00:00Z")}, {S("started_at"), day + S("T10:00:00Z")},
            {S("submitted_at"), day + S("T15:00:00Z")}, {S("visit_type"), S("statutory_cp")},
            {S("rationale"), S("Rationale %1: statutory visit to check home conditions and hear Amira's wishes and feelings "
                               "about contact, school and her bedroom, as agreed at the core group.").arg(n)},
            {S("children"), QJsonArray{card}}};
}

QJsonObject review(int n)
{
    const QString at = QDate(2026, 1, 1).addDays(n + 1).toString(Qt::ISODate) + S("T09:00:00Z");
    return {{S("schema"), 1}, {S("type"), S("review")}, {S("id"), id(20, n)}, {S("created_at"), at},
            {S("record_id"), id(10, n)}, {S("decision"), S("approve")},
            {S("rationale"), S("Approved visit %1: analysis is clear").arg(n)}, {S("manager"), S("m1")},
            {S("decided_at"), at}, {S("seen_rev"), 2}};
}

QJsonObject supervision()
{
    return {{S("schema"), 1}, {S("type"), S("supervision")}, {S("id"), id(30, 1)}, {S("state"), S("approved")},
            {S("author"), S("m1")}, {S("created_at"), S("2026-02-20T09:00:00Z")}, {S("child_id"), kChild},
            {S("worker"), S("w1")}, {S("held_on"), S("2026-02-20"), }, {S("discussion"), S("Progress against the plan.")},
            {S("decisions"), S("Stay on the child protection plan.")},
            {S("actions"), QJsonArray{QJsonObject{{S("id"), id(40, 1)}, {S("what"), S("Convene a core group before the review")},
                                                  {S("owner"), S("w1")}, {S("due"), S("2026-03-06")}, {S("status"), S("open")},
                                                  {S("priority"), 1}}}}};
}

QString runTool(const QString &tool, const QStringList &args)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty())
        return QString();
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString normalised(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.replace(space, QStringLiteral(" "));
}

} // namespace

/** A child's chronology as PDF. */
class TestChronologyPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void entriesAndOrder();
    void htmlEscapes();
    void changesOfWorkerInDateOrder();
    void longChronology();
    void shortChronology();
    void invalidChild();

private:
    QTemporaryDir m_dir;
};

void TestChronologyPdf::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!QStandardPaths::findExecutable(S("pdftotext")).isEmpty() && !QStandardPaths::findExecutable(S("pdfinfo")).isEmpty(),
             "pdftotext/pdfinfo missing: install Debian's poppler-utils (scripts/deps)");
    QVERIFY(m_dir.isValid());
    // DOORSTEP_KEEP_TEST_FILES=1 keeps the PDFs for a look.
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("DOORSTEP_KEEP_TEST_FILES"));
    if (!m_dir.autoRemove())
        qInfo() << "PDFs in" << m_dir.path();
    for (const QJsonObject &r : {child(), visit(1), review(1), supervision()}) {
        const auto v = wire::validateRecord(r);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().field + S(" ") + v.error().message));
    }
}

void TestChronologyPdf::entriesAndOrder()
{
    // Given out of order, with another child's visit and a review of it mixed in.
    const QList<QJsonObject> list = ChronologyPdf::entries(kChild, {supervision(), review(2), visit(2), visit(1), visit(3, kOther), review(3), child()});
    QStringList ids;
    for (const QJsonObject &r : list)
        ids << r.value(S("id")).toString();
    // visit 1 (2 Jan), visit 2 (3 Jan), review of visit 2 (4 Jan), supervision (20 Feb);
    // the other child's visit and its review are left out, and so is the child record.
    QCOMPARE(ids, (QStringList{id(10, 1), id(10, 2), id(20, 2), id(30, 1)}));
}

void TestChronologyPdf::htmlEscapes()
{
    const QString html = ChronologyPdf::html(child(), {visit(1)}, {});
    QVERIFY(html.contains(S("I like football &amp; &lt;drawing&gt;.")));
    QVERIFY(!html.contains(S("<drawing>")));
}

void TestChronologyPdf::changesOfWorkerInDateOrder()
{
    // Two moves on the child record: one between visits 1 and 2, one after the last visit.
    QJsonObject moved = child();
    moved.insert(S("schema"), 3);
    moved.insert(S("allocations"),
                 QJsonArray{QJsonObject{{S("at"), S("2026-01-02T15:00:00Z")}, {S("worker"), S("w2")}, {S("worker_name"), S("Wes Worker")},
                                        {S("previous_worker"), S("w1")}, {S("previous_worker_name"), S("Wendy Worker")},
                                        {S("reason"), S("Wendy starts maternity leave & <Wes> knows the school.")},
                                        {S("decided_by"), S("m1")}, {S("decided_by_name"), S("Mo Manager")}},
                            QJsonObject{{S("at"), S("2026-02-01T09:00:00Z")}, {S("worker"), S("w1")}, {S("decided_by"), S("cli")}},
                            QJsonObject{{S("at"), S("2026-03-01T09:00:00Z")}, {S("worker"), S("w3")}, {S("worker_name"), S("Grace Hill")},
                                        {S("previous_worker"), S("w1")}, {S("previous_worker_name"), S("Wendy Worker")},
                                        {S("team_name"), S("South Team")}, {S("previous_team_name"), S("North Team")},
                                        {S("reason"), S("The family moved across the borough.")},
                                        {S("decided_by"), S("m2")}, {S("decided_by_name"), S("Dee Manager")}}});
    const QString html = ChronologyPdf::html(moved, {visit(2), visit(1)}, {});
    const qsizetype v1 = html.indexOf(S("Views at visit 1:"));
    const qsizetype firstMove = html.indexOf(S("Wendy starts maternity leave &amp; &lt;Wes&gt; knows the school."));
    const qsizetype v2 = html.indexOf(S("Views at visit 2:"));
    const qsizetype secondMove = html.indexOf(S("an administrator"));
    QVERIFY(v1 >= 0 && firstMove >= 0 && v2 >= 0 && secondMove >= 0);
    QVERIFY2(v1 < firstMove && firstMove < v2 && v2 < secondMove, qPrintable(html));
    QCOMPARE(html.count(S("Change of worker")), 2);
    // A move to another team names both teams.
    QCOMPARE(html.count(S("Change of team")), 1);
    QVERIFY(html.indexOf(S("Change of team")) > secondMove);
    QVERIFY(html.contains(S("<b>Team:</b> South Team")) && html.contains(S("<b>From team:</b> North Team")));
    QVERIFY(html.contains(S("Mo Manager")) && html.contains(S("Wes Worker")) && html.contains(S("Wendy Worker")));
    QVERIFY(html.contains(S("none recorded"))); // the administrator's move gave no reason
}

void TestChronologyPdf::longChronology()
{
    QList<QJsonObject> records{supervision()};
    for (int n = 1; n <= 40; ++n) {
        records << visit(n);
        if (n % 4 == 0)
            records << review(n);
    }
    ChronologyPdf::Options options;
    options.generatedBy = S("m1");
    options.userNames = {{S("w1"), S("Wendy Worker")}, {S("m1"), S("Mo Manager")}};
    int pages = 0;
    const auto pdf = ChronologyPdf::render(child(), records, options, &pages);
    QVERIFY2(pdf.ok(), qPrintable(pdf.ok() ? QString() : pdf.error().message));
    QVERIFY(pdf.value().startsWith("%PDF-"));
    QVERIFY2(pages > 3, qPrintable(QString::number(pages)));

    const QString path = m_dir.filePath(S("long.pdf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pdf.value());
    f.close();

    const QString info = runTool(S("pdfinfo"), {path});
    static const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto m = pagesLine.match(info);
    QVERIFY2(m.hasMatch(), qPrintable(info));
    QCOMPARE(m.captured(1).toInt(), pages);
    QVERIFY(info.contains(S("A4")) || info.contains(S("595.2")) || info.contains(S("595 x 842")));
    QVERIFY(info.contains(S("Chronology: Amira Hassan")));

    const QString text = normalised(runTool(S("pdftotext"), {path, S("-")}));
    QVERIFY(!text.isEmpty());
    QCOMPARE(text.count(S("OFFICIAL-SENSITIVE")), 2 * pages); // header and footer of every page
    QCOMPARE(text.count(S("Amira Hassan, born 14/07/2016")), pages);
    for (int p = 1; p <= pages; ++p)
        QVERIFY2(text.contains(S("Page %1 of %2").arg(p).arg(pages)), qPrintable(QString::number(p)));
    const QStringList expected{S("Chronology: Amira Hassan"), S("Date of birth: 14/07/2016"),
                               S("02/01/2026 10:00"), S("Statutory visit (child protection)"), S("Approved"),
                               S("Rationale 1: statutory visit"), S("Rationale 40: statutory visit"),
                               S("Seen alone: yes"), S("Seen alone: no (unable: the parent or carer refused)"),
                               S("Views at visit 17: I like football & <drawing>."),
                               S("Management decision"), S("Approved visit 40: analysis is clear"), S("Manager: Mo Manager"),
                               S("Case supervision"), S("Priority 1: Convene a core group before the review"),
                               S("Recorded by: Wendy Worker"), S("Entries: 51")};
    for (const QString &e : expected)
        QVERIFY2(text.contains(e), qPrintable(e));
    // Chronological: visit 2 comes before visit 30, and the supervision (20 Feb) after visit 40 (10 Feb).
    QVERIFY(text.indexOf(S("Rationale 2:")) < text.indexOf(S("Rationale 30:")));
    QVERIFY(text.indexOf(S("Rationale 40:")) < text.indexOf(S("Case supervision")));
}

void TestChronologyPdf::shortChronology()
{
    int pages = 0;
    const auto pdf = ChronologyPdf::render(child(), {visit(1)}, {}, &pages);
    QVERIFY(pdf.ok());
    QCOMPARE(pages, 1);
    const QString path = m_dir.filePath(S("short.pdf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pdf.value());
    f.close();
    const QString text = normalised(runTool(S("pdftotext"), {path, S("-")}));
    QVERIFY(text.contains(S("Page 1 of 1")));
    QVERIFY(text.contains(S("Rationale 1:")));
}

void TestChronologyPdf::invalidChild()
{
    QJsonObject broken = child();
    broken.remove(S("date_of_birth"));
    const auto pdf = ChronologyPdf::render(broken, {}, {});
    QVERIFY(!pdf.ok());
    QCOMPARE(pdf.error().code, ErrorCode::InvalidInput);
}

QTEST_MAIN(TestChronologyPdf)
#include "tst_chronologypdf.moc"
