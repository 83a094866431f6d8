// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

namespace doorstep {

/**
 * Waits for @p future while running the event loop, for command-line tools and
 * tests only (the application's UI thread must never wait). Keychain and
 * database answers arrive through the event loop, so a plain
 * QFuture::waitForFinished() on the main thread would deadlock.
 * Returns ErrorCode::Timeout after @p timeoutMs and ErrorCode::Cancelled when
 * the future was cancelled.
 */
template <typename T>
Result<T> awaitResult(QFuture<Result<T>> future, int timeoutMs = 30000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Result<T>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        timer.start(timeoutMs);
        if (!future.isFinished())
            loop.exec();
        if (!future.isFinished())
            return Error(ErrorCode::Timeout,
                         QCoreApplication::translate("doorstep", "No answer within %1 ms.").arg(timeoutMs));
    }
    if (future.isCanceled() || future.resultCount() == 0)
        return Error(ErrorCode::Cancelled, QCoreApplication::translate("doorstep", "The operation was cancelled."));
    return future.result();
}

} // namespace doorstep
