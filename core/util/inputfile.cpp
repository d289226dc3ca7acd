// SPDX-License-Identifier: MIT
#include "core/util/inputfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chokepoint::core {
namespace {

std::string sizeText(uint64_t bytes) {
    return bytes >= (uint64_t(1) << 20) ? std::to_string(bytes >> 20) + " MiB"
                                        : std::to_string(bytes) + " bytes";
}

} // namespace

Result<std::string> readInputFile(const std::string& path, uint64_t maxBytes) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Error{std::string("cannot open the file: ") + std::strerror(errno)};
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error{std::string("cannot read the file: ") + std::strerror(errno)};
    if (!S_ISREG(st.st_mode))
        return Error{"not a regular file (a folder, FIFO or device)"};
    if (uint64_t(st.st_size) > maxBytes)
        return Error{"the file has " + sizeText(uint64_t(st.st_size)) +
                     ", more than the limit of " + sizeText(maxBytes)};
    std::string text(size_t(st.st_size), '\0');
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error{std::string("cannot read the file: ") + std::strerror(errno)};
        if (n == 0) // the file shrank meanwhile
            break;
        done += size_t(n);
    }
    text.resize(done);
    return text;
}

} // namespace chokepoint::core
