// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "core/store/conflictstore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class Store;

/** A field changed here and on the service to different values, with the record's title. */
struct ConflictRow {
    ConflictEntry entry;
    QString recordTitle;
    QHash<QString, QString> childNames; // for lists of children: id -> name, as this device knows them
};

/**
 * Conflicts side by side (base, mine, theirs) per field. Keeping one side or an edited text
 * saves the record AND queues a mutation carrying the field, in one transaction, so the
 * service clears its flag and other devices receive the decision (as `doorstep-cli resolve`).
 */
class ConflictModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY countChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        RecordTitleRole,
        FieldRole,
        FieldLabelRole,
        BaseRole,
        MineRole,
        TheirsRole,
        EditableRole,
        /** How the field is edited: text, yesno, choice, date, datetime, list, or value (keep one only). */
        KindRole,
        /** choice: the [{value, text}] options, as in the form's picker. */
        OptionsRole,
        MineValueRole,
        TheirsValueRole,
        /** text: both versions combined, as the starting point of the person's own text. */
        MergedRole,
        /** list: one entry per item of either side, [{group, note, choices: [{key, label, text}], defaultKey}]. */
        ListGroupsRole,
    };
    Q_ENUM(Role)

    explicit ConflictModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void keepMine(int row);
    Q_INVOKABLE void keepTheirs(int row);
    /** Only for text fields: the person writes the value that combines both. */
    Q_INVOKABLE void useEdited(int row, const QString &text);
    /** The person's own value for a yes/no, choice, date or datetime field (as the form writes it:
     *  true/false, an option's value, "2026-11-23", a UTC ISO datetime; null or "" for unanswered).
     *  false when the value does not fit the field; nothing is saved then. */
    Q_INVOKABLE bool useValue(int row, const QVariant &value);
    /** A list made from both sides: the chosen keys of ListGroupsRole, in order ("" leaves one out). */
    Q_INVOKABLE bool useListItems(int row, const QStringList &keys);

    /** The resolution job (store thread): removes the conflict, saves the value, queues it. */
    static Result<void> resolve(Database &db, const QString &recordId, const QString &field, const QJsonValue &chosen);
    static QString display(const QJsonValue &value);
    /** An object (a plan, a placement) or a list in words, a line per field, for reading side by side. */
    static QString describe(const QJsonValue &value, int indent = 0);
    /** The kind of editor a field needs (see KindRole). */
    static QString kindOf(const QString &field, const QJsonValue &mine, const QJsonValue &theirs);
    /** Two texts as one: the longer when one contains the other, else mine then theirs. */
    static QString mergedText(const QString &mine, const QString &theirs);

Q_SIGNALS:
    void storeChanged();
    void countChanged();
    /** A decision is saved and queued; the app syncs it. */
    void resolved();

private:
    void choose(int row, const QJsonValue &value);
    QString displayIn(const ConflictRow &row, const QJsonValue &value) const;
    QString itemText(const ConflictRow &row, const QJsonValue &item) const;
    QVariantList listGroups(const ConflictRow &row) const;
    static QVariantList optionsFor(const QString &field);

    QPointer<Store> m_store;
    QList<ConflictRow> m_rows;
    QString m_errorString;
    quint64 m_generation = 0;
};

} // namespace doorstep
