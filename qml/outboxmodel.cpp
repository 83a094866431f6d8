// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "outboxmodel.h"

#include "labels.h"

#include "core/rules.h"
#include "core/store/database.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/wire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace doorstep {

namespace {

/** Where in the record a field path points, in words: "children[0].seen_alone" on a visit about
 *  Amara is "Amara Ashworth: Child seen alone"; "actions[1].owner" is "Action 2: Who". */
QString fieldInWords(const QString &path, const QJsonObject &body, const std::function<QString(const QString &)> &childName)
{
    static const QRegularExpression item(QStringLiteral("^([a-z_]+)\\[(\\d+)\\]$"));
    QStringList words;
    QJsonValue at = body;
    const QStringList parts = path.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        const QRegularExpressionMatch m = item.match(parts.at(i));
        const bool last = i == parts.size() - 1;
        if (!m.hasMatch()) {
            at = at.toObject().value(parts.at(i));
            if (last)
                words << Labels::fieldLabel(parts.at(i));
            continue;
        }
        const QString list = m.captured(1);
        const int index = m.captured(2).toInt();
        at = at.toObject().value(list).toArray().at(index);
        QString name;
        if (list == u"children")
            name = childName(at.toObject().value(u"child_id").toString());
        else if (list == u"child_ids")
            name = childName(at.toString());
        if (name.isEmpty())
            name = list == u"actions" ? OutboxModel::tr("Action %1").arg(index + 1)
                                      : OutboxModel::tr("%1, item %2").arg(Labels::fieldLabel(list)).arg(index + 1);
        words << name;
    }
    return words.join(QStringLiteral(": "));
}

// The service's codes for a change it refuses whatever the record says; any other code is a
// record rule (core/rules.h), which the worker puts right in the record.
bool isRuleCode(const QString &code)
{
    static const QSet<QString> service = {QStringLiteral("forbidden"),      QStringLiteral("not_found"),
                                          QStringLiteral("gone"),           QStringLiteral("unsupported_schema"),
                                          QStringLiteral("invalid_input"),  QStringLiteral("forbidden_field"),
                                          QStringLiteral("storage_error")};
    return !code.isEmpty() && !service.contains(code);
}

} // namespace

OutboxModel::OutboxModel(QObject *parent) : QAbstractListModel(parent) {}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    return {{MutationIdRole, "mutationId"}, {RecordIdRole, "recordId"}, {TitleRole, "title"},     {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {ReasonRole, "reason"},     {AttemptsRole, "attempts"}, {TypeRole, "type"},
            {AdviceRole, "advice"},         {CanSendAgainRole, "canSendAgain"}, {CanFixRole, "canFix"}};
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case MutationIdRole:
        return r.mutationId;
    case RecordIdRole:
        return r.recordId;
    case TypeRole:
        return r.type;
    case StatusRole:
        return r.status;
    case StatusTextRole:
        if (r.status == u"pending")
            return r.attempts > 0 ? tr("Waiting to send (tried %n time(s))", nullptr, r.attempts) : tr("Waiting to send");
        if (r.status == u"sent")
            return tr("Sent, waiting for the answer");
        if (r.status == u"quarantined")
            return tr("Refused by the service");
        if (r.status == u"accepted")
            return tr("Accepted by the service");
        if (r.status == u"returned")
            return tr("Returned by your manager");
        if (r.status == u"held")
            return tr("Kept aside on this tablet");
        return r.status;
    case ReasonRole:
        return r.reason;
    case AttemptsRole:
        return r.attempts;
    case AdviceRole:
        return r.advice;
    case CanSendAgainRole:
        return r.canSendAgain;
    case CanFixRole:
        return r.canFix;
    default:
        return {};
    }
}

void OutboxModel::setStore(Store *store)
{
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    reload();
}

