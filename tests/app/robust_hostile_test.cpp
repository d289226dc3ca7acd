// SPDX-License-Identifier: MIT
// Hostile conditions through the real executable (issue 10, item 4): a read-only workspace, a
// full disk, two writers at once, a newer workspace, a huge CSV field, metacharacters in every
// text column, a 1,000-level recipe chain.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <iostream>
#include <set>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/store/workspace.h"
#include "tests/core/robust/hostiledata.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exitCode = -1; ///< -1: killed by a signal
    std::string out, err;
};

// Runs a bash command line (for ulimit, trap, setpriv).
Outcome shell(const std::string& command) {
    QProcess p;
    p.start(QStringLiteral("bash"), {QStringLiteral("-c"), QString::fromStdString(command)});
    p.waitForFinished(-1);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (const char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string exe() {
    return quoted(test::chokepointExecutable());
}

// Data of a workspace as CSV text, or the error.
std::string contents(const std::string& path) {
    auto ws = core::Workspace::open(path);
    if (!ws)
        return "error: " + ws.errorString();
    core::sql::Statement check(ws->database(), "PRAGMA integrity_check");
    if (!check.step() || check.text(0) != "ok")
        return "error: integrity_check: " + check.text(0) + check.errorString();
    auto d = ws->load();
    if (!d)
        return "error: " + d.errorString();
    std::string all;
    for (const auto& spec : core::io::tableSpecs())
        all += core::io::tableToCsv(*d, spec.name);
    return all;
}

core::Dataset load(const std::string& path) {
    auto ws = core::Workspace::openReadOnly(path);
    EXPECT_TRUE(ws.ok()) << ws.errorString();
    if (!ws)
        return {};
    auto d = ws->load();
    EXPECT_TRUE(d.ok()) << d.errorString();
    return d ? *d : core::Dataset{};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void setUserVersion(const std::string& path, int version) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string sql = "PRAGMA user_version = " + std::to_string(version);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

// chmod 444 (and a read-only folder): reading works, writing fails with a clear message and
// changes nothing. Root ignores permissions, so as root the commands run as `nobody`.
TEST(RobustCli, ReadOnlyWorkspace) {
    test::TempDir tmp;
    const bool root = ::geteuid() == 0;
    const std::string as = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    const auto dir = tmp.file("ro");
    fs::create_directories(dir);
    const auto ws = dir + "/w.chokepoint";
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    const auto bytes = test::readFile(ws);
    const auto data = test::dataDir() + "/small-network/data";
    fs::permissions(tmp.path(), fs::perms::all); // `nobody` must reach the files
    fs::permissions(ws, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    for (const auto folder :
         {fs::perms::all, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec}) {
        SCOPED_TRACE(folder == fs::perms::all ? "read-only file" : "read-only file and folder");
        fs::permissions(dir, folder);
        const auto out = tmp.file("out");
        fs::create_directories(out);
        fs::permissions(out, fs::perms::all);
        auto r = shell(as + exe() + " export " + quoted(ws) + " " + quoted(out + "/x.xlsx"));
        EXPECT_EQ(r.exitCode, 0) << r.err;
        r = shell(as + exe() + " exposure " + quoted(ws) + " --format json");
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_TRUE(contains(r.out, "\"materials\"")) << r.out.substr(0, 200);
        r = shell(as + exe() + " import " + quoted(ws) + " " + quoted(data) + " --replace");
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_TRUE(contains(r.err, "w.chokepoint: cannot write: the file is read-only")) << r.err;
        EXPECT_EQ(test::readFile(ws), bytes);
        EXPECT_FALSE(fs::exists(ws + "-wal")) << "left a WAL that later blocks writing";
        EXPECT_FALSE(fs::exists(ws + "-shm"));
    }
    fs::permissions(dir, fs::perms::all);
    fs::permissions(ws, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(test::runChokepoint({"import", ws, data, "--replace"}), 0) << "writable again";
}

// A disk that fills up during an import or an export (simulated with `ulimit -f`). With
// SIGXFSZ ignored, writes fail with EFBIG as on a full disk: the command must fail cleanly;
// with the default action the process dies, which must be as harmless.
TEST(RobustCli, FullDisk) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    const auto big = tmp.file("big");
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    ASSERT_EQ(test::runChokepoint({"generate", big, "--sites", "3000"}), 0);
    const auto before = contents(ws);
    ASSERT_FALSE(contains(before, "error:"));
    const std::string limit = "ulimit -f 2048; "; // 2 MB per file; the import needs ~8 MB
    auto r = shell("trap '' XFSZ; " + limit + "exec " + exe() + " import " + quoted(ws) + " " +
                   quoted(big) + " --replace");
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "chokepoint import: ") && contains(r.err, "w.chokepoint: "))
        << r.err;
    EXPECT_TRUE(contains(r.err, "disk")) << r.err;
    EXPECT_EQ(contents(ws), before);
    r = shell(limit + "exec " + exe() + " import " + quoted(ws) + " " + quoted(big) + " --replace");
    EXPECT_NE(r.exitCode, 0) << "SIGXFSZ should have stopped it";
    EXPECT_EQ(contents(ws), before);
    // With room again, the same import goes through.
    EXPECT_EQ(test::runChokepoint({"import", ws, big, "--replace"}), 0);
    const auto after = contents(ws);
    ASSERT_NE(after, before);

    // Exports: no half-written file under the final name, the previous one intact. 48 kB
    // leave room for SQLite's 32 kB -shm file, not for the export.
    const auto xlsx = tmp.file("out/w.xlsx"), csv = tmp.file("out/csv");
    fs::create_directories(tmp.file("out"));
    tmp.write("out/w.xlsx", "previous");
    r = shell("trap '' XFSZ; ulimit -f 48; exec " + exe() + " export " + quoted(ws) + " " +
              quoted(xlsx));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "chokepoint export: ")) << r.err;
    EXPECT_EQ(test::readFile(xlsx), "previous");
    r = shell("trap '' XFSZ; ulimit -f 48; exec " + exe() + " export " + quoted(ws) + " " +
              quoted(csv));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "cannot write")) << r.err;
    // The folder comes whole or not at all (issue 17): nothing, and no temporary folder.
    for (const auto& e : fs::directory_iterator(tmp.file("out")))
        EXPECT_TRUE(e.path() == xlsx) << "left behind: " << e.path();
    EXPECT_EQ(contents(ws), after);
}

