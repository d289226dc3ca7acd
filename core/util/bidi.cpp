// SPDX-License-Identifier: MIT
#include "core/util/bidi.h"

#include <QChar>
#include <QList>
#include <QString>

namespace chokepoint::core {
namespace {

constexpr char32_t kFsi = 0x2068, kPdi = 0x2069;

bool isIsolateInitiator(char32_t c) {
    return c == 0x2066 || c == 0x2067 || c == kFsi; // LRI, RLI, FSI
}

bool affectsOrder(char32_t c) {
    switch (QChar::direction(c)) {
    case QChar::DirR:
    case QChar::DirAL:
    case QChar::DirRLE:
    case QChar::DirRLO:
    case QChar::DirLRE:
    case QChar::DirLRO:
    case QChar::DirPDF:
    case QChar::DirRLI:
    case QChar::DirLRI:
    case QChar::DirFSI:
    case QChar::DirPDI:
        return true;
    default:
        return false;
    }
}

} // namespace

bool needsBidiIsolation(std::string_view text) {
    // ASCII (every id, most names) never needs it: a quick pass first.
    bool ascii = true;
    for (const char c : text)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return false;
    for (const char32_t c : QString::fromUtf8(text.data(), qsizetype(text.size())).toUcs4())
        if (affectsOrder(c))
            return true;
    return false;
}

std::string elideText(std::string_view text, size_t maxChars) {
    if (text.size() <= maxChars || maxChars == 0)
        return maxChars == 0 ? std::string() : std::string(text);
    size_t i = 0, chars = 0;
    while (i < text.size() && chars + 1 < maxChars) {
        const auto c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        ++chars;
    }
    if (i >= text.size())
        return std::string(text);
    // Count what is left: a text of maxChars characters or fewer needs no cut.
    size_t rest = 0;
    for (size_t k = i; k < text.size() && rest < 2; ++k)
        rest += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
    if (rest <= 1)
        return std::string(text);
    return std::string(text.substr(0, i)) + "\u2026";
}

std::string isolateBidi(std::string_view text) {
    if (!needsBidiIsolation(text))
        return std::string(text);
    std::u32string out;
    out.push_back(kFsi);
    int open = 0; // isolates opened inside the text
    for (const char32_t c : QString::fromUtf8(text.data(), qsizetype(text.size())).toUcs4()) {
        if (isIsolateInitiator(c)) {
            ++open;
        } else if (c == kPdi) {
            if (open == 0)
                continue; // it would close our isolate and let the rest leak out
            --open;
        }
        out.push_back(c);
    }
    // Isolates left open inside get their PDI, so that the last one matches our FSI; it also
    // ends every embedding and override still open inside.
    for (; open > 0; --open)
        out.push_back(kPdi);
    out.push_back(kPdi);
    return QString::fromUcs4(out.data(), qsizetype(out.size())).toStdString();
}

} // namespace chokepoint::core
