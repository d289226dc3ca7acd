// SPDX-License-Identifier: MIT
#include "core/store/workspace.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>

#include <QFileInfo>

#include "core/store/schema.h"

namespace chokepoint::core {
namespace {

namespace fs = std::filesystem;

uint32_t bigEndian32(const unsigned char* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

// Checks the file before SQLite sees it, so that garbage gets a plain message.
Result<void> checkHeader(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!ec && !fs::is_regular_file(status))
        return Error{path + ": not a Chokepoint workspace (not a regular file)"};
    const auto size = fs::file_size(path, ec);
    if (ec)
        return Error{path + ": cannot open workspace: " + ec.message()};
    if (size == 0)
        return Error{path + ": not a Chokepoint workspace (the file is empty)"};
    std::ifstream in(path, std::ios::binary);
    unsigned char header[100] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (!in || std::memcmp(header, "SQLite format 3", 16) != 0)
        return Error{path + ": not a Chokepoint workspace (not an SQLite database)"};
    uint32_t pageSize = (uint32_t(header[16]) << 8) | header[17];
    if (pageSize == 1)
        pageSize = 65536;
    const uint32_t pages = bigEndian32(header + 28);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return Error{path + ": not a Chokepoint workspace (corrupt database header)"};
    // The in-header size is valid when the change counters agree (SQLite file format §1.3.7),
    // and there is no WAL beside the file: a checkpoint writes page 1 before it extends the
    // file, so one cut short by a crash leaves a header that runs ahead of the file until
    // SQLite replays the WAL on open (found by tests/app/robust_crash_test.cpp).
    const auto wal = fs::file_size(path + "-wal", ec);
    const bool hotWal = !ec && wal > 0;
    if (!hotWal && bigEndian32(header + 24) == bigEndian32(header + 92) && pages > 0 &&
        uint64_t(pages) * pageSize > size)
        return Error{path + ": the workspace is truncated (" + std::to_string(size) +
                     " bytes, header says " + std::to_string(uint64_t(pages) * pageSize) + ")"};
    return {};
}

std::string fileStamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return "gone";
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
           std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ctim.tv_sec) + "." +
           std::to_string(st.st_ctim.tv_nsec);
}

} // namespace

Result<void> Workspace::configure(sql::Database& db, bool readOnly) {
    if (auto r = db.exec("PRAGMA foreign_keys = ON"); !r)
        return r;
    if (!readOnly) {
        sql::Statement wal(db, "PRAGMA journal_mode = WAL");
        if (!wal.valid())
            return Error{wal.errorString()};
        wal.step();
        if (auto r = db.exec("PRAGMA synchronous = NORMAL"); !r)
            return r;
    }
    return {};
}

Result<Workspace> Workspace::create(const std::string& path) {
    if (path == ":memory:") { // a database of this connection only: no file to make safely
        auto db = sql::Database::open(path, sql::Database::Mode::Create);
        if (!db)
            return db.error();
        if (auto r = configure(*db, false); !r)
            return Error{path + ": " + r.errorString()};
        if (auto r = db->exec("PRAGMA application_id = " + std::to_string(store::kApplicationId));
            !r)
            return Error{path + ": " + r.errorString()};
        Workspace ws(std::move(*db), 0);
        if (auto r = ws.migrate(); !r)
            return r.error();
        return ws;
    }
    if (auto r = createFile(path, Dataset{}); !r)
        return r.error();
    return open(path);
}

Result<Workspace> Workspace::open(const std::string& path) {
    return openImpl(path, false);
}

Result<Workspace> Workspace::openReadOnly(const std::string& path) {
    return openImpl(path, true);
}

