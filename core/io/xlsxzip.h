// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <QIODevice>

struct zip;
struct zip_file;

namespace chokepoint::core::io {

/// One part of a zip package, streamed: reading past `maxSize` uncompressed bytes fails and
/// sets tooLarge() (zip-bomb guard; the size in the zip directory is not trusted).
class XlsxPartStream final : public QIODevice {
public:
    XlsxPartStream(zip_file* file, uint64_t maxSize);
    ~XlsxPartStream() override;
    XlsxPartStream(const XlsxPartStream&) = delete;
    XlsxPartStream& operator=(const XlsxPartStream&) = delete;

    bool isSequential() const override { return true; }
    bool tooLarge() const { return m_tooLarge; }
    /// libzip's message when the compressed data is damaged; empty otherwise.
    const std::string& dataError() const { return m_dataError; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    zip_file* m_file;
    uint64_t m_max;
    uint64_t m_read = 0;
    bool m_tooLarge = false;
    std::string m_dataError;
};

/// A zip file opened read-only with libzip (not thread-safe; one per reader).
class XlsxPackage {
public:
    XlsxPackage() = default;
    ~XlsxPackage();
    XlsxPackage(const XlsxPackage&) = delete;
    XlsxPackage& operator=(const XlsxPackage&) = delete;

    /// Opens `path`; on failure returns false and a message for the user in `error`
    /// (e.g. "not an .xlsx workbook (not a zip file)").
    bool open(const std::string& path, std::string& error);
    /// The stored name of part `name`, matched case-insensitively (OPC part names are);
    /// empty when the package has no such part.
    std::string findPart(std::string_view name) const;
    /// Streams part `name` (as given by findPart), at most `maxSize` uncompressed bytes;
    /// null with `error` set when it cannot be opened or declares more than `maxSize` bytes.
    std::unique_ptr<XlsxPartStream> openPart(const std::string& name, uint64_t maxSize,
                                             std::string& error) const;

private:
    zip* m_zip = nullptr;
};

} // namespace chokepoint::core::io
