// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "retrypolicy.h"

#include <QLocale>

#include <algorithm>

namespace doorstep::sync {

RetryPolicy::RetryPolicy(ms base, ms cap, quint32 seed)
    : m_base(base)
    , m_cap(cap)
    , m_random(seed ? QRandomGenerator(seed) : QRandomGenerator::securelySeeded())
{
}

RetryPolicy::ms RetryPolicy::delayFor(int attempt, std::optional<ms> retryAfter)
{
    // Full jitter spreads a fleet of tablets that all regain signal at 9am.
    const int shift = std::clamp(attempt, 0, 20);
    const qint64 ceiling = std::min<qint64>(m_cap.count(), m_base.count() * (qint64(1) << shift));
    const qint64 floor = std::min<qint64>(m_base.count(), ceiling);
    const qint64 chosen = floor + qint64(m_random.bounded(double(ceiling - floor + 1)));
    ms delay(std::min<qint64>(chosen, ceiling));
    if (retryAfter && *retryAfter > delay)
        delay = std::min(*retryAfter, ms(24LL * 3600 * 1000));
    return delay;
}

std::optional<RetryPolicy::ms> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = v.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional<ms>(ms(seconds * 1000)) : std::nullopt;
    // HTTP-date (RFC 9110 IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeSpec(Qt::UTC);
    const qint64 delta = now.msecsTo(at);
    return ms(std::max<qint64>(0, delta));
}

} // namespace doorstep::sync
