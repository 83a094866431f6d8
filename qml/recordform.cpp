// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "recordform.h"

#include "core/domain.h"
#include "core/rules.h"
#include "core/store/draftstore.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "core/wire.h"
#include "dashboardviewmodel.h"
#include "labels.h"
#include "core/merge.h"

#include <QJSValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <functional>

Q_LOGGING_CATEGORY(lcForm, "doorstep.app.form")

namespace doorstep {

namespace {

constexpr int kDefaultAutosaveMs = 3000;
// In a draft of an existing record: the record as the form opened it (never part of a record).
const QString kOpenedKey = QStringLiteral("_opened");
const QString kExtraKey = QStringLiteral("_form_extra");

/** "children[0].seen" → {"children", 0, "seen"} (strings are keys, ints are indices). */
QVariantList splitPath(const QString &path)
{
    QVariantList out;
    static const QRegularExpression part(QStringLiteral(R"(([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\])"));
    auto it = part.globalMatch(path);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.hasCaptured(1))
            out << m.captured(1);
        else
            out << m.captured(2).toInt();
    }
    return out;
}

QJsonValue getAt(const QJsonValue &root, const QVariantList &path, int from = 0)
{
    if (from >= path.size())
        return root;
    const QVariant &seg = path.at(from);
    if (seg.typeId() == QMetaType::Int) {
        const QJsonArray a = root.toArray();
        const int i = seg.toInt();
        return i < a.size() ? getAt(a.at(i), path, from + 1) : QJsonValue(QJsonValue::Undefined);
    }
    return getAt(root.toObject().value(seg.toString()), path, from + 1);
}

/** Sets (or, for Undefined, removes) the value at the path, creating objects on the way. */
QJsonValue setAt(const QJsonValue &root, const QVariantList &path, const QJsonValue &value, int from = 0)
{
    const QVariant &seg = path.at(from);
    const bool last = from == path.size() - 1;
    if (seg.typeId() == QMetaType::Int) {
        QJsonArray a = root.toArray();
        const int i = seg.toInt();
        if (i >= a.size())
            return root; // no such card or action: nothing to change
        a[i] = last ? value : setAt(a.at(i), path, value, from + 1);
        return a;
    }
    QJsonObject o = root.toObject();
    const QString key = seg.toString();
    const QJsonValue next = last ? value : setAt(o.value(key), path, value, from + 1);
    if (next.isUndefined())
        o.remove(key);
    else
        o.insert(key, next);
    return o;
}

// What is copied into an amendment: the content, never the envelope or the service's review.
bool isEnvelopeField(const QString &key)
{
    static const QStringList envelope = {QStringLiteral("schema"),     QStringLiteral("type"),        QStringLiteral("id"),
                                         QStringLiteral("state"),      QStringLiteral("author"),      QStringLiteral("created_at"),
                                         QStringLiteral("submitted_at"), QStringLiteral("amends"),    QStringLiteral("return_reason"),
                                         QStringLiteral("reviewed_by"), QStringLiteral("reviewed_at")};
    return envelope.contains(key);
}

QString nowIso()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute()));
    return now.toString(Qt::ISODate);
}

} // namespace

RecordForm::RecordForm(QObject *parent) : QObject(parent)
{
    m_autosave.setInterval(kDefaultAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &RecordForm::autosaveNow);
}

RecordForm::~RecordForm()
{
    // Leaving the page (or the lock destroying it) keeps what was typed. Nobody is left to hear
    // the answer: a continuation on `this` would run on a dead context (Qt 6.4 asserts on it).
    if (!m_unsavedDraft || !m_store || m_formKey.isEmpty())
        return;
    m_store->saveDraft(m_formKey, draftText()).then([](Result<void> r) {
        if (!r.ok())
            qCWarning(lcForm) << "autosave on leaving failed:" << r.error().message;
    });
}

void RecordForm::setStore(Store *store)
{
    if (store != m_store) {
        m_store = store;
        Q_EMIT storeChanged();
    }
}

void RecordForm::setRecordType(const QString &type)
{
    if (type != m_type) {
        m_type = type;
        Q_EMIT recordTypeChanged();
    }
}

void RecordForm::setAuthor(const QString &author)
{
    if (author != m_author) {
        m_author = author;
        Q_EMIT recordTypeChanged();
    }
}

void RecordForm::setAutosaveMs(int ms)
{
    if (ms != m_autosave.interval()) {
        m_autosave.setInterval(qMax(200, ms));
        Q_EMIT recordTypeChanged();
    }
}

