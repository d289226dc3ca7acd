// SPDX-License-Identifier: MIT
// Golden import cases: tests/data/import-errors/<case>/ holds `input/` (CSV files),
// `expected.txt` (every error, one per line, file names relative to input/) and optionally
// `uses-base` (import `_base/` first). Adding a case adds no code.
#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

namespace fs = std::filesystem;
using namespace chokepoint;

namespace {

std::string snapshot(core::Workspace& ws) {
    auto data = ws.load();
    EXPECT_TRUE(data.ok());
    std::string all;
    for (const auto& spec : core::io::tableSpecs())
        all += core::io::tableToCsv(*data, spec.name);
    return all;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty())
            out.push_back(l);
    return out;
}

class ImportGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportGolden, ReportsEveryErrorAndWritesNothing) {
    const fs::path dir = fs::path(test::dataDir()) / "import-errors" / GetParam();
    test::TempDir tmp;
    auto ws = core::Workspace::create(tmp.file("w.chokepoint"));
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    if (fs::exists(dir / "uses-base")) {
        std::vector<core::io::RawTable> base;
        core::io::IssueList issues;
        ASSERT_TRUE(core::io::readSource((dir.parent_path() / "_base").string(), base, issues));
        auto r = core::io::importTables(*ws, base, {}, issues);
        ASSERT_TRUE(r.ok() && issues.empty()) << issues.toString();
    }
    const std::string before = snapshot(*ws);

    const std::string input = (dir / "input").string();
    std::vector<core::io::RawTable> tables;
    core::io::IssueList issues;
    // As `chokepoint import` does: what reads goes on to the checks, in the same pass.
    if (core::io::readSource(input, tables, issues)) {
        auto r = core::io::importTables(*ws, tables, {}, issues);
        EXPECT_FALSE(r.ok());
    }
    std::string got;
    for (const auto& i : issues.issues()) {
        std::string s = i.toString();
        const std::string prefix = input + "/";
        if (s.compare(0, prefix.size(), prefix) == 0)
            s.erase(0, prefix.size());
        got += s + "\n";
    }
    const auto expected = lines(test::readFile((dir / "expected.txt").string()));
    EXPECT_EQ(lines(got), expected) << "got:\n" << got;
    EXPECT_EQ(snapshot(*ws), before) << "the workspace changed";
}

std::vector<std::string> cases() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(fs::path(test::dataDir()) / "import-errors"))
        if (e.is_directory() && e.path().filename().string()[0] != '_')
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, ImportGolden, ::testing::ValuesIn(cases()), [](const auto& info) {
    std::string n = info.param;
    for (auto& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return n;
});

} // namespace
