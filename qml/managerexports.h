// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqml.h>

namespace doorstep {

class Database;
class ManagerSync;
class Store;

/** A file the manager exported, ready to write: its bytes and what the audit trail records. */
struct ExportFile {
    QByteArray bytes;
    QString fileName;
    QString kind;        // visits_csv | chronology_pdf
    QStringList childIds;
    int rows = 0;        // CSV rows, or chronology entries
};

/** What a chronology PDF is made from, read in one store job. */
struct ChronologySource {
    QJsonObject child;
    QList<QJsonObject> records;        // about the child, and the reviews of those records
    QHash<QString, QString> userNames; // user id -> name, as last fetched from the service
};

/**
 * The manager's exports on the tablet: the visits CSV of the team (VisitsExport) and a child's
 * chronology PDF (ChronologyPdf), written to Documents/Doorstep and reported for the audit trail
 * through ManagerSync. Records are read on the store thread; the PDF is laid out and both files
 * are written on a worker thread; the UI thread only starts and hears the outcome.
 * The page warns before calling: these plain files hold personal data (docs/threat-model.md).
 */
class ManagerExports : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY settingsChanged)
    Q_PROPERTY(doorstep::ManagerSync *managerSync READ managerSync WRITE setManagerSync NOTIFY settingsChanged)
    /** The manager's team: the CSV lists its children (every child on the tablet when empty). */
    Q_PROPERTY(QString teamId READ teamId WRITE setTeamId NOTIFY settingsChanged)
    /** Who asked for the PDF (its footer). */
    Q_PROPERTY(QString generatedBy READ generatedBy WRITE setGeneratedBy NOTIFY settingsChanged)
    /** Where files go; Documents/Doorstep unless set (tests). */
    Q_PROPERTY(QString outputDir READ outputDir WRITE setOutputDir NOTIFY settingsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY finished)
    Q_PROPERTY(QString errorString READ errorString NOTIFY finished)
public:
    explicit ManagerExports(QObject *parent = nullptr);

    Store *store() const { return m_store; }
    void setStore(Store *store);
    ManagerSync *managerSync() const { return m_sync; }
    void setManagerSync(ManagerSync *sync);
    QString teamId() const { return m_teamId; }
    void setTeamId(const QString &id);
    QString generatedBy() const { return m_generatedBy; }
    void setGeneratedBy(const QString &name);
    QString outputDir() const;
    void setOutputDir(const QString &dir);
    bool busy() const { return m_busy; }
    QString lastPath() const { return m_lastPath; }
    QString errorString() const { return m_errorString; }

    /** Documents/Doorstep: a folder the person finds in the Files app. */
    static QString defaultOutputDir();

    Q_INVOKABLE void exportVisitsCsv();
    Q_INVOKABLE void exportChronologyPdf(const QString &childId);

    // Store-thread parts, public for tests.
    static Result<ExportFile> visitsCsv(Database &db, const QString &teamId);
    /** Reads the child and their chronology; the PDF itself is rendered by renderChronology. */
    static Result<ChronologySource> chronologySource(Database &db, const QString &childId);
    /** Lays out the PDF (any thread; needs a QGuiApplication for fonts). */
    static Result<ExportFile> renderChronology(const ChronologySource &source, const QString &generatedBy);
    /** Writes `file` into `dir` (created if needed), readable by its owner only; the path. */
    static Result<QString> write(const ExportFile &file, const QString &dir);

Q_SIGNALS:
    void settingsChanged();
    void busyChanged();
    /** An export ended: `path` of the file written, or empty with errorString set. */
    void finished(const QString &path);

private:
    void setBusy(bool busy);
    void writeAndReport(const QFuture<Result<ExportFile>> &file);
    void done(const QString &path, const QString &error);

    QPointer<Store> m_store;
    QPointer<ManagerSync> m_sync;
    QString m_teamId;
    QString m_generatedBy;
    QString m_outputDir;
    bool m_busy = false;
    QString m_lastPath;
    QString m_errorString;
};

} // namespace doorstep
