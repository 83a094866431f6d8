// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/paths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace doorstep;

/** Where the client's files go. */
class TstPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("Doorstep"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void databasePath_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("expected");
        QTest::addRow("explicit") << QStringLiteral("/srv/doorstep/data") << QStringLiteral("/srv/doorstep/data/records.db");
        QTest::addRow("trailing slash and dots") << QStringLiteral("/srv/doorstep/x/../data/")
                                                 << QStringLiteral("/srv/doorstep/data/records.db");
        QTest::addRow("default") << QString()
                                 << QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/records.db");
    }

    void databasePath()
    {
        QFETCH(QString, given);
        QFETCH(QString, expected);
        QCOMPARE(paths::databasePath(given), expected);
    }

    void defaultIsPerApplication()
    {
        QVERIFY(paths::dataDirectory().endsWith(QStringLiteral("/Doorstep")));
    }

    void ensureCreatesPrivateDirectory()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("a/b/data"));
        const Result<QString> made = paths::ensureDataDirectory(dir);
        QVERIFY(made.ok());
        QCOMPARE(made.value(), dir);
        QVERIFY(QFileInfo(dir).isDir());
        const QFileDevice::Permissions perms = QFileInfo(dir).permissions();
        QVERIFY(perms & QFileDevice::WriteOwner);
        QVERIFY(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
    }

    void ensureFailsOnAFile()
    {
        QTemporaryDir tmp;
        QFile blocker(tmp.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Result<QString> made = paths::ensureDataDirectory(tmp.filePath(QStringLiteral("file/data")));
        QVERIFY(!made.ok());
        QCOMPARE(made.error().code, ErrorCode::StorageError);
    }
};

QTEST_GUILESS_MAIN(TstPaths)
#include "tst_paths.moc"