void RecordForm::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void RecordForm::startNew(const QStringList &childIds)
{
    m_opened = QJsonObject();
    QJsonObject r{{QStringLiteral("schema"), wire::kSchemaVersion},
                  {QStringLiteral("type"), m_type},
                  {QStringLiteral("id"), wire::newUuid()},
                  {QStringLiteral("created_at"), nowIso()}};
    // A child (a new case) has no workflow and no author: the service records who opened it.
    if (hasWorkflow()) {
        r.insert(QStringLiteral("state"), QStringLiteral("draft"));
        if (!m_author.isEmpty())
            r.insert(QStringLiteral("author"), m_author);
    }
    if (m_type == u"visit") {
        QJsonArray cards;
        for (const QString &id : childIds)
            cards.append(QJsonObject{{QStringLiteral("child_id"), id}, {QStringLiteral("safety_concern"), false}});
        r.insert(QStringLiteral("children"), cards);
        r.insert(QStringLiteral("started_at"), nowIso());
        r.insert(QStringLiteral("actions"), QJsonArray());
    } else if (m_type == u"direct_work") {
        r.insert(QStringLiteral("child_ids"), QJsonArray::fromStringList(childIds));
        r.insert(QStringLiteral("session_date"), QDate::currentDate().toString(Qt::ISODate));
    } else if (m_type == u"supervision") {
        // One child per supervision note; the worker is filled in from the child's allocation.
        if (!childIds.isEmpty())
            r.insert(QStringLiteral("child_id"), childIds.first());
        r.insert(QStringLiteral("held_on"), QDate::currentDate().toString(Qt::ISODate));
        r.insert(QStringLiteral("actions"), QJsonArray());
    }
    restoreOr(QStringLiteral("new-%1:%2").arg(m_type, childIds.join(QLatin1Char(','))), r, childIds);
}

void RecordForm::restoreOr(const QString &formKey, const QJsonObject &fresh, const QStringList &childIds)
{
    if (!m_store) {
        load(fresh, formKey, {});
        return;
    }
    setBusy(true);
    m_store->draft(formKey).then(this, [this, formKey, fresh, childIds](Result<std::optional<QString>> r) {
        setBusy(false);
        QJsonObject record = fresh;
        m_restoredDraft = false;
        m_restoreNote.clear();
        m_draftExtra = {};
        if (r.ok() && r.value()) {
            QJsonObject saved = QJsonDocument::fromJson(r.value()->toUtf8()).object();
            if (saved.value(u"type").toString() == m_type) {
                const QJsonValue opened = saved.take(kOpenedKey);
                m_draftExtra = saved.take(kExtraKey).toObject();
                record = saved;
                m_restoredDraft = true;
                // Someone else may have changed the record since the draft was written (a pull):
                // the draft's changes go onto the newer copy; where both changed a field, the
                // draft's words stay and the person is told to check them.
                if (opened.isObject() && opened.toObject() != fresh) {
                    const merge::MergeResult m = merge::threeWay(opened.toObject(), saved, fresh);
                    record = m.merged;
                    QStringList fields;
                    for (const merge::FieldConflict &c : m.conflicts) {
                        if (c.mine.isUndefined())
                            record.remove(c.field);
                        else
                            record.insert(c.field, c.mine);
                        fields << Labels::fieldLabel(c.field);
                    }
                    if (!fields.isEmpty())
                        m_restoreNote = tr("Since you wrote this draft, someone else changed: %1. Your draft's version is shown; check it before saving.")
                                            .arg(fields.join(QStringLiteral(", ")));
                }
            }
        }
        load(record, formKey, record.value(u"return_reason").toString());
        // A restored draft may hold children added after the form was first opened.
        QStringList names = childIds;
        for (const QString &id : wire::childIdsOf(record))
            if (!names.contains(id))
                names << id;
        fetchChildNames(names);
    });
}

