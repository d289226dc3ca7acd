// SPDX-License-Identifier: MIT
#include "core/io/xlsxoutput.h"

#include <cstdint>
#include <cstdio>

#include "core/io/xlsxzip.h"

namespace chokepoint::core::io {
namespace {

// libxlsxwriter writes each sheet through temporary files and does not check those writes:
// on a full disk it reports success for a workbook with truncated sheets (found by
// tests/app/robust_hostile_test.cpp, RobustCli.FullDisk). Reads the sheets back and checks
// that each one is complete; "" when they are.
std::string checkSheetsComplete(const std::string& path, size_t sheets) {
    XlsxPackage zip;
    std::string error;
    if (!zip.open(path, error))
        return "cannot read back the workbook: " + error;
    for (size_t i = 1; i <= sheets; ++i) {
        const std::string part = zip.findPart("xl/worksheets/sheet" + std::to_string(i) + ".xml");
        auto stream = part.empty() ? nullptr : zip.openPart(part, UINT64_MAX, error);
        if (!stream)
            return "the workbook came out without sheet " + std::to_string(i);
        std::string tail;
        char buf[1 << 16];
        qint64 n = 0;
        while ((n = stream->read(buf, sizeof buf)) > 0) {
            tail.append(buf, size_t(n));
            if (tail.size() > 64)
                tail.erase(0, tail.size() - 64);
        }
        if (n < 0 || tail.find("</worksheet>") == std::string::npos)
            return "the workbook came out incomplete (a temporary file could not be written; "
                   "is the disk full?)";
    }
    return {};
}

} // namespace

Result<void> finishXlsx(AtomicFile& file, std::size_t sheets, std::string error) {
    if (error.empty())
        error = checkSheetsComplete(file.writerPath(), sheets);
    if (!error.empty()) {
        file.discard();
        return Error{file.path() + ": " + error};
    }
    return file.commit();
}

} // namespace chokepoint::core::io
