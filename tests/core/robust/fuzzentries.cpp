// SPDX-License-Identifier: MIT
#include "tests/core/robust/fuzzentries.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/io/csv.h"
#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/io/validator.h"
#include "core/io/xlsxreader.h"
#include "core/io/xlsxwriter.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenarioparser.h"
#include "core/store/workspace.h"

namespace chokepoint::test::fuzz {
namespace {

using core::Dataset;
using core::io::IssueList;
using core::io::RawTable;

// Fuzz inputs are small; past this many rows the deeper checks would only slow the fuzzer.
constexpr size_t kMaxRowsForDeepChecks = 5000;

const Dataset& smallNetworkData() {
    static const Dataset data = [] {
        std::vector<RawTable> raw;
        IssueList issues;
        Dataset d;
        if (!core::io::readSource(CHOKEPOINT_TEST_DATA_DIR "/small-network/data", raw, issues) ||
            !core::io::validateTables(raw, Dataset{}, d, issues))
            std::abort(); // the fixture itself is broken: nothing to fuzz against
        return d;
    }();
    return data;
}

const core::analysis::Network& smallNetwork() {
    static const core::analysis::Network net(smallNetworkData());
    return net;
}

core::Date fixedDate() {
    return core::Date::fromYmd(2025, 8, 1);
}

// Touches every cell, so that a bad offset in the arena shows up under ASan.
size_t touchCells(const RawTable& t) {
    size_t bytes = 0;
    for (size_t r = 0; r < t.rowCount(); ++r) {
        bytes += size_t(t.lineOf(r) != 0);
        for (size_t c = 0; c < t.columnCount(); ++c)
            bytes += t.cell(r, c).size();
    }
    return bytes;
}

void writeLine(std::string& out, const std::vector<std::string_view>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        core::io::appendCsvField(line, fields[i]);
    }
    // A line holding one empty field would read as a blank line, which the reader skips.
    out += line.empty() ? "\"\"" : line;
    out += '\n';
}

std::string writeTable(const RawTable& t) {
    std::string out;
    writeLine(out, std::vector<std::string_view>(t.header.begin(), t.header.end()));
    std::vector<std::string_view> row(t.columnCount());
    for (size_t r = 0; r < t.rowCount(); ++r) {
        for (size_t c = 0; c < t.columnCount(); ++c)
            row[c] = t.cell(r, c);
        writeLine(out, row);
    }
    return out;
}

size_t totalRows(const Dataset& d) {
    size_t n = 0;
    for (const auto& spec : core::io::tableSpecs())
        n += core::io::rowCount(d, spec.name);
    return n;
}

template <class T> void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

Dataset merged(const Dataset& kept, const Dataset& imported) {
    Dataset d = kept;
    append(d.countries, imported.countries);
    append(d.materials, imported.materials);
    append(d.recipes, imported.recipes);
    append(d.worldShares, imported.worldShares);
    append(d.technologies, imported.technologies);
    append(d.controls, imported.controls);
    append(d.controlItems, imported.controlItems);
    append(d.suppliers, imported.suppliers);
    append(d.sites, imported.sites);
    append(d.siteTechnologies, imported.siteTechnologies);
    append(d.products, imported.products);
    append(d.productBom, imported.productBom);
    append(d.supply, imported.supply);
    append(d.inventory, imported.inventory);
    append(d.alternatives, imported.alternatives);
    append(d.sources, imported.sources);
    return d;
}

// Converts `tables` with no workspace behind them; "" and the typed rows when clean.
std::string reimport(const std::vector<RawTable>& tables, const std::string& what, Dataset& out) {
    core::io::ImportedRows rows;
    IssueList issues;
    core::io::convertTables(tables, rows, issues);
    if (!issues.empty())
        return what + " does not import again: " + issues.toString();
    out = std::move(rows.data);
    return {};
}

std::string csvRoundTrip(const Dataset& d) {
    std::vector<RawTable> tables;
    for (const auto& spec : core::io::tableSpecs()) {
        RawTable t;
        t.name = std::string(spec.name);
        t.file = t.name + ".csv";
        IssueList issues;
        if (!core::io::parseCsv(core::io::tableToCsv(d, spec.name), t, issues) || !issues.empty())
            return "the CSV export of " + t.name + " does not parse: " + issues.toString();
        tables.push_back(std::move(t));
    }
    Dataset back;
    if (auto e = reimport(tables, "the CSV export", back); !e.empty())
        return e;
    if (!(back == d))
        return "the CSV export imports as different data";
    return {};
}

std::string xlsxRoundTrip(const Dataset& d, const std::string& scratchDir) {
    const std::string path = scratchDir + "/roundtrip.xlsx";
    // The export refuses what a sheet cannot hold (text over 32,767 characters...): fine.
    if (!core::io::exportXlsx(d, path))
        return {};
    std::vector<RawTable> tables;
    IssueList issues;
    if (!core::io::readXlsxWorkbook(path, "roundtrip.xlsx", tables, issues) || !issues.empty())
        return "the XLSX export does not read: " + issues.toString();
    Dataset back;
    if (auto e = reimport(tables, "the XLSX export", back); !e.empty())
        return e;
    if (!(back == d))
        return "the XLSX export imports as different data";
    return {};
}

std::string storeRoundTrip(const Dataset& d) {
    auto ws = core::Workspace::create(":memory:");
    if (!ws)
        return "cannot create an in-memory workspace: " + ws.errorString();
    if (auto r = ws->write(d, core::WriteMode::Append); !r)
        return "validated data does not store: " + r.errorString();
    auto back = ws->load();
    if (!back)
        return "stored data does not load: " + back.errorString();
    if (!(*back == d))
        return "the workspace gives back different data";
    return {};
}

// Rounding leaves the scenario engine's fractions a few 1e-7 below 0 (reported); more is a bug.
bool isFraction(double v) {
    return v >= -1e-6 && v <= 1.0 + 1e-3;
}

std::string runExposure(const Dataset& d) {
    const core::analysis::Network net(d);
    const core::analysis::ExposureEngine engine(net);
    for (const auto lens : {core::analysis::Lens::Location, core::analysis::Lens::Owned,
                            core::analysis::Lens::Controlled}) {
        const auto r = engine.compute(lens, fixedDate());
        for (const auto& m : r.materials)
            if (!isFraction(m.dependence))
                return "dependence of " + net.materials.id(m.material) + " is " +
                       core::io::formatNumber(m.dependence);
        for (const auto& p : r.products)
            if (!isFraction(p.dependence))
                return "dependence of product " + net.products.id(p.product) + " is " +
                       core::io::formatNumber(p.dependence);
    }
    return {};
}

std::string issuesText(const std::vector<core::scenario::ScenarioIssue>& issues) {
    std::string s;
    for (const auto& i : issues)
        s += i.toString() + "\n";
    return s;
}

} // namespace

