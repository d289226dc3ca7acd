// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace chokepoint::core::sql {

/// Owns one sqlite3 connection. Not thread-safe: use one per thread.
///
/// Every connection treats the file as untrusted (a workspace may come from anyone): triggers
/// and views are disabled (SQLITE_DBCONFIG_ENABLE_TRIGGER/_VIEW), so a trigger planted in a
/// foreign file never runs during an import; the schema is not trusted to call functions with
/// side effects (trusted_schema off), and the defensive flag forbids writes that could corrupt
/// the file. Chokepoint's own schema uses neither triggers nor views.
class Database {
public:
    /// Immutable: read-only, and SQLite may assume that nobody changes the file while it is
    /// open, so it creates no -wal/-shm files (for files this process cannot write).
    enum class Mode { ReadWrite, ReadOnly, Create, Immutable };

    Database() = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static Result<Database> open(const std::string& path, Mode mode);

    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    Mode mode() const { return m_mode; }

    /// Runs one or more statements without results.
    Result<void> exec(std::string_view sql);
    /// The connection's last error message.
    std::string lastError() const;
    int64_t lastInsertRowId() const;
    int changes() const;

    Result<int> userVersion();
    Result<void> setUserVersion(int version);

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    Mode m_mode = Mode::ReadWrite;
};

/// A prepared statement with bound parameters (1-based indices).
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool valid() const { return m_stmt != nullptr; }
    const std::string& errorString() const { return m_error; }

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& v);
    Statement& bind(int index, const std::optional<double>& v);
    Statement& bind(int index, const std::optional<int>& v);

    /// Returns true when a row is available, false when done; sets errorString on failure.
    bool step();
    /// Runs to completion (for statements without results).
    Result<void> run();
    void reset();

    bool isNull(int col) const;
    std::string text(int col) const;
    std::string_view textView(int col) const;
    double real(int col) const;
    int64_t integer(int col) const;
    std::optional<std::string> optText(int col) const;
    std::optional<double> optReal(int col) const;
    std::optional<int> optInt(int col) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    std::string m_error;
    bool m_failed = false;
};

/// BEGIN IMMEDIATE on construction; rolls back in the destructor unless commit() succeeded.
/// Inside another transaction it nests as a savepoint: commit() then releases the savepoint
/// and only the outer commit makes the changes durable.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begun() const { return m_begun; }
    const std::string& errorString() const { return m_error; }
    Result<void> commit();

private:
    void rollback();

    Database& m_db;
    bool m_nested = false;
    bool m_begun = false;
    bool m_done = false;
    std::string m_error;
};

} // namespace chokepoint::core::sql
