// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "wire.h"

#include "domain.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUuid>

namespace doorstep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::wire", text);
}

/** Reads (and so validates) a record of a known type with the given reader. */
void readAs(RecordType type, JsonReader &r)
{
    switch (type) {
    case RecordType::Child: (void)Child::read(r); break;
    case RecordType::Visit: (void)Visit::read(r); break;
    case RecordType::DirectWork: (void)DirectWork::read(r); break;
    case RecordType::Review: (void)Review::read(r); break;
    case RecordType::Supervision: (void)Supervision::read(r); break;
    }
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDate dateOf(const QJsonObject &o, const char *key)
{
    QDate d;
    JsonReader::isIsoDate(str(o, key), &d);
    return d;
}

QDateTime dateTimeOf(const QJsonObject &o, const char *key)
{
    QDateTime dt;
    JsonReader::isIsoDateTime(str(o, key), &dt);
    return dt;
}

void appendText(QStringList &out, const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString s = str(o, key).trimmed();
        if (!s.isEmpty())
            out << s;
    }
}

void appendActions(QStringList &out, const QJsonObject &o)
{
    const QJsonArray actions = o.value(QLatin1String("actions")).toArray();
    for (const QJsonValue &a : actions)
        appendText(out, a.toObject(), {"what"});
}

QString shortDate(const QDate &d)
{
    // A fixed English short form: titles must not change with the device's locale mid-list.
    return QLocale::c().toString(d, QStringLiteral("d MMM yyyy"));
}

} // namespace

QString recordTypeName(RecordType type)
{
    return wireName(type);
}

std::optional<RecordType> recordTypeFromName(QStringView name)
{
    return fromWireName<RecordType>(name);
}

