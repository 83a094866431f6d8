// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/store/store.h"
#include "managersync.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

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
    /** Records the service sent that this version could not store (HeldRecords): an update opens them. */
    Q_PROPERTY(int heldCount READ heldCount NOTIFY countsChanged)
    /** Children a sync took off this tablet because they were moved to another worker, named once
     *  ("Amara Ashworth has been moved to another worker ..."); empty when there is nothing to say. */
    Q_PROPERTY(QString caseloadNotice READ caseloadNotice NOTIFY caseloadNoticeChanged)
    Q_PROPERTY(bool contentHidden READ contentHidden NOTIFY contentHiddenChanged)
    Q_PROPERTY(bool lockWhenInactive READ lockWhenInactive WRITE setLockWhenInactive NOTIFY contentHiddenChanged)
    Q_PROPERTY(int idleLockMs READ idleLockMs WRITE setIdleLockMs NOTIFY idleLockMsChanged)
    /** Text size relative to normal (1.0–2.0); DOORSTEP_TEXT_SCALE sets it for testing 200%. */
    Q_PROPERTY(qreal textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
    /** How the caseload lists children (a CaseloadModel::Order), as last chosen on this tablet. */
    Q_PROPERTY(int caseloadOrder READ caseloadOrder WRITE setCaseloadOrder NOTIFY caseloadOrderChanged)
    /** What signing out would take off this tablet unsent (checkUnsent() counts it): changes not
     *  yet accepted by the service (waiting or refused), conflicts not resolved, drafts not saved as
     *  records, review decisions not sent. -1 until counted. */
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY unsentChanged)
    Q_PROPERTY(QString unsentSummary READ unsentSummary NOTIFY unsentChanged)
    /** The encrypted rescue copy made since the last change here; empty when there is none. */
    Q_PROPERTY(QString rescueCopyPath READ rescueCopyPath NOTIFY unsentChanged)
    /** Where rescue copies are written (Documents/Doorstep unless set). */
    Q_PROPERTY(QString rescueDir READ rescueDir WRITE setRescueDir NOTIFY unsentChanged)
    /** Nothing unsent, or a rescue copy holds it: signing out loses nothing. */
    Q_PROPERTY(bool canSignOut READ canSignOut NOTIFY unsentChanged)
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
    int heldCount() const { return m_held; }
    QString caseloadNotice() const;
    Q_INVOKABLE void dismissCaseloadNotice();
    /** A case this manager just opened, said on the caseload until dismissed (it arrives on the
     *  tablet with the sync that follows). */
    Q_INVOKABLE void noteCaseOpened(const QString &childName, const QString &workerName);
    bool contentHidden() const;
    bool lockWhenInactive() const { return m_lockWhenInactive; }
    void setLockWhenInactive(bool on);
    int idleLockMs() const { return m_idleTimer.interval(); }
    void setIdleLockMs(int ms);
    qreal textScale() const { return m_textScale; }
    void setTextScale(qreal scale);
    int caseloadOrder() const { return m_caseloadOrder; }
    void setCaseloadOrder(int order);
    int unsentCount() const { return m_unsentKnown ? m_unsent.total() : -1; }
    QString unsentSummary() const;
    QString rescueCopyPath() const { return m_rescueCopyPath; }
    QString rescueDir() const;
    void setRescueDir(const QString &dir);
    bool canSignOut() const { return m_unsentKnown && (m_unsent.total() == 0 || !m_rescueCopyPath.isEmpty()); }

    /** What can go wrong with signing out, counted on the store thread. */
    struct UnsentWork {
        int changes = 0;   // outbox entries not accepted (waiting, sent, refused)
        int refused = 0;   // of those, quarantined
        int conflicts = 0; // fields with a conflict not resolved
        int drafts = 0;    // autosaved forms never saved as a record
        int decisions = 0; // a manager's review decisions not sent
        int held = 0;      // not unsent work: records from the service this version could not store
        int total() const { return changes + conflicts + drafts + decisions; }
    };

    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &username, const QString &password);
    Q_INVOKABLE void choosePin(const QString &pin, const QString &again);
    Q_INVOKABLE void unlock(const QString &pin);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void syncNow();
    /** A form saved a record: recount, tell the pages, and send it when possible. */
    Q_INVOKABLE void recordSaved();
    Q_INVOKABLE void refreshCounts();
    Q_INVOKABLE void clearError() { setError({}); }
    /** The text size the person chose on the settings screen; kept for the next start. */
    Q_INVOKABLE void chooseTextScale(qreal scale);
    /** Counts what signing out would take off the tablet unsent (unsentCount, unsentSummary); the
     *  same count as refreshCounts(), which every save and sync runs. */
    Q_INVOKABLE void checkUnsent() { refreshCounts(); }
    /** Writes an encrypted copy of everything on the tablet under the person's passphrase (typed
     *  twice, Database::kMinRescuePassphraseLength or more) to rescueDir, for IT to recover unsent
     *  work from; reported to the service's audit trail when it can be reached. */
    Q_INVOKABLE void exportRescueCopy(const QString &passphrase, const QString &again);
    /** Signs out and removes this person's records and key from the tablet. Refused while a sync
     *  runs, and while anything is unsent unless a rescue copy was made since the last change. */
    Q_INVOKABLE void signOut();

Q_SIGNALS:
    void phaseChanged();
    void caseloadNoticeChanged();
    /** At every phase change, and when the service renames the signed-in person (told at a token refresh). */
    void displayNameChanged();
    void busyChanged();
    void errorStringChanged();
    void syncChanged();
    void countsChanged();
    void contentHiddenChanged();
    void idleLockMsChanged();
    void textScaleChanged();
    void caseloadOrderChanged();
    void unsentChanged();
    /** A rescue copy was written (`path`), or could not be (`path` empty; errorString says why). */
    void rescueCopyFinished(const QString &path);
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
    void countUnsent(std::function<void(Result<UnsentWork>)> done);
    void setUnsent(const UnsentWork &work);
    /** Sign-out after the checks: the service is told, the tokens, the store and its key go, and
     *  an empty store is opened for the next person. */
    void removeThisUser();

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
    int m_held = 0;
    QStringList m_leftCaseload; // names of children moved away, until the person dismisses the notice
    QStringList m_casesOpened;  // "Dara Okonjo's case is open ...", likewise
    QStringList m_openedNames;  // the children of those, not said again when they arrive
    QStringList m_joinedCaseload; // names of children new to this tablet, likewise
    bool m_lockWhenInactive = true;
    bool m_active = true;
    qreal m_textScale = 1.0;
    int m_caseloadOrder = 0;
    UnsentWork m_unsent;
    bool m_unsentKnown = false;
    QString m_rescueCopyPath;
    QString m_rescueDir;
    QTimer m_idleTimer;
};

} // namespace doorstep
