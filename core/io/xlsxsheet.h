// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include <QXmlStreamReader>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/io/readlimits.h"

namespace chokepoint::core::io {

/// The shared strings of a workbook in one arena: 8 bytes per string besides its text (a
/// vector of std::string takes 32, and a part of empty `<si/>` items holds millions).
class XlsxStringTable {
public:
    void add(std::string_view s) {
        m_text.append(s);
        m_end.push_back(m_text.size());
    }
    size_t size() const { return m_end.size(); }
    size_t textSize() const { return m_text.size(); }
    std::string_view operator[](size_t i) const {
        const size_t begin = i ? m_end[i - 1] : 0;
        return std::string_view(m_text).substr(begin, m_end[i] - begin);
    }

private:
    std::string m_text;
    std::vector<uint64_t> m_end;
};

/// What every sheet of a workbook needs to turn cells into text.
struct XlsxWorkbookData {
    XlsxStringTable sharedStrings;
    std::vector<bool> dateStyles; ///< per cellXfs index: the number format shows a date
    bool date1904 = false;
};

/// Reads the text of a rich or plain string item (`<si>` or `<is>`, the current start
/// element) into `out`: every `<t>`, runs included, phonetic `<rPh>` runs left out, `_xHHHH_`
/// decoded. Returns false with `problem` set when the text is longer than `maxLength`
/// characters or holds an entity reference that nothing declares (`&xxe;`: the text would
/// silently lose it).
bool readXlsxStringItem(QXmlStreamReader& xml, int maxLength, std::string& out,
                        std::string& problem);

/// Reads a `<worksheet>` part into `out`, whose `name`, `file` and `sheet` are set: the first
/// non-empty row is the header, each later non-empty row a row. Cell problems go to `issues`;
/// XML errors stay in `xml` for the caller. Every row taken is counted against `budget`: past
/// its limits (or past row 1,048,576) reading stops with an issue and `stopped` set. Returns
/// false when the sheet has no non-empty row.
bool readXlsxSheet(QXmlStreamReader& xml, const XlsxWorkbookData& workbook, RawTable& out,
                   IssueList& issues, ReadBudget& budget, bool& stopped);

} // namespace chokepoint::core::io
