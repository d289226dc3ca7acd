// SPDX-License-Identifier: MIT
#include "core/io/interchange.h"

#include <algorithm>
#include <filesystem>

#include "core/io/csv.h"
#include "core/io/tableschema.h"
#include "core/io/validator.h"
#include "core/io/xlsxreader.h"
#include "core/store/sqlitestore.h"
#include "core/store/workspace.h"
#include "core/util/atomicfile.h"

namespace chokepoint::core::io {
namespace {

namespace fs = std::filesystem;

std::string joinPath(const std::string& dir, const std::string& name) {
    if (dir.empty())
        return name;
    return dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string lowerExtension(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return e;
}

} // namespace

bool readSource(const std::string& path, std::vector<RawTable>& tables, IssueList& issues) {
    std::error_code ec;
    const fs::path p(path);
    ReadBudget budget; // one for the whole import, whatever the number of files
    if (fs::is_directory(p, ec)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(p, ec))
            if (lowerExtension(e.path()) == ".csv" && !e.is_directory())
                files.push_back(e.path()); // a FIFO or device is refused by readCsvFile
        if (ec) {
            issues.add({path, {}, 0, 0}, "cannot list the folder: " + ec.message());
            return false;
        }
        if (files.empty()) {
            issues.add({path, {}, 0, 0}, "no .csv files in this folder");
            return false;
        }
        // Parents before children, unknown names last, so messages come in a useful order.
        auto rank = [](const fs::path& f) {
            const auto& specs = tableSpecs();
            for (size_t i = 0; i < specs.size(); ++i)
                if (specs[i].name == f.stem().string())
                    return i;
            return specs.size();
        };
        std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
            return std::make_pair(rank(a), a.filename().string()) <
                   std::make_pair(rank(b), b.filename().string());
        });
        // A file that cannot be read to its end is reported and kept as far as it was read
        // (RawTable::complete false): the other files are still checked, in the same pass.
        for (const auto& f : files) {
            RawTable t;
            t.name = f.stem().string();
            readCsvFile(f.string(), joinPath(path, f.filename().string()), t, issues, &budget);
            tables.push_back(std::move(t));
            if (budget.exceeded())
                return false; // the import as a whole is too large
        }
        return true;
    }
    if (!fs::exists(p, ec)) {
        issues.add({path, {}, 0, 0}, "no such file or folder");
        return false;
    }
    const std::string ext = lowerExtension(p);
    if (ext == ".xlsx")
        return readXlsxWorkbook(path, path, tables, issues, {}, &budget);
    if (ext == ".csv") {
        RawTable t;
        t.name = p.stem().string();
        readCsvFile(path, path, t, issues, &budget);
        tables.push_back(std::move(t));
        return !budget.exceeded();
    }
    issues.add({path, {}, 0, 0}, "expected a folder of .csv files, a .csv file or an .xlsx file");
    return false;
}

bool hasReferenceTables(const std::vector<RawTable>& tables) {
    return std::any_of(tables.begin(), tables.end(), [](const RawTable& t) {
        const auto* spec = findTableSpec(t.name);
        return spec && spec->reference;
    });
}

Dataset keptData(const Dataset& current, bool replace, bool importHasReferenceTables) {
    if (!replace)
        return current;
    Dataset kept;
    // The profile's company keys go with the company data; reference_cutoff stays with the
    // reference data it describes.
    if (!importHasReferenceTables) {
        kept.profile.referenceCutoff = current.profile.referenceCutoff;
        kept.countries = current.countries;
        kept.sources = current.sources;
        kept.materials = current.materials;
        kept.recipes = current.recipes;
        kept.worldShares = current.worldShares;
        kept.technologies = current.technologies;
        kept.controls = current.controls;
        kept.controlItems = current.controlItems;
    }
    return kept;
}

bool validateTables(const std::vector<RawTable>& tables, const Dataset& kept, Dataset& out,
                    IssueList& issues) {
    // One pass (SPEC §2): the checks between tables run whatever the rows' own errors were,
    // on the rows that could be read.
    ImportedRows imported;
    convertTables(tables, imported, issues);
    crossCheck(imported, kept, issues);
    if (!issues.empty())
        return false;
    out = std::move(imported.data);
    return true;
}

