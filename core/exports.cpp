// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "exports.h"

#include "domain.h"
#include "rules.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace doorstep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::VisitsExport", text);
}

bool isStatutory(const std::optional<VisitType> &type)
{
    return type && (*type == VisitType::StatutoryCp || *type == VisitType::StatutoryCin || *type == VisitType::StatutoryCla);
}

} // namespace

QStringList VisitsExport::header()
{
    return {tr("Child ID"),
            tr("Name"),
            tr("Legal status"),
            tr("Allocated worker"),
            tr("Date child was last seen"),
            tr("Date of last statutory visit"),
            tr("Was the child seen alone?"),
            tr("Date of last social work visit")};
}

QString VisitsExport::formatDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString VisitsExport::formatSeenAlone(const std::optional<bool> &seenAlone)
{
    if (!seenAlone)
        return tr("Not recorded");
    return *seenAlone ? tr("Yes") : tr("No");
}

QString VisitsExport::legalStatusLabel(const QString &name)
{
    const auto status = fromWireName<LegalStatus>(name);
    if (!status)
        return name;
    switch (*status) {
    case LegalStatus::EarlyHelp: return tr("Early help");
    case LegalStatus::ChildInNeed: return tr("Child in need");
    case LegalStatus::ChildProtection: return tr("Child protection");
    case LegalStatus::LookedAfter: return tr("Looked after");
    case LegalStatus::CareLeaver: return tr("Care leaver");
    }
    return name;
}

QString VisitsExport::csvCell(const QString &value)
{
    QString cell = value;
    // A spreadsheet would run a cell starting with these as a formula (OWASP CSV injection).
    if (!cell.isEmpty()) {
        const QChar first = cell.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') || first == QLatin1Char('@')
            || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            cell.prepend(QLatin1Char('\''));
    }
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\r'))
        || cell.contains(QLatin1Char('\n'))) {
        cell.replace(QLatin1String("\""), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QList<VisitExportRow> VisitsExport::rows(const QList<QJsonObject> &records, const QString &teamId,
                                         const QHash<QString, QString> &workerNames)
{
    QList<Child> children;
    QList<Visit> visits;
    for (const QJsonObject &record : records) {
        const auto type = wire::typeOf(record);
        if (type == RecordType::Child) {
            if (auto c = Child::fromJson(record); c && (teamId.isEmpty() || c.value().team == teamId))
                children.append(c.value());
        } else if (type == RecordType::Visit) {
            if (auto v = Visit::fromJson(record); v && v.value().startedAt.isValid())
                visits.append(v.value());
        }
    }

    const QSet<QString> corrected = supersededByCorrections(visits); // counted as corrected, once
    QList<VisitExportRow> out;
    for (const Child &c : children) {
        VisitExportRow row;
        row.childId = c.envelope.id;
        row.name = (c.firstName + QLatin1Char(' ') + c.lastName).trimmed();
        row.legalStatus = wireName(c.legalStatus);
        row.allocatedWorker = workerNames.value(c.allocatedWorker, c.allocatedWorker);
        QDateTime lastStatutory;
        for (const Visit &v : visits) {
            if (corrected.contains(v.envelope.id))
                continue;
            const QDate day = rules::localDate(v.startedAt);
            for (const ChildOnVisit &card : v.children) {
                if (card.childId != row.childId)
                    continue;
                if (!row.lastSocialWorkVisit.isValid() || day > row.lastSocialWorkVisit)
                    row.lastSocialWorkVisit = day;
                if (card.seen == true && (!row.lastSeen.isValid() || day > row.lastSeen))
                    row.lastSeen = day;
                // The latest statutory visit by time (two on one day: the later one answers).
                if (isStatutory(v.visitType) && (!lastStatutory.isValid() || v.startedAt > lastStatutory)) {
                    lastStatutory = v.startedAt;
                    row.lastStatutoryVisit = day;
                    if (card.seen == false)
                        row.seenAloneOnLastStatutoryVisit = false; // not seen at all, so not seen alone
                    else if (card.seen == true)
                        row.seenAloneOnLastStatutoryVisit = card.seenAlone;
                    else
                        row.seenAloneOnLastStatutoryVisit.reset();
                }
            }
        }
        out.append(row);
    }
    std::sort(out.begin(), out.end(), [](const VisitExportRow &a, const VisitExportRow &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.childId < b.childId;
    });
    return out;
}

QByteArray VisitsExport::toCsv(const QList<VisitExportRow> &rows)
{
    QString text;
    auto line = [&text](const QStringList &cells) {
        QStringList quoted;
        for (const QString &c : cells)
            quoted << csvCell(c);
        text += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    line(header());
    for (const VisitExportRow &r : rows)
        line({r.childId, r.name, legalStatusLabel(r.legalStatus), r.allocatedWorker, formatDate(r.lastSeen),
              formatDate(r.lastStatutoryVisit), r.lastStatutoryVisit.isValid() ? formatSeenAlone(r.seenAloneOnLastStatutoryVisit) : QString(),
              formatDate(r.lastSocialWorkVisit)});
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace doorstep
