// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/reachability.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace doorstep;
using R = QNetworkInformation::Reachability;

/** Reachability's mapping to one online flag and its change signals. */
class TstReachability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mapping_data()
    {
        QTest::addColumn<R>("reachability");
        QTest::addColumn<bool>("online");
        QTest::addRow("unknown counts as online") << R::Unknown << true;
        QTest::addRow("disconnected") << R::Disconnected << false;
        QTest::addRow("local network") << R::Local << true;
        QTest::addRow("site network") << R::Site << true;
        QTest::addRow("internet") << R::Online << true;
    }

    void mapping()
    {
        QFETCH(R, reachability);
        QFETCH(bool, online);
        QCOMPARE(Reachability::isOnline(reachability), online);
    }

    void detachedStartsOnline()
    {
        Reachability r(Reachability::Detached);
        QVERIFY(r.isOnline());
        QVERIFY(!r.hasBackend());
        QCOMPARE(r.reachability(), R::Unknown);
    }

    void signalsOnTransitions()
    {
        Reachability r(Reachability::Detached);
        QSignalSpy changed(&r, &Reachability::onlineChanged);
        QSignalSpy regained(&r, &Reachability::connectivityRegained);

        r.apply(R::Online); // online → online: nothing to say
        QCOMPARE(changed.count(), 0);
        r.apply(R::Disconnected);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).toBool(), false);
        QCOMPARE(regained.count(), 0);
        QVERIFY(!r.isOnline());
        r.apply(R::Disconnected);
        QCOMPARE(changed.count(), 1);
        r.apply(R::Unknown); // the backend lost track: try again rather than stay stuck offline
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).toBool(), true);
        QCOMPARE(regained.count(), 1);
        QVERIFY(r.isOnline());
        QCOMPARE(r.property("online").toBool(), true);
    }

    void systemBackendGivesAnAnswer()
    {
        // On a build machine there may be no backend (or NetworkManager may be
        // absent): either way the object must come up and, unless the OS says
        // "disconnected", report online.
        Reachability r;
        QCOMPARE(r.isOnline(), Reachability::isOnline(r.reachability()));
        if (!r.hasBackend())
            QVERIFY(r.isOnline());
        qInfo("backend: %s, reachability %d", qPrintable(r.backendName().isEmpty() ? QStringLiteral("none") : r.backendName()),
              int(r.reachability()));
    }
};

QTEST_GUILESS_MAIN(TstReachability)
#include "tst_reachability.moc"