std::string csvEntry(std::string_view data) {
    RawTable t;
    t.name = "fuzz";
    t.file = "fuzz.csv";
    IssueList issues;
    const bool ok = core::io::parseCsv(data, t, issues);
    if (!ok && issues.empty())
        return "parseCsv failed without an issue";
    touchCells(t);
    if (!ok || !issues.empty())
        return {};
    // A leading BOM is the one thing a field cannot carry at the start of a file.
    if (!t.header.empty() && t.header[0].starts_with("\xEF\xBB\xBF"))
        return {};
    const std::string text = writeTable(t);
    RawTable back;
    back.file = "written.csv";
    IssueList again;
    if (!core::io::parseCsv(text, back, again) || !again.empty())
        return "the written table does not read back: " + again.toString();
    if (back.header != t.header)
        return "the written header reads back differently";
    if (back.rowCount() != t.rowCount())
        return "the written table reads back with " + std::to_string(back.rowCount()) +
               " rows instead of " + std::to_string(t.rowCount());
    for (size_t r = 0; r < t.rowCount(); ++r)
        for (size_t c = 0; c < t.columnCount(); ++c)
            if (back.cell(r, c) != t.cell(r, c))
                return "cell " + std::to_string(r) + "," + std::to_string(c) +
                       " reads back differently";
    return {};
}

std::string xlsxEntry(std::string_view data, const std::string& scratchPath) {
    {
        std::ofstream out(scratchPath, std::ios::binary | std::ios::trunc);
        out.write(data.data(), std::streamsize(data.size()));
        if (!out)
            return "cannot write the scratch file " + scratchPath;
    }
    std::vector<RawTable> tables;
    IssueList issues;
    core::io::XlsxReadOptions options;
    options.maxPartSize = uint64_t(64) << 20; // keeps zip bombs within the fuzzer's RSS limit
    options.maxTotalSize = uint64_t(128) << 20;
    // Smaller than an import's, so that amplifying inputs (tests/data/xlsx/hostile) stay fast.
    core::io::ReadLimits limits;
    limits.maxCells = uint64_t(1) << 22;
    limits.maxText = uint64_t(64) << 20;
    core::io::ReadBudget budget(limits);
    const bool ok =
        core::io::readXlsxWorkbook(scratchPath, "fuzz.xlsx", tables, issues, options, &budget);
    if (!ok && issues.empty())
        return "readXlsxWorkbook failed without an issue";
    for (const auto& t : tables)
        touchCells(t);
    core::io::ImportedRows rows;
    IssueList conversion;
    core::io::convertTables(tables, rows, conversion);
    return {};
}

