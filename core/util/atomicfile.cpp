// SPDX-License-Identifier: MIT
#include "core/util/atomicfile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <utility>
#include <vector>

#include <QIODevice>

namespace chokepoint::core {
namespace {

namespace fs = std::filesystem;

std::string errnoText(int code) {
    return std::strerror(code);
}

std::string randomSuffix() {
    static const char* digits = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device rd;
    std::string s;
    for (int i = 0; i < 8; ++i)
        s += digits[rd() % 36];
    return s;
}

// Folder and file name of `path`; the folder is "." for a bare name.
std::pair<std::string, std::string> splitPath(const std::string& path) {
    const fs::path p(path);
    const std::string dir = p.parent_path().string();
    return {dir.empty() ? std::string(".") : dir, p.filename().string()};
}

// What lstat() found at a path that is not a regular file, for messages.
std::string kindOf(mode_t mode) {
    if (S_ISLNK(mode))
        return "is a symbolic link; Chokepoint never writes through one (give the real path)";
    if (S_ISDIR(mode))
        return "is a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a regular file; Chokepoint will not replace it";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe), not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

void syncFolder(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // durability of the rename; a failure here loses nothing already written
        ::close(fd);
    }
}

// Removes the regular files of a folder we made (never following links), then the folder.
void removeOwnFolder(const std::string& dir) {
    if (DIR* d = ::opendir(dir.c_str())) {
        std::vector<std::string> names;
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name != "." && name != "..")
                names.push_back(name);
        }
        ::closedir(d);
        for (const auto& name : names) {
            struct stat st {};
            const std::string full = dir + "/" + name;
            if (::lstat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode))
                ::unlink(full.c_str());
        }
    }
    ::rmdir(dir.c_str());
}

// The new file as a QIODevice that notices every failed write. QFile does not: a write that
// stops part way (the disk filled up after 64 kB of 200) returns the part written and sets no
// error, and its flush() then succeeds, so the truncated file would be committed.
class FdDevice final : public QIODevice {
public:
    explicit FdDevice(int fd)
        : m_fd(fd) {
        QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    int failure() const { return m_errno; }

    // Writes out what is buffered; false (and failure()) when the system refuses any of it.
    bool writeOut() {
        size_t done = 0;
        while (m_errno == 0 && done < m_buffer.size()) {
            const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                m_errno = n < 0 ? errno : EIO;
            else
                done += size_t(n);
        }
        m_buffer.clear();
        if (m_errno != 0)
            setErrorString(QString::fromLocal8Bit(std::strerror(m_errno)));
        return m_errno == 0;
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override {
        if (m_errno != 0)
            return -1;
        m_buffer.append(data, size_t(size));
        if (m_buffer.size() >= kChunk && !writeOut())
            return -1;
        return size;
    }

private:
    static constexpr size_t kChunk = size_t(1) << 16;
    int m_fd;
    int m_errno = 0;
    std::string m_buffer;
};

} // namespace

Result<void> checkOutputFile(const std::string& path) {
    if (path.empty())
        return Error{"no output file given"};
    if (path.back() == '/')
        return Error{path + ": is a folder name, not a file name"};
    const auto [dir, name] = splitPath(path);
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Error{path + ": cannot write: the folder " + dir + " does not exist"};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return {};
        return Error{path + ": cannot write: " + errnoText(errno)};
    }
    if (S_ISREG(st.st_mode))
        return {};
    return Error{path + ": " + kindOf(st.st_mode)};
}

struct AtomicFile::Private {
    int fd = -1;
    bool unnamed = false;
    bool committed = false;
    std::string dir, name, temp; ///< temp: the temporary name, when not unnamed
    std::unique_ptr<FdDevice> file;

    std::string procPath() const { return "/proc/self/fd/" + std::to_string(fd); }
};

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
    , d(std::make_unique<Private>()) {}

AtomicFile::~AtomicFile() {
    if (!d->committed)
        discard();
}

