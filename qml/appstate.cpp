// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "appstate.h"

#include "core/store/conflictstore.h"
#include "core/store/decisionqueue.h"
#include "core/store/draftstore.h"
#include "core/store/heldrecords.h"
#include "core/store/outbox.h"
#include "managerexports.h"
#include "managersync.h"
#include "pinvault.h"
#include "platform/databasekeyprovider.h"
#include "platform/reachability.h"
#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QSysInfo>

Q_LOGGING_CATEGORY(lcApp, "doorstep.app")

namespace doorstep {

namespace {
constexpr int kIdleLockMs = 5 * 60 * 1000;
const QString kTextScaleSetting = QStringLiteral("display/text_scale");
const QString kCaseloadOrderSetting = QStringLiteral("display/caseload_order");

QString pinEntryFor(const QString &databasePath)
{
    // Same per-database suffix as the key's entry, so two data folders never share a PIN.
    return QStringLiteral("app-pin-") + DatabaseKeyProvider::entryNameFor(databasePath).section(QLatin1Char('-'), -1);
}
} // namespace

AppState::AppState(sync::Device *device, KeyStore *keys, Reachability *reachability, QObject *parent)
    : QObject(parent)
    , m_device(device)
    , m_pin(new PinVault(keys, pinEntryFor(device->databasePath()), this))
    , m_managerSync(new ManagerSync(device->store(), device->api(), this))
    , m_reachability(reachability)
{
    // The environment wins (tests of 200% text); otherwise the size chosen on the settings screen.
    if (const qreal scale = qEnvironmentVariable("DOORSTEP_TEXT_SCALE").toDouble(); scale > 0)
        m_textScale = qBound(0.75, scale, 2.5);
    else if (const qreal chosen = QSettings().value(kTextScaleSetting).toDouble(); chosen > 0)
        m_textScale = qBound(0.75, chosen, 2.5);
    m_caseloadOrder = QSettings().value(kCaseloadOrderSetting, 0).toInt();
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(kIdleLockMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &AppState::lock);
    if (qApp)
        qApp->installEventFilter(this);
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(gui, &QGuiApplication::applicationStateChanged, this, &AppState::onApplicationStateChanged);

    if (m_reachability) {
        m_online = m_reachability->isOnline();
        connect(m_reachability, &Reachability::onlineChanged, this, [this](bool online) {
            m_online = online;
            if (m_device->engine())
                m_device->engine()->setOnline(online);
            Q_EMIT syncChanged();
        });
    }

    connect(this, &AppState::phaseChanged, this, &AppState::displayNameChanged);
    if (sync::Session *session = m_device->session())
        connect(session, &sync::Session::userChanged, this, &AppState::displayNameChanged);

    sync::SyncEngine *engine = m_device->engine();
    connect(engine, &sync::SyncEngine::stateChanged, this, [this](sync::SyncEngine::State s) {
        m_engineState = int(s);
        m_syncing = s == sync::SyncEngine::State::Pushing || s == sync::SyncEngine::State::Pulling;
        if (s == sync::SyncEngine::State::Offline)
            m_online = false;
        Q_EMIT syncChanged();
    });
    connect(engine, &sync::SyncEngine::progress, this, [this](int done, int total) {
        m_progressDone = done;
        m_progressTotal = total;
        Q_EMIT syncChanged();
    });
    connect(engine, &sync::SyncEngine::finished, this, [this](bool ok) {
        m_syncing = false;
        if (ok) {
            m_lastSync = QDateTime::currentDateTime();
            m_syncError.clear();
            if (!m_reachability || m_reachability->isOnline())
                m_online = true;
        }
        Q_EMIT syncChanged();
        if (m_phase == Phase::Starting)
            return; // the store is being wiped or replaced (revoked, signed out)
        refreshCounts();
        Q_EMIT recordsChanged();
        // Exports made offline are reported once the service answers again (docs/managers.md).
        if (ok) {
            m_managerSync->flush();
            if (isManager()) {
                m_managerSync->refreshUserNames();
                m_managerSync->refreshTransfers();
            }
        }
    });
    connect(engine, &sync::SyncEngine::syncError, this, [this](const QString &code, const QString &message) {
        Q_UNUSED(code) // the message is the one written for people; the code is for logs
        m_syncError = message;
        Q_EMIT syncChanged();
    });
    connect(engine, &sync::SyncEngine::childrenLeftCaseload, this, [this](const QStringList &names) {
        // Said once and kept only here, in memory: the purge is what data minimisation asks for.
        m_leftCaseload += names;
        m_leftCaseload.removeDuplicates();
        Q_EMIT caseloadNoticeChanged();
    });
    connect(engine, &sync::SyncEngine::childrenJoinedCaseload, this, [this](const QStringList &names) {
        // A case this manager has just opened is already said ("…'s case is open …").
        for (const QString &name : names)
            if (!m_openedNames.contains(name) && !m_joinedCaseload.contains(name))
                m_joinedCaseload << name;
        Q_EMIT caseloadNoticeChanged();
    });
    connect(engine, &sync::SyncEngine::deviceWiped, this, [this](int unsynced) {
        const QString why = unsynced > 0 ? tr("This device was removed from the service. %n change(s) could not be sent.", nullptr, unsynced)
                                         : tr("This device was removed from the service. Sign in again.");
        // The wiped store is closed: an empty one (with a new key) is opened for signing in again.
        setPhase(Phase::Starting);
        m_device->open([this, why](Result<void> opened) {
            m_unsentKnown = false;
            m_rescueCopyPath.clear();
            if (!opened.ok()) {
                setError(opened.error().message);
                setPhase(Phase::KeyProblem);
                return;
            }
            setError(why);
            setPhase(Phase::SignIn);
            refreshCounts();
        });
    });
}

AppState::~AppState() = default;

Store *AppState::store() const
{
    return m_device->store();
}

QString AppState::userName() const
{
    if (!m_demoUser.isEmpty())
        return m_demoUser.at(1);
    return m_device->session() ? m_device->session()->user().username : QString();
}

QString AppState::displayName() const
{
    if (m_demoUser.isEmpty() && m_device->session()) {
        if (const QString name = m_device->session()->user().displayName; !name.isEmpty())
            return name;
    }
    return userName();
}

QString AppState::serverUrl() const
{
    return m_device->api() ? m_device->api()->baseUrl().toString() : QString();
}

QString AppState::userId() const
{
    if (!m_demoUser.isEmpty())
        return m_demoUser.at(0);
    return m_device->session() ? m_device->session()->user().id : QString();
}

QString AppState::role() const
{
    if (!m_demoUser.isEmpty())
        return m_demoUser.at(2);
    return m_device->session() ? m_device->session()->user().role : QString();
}

QString AppState::teamId() const
{
    if (!m_demoUser.isEmpty())
        return m_demoUser.at(3);
    return m_device->session() ? m_device->session()->user().team : QString();
}

void AppState::setDemoUser(const QString &id, const QString &username, const QString &role, const QString &teamId)
{
    m_demoUser = QStringList{id, username, role, teamId};
    Q_EMIT phaseChanged();
}

int AppState::pinAttemptsLeft() const
{
    return m_pin->attemptsLeft();
}

void AppState::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    if (phase == Phase::Unlocked)
        m_idleTimer.start();
    else
        m_idleTimer.stop();
    // Signed out or wiped: whoever signs in next is not told about the last person's children.
    if (phase == Phase::SignIn || phase == Phase::Starting)
        dismissCaseloadNotice();
    Q_EMIT phaseChanged();
}