void RecordForm::open(const QString &recordId)
{
    if (!m_store)
        return;
    setBusy(true);
    m_store->record(recordId).then(this, [this, recordId](Result<StoredRecord> r) {
        setBusy(false);
        if (!r.ok()) {
            m_errorString = r.error().message;
            Q_EMIT errorsChanged();
            return;
        }
        QJsonObject body = r.value().body;
        setRecordType(body.value(u"type").toString());
        const QStringList childIds = wire::childIdsOf(body);
        if (body.value(u"state").toString() == u"approved") {
            // An approved record is locked: the correction is a new record that amends it.
            QJsonObject amendment{{QStringLiteral("schema"), wire::kSchemaVersion},
                                  {QStringLiteral("type"), m_type},
                                  {QStringLiteral("id"), wire::newUuid()},
                                  {QStringLiteral("state"), QStringLiteral("draft")},
                                  {QStringLiteral("created_at"), nowIso()},
                                  {QStringLiteral("amends"), recordId}};
            if (!m_author.isEmpty())
                amendment.insert(QStringLiteral("author"), m_author);
            for (auto it = body.constBegin(); it != body.constEnd(); ++it)
                if (!isEnvelopeField(it.key()))
                    amendment.insert(it.key(), it.value());
            m_opened = QJsonObject(); // an amendment is a new record
            restoreOr(QStringLiteral("amend:%1").arg(recordId), amendment, childIds);
            return;
        }
        const QString reason = body.value(u"return_reason").toString();
        m_opened = body;
        restoreOr(QStringLiteral("edit:%1").arg(recordId), body, childIds);
        m_returnReason = reason;
    });
}

void RecordForm::fetchChildNames(const QStringList &childIds)
{
    if (!m_store)
        return;
    m_store->run<QVariantMap>([childIds](Database &db) -> Result<QVariantMap> {
         RecordRepository repo(db);
         QVariantMap names;
         // The team's names as last fetched from the service (ManagerSync), for the supervision
         // form's worker; absent on a worker's tablet.
         QVariantMap users;
         if (auto cached = SyncState(db).get(DashboardViewModel::userNamesKey()); cached && cached.value())
             users = QJsonDocument::fromJson(cached.value()->toUtf8()).object().toVariantMap();
         for (const QString &id : childIds) {
             auto child = repo.byId(id);
             if (!child)
                 continue; // not on this device (reallocated): the card shows the id
             const QJsonObject b = child.value().body;
             names.insert(id, QVariantMap{{QStringLiteral("name"), wire::childKnownAs(b)},
                                          {QStringLiteral("legalStatus"), b.value(u"legal_status").toString()},
                                          {QStringLiteral("allocatedWorker"), b.value(u"allocated_worker").toString()}});
         }
         return QVariantMap{{QStringLiteral("children"), names}, {QStringLiteral("users"), users}};
     }).then(this, [this](Result<QVariantMap> r) {
        if (!r.ok())
            return;
        m_childNames = r.value().value(QStringLiteral("children")).toMap();
        m_userNames = r.value().value(QStringLiteral("users")).toMap();
        // A new supervision note is about the child's allocated worker unless the manager said otherwise.
        if (m_type == u"supervision" && !m_record.contains(u"worker") && !m_childNames.isEmpty()) {
            const QString worker = m_childNames.first().toMap().value(QStringLiteral("allocatedWorker")).toString();
            if (!worker.isEmpty()) {
                m_record.insert(QStringLiteral("worker"), worker);
                recomputePrompts();
                ++m_version;
                Q_EMIT changed();
            }
        }
        // A new visit's type follows the first child's legal status until the worker picks one.
        if (m_type == u"visit" && !m_record.contains(u"visit_type") && !m_childNames.isEmpty()) {
            const QString status = m_childNames.first().toMap().value(QStringLiteral("legalStatus")).toString();
            m_record.insert(QStringLiteral("visit_type"), statutoryVisitFor(status));
            recomputePrompts();
            ++m_version;
            Q_EMIT changed();
        }
        ++m_revision;
        Q_EMIT loaded();
    });
}

void RecordForm::load(const QJsonObject &record, const QString &formKey, const QString &returnReason)
{
    m_record = record;
    m_formKey = formKey;
    m_returnReason = returnReason;
    m_dirty = m_restoredDraft;
    m_unsavedDraft = false;
    m_ready = true;
    m_errors.clear();
    m_errorOrder.clear();
    m_errorString.clear();
    recomputePrompts();
    ++m_version;
    ++m_revision;
    m_autosave.start();
    Q_EMIT errorsChanged();
    Q_EMIT changed();
    Q_EMIT loaded();
}

QVariant RecordForm::value(const QString &path, int) const
{
    const QJsonValue v = getAt(m_record, splitPath(path));
    return v.isUndefined() ? QVariant() : v.toVariant();
}

