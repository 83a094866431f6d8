// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "managerexports.h"

#include "core/exports.h"
#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/store/store.h"
#include "core/store/syncstate.h"
#include "dashboardviewmodel.h"
#include "managersync.h"
#include "reports/chronologypdf.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <limits>

namespace doorstep {

namespace {

constexpr int kAll = std::numeric_limits<int>::max();

Result<QHash<QString, QString>> userNames(Database &db)
{
    auto text = SyncState(db).get(DashboardViewModel::userNamesKey());
    if (!text)
        return text.error();
    QHash<QString, QString> names;
    if (text.value()) {
        const QJsonObject map = QJsonDocument::fromJson(text.value()->toUtf8()).object();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            names.insert(it.key(), it.value().toString());
    }
    return names;
}

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace

ManagerExports::ManagerExports(QObject *parent) : QObject(parent) {}

void ManagerExports::setStore(Store *store)
{
    if (store != m_store) {
        m_store = store;
        Q_EMIT settingsChanged();
    }
}

void ManagerExports::setManagerSync(ManagerSync *sync)
{
    if (sync != m_sync) {
        m_sync = sync;
        Q_EMIT settingsChanged();
    }
}

void ManagerExports::setTeamId(const QString &id)
{
    if (id != m_teamId) {
        m_teamId = id;
        Q_EMIT settingsChanged();
    }
}

void ManagerExports::setGeneratedBy(const QString &name)
{
    if (name != m_generatedBy) {
        m_generatedBy = name;
        Q_EMIT settingsChanged();
    }
}

QString ManagerExports::outputDir() const
{
    return m_outputDir.isEmpty() ? defaultOutputDir() : m_outputDir;
}

void ManagerExports::setOutputDir(const QString &dir)
{
    if (dir != m_outputDir) {
        m_outputDir = dir;
        Q_EMIT settingsChanged();
    }
}

QString ManagerExports::defaultOutputDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/Doorstep");
}

void ManagerExports::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

Result<ExportFile> ManagerExports::visitsCsv(Database &db, const QString &teamId)
{
    RecordRepository repo(db);
    QList<QJsonObject> records;
    for (const char *type : {"child", "visit"}) {
        auto list = repo.byType(QLatin1String(type), kAll);
        if (!list)
            return list.error();
        for (const StoredRecord &r : list.value())
            records.append(r.body);
    }
    auto names = userNames(db);
    if (!names)
        return names.error();
    const QList<VisitExportRow> rows = VisitsExport::rows(records, teamId, names.value());
    ExportFile file;
    file.bytes = VisitsExport::toCsv(rows);
    file.kind = QStringLiteral("visits_csv");
    file.fileName = QStringLiteral("visits-%1.csv").arg(stamp());
    file.rows = int(rows.size());
    for (const VisitExportRow &row : rows)
        file.childIds << row.childId;
    return file;
}

Result<ChronologySource> ManagerExports::chronologySource(Database &db, const QString &childId)
{
    RecordRepository repo(db);
    auto child = repo.byId(childId);
    if (!child)
        return child.error();
    if (child.value().type != u"child")
        return Error(ErrorCode::InvalidInput, QStringLiteral("not a child record"), QStringLiteral("childId"));
    auto about = repo.chronology(childId);
    if (!about)
        return about.error();
    ChronologySource source;
    source.child = child.value().body;
    QSet<QString> ids;
    for (const StoredRecord &r : about.value()) {
        source.records.append(r.body);
        ids.insert(r.id);
    }
    // Management decisions are about records, not children: add those of the child's records.
    auto reviews = repo.byType(QStringLiteral("review"), kAll);
    if (!reviews)
        return reviews.error();
    for (const StoredRecord &r : reviews.value())
        if (ids.contains(r.body.value(u"record_id").toString()))
            source.records.append(r.body);
    auto names = userNames(db);
    if (!names)
        return names.error();
    source.userNames = names.value();
    return source;
}

Result<ExportFile> ManagerExports::renderChronology(const ChronologySource &source, const QString &generatedBy)
{
    ChronologyPdf::Options options;
    options.generatedBy = generatedBy;
    options.userNames = source.userNames;
    int pages = 0;
    auto pdf = ChronologyPdf::render(source.child, source.records, options, &pages);
    if (!pdf)
        return pdf.error();
    const QString childId = source.child.value(u"id").toString();
    ExportFile file;
    file.bytes = pdf.value();
    file.kind = QStringLiteral("chronology_pdf");
    // The file name carries no name: only the start of the child's id and the time.
    file.fileName = QStringLiteral("chronology-%1-%2.pdf").arg(childId.left(8), stamp());
    file.childIds = {childId};
    file.rows = int(ChronologyPdf::entries(childId, source.records).size());
    return file;
}

Result<QString> ManagerExports::write(const ExportFile &file, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Error(ErrorCode::StorageError, tr("Could not create the folder %1.").arg(dir));
    const QString path = QDir(dir).filePath(file.fileName);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::StorageError, tr("Could not write %1: %2").arg(path, out.errorString()));
    // Owner only: other accounts on a shared machine cannot read it.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (out.write(file.bytes) != file.bytes.size() || !out.commit())
        return Error(ErrorCode::StorageError, tr("Could not write %1: %2").arg(path, out.errorString()));
    return path;
}

void ManagerExports::exportVisitsCsv()
{
    if (!m_store || m_busy)
        return;
    setBusy(true);
    const QString team = m_teamId;
    writeAndReport(m_store->run<ExportFile>([team](Database &db) { return visitsCsv(db, team); }));
}

void ManagerExports::exportChronologyPdf(const QString &childId)
{
    if (!m_store || m_busy || childId.isEmpty())
        return;
    setBusy(true);
    const QString by = m_generatedBy;
    auto source = m_store->run<ChronologySource>([childId](Database &db) { return chronologySource(db, childId); });
    // Laying out a long chronology takes a moment: off the UI thread and off the store thread.
    writeAndReport(source.then(QtFuture::Launch::Async, [by](Result<ChronologySource> s) -> Result<ExportFile> {
        if (!s)
            return s.error();
        return renderChronology(s.value(), by);
    }));
}

void ManagerExports::writeAndReport(const QFuture<Result<ExportFile>> &file)
{
    const QString dir = outputDir();
    QFuture<Result<ExportFile>>(file)
        .then(QtFuture::Launch::Async, [dir](Result<ExportFile> f) -> Result<std::pair<QString, ExportFile>> {
            if (!f)
                return f.error();
            auto path = write(f.value(), dir);
            if (!path)
                return path.error();
            return std::pair<QString, ExportFile>{path.value(), f.value()};
        })
        .then(this, [this](Result<std::pair<QString, ExportFile>> r) {
            if (!r.ok())
                return done({}, r.error().message);
            const auto &[path, f] = r.value();
            if (!m_sync)
                return done(path, {});
            m_sync->queueReport(f.kind, f.childIds, f.rows).then(this, [this, path = path](Result<void> queued) {
                // The file exists either way; an unqueued report is an error the person must see.
                done(path, queued.ok() ? QString() : tr("The export was saved but could not be recorded for the audit trail: %1").arg(queued.error().message));
            });
        });
}

void ManagerExports::done(const QString &path, const QString &error)
{
    m_lastPath = path;
    m_errorString = error;
    setBusy(false);
    Q_EMIT finished(path);
}

} // namespace doorstep
