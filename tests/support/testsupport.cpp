// SPDX-License-Identifier: MIT
#include "tests/support/testsupport.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include "core/io/csv.h"
#include "core/io/interchange.h"

namespace chokepoint::test {

std::string dataDir() {
    return CHOKEPOINT_TEST_DATA_DIR;
}
std::string chokepointExecutable() {
    return CHOKEPOINT_EXECUTABLE;
}

TempDir::TempDir() {
    m_dir.setAutoRemove(true);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    const std::string full = file(name);
    QDir().mkpath(QFileInfo(QString::fromStdString(full)).absolutePath());
    std::ofstream out(full, std::ios::binary);
    out << content;
    return full;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

core::io::RawTable csvTable(const std::string& table, const std::string& csv) {
    core::io::RawTable t;
    t.name = table;
    t.file = table + ".csv";
    core::io::IssueList issues;
    core::io::parseCsv(csv, t, issues);
    EXPECT_TRUE(issues.empty()) << issues.toString();
    return t;
}

core::Dataset datasetFromCsv(std::initializer_list<std::pair<std::string, std::string>> tables) {
    std::vector<core::io::RawTable> raw;
    for (const auto& [name, csv] : tables)
        raw.push_back(csvTable(name, csv));
    core::io::IssueList issues;
    core::Dataset d;
    if (!core::io::validateTables(raw, core::Dataset{}, d, issues))
        ADD_FAILURE() << "invalid test data:\n" << issues.toString();
    return d;
}

core::Dataset datasetFromFolder(const std::string& folder) {
    std::vector<core::io::RawTable> raw;
    core::io::IssueList issues;
    core::Dataset d;
    if (!core::io::readSource(folder, raw, issues) ||
        !core::io::validateTables(raw, core::Dataset{}, d, issues))
        ADD_FAILURE() << "invalid test data in " << folder << ":\n" << issues.toString();
    return d;
}

int runChokepoint(const std::vector<std::string>& args, std::string* out, std::string* err) {
    QProcess p;
    QStringList list;
    for (const auto& a : args)
        list << QString::fromStdString(a);
    p.start(QString::fromStdString(chokepointExecutable()), list);
    if (!p.waitForFinished(600000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput().toStdString();
    if (err)
        *err = p.readAllStandardError().toStdString();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace chokepoint::test