bool RecordForm::hasContent(const QString &path, int) const
{
    // Anything the worker wrote or chose: text that is not blank, a number or a yes/no, or a list
    // or object holding any of those. Not what the form puts in by itself: an action's id and
    // "open" status (addAction), a card's child (addChild).
    static const QSet<QString> formsOwn = {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("child_id")};
    std::function<bool(const QJsonValue &)> written = [&written](const QJsonValue &v) {
        switch (v.type()) {
        case QJsonValue::String:
            return !v.toString().trimmed().isEmpty();
        case QJsonValue::Bool:
        case QJsonValue::Double:
            return true;
        case QJsonValue::Array: {
            const QJsonArray a = v.toArray();
            return std::any_of(a.begin(), a.end(), [&written](const QJsonValue &x) { return written(x); });
        }
        case QJsonValue::Object: {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (!formsOwn.contains(it.key()) && written(it.value()))
                    return true;
            return false;
        }
        default:
            return false;
        }
    };
    return written(getAt(m_record, splitPath(path)));
}

QString RecordForm::errorText(const QString &path) const
{
    const QString message = m_errors.value(path).toString();
    static const QRegularExpression action(QStringLiteral(R"(^(?:plan\.)?actions\[(\d+)\])"));
    static const QRegularExpression card(QStringLiteral(R"(^children\[(\d+)\])"));
    if (const auto m = action.match(path); m.hasMatch())
        return tr("Action %1: %2").arg(QString::number(m.captured(1).toInt() + 1), message);
    if (const auto m = card.match(path); m.hasMatch()) {
        const QString childId = getAt(m_record, splitPath(QStringLiteral("children[%1].child_id").arg(m.captured(1)))).toString();
        const QString name = m_childNames.value(childId).toMap().value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            return tr("%1: %2").arg(name, message);
    }
    return message;
}

QString RecordForm::latestDate(const QString &path) const
{
    return rules::pastOnlyFields(m_type).contains(path) ? QDate::currentDate().toString(Qt::ISODate) : QString();
}

int RecordForm::count(const QString &path, int) const
{
    return int(getAt(m_record, splitPath(path)).toArray().size());
}

void RecordForm::setValue(const QString &path, const QVariant &value)
{
    const QVariantList segments = splitPath(path);
    if (segments.isEmpty())
        return;
    // A JavaScript object or array arrives wrapped; unwrapped it converts like a map or a list.
    const QVariant plain = value.metaType() == QMetaType::fromType<QJSValue>() ? value.value<QJSValue>().toVariant() : value;
    QJsonValue v = plain.isValid() && !plain.isNull() ? QJsonValue::fromVariant(plain) : QJsonValue(QJsonValue::Undefined);
    if (v.isString() && v.toString().trimmed().isEmpty())
        v = QJsonValue(QJsonValue::Undefined);
    if (getAt(m_record, segments) == v)
        return;
    m_record = setAt(m_record, segments, v).toObject();
    // An answer that makes a follow-up question irrelevant clears it, so no stale reason is kept.
    const QString key = segments.last().toString();
    if (segments.size() >= 3 && v.isBool() && v.toBool()) {
        QVariantList base = segments;
        if (key == u"seen") {
            base.last() = QStringLiteral("not_seen_reason");
            m_record = setAt(m_record, base, QJsonValue(QJsonValue::Undefined)).toObject();
        } else if (key == u"seen_alone") {
            base.last() = QStringLiteral("not_seen_alone_reason");
            m_record = setAt(m_record, base, QJsonValue(QJsonValue::Undefined)).toObject();
            base.last() = QStringLiteral("not_seen_alone_detail");
            m_record = setAt(m_record, base, QJsonValue(QJsonValue::Undefined)).toObject();
        }
    }
    // A child who leaves a child protection plan leaves its category with it (the rules refuse a
    // category on any other status, and the form hides the field).
    if (segments.size() == 1 && key == u"legal_status" && v != QJsonValue(QStringLiteral("child_protection")))
        m_record.remove(QStringLiteral("cp_category"));
    // The violation at this field is answered by the edit; the others stay until the next submit.
    if (m_errors.remove(path) > 0) {
        m_errorOrder.removeAll(path);
        Q_EMIT errorsChanged();
    }
    edited();
}

QString RecordForm::dateTimeText(const QString &path, int) const
{
    const QDateTime t = QDateTime::fromString(value(path).toString(), Qt::ISODate);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

bool RecordForm::setDateTimeText(const QString &path, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        setValue(path, QVariant());
        return true;
    }
    QDateTime local = QDateTime::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!local.isValid())
        return false;
    setValue(path, local.toUTC().toString(Qt::ISODate));
    return true;
}

QString RecordForm::dateText(const QString &path, int) const
{
    return value(path).toString();
}