Result<void> AtomicFile::open() {
    if (auto r = checkOutputFile(m_path); !r)
        return r;
    std::tie(d->dir, d->name) = splitPath(m_path);
    d->fd = ::open(d->dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (d->fd >= 0) {
        d->unnamed = true;
        // Other libraries reach the unnamed file through /proc; without it, use a name.
        if (::access(d->procPath().c_str(), W_OK) != 0) {
            ::close(d->fd);
            d->fd = -1;
            d->unnamed = false;
        }
    }
    for (int attempt = 0; d->fd < 0 && attempt < 100; ++attempt) {
        d->temp = d->dir + "/." + d->name + ".tmp-" + randomSuffix();
        d->fd = ::open(d->temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (d->fd < 0 && errno != EEXIST)
            return Error{m_path + ": cannot write: " + errnoText(errno)};
    }
    if (d->fd < 0)
        return Error{m_path + ": cannot write: no free temporary name"};
    d->file = std::make_unique<FdDevice>(d->fd);
    return {};
}

QIODevice& AtomicFile::device() {
    return *d->file;
}

bool AtomicFile::write(std::string_view bytes) {
    return d->file && d->file->write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

std::string AtomicFile::writerPath() const {
    return d->unnamed ? d->procPath() : d->temp;
}

int AtomicFile::handle() const {
    return d->fd;
}

Result<void> AtomicFile::failed(const std::string& why) {
    discard();
    return Error{m_path + ": cannot write: " + why};
}

Result<void> AtomicFile::commit() {
    if (d->fd < 0)
        return Error{m_path + ": cannot write: the file is not open"};
    if (d->file) {
        // The check QSaveFile::commit() lacks: a failed final flush (a full disk) is an error,
        // and so is any write that failed before it.
        if (!d->file->writeOut())
            return failed(std::strerror(d->file->failure()));
        d->file.reset();
    }
    if (::fdatasync(d->fd) != 0 && errno != EINVAL)
        return failed(errnoText(errno));
    // The path may have changed since open(): check again right before replacing it.
    if (auto r = checkOutputFile(m_path); !r) {
        discard();
        return r;
    }
    struct stat old {};
    const bool replacing = ::lstat(m_path.c_str(), &old) == 0;
    if (replacing)
        ::fchmod(d->fd, old.st_mode & 07777); // keep the permissions of the file replaced
    if (d->unnamed) {
        const std::string proc = d->procPath();
        bool placed = false;
        if (!replacing) {
            // Appears under its final name in one step, and never over a file made meanwhile.
            placed =
                ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, m_path.c_str(), AT_SYMLINK_FOLLOW) == 0;
            if (!placed && errno != EEXIST)
                return failed(errnoText(errno));
        }
        if (!placed) {
            for (int attempt = 0; attempt < 100 && d->temp.empty(); ++attempt) {
                const std::string name = d->dir + "/." + d->name + ".tmp-" + randomSuffix();
                if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) ==
                    0)
                    d->temp = name;
                else if (errno != EEXIST)
                    return failed(errnoText(errno));
            }
            if (d->temp.empty())
                return failed("no free temporary name");
            if (::rename(d->temp.c_str(), m_path.c_str()) != 0)
                return failed(errnoText(errno));
            d->temp.clear();
        }
        ::close(d->fd);
        d->fd = -1;
    } else {
        const int fd = std::exchange(d->fd, -1);
        if (::close(fd) != 0)
            return failed(errnoText(errno));
        if (::rename(d->temp.c_str(), m_path.c_str()) != 0)
            return failed(errnoText(errno));
        d->temp.clear();
    }
    d->committed = true;
    syncFolder(d->dir);
    return {};
}

void AtomicFile::discard() {
    d->file.reset(); // what it still buffers is dropped
    if (d->fd >= 0)
        ::close(std::exchange(d->fd, -1));
    if (!d->temp.empty())
        ::unlink(std::exchange(d->temp, {}).c_str());
}

Result<void> writeFileAtomically(const std::string& path, std::string_view bytes) {
    AtomicFile file(path);
    if (auto r = file.open(); !r)
        return r;
    file.write(bytes);
    return file.commit();
}

AtomicFolder::AtomicFolder(std::string path, std::function<bool(std::string_view)> replaceable)
    : m_replaceable(std::move(replaceable)) {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(path), ec).lexically_normal();
    if (!p.has_filename() && p.has_parent_path() && p != p.root_path())
        p = p.parent_path();
    m_path = p.string();
}

AtomicFolder::~AtomicFolder() {
    discard();
}