Result<QList<OutboxRow>> OutboxModel::read(Database &db)
{
    Outbox outbox(db);
    RecordRepository repo(db);
    auto pending = outbox.pending(1000);
    if (!pending)
        return pending.error();
    auto quarantined = outbox.quarantined();
    if (!quarantined)
        return quarantined.error();
    QList<OutboxRow> rows;
    QSet<QString> waiting;
    QHash<QString, QString> childNames; // child id -> name, read once per child
    auto childName = [&](const QString &childId) {
        auto it = childNames.constFind(childId);
        if (it == childNames.constEnd()) {
            auto child = repo.byId(childId);
            it = childNames.insert(childId, child ? wire::titleOf(child.value().body) : QString());
        }
        return it.value();
    };
    // "Amara Ashworth: Child in need visit, 21 Oct 2026": a worker scans for the child first.
    auto titleOfBody = [&](const QJsonObject &body) {
        const QString title = wire::titleOf(body);
        if (body.value(u"type").toString() == u"child")
            return title;
        QStringList names;
        for (const QString &childId : wire::childIdsOf(body)) {
            if (const QString name = childName(childId); !name.isEmpty())
                names << name;
        }
        return names.isEmpty() ? title : tr("%1: %2").arg(names.join(u", "), title);
    };
    auto titleFor = [&](const StoredRecord &rec) { return titleOfBody(rec.body); };
    auto titleOf = [&](const QString &id, const QString &type) {
        auto rec = repo.byId(id);
        return rec ? titleFor(rec.value()) : type;
    };
    // My recent records the service already holds: returned (with the reason) and accepted.
    QList<OutboxRow> returned, accepted;
    for (const char *type : {"visit", "direct_work"}) {
        auto recent = repo.byType(QString::fromLatin1(type), 30);
        if (!recent)
            return recent.error();
        for (const StoredRecord &r : recent.value()) {
            if (r.rev <= 0)
                continue;
            if (r.state == u"returned")
                returned.append(OutboxRow::of(QString(), r.id, r.type, titleFor(r), QStringLiteral("returned"), r.body.value(u"return_reason").toString(), 0));
            else if (r.state == u"submitted" || r.state == u"approved")
                accepted.append(OutboxRow::of(QString(), r.id, r.type, titleFor(r), QStringLiteral("accepted"), QString(), 0));
        }
    }
    // What needs a person first: a quarantined change, then a record the manager returned; then
    // what is waiting, in order; then what the service accepted.
    for (const OutboxEntry &e : quarantined.value()) {
        auto rec = repo.byId(e.recordId);
        const QJsonObject body = rec ? rec.value().body : QJsonObject();
        OutboxRow row = OutboxRow::of(e.mutationId, e.recordId, e.type, rec ? titleFor(rec.value()) : e.type, QStringLiteral("quarantined"),
                                      e.lastError, e.attempts);
        const bool ruleBroken = isRuleCode(e.errorCode);
        if (ruleBroken) {
            // The same rule on this device says it in the worker's language.
            QJsonObject submitted = body;
            submitted.insert(QStringLiteral("state"), QStringLiteral("submitted"));
            for (const rules::Violation &v : rules::checkSubmission(submitted, QDateTime::currentDateTimeUtc()))
                if (v.field == e.errorField && v.code == e.errorCode)
                    row.reason = v.message;
        }
        // Fields of the request itself (type, base_rev, the whole patch) mean nothing to a worker.
        static const QSet<QString> technical = {QStringLiteral("type"), QStringLiteral("base_rev"), QStringLiteral("record_id"),
                                                QStringLiteral("op"), QStringLiteral("patch")};
        if (!e.errorField.isEmpty() && !technical.contains(e.errorField))
            row.reason = tr("%1 — %2").arg(fieldInWords(e.errorField, body, childName), row.reason);
        const bool hasForm = e.type == u"visit" || e.type == u"direct_work" || e.type == u"supervision" || e.type == u"child";
        row.canFix = hasForm && rec && (ruleBroken || e.errorCode == u"invalid_input" || e.errorCode == u"forbidden_field");
        // "forbidden" on the state is the service's "only the author submits a record": no allocation
        // or later attempt changes who wrote it.
        const bool notAuthor = e.errorCode == u"forbidden" && e.errorField == u"state";
        row.canSendAgain = !ruleBroken && !notAuthor && e.errorCode != u"gone" && e.errorCode != u"invalid_input" && e.errorCode != u"forbidden_field";
        if (row.canFix)
            row.advice = tr("Open the record and put this right: it is sent again when you save it.");
        else if (notAuthor)
            row.advice = tr("Only the record's author can submit it. Ask them, or your manager, to submit it.");
        else if (e.errorCode == u"forbidden")
            row.advice = tr("Ask your manager to check who this child is allocated to, then send it again. Work you recorded before "
                            "the child moved to another worker is taken for four weeks after the move; after that, or for work recorded "
                            "later, this tablet keeps the change: make a rescue copy in Settings before you sign out.");
        else if (e.errorCode == u"unsupported_schema")
            row.advice = tr("The service needs an update before it can take this record. Send it again once it has one.");
        else if (e.errorCode == u"storage_error")
            row.advice = tr("Send it again later. If the service still cannot store it, ask for help: the record is safe on this device.");
        else if (e.errorCode == u"gone")
            row.advice = tr("The record was deleted on the service. Ask your manager before recording it again.");
        else
            row.advice = tr("Send it again, and ask for help if it is refused again.");
        rows.append(row);
        waiting.insert(e.recordId);
    }
    for (const OutboxEntry &e : pending.value())
        waiting.insert(e.recordId);
    for (const OutboxRow &r : std::as_const(returned))
        if (!waiting.contains(r.recordId))
            rows.append(r);
    // Records the service sent that this tablet could not store: not this tablet's to send, but
    // nothing on it is hidden, so each is named with why and what will open it.
    auto held = HeldRecords(db).all();
    if (!held)
        return held.error();
    for (const HeldRecord &h : held.value()) {
        OutboxRow row = OutboxRow::of(QString(), h.recordId, h.body.value(u"type").toString(), titleOfBody(h.body),
                                      QStringLiteral("held"), QString(), 0);
        if (row.title.isEmpty())
            row.title = Labels::recordType(row.type);
        if (h.needsNewerVersion()) {
            row.advice = tr("A newer version of Doorstep wrote this record. Update the app on this tablet to open it; "
                            "until then it is kept here and the service keeps its own copy.");
        } else {
            row.reason = h.field.isEmpty() ? h.reason : tr("%1 — %2").arg(fieldInWords(h.field, h.body, childName), h.reason);
            row.advice = tr("This tablet could not store the service's copy of this record. It is kept here and replaced when "
                            "the service sends a corrected one; tell your support team if it stays.");
        }
        rows.append(row);
    }
    for (const OutboxEntry &e : pending.value())
        rows.append(OutboxRow::of(e.mutationId, e.recordId, e.type, titleOf(e.recordId, e.type), e.status, e.lastError, e.attempts));
    for (const OutboxRow &r : std::as_const(accepted))
        if (!waiting.contains(r.recordId))
            rows.append(r);
    return rows;
}

void OutboxModel::reload()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    m_store->run<QList<OutboxRow>>([](Database &db) { return read(db); }).then(this, [this, generation](Result<QList<OutboxRow>> r) {
        if (generation != m_generation)
            return;
        beginResetModel();
        if (r.ok()) {
            m_rows = r.value();
            m_errorString.clear();
        } else {
            m_rows.clear();
            m_errorString = r.error().message;
        }
        endResetModel();
        Q_EMIT countChanged();
    });
}

void OutboxModel::retry(int row)
{
    if (!m_store || row < 0 || row >= m_rows.size() || m_rows.at(row).status != u"quarantined")
        return;
    const QString id = m_rows.at(row).mutationId;
    m_store->run<bool>([id](Database &db) -> Result<bool> {
         if (auto r = Outbox(db).requeue(id); !r)
             return r.error();
         return true;
     }).then(this, [this](Result<bool> r) {
        if (r.ok())
            Q_EMIT requeued();
        reload();
    });
}

} // namespace doorstep