// Two imports into one workspace at once, each valid alone, not together (our shares of
// one material would sum to 1.2). One waits for the other (busy timeout) and then sees its
// data, or gives up with a clear message; never both, never a partial import.
TEST(RobustCli, TwoImportsAtOnce) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    tmp.write("base/countries.csv", "iso3,name\nDEU,Germany\n");
    tmp.write("base/materials.csv", "id,name,stage\nli,Lithium,refining\n");
    tmp.write("base/suppliers.csv", "id,name\nsup,Supplier\n");
    tmp.write("base/sites.csv", "id,supplier_id,country\na,sup,DEU\nb,sup,DEU\n");
    ASSERT_EQ(test::runChokepoint({"import", ws, tmp.file("base")}), 0);
    // Many suppliers besides the link, so that each import spends a while reading and
    // validating: without the write lock, both would check against the same old data.
    for (const std::string x : {"a", "b"}) {
        std::string suppliers = "id,name\n";
        for (int i = 0; i < 40000; ++i)
            suppliers += x + "sup" + std::to_string(i) + ",Supplier " + std::to_string(i) + "\n";
        tmp.write(x + "/suppliers.csv", suppliers);
        tmp.write(x + "/supply.csv", "material_id,supplier_site,share\nli," + x + ",0.6\n");
    }
    QProcess a, b;
    for (auto* p : {&a, &b}) {
        const QString dir = QString::fromStdString(tmp.file(p == &a ? "a" : "b"));
        p->start(QString::fromStdString(test::chokepointExecutable()),
                 {QStringLiteral("import"), QString::fromStdString(ws), dir});
    }
    ASSERT_TRUE(a.waitForFinished(-1) && b.waitForFinished(-1));
    const int codeA = a.exitCode(), codeB = b.exitCode();
    const std::string errA = a.readAllStandardError().toStdString(),
                      errB = b.readAllStandardError().toStdString();
    EXPECT_TRUE((codeA == 0) != (codeB == 0)) << "exit codes " << codeA << " and " << codeB << "\n"
                                              << errA << errB;
    const std::string& err = codeA == 0 ? errB : errA;
    const int code = codeA == 0 ? codeB : codeA;
    EXPECT_TRUE((code == 3 && contains(err, "sum to 1.2, more than 1")) ||
                (code == 1 && contains(err, "another program is writing to this workspace")))
        << code << ": " << err;
    const core::Dataset d = load(ws);
    ASSERT_EQ(d.supply.size(), 1u);
    EXPECT_EQ(d.suppliers.size(), 40001u) << "exactly one import's suppliers";
}

