// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "transfersmodel.h"

#include "core/store/store.h"
#include "core/wire.h"
#include "core/store/syncstate.h"
#include "labels.h"
#include "managersync.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QLocale>

namespace doorstep {

namespace {

QString dateText(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

} // namespace

TransfersModel::TransfersModel(QObject *parent) : QAbstractListModel(parent) {}

void TransfersModel::setStore(Store *store)
{
    if (m_store == store)
        return;
    m_store = store;
    Q_EMIT settingsChanged();
    reload();
}

void TransfersModel::setManagerSync(ManagerSync *sync)
{
    if (m_sync == sync)
        return;
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (m_sync)
        connect(m_sync, &ManagerSync::transfersChanged, this, &TransfersModel::reload);
    Q_EMIT settingsChanged();
}

void TransfersModel::reload()
{
    if (!m_store)
        return;
    const int generation = ++m_generation;
    struct Stored {
        QJsonObject transfers;
        QSet<QString> seen;
    };
    m_store->run<Stored>([](Database &db) -> Result<Stored> {
        auto transfers = ManagerSync::storedTransfers(db);
        if (!transfers)
            return transfers.error();
        auto seen = SyncState(db).get(seenKey());
        if (!seen)
            return seen.error();
        if (!seen.value()) {
            auto upgraded = upgradeSeenMark(db, transfers.value());
            if (!upgraded)
                return upgraded.error();
            seen = upgraded.value();
        }
        QSet<QString> seenIds;
        for (const QJsonValue &id : QJsonDocument::fromJson(seen.value().value_or(QString()).toUtf8()).array())
            seenIds.insert(id.toString());
        return Stored{transfers.value(), seenIds};
    }).then(this, [this, generation](Result<Stored> r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            m_error = tr("The transfers could not be read: %1").arg(r.error().message);
            Q_EMIT countChanged();
            return;
        }
        m_error.clear();
        apply(r.value().transfers, r.value().seen);
    });
}

Result<std::optional<QString>> TransfersModel::upgradeSeenMark(Database &db, const QJsonObject &transfers)
{
    // Earlier versions kept the time of the last look instead of the ids it saw. The answers the
    // service stamped by then were seen under that rule; carrying them over keeps them from
    // counting as news again after the update.
    SyncState state(db);
    auto seenAt = state.get(legacySeenAtKey());
    if (!seenAt)
        return seenAt.error();
    if (!seenAt.value())
        return std::optional<QString>();
    const QDateTime lookedAt = QDateTime::fromString(*seenAt.value(), Qt::ISODateWithMs);
    QJsonArray seen;
    for (const QJsonValue &t : transfers.value(u"outgoing").toArray()) {
        const QDateTime decided = QDateTime::fromString(t[u"decided_at"].toString(), Qt::ISODateWithMs);
        if (lookedAt.isValid() && decided.isValid() && decided <= lookedAt)
            seen.append(t[u"id"].toString());
    }
    const QString ids = QString::fromUtf8(QJsonDocument(seen).toJson(QJsonDocument::Compact));
    if (auto r = state.set(seenKey(), ids); !r)
        return r.error();
    if (auto r = state.remove(legacySeenAtKey()); !r)
        return r.error();
    return std::optional<QString>(ids);
}

void TransfersModel::markSeen()
{
    if (!m_store)
        return;
    // The answers the store holds as the list is opened. Ids rather than a time: the answers are
    // stamped by the service's clock, which need not agree with this tablet's.
    m_store->run<bool>([](Database &db) -> Result<bool> {
        auto transfers = ManagerSync::storedTransfers(db);
        if (!transfers)
            return transfers.error();
        QJsonArray answered;
        for (const QJsonValue &t : transfers.value().value(u"outgoing").toArray()) {
            if (t[u"state"].toString() != QLatin1String("pending"))
                answered.append(t[u"id"].toString());
        }
        if (auto r = SyncState(db).set(seenKey(), QString::fromUtf8(QJsonDocument(answered).toJson(QJsonDocument::Compact))); !r)
            return r.error();
        return true;
    }).then(this, [this](Result<bool> r) {
        if (r.ok())
            reload();
    });
}

void TransfersModel::apply(const QJsonObject &stored, const QSet<QString> &seen)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &t : stored.value(u"incoming").toArray())
        m_rows.append({t.toObject(), true});
    m_incoming = int(m_rows.size());
    // An answer is news until the list has been looked at with it in.
    m_answered = 0;
    for (const QJsonValue &t : stored.value(u"outgoing").toArray()) {
        m_rows.append({t.toObject(), false});
        const QString state = t[u"state"].toString();
        m_answered += state != QLatin1String("pending") && state != QLatin1String("withdrawn") && !seen.contains(t[u"id"].toString());
    }
    endResetModel();
    const QDateTime fetched = QDateTime::fromString(stored.value(u"fetched_at").toString(), Qt::ISODate);
    m_fetchedText = fetched.isValid() ? tr("As of %1 at %2")
                                            .arg(QLocale().toString(fetched.toLocalTime().date(), QLocale::ShortFormat),
                                                 fetched.toLocalTime().time().toString(QStringLiteral("HH:mm")))
                                      : tr("Not fetched yet: the list comes from the service when this tablet is online.");
    Q_EMIT countChanged();
}

int TransfersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TransfersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const QJsonObject &t = row.transfer;
    const QJsonObject child = t.value(u"child").toObject();
    const QString state = t.value(u"state").toString();
    switch (role) {
    case TransferIdRole:
        return t.value(u"id").toString();
    case ChildIdRole:
        return t.value(u"child_id").toString();
    case IncomingRole:
        return row.incoming;
    case GroupRole:
        return row.incoming ? tr("Waiting for your answer") : tr("Asked by your team");
    case FirstInGroupRole:
        return index.row() == 0 || m_rows.at(index.row() - 1).incoming != row.incoming;
    case ChildNameRole:
        return wire::childKnownAs(child);
    case ChildDetailsRole: {
        QStringList parts;
        const QDate born = QDate::fromString(child.value(u"date_of_birth").toString(), Qt::ISODate);
        if (born.isValid())
            parts << tr("Born %1").arg(QLocale().toString(born, QLocale::ShortFormat));
        if (child.contains(u"legal_status")) {
            QString status = Labels::legalStatus(child.value(u"legal_status").toString());
            if (child.contains(u"cp_category"))
                status = tr("%1 (%2)").arg(status, Labels::cpCategory(child.value(u"cp_category").toString()));
            parts << status;
        }
        return parts.join(QStringLiteral(" · "));
    }
    case TeamTextRole:
        return row.incoming ? tr("From %1").arg(t.value(u"from_team_name").toString()) : tr("To %1").arg(t.value(u"to_team_name").toString());
    case HeldByRole:
        return t.value(u"held_by_name").toString();
    case RequestedTextRole:
        return tr("Asked by %1 on %2").arg(t.value(u"requested_by_name").toString(), dateText(t.value(u"requested_at").toString()));
    case ReasonRole:
        return t.value(u"reason").toString();
    case StateRole:
        return state;
    case StateTextRole: {
        const QString by = t.value(u"decided_by_name").toString();
        const QString on = dateText(t.value(u"decided_at").toString());
        if (state == QLatin1String("accepted"))
            return tr("Accepted by %1 on %2: allocated to %3").arg(by, on, t.value(u"worker_name").toString());
        if (state == QLatin1String("declined"))
            return tr("Declined by %1 on %2").arg(by, on);
        if (state == QLatin1String("withdrawn"))
            return tr("Withdrawn on %1").arg(on);
        return tr("Waiting for an answer");
    }
    case DecisionReasonRole:
        return t.value(u"decision_reason").toString();
    case CanAnswerRole:
        return row.incoming && state == QLatin1String("pending");
    case CanWithdrawRole:
        return !row.incoming && state == QLatin1String("pending");
    }
    return {};
}

QHash<int, QByteArray> TransfersModel::roleNames() const
{
    return {{TransferIdRole, "transferId"},     {ChildIdRole, "childId"},           {IncomingRole, "incoming"},
            {GroupRole, "group"}, {FirstInGroupRole, "firstInGroup"},           {ChildNameRole, "childName"},       {ChildDetailsRole, "childDetails"},
            {TeamTextRole, "teamText"},         {HeldByRole, "heldBy"},             {RequestedTextRole, "requestedText"},
            {ReasonRole, "reason"},             {StateRole, "state"},               {StateTextRole, "stateText"},
            {DecisionReasonRole, "decisionReason"}, {CanAnswerRole, "canAnswer"},   {CanWithdrawRole, "canWithdraw"}};
}

QVariantMap TransfersModel::get(int row) const
{
    QVariantMap out;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row, 0), it.key()));
    return out;
}

} // namespace doorstep
