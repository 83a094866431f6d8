// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqml.h>

namespace doorstep {

/** Words a person reads for the wire format's codes (legal status, regulation 29 reasons, ...),
 *  translated in one place so every screen says the same thing. */
class Labels : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    Q_INVOKABLE static QString legalStatus(const QString &code);
    /** The category of a child protection plan (Working Together's four, or multiple). */
    Q_INVOKABLE static QString cpCategory(const QString &code);
    /** A looked-after child's placement kind, as regulation 28 distinguishes them. */
    Q_INVOKABLE static QString placementKind(const QString &code);
    Q_INVOKABLE static QString recordState(const QString &code);
    Q_INVOKABLE static QString recordType(const QString &code);
    Q_INVOKABLE static QString notSeenAloneReason(const QString &code);
    Q_INVOKABLE static QString activity(const QString &code);
    Q_INVOKABLE static QString fieldLabel(const QString &field);
    Q_INVOKABLE static QString yesNo(const QVariant &value);

    /** [{value, text}] lists for the form's pickers, in the order a worker expects them. */
    Q_INVOKABLE static QVariantList notSeenAloneReasons();
    Q_INVOKABLE static QVariantList visitTypes();
    Q_INVOKABLE static QVariantList locations();
    Q_INVOKABLE static QVariantList activities();
    /** Where a plan's action stands: open, done, cancelled. */
    Q_INVOKABLE static QVariantList actionStatuses();
    /** How a visiting frequency is counted: calendar or working days. */
    Q_INVOKABLE static QVariantList frequencyUnits();
    /** The legal statuses, from early help to care leaver. */
    Q_INVOKABLE static QVariantList legalStatuses();
    Q_INVOKABLE static QVariantList cpCategories();
    /** The kinds of placement regulation 28 tells apart. */
    Q_INVOKABLE static QVariantList placementKinds();
};

} // namespace doorstep
