// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// Child process for tst_fulldisk: opens the store, then lowers RLIMIT_FSIZE so no file may grow
// past the limit (the same EFBIG/short write a full disk gives), and saves visits, each after a
// draft autosave, until a save fails. Prints one line per outcome for the parent to check:
//   ACK <n>              the save of visit n was acknowledged
//   DRAFTFAIL <n> <code> the autosave of visit n failed (nothing attempted)
//   FAIL <n> <code> <draft-kept 0|1> <message>
//   INTEGRITY <text>     PRAGMA integrity_check in the same session, after the failure
//   DONE
#include "core/store/database.h"
#include "core/store/draftstore.h"
#include "core/store/recordrepository.h"
#include "storecheck.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <sys/resource.h>

using namespace doorstep;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    const QString path = args.at(1);
    const rlim_t limit = rlim_t(args.at(2).toLongLong());
    const qint64 maxSaves = args.at(3).toLongLong();
    QTextStream out(stdout);

    Result<std::unique_ptr<Database>> opened = Database::open(path, storesamples::testKey());
    if (!opened) {
        out << "OPENFAIL " << opened.error().message << Qt::endl;
        return 3;
    }
    Database &db = *opened.value();
    db.setActor(QStringLiteral("worker-1"));
    RecordRepository repo(db);
    DraftStore drafts(db);

    std::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG instead of killing us
    const struct rlimit rl = {limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0)
        return 4;

    for (qint64 n = 0; n < maxSaves; ++n) {
        const QJsonObject v = reliability::visitNumber(n);
        const QString key = reliability::draftKeyFor(n);
        if (Result<void> d = drafts.put(key, QString::fromUtf8(wire::encode(v))); !d) {
            out << "DRAFTFAIL " << n << ' ' << errorCodeName(d.error().code) << Qt::endl;
            break;
        }
        Result<StoredRecord> r = repo.save(v, key);
        if (r) {
            out << "ACK " << n << Qt::endl;
            continue;
        }
        Result<std::optional<QString>> kept = drafts.get(key);
        const bool draftKept = kept && kept.value().has_value();
        out << "FAIL " << n << ' ' << errorCodeName(r.error().code) << ' ' << (draftKept ? 1 : 0) << ' '
            << r.error().message << Qt::endl;
        break;
    }
    Result<QString> integrity = db.integrityCheck();
    QString verdict = integrity ? integrity.value() : integrity.error().message;
    out << "INTEGRITY " << verdict.replace(QLatin1Char('\n'), QLatin1Char(' ')) << Qt::endl;
    out << "DONE" << Qt::endl;
    return 0;
}
