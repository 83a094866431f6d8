// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QNetworkInformation>
#include <QObject>
#include <QString>

namespace doorstep {

/**
 * Whether the device is worth trying to sync from, as one boolean.
 *
 * Wraps QNetworkInformation. Only a definite "disconnected" counts as offline:
 * unknown (no backend, as on a server or a minimal desktop), local-only and
 * site-only count as online, because a council's service may sit on a local
 * network and a failed request tells the truth more reliably than a guess.
 */
class Reachability : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(bool hasBackend READ hasBackend CONSTANT)
public:
    /** Loads the platform's default backend; without one the state stays "unknown" (online). */
    explicit Reachability(QObject *parent = nullptr);

    /** A reachability that never consults the OS; tests drive it with apply(). */
    enum DetachedTag { Detached };
    Reachability(DetachedTag, QObject *parent = nullptr);

    bool isOnline() const { return m_online; }
    bool hasBackend() const { return m_hasBackend; }
    QString backendName() const { return m_backendName; }
    QNetworkInformation::Reachability reachability() const { return m_reachability; }

    /** The mapping used for the online property. */
    static bool isOnline(QNetworkInformation::Reachability reachability);

public Q_SLOTS:
    /** Takes a new reading (from the backend, or from a test). */
    void apply(QNetworkInformation::Reachability reachability);

Q_SIGNALS:
    void onlineChanged(bool online);
    /** Offline → online: a good moment to start a sync. */
    void connectivityRegained();

private:
    QNetworkInformation::Reachability m_reachability = QNetworkInformation::Reachability::Unknown;
    bool m_online = true;
    bool m_hasBackend = false;
    QString m_backendName;
};

} // namespace doorstep
