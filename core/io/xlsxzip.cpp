// SPDX-License-Identifier: MIT
#include "core/io/xlsxzip.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <zip.h>

namespace chokepoint::core::io {
namespace {

std::string libzipMessage(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string s = zip_error_strerror(&e);
    zip_error_fini(&e);
    return s;
}

// A legacy .xls or a password-protected .xlsx is an OLE compound file, not a zip.
bool isOleCompoundFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[8] = {};
    return in.read(magic, sizeof magic) &&
           std::memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

} // namespace

XlsxPartStream::XlsxPartStream(zip_file* file, uint64_t maxSize, uint64_t* total, uint64_t maxTotal)
    : m_file(file)
    , m_max(maxSize)
    , m_total(total)
    , m_maxTotal(maxTotal) {
    QIODevice::open(QIODevice::ReadOnly);
}

XlsxPartStream::~XlsxPartStream() {
    if (m_file)
        zip_fclose(m_file);
}

qint64 XlsxPartStream::readData(char* data, qint64 maxSize) {
    if (m_tooLarge || !m_dataError.empty() || !m_refusal.empty())
        return -1;
    const zip_int64_t n = zip_fread(m_file, data, zip_uint64_t(maxSize));
    if (n < 0) {
        m_dataError = zip_file_strerror(m_file);
        setErrorString(QString::fromStdString(m_dataError));
        return -1;
    }
    m_read += uint64_t(n);
    if (m_read > m_max) {
        m_tooLarge = true;
        setErrorString(QStringLiteral("part too large"));
        return -1;
    }
    if (m_total && (*m_total += uint64_t(n)) > m_maxTotal)
        m_refusal = "the parts of the workbook unpack to more than " +
                    std::to_string(m_maxTotal >> 20) +
                    " MiB together, the limit (a damaged file or a zip bomb)";
    if (m_refusal.empty())
        scan(data, size_t(n));
    if (!m_refusal.empty()) {
        setErrorString(QString::fromStdString(m_refusal));
        return -1;
    }
    return n;
}

// A small XML tokenizer, just enough to see declarations, nesting and over-long runs before
// QXmlStreamReader does (it would expand, stack or buffer them).
void XlsxPartStream::scan(const char* data, size_t n) {
    for (size_t i = 0; i < n && m_refusal.empty(); ++i) {
        const char c = data[i];
        if (c == '<' || c == '>')
            m_run = 0;
        else if (++m_run > kMaxRun)
            m_refusal = "a text or tag longer than " + std::to_string(kMaxRun) +
                        " bytes, far more than a cell holds";
        switch (m_state) {
        case State::Text:
            if (c == '<')
                m_state = State::Open;
            break;
        case State::Open:
            if (c == '/') {
                m_state = State::EndTag;
            } else if (c == '!') {
                m_state = State::Bang;
            } else if (c == '?') {
                m_state = State::Other;
            } else {
                m_state = State::StartTag;
                m_slash = false;
                if (++m_depth > kMaxDepth)
                    m_refusal = "elements nested more than " + std::to_string(kMaxDepth) +
                                " deep, which .xlsx files never are";
            }
            break;
        case State::Bang:
            if (c == 'D' || c == 'E')
                m_refusal = "a document type declaration (<!DOCTYPE or <!ENTITY), which .xlsx "
                            "files never have (entities can expand to gigabytes)";
            m_state = c == '-' ? State::Comment : c == '[' ? State::CData : State::Other;
            m_mark = 0;
            break;
        case State::StartTag:
            if (c == '"' || c == '\'') {
                m_quote = c;
                m_state = State::Quoted;
            } else if (c == '>') {
                if (m_slash)
                    --m_depth;
                m_state = State::Text;
            } else {
                m_slash = c == '/';
            }
            break;
        case State::Quoted:
            if (c == m_quote)
                m_state = State::StartTag;
            break;
        case State::EndTag:
            if (c == '>') {
                m_depth = std::max(0, m_depth - 1);
                m_state = State::Text;
            }
            break;
        case State::Comment: // "<!-" seen; ends at "-->"
        case State::CData:   // "<![" seen; ends at "]]>"
            if (c == (m_state == State::Comment ? '-' : ']'))
                ++m_mark;
            else if (c == '>' && m_mark >= 2)
                m_state = State::Text;
            else
                m_mark = 0;
            break;
        case State::Other: // "<?...?>", "<!...>"
            if (c == '>')
                m_state = State::Text;
            break;
        }
    }
}

bool XlsxPartStream::drain() {
    char buf[1 << 16];
    qint64 n = 0;
    while ((n = read(buf, sizeof buf)) > 0) {
    }
    return n == 0 && !m_tooLarge && m_refusal.empty() && m_dataError.empty();
}

XlsxPackage::~XlsxPackage() {
    if (m_zip)
        zip_discard(m_zip);
}

bool XlsxPackage::open(const std::string& path, std::string& error) {
    // libzip would block on a FIFO and read a device forever.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        error = "not a regular file (a folder, FIFO or device); give the path of an .xlsx file";
        return false;
    }
    int code = 0;
    m_zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (m_zip) {
        if (zip_get_num_entries(m_zip, 0) > 0)
            return true;
        zip_discard(m_zip);
        m_zip = nullptr;
        code = ZIP_ER_NOZIP;
    }
    switch (code) {
    case ZIP_ER_NOZIP:
        error = "not an .xlsx workbook (not a zip file)";
        if (isOleCompoundFile(path))
            error += "; it looks like a legacy .xls or a password-protected workbook: save it "
                     "as .xlsx without a password";
        break;
    case ZIP_ER_INCONS:
        error = "not an .xlsx workbook (damaged zip file: " + libzipMessage(code) + ")";
        break;
    case ZIP_ER_NOENT:
        error = "no such file";
        break;
    default:
        error = "cannot open the file: " + libzipMessage(code);
        break;
    }
    return false;
}

std::string XlsxPackage::findPart(std::string_view name) const {
    if (!m_zip || name.empty())
        return {};
    const std::string n(name);
    const zip_int64_t i = zip_name_locate(m_zip, n.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
    if (i < 0)
        return {};
    const char* stored = zip_get_name(m_zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
    return stored ? std::string(stored) : n;
}

std::unique_ptr<XlsxPartStream> XlsxPackage::openPart(const std::string& name, uint64_t maxSize,
                                                      std::string& error, uint64_t* total,
                                                      uint64_t maxTotal) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(m_zip, name.c_str(), 0, &st) != 0) {
        error = "cannot find part " + name + ": " + zip_strerror(m_zip);
        return nullptr;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > maxSize) {
        error = "part " + name + " would unpack to " + std::to_string(st.size) +
                " bytes, more than the limit of " + std::to_string(maxSize) +
                " (a damaged file or a zip bomb)";
        return nullptr;
    }
    zip_file_t* f = zip_fopen(m_zip, name.c_str(), 0);
    if (!f) {
        error = "cannot open part " + name + ": " + zip_strerror(m_zip);
        return nullptr;
    }
    return std::make_unique<XlsxPartStream>(f, maxSize, total, maxTotal);
}

} // namespace chokepoint::core::io
