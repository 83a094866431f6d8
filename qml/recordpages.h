// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqml.h>

namespace doorstep {

/** Which page edits a record of a given type: one table for every screen that opens a record
 *  (the chronology, the outbox), so a returned direct-work record never opens as a visit. */
class RecordPages : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    /** The form's file name under pages/ ("DirectWorkPage.qml"); visits (and anything without a
     *  form of its own) open in the visit form. */
    Q_INVOKABLE static QString formFor(const QString &type);
};

} // namespace doorstep
