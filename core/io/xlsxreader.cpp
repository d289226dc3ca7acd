// SPDX-License-Identifier: MIT
// Placeholder until the libzip + QXmlStreamReader reader lands (issue 9).
#include "core/io/xlsxreader.h"

namespace chokepoint::core::io {

bool readXlsxWorkbook(const std::string&, const std::string& displayName, std::vector<RawTable>&,
                      IssueList& issues)
{
    issues.add({displayName, {}, 0, 0}, "reading .xlsx is not available in this build yet");
    return false;
}

} // namespace chokepoint::core::io