void AppState::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void AppState::setError(const QString &message)
{
    if (message != m_errorString) {
        m_errorString = message;
        Q_EMIT errorStringChanged();
    }
}

void AppState::start()
{
    m_withService = true;
    setBusy(true);
    m_device->open([this](Result<void> r) {
        if (!r.ok()) {
            setBusy(false);
            setError(r.error().message);
            setPhase(Phase::KeyProblem);
            return;
        }
        afterOpen(true);
    });
}

void AppState::startWithoutService()
{
    m_withService = false;
    setBusy(true);
    m_device->open([this](Result<void> r) {
        if (!r.ok()) {
            setBusy(false);
            setError(r.error().message);
            setPhase(Phase::KeyProblem);
            return;
        }
        afterOpen(false);
    });
}

void AppState::afterOpen(bool withService)
{
    m_pin->load([this, withService](Result<void> r) {
        setBusy(false);
        if (!r.ok() && r.error().code != ErrorCode::NotFound) {
            setError(r.error().message);
            setPhase(Phase::KeyProblem);
            return;
        }
        refreshCounts();
        const bool signedIn = !withService || (m_device->session() && m_device->session()->signedIn());
        if (!signedIn) {
            setPhase(Phase::SignIn);
        } else if (!m_pin->hasPin()) {
            setPhase(Phase::ChoosePin);
        } else if (m_pin->lockedOut()) {
            setError(tr("Too many wrong PINs. Sign in with your password to unlock."));
            setPhase(Phase::SignIn);
        } else {
            setPhase(Phase::Locked);
        }
    });
}

