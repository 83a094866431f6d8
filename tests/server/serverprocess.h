// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

/** The real doorstep-server binary as a child process: `serve` on a free loopback port, and
 *  the admin subcommands. */
class ServerProcess
{
public:
    ~ServerProcess();
    static QString executable();

    /** Starts `serve --listen 127.0.0.1:0 --dev-insecure-http` (or with `extra` arguments) and
     *  reads the bound port from its first line. */
    bool start(const QString &dbSpec, const QStringList &extra = {}, bool insecure = true);
    void stop();
    /** SIGKILL: the service gets no chance to finish a batch or flush anything (crash tests). */
    void kill();
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QUrl baseUrl() const;
    QString errorOutput() const { return m_stderr; }

    struct CliResult {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static CliResult cli(const QStringList &args, const QString &dbSpec, const QByteArray &input = {});

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_stderr;
};
