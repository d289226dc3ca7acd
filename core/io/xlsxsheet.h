// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include <QXmlStreamReader>

#include "core/io/issue.h"
#include "core/io/rawtable.h"

namespace chokepoint::core::io {

/// What every sheet of a workbook needs to turn cells into text.
struct XlsxWorkbookData {
    std::vector<std::string> sharedStrings;
    std::vector<bool> dateStyles; ///< per cellXfs index: the number format shows a date
    bool date1904 = false;
};

/// Reads the text of a rich or plain string item (`<si>` or `<is>`, the current start
/// element): every `<t>`, runs included, phonetic `<rPh>` runs left out, `_xHHHH_` decoded.
std::string readXlsxStringItem(QXmlStreamReader& xml);

/// Reads a `<worksheet>` part into `out`, whose `name`, `file` and `sheet` are set: the first
/// non-empty row is the header, each later non-empty row a row. Cell problems go to `issues`;
/// XML errors stay in `xml` for the caller. Returns false when the sheet has no non-empty row.
bool readXlsxSheet(QXmlStreamReader& xml, const XlsxWorkbookData& workbook, RawTable& out,
                   IssueList& issues);

} // namespace chokepoint::core::io