void AppState::signIn(const QString &serverUrl, const QString &username, const QString &password)
{
    if (m_busy)
        return;
    const QString url = serverUrl.trimmed();
    if (url.isEmpty() || username.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("Enter the service address, your username and your password."));
        return;
    }
    setError({});
    setBusy(true);
    m_device->signIn(url, username.trimmed(), password, QSysInfo::machineHostName(), [this](Result<void> r) {
        if (!r.ok()) {
            setBusy(false);
            setError(r.error().code == ErrorCode::Unauthenticated ? tr("That username and password were not accepted.")
                                                                  : r.error().message);
            return;
        }
        m_withService = true;
        m_pin->resetAfterSignIn([this](Result<void> reset) {
            setBusy(false);
            if (!reset.ok())
                setError(reset.error().message);
            // After a lock-out the person chooses a new PIN: they may have forgotten the old one.
            setPhase(Phase::ChoosePin);
            Q_EMIT phaseChanged(); // user name and address changed too
        });
    });
}

void AppState::choosePin(const QString &pin, const QString &again)
{
    if (m_busy)
        return;
    if (pin != again) {
        setError(tr("The two PINs are not the same."));
        return;
    }
    for (const QChar c : pin) {
        if (!c.isDigit()) {
            setError(tr("Use digits only."));
            return;
        }
    }
    setError({});
    setBusy(true);
    m_pin->setPin(pin, [this](Result<void> r) {
        setBusy(false);
        if (!r.ok()) {
            setError(r.error().message);
            return;
        }
        setPhase(Phase::Unlocked);
        Q_EMIT unlocked();
        syncNow();
    });
}

void AppState::unlock(const QString &pin)
{
    if (m_busy || m_phase != Phase::Locked)
        return;
    setBusy(true);
    m_pin->check(pin, [this](Result<PinVault::Outcome> r) {
        setBusy(false);
        if (!r.ok()) {
            setError(r.error().message);
            return;
        }
        switch (r.value()) {
        case PinVault::Outcome::Accepted:
            setError({});
            setPhase(Phase::Unlocked);
            Q_EMIT unlocked();
            syncNow();
            break;
        case PinVault::Outcome::Wrong:
            setError(tr("That PIN is not right. %n tries left.", nullptr, m_pin->attemptsLeft()));
            break;
        case PinVault::Outcome::LockedOut:
            setError(tr("Too many wrong PINs. Sign in with your password to unlock."));
            setPhase(Phase::SignIn);
            break;
        }
    });
}

