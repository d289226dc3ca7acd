// SPDX-License-Identifier: MIT
// Placeholder until the libxlsxwriter export lands (issue 9).
#include "core/io/xlsxwriter.h"

namespace chokepoint::core::io {

Result<void> exportXlsx(const Dataset&, const std::string& path)
{
    return Error{path + ": .xlsx export is not available in this build yet"};
}

} // namespace chokepoint::core::io
