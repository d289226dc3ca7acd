// SPDX-License-Identifier: MIT
#include "core/model/profile.h"

namespace chokepoint::core {

std::vector<ProfileEntry> profileEntries(const Profile& p) {
    std::vector<ProfileEntry> out;
    if (p.companyName)
        out.push_back({kProfileKeys[0], *p.companyName});
    if (p.companyCountry)
        out.push_back({kProfileKeys[1], *p.companyCountry});
    if (p.referenceCutoff)
        out.push_back({kProfileKeys[2], p.referenceCutoff->toString()});
    return out;
}

bool setProfileEntry(Profile& p, std::string_view key, std::string_view value) {
    if (value.empty())
        return false;
    if (key == kProfileKeys[0]) {
        p.companyName = std::string(value);
    } else if (key == kProfileKeys[1]) {
        p.companyCountry = std::string(value);
    } else if (key == kProfileKeys[2]) {
        const auto d = Date::parse(value);
        if (!d)
            return false;
        p.referenceCutoff = *d;
    } else {
        return false;
    }
    return true;
}

void clearProfileEntry(Profile& p, std::string_view key) {
    if (key == kProfileKeys[0])
        p.companyName.reset();
    else if (key == kProfileKeys[1])
        p.companyCountry.reset();
    else if (key == kProfileKeys[2])
        p.referenceCutoff.reset();
}

} // namespace chokepoint::core