TEST(RobustCli, NewerWorkspaceIsRefusedByEveryCommand) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    setUserVersion(ws, 999);
    const auto bytes = test::readFile(ws);
    const auto scenario = test::dataDir() + "/small-network/scenario-china-stop.json";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"import", ws, test::dataDir() + "/small-network/data"},
          {"export", ws, tmp.file("out")},
          {"exposure", ws},
          {"scenario", ws, scenario}}) {
        std::string err;
        EXPECT_EQ(test::runChokepoint(args, nullptr, &err), 1) << args[0];
        EXPECT_TRUE(contains(err, "w.chokepoint: was written by a newer version of Chokepoint "
                                  "(workspace schema 999"))
            << err;
    }
    EXPECT_EQ(test::readFile(ws), bytes);
}

// A CSV of 20 MB (CHOKEPOINT_BIG_CSV_MB=200 for the issue's 200 MB) with one 10 MB field
// holding commas, doubled quotes and newlines. It imports, the field comes back intact, and
// the import's peak memory stays within a generous bound.
TEST(RobustCli, BigCsvWithAHugeField) {
    const char* env = std::getenv("CHOKEPOINT_BIG_CSV_MB");
    const size_t megabytes = env ? std::stoul(env) : 20;
    const size_t target = megabytes << 20;
    test::TempDir tmp;
    std::string field;
    while (field.size() < (size_t(10) << 20))
        field += "a \"quoted\" part, then a comma,\nand a new line; ";
    std::string csv = "id,name,hq_country\n";
    csv.reserve(target + 100);
    std::string row;
    for (int i = 0; csv.size() < target; ++i) {
        if (i == 1000) {
            csv += "huge," + test::hostile::csvQuoted(field) + ",\n";
            continue;
        }
        row = "sup" + std::to_string(i) + ",Supplier number " + std::to_string(i) +
              " with a name of about a hundred bytes and padded out with more words,\n";
        csv += row;
    }
    const auto dir = tmp.file("big");
    tmp.write("big/suppliers.csv", csv);
    const size_t rows = size_t(std::count(csv.begin(), csv.end(), '\n')) - 1 -
                        size_t(std::count(field.begin(), field.end(), '\n'));
    csv = {};
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    std::string err;
    ASSERT_EQ(test::runChokepoint({"import", ws, dir}, nullptr, &err), 0) << err;
    rusage usage{};
    ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
    const double peakMb = double(usage.ru_maxrss) / 1024.0;
    std::cout << "[ robust ] " << megabytes << " MB CSV import: peak RSS " << peakMb << " MB\n";
    RecordProperty("peak_rss_mb", int(peakMb));
    // About 4x the file in a plain build (text, cells, rows, SQLite); ASan adds its shadow.
    EXPECT_LT(peakMb, 16.0 * double(megabytes) + 600.0);

    const core::Dataset d = load(ws);
    ASSERT_EQ(d.suppliers.size(), rows);
    const auto it = std::find_if(d.suppliers.begin(), d.suppliers.end(),
                                 [](const core::Supplier& s) { return s.id == "huge"; });
    ASSERT_NE(it, d.suppliers.end());
    EXPECT_EQ(it->name.size(), field.size());
    EXPECT_TRUE(it->name == field);
}