Result<void> AtomicFolder::open() {
    const fs::path p(m_path);
    if (!p.has_filename() || p == p.root_path())
        return Error{m_path + ": cannot export into the root folder"};
    const std::string parent = p.parent_path().string(), name = p.filename().string();
    struct stat st {};
    mode_t mode = 0;
    if (::lstat(m_path.c_str(), &st) == 0) {
        if (S_ISREG(st.st_mode))
            return Error{m_path + ": is a file, not a folder"};
        if (!S_ISDIR(st.st_mode))
            return Error{m_path + ": " + kindOf(st.st_mode)};
        mode = st.st_mode & 07777;
        DIR* dir = ::opendir(m_path.c_str());
        if (!dir)
            return Error{m_path + ": cannot read the folder: " + errnoText(errno)};
        std::string refused;
        while (const dirent* e = ::readdir(dir)) {
            const std::string entry = e->d_name;
            if (entry == "." || entry == "..")
                continue;
            struct stat est {};
            const std::string full = m_path + "/" + entry;
            if (::lstat(full.c_str(), &est) != 0 || !S_ISREG(est.st_mode) ||
                !m_replaceable(entry)) {
                refused = entry;
                break;
            }
        }
        ::closedir(dir);
        if (!refused.empty())
            return Error{m_path + ": the folder holds " + refused +
                         ", which is not a file this export writes; export into a new or "
                         "empty folder, or into the folder of an earlier export"};
    } else if (errno != ENOENT) {
        return Error{m_path + ": " + errnoText(errno)};
    } else {
        std::error_code ec;
        fs::create_directories(parent, ec);
        if (ec)
            return Error{m_path + ": cannot create the folder: " + ec.message()};
    }

    // Temporary folders of killed runs: no process holds their lock any more.
    const std::string prefix = "." + name + ".tmp-";
    if (DIR* dir = ::opendir(parent.c_str())) {
        std::vector<std::string> stale;
        while (const dirent* e = ::readdir(dir))
            if (std::string_view(e->d_name).substr(0, prefix.size()) == prefix)
                stale.push_back(parent + "/" + e->d_name);
        ::closedir(dir);
        for (const auto& s : stale) {
            const int fd = ::open(s.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0)
                continue;
            if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
                removeOwnFolder(s);
            ::close(fd);
        }
    }

    for (int attempt = 0; attempt < 100 && m_temp.empty(); ++attempt) {
        const std::string temp = parent + "/" + prefix + randomSuffix();
        if (::mkdir(temp.c_str(), 0777) == 0)
            m_temp = temp;
        else if (errno != EEXIST)
            return Error{m_path + ": cannot create a folder beside it: " + errnoText(errno)};
    }
    if (m_temp.empty())
        return Error{m_path + ": no free temporary name"};
    if (mode != 0)
        ::chmod(m_temp.c_str(), mode);
    m_lock = ::open(m_temp.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_lock < 0 || ::flock(m_lock, LOCK_EX) != 0) {
        const int code = errno;
        discard();
        return Error{m_path + ": cannot lock a folder beside it: " + errnoText(code)};
    }
    return {};
}

std::string AtomicFolder::filePath(std::string_view name) const {
    return m_temp + "/" + std::string(name);
}

Result<void> AtomicFolder::commit() {
    if (m_temp.empty())
        return Error{m_path + ": the folder is not open"};
    auto fail = [&](const std::string& why) -> Result<void> {
        discard();
        return Error{m_path + ": cannot write: " + why};
    };
    if (::fsync(m_lock) != 0 && errno != EINVAL)
        return fail(errnoText(errno));
    const std::string parent = fs::path(m_path).parent_path().string();
    struct stat st {};
    if (::lstat(m_path.c_str(), &st) != 0) {
        if (errno != ENOENT)
            return fail(errnoText(errno));
        if (::rename(m_temp.c_str(), m_path.c_str()) != 0)
            return fail(errnoText(errno));
        m_temp.clear();
    } else {
        if (!S_ISDIR(st.st_mode))
            return fail(kindOf(st.st_mode));
        // One step: path holds the old folder or the new one, never a mix or nothing.
        if (::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_path.c_str(), RENAME_EXCHANGE) != 0) {
            if (errno != EINVAL && errno != ENOSYS)
                return fail(errnoText(errno));
            // A file system without the exchange: two renames, and a short window without path.
            const std::string old =
                parent + "/." + fs::path(m_path).filename().string() + ".tmp-" + randomSuffix();
            if (::rename(m_path.c_str(), old.c_str()) != 0)
                return fail(errnoText(errno));
            if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
                const int code = errno;
                ::rename(old.c_str(), m_path.c_str());
                return fail(errnoText(code));
            }
            m_temp = old;
        }
        // m_temp now names the old folder: remove the files it was checked to hold.
        removeOwnFolder(m_temp);
        m_temp.clear();
    }
    syncFolder(parent);
    if (m_lock >= 0)
        ::close(std::exchange(m_lock, -1));
    return {};
}

void AtomicFolder::discard() {
    if (!m_temp.empty())
        removeOwnFolder(std::exchange(m_temp, {}));
    if (m_lock >= 0)
        ::close(std::exchange(m_lock, -1));
}

} // namespace chokepoint::core