bool RecordForm::setDateText(const QString &path, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        setValue(path, QVariant());
        return true;
    }
    const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!d.isValid())
        return false;
    setValue(path, d.toString(Qt::ISODate));
    return true;
}

void RecordForm::addAction(const QString &listPath)
{
    const QVariantList at = splitPath(listPath);
    if (at.isEmpty())
        return;
    QJsonArray actions = getAt(m_record, at).toArray();
    actions.append(QJsonObject{{QStringLiteral("id"), wire::newUuid()}, {QStringLiteral("status"), QStringLiteral("open")}});
    m_record = setAt(m_record, at, actions).toObject();
    edited();
    ++m_revision;
    Q_EMIT loaded();
}

void RecordForm::removeAction(int index, const QString &listPath)
{
    const QVariantList at = splitPath(listPath);
    QJsonArray actions = getAt(m_record, at).toArray();
    if (at.isEmpty() || index < 0 || index >= actions.size())
        return;
    actions.removeAt(index);
    m_record = setAt(m_record, at, actions).toObject();
    // Violations name actions by index; after a removal they would point at the wrong one.
    setErrors({});
    edited();
    ++m_revision;
    Q_EMIT loaded();
}

QStringList RecordForm::childIds(int) const
{
    return wire::childIdsOf(m_record);
}

bool RecordForm::addChild(const QString &childId)
{
    if (childId.isEmpty() || childIds().contains(childId))
        return false;
    if (m_type == u"visit") {
        QJsonArray cards = m_record.value(u"children").toArray();
        cards.append(QJsonObject{{QStringLiteral("child_id"), childId}, {QStringLiteral("safety_concern"), false}});
        m_record.insert(QStringLiteral("children"), cards);
    } else if (m_type == u"direct_work") {
        QJsonArray ids = m_record.value(u"child_ids").toArray();
        ids.append(childId);
        m_record.insert(QStringLiteral("child_ids"), ids);
    } else {
        return false; // one child per record of the other types
    }
    edited();
    fetchChildNames(childIds()); // the new card's name; bumps the revision when it arrives
    ++m_revision;
    Q_EMIT loaded();
    return true;
}

bool RecordForm::removeChild(int index)
{
    const QString key = m_type == u"visit" ? QStringLiteral("children") : QStringLiteral("child_ids");
    if (m_type != u"visit" && m_type != u"direct_work")
        return false;
    QJsonArray list = m_record.value(key).toArray();
    if (index < 0 || index >= list.size() || list.size() <= 1)
        return false;
    list.removeAt(index);
    m_record.insert(key, list);
    // Violations name cards by index; after a removal they would point at the wrong child.
    setErrors({});
    edited();
    ++m_revision;
    Q_EMIT loaded();
    return true;
}

void RecordForm::edited()
{
    m_dirty = true;
    m_unsavedDraft = true;
    recomputePrompts();
    ++m_version;
    Q_EMIT changed();
}

QList<rules::Violation> RecordForm::submissionViolations() const
{
    // The record as it would go: submitted, now (a child has no workflow: as it is).
    QJsonObject candidate = m_record;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (hasWorkflow()) {
        candidate.insert(QStringLiteral("state"), QStringLiteral("submitted"));
        candidate.insert(QStringLiteral("submitted_at"), now.toString(Qt::ISODate));
    }
    return rules::checkSubmission(candidate, now);
}

void RecordForm::recomputePrompts()
{
    m_prompts.clear();
    m_promptList.clear();
    m_needed.clear();
    if (m_record.isEmpty())
        return;
    // What a submit now would be refused for as missing (not for a wrong value: that shows on Submit).
    for (const rules::Violation &v : submissionViolations()) {
        if (v.code == u"required" || v.code == u"reason_required" || v.code == u"detail_required")
            m_needed.insert(v.field, true);
    }
    QSet<QString> messages;
    for (const rules::Prompt &p : rules::changePrompts(m_opened, m_record) + rules::qualityPrompts(m_record)) {
        // One message per field: where a violation is shown, its prompt (often the same words) is not.
        if (m_errors.contains(p.field))
            continue;
        const QVariantMap entry{{QStringLiteral("field"), p.field},
                                {QStringLiteral("code"), p.code},
                                {QStringLiteral("message"), p.message},
                                {QStringLiteral("strong"), p.strong}};
        if (!m_prompts.contains(p.field))
            m_prompts.insert(p.field, entry);
        // A list read as a whole says each thing once: two actions without an owner make one tip.
        if (messages.contains(p.message))
            continue;
        messages.insert(p.message);
        m_promptList.append(entry);
    }
}

