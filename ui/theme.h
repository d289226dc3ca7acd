// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>

namespace chokepoint::ui {

enum class Theme { Light, Dark };

/// The application palette for a theme (used with the Fusion style, which follows QPalette
/// everywhere, so both themes read well on every platform).
QPalette themePalette(Theme theme);
/// Sets the Fusion style and the theme's palette on the application. Widgets that draw
/// their own colours (charts, KPI tiles) follow through QEvent::PaletteChange.
void applyTheme(Theme theme);

} // namespace chokepoint::ui
