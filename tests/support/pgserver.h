// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <QStringList>
#include <QTemporaryDir>

namespace chokepoint::test {

/// A throwaway PostgreSQL server for the tests of the team server (SPEC §9): initdb and pg_ctl
/// in a temporary folder, listening only on a Unix socket in that folder (no TCP), stopped and
/// deleted by stop() or the destructor. PostgreSQL refuses to run as root: as root, the server
/// runs as the `postgres` system user (Debian's package creates it) on a folder it owns.
///
/// Authentication: the superuser `postgres` is trusted; every other role needs its password
/// (scram-sha-256), so that tests can meet a wrong password.
class PgServer {
public:
    PgServer() = default;
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    /// Creates the cluster and starts the server; false with errorString() on failure.
    bool start();
    /// Stops the server (immediate shutdown) and deletes its folder.
    void stop();
    bool running() const { return m_running; }
    const std::string& errorString() const { return m_error; }

    /// The folder of the server's socket (a libpq `host`).
    std::string socketDir() const;
    int port() const { return kPort; }
    /// A location of workspace `workspace` in database `postgres`, as user `user`:
    /// postgresql://user@/postgres?host=SOCKETDIR&port=PORT&workspace=NAME
    std::string location(const std::string& workspace, const std::string& user = "postgres") const;
    /// A libpq connection string for the superuser, without a workspace.
    std::string conninfo() const;

    /// Runs SQL as the superuser through psql; false with errorString() on failure.
    bool psql(const std::string& sql, std::string* output = nullptr);

    /// The server started by PgServerEnvironment for this test executable.
    static PgServer& shared();

private:
    /// Runs a server program (initdb, pg_ctl) as the server's owner.
    bool runAsOwner(const std::string& program, const QStringList& args, std::string* output);

    // Only a Unix socket in the private folder: the port just names the socket file.
    static constexpr int kPort = 5432;
    QTemporaryDir m_dir;
    bool m_running = false;
    std::string m_error;
};

} // namespace chokepoint::test
