// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/store/store.h"
#include "managersync.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace doorstep {

class KeyStore;
class PinVault;
class Reachability;
namespace sync {
class Device;
}

/**
 * What the whole app is doing: signed in or not, locked or not, and how sync stands. Owned by
 * main() and reached from QML as the AppState singleton (appstateforeign.h). It drives the
 * device (store, session, sync engine) but holds no record data itself: pages load their own
 * view-models, and locking destroys those pages so nothing stays in memory behind the PIN.
 */
class AppState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Phase phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(doorstep::Store *store READ store CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /** The username (what the person signs in with). */
    Q_PROPERTY(QString userName READ userName NOTIFY phaseChanged)
    /** The name shown for the signed-in person ("Sam Patel"; the username when the service has none). */
    Q_PROPERTY(QString displayName READ displayName NOTIFY displayNameChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY phaseChanged)
    /** The signed-in user's id, role (worker, manager) and team, as the service said at sign-in. */
    Q_PROPERTY(QString userId READ userId NOTIFY phaseChanged)
    Q_PROPERTY(QString role READ role NOTIFY phaseChanged)
    Q_PROPERTY(QString teamId READ teamId NOTIFY phaseChanged)
    Q_PROPERTY(bool isManager READ isManager NOTIFY phaseChanged)
    /** Export reports waiting for the service, and the team's names (managers). */
    Q_PROPERTY(doorstep::ManagerSync *managerSync READ managerSync CONSTANT)
    Q_PROPERTY(int pinAttemptsLeft READ pinAttemptsLeft NOTIFY errorStringChanged)
    Q_PROPERTY(bool online READ online NOTIFY syncChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncChanged)
    Q_PROPERTY(QString syncStatus READ syncStatus NOTIFY syncChanged)
    Q_PROPERTY(QString syncError READ syncError NOTIFY syncChanged)
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY syncChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY syncChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY syncChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)
    Q_PROPERTY(int quarantinedCount READ quarantinedCount NOTIFY countsChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY countsChanged)
    Q_PROPERTY(bool contentHidden READ contentHidden NOTIFY contentHiddenChanged)
    Q_PROPERTY(bool lockWhenInactive READ lockWhenInactive WRITE setLockWhenInactive NOTIFY contentHiddenChanged)
    Q_PROPERTY(int idleLockMs READ idleLockMs WRITE setIdleLockMs NOTIFY idleLockMsChanged)
    /** Text size relative to normal (1.0–2.0); DOORSTEP_TEXT_SCALE sets it for testing 200%. */
    Q_PROPERTY(qreal textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
public:
    enum class Phase { Starting, KeyProblem, SignIn, ChoosePin, Locked, Unlocked };
    Q_ENUM(Phase)

    AppState(sync::Device *device, KeyStore *keys, Reachability *reachability, QObject *parent = nullptr);
    ~AppState() override;

    /** Opens the device (key, store, saved sign-in) and goes to sign-in, PIN choice or the lock. */
    void start();
    /** Tests, screenshots and the benchmark: no service, straight to choosing (or entering) a PIN. */
    void startWithoutService();

    Phase phase() const { return m_phase; }
    Store *store() const;
    bool busy() const { return m_busy; }
    QString errorString() const { return m_errorString; }
    QString userName() const;
    QString displayName() const;
    QString serverUrl() const;
    QString userId() const;
    QString role() const;
    QString teamId() const;
    bool isManager() const { return role() == u"manager"; }
    ManagerSync *managerSync() const { return m_managerSync; }
    /** Demo, screenshots and tests without a service: who is "signed in". */
    void setDemoUser(const QString &id, const QString &username, const QString &role, const QString &teamId);
    int pinAttemptsLeft() const;
    bool online() const { return m_online; }
    bool syncing() const { return m_syncing; }
    QString syncStatus() const;
    QString syncError() const { return m_syncError; }
    QDateTime lastSync() const { return m_lastSync; }
    int progressDone() const { return m_progressDone; }
    int progressTotal() const { return m_progressTotal; }
    int pendingCount() const { return m_pending; }
    int quarantinedCount() const { return m_quarantined; }
    int conflictCount() const { return m_conflicts; }
    bool contentHidden() const;
    bool lockWhenInactive() const { return m_lockWhenInactive; }
    void setLockWhenInactive(bool on);
    int idleLockMs() const { return m_idleTimer.interval(); }
    void setIdleLockMs(int ms);
    qreal textScale() const { return m_textScale; }
    void setTextScale(qreal scale);

    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &username, const QString &password);
    Q_INVOKABLE void choosePin(const QString &pin, const QString &again);
    Q_INVOKABLE void unlock(const QString &pin);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void syncNow();
    /** A form saved a record: recount, tell the pages, and send it when possible. */
    Q_INVOKABLE void recordSaved();
    Q_INVOKABLE void refreshCounts();
    Q_INVOKABLE void clearError() { setError({}); }

Q_SIGNALS:
    void phaseChanged();
    /** At every phase change, and when the service renames the signed-in person (told at a token refresh). */
    void displayNameChanged();
    void busyChanged();
    void errorStringChanged();
    void syncChanged();
    void countsChanged();
    void contentHiddenChanged();
    void idleLockMsChanged();
    void textScaleChanged();
    /** Records on the device changed (a save or a sync): lists reload. */
    void recordsChanged();
    /** The app is about to lock or go to the background: forms save their drafts now. */
    void suspending();
    /** The PIN was accepted; the caseload is about to show (the benchmark starts its clock here). */
    void unlocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setPhase(Phase phase);
    void setBusy(bool busy);
    void setError(const QString &message);
    void afterOpen(bool withService);
    void onApplicationStateChanged(Qt::ApplicationState state);

    sync::Device *m_device;
    PinVault *m_pin;
    ManagerSync *m_managerSync;
    QStringList m_demoUser; // id, username, role, team; empty with a real sign-in
    Reachability *m_reachability;
    Phase m_phase = Phase::Starting;
    bool m_busy = false;
    bool m_withService = true;
    QString m_errorString;
    bool m_online = true;
    bool m_syncing = false;
    int m_engineState = 0;
    QString m_syncError;
    QDateTime m_lastSync;
    int m_progressDone = 0;
    int m_progressTotal = 0;
    int m_pending = 0;
    int m_quarantined = 0;
    int m_conflicts = 0;
    bool m_lockWhenInactive = true;
    bool m_active = true;
    qreal m_textScale = 1.0;
    QTimer m_idleTimer;
};

} // namespace doorstep
