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
///
/// The stream also refuses, with refusal() saying why, what an .xlsx part never holds and an
/// XML parser would amplify: a document type declaration (`<!DOCTYPE`, `<!ENTITY`: entity
/// expansion, the "billion laughs"), a run of more than kMaxRun bytes without `<` or `>` (a
/// text or tag too long for any cell: the parser would hold it whole) and elements nested more
/// than kMaxDepth deep (the parser keeps a stack of them).
class XlsxPartStream final : public QIODevice {
public:
    /// 1 MiB: a 32,767-character cell escaped as `&quot;` is 196 kB.
    static constexpr uint64_t kMaxRun = uint64_t(1) << 20;
    /// Worksheets nest about five deep.
    static constexpr int kMaxDepth = 64;

    /// `total`, when given, counts the bytes of every part read so far; reading past
    /// `maxTotal` fails like a part past `maxSize`.
    XlsxPartStream(zip_file* file, uint64_t maxSize, uint64_t* total = nullptr,
                   uint64_t maxTotal = UINT64_MAX);
    ~XlsxPartStream() override;
    XlsxPartStream(const XlsxPartStream&) = delete;
    XlsxPartStream& operator=(const XlsxPartStream&) = delete;

    bool isSequential() const override { return true; }
    bool tooLarge() const { return m_tooLarge; }
    /// Why the content was refused (a DTD, an over-long run, the total size); empty otherwise.
    const std::string& refusal() const { return m_refusal; }
    /// libzip's message when the compressed data is damaged (including a CRC mismatch, which
    /// libzip finds at the end of the part); empty otherwise.
    const std::string& dataError() const { return m_dataError; }
    /// Reads what the parser left unread, to the end of the part, so that libzip checks the
    /// CRC; false when that fails (see dataError(), tooLarge(), refusal()).
    bool drain();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    void scan(const char* data, size_t n);

    zip_file* m_file;
    uint64_t m_max;
    uint64_t m_read = 0;
    uint64_t* m_total;
    uint64_t m_maxTotal;
    bool m_tooLarge = false;
    std::string m_refusal;
    std::string m_dataError;
    uint64_t m_run = 0; ///< bytes since the last '<' or '>'
    /// Where scan() is in the markup; `m_mark` counts the closing characters seen ("--", "]]").
    enum class State { Text, Open, Bang, StartTag, Quoted, EndTag, Comment, CData, Other };
    State m_state = State::Text;
    char m_quote = 0;
    int m_mark = 0;
    bool m_slash = false;
    int m_depth = 0;
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
                                             std::string& error, uint64_t* total = nullptr,
                                             uint64_t maxTotal = UINT64_MAX) const;

private:
    zip* m_zip = nullptr;
};

} // namespace chokepoint::core::io
