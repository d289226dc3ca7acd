// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

struct pg_conn;
struct pg_result;

namespace chokepoint::core::pg {

/// Owns one PGresult: rows of text values.
class Rows {
public:
    explicit Rows(pg_result* r = nullptr)
        : m_r(r) {}
    ~Rows();
    Rows(Rows&& o) noexcept
        : m_r(std::exchange(o.m_r, nullptr)) {}
    Rows& operator=(Rows&& o) noexcept;
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;

    int count() const;
    int columns() const;
    bool isNull(int row, int col) const;
    std::string_view text(int row, int col) const;

private:
    pg_result* m_r;
};

using Params = std::vector<std::optional<std::string>>;

/// Owns one libpq connection. Not thread-safe. Every call returns errors as values: the
/// server's message (primary text and detail), or "the connection to the server was lost".
class Connection {
public:
    Connection() = default;
    ~Connection();
    Connection(Connection&& o) noexcept;
    Connection& operator=(Connection&& o) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Connects with a libpq URI or connection string. The error says, in words, whether the
    /// server could not be reached or refused the login; it never holds a password.
    static Result<Connection> open(const std::string& conninfo);

    Result<void> exec(const std::string& sql);
    /// One statement with $1… parameters as text (nullopt = NULL); text results.
    Result<Rows> query(const std::string& sql, const Params& params = {});
    /// A named prepared statement of this connection (prepared on first use).
    Result<Rows> prepared(const std::string& name, const std::string& sql,
                          const Params& params = {});
    /// COPY … FROM STDIN. `write` appends the data to the buffer it is given and calls
    /// `flush` now and then, so that a large table is sent in parts, never held whole.
    using CopyWriter = std::function<void(std::string& buffer, const std::function<void()>& flush)>;
    Result<void> copyIn(const std::string& copySql, const CopyWriter& write);

    /// The SQLSTATE of the last failed call ("" when none or unknown).
    const std::string& lastSqlState() const { return m_sqlState; }
    /// Transactions open on this connection (Transaction nests as savepoints).
    int& transactionDepth() { return m_depth; }

private:
    Result<Rows> check(pg_result* r, int expected);
    pg_conn* m_conn = nullptr;
    std::vector<std::string> m_preparedNames;
    std::string m_sqlState;
    int m_depth = 0;
};

/// BEGIN on construction (a SAVEPOINT inside another Transaction of the same connection);
/// rolls back in the destructor unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Connection& c);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begun() const { return m_begun; }
    const std::string& errorString() const { return m_error; }
    Result<void> commit();

private:
    Connection& m_c;
    int m_level = 0;
    bool m_begun = false;
    bool m_done = false;
    std::string m_error;
};

/// `name` as a quoted SQL identifier ("a""b").
std::string quoteIdentifier(std::string_view name);

} // namespace chokepoint::core::pg
