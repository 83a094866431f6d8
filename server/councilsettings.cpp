// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "councilsettings.h"

#include "database.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCouncil, "doorstep.server.council")

namespace doorstep::server::council {

Result<VisitPolicy> visitPolicy(QSqlDatabase &db)
{
    auto q = Database::exec(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {QString::fromLatin1(kVisitPolicyKey)});
    if (!q)
        return q.error();
    if (!q.value().next())
        return VisitPolicy{};
    auto policy = VisitPolicy::fromJson(QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object());
    if (!policy) {
        // Only set-visit-policy writes it, after the same check; never guess at a broken value.
        qCWarning(lcCouncil) << "the stored visit policy is unreadable; using the defaults";
        return VisitPolicy{};
    }
    return policy.value();
}

Result<int> recordingStandard(QSqlDatabase &db)
{
    auto q = Database::exec(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {QString::fromLatin1(kRecordingStandardKey)});
    if (!q)
        return q.error();
    if (!q.value().next())
        return RecordingStandard::kDefaultDays;
    bool ok = false;
    const int days = q.value().value(0).toString().toInt(&ok);
    return ok && RecordingStandard::isValid(days) ? days : RecordingStandard::kDefaultDays;
}

Result<QJsonObject> forDevices(QSqlDatabase &db)
{
    auto policy = visitPolicy(db);
    if (!policy)
        return policy.error();
    auto standard = recordingStandard(db);
    if (!standard)
        return standard.error();
    return QJsonObject{{QString::fromLatin1(kVisitPolicyKey), policy.value().toJson()},
                       {QString::fromLatin1(kRecordingStandardKey), standard.value()}};
}

} // namespace doorstep::server::council