void AppState::lock()
{
    if (m_phase != Phase::Unlocked)
        return;
    Q_EMIT suspending(); // forms write their drafts before their pages go away
    setPhase(Phase::Locked);
}

void AppState::syncNow()
{
    if (!m_withService || !m_device->session() || !m_device->session()->signedIn())
        return;
    m_device->engine()->syncNow();
}

void AppState::recordSaved()
{
    // A rescue copy made before this save does not hold it.
    if (!m_rescueCopyPath.isEmpty()) {
        m_rescueCopyPath.clear();
        Q_EMIT unsentChanged();
    }
    refreshCounts();
    Q_EMIT recordsChanged();
    syncNow();
}

void AppState::refreshCounts()
{
    // One count for the sync bar (waiting, refused, conflicts) and for signing out (what is unsent).
    countUnsent([this](Result<UnsentWork> r) {
        if (!r.ok()) {
            qCWarning(lcApp) << "could not count unsynced changes:" << r.error().message;
            return;
        }
        m_pending = r.value().changes;
        m_quarantined = r.value().refused;
        m_conflicts = r.value().conflicts;
        const bool heldChanged = m_held != r.value().held;
        m_held = r.value().held;
        Q_EMIT countsChanged();
        if (heldChanged)
            Q_EMIT syncChanged(); // the sync status mentions them
        setUnsent(r.value());
    });
}

QString AppState::caseloadNotice() const
{
    QStringList said = m_casesOpened;
    if (m_leftCaseload.size() == 1)
        said << tr("%1 has been moved to another worker. Their records have left this tablet.").arg(m_leftCaseload.first());
    else if (m_leftCaseload.size() > 1)
        said << tr("%1 have been moved to other workers. Their records have left this tablet.").arg(QLocale().createSeparatedList(m_leftCaseload));
    if (m_joinedCaseload.size() == 1)
        said << (isManager() ? tr("%1 has joined your team's caseload.") : tr("%1 has joined your caseload.")).arg(m_joinedCaseload.first());
    else if (m_joinedCaseload.size() > 1)
        said << (isManager() ? tr("%1 have joined your team's caseload.") : tr("%1 have joined your caseload."))
                    .arg(QLocale().createSeparatedList(m_joinedCaseload));
    return said.join(QLatin1Char(' '));
}

void AppState::dismissCaseloadNotice()
{
    if (m_leftCaseload.isEmpty() && m_casesOpened.isEmpty() && m_joinedCaseload.isEmpty())
        return;
    m_leftCaseload.clear();
    m_casesOpened.clear();
    m_joinedCaseload.clear();
    m_openedNames.clear();
    Q_EMIT caseloadNoticeChanged();
}

void AppState::noteCaseOpened(const QString &childName, const QString &workerName)
{
    m_casesOpened << tr("%1's case is open and allocated to %2.").arg(childName, workerName);
    m_openedNames << childName;
    Q_EMIT caseloadNoticeChanged();
}

QString AppState::syncStatus() const
{
    if (!m_withService)
        return tr("Not connected to a service");
    if (!m_online)
        return tr("Offline: changes are kept on this tablet");
    if (m_syncing) {
        if (m_progressTotal > 0)
            return tr("Syncing %1 of %2").arg(m_progressDone).arg(m_progressTotal);
        return tr("Syncing…");
    }
    if (!m_syncError.isEmpty())
        return tr("Sync problem: %1").arg(m_syncError);
    // Held records are kept on the tablet and the sync goes on without them; the outbox names each
    // and says what opens it (an update, or a corrected copy from the service).
    const QString held = m_held > 0 ? tr("%n record(s) from the service kept aside: see the outbox", nullptr, m_held) : QString();
    if (m_lastSync.isValid()) {
        const QString synced = tr("Synced %1").arg(QLocale().toString(m_lastSync.time(), QLocale::ShortFormat));
        return held.isEmpty() ? synced : tr("%1 · %2").arg(synced, held);
    }
    return held.isEmpty() ? tr("Not synced yet") : held;
}

