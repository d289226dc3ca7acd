// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace chokepoint::test::fuzz {

/// Turns a violated property into a crash, which libFuzzer saves as crash-<sha1>.
inline void check(const std::string& problem) {
    if (problem.empty())
        return;
    std::fprintf(stderr, "==fuzz== property violated: %s\n", problem.c_str());
    std::abort();
}

inline std::string_view asText(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A folder of this process's own (libFuzzer -fork/-jobs run several), removed at exit.
class ScratchDir {
public:
    ScratchDir()
        : m_path(std::filesystem::temp_directory_path() /
                 ("chokepoint-fuzz-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

inline const ScratchDir& scratch() {
    static const ScratchDir dir;
    return dir;
}

} // namespace chokepoint::test::fuzz
