// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"
#include "core/store/decisionqueue.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqml.h>

#include <optional>

namespace doorstep {

class Database;
class Store;

/** What the read view shows, read in one store job. */
struct ReviewData {
    bool found = false;
    QString type;
    QJsonObject body;
    qint64 rev = 0;
    QHash<QString, QString> childNames;   // child id -> name
    QHash<QString, QString> userNames;    // user id -> name, as last fetched from the service
    std::optional<QueuedDecision> decision;
};

/**
 * A submitted record read in full, read-only (every section of a visit including each child's
 * card; direct work; supervision), and the manager's decision on it: approve or return, each
 * with the rationale the service requires. The decision is queued on the device with the revision
 * shown here (`seen_rev`) and replayed by the sync engine; the view does not reload under the
 * manager's eyes, so what they approve is what they read.
 */
class ReviewViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    /** The signed-in manager (their own records cannot be decided). */
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY userIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadedChanged)
    Q_PROPERTY(bool found READ found NOTIFY loadedChanged)
    Q_PROPERTY(QString recordType READ recordType NOTIFY loadedChanged)
    Q_PROPERTY(QString typeText READ typeText NOTIFY loadedChanged)
    Q_PROPERTY(QString title READ title NOTIFY loadedChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY loadedChanged)
    Q_PROPERTY(QString authorName READ authorName NOTIFY loadedChanged)
    Q_PROPERTY(QString childNames READ childNames NOTIFY loadedChanged)
    Q_PROPERTY(QString submittedText READ submittedText NOTIFY loadedChanged)
    Q_PROPERTY(bool safetyConcern READ safetyConcern NOTIFY loadedChanged)
    /** The revision on screen: the one a decision is made about. */
    Q_PROPERTY(qint64 rev READ rev NOTIFY loadedChanged)
    /** [{heading, alert, items: [{label, value, alert}]}] in reading order. */
    Q_PROPERTY(QVariantList sections READ sections NOTIFY loadedChanged)

    Q_PROPERTY(QString rationale READ rationale WRITE setRationale NOTIFY decisionStateChanged)
    Q_PROPERTY(bool canApprove READ canApprove NOTIFY decisionStateChanged)
    Q_PROPERTY(bool canReturn READ canReturn NOTIFY decisionStateChanged)
    /** Why the buttons are disabled (empty when they are not). */
    Q_PROPERTY(QString blockedReason READ blockedReason NOTIFY decisionStateChanged)
    /** This device's latest decision on the record: empty, pending, accepted, conflict, refused. */
    Q_PROPERTY(QString decisionStatus READ decisionStatus NOTIFY decisionStateChanged)
    Q_PROPERTY(QString decision READ decision NOTIFY decisionStateChanged)
    Q_PROPERTY(QString decisionStatusText READ decisionStatusText NOTIFY decisionStateChanged)
    /** The conflict or refusal explained for the manager. */
    Q_PROPERTY(QString decisionProblem READ decisionProblem NOTIFY decisionStateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY decisionStateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY decisionStateChanged)
public:
    explicit ReviewViewModel(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    QString userId() const { return m_userId; }
    void setUserId(const QString &id);
    bool loading() const { return m_loading; }
    bool found() const { return m_data.found; }
    QString recordType() const { return m_data.type; }
    QString typeText() const;
    QString title() const;
    QString stateText() const;
    QString authorName() const;
    QString childNames() const;
    QString submittedText() const;
    bool safetyConcern() const;
    qint64 rev() const { return m_data.rev; }
    QVariantList sections() const { return m_sections; }

    QString rationale() const { return m_rationale; }
    void setRationale(const QString &text);
    bool canApprove() const { return blockedReason().isEmpty(); }
    bool canReturn() const { return blockedReason().isEmpty(); }
    QString blockedReason() const;
    QString decisionStatus() const { return m_data.decision ? m_data.decision->status : QString(); }
    QString decision() const { return m_data.decision ? m_data.decision->decision : QString(); }
    QString decisionStatusText() const;
    QString decisionProblem() const;
    bool busy() const { return m_busy; }
    QString errorString() const { return m_errorString; }

    /** Re-reads the record (the current version) and this device's decision on it. */
    Q_INVOKABLE void reload();
    /** Queue the decision about the revision on screen; `decided` follows once it is stored. */
    Q_INVOKABLE void approve();
    Q_INVOKABLE void returnRecord();
    /** Forget a conflicting or refused (or still queued) decision without deciding again. */
    Q_INVOKABLE void discardDecision();

    static Result<ReviewData> read(Database &db, const QString &recordId);
    /** The read-only sections for a record (public for tests). */
    static QVariantList sectionsFor(const ReviewData &data);

Q_SIGNALS:
    void storeChanged();
    void recordIdChanged();
    void userIdChanged();
    void loadedChanged();
    void decisionStateChanged();
    /** The decision is queued on the device (it goes to the service with the next sync). */
    void decided(const QString &decision);

private:
    void queue(const QString &decision);

    QPointer<Store> m_store;
    QString m_recordId;
    QString m_userId;
    bool m_loading = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    ReviewData m_data;
    QVariantList m_sections;
    QString m_rationale;
    QString m_errorString;
};

} // namespace doorstep