bool AppState::contentHidden() const
{
    return m_lockWhenInactive && !m_active;
}

void AppState::setLockWhenInactive(bool on)
{
    if (on != m_lockWhenInactive) {
        m_lockWhenInactive = on;
        Q_EMIT contentHiddenChanged();
    }
}

void AppState::setIdleLockMs(int ms)
{
    if (ms == m_idleTimer.interval())
        return;
    m_idleTimer.setInterval(qMax(1000, ms));
    if (m_phase == Phase::Unlocked)
        m_idleTimer.start();
    Q_EMIT idleLockMsChanged();
}

void AppState::setTextScale(qreal scale)
{
    scale = qBound(0.75, scale, 2.5);
    if (!qFuzzyCompare(scale, m_textScale)) {
        m_textScale = scale;
        Q_EMIT textScaleChanged();
    }
}

void AppState::setCaseloadOrder(int order)
{
    if (order == m_caseloadOrder)
        return;
    m_caseloadOrder = order;
    QSettings().setValue(kCaseloadOrderSetting, order);
    Q_EMIT caseloadOrderChanged();
}

void AppState::chooseTextScale(qreal scale)
{
    setTextScale(scale);
    QSettings().setValue(kTextScaleSetting, m_textScale);
}

QString AppState::unsentSummary() const
{
    if (!m_unsentKnown)
        return {};
    QStringList parts;
    if (m_unsent.changes > 0)
        parts << tr("%n change(s) the service has not accepted yet", nullptr, m_unsent.changes);
    if (m_unsent.conflicts > 0)
        parts << tr("%n conflict(s) not resolved", nullptr, m_unsent.conflicts);
    if (m_unsent.drafts > 0)
        parts << tr("%n draft(s) not saved", nullptr, m_unsent.drafts);
    if (m_unsent.decisions > 0)
        parts << tr("%n review decision(s) not sent", nullptr, m_unsent.decisions);
    return parts.isEmpty() ? tr("Everything on this tablet has reached the service.") : parts.join(QStringLiteral("; "));
}

QString AppState::rescueDir() const
{
    return m_rescueDir.isEmpty() ? ManagerExports::defaultOutputDir() : m_rescueDir;
}

void AppState::setRescueDir(const QString &dir)
{
    if (dir != m_rescueDir) {
        m_rescueDir = dir;
        Q_EMIT unsentChanged();
    }
}

void AppState::countUnsent(std::function<void(Result<UnsentWork>)> done)
{
    Store *s = store();
    if (!s) {
        done(Error(ErrorCode::Internal, QStringLiteral("no store")));
        return;
    }
    s->run<UnsentWork>([](Database &db) -> Result<UnsentWork> {
         UnsentWork w;
         Outbox outbox(db);
         auto changes = outbox.unsyncedCount();
         if (!changes)
             return changes.error();
         auto refused = outbox.quarantined();
         if (!refused)
             return refused.error();
         auto conflicts = ConflictStore(db).count();
         if (!conflicts)
             return conflicts.error();
         auto drafts = DraftStore(db).keys();
         if (!drafts)
             return drafts.error();
         auto decisions = DecisionQueue(db).pendingCount();
         if (!decisions)
             return decisions.error();
         auto held = HeldRecords(db).count();
         if (!held)
             return held.error();
         w.changes = changes.value();
         w.refused = int(refused.value().size());
         w.conflicts = conflicts.value();
         w.drafts = int(drafts.value().size());
         w.decisions = decisions.value();
         w.held = held.value();
         return w;
     }).then(this, [done](Result<UnsentWork> r) { done(std::move(r)); });
}

void AppState::setUnsent(const UnsentWork &work)
{
    m_unsent = work;
    m_unsentKnown = true;
    Q_EMIT unsentChanged();
}