void RecordForm::setErrors(const QList<std::pair<QString, QString>> &errors)
{
    m_errors.clear();
    m_errorOrder.clear();
    for (const auto &[field, message] : errors) {
        const QString key = field.isEmpty() ? QStringLiteral("record") : field;
        if (!m_errors.contains(key)) {
            m_errors.insert(key, message);
            m_errorOrder.append(key);
        }
    }
    recomputePrompts();
    ++m_version;
    Q_EMIT errorsChanged();
    Q_EMIT changed();
}

void RecordForm::setDraftExtra(const QJsonObject &extra)
{
    if (extra == m_draftExtra)
        return;
    m_draftExtra = extra;
    m_dirty = true;
    m_unsavedDraft = true;
    Q_EMIT changed();
}

QString RecordForm::draftText() const
{
    QJsonObject draft = m_record;
    if (!m_opened.isEmpty())
        draft.insert(kOpenedKey, m_opened);
    if (!m_draftExtra.isEmpty())
        draft.insert(kExtraKey, m_draftExtra);
    return QString::fromUtf8(QJsonDocument(draft).toJson(QJsonDocument::Compact));
}

void RecordForm::autosaveNow()
{
    if (!m_unsavedDraft || !m_store || m_formKey.isEmpty())
        return;
    m_unsavedDraft = false;
    auto future = m_store->saveDraft(m_formKey, draftText());
    future.then(this, [this](Result<void> r) {
        if (!r.ok()) {
            qCWarning(lcForm) << "autosave failed:" << r.error().message;
            m_unsavedDraft = true; // try again on the next tick
            return;
        }
        m_lastAutosave = QDateTime::currentDateTime();
        Q_EMIT autosaved();
    });
}

void RecordForm::saveDraft()
{
    save(false);
}

bool RecordForm::submit()
{
    if (!check())
        return false;
    save(true);
    return true;
}

bool RecordForm::check()
{
    const QList<rules::Violation> violations = submissionViolations();
    QList<std::pair<QString, QString>> errors;
    for (const rules::Violation &v : violations)
        errors.append({v.field, v.message});
    setErrors(errors);
    if (!violations.isEmpty())
        Q_EMIT submitRefused(m_errorOrder.value(0));
    return violations.isEmpty();
}

void RecordForm::refuse(const QString &field, const QString &message)
{
    setErrors({{field, message}});
    Q_EMIT submitRefused(field);
}

void RecordForm::discardDraft()
{
    m_autosave.stop();
    m_dirty = false;
    m_unsavedDraft = false;
    Q_EMIT changed();
    if (!m_store || m_formKey.isEmpty())
        return;
    const QString key = m_formKey;
    m_store->run<bool>([key](Database &db) -> Result<bool> {
        if (auto r = DraftStore(db).remove(key); !r)
            return r.error();
        return true;
    }).then([](Result<bool> r) {
        if (!r.ok())
            qCWarning(lcForm) << "could not remove a finished draft:" << r.error().message;
    });
}

void RecordForm::save(bool submit)
{
    if (!m_store || m_busy)
        return;
    QJsonObject record = m_record;
    if (submit && hasWorkflow()) {
        record.insert(QStringLiteral("state"), QStringLiteral("submitted"));
        record.insert(QStringLiteral("submitted_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    }
    setBusy(true);
    m_autosave.stop();
    // An edit goes onto the record as it is now: a pull while the form was open is not reverted.
    const QStringList decided = submit && hasWorkflow() ? QStringList{QStringLiteral("state"), QStringLiteral("submitted_at")} : QStringList();
    m_store->saveEdit(m_opened, record, m_formKey, decided).then(this, [this, record, submit](Result<StoredRecord> r) {
        setBusy(false);
        if (!r.ok()) {
            m_errorString = r.error().message;
            setErrors({{r.error().field, r.error().message}});
            m_autosave.start();
            Q_EMIT submitRefused(r.error().field);
            return;
        }
        // The record now exists: later edits of this form are edits of it.
        m_record = r.value().body;
        m_opened = m_record;
        m_formKey = QStringLiteral("edit:%1").arg(recordId());
        m_dirty = false;
        m_unsavedDraft = false;
        m_errorString.clear();
        setErrors({});
        ++m_version;
        Q_EMIT changed();
        Q_EMIT saved(submit);
    });
}

} // namespace doorstep
