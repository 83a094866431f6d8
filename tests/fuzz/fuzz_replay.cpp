// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// The fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput over every file of the committed
// seed corpus, then over deterministic mutants of each seed (bit flips, truncations, deletions,
// insertions, splices), so scripts/test exercises the fuzz entry points with GCC on every run.
//   fuzz_replay_<target> [--mutants N] [--seconds S] <corpus dir or file>...
// An invariant that breaks aborts (non-zero exit); the offending input is written to
// ./fuzz-replay-failure (the working directory) for libFuzzer to reproduce.
#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

QByteArray current;
char currentName[512] = "a mutant";

extern "C" void onCrash(int sig)
{
    static const char name[] = "fuzz-replay-failure";
    const int fd = ::open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
        (void)!::write(fd, current.constData(), size_t(current.size()));
        ::close(fd);
    }
    static const char note[] = "fuzz replay: the failing input is in ./fuzz-replay-failure; it is ";
    (void)!::write(2, note, sizeof note - 1);
    (void)!::write(2, currentName, std::strlen(currentName));
    (void)!::write(2, "\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void runOne(const QByteArray &input)
{
    current = input;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

QByteArray mutate(const QByteArray &seed, const QList<QByteArray> &all, std::mt19937 &rng)
{
    QByteArray m = seed;
    auto pick = [&](int n) { return n <= 0 ? 0 : int(rng() % unsigned(n)); };
    static const char *const tokens[] = {"null", "true", "0", "-1", "1e309", "\"\"", "[]", "{}", "\"2026-02-30\"",
                                         "\"\\u0000\"", "99999999999999999999", "\"x\"", ",", ":", "\"", "\\"};
    const int rounds = 1 + pick(3);
    for (int r = 0; r < rounds; ++r) {
        switch (pick(7)) {
        case 0: // flip a bit
            if (!m.isEmpty())
                m[pick(int(m.size()))] ^= char(1 << pick(8));
            break;
        case 1: // truncate
            m.truncate(pick(int(m.size()) + 1));
            break;
        case 2: // delete a range
            if (!m.isEmpty()) {
                const int at = pick(int(m.size()));
                m.remove(at, 1 + pick(16));
            }
            break;
        case 3: // insert a JSON-ish token
            m.insert(pick(int(m.size()) + 1), tokens[pick(int(std::size(tokens)))]);
            break;
        case 4: // duplicate a chunk
            if (!m.isEmpty()) {
                const int at = pick(int(m.size()));
                m.insert(pick(int(m.size()) + 1), m.mid(at, 1 + pick(32)));
            }
            break;
        case 5: { // splice with another seed
            const QByteArray &other = all.at(pick(int(all.size())));
            m = m.left(pick(int(m.size()) + 1)) + other.mid(pick(int(other.size()) + 1));
            break;
        }
        default: // replace a byte with a random one
            if (!m.isEmpty())
                m[pick(int(m.size()))] = char(rng());
            break;
        }
    }
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int mutants = 0;
    double seconds = 20;
    QStringList paths;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--mutants" && i + 1 < argc)
            mutants = QByteArray(argv[++i]).toInt();
        else if (a == "--seconds" && i + 1 < argc)
            seconds = QByteArray(argv[++i]).toDouble();
        else
            paths << QString::fromLocal8Bit(a);
    }
    QStringList files;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            const QDir dir(p);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                files << dir.filePath(name);
        } else if (info.isFile()) {
            files << p;
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "fuzz replay: no corpus files in the given paths\n");
        return 2;
    }
    QList<QByteArray> seeds;
    for (const QString &name : files) {
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz replay: cannot read %s\n", qPrintable(name));
            return 2;
        }
        seeds << f.readAll();
    }
    // Keep the input that broke an invariant (or crashed), so libFuzzer can reproduce it.
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, onCrash);
    QElapsedTimer clock;
    clock.start();
    qint64 runs = 0;
    for (qsizetype i = 0; i < seeds.size(); ++i) {
        std::snprintf(currentName, sizeof currentName, "the seed %s", qPrintable(files.at(i)));
        runOne(seeds.at(i));
        ++runs;
    }
    std::snprintf(currentName, sizeof currentName, "a mutant of the seeds (deterministic: rerun to reproduce)");
    std::mt19937 rng(20260301);
    qint64 mutantRuns = 0;
    bool outOfTime = false;
    for (int round = 0; round < mutants && !outOfTime; ++round) {
        for (const QByteArray &seed : seeds) {
            if (clock.elapsed() > qint64(seconds * 1000)) {
                outOfTime = true;
                break;
            }
            runOne(mutate(seed, seeds, rng));
            ++mutantRuns;
        }
    }
    std::printf("fuzz replay: %lld seeds and %lld mutants run in %lld ms%s\n", runs, mutantRuns, clock.elapsed(),
                outOfTime ? " (time budget reached)" : "");
    return 0;
}
