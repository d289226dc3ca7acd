// SPDX-License-Identifier: MIT
#include "core/store/location.h"

#include <cctype>
#include <optional>
#include <vector>

namespace chokepoint::core::store {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// %XX decoding of a query value; nullopt on a broken escape.
std::optional<std::string> percentDecode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size())
            return std::nullopt;
        const int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += char(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}

const char* const kNoPasswords =
    "a server location must not hold a password: put it in ~/.pgpass or PGPASSWORD";

} // namespace

bool isValidWorkspaceName(const std::string& name) {
    if (name.empty() || name.size() > 63)
        return false;
    if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    const bool reserved = name.size() >= 3 && std::tolower(name[0]) == 'p' &&
                          std::tolower(name[1]) == 'g' && name[2] == '_';
    return !reserved;
}

Result<ServerLocation> parseServerLocation(const std::string& location) {
    std::string_view rest = location;
    std::string_view scheme;
    for (std::string_view s : {"postgresql://", "postgres://"})
        if (rest.substr(0, s.size()) == s) {
            scheme = s;
            rest.remove_prefix(s.size());
        }
    if (scheme.empty())
        return Error{"not a server location (postgresql://…?workspace=NAME)"};
    const size_t fragment = rest.find('#');
    if (fragment != std::string_view::npos)
        rest = rest.substr(0, fragment);
    const size_t q = rest.find('?');
    const std::string_view head = rest.substr(0, q);
    const std::string_view query = q == std::string_view::npos ? "" : rest.substr(q + 1);
    const std::string_view authority = head.substr(0, head.find('/'));
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos)
        if (authority.substr(0, at).find(':') != std::string_view::npos)
            return Error{kNoPasswords};

    std::string workspace;
    bool haveWorkspace = false;
    std::string passOn;
    for (std::string_view param : split(query, '&')) {
        if (param.empty())
            continue;
        const std::string_view key = param.substr(0, param.find('='));
        if (key == "password")
            return Error{kNoPasswords};
        if (key != "workspace") {
            passOn += (passOn.empty() ? "" : "&") + std::string(param);
            continue;
        }
        if (haveWorkspace)
            return Error{"a server location names its workspace once (?workspace=NAME)"};
        haveWorkspace = true;
        const auto value = param.size() > key.size() ? percentDecode(param.substr(key.size() + 1))
                                                     : std::optional<std::string>("");
        if (!value || !isValidWorkspaceName(*value))
            return Error{"the workspace name must be 1 to 63 letters, digits or _, starting with "
                         "a letter or _ (and not pg_): '" +
                         std::string(param.substr(std::min(param.size(), key.size() + 1))) + "'"};
        workspace = *value;
    }
    if (!haveWorkspace)
        return Error{"a server location needs its workspace: "
                     "postgresql://[user@]host[:port]/db?workspace=NAME"};
    ServerLocation out;
    out.uri = std::string(scheme) + std::string(head) + (passOn.empty() ? "" : "?" + passOn);
    out.workspace = workspace;
    return out;
}

} // namespace chokepoint::core::store
