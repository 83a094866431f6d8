// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// The visits CSV for inspection: one row per child with the visit dates Ofsted's inspection
// data (ILACS Annex A) asks for — list 6 "date child was last seen", list 7 "date of the last
// statutory visit" and "was the child seen alone?", list 8 "date of last social work visit".
// The same code writes the file on the tablet and in the service (docs/managers.md).

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace doorstep {

/** One child's row of the visits export. */
struct VisitExportRow {
    QString childId;
    QString name;            // first and last name
    QString legalStatus;     // wire name (early_help, child_in_need, ...)
    QString allocatedWorker; // display name when known, else the user id
    QDate lastSeen;          // latest visit on which the child was seen
    QDate lastStatutoryVisit; // latest statutory visit (statutory_cp/cin/cla) naming the child
    /** Seen alone on that statutory visit: true, false (including not seen), or not recorded. */
    std::optional<bool> seenAloneOnLastStatutoryVisit;
    QDate lastSocialWorkVisit; // latest visit of any type naming the child
};

/** Builds and writes the visits CSV (RFC 4180, UTF-8, dates DD/MM/YYYY as the Annex A templates). */
class VisitsExport
{
public:
    /** Rows for the children of `teamId` (every child when empty) among `records` (children and
     *  visits in wire format; other types and invalid records are ignored). Visits in any state
     *  count: a draft visit still happened. Sorted by name, then child id. `workerNames` maps
     *  user ids to display names. */
    static QList<VisitExportRow> rows(const QList<QJsonObject> &records, const QString &teamId,
                                      const QHash<QString, QString> &workerNames = {});

    /** The header row, in column order. */
    static QStringList header();
    /** The CSV: UTF-8 with a byte-order mark (so spreadsheet programs read names correctly),
     *  CRLF line ends, a header row then one row per child. */
    static QByteArray toCsv(const QList<VisitExportRow> &rows);

    /** One cell: formula-injection guard (a leading = + - @ tab or CR gets a ' prefix), then
     *  RFC 4180 quoting when the cell holds a comma, quote, CR or LF. */
    static QString csvCell(const QString &value);
    /** DD/MM/YYYY, or empty for an invalid date. */
    static QString formatDate(const QDate &date);
    /** "Yes", "No" or "Not recorded". */
    static QString formatSeenAlone(const std::optional<bool> &seenAlone);
    /** Human name of a legal status wire name ("Child in need", ...). */
    static QString legalStatusLabel(const QString &wireName);
};

} // namespace doorstep
