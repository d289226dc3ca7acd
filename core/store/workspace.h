// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "core/model/dataset.h"
#include "core/store/sqlite.h"
#include "core/util/result.h"

namespace chokepoint::core {

/// How a Dataset is written into a workspace.
enum class WriteMode {
    Append,  ///< add the rows (the caller validated that keys do not collide)
    Replace, ///< replace company data; replace reference data too if the dataset holds any
};

/// One workspace file (SQLite, WAL, foreign keys on). Not thread-safe; move-only.
///
/// open() refuses files that are not workspaces (empty, garbage, truncated, other SQLite
/// databases) and workspaces written by a newer program, with a message naming the file;
/// older workspaces are migrated, each step in its own transaction.
class Workspace {
public:
    /// Creates a workspace file at `path` holding `data` (empty: only the schema). It is built
    /// under a hidden temporary name in the same folder (`.NAME.init-XXXXXX`) and renamed to
    /// `path` only when complete, so a kill, a full disk or any error leaves nothing under
    /// `path`; the temporary files of a killed run are removed by the next createFile() of the
    /// same path. `path` must be absent or an empty file; with `replace` (the user confirmed
    /// it), an existing regular file is replaced. A symbolic link or special file is refused.
    /// A non-empty `bundledExample` marks the new workspace as that bundled example
    /// (isBundledExample()).
    static Result<void> createFile(const std::string& path, const Dataset& data,
                                   bool replace = false, const std::string& bundledExample = {});
    /// createFile(path, {}), then open().
    static Result<Workspace> create(const std::string& path);
    static Result<Workspace> open(const std::string& path);
    /// Opens for reading only. Never migrates: an older schema is read as it is, load() giving
    /// the columns later schemas added with the defaults their migration would give old rows.
    /// Leaves no -wal or -shm file beside the workspace: with no WAL beside it (no other
    /// connection), the file is read `immutable`; load() checks that it did not change meanwhile
    /// and reads it again, normally, if it did.
    static Result<Workspace> openReadOnly(const std::string& path);

    const std::string& path() const { return m_db.path(); }
    int schemaVersion() const { return m_version; }
    sql::Database& database() { return m_db; }

    /// Reads every table, rows in stored order.
    Result<Dataset> load();
    /// Writes the dataset in one transaction; on any failure nothing changes.
    Result<void> write(const Dataset& data, WriteMode mode);

    std::optional<std::string> meta(const std::string& key);
    Result<void> setMeta(const std::string& key, const std::string& value);

    /// True when the workspace holds the bundled example (`chokepoint init`, or a new
    /// workspace with the example data in the GUI) and its company data has not been replaced
    /// since: its company, suppliers, sites and supply shares are fictional, and every view and
    /// report of it should say so. Recorded in the meta table (key kBundledExampleKey, the
    /// example's name as value) by markBundledExample(); a replacing import or write
    /// (WriteMode::Replace) removes it. False for workspaces made before this mark existed.
    bool isBundledExample();
    /// Records that the company data is the bundled example `name` (e.g. "ev-battery").
    Result<void> markBundledExample(const std::string& name);
    static constexpr const char* kBundledExampleKey = "bundled_example";

private:
    explicit Workspace(sql::Database db, int version)
        : m_db(std::move(db))
        , m_version(version) {}
    static Result<Workspace> openImpl(const std::string& path, bool readOnly);
    /// Foreign keys on; for writing, WAL and synchronous = NORMAL.
    static Result<void> configure(sql::Database& db, bool readOnly);
    Result<void> migrate();
    /// After an immutable read: true when the file changed since open() (a writer's
    /// checkpoint), and the connection was reopened in the normal read-only mode.
    bool reopenIfChanged();

    sql::Database m_db;
    int m_version = 0;
    std::string m_stamp; ///< immutable opens: the file's identity, size and time at open
};

} // namespace chokepoint::core
