// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace chokepoint::core {

/// `text` with its control characters written out, for messages that quote data: a newline
/// becomes `\n`, a tab `\t`, ESC `\x1b`, any other C0 or C1 control or DEL `\xHH` or `\uHHHH`.
/// A hostile id cannot then start a new line in an error list or send escape sequences to the
/// terminal (issue 17). Everything else, including UTF-8 text, stays as it is.
std::string escapeControls(std::string_view text);

} // namespace chokepoint::core