void AppState::exportRescueCopy(const QString &passphrase, const QString &again)
{
    if (m_busy || !store())
        return;
    auto refuse = [this](const QString &why) {
        setError(why);
        Q_EMIT rescueCopyFinished({});
    };
    if (passphrase != again)
        return refuse(tr("The two passphrases are not the same."));
    if (passphrase.size() < Database::kMinRescuePassphraseLength)
        return refuse(tr("Use a passphrase of at least %1 characters: a few words you will remember.").arg(Database::kMinRescuePassphraseLength));
    const QString dir = rescueDir();
    if (!QDir().mkpath(dir))
        return refuse(tr("Cannot create the folder %1.").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path = QDir(dir).filePath(QStringLiteral("doorstep-rescue-%1.db").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    setError({});
    setBusy(true);
    const int unsent = m_unsentKnown ? m_unsent.total() : 0;
    store()->exportRescueCopy(path, passphrase.toUtf8()).then(this, [this, path, unsent](Result<void> r) {
        setBusy(false);
        if (!r.ok()) {
            setError(tr("The rescue copy could not be written: %1").arg(r.error().message));
            Q_EMIT rescueCopyFinished({});
            return;
        }
        m_rescueCopyPath = path;
        Q_EMIT unsentChanged();
        Q_EMIT rescueCopyFinished(path);
        // The service's audit trail learns of it when it can be reached (now, if online).
        m_managerSync->queueReport(QStringLiteral("rescue_copy"), {}, unsent).then(this, [this](Result<void> queued) {
            if (queued.ok())
                m_managerSync->flush();
        });
    });
}

void AppState::signOut()
{
    if (m_busy)
        return;
    if (m_syncing) {
        setError(tr("A sync is running. Sign out when it has finished."));
        return;
    }
    setError({});
    setBusy(true);
    countUnsent([this](Result<UnsentWork> r) {
        if (!r.ok()) {
            setBusy(false);
            setError(r.error().message);
            return;
        }
        setUnsent(r.value());
        if (!canSignOut()) {
            setBusy(false);
            setError(tr("Not signed out: %1. Sync first, or make a rescue copy so nothing is lost.").arg(unsentSummary()));
            return;
        }
        removeThisUser();
    });
}

void AppState::removeThisUser()
{
    // The pages go first, and with them every record on screen.
    setPhase(Phase::Starting);
    auto reopened = [this](Result<void> opened) {
        setBusy(false);
        m_demoUser.clear();
        m_unsentKnown = false;
        m_rescueCopyPath.clear();
        m_lastSync = {};
        m_syncError.clear();
        Q_EMIT unsentChanged();
        Q_EMIT syncChanged();
        if (!opened.ok()) {
            setError(opened.error().message);
            setPhase(Phase::KeyProblem);
            return;
        }
        setPhase(Phase::SignIn);
        Q_EMIT phaseChanged(); // the user's name, role and team are gone too
        refreshCounts();
    };
    m_device->session()->signOut([this, reopened](Result<void> out) {
        if (!out.ok())
            qCWarning(lcApp) << "the sign-in could not be removed from the keychain:" << out.error().message;
        m_device->wipe([this, reopened](Result<void> wiped) {
            if (!wiped.ok()) {
                setBusy(false);
                setError(wiped.error().message);
                setPhase(Phase::KeyProblem);
                return;
            }
            qCInfo(lcApp) << "signed out; this tablet's records and their key are removed";
            m_device->open(reopened);
        });
    });
}

void AppState::onApplicationStateChanged(Qt::ApplicationState state)
{
    const bool active = state == Qt::ApplicationActive;
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT contentHiddenChanged();
    if (!m_lockWhenInactive)
        return;
    if (!active) {
        lock(); // also asks open forms to save their drafts
    } else if (m_phase == Phase::Locked || m_phase == Phase::Unlocked) {
        syncNow(); // coming back is a good moment to send what was recorded
    }
}

bool AppState::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (m_phase == Phase::Unlocked)
            m_idleTimer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace doorstep
