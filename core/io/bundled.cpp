// SPDX-License-Identifier: MIT
#include "core/io/bundled.h"

#include <algorithm>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/io/csv.h"
#include "core/io/interchange.h"
#include "core/store/workspace.h"

namespace chokepoint::core::io {

namespace {
constexpr const char* kDataPrefix = ":/chokepoint/data/ev-battery";
constexpr const char* kScenarioPrefix = ":/chokepoint/scenarios";

std::vector<QString> listFiles(const char* prefix, const QString& suffix) {
    std::vector<QString> files;
    QDirIterator it(QString::fromLatin1(prefix), QDir::Files);
    while (it.hasNext()) {
        const QString f = it.next();
        if (f.endsWith(suffix))
            files.push_back(f);
    }
    std::sort(files.begin(), files.end());
    return files;
}
} // namespace

bool readBundledTables(std::vector<RawTable>& tables, IssueList& issues) {
    const auto files = listFiles(kDataPrefix, QStringLiteral(".csv"));
    if (files.empty()) {
        issues.add({"bundled data", {}, 0, 0}, "the bundled data set is missing from this build");
        return false;
    }
    bool ok = true;
    for (const QString& f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly)) {
            issues.add({f.toStdString(), {}, 0, 0}, "cannot open bundled file");
            ok = false;
            continue;
        }
        const QByteArray bytes = file.readAll();
        RawTable t;
        t.name = QFileInfo(f).completeBaseName().toStdString();
        t.file = "bundled/" + QFileInfo(f).fileName().toStdString();
        ok = parseCsv(std::string_view(bytes.constData(), size_t(bytes.size())), t, issues) && ok;
        tables.push_back(std::move(t));
    }
    return ok;
}

Result<Dataset> bundledDataset() {
    std::vector<RawTable> tables;
    IssueList issues;
    Dataset d;
    if (!readBundledTables(tables, issues) || !validateTables(tables, Dataset{}, d, issues))
        return Error{"the bundled data set is invalid:\n" + issues.toString()};
    return d;
}

Result<void> writeBundledExample(Workspace& ws) {
    auto data = bundledDataset();
    if (!data)
        return data.error();
    sql::Transaction tx(ws.database());
    if (!tx.begun())
        return Error{ws.path() + ": cannot write: " + tx.errorString()};
    if (auto r = ws.write(*data, WriteMode::Replace); !r)
        return r;
    if (auto r = ws.markBundledExample(kBundledExampleName); !r)
        return Error{ws.path() + ": cannot write: " + r.errorString()};
    if (auto r = tx.commit(); !r)
        return Error{ws.path() + ": cannot commit: " + r.errorString()};
    return {};
}

Result<void> createBundledWorkspace(const std::string& path, bool replace) {
    auto data = bundledDataset();
    if (!data)
        return data.error();
    return Workspace::createFile(path, *data, replace, kBundledExampleName);
}

std::vector<std::pair<std::string, std::string>> bundledScenarios() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const QString& f : listFiles(kScenarioPrefix, QStringLiteral(".json"))) {
        QFile file(f);
        if (file.open(QIODevice::ReadOnly))
            out.emplace_back(QFileInfo(f).fileName().toStdString(), file.readAll().toStdString());
    }
    return out;
}

} // namespace chokepoint::core::io
