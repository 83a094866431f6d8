// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace doorstep {

/** A child's chronology as an A4 PDF: every record about the child in date order, each page
 *  marked OFFICIAL-SENSITIVE with the child's name and date of birth and "Page n of N". */
class ChronologyPdf
{
public:
    struct Options {
        QDateTime generatedAt = QDateTime::currentDateTimeUtc();
        QString generatedBy;                 // display name of whoever asked for it
        QHash<QString, QString> userNames;   // user id -> display name (workers, managers)
        int resolution = 300;                // dots per inch of the PDF's coordinate space
    };

    /** The body as HTML (escaped): a heading with the child, then one entry per record. `records`
     *  are in wire format; the child record itself and records of other children are left out. */
    static QString html(const QJsonObject &child, const QList<QJsonObject> &records, const Options &options);

    /** Renders the PDF. Needs a QGuiApplication (fonts): returns an Internal error without one.
     *  `pages` receives the page count. */
    static Result<QByteArray> render(const QJsonObject &child, const QList<QJsonObject> &records,
                                     const Options &options, int *pages = nullptr);

    /** The records about `childId` sorted as the chronology lists them (event time, then
     *  creation time, then id). */
    static QList<QJsonObject> entries(const QString &childId, const QList<QJsonObject> &records);
};

} // namespace doorstep
