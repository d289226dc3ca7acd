// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

#include "core/util/atomicfile.h"
#include "core/util/result.h"

#if defined(__unix__) || defined(__APPLE__)
#include <locale.h>
#endif

namespace chokepoint::core::io {

/// The file handling shared by every .xlsx writer on libxlsxwriter (the workspace export,
/// xlsxwriter.h, and the report's table export): libxlsxwriter writes the workbook into an
/// AtomicFile (`file.open()` first, then `workbook_new(file.writerPath())`), which
/// finishXlsx() checks and commits, so that a failure never leaves a half-written file under
/// the final name and a kill leaves nothing.

/// Finishes a workbook written into `file` and already closed (workbook_close): unless `error`
/// already says what went wrong, checks that each of its `sheets` sheets is complete
/// (libxlsxwriter writes sheets through unchecked temporary files and reports success for
/// truncated ones on a full disk) and commits `file`. On any failure discards it and returns
/// "path: error".
Result<void> finishXlsx(AtomicFile& file, std::size_t sheets, std::string error);

/// libxlsxwriter prints numbers through the C library, which follows LC_NUMERIC: under a
/// decimal-comma locale it would write "0,5". Switches this thread's LC_NUMERIC to "C" for
/// the object's lifetime.
class CNumericLocale {
public:
#if defined(__unix__) || defined(__APPLE__)
    CNumericLocale()
        : m_c(newlocale(LC_NUMERIC_MASK, "C", duplocale(uselocale(locale_t(0))))) {
        if (m_c)
            m_old = uselocale(m_c);
    }
    ~CNumericLocale() {
        if (m_c) {
            uselocale(m_old);
            freelocale(m_c);
        }
    }
#endif
    CNumericLocale(const CNumericLocale&) = delete;
    CNumericLocale& operator=(const CNumericLocale&) = delete;

private:
#if defined(__unix__) || defined(__APPLE__)
    locale_t m_c;
    locale_t m_old = locale_t(0);
#endif
};

} // namespace chokepoint::core::io
