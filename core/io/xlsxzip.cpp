// SPDX-License-Identifier: MIT
#include "core/io/xlsxzip.h"

#include <cstring>
#include <fstream>
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

XlsxPartStream::XlsxPartStream(zip_file* file, uint64_t maxSize)
    : m_file(file)
    , m_max(maxSize) {
    QIODevice::open(QIODevice::ReadOnly);
}

XlsxPartStream::~XlsxPartStream() {
    if (m_file)
        zip_fclose(m_file);
}

qint64 XlsxPartStream::readData(char* data, qint64 maxSize) {
    if (m_tooLarge || !m_dataError.empty())
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
    return n;
}

XlsxPackage::~XlsxPackage() {
    if (m_zip)
        zip_discard(m_zip);
}

bool XlsxPackage::open(const std::string& path, std::string& error) {
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
                                                      std::string& error) const {
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
    return std::make_unique<XlsxPartStream>(f, maxSize);
}

} // namespace chokepoint::core::io
