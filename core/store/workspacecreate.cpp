// SPDX-License-Identifier: MIT
// Workspace::createFile: a new workspace is built under a temporary name and renamed into
// place when complete, so that nothing that looks like a workspace is ever half made.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "core/store/schema.h"
#include "core/store/workspace.h"
#include "core/util/atomicfile.h"

namespace chokepoint::core {
namespace {

namespace fs = std::filesystem;

// The files SQLite keeps beside a database.
constexpr const char* kCompanions[] = {"-wal", "-shm", "-journal"};

void unlinkRegular(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        ::unlink(path.c_str());
}

void removeDatabaseFiles(const std::string& path) {
    for (const char* suffix : kCompanions)
        unlinkRegular(path + suffix);
    unlinkRegular(path);
}

std::string randomSuffix() {
    static const char* digits = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device rd;
    std::string s;
    for (int i = 0; i < 8; ++i)
        s += digits[rd() % 36];
    return s;
}

// Temporary workspaces of killed runs for the same name: their creator's lock is gone.
void removeStale(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> found;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            const std::string_view name = e->d_name;
            if (name.substr(0, prefix.size()) == prefix &&
                name.size() == prefix.size() + 8) // not the -wal/-shm companions
                found.emplace_back(dir + "/" + std::string(name));
        }
        ::closedir(d);
    }
    for (const auto& f : found) {
        const int fd = ::open(f.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            removeDatabaseFiles(f);
        ::close(fd);
    }
}

} // namespace

Result<void> Workspace::createFile(const std::string& path, const Dataset& data, bool replace,
                                   const std::string& bundledExample) {
    if (auto r = checkOutputFile(path); !r)
        return r;
    struct stat st {};
    const bool exists = ::lstat(path.c_str(), &st) == 0;
    if (exists && st.st_size > 0 && !replace)
        return Error{path + ": already exists; choose another name or open it"};
    const fs::path target(path);
    const std::string dir =
        target.parent_path().empty() ? std::string(".") : target.parent_path().string();
    const std::string prefix = "." + target.filename().string() + ".init-";
    removeStale(dir, prefix);

    std::string temp;
    int lock = -1;
    for (int attempt = 0; attempt < 100 && lock < 0; ++attempt) {
        temp = dir + "/" + prefix + randomSuffix();
        lock = ::open(temp.c_str(), O_CREAT | O_EXCL | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (lock < 0 && errno != EEXIST)
            return Error{path + ": cannot create the workspace: " + std::strerror(errno)};
    }
    if (lock < 0)
        return Error{path + ": cannot create the workspace: no free temporary name"};
    // Held until the end: tells a later removeStale() that this run is alive.
    ::flock(lock, LOCK_EX);
    auto fail = [&](const std::string& why) -> Result<void> {
        removeDatabaseFiles(temp);
        ::close(lock);
        return Error{path + ": " + why};
    };

    {
        auto db = sql::Database::open(temp, sql::Database::Mode::Create);
        if (!db)
            return fail(db.errorString());
        if (auto r = configure(*db, false); !r)
            return fail(r.errorString());
        if (auto r = db->exec("PRAGMA application_id = " + std::to_string(store::kApplicationId));
            !r)
            return fail(r.errorString());
        Workspace ws(std::move(*db), 0);
        if (auto r = ws.migrate(); !r)
            return fail(r.errorString());
        if (!data.empty())
            if (auto r = ws.write(data, WriteMode::Replace); !r)
                return fail(r.errorString());
        if (!bundledExample.empty())
            if (auto r = ws.markBundledExample(bundledExample); !r)
                return fail(r.errorString());
        // Everything into the main file: the WAL is not renamed with it.
        sql::Statement checkpoint(ws.m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (!checkpoint.valid() || !checkpoint.step() || checkpoint.integer(0) != 0)
            return fail("cannot complete the workspace: " + (checkpoint.errorString().empty()
                                                                 ? ws.m_db.lastError()
                                                                 : checkpoint.errorString()));
    } // closing the last connection removes the -wal and -shm files
    struct stat wal {};
    if (::stat((temp + "-wal").c_str(), &wal) == 0 && wal.st_size > 0)
        return fail("cannot complete the workspace (its WAL was not written back)");
    if (::fsync(lock) != 0)
        return fail(std::string("cannot write: ") + std::strerror(errno));

    // WAL files left by an earlier workspace of this name would be replayed into the new one.
    if (!exists || replace)
        for (const char* suffix : kCompanions)
            unlinkRegular(path + suffix);
    bool placed = false;
    if (exists) {
        placed = ::rename(temp.c_str(), path.c_str()) == 0;
    } else {
        // Never over a file that appeared meanwhile.
        placed = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0;
        if (!placed && (errno == EINVAL || errno == ENOSYS)) {
            placed = ::link(temp.c_str(), path.c_str()) == 0;
            if (placed)
                ::unlink(temp.c_str());
        }
    }
    if (!placed)
        return fail(errno == EEXIST
                        ? std::string("already exists; choose another name or open it")
                        : std::string("cannot create the workspace: ") + std::strerror(errno));
    for (const char* suffix : kCompanions)
        unlinkRegular(temp + suffix);
    ::close(lock);
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace chokepoint::core
