// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace doorstep::paths {

QString dataDirectory(const QString &dataDir)
{
    const QString dir = dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
    return QDir::cleanPath(QDir(dir).absolutePath());
}

QString databasePath(const QString &dataDir)
{
    return QDir(dataDirectory(dataDir)).filePath(QLatin1String(kDatabaseFileName));
}

Result<QString> ensureDataDirectory(const QString &dataDir)
{
    const QString dir = dataDirectory(dataDir);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return Error(ErrorCode::StorageError,
                     QCoreApplication::translate("doorstep", "Cannot create the data folder %1.").arg(dir));
    // The database is encrypted, but file names and sizes are nobody else's business either.
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return dir;
}

} // namespace doorstep::paths