namespace wire {

Result<QJsonObject> parseObject(const QByteArray &json)
{
    if (json.size() > limits::kMaxDocumentBytes)
        return Error(ErrorCode::InvalidInput, tr("The record is too large (%1 bytes; at most %2).")
                                                  .arg(json.size()).arg(limits::kMaxDocumentBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidInput, tr("The data is not valid JSON (%1 at byte %2).")
                                                  .arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return Error(ErrorCode::InvalidInput, tr("A record must be a JSON object."));
    return doc.object();
}

Result<void> validateRecord(const QJsonObject &record)
{
    // Schema first: a newer client may have sent a type or field this version does not know,
    // and "update Doorstep" is the useful answer then.
    const QJsonValue schema = record.value(QLatin1String("schema"));
    if (schema.isDouble() && schema.toDouble() > kSchemaVersion)
        return Error(ErrorCode::InvalidInput,
                     tr("This record was written with a newer version of Doorstep (schema %1; this version reads up to %2). Update Doorstep to open it.")
                         .arg(schema.toDouble()).arg(kSchemaVersion),
                     QStringLiteral("schema"));
    const QJsonValue type = record.value(QLatin1String("type"));
    if (type.isUndefined() || type.isNull())
        return Error(ErrorCode::InvalidInput, tr("type is required."), QStringLiteral("type"));
    if (!type.isString())
        return Error(ErrorCode::InvalidInput, tr("type must be text."), QStringLiteral("type"));
    const auto recordType = recordTypeFromName(type.toString());
    if (!recordType)
        return Error(ErrorCode::InvalidInput,
                     tr("type must be one of: %1 (not \"%2\").")
                         .arg(wireNames<RecordType>().join(QStringLiteral(", ")), type.toString().left(40)),
                     QStringLiteral("type"));
    ReadContext context;
    JsonReader reader(record, QString(), context);
    readAs(*recordType, reader);
    reader.rejectUnknown();
    if (context.failed())
        return *context.error;
    return {};
}

Result<void> validatePatch(RecordType type, const QJsonObject &patch)
{
    for (const QString &field : identityFields()) {
        if (patch.contains(field))
            return Error(ErrorCode::InvalidInput, tr("%1 identifies the record and cannot be changed by an edit.").arg(field), field);
    }
    ReadContext context;
    JsonReader reader(patch, QString(), context, /*patch=*/true);
    readAs(type, reader);
    reader.rejectUnknown();
    if (context.failed())
        return *context.error;
    return {};
}

Result<void> validateClientPatch(RecordType type, const QJsonObject &patch)
{
    if (auto valid = validatePatch(type, patch); !valid)
        return valid;
    for (const QString &field : serviceOwnedFields()) {
        if (patch.contains(field))
            return Error(ErrorCode::Forbidden, tr("%1 is set by the service (a manager's review or reallocation) and cannot be edited.").arg(field), field);
    }
    const QJsonValue state = patch.value(QLatin1String("state"));
    if (state.isString() && !clientMaySetState(*fromWireName<WorkflowState>(state.toString())))
        return Error(ErrorCode::Forbidden, tr("Only a manager's review can mark a record %1.").arg(state.toString()),
                     QStringLiteral("state"));
    return {};
}

std::optional<RecordType> typeOf(const QJsonObject &record)
{
    const QJsonValue type = record.value(QLatin1String("type"));
    return type.isString() ? recordTypeFromName(type.toString()) : std::nullopt;
}

Result<QJsonObject> decodeRecord(const QByteArray &json)
{
    auto object = parseObject(json);
    if (!object)
        return object.error();
    if (auto valid = validateRecord(*object); !valid)
        return valid.error();
    return object;
}

QByteArray encode(const QJsonObject &record)
{
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

QStringList childIdsOf(const QJsonObject &record)
{
    const auto type = recordTypeFromName(str(record, "type"));
    QStringList ids;
    if (!type)
        return ids;
    switch (*type) {
    case RecordType::Child:
        ids << str(record, "id");
        break;
    case RecordType::Visit:
        for (const QJsonValue &card : record.value(QLatin1String("children")).toArray())
            ids << card.toObject().value(QLatin1String("child_id")).toString();
        break;
    case RecordType::DirectWork:
        for (const QJsonValue &id : record.value(QLatin1String("child_ids")).toArray())
            ids << id.toString();
        break;
    case RecordType::Supervision:
        ids << str(record, "child_id");
        break;
    case RecordType::Review:
        break; // about a record, not a child directly
    }
    ids.removeAll(QString());
    ids.removeDuplicates();
    return ids;
}

QString searchTextOf(const QJsonObject &record)
{
    const auto type = recordTypeFromName(str(record, "type"));
    QStringList out;
    if (!type)
        return {};
    switch (*type) {
    case RecordType::Child:
        appendText(out, record, {"first_name", "last_name", "preferred_name"});
        break;
    case RecordType::Visit:
        appendText(out, record, {"rationale", "present", "location_detail"});
        for (const QJsonValue &card : record.value(QLatin1String("children")).toArray())
            appendText(out, card.toObject(), {"not_seen_reason", "not_seen_alone_detail", "child_views", "observations"});
        appendText(out, record, {"analysis_risks", "analysis_strengths", "analysis_protective", "diversity"});
        appendActions(out, record);
        break;
    case RecordType::DirectWork:
        appendText(out, record, {"activity_detail", "tools_used", "aims", "child_words", "reflection", "next_steps"});
        break;
    case RecordType::Review:
        appendText(out, record, {"rationale"});
        break;
    case RecordType::Supervision:
        appendText(out, record, {"discussion", "decisions"});
        appendActions(out, record);
        break;
    }
    appendText(out, record, {"return_reason"});
    return out.join(QLatin1Char('\n'));
}

QString childKnownAs(const QJsonObject &child)
{
    const QString preferred = str(child, "preferred_name");
    return ((preferred.isEmpty() ? str(child, "first_name") : preferred) + QLatin1Char(' ') + str(child, "last_name")).trimmed();
}

QString childFullName(const QJsonObject &child)
{
    const QString preferred = str(child, "preferred_name");
    const QString first = str(child, "first_name");
    const QString last = str(child, "last_name");
    if (!preferred.isEmpty() && preferred != first)
        return QStringLiteral("%1 (%2) %3").arg(first, preferred, last);
    return (first + QLatin1Char(' ') + last).trimmed();
}

QString titleOf(const QJsonObject &record)
{
    const auto type = recordTypeFromName(str(record, "type"));
    if (!type)
        return tr("Unknown record");
    QString title;
    const QDate when = eventTimeOf(record).date();
    const QString date = when.isValid() ? shortDate(when) : QString();
    switch (*type) {
    case RecordType::Child:
        return childKnownAs(record);
    case RecordType::Visit: {
        const QString visitType = str(record, "visit_type");
        const QString location = str(record, "location");
        if (visitType == QLatin1String("statutory_cp"))
            title = tr("Child protection visit");
        else if (visitType == QLatin1String("statutory_cin"))
            title = tr("Child in need visit");
        else if (visitType == QLatin1String("statutory_cla"))
            title = tr("Looked-after child visit");
        else if (location == QLatin1String("home"))
            title = tr("Home visit");
        else if (location == QLatin1String("school"))
            title = tr("School visit");
        else if (location == QLatin1String("placement"))
            title = tr("Placement visit");
        else
            title = tr("Visit");
        break;
    }
    case RecordType::DirectWork: {
        const QString activity = str(record, "activity");
        if (activity == QLatin1String("life_story"))
            title = tr("Direct work: life story");
        else if (activity == QLatin1String("keeping_safe"))
            title = tr("Direct work: keeping safe");
        else if (activity == QLatin1String("wishes_and_feelings"))
            title = tr("Direct work: wishes and feelings");
        else if (activity == QLatin1String("domestic_abuse_awareness"))
            title = tr("Direct work: domestic abuse awareness");
        else
            title = tr("Direct work");
        break;
    }
    case RecordType::Review:
        title = str(record, "decision") == QLatin1String("return") ? tr("Returned by manager") : tr("Approved by manager");
        break;
    case RecordType::Supervision:
        title = tr("Supervision");
        break;
    }
    if (!str(record, "amends").isEmpty())
        title = tr("Amendment: %1").arg(title);
    if (!date.isEmpty())
        title += QStringLiteral(", ") + date;
    return title;
}

QDateTime eventTimeOf(const QJsonObject &record)
{
    const auto type = recordTypeFromName(str(record, "type"));
    QDateTime when;
    if (type) {
        switch (*type) {
        case RecordType::Child:
            break;
        case RecordType::Visit:
            when = dateTimeOf(record, "started_at");
            break;
        case RecordType::DirectWork:
            if (const QDate d = dateOf(record, "session_date"); d.isValid())
                when = QDateTime(d, QTime(0, 0), Qt::UTC);
            break;
        case RecordType::Review:
            when = dateTimeOf(record, "decided_at");
            break;
        case RecordType::Supervision:
            if (const QDate d = dateOf(record, "held_on"); d.isValid())
                when = QDateTime(d, QTime(0, 0), Qt::UTC);
            break;
        }
    }
    if (!when.isValid())
        when = dateTimeOf(record, "created_at");
    return when;
}

const QStringList &serviceOwnedFields()
{
    static const QStringList fields{QStringLiteral("return_reason"), QStringLiteral("reviewed_by"),
                                    QStringLiteral("reviewed_at"), QStringLiteral("allocations")};
    return fields;
}

namespace {

// Top-level fields by the schema that added them. Only top-level fields are ever added: a patch
// replaces a whole top-level field, so an older tablet's edit of another field cannot drop one it
// does not know (a field inside `plan` would be lost when an older tablet saved its plan).
struct AddedField {
    RecordType type;
    const char *field;
    int schema;
};
constexpr AddedField kAddedFields[] = {
    {RecordType::Child, "visiting_frequency_reason", 2},
    {RecordType::Child, "allocations", 2},
};

// Fields added inside the entries of a service-owned list. Only there: no tablet ever patches such
// a list, so an older tablet cannot drop what it was never sent.
struct AddedEntryField {
    RecordType type;
    const char *list;
    const char *field;
    int schema;
};
constexpr AddedEntryField kAddedEntryFields[] = {
    {RecordType::Child, "allocations", "team_name", 3},
    {RecordType::Child, "allocations", "previous_team_name", 3},
};

bool hasEntryField(const QJsonObject &record, const AddedEntryField &f)
{
    for (const QJsonValue &entry : record.value(QLatin1String(f.list)).toArray()) {
        if (entry.toObject().contains(QLatin1String(f.field)))
            return true;
    }
    return false;
}

} // namespace

bool needsDowngrade(const QJsonObject &record, int readerSchema)
{
    if (readerSchema >= kSchemaVersion)
        return false;
    if (record.value(QLatin1String("schema")).toInt(1) > readerSchema)
        return true;
    const auto type = typeOf(record);
    for (const AddedField &f : kAddedFields) {
        if (f.schema > readerSchema && type == f.type && record.contains(QLatin1String(f.field)))
            return true;
    }
    for (const AddedEntryField &f : kAddedEntryFields) {
        if (f.schema > readerSchema && type == f.type && hasEntryField(record, f))
            return true;
    }
    return false;
}

bool fieldKnownTo(std::optional<RecordType> type, const QString &field, int readerSchema)
{
    for (const AddedField &f : kAddedFields) {
        if (f.schema > readerSchema && type == f.type && field == QLatin1String(f.field))
            return false;
    }
    return true;
}

QJsonObject forReader(const QJsonObject &record, int readerSchema)
{
    if (!needsDowngrade(record, readerSchema))
        return record;
    QJsonObject out = record;
    const auto type = typeOf(record);
    for (const AddedField &f : kAddedFields) {
        if (f.schema > readerSchema && type == f.type)
            out.remove(QLatin1String(f.field));
    }
    for (const AddedEntryField &f : kAddedEntryFields) {
        if (f.schema <= readerSchema || type != f.type || !out.contains(QLatin1String(f.list)))
            continue;
        QJsonArray entries = out.value(QLatin1String(f.list)).toArray();
        for (QJsonValueRef entry : entries) {
            QJsonObject o = entry.toObject();
            o.remove(QLatin1String(f.field));
            entry = o;
        }
        out.insert(QLatin1String(f.list), entries);
    }
    if (out.value(QLatin1String("schema")).toInt(1) > readerSchema)
        out.insert(QStringLiteral("schema"), readerSchema);
    return out;
}

const QStringList &identityFields()
{
    static const QStringList fields{QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("schema")};
    return fields;
}

bool isValidUuid(QStringView id)
{
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) {
            return false;
        }
    }
    return true;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace wire
} // namespace doorstep
