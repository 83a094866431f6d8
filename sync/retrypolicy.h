// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>

#include <chrono>
#include <optional>

namespace doorstep::sync {

/** Exponential backoff with full jitter, capped, honouring a service's Retry-After. */
class RetryPolicy
{
public:
    using ms = std::chrono::milliseconds;

    RetryPolicy(ms base = ms(1000), ms cap = ms(5 * 60 * 1000), quint32 seed = 0);

    /** Delay before attempt `attempt` (1 = first retry): random in [base, min(cap, base * 2^attempt)].
     *  A Retry-After from the service wins when it is longer. */
    ms delayFor(int attempt, std::optional<ms> retryAfter = std::nullopt);

    /** Parses Retry-After as delta-seconds or an HTTP-date relative to `now`; nullopt if absent/invalid. */
    static std::optional<ms> parseRetryAfter(const QByteArray &value, const QDateTime &now);

private:
    ms m_base;
    ms m_cap;
    QRandomGenerator m_random;
};

} // namespace doorstep::sync
