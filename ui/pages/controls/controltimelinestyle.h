// SPDX-License-Identifier: MIT
// Inside ControlTimeline: the layout constants its geometry (controltimeline.cpp) and its
// painting (controltimelinepaint.cpp) share.
#pragma once

#include <QtGlobal>

namespace chokepoint::ui::timelinestyle {

inline constexpr qreal kTitleHeight = 24;
inline constexpr qreal kAxisHeight = 22;
inline constexpr qreal kSectionHeight = 19;
inline constexpr qreal kLaneHeight = 17;
inline constexpr qreal kLegendHeight = 26;
inline constexpr qreal kMargin = 8;

} // namespace chokepoint::ui::timelinestyle
