// SPDX-License-Identifier: MIT
#include "core/store/pgconnection.h"

#include <algorithm>
#include <libpq-fe.h>

namespace chokepoint::core::pg {
namespace {

std::string firstLine(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// libpq's connection failure, said in words a user acts on.
std::string connectError(const std::string& libpq) {
    const std::string detail = " (" + firstLine(libpq) + ")";
    if (contains(libpq, "password authentication failed") ||
        contains(libpq, "no password supplied") || contains(libpq, "authentication failed") ||
        contains(libpq, "Peer authentication") || contains(libpq, "pg_hba.conf"))
        return "the server refused the login: check the user name and the password in "
               "~/.pgpass or PGPASSWORD" +
               detail;
    if (contains(libpq, "Connection refused") || contains(libpq, "No such file or directory") ||
        contains(libpq, "could not translate host name") || contains(libpq, "timeout expired") ||
        contains(libpq, "No route to host") || contains(libpq, "the database system is"))
        return "cannot reach the PostgreSQL server: is it running, and are the host and port "
               "right?" +
               detail;
    return "cannot connect to the server" + detail;
}

} // namespace

Rows::~Rows() {
    PQclear(m_r);
}

Rows& Rows::operator=(Rows&& o) noexcept {
    if (this != &o) {
        PQclear(m_r);
        m_r = std::exchange(o.m_r, nullptr);
    }
    return *this;
}

int Rows::count() const {
    return m_r ? PQntuples(m_r) : 0;
}

int Rows::columns() const {
    return m_r ? PQnfields(m_r) : 0;
}

bool Rows::isNull(int row, int col) const {
    return PQgetisnull(m_r, row, col) != 0;
}

std::string_view Rows::text(int row, int col) const {
    return {PQgetvalue(m_r, row, col), size_t(PQgetlength(m_r, row, col))};
}

Connection::~Connection() {
    if (m_conn)
        PQfinish(m_conn);
}

Connection::Connection(Connection&& o) noexcept
    : m_conn(std::exchange(o.m_conn, nullptr))
    , m_preparedNames(std::move(o.m_preparedNames))
    , m_depth(o.m_depth) {}

Connection& Connection::operator=(Connection&& o) noexcept {
    if (this != &o) {
        if (m_conn)
            PQfinish(m_conn);
        m_conn = std::exchange(o.m_conn, nullptr);
        m_preparedNames = std::move(o.m_preparedNames);
        m_depth = o.m_depth;
    }
    return *this;
}

Result<Connection> Connection::open(const std::string& conninfo) {
    // A default timeout first, so that one in the location overrides it; libpq expands the
    // URI given as dbname.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"10", "chokepoint", conninfo.c_str(), nullptr};
    Connection c;
    c.m_conn = PQconnectdbParams(keys, values, 1);
    if (!c.m_conn)
        return Error{"cannot connect to the server: out of memory"};
    if (PQstatus(c.m_conn) != CONNECTION_OK)
        return Error{connectError(PQerrorMessage(c.m_conn))};
    if (PQsetClientEncoding(c.m_conn, "UTF8") != 0)
        return Error{"the server cannot speak UTF-8"};
    // Shortest text that reads back to the same double (PostgreSQL 12+): figures are identical
    // on both kinds of workspace.
    if (auto r = c.exec("SET extra_float_digits = 1"); !r)
        return r.error();
    return c;
}

Result<Rows> Connection::check(pg_result* res, int expected) {
    Rows rows(res);
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    const auto done = [](int s) { return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK; };
    if (status == expected || (done(expected) && done(status))) {
        m_sqlState.clear();
        return rows;
    }
    m_sqlState.clear();
    if (PQstatus(m_conn) == CONNECTION_BAD)
        return Error{"the connection to the server was lost (" + firstLine(PQerrorMessage(m_conn)) +
                     ")"};
    if (!res)
        return Error{firstLine(PQerrorMessage(m_conn))};
    if (const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE))
        m_sqlState = state;
    const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
    std::string message = primary ? primary : firstLine(PQresultErrorMessage(res));
    if (detail)
        message += " (" + std::string(detail) + ")";
    return Error{message};
}

Result<void> Connection::exec(const std::string& sql) {
    auto r = check(PQexec(m_conn, sql.c_str()), PGRES_COMMAND_OK);
    if (!r)
        return r.error();
    return {};
}

namespace {
struct ParamArrays {
    std::vector<const char*> values;
    explicit ParamArrays(const Params& params) {
        for (const auto& p : params)
            values.push_back(p ? p->c_str() : nullptr);
    }
};
} // namespace

Result<Rows> Connection::query(const std::string& sql, const Params& params) {
    ParamArrays a(params);
    return check(PQexecParams(m_conn, sql.c_str(), int(params.size()), nullptr, a.values.data(),
                              nullptr, nullptr, 0),
                 PGRES_TUPLES_OK);
}

Result<Rows> Connection::prepared(const std::string& name, const std::string& sql,
                                  const Params& params) {
    if (std::find(m_preparedNames.begin(), m_preparedNames.end(), name) == m_preparedNames.end()) {
        auto r = check(PQprepare(m_conn, name.c_str(), sql.c_str(), int(params.size()), nullptr),
                       PGRES_COMMAND_OK);
        if (!r)
            return r.error();
        m_preparedNames.push_back(name);
    }
    ParamArrays a(params);
    return check(PQexecPrepared(m_conn, name.c_str(), int(params.size()), a.values.data(), nullptr,
                                nullptr, 0),
                 PGRES_TUPLES_OK);
}

Result<void> Connection::copyIn(const std::string& copySql, const CopyWriter& write) {
    if (auto r = check(PQexec(m_conn, copySql.c_str()), PGRES_COPY_IN); !r)
        return r.error();
    std::string buffer;
    std::string failure;
    auto flush = [&] {
        if (failure.empty() && !buffer.empty() &&
            PQputCopyData(m_conn, buffer.data(), int(buffer.size())) != 1)
            failure = firstLine(PQerrorMessage(m_conn));
        buffer.clear();
    };
    write(buffer, flush);
    flush();
    if (PQputCopyEnd(m_conn, failure.empty() ? nullptr : failure.c_str()) != 1 && failure.empty())
        failure = firstLine(PQerrorMessage(m_conn));
    Result<void> result;
    // Every result of the COPY must be read before the connection takes another command.
    while (pg_result* res = PQgetResult(m_conn)) {
        auto r = check(res, PGRES_COMMAND_OK);
        if (!r && result)
            result = r.error();
    }
    if (result && !failure.empty())
        return Error{failure};
    return result;
}

Transaction::Transaction(Connection& c)
    : m_c(c)
    , m_level(c.transactionDepth()) {
    auto r = m_c.exec(m_level == 0 ? "BEGIN" : "SAVEPOINT sp" + std::to_string(m_level));
    if (!r) {
        m_error = r.errorString();
        return;
    }
    m_begun = true;
    ++m_c.transactionDepth();
}

Transaction::~Transaction() {
    if (m_begun && !m_done) {
        (void)m_c.exec(m_level == 0 ? "ROLLBACK"
                                    : "ROLLBACK TO SAVEPOINT sp" + std::to_string(m_level) +
                                          "; RELEASE SAVEPOINT sp" + std::to_string(m_level));
        --m_c.transactionDepth();
    }
}

Result<void> Transaction::commit() {
    if (!m_begun)
        return Error{m_error};
    auto r = m_c.exec(m_level == 0 ? "COMMIT" : "RELEASE SAVEPOINT sp" + std::to_string(m_level));
    if (!r)
        return r; // the destructor rolls back
    m_done = true;
    --m_c.transactionDepth();
    return {};
}

std::string quoteIdentifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace chokepoint::core::pg