Result<ImportSummary> importTables(WorkspaceStore& ws, const std::vector<RawTable>& tables,
                                   const ImportOptions& options, IssueList& issues) {
    auto report = [&](double f, const std::string& stage) {
        return !options.progress || options.progress(f, stage);
    };
    ImportSummary summary;
    if (!report(0.0, "reading the workspace"))
        return ImportSummary{{}, true};
    // The write lock is held from reading the workspace to the commit: a writer in between
    // would make the checks stale (two imports at once could each pass the share-sum check
    // and together break it). The checks below are the references' checks, made on the import
    // and on the workspace as read inside the same transaction: the store need not repeat
    // them row by row.
    auto r = ws.writeTransaction(
        [&]() -> Result<void> {
            auto current = ws.load();
            if (!current)
                return current.error();
            const Dataset kept = keptData(*current, options.replace, hasReferenceTables(tables));
            if (!report(0.2, "validating")) {
                summary.cancelled = true;
                return {};
            }
            Dataset data;
            if (!validateTables(tables, kept, data, issues))
                return Error{"the import has " + std::to_string(issues.total()) +
                             " error(s); nothing was written"};
            if (!report(0.6, "writing")) {
                summary.cancelled = true;
                return {};
            }
            if (auto w = ws.write(data, options.replace ? WriteMode::Replace : WriteMode::Append);
                !w)
                return w;
            for (const auto& spec : tableSpecs())
                if (const size_t n = rowCount(data, spec.name))
                    summary.rows[std::string(spec.name)] = n;
            return {};
        },
        true);
    if (!r)
        return r.error();
    if (summary.cancelled)
        return ImportSummary{{}, true};
    report(1.0, "done");
    return summary;
}

Result<ImportSummary> importTables(Workspace& ws, const std::vector<RawTable>& tables,
                                   const ImportOptions& options, IssueList& issues) {
    SqliteStore store = SqliteStore::borrow(ws);
    return importTables(store, tables, options, issues);
}

std::string tableToCsv(const Dataset& data, std::string_view table) {
    const TableSpec* spec = findTableSpec(table);
    std::string out;
    if (!spec)
        return out;
    for (size_t i = 0; i < spec->columns.size(); ++i) {
        if (i)
            out += ',';
        out += spec->columns[i].name;
    }
    out += '\n';
    forEachRow(data, table, [&](const std::vector<Cell>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i)
                out += ',';
            const Cell& c = cells[i];
            if (const auto* s = std::get_if<std::string>(&c))
                appendCsvField(out, *s);
            else if (const auto* d = std::get_if<double>(&c))
                out += formatNumber(*d);
            else if (const auto* n = std::get_if<int64_t>(&c))
                out += std::to_string(*n);
            else if (const auto* dt = std::get_if<Date>(&c))
                out += dt->toString();
        }
        out += '\n';
    });
    return out;
}

Result<void> exportCsvFolder(const Dataset& data, const std::string& dir) {
    // The whole folder or nothing: a killed or failed export never leaves a mix of an older
    // export's files and this one's (issue 17).
    AtomicFolder folder(dir, [](std::string_view name) {
        return name.size() > 4 && name.substr(name.size() - 4) == ".csv" &&
               findTableSpec(name.substr(0, name.size() - 4)) != nullptr;
    });
    if (auto r = folder.open(); !r)
        return r;
    for (const auto& spec : tableSpecs()) {
        const std::string name = std::string(spec.name) + ".csv";
        AtomicFile file(folder.filePath(name));
        auto r = file.open();
        if (r) {
            file.write(tableToCsv(data, spec.name));
            r = file.commit();
        }
        if (!r) // named by its final path, not the temporary folder's
            return Error{joinPath(dir, name) +
                         r.errorString().substr(
                             std::min(r.errorString().size(), folder.filePath(name).size()))};
    }
    return folder.commit();
}

} // namespace chokepoint::core::io
