// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// Helper of tst_crash_durability: saves records in a loop until it is killed.
//   store_crash_writer <db path> <run number>   (the key arrives as hex on stdin, never in argv)
// Before each save it prints "TRY <record json>", after the commit "ACK <id>", flushing each line,
// so the parent knows exactly which records were acknowledged and which one was in flight.

#include "core/store/database.h"
#include "core/store/recordrepository.h"
#include "core/wire.h"
#include "storesamples.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <iostream>
#include <string>

using namespace doorstep;

namespace {
void emitLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_crash_writer <db> <run>\n");
        return 2;
    }
    std::string hex;
    std::getline(std::cin, hex);
    QByteArray key = QByteArray::fromHex(QByteArray::fromStdString(hex));
    Result<std::unique_ptr<Database>> db = Database::open(QString::fromLocal8Bit(argv[1]), key);
    if (!db) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(db.error().message));
        return 1;
    }
    db.value()->setActor(QStringLiteral("crash-writer"));
    RecordRepository repo(*db.value());
    const qint64 run = QByteArray(argv[2]).toLongLong();
    const QString childId = storesamples::uuidFor(1, run);
    emitLine("OPEN");

    QElapsedTimer clock;
    clock.start();
    // Bounded: the parent kills it long before either limit.
    for (qint64 i = 0; i < 100000 && clock.elapsed() < 20000; ++i) {
        QJsonObject record;
        if (i == 0) {
            record = storesamples::child(childId, QStringLiteral("Run"), QStringLiteral("Number%1").arg(run));
        } else if (i % 4 == 0) {
            // An update of an earlier visit of this run: the store must hold the new or the old
            // version whole, never a mix.
            record = storesamples::visit(storesamples::uuidFor(2, run * 100000 + i / 2), childId, i / 2,
                                         QStringLiteral("updated at step %1").arg(i));
        } else {
            record = storesamples::visit(storesamples::uuidFor(2, run * 100000 + i), childId, i);
        }
        emitLine("TRY " + wire::encode(record));
        Result<StoredRecord> saved = repo.save(record);
        if (!saved) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(saved.error().message));
            return 1;
        }
        emitLine("ACK " + record.value(QLatin1String("id")).toString().toUtf8());
    }
    return 0;
}