Result<Workspace> Workspace::openImpl(const std::string& path, bool readOnly) {
    if (auto r = checkHeader(path); !r)
        return r.error();
    // A file this process cannot write (chmod 444, read-only media) with no WAL beside it has
    // no writer: open it immutable. Otherwise SQLite creates -wal/-shm files that a read-only
    // connection cannot remove (a read-only -shm left behind later blocks writing, even after
    // a chmod 644) and that a read-only folder cannot hold at all (the open fails).
    // The same for read-only commands on any file with no WAL beside it (so no connection has
    // it open): a normal read-only connection would leave -wal/-shm files behind (issue 17).
    std::error_code ec;
    const bool immutable = (readOnly || !QFileInfo(QString::fromStdString(path)).isWritable()) &&
                           !fs::exists(path + "-wal", ec);
    const std::string stamp = immutable && readOnly ? fileStamp(path) : std::string();
    auto db = sql::Database::open(path, immutable  ? sql::Database::Mode::Immutable
                                        : readOnly ? sql::Database::Mode::ReadOnly
                                                   : sql::Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    int64_t applicationId = 0;
    {
        // Finalised before any migration: a pending statement would lock the tables a
        // migration rebuilds ("database table is locked").
        sql::Statement appId(*db, "PRAGMA application_id");
        if (!appId.valid() || !appId.step()) {
            // Only a file SQLite cannot read as a database is "not a workspace"; I/O errors,
            // locks and permissions are reported as what they are.
            const int code = sqlite3_errcode(db->handle()) & 0xFF;
            if (code != SQLITE_NOTADB && code != SQLITE_CORRUPT)
                return Error{path + ": cannot read the workspace: " + db->lastError()};
            return Error{path + ": not a Chokepoint workspace (" + db->lastError() + ")"};
        }
        applicationId = appId.integer(0);
    }
    if (applicationId != store::kApplicationId)
        return Error{path + ": is an SQLite database but not a Chokepoint workspace"};
    auto version = db->userVersion();
    if (!version)
        return Error{path + ": " + version.errorString()};
    const int known = store::currentSchemaVersion();
    if (*version > known)
        return Error{path + ": was written by a newer version of Chokepoint (workspace schema " +
                     std::to_string(*version) + ", this program knows up to " +
                     std::to_string(known) + "); open it with a newer Chokepoint"};
    if (*version < 1)
        return Error{path + ": not a Chokepoint workspace (no schema)"};
    // A read-only open of an older workspace reads it as it is: load() reads the columns a
    // later version added with their defaults (schema 3: no profile, shares measured as
    // production, controls confirmed). What a later version added beyond that (saved
    // scenarios, version 2) is missing until it is opened for writing, which migrates it.
    if (auto r = configure(*db, readOnly); !r)
        return Error{path + ": " + r.errorString()};
    Workspace ws(std::move(*db), *version);
    ws.m_stamp = stamp;
    if (!readOnly && *version < known)
        if (auto r = ws.migrate(); !r)
            return r.error();
    return ws;
}

bool Workspace::reopenIfChanged() {
    if (m_stamp.empty() || fileStamp(path()) == m_stamp)
        return false;
    auto db = sql::Database::open(path(), sql::Database::Mode::ReadOnly);
    if (!db)
        return false;
    m_db = std::move(*db);
    m_stamp.clear();
    return true;
}

Result<void> Workspace::migrate() {
    // A step may rebuild a table that others refer to (SQLite's ALTER TABLE procedure), which
    // needs foreign keys off; the pragma is a no-op inside a transaction, so it is switched
    // here, and each step checks the keys itself before it commits.
    if (auto r = m_db.exec("PRAGMA foreign_keys = OFF"); !r)
        return Error{path() + ": cannot migrate: " + r.errorString()};
    struct KeysBackOn {
        sql::Database& db;
        ~KeysBackOn() { (void)db.exec("PRAGMA foreign_keys = ON"); }
    } keysBackOn{m_db};
    for (const auto& m : store::migrations()) {
        if (m.version <= m_version)
            continue;
        const std::string step = "migration to schema " + std::to_string(m.version) + " (" +
                                 std::string(m.description) + ")";
        sql::Transaction tx(m_db);
        if (!tx.begun())
            return Error{path() + ": cannot migrate: " + tx.errorString()};
        if (auto r = m_db.exec(m.sql); !r)
            return Error{path() + ": " + step + " failed: " + r.errorString()};
        {
            sql::Statement check(m_db, "PRAGMA foreign_key_check");
            if (!check.valid())
                return Error{path() + ": " + step + " failed: " + check.errorString()};
            if (check.step())
                return Error{path() + ": " + step + " failed: a row of table " + check.text(0) +
                             " refers to a missing row of " + check.text(2)};
        }
        if (auto r = m_db.setUserVersion(m.version); !r)
            return Error{path() + ": " + r.errorString()};
        if (auto r = tx.commit(); !r)
            return Error{path() + ": cannot commit migration: " + r.errorString()};
        m_version = m.version;
    }
    return {};
}

std::optional<std::string> Workspace::meta(const std::string& key) {
    sql::Statement st(m_db, "SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (st.step())
        return st.text(0);
    return std::nullopt;
}

Result<void> Workspace::setMeta(const std::string& key, const std::string& value) {
    sql::Statement st(m_db, "INSERT INTO meta(key, value) VALUES(?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    return st.run();
}

bool Workspace::isBundledExample() {
    const auto v = meta(kBundledExampleKey);
    return v && !v->empty();
}

Result<void> Workspace::markBundledExample(const std::string& name) {
    return setMeta(kBundledExampleKey, name);
}

} // namespace chokepoint::core
