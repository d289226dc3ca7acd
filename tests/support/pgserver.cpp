// SPDX-License-Identifier: MIT
#include "tests/support/pgserver.h"

#include <pwd.h>
#include <unistd.h>

#include <QFile>
#include <QProcess>

namespace chokepoint::test {
namespace {

// Where initdb and pg_ctl live: CHOKEPOINT_PG_BINDIR in the environment, else what pg_config
// said when the build was configured (Debian keeps them outside PATH).
QString binDir() {
    const QByteArray env = qgetenv("CHOKEPOINT_PG_BINDIR");
    return env.isEmpty() ? QString(CHOKEPOINT_PG_BINDIR) : QString::fromLocal8Bit(env);
}

bool runProcess(const QString& program, const QStringList& args, std::string* output,
                std::string& error) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        error = "cannot run " + program.toStdString() + ": " + p.errorString().toStdString();
        return false;
    }
    p.waitForFinished(120000);
    const std::string text = p.readAll().toStdString();
    if (output)
        *output = text;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        error = program.toStdString() + " " + args.join(' ').toStdString() + " failed:\n" + text;
        return false;
    }
    return true;
}

} // namespace

PgServer::~PgServer() {
    stop();
}

std::string PgServer::socketDir() const {
    return m_dir.path().toStdString();
}

std::string PgServer::location(const std::string& workspace, const std::string& user) const {
    return "postgresql://" + user + "@/postgres?host=" + socketDir() +
           "&port=" + std::to_string(kPort) + "&workspace=" + workspace;
}

std::string PgServer::conninfo() const {
    return "host=" + socketDir() + " port=" + std::to_string(kPort) +
           " user=postgres dbname=postgres";
}

bool PgServer::runAsOwner(const std::string& program, const QStringList& args,
                          std::string* output) {
    const QString path = binDir() + "/" + QString::fromStdString(program);
    if (!QFile::exists(path)) {
        m_error =
            path.toStdString() + " not found: install postgresql-15 (scripts/install-deps.sh)";
        return false;
    }
    if (geteuid() != 0)
        return runProcess(path, args, output, m_error);
    return runProcess("runuser", QStringList{"-u", "postgres", "--", path} + args, output, m_error);
}

bool PgServer::start() {
    if (m_running)
        return true;
    if (!m_dir.isValid()) {
        m_error = "cannot create a temporary folder: " + m_dir.errorString().toStdString();
        return false;
    }
    if (geteuid() == 0) { // the server refuses root: its folder belongs to `postgres`
        const passwd* pw = getpwnam("postgres");
        if (!pw) {
            m_error = "running as root, but there is no `postgres` user to run the server as "
                      "(install postgresql-15)";
            return false;
        }
        if (chown(m_dir.path().toLocal8Bit().constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = "cannot give " + socketDir() + " to the postgres user";
            return false;
        }
    }
    const QString data = m_dir.path() + "/data";
    if (!runAsOwner("initdb",
                    {"-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                     "--no-sync", "--no-instructions"},
                    nullptr))
        return false;
    // The superuser is trusted on the socket; other roles need their password.
    const QString hba = data + "/pg_hba.conf";
    {
        QFile f(hba);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = "cannot write " + hba.toStdString();
            return false;
        }
        f.write("local all postgres trust\nlocal all all scram-sha-256\n");
    }
    // No TCP listener; mmap shared memory works where /dev/shm is not a tmpfs (a chroot).
    const QString options = "-c listen_addresses='' -k " + m_dir.path() + " -p " +
                            QString::number(kPort) +
                            " -c dynamic_shared_memory_type=mmap -c fsync=off"
                            " -c full_page_writes=off -c max_connections=40";
    if (!runAsOwner("pg_ctl",
                    {"-D", data, "-l", m_dir.path() + "/server.log", "-o", options, "-w", "-t",
                     "60", "start"},
                    nullptr)) {
        QFile log(m_dir.path() + "/server.log");
        if (log.open(QIODevice::ReadOnly))
            m_error += "\nserver log:\n" + log.readAll().toStdString();
        return false;
    }
    m_running = true;
    return true;
}

void PgServer::stop() {
    if (m_running) {
        std::string ignored;
        runAsOwner("pg_ctl", {"-D", m_dir.path() + "/data", "-m", "immediate", "-w", "stop"},
                   &ignored);
        m_running = false;
    }
    m_dir.remove();
}

bool PgServer::psql(const std::string& sql, std::string* output) {
    return runProcess(binDir() + "/psql",
                      {"-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d",
                       QString::fromStdString(conninfo()), "-c", QString::fromStdString(sql)},
                      output, m_error);
}

PgServer& PgServer::shared() {
    static PgServer server;
    return server;
}

} // namespace chokepoint::test