std::string scenarioEntry(std::string_view data) {
    using namespace core::scenario;
    const auto& net = smallNetwork();
    const ScenarioParse withNet = parseScenarioDetailed(data, &net);
    const ScenarioParse formOnly = parseScenarioDetailed(data, nullptr);
    for (const auto* p : {&withNet, &formOnly})
        if (p->scenario.has_value() == !p->issues.empty())
            return "a scenario must come back exactly when there is no issue";
    if (withNet.scenario && !formOnly.scenario)
        return "accepted with a network but refused without one:\n" + issuesText(formOnly.issues);
    if (!withNet.scenario)
        return {};
    const Scenario& s = *withNet.scenario;
    if (auto v = validateScenario(s, &net); !v.empty())
        return "a parsed scenario fails validateScenario:\n" + issuesText(v);
    const std::string json = scenarioToJson(s);
    const ScenarioParse again = parseScenarioDetailed(json, &net);
    if (!again.scenario)
        return "scenarioToJson output does not read back:\n" + issuesText(again.issues);
    if (!(*again.scenario == s))
        return "scenarioToJson output reads back as a different scenario:\n" + json;

    // A short run: the engine must take any valid scenario.
    Scenario small = s;
    small.runs = std::min(small.runs, 3);
    small.horizonDays = std::min(small.horizonDays, 400);
    if (!validateScenario(small, &net).empty())
        return {};
    RunOptions options;
    options.threads = 1;
    options.defaultAsOf = fixedDate();
    const ScenarioResult r = runScenario(net, small, options);
    for (const double v : r.dailyOutput)
        if (!isFraction(v))
            return "daily output " + core::io::formatNumber(v) + " is not a fraction";
    return {};
}

FuzzTables splitTables(std::string_view data) {
    FuzzTables out;
    auto line = [&](size_t from) {
        const size_t end = data.find('\n', from);
        return end == std::string_view::npos ? data.size() : end;
    };
    size_t pos = 0;
    if (data.starts_with("K\n") || data.starts_with("K\r\n") || data == "K") {
        out.keepNetwork = true;
        pos = std::min(data.size(), line(0) + 1);
    }
    std::string name;
    size_t start = std::string_view::npos;
    auto flush = [&](size_t end) {
        if (start == std::string_view::npos)
            return;
        RawTable t;
        t.name = name;
        t.file = name + ".csv";
        IssueList issues;
        core::io::parseCsv(data.substr(start, end - start), t, issues);
        out.parseIssues += issues.total();
        out.tables.push_back(std::move(t));
    };
    while (pos < data.size()) {
        const size_t end = line(pos);
        if (data.substr(pos, 2) == "@@") {
            flush(pos);
            std::string_view n = data.substr(pos + 2, end - pos - 2);
            if (!n.empty() && n.back() == '\r')
                n.remove_suffix(1);
            name = std::string(n);
            start = std::min(data.size(), end + 1);
        }
        pos = end + 1;
    }
    flush(data.size());
    return out;
}

std::string validatorEntry(std::string_view data, const std::string& scratchDir) {
    const FuzzTables in = splitTables(data);
    IssueList issues;
    const Dataset empty;
    const Dataset& kept = in.keepNetwork ? smallNetworkData() : empty;
    core::io::ImportedRows imported;
    core::io::convertTables(in.tables, imported, issues);
    core::io::crossCheck(imported, kept, issues);
    // Parse problems are import errors too: the deeper checks run on clean input only.
    if (in.parseIssues || !issues.empty() || totalRows(imported.data) > kMaxRowsForDeepChecks)
        return {};
    const Dataset& d = imported.data;
    if (auto e = csvRoundTrip(d); !e.empty())
        return e;
    if (auto e = xlsxRoundTrip(d, scratchDir); !e.empty())
        return e;
    const Dataset all = merged(kept, d);
    if (auto e = storeRoundTrip(all); !e.empty())
        return e;
    return runExposure(all);
}

} // namespace chokepoint::test::fuzz
