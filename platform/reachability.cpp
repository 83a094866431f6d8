// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/reachability.h"

#include "platform/logging.h"

namespace doorstep {

Reachability::Reachability(QObject *parent) : QObject(parent)
{
    // QNetworkInformation is a process-wide singleton; loading twice is harmless.
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadDefaultBackend();
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info) {
        qCInfo(lcPlatform) << "no network information backend; assuming online";
        return;
    }
    m_hasBackend = true;
    m_backendName = info->backendName();
    connect(info, &QNetworkInformation::reachabilityChanged, this, &Reachability::apply);
    apply(info->reachability());
}

Reachability::Reachability(DetachedTag, QObject *parent) : QObject(parent) {}

bool Reachability::isOnline(QNetworkInformation::Reachability reachability)
{
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

void Reachability::apply(QNetworkInformation::Reachability reachability)
{
    m_reachability = reachability;
    const bool online = isOnline(reachability);
    if (online == m_online)
        return;
    m_online = online;
    qCInfo(lcPlatform) << "network" << (online ? "online" : "offline");
    Q_EMIT onlineChanged(online);
    if (online)
        Q_EMIT connectivityRegained();
}

} // namespace doorstep
