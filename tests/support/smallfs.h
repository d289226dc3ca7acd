// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <QTemporaryDir>

namespace chokepoint::test {

/// A real, small file system for full-disk tests: a tmpfs of `kib` KiB mounted on a temporary
/// folder of this process (writes fail with ENOSPC exactly as on a full disk), unmounted again
/// by the destructor. Mounting needs root (CI runs as root); elsewhere mounted() is false and
/// skipReason() says why, for GTEST_SKIP().
class SmallFilesystem {
public:
    explicit SmallFilesystem(unsigned kib);
    ~SmallFilesystem();
    SmallFilesystem(const SmallFilesystem&) = delete;
    SmallFilesystem& operator=(const SmallFilesystem&) = delete;

    bool mounted() const { return m_mounted; }
    const std::string& skipReason() const { return m_reason; }
    std::string path() const { return m_dir.path().toStdString() + "/fs"; }
    std::string file(const std::string& name) const { return path() + "/" + name; }
    /// Fills the file system with a file `name` until at most `leaveBytes` are free.
    void fill(const std::string& name, unsigned long long leaveBytes);
    /// Bytes free for an unprivileged writer.
    unsigned long long freeBytes() const;

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    std::string m_reason;
};

} // namespace chokepoint::test
