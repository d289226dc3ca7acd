// SPDX-License-Identifier: MIT
#include "core/store/sqlite.h"

#include <cctype>
#include <cstring>
#include <sqlite3.h>
#include <utility>

namespace chokepoint::core::sql {

Database::~Database() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_mode(other.m_mode) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_mode = other.m_mode;
    }
    return *this;
}

namespace {

// `file:` URI of a path (RFC 3986 unreserved characters and '/' kept, the rest escaped).
std::string fileUri(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            uri += ch;
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri;
}

// sqlite3_errmsg() with what the system said when it was an I/O failure: SQLite reports a
// write that failed for a full disk as "disk I/O error" (for WAL writes) and not as
// SQLITE_FULL, so "No space left on device" comes from errno.
std::string errorText(sqlite3* db) {
    std::string msg = sqlite3_errmsg(db);
    const int code = sqlite3_errcode(db) & 0xFF;
    const int system = sqlite3_system_errno(db);
    if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && system != 0)
        msg += std::string(" (") + std::strerror(system) + ")";
    return msg;
}

} // namespace

Result<Database> Database::open(const std::string& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = path;
    switch (mode) {
    case Mode::Immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = fileUri(path) + "?immutable=1";
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        if (db)
            sqlite3_close_v2(db);
        return Error{"cannot open " + path + ": " + msg};
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    // The file is untrusted (see the class comment): nothing in its schema runs code.
    for (const int option : {SQLITE_DBCONFIG_ENABLE_TRIGGER, SQLITE_DBCONFIG_ENABLE_VIEW,
                             SQLITE_DBCONFIG_TRUSTED_SCHEMA})
        sqlite3_db_config(db, option, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    Database d;
    d.m_db = db;
    d.m_path = path;
    d.m_mode = mode;
    return d;
}

Result<void> Database::exec(std::string_view sqlText) {
    char* err = nullptr;
    const std::string s(sqlText);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err); // the same text as sqlite3_errmsg(), which lastError() completes
        const std::string msg = lastError();
        return Error{msg};
    }
    return {};
}

std::string Database::lastError() const {
    return m_db ? errorText(m_db) : "not open";
}
int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const {
    return sqlite3_changes(m_db);
}

Result<int> Database::userVersion() {
    Statement st(*this, "PRAGMA user_version");
    if (!st.valid())
        return Error{st.errorString()};
    if (!st.step())
        return Error{st.errorString().empty() ? "no user_version" : st.errorString()};
    return static_cast<int>(st.integer(0));
}

Result<void> Database::setUserVersion(int version) {
    return exec("PRAGMA user_version = " + std::to_string(version));
}

Statement::Statement(Database& db, std::string_view sqlText)
    : m_db(db.handle()) {
    if (sqlite3_prepare_v2(m_db, sqlText.data(), static_cast<int>(sqlText.size()), &m_stmt,
                           nullptr) != SQLITE_OK) {
        m_error = errorText(m_db);
        m_stmt = nullptr;
    }
}

Statement::~Statement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int i, std::string_view text) {
    sqlite3_bind_text(m_stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind(int i, double v) {
    sqlite3_bind_double(m_stmt, i, v);
    return *this;
}
Statement& Statement::bind(int i, int64_t v) {
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}
Statement& Statement::bindNull(int i) {
    sqlite3_bind_null(m_stmt, i);
    return *this;
}
Statement& Statement::bind(int i, const std::optional<std::string>& v) {
    return v ? bind(i, std::string_view(*v)) : bindNull(i);
}
Statement& Statement::bind(int i, const std::optional<double>& v) {
    return v ? bind(i, *v) : bindNull(i);
}
Statement& Statement::bind(int i, const std::optional<int>& v) {
    return v ? bind(i, static_cast<int64_t>(*v)) : bindNull(i);
}

bool Statement::step() {
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_error = errorText(m_db);
        m_failed = true;
    }
    return false;
}

Result<void> Statement::run() {
    if (!m_stmt)
        return Error{m_error};
    m_failed = false;
    while (step()) {
    }
    sqlite3_reset(m_stmt);
    if (m_failed)
        return Error{m_error};
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int c) const {
    return sqlite3_column_type(m_stmt, c) == SQLITE_NULL;
}

std::string_view Statement::textView(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    if (!p)
        return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, c))};
}
std::string Statement::text(int c) const {
    return std::string(textView(c));
}
double Statement::real(int c) const {
    return sqlite3_column_double(m_stmt, c);
}
int64_t Statement::integer(int c) const {
    return sqlite3_column_int64(m_stmt, c);
}
std::optional<std::string> Statement::optText(int c) const {
    if (isNull(c))
        return std::nullopt;
    return text(c);
}
std::optional<double> Statement::optReal(int c) const {
    if (isNull(c))
        return std::nullopt;
    return real(c);
}
std::optional<int> Statement::optInt(int c) const {
    if (isNull(c))
        return std::nullopt;
    return static_cast<int>(integer(c));
}

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_nested(db.handle() && sqlite3_get_autocommit(db.handle()) == 0) {
    // A read-only connection (a file or folder without write permission) would fail at the
    // first write with "attempt to write a readonly database": say so up front instead.
    if (m_db.handle() && sqlite3_db_readonly(m_db.handle(), "main") == 1) {
        m_error = "the file is read-only (check the permissions of the file and its folder)";
        return;
    }
    auto r = m_db.exec(m_nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
    m_begun = r.ok();
    if (!m_begun)
        m_error = r.errorString();
}

Transaction::~Transaction() {
    if (m_begun && !m_done)
        rollback();
}

void Transaction::rollback() {
    (void)m_db.exec(m_nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
}

Result<void> Transaction::commit() {
    if (!m_begun)
        return Error{"transaction not begun: " + m_error};
    auto r = m_db.exec(m_nested ? "RELEASE nested" : "COMMIT");
    m_done = true;
    if (!r.ok())
        rollback();
    return r;
}

} // namespace chokepoint::core::sql