// Hostile names and titles through import, CSV export, XLSX export and JSON output.
TEST(RobustCli, MetacharactersRoundTrip) {
    test::TempDir tmp;
    for (const auto& [file, csv] : test::hostile::csvTables())
        tmp.write("in/" + file, csv);
    const auto ws = tmp.file("w.chokepoint"), fromCsv = tmp.file("csv.chokepoint"),
               fromXlsx = tmp.file("xlsx.chokepoint");
    for (const auto& w : {ws, fromCsv, fromXlsx})
        ASSERT_EQ(test::runChokepoint({"init", w, "--empty"}), 0);
    std::string err;
    ASSERT_EQ(test::runChokepoint({"import", ws, tmp.file("in")}, nullptr, &err), 0) << err;
    ASSERT_EQ(test::runChokepoint({"export", ws, tmp.file("out")}), 0);
    ASSERT_EQ(test::runChokepoint({"export", ws, tmp.file("out.xlsx")}), 0);
    ASSERT_EQ(test::runChokepoint({"import", fromCsv, tmp.file("out")}, nullptr, &err), 0) << err;
    ASSERT_EQ(test::runChokepoint({"import", fromXlsx, tmp.file("out.xlsx")}, nullptr, &err), 0)
        << err;
    const core::Dataset original = load(ws);
    ASSERT_EQ(original.materials.size(), test::hostile::texts().size());
    for (size_t i = 0; i < test::hostile::texts().size(); ++i) {
        EXPECT_EQ(original.materials[i].name, test::hostile::texts()[i]);
        EXPECT_EQ(original.controls[i].title, test::hostile::texts()[i]);
        EXPECT_EQ(original.sites[i].name, test::hostile::texts()[i]);
    }
    EXPECT_EQ(load(fromCsv), original);
    EXPECT_EQ(load(fromXlsx), original);

    // JSON output escapes them: a JSON parser reads the same names back.
    std::string out;
    ASSERT_EQ(test::runChokepoint({"exposure", ws, "--format", "json"}, &out, &err), 0) << err;
    QJsonParseError parseError{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &parseError);
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    std::set<std::string> names;
    for (const auto& m : doc.object().value(QStringLiteral("materials")).toArray())
        names.insert(m.toObject().value(QStringLiteral("name")).toString().toStdString());
    for (const auto& t : test::hostile::texts())
        EXPECT_TRUE(names.count(t)) << t;
    for (const auto* format : {"table", "csv"})
        EXPECT_EQ(test::runChokepoint({"exposure", ws, "--format", format}), 0) << format;
}

// 1,000 levels through the command line: import, exposure and a scenario.
TEST(RobustCli, ThousandLevelRecipeChain) {
    test::TempDir tmp;
    for (const auto& [file, csv] : test::hostile::chainTables(1000))
        tmp.write("chain/" + file, csv);
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    std::string out, err;
    ASSERT_EQ(test::runChokepoint({"import", ws, tmp.file("chain")}, &out, &err), 0) << err;
    ASSERT_EQ(test::runChokepoint({"exposure", ws, "--format", "json", "--as-of", "2025-08-01"},
                                  &out, &err),
              0)
        << err;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out));
    const auto products = doc.object().value(QStringLiteral("products")).toArray();
    ASSERT_EQ(products.size(), 1);
    EXPECT_DOUBLE_EQ(products[0].toObject().value(QStringLiteral("dependence")).toDouble(), 1.0);
    const auto scenario =
        tmp.write("stop.json", R"({"name": "stop", "as_of": "2025-08-01", "horizon_days": 30,
                        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop"}]})");
    ASSERT_EQ(test::runChokepoint({"scenario", ws, scenario, "--format", "json"}, &out, &err), 0)
        << err;
    const auto result = QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
    // 30 days of 1 unit a day at 10 each, all lost (worked out in DeepChain).
    EXPECT_NEAR(result.value(QStringLiteral("total_lost_revenue")).toDouble(), 300.0, 1e-6);
}

} // namespace
