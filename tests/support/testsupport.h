// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <QTemporaryDir>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/model/dataset.h"

namespace chokepoint::test {

/// Folder of test inputs checked into tests/data.
std::string dataDir();
/// The `chokepoint` executable built alongside the tests.
std::string chokepointExecutable();

/// A temporary folder removed at the end of the test.
class TempDir {
public:
    TempDir();
    std::string path() const { return m_dir.path().toStdString(); }
    std::string file(const std::string& name) const { return path() + "/" + name; }
    /// Writes `content` to `name` (creating sub-folders) and returns the full path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    QTemporaryDir m_dir;
};

std::string readFile(const std::string& path);

/// Parses CSV text into a raw table named `table` (file name `<table>.csv`).
core::io::RawTable csvTable(const std::string& table, const std::string& csv);

/// Builds a validated Dataset from compact CSV text per table, e.g.
///   datasetFromCsv({{"materials", "id,name,stage\nli,Lithium,mining\n"}, ...});
/// Fails the current test (ADD_FAILURE) with every issue when the data is invalid.
core::Dataset datasetFromCsv(std::initializer_list<std::pair<std::string, std::string>> tables);

/// Loads a CSV folder (e.g. tests/data/small-network/data) as a validated Dataset.
core::Dataset datasetFromFolder(const std::string& folder);

/// Runs the chokepoint executable with `args`; returns the exit code and fills out/err.
int runChokepoint(const std::vector<std::string>& args, std::string* out = nullptr,
                  std::string* err = nullptr);

} // namespace chokepoint::test
