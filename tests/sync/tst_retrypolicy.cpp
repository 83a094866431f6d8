// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "sync/retrypolicy.h"

#include <QTest>

using namespace doorstep::sync;
using namespace std::chrono_literals;

/** Backoff stays within its bounds, grows, and defers to Retry-After. */
class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delaysStayInBoundsAndGrow()
    {
        // Each attempt's delays lie in [base, min(cap, base * 2^attempt)], and their spread
        // reaches into the upper half of that window, so the backoff really grows with the attempt.
        RetryPolicy policy(1000ms, 60000ms, 42);
        qint64 previousLargest = 0;
        for (int attempt = 1; attempt <= 12; ++attempt) {
            const qint64 ceiling = std::min<qint64>(60000, 1000LL << attempt);
            qint64 largest = 0;
            for (int i = 0; i < 50; ++i) {
                const auto d = policy.delayFor(attempt);
                QVERIFY2(d.count() >= 1000 && d.count() <= ceiling, qPrintable(QString::number(d.count())));
                largest = std::max<qint64>(largest, d.count());
            }
            QVERIFY2(largest > 1000 + (ceiling - 1000) / 2,
                     qPrintable(QStringLiteral("attempt %1: largest delay %2 ms of a %3 ms ceiling").arg(attempt).arg(largest).arg(ceiling)));
            if (ceiling < 60000)
                QVERIFY2(largest > previousLargest, qPrintable(QStringLiteral("attempt %1 did not grow").arg(attempt)));
            previousLargest = largest;
        }
    }

    void jitterSpreadsDevices()
    {
        RetryPolicy policy(1000ms, 600000ms, 7);
        QSet<qint64> seen;
        for (int i = 0; i < 100; ++i)
            seen.insert(policy.delayFor(6).count());
        QVERIFY2(seen.size() > 50, "100 devices retrying at attempt 6 should not pick the same moment");
    }

    void retryAfterWinsWhenLonger()
    {
        RetryPolicy policy(1000ms, 4000ms, 1);
        QCOMPARE(policy.delayFor(1, 30000ms).count(), 30000);
        QVERIFY(policy.delayFor(1, 10ms).count() >= 1000);
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1: none
        QTest::addRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::addRow("zero") << QByteArray("0") << qint64(0);
        QTest::addRow("padded") << QByteArray(" 5 ") << qint64(5000);
        QTest::addRow("http-date 90s ahead") << QByteArray("Mon, 23 Nov 2026 10:01:30 GMT") << qint64(90000);
        QTest::addRow("http-date in past") << QByteArray("Mon, 23 Nov 2026 09:00:00 GMT") << qint64(0);
        QTest::addRow("empty") << QByteArray() << qint64(-1);
        QTest::addRow("negative") << QByteArray("-3") << qint64(-1);
        QTest::addRow("garbage") << QByteArray("soon") << qint64(-1);
    }
    void parseRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2026, 11, 23), QTime(10, 0, 0), Qt::UTC);
        const auto parsed = RetryPolicy::parseRetryAfter(header, now);
        if (expectedMs < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->count(), expectedMs);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
