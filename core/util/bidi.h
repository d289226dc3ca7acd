// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace chokepoint::core {

/// A data string (a name, a title) made safe to place inside a sentence or a label: when it
/// holds right-to-left letters or bidirectional controls, it comes back between FIRST STRONG
/// ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), with any POP DIRECTIONAL ISOLATE
/// that would close the isolate early left out. Whatever it holds (a RIGHT-TO-LEFT OVERRIDE,
/// U+202E, say) then cannot reorder the text around it: "$105.0 bn" never reads "nb 0.501$".
/// Other strings come back unchanged, so ordinary data is not touched.
std::string isolateBidi(std::string_view text);

/// True when `text` holds a right-to-left letter or a bidirectional control character.
bool needsBidiIsolation(std::string_view text);

/// `text` cut to at most `maxChars` characters (code points, never inside one), the last of
/// them an ellipsis (U+2026) when it was cut.
std::string elideText(std::string_view text, size_t maxChars);

} // namespace chokepoint::core
