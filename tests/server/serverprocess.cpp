// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::executable()
{
    return QStringLiteral(DOORSTEP_SERVER_EXE);
}

bool ServerProcess::start(const QString &dbSpec, const QStringList &extra, bool insecure)
{
    stop();
    m_process = std::make_unique<QProcess>();
    QStringList args{QStringLiteral("serve"), QStringLiteral("--db"), dbSpec};
    if (insecure)
        args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0") << QStringLiteral("--dev-insecure-http");
    args << extra;
    m_tls = !insecure;
    m_process->start(executable(), args);
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression line(QStringLiteral("listening on https?://[^ ]*:(\\d+)"));
    QDeadlineTimer deadline(15000);
    QByteArray seen;
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        seen += m_process->readAllStandardOutput();
        const auto m = line.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    m_stderr = QString::fromUtf8(m_process->readAllStandardError());
    return false;
}

void ServerProcess::kill()
{
    if (m_process && m_process->state() == QProcess::Running) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_stderr += QString::fromUtf8(m_process->readAllStandardError());
    m_process.reset();
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http")).arg(m_port));
}

ServerProcess::CliResult ServerProcess::cli(const QStringList &args, const QString &dbSpec, const QByteArray &input)
{
    QProcess p;
    QStringList all = args;
    all << QStringLiteral("--db") << dbSpec;
    p.start(executable(), all);
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
