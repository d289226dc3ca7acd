// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <QColor>
#include <QFont>
#include <QString>

namespace chokepoint::ui::reportstyle {

// The report's look, shared by the PDF pages and the page-one preview (the HTML writer's CSS
// uses the same colours). Sizes are in points (1/72 inch).

inline const QColor kText(0x1f, 0x23, 0x28);
inline const QColor kMuted(0x59, 0x63, 0x6e);
inline const QColor kAccent(0x0b, 0x3d, 0x91);
inline const QColor kRule(0xd0, 0xd7, 0xde);
inline const QColor kHeaderFill(0xe9, 0xee, 0xf4);
inline const QColor kZebra(0xf6, 0xf8, 0xfa);
inline const QColor kTileFill(0xf1, 0xf5, 0xfa);
inline const QColor kRisk(0xc8, 0x3e, 0x12);

inline constexpr double kMarginMm = 15.0;
inline constexpr double kTitle = 20.0;
inline constexpr double kSubtitle = 12.5;
inline constexpr double kSection = 16.0;
inline constexpr double kSubheading = 11.5;
inline constexpr double kLead = 10.0;
inline constexpr double kBody = 9.2;
inline constexpr double kSmall = 7.8;
inline constexpr double kTable = 8.0;
inline constexpr double kTableCompact = 7.2;
inline constexpr double kKpiValue = 15.0;
inline constexpr double kHeader = 7.5;

/// The report's font family: DejaVu Sans when installed (TOOLCHAIN P4), else the application's.
QString family();
/// The family at `points`, optionally bold.
QFont font(double points, bool bold = false);
/// A report string as the pages lay it out: newlines become line separators, the only breaks
/// QTextLayout makes.
QString pageText(const std::string& s);

} // namespace chokepoint::ui::reportstyle
