// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/dataset.h"

namespace chokepoint::core {

// The `profile` table (SPEC §2) is written as key/value rows; Profile holds it typed.

/// Every profile key, in the order rows are written.
inline constexpr std::array<std::string_view, 3> kProfileKeys = {"company_name", "company_country",
                                                                 "reference_cutoff"};

/// True for a key that describes the reference data (reference_cutoff) rather than the company:
/// a replacing import of company data keeps it, one of reference data clears it.
constexpr bool isReferenceProfileKey(std::string_view key) {
    return key == "reference_cutoff";
}

struct ProfileEntry {
    std::string_view key; ///< one of kProfileKeys
    std::string value;    ///< as written (dates YYYY-MM-DD)
};

/// The keys set in `profile`, as text, in kProfileKeys order.
std::vector<ProfileEntry> profileEntries(const Profile& profile);

/// Sets `key` of `profile` from its text. False, changing nothing, for an unknown key, an
/// empty value or a reference_cutoff that is not a date. Ids are not checked here.
bool setProfileEntry(Profile& profile, std::string_view key, std::string_view value);

/// Clears `key` (nothing for an unknown key).
void clearProfileEntry(Profile& profile, std::string_view key);

} // namespace chokepoint::core
