// SPDX-License-Identifier: MIT
// Crash safety (issue 10, item 3): `chokepoint import` and `chokepoint export` killed with
// SIGKILL at random points. The workspace must always open, pass PRAGMA integrity_check and
// hold all of the old data or all of the new; an export must never leave a half-written file
// under its final name.
// `chokepoint report` killed the same way leaves under its final name nothing, the previous
// report or the complete new one.
#include <chrono>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>
#include <random>
#include <regex>

#include <QProcess>

#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/io/xlsxreader.h"
#include "core/store/schema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kSeed = 20251128;
constexpr int kKills = 20;

// What a workspace holds, as text: every table as CSV.
std::string exportText(const core::Dataset& d) {
    std::string all;
    for (const auto& spec : core::io::tableSpecs())
        all += core::io::tableToCsv(d, spec.name);
    return all;
}

struct Inspection {
    std::string error; ///< empty when the workspace opened, checked and loaded
    std::string text;  ///< exportText of its data
};

Inspection inspect(const std::string& path) {
    auto ws = core::Workspace::open(path); // read-write: recovers a hot WAL
    if (!ws)
        return {"open: " + ws.errorString(), {}};
    core::sql::Statement check(ws->database(), "PRAGMA integrity_check");
    std::string result = check.step() ? check.text(0) : check.errorString();
    if (result != "ok")
        return {"integrity_check: " + result, {}};
    // The indexes a large import drops and creates again inside its transaction are there.
    for (const auto& index : core::store::bulkIndexes()) {
        core::sql::Statement has(ws->database(),
                                 "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                 "name = ?");
        has.bind(1, std::string(index.name));
        if (!has.step() || has.integer(0) != 1)
            return {"index " + std::string(index.name) + " is missing", {}};
    }
    auto data = ws->load();
    if (!data)
        return {"load: " + data.errorString(), {}};
    return {{}, exportText(*data)};
}

// Copies a closed workspace (no -wal/-shm beside it) over `to`, removing any WAL there.
void restore(const std::string& from, const std::string& to) {
    fs::remove(to + "-wal");
    fs::remove(to + "-shm");
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

struct KillRun {
    bool killed = false; ///< still running when the delay was up
    int exitCode = -1;
};

// Starts `chokepoint args`, kills it with SIGKILL after `delayMs` unless it finished.
KillRun runAndKill(const QStringList& args, int delayMs) {
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(QString::fromStdString(test::chokepointExecutable()), args);
    EXPECT_TRUE(p.waitForStarted());
    KillRun r;
    if (!p.waitForFinished(delayMs)) {
        p.kill(); // SIGKILL
        r.killed = true;
        p.waitForFinished(-1);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

double secondsOf(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

class RobustCrash : public ::testing::Test {
protected:
    void SetUp() override {
        // Old: the bundled data set. New: a generated network of a few thousand sites, big
        // enough that an import spends a while in each stage (read, validate, write, commit).
        ASSERT_EQ(test::runChokepoint({"init", pristine}), 0);
        ASSERT_EQ(test::runChokepoint({"generate", newData, "--sites", "8000", "--seed", "7"}), 0);
        const auto old = inspect(pristine);
        ASSERT_EQ(old.error, "");
        oldText = old.text;
        restore(pristine, ws);
        importSeconds = secondsOf([&] {
            ASSERT_EQ(test::runChokepoint({"import", ws, newData, "--replace"}), 0);
        });
        const auto now = inspect(ws);
        ASSERT_EQ(now.error, "");
        newText = now.text;
        ASSERT_NE(oldText, newText);
    }

    test::TempDir tmp;
    std::string pristine = tmp.file("pristine.chokepoint");
    std::string ws = tmp.file("w.chokepoint");
    std::string newData = tmp.file("new");
    std::string oldText, newText;
    double importSeconds = 0;
};

TEST_F(RobustCrash, KilledImportLeavesAllOldOrAllNewData) {
    std::mt19937 rng(kSeed);
    // Kill points spread over the whole import (as long as it took here once) and a little
    // beyond, so that some land after the commit.
    std::uniform_int_distribution<int> delay(0, int(importSeconds * 1150));
    int killed = 0, old = 0, fresh = 0;
    for (int i = 0; i < kKills; ++i) {
        restore(pristine, ws);
        const int ms = delay(rng);
        const KillRun r = runAndKill(
            {"import", QString::fromStdString(ws), QString::fromStdString(newData), "--replace"},
            ms);
        killed += r.killed;
        if (!r.killed) {
            EXPECT_EQ(r.exitCode, 0) << "kill " << i;
        }
        const auto after = inspect(ws);
        ASSERT_EQ(after.error, "") << "kill " << i << " after " << ms << " ms";
        const bool isOld = after.text == oldText, isNew = after.text == newText;
        EXPECT_TRUE(isOld || isNew)
            << "kill " << i << " after " << ms << " ms left a mix of old and new data";
        old += isOld;
        fresh += isNew;
    }
    std::cout << "[ robust ] import " << importSeconds << " s; " << killed << " of " << kKills
              << " killed while running; afterwards " << old << " old, " << fresh << " new\n";
    EXPECT_GT(killed, kKills / 2) << "the kills must hit running imports";
    RecordProperty("killed", killed);
    RecordProperty("old", old);
    RecordProperty("new", fresh);
}

// An export killed at any point leaves, under the final name, nothing, the previous file, or
// the complete new one.
TEST_F(RobustCrash, KilledExportLeavesNoHalfWrittenFile) {
    // The workspace now holds the new data; the previous exports hold the old data.
    const auto oldWs = tmp.file("old.chokepoint");
    restore(pristine, oldWs);
    const auto xlsx = tmp.file("out.xlsx"), previousXlsx = tmp.file("previous.xlsx");
    const auto csv = tmp.file("csv"), previousCsv = tmp.file("previous-csv");
    ASSERT_EQ(test::runChokepoint({"export", oldWs, previousXlsx}), 0);
    ASSERT_EQ(test::runChokepoint({"export", oldWs, previousCsv}), 0);
    const double xlsxSeconds = secondsOf([&] {
        ASSERT_EQ(test::runChokepoint({"export", ws, xlsx}), 0);
    });
    const auto fullCsv = tmp.file("full-csv");
    const double csvSeconds = secondsOf([&] {
        ASSERT_EQ(test::runChokepoint({"export", ws, fullCsv}), 0);
    });

    auto readXlsx = [](const std::string& path) {
        std::vector<core::io::RawTable> tables;
        core::io::IssueList issues;
        core::Dataset d;
        if (!core::io::readXlsxWorkbook(path, path, tables, issues) ||
            !core::io::validateTables(tables, core::Dataset{}, d, issues))
            return "unreadable: " + issues.toString();
        return exportText(d);
    };
    ASSERT_EQ(readXlsx(xlsx), newText);

    std::mt19937 rng(kSeed + 1);
    int killed = 0, absent = 0, previous = 0, complete = 0;
    for (int i = 0; i < kKills / 2; ++i) {
        // Alternately over nothing and over a previous export.
        const bool over = i % 2;
        fs::remove(xlsx);
        if (over)
            fs::copy_file(previousXlsx, xlsx);
        const int ms = std::uniform_int_distribution<int>(0, int(xlsxSeconds * 1150))(rng);
        killed +=
            runAndKill({"export", QString::fromStdString(ws), QString::fromStdString(xlsx)}, ms)
                .killed;
        if (!fs::exists(xlsx)) {
            EXPECT_FALSE(over) << "the previous file vanished";
            ++absent;
            continue;
        }
        const auto text = readXlsx(xlsx);
        EXPECT_TRUE(text == newText || (over && text == oldText))
            << "kill " << i << " after " << ms << " ms: " << text.substr(0, 200);
        previous += text == oldText;
        complete += text == newText;
    }
    for (int i = 0; i < kKills / 2; ++i) {
        const bool over = i % 2;
        fs::remove_all(csv);
        if (over)
            fs::copy(previousCsv, csv);
        const int ms = std::uniform_int_distribution<int>(0, int(csvSeconds * 1150))(rng);
        killed +=
            runAndKill({"export", QString::fromStdString(ws), QString::fromStdString(csv)}, ms)
                .killed;
        // The folder is swapped in whole (issue 17): absent, all old or all new, never a mix.
        if (!fs::exists(csv)) {
            EXPECT_FALSE(over) << "the previous export vanished after " << ms << " ms";
            continue;
        }
        int same = 0, previousSame = 0, files = 0;
        for (const auto& spec : core::io::tableSpecs()) {
            const std::string name = std::string(spec.name) + ".csv";
            const auto file = csv + "/" + name;
            ++files;
            if (!fs::exists(file))
                continue;
            const auto text = test::readFile(file);
            same += text == test::readFile(fullCsv + "/" + name);
            previousSame += over && text == test::readFile(previousCsv + "/" + name);
        }
        EXPECT_TRUE(same == files || previousSame == files)
            << "after " << ms << " ms: " << same << " new and " << previousSame << " old of "
            << files << " files";
    }
    // A later export removes what the killed ones left beside the folder.
    ASSERT_EQ(test::runChokepoint({"export", ws, csv}), 0);
    for (const auto& e : fs::directory_iterator(tmp.path()))
        EXPECT_EQ(e.path().filename().string().rfind(".csv.tmp-", 0), std::string::npos)
            << "left " << e.path();
    std::cout << "[ robust ] export xlsx " << xlsxSeconds << " s, csv " << csvSeconds << " s; "
              << killed << " of " << kKills << " killed while running; xlsx afterwards: " << absent
              << " absent, " << previous << " previous, " << complete << " complete\n";
    EXPECT_GT(killed, 0);
}

// `init` killed at any point leaves nothing under the name, or the complete workspace: never
// an empty one that a second init refuses and every other command accepts (issue 17).
TEST(RobustCrashInit, KilledInitLeavesNothingThatLooksValid) {
    test::TempDir tmp;
    const auto full = tmp.file("full.chokepoint");
    const double seconds = secondsOf([&] { ASSERT_EQ(test::runChokepoint({"init", full}), 0); });
    const Inspection expected = inspect(full);
    ASSERT_EQ(expected.error, "");
    const auto ws = tmp.file("w.chokepoint");
    std::mt19937 rng(kSeed + 3);
    int killed = 0, absent = 0, complete = 0;
    for (int i = 0; i < kKills; ++i) {
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(ws + suffix);
        const int ms = std::uniform_int_distribution<int>(0, int(seconds * 1150))(rng);
        const KillRun r = runAndKill({"init", QString::fromStdString(ws)}, ms);
        killed += r.killed;
        if (!fs::exists(ws)) {
            EXPECT_TRUE(r.killed) << "init " << i << " finished without a workspace";
            ++absent;
            continue;
        }
        const Inspection after = inspect(ws);
        ASSERT_EQ(after.error, "") << "kill " << i << " after " << ms << " ms";
        EXPECT_EQ(after.text, expected.text)
            << "kill " << i << " after " << ms << " ms left an incomplete workspace";
        ++complete;
    }
    // What killed runs left beside it (hidden temporary names) goes with the next init.
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(ws + suffix);
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    for (const auto& e : fs::directory_iterator(tmp.path())) {
        const std::string name = e.path().filename().string();
        EXPECT_TRUE(name == "full.chokepoint" || name.rfind("w.chokepoint", 0) == 0)
            << "left " << name;
    }
    std::cout << "[ robust ] init " << seconds << " s; " << killed << " of " << kKills
              << " killed while running; afterwards " << absent << " absent, " << complete
              << " complete\n";
    EXPECT_GT(killed, kKills / 4) << "the kills must hit running inits";
}

// A report killed at any point leaves, under the final name, nothing, the previous report or
// the complete new one. core::AtomicFile writes into an unnamed file (O_TMPFILE) and links it
// under the final name; over an existing file it links it as ".<name>.tmp-XXXXXXXX" and renames
// that over the old one, so a kill between those two calls leaves a complete report there.
TEST_F(RobustCrash, KilledReportLeavesNoHalfWrittenFile) {
    // New: the bundled data (pristine) with both example scenarios; previous: a report of the
    // generated network, which says something else.
    const std::string scenarios = std::string(CHOKEPOINT_SOURCE_DIR) + "/resources/scenarios/";
    auto reportArgs = [&](const std::string& out) {
        return QStringList{
            "report",     QString::fromStdString(pristine),
            "-o",         QString::fromStdString(out),
            "--as-of",    "2025-08-01",
            "--scenario", QString::fromStdString(scenarios + "graphite-anode-squeeze.json"),
            "--scenario", QString::fromStdString(scenarios + "tech-licences-july-2025.json")};
    };
    auto pdfText = [](const std::string& pdf) {
        QProcess p;
        p.start("pdftotext", {QString::fromStdString(pdf), "-"});
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return std::string("unreadable PDF");
        return p.readAllStandardOutput().toStdString();
    };
    const std::string folder = tmp.file("reports");
    fs::create_directory(folder);
    const std::string previousPdf = tmp.file("previous.pdf"),
                      previousHtml = tmp.file("previous.html");
    const std::string fullPdf = tmp.file("full.pdf"), fullHtml = tmp.file("full.html");
    ASSERT_EQ(test::runChokepoint({"report", ws, "-o", previousPdf}), 0);
    ASSERT_EQ(test::runChokepoint({"report", ws, "-o", previousHtml}), 0);
    std::vector<std::string> args;
    for (const auto& a : reportArgs(fullPdf))
        args.push_back(a.toStdString());
    const double seconds = secondsOf([&] { ASSERT_EQ(test::runChokepoint(args), 0); });
    args[3] = fullHtml;
    ASSERT_EQ(test::runChokepoint(args), 0);
    const std::string newPdfText = pdfText(fullPdf), oldPdfText = pdfText(previousPdf);
    const std::string newHtml = test::readFile(fullHtml), oldHtml = test::readFile(previousHtml);
    ASSERT_NE(newPdfText, oldPdfText);
    ASSERT_NE(newPdfText, "unreadable PDF");

    std::mt19937 rng(kSeed + 2);
    int killed = 0, absent = 0, previous = 0, complete = 0, leftovers = 0;
    for (int i = 0; i < kKills; ++i) {
        const bool pdf = i % 2 == 0, over = (i / 2) % 2 == 1;
        const std::string out = folder + (pdf ? "/report.pdf" : "/report.html");
        fs::remove(out);
        if (over)
            fs::copy_file(pdf ? previousPdf : previousHtml, out);
        const int ms = std::uniform_int_distribution<int>(0, int(seconds * 1150))(rng);
        const KillRun r = runAndKill(reportArgs(out), ms);
        killed += r.killed;
        if (!r.killed) {
            EXPECT_EQ(r.exitCode, 0) << "kill " << i;
        }
        // Besides the report, at most the complete new one under its temporary name.
        const std::regex temporary(
            "\\." +
            std::regex_replace(fs::path(out).filename().string(), std::regex("\\."), "\\.") +
            "\\.tmp-[a-z0-9]{8}");
        for (const auto& e : fs::directory_iterator(folder)) {
            const std::string name = e.path().filename().string();
            if (e.path() == fs::path(out) || name == "report.pdf" || name == "report.html")
                continue;
            EXPECT_TRUE(std::regex_match(name, temporary)) << "kill " << i << " left " << name;
            const std::string text =
                pdf ? pdfText(e.path().string()) : test::readFile(e.path().string());
            EXPECT_TRUE(text == (pdf ? newPdfText : newHtml))
                << "kill " << i << ": the temporary " << name << " is not a complete report";
            ++leftovers;
            fs::remove(e.path());
        }
        if (!fs::exists(out)) {
            EXPECT_FALSE(over) << "kill " << i << ": the previous report vanished";
            ++absent;
            continue;
        }
        const std::string text = pdf ? pdfText(out) : test::readFile(out);
        const bool isNew = text == (pdf ? newPdfText : newHtml);
        const bool isOld = over && text == (pdf ? oldPdfText : oldHtml);
        EXPECT_TRUE(isNew || isOld) << "kill " << i << " after " << ms << " ms left a "
                                    << (pdf ? "PDF" : "HTML") << " report half written";
        previous += isOld;
        complete += isNew;
    }
    std::cout << "[ robust ] report " << seconds << " s; " << killed << " of " << kKills
              << " killed while running; afterwards " << absent << " absent, " << previous
              << " previous, " << complete << " complete, " << leftovers
              << " temporary files left\n";
    EXPECT_GT(killed, kKills / 4) << "the kills must hit running reports";
}

} // namespace
