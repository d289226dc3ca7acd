// SPDX-License-Identifier: MIT
#include "tests/support/smallfs.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace chokepoint::test {

SmallFilesystem::SmallFilesystem(unsigned kib) {
    if (!m_dir.isValid()) {
        m_reason = "cannot create a temporary folder";
        return;
    }
    ::mkdir(path().c_str(), 0777);
    const std::string options = "size=" + std::to_string(kib) + "k,mode=0777";
    if (::mount("chokepoint-test", path().c_str(), "tmpfs", MS_NOSUID | MS_NOEXEC,
                options.c_str()) != 0) {
        m_reason = std::string("cannot mount a small tmpfs for the full-disk case (") +
                   std::strerror(errno) + "; it needs root); the ulimit -f cases still run";
        return;
    }
    m_mounted = true;
}

SmallFilesystem::~SmallFilesystem() {
    if (m_mounted)
        ::umount2(path().c_str(), MNT_DETACH);
}

unsigned long long SmallFilesystem::freeBytes() const {
    struct statvfs st {};
    if (::statvfs(path().c_str(), &st) != 0)
        return 0;
    return static_cast<unsigned long long>(st.f_bavail) * st.f_frsize;
}

void SmallFilesystem::fill(const std::string& name, unsigned long long leaveBytes) {
    const int fd = ::open(file(name).c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    const std::string block(4096, 'f');
    while (freeBytes() > leaveBytes) {
        const unsigned long long room = freeBytes() - leaveBytes;
        const size_t n = room < block.size() ? size_t(room) : block.size();
        if (::write(fd, block.data(), n) <= 0)
            break;
    }
    ::close(fd);
}

} // namespace chokepoint::test
