// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>
#include <QVector>

#include "core/model/date.h"
#include "core/model/enums.h"

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::ui {

/// One measure drawn on a lane: pending from `announced` to `effective`, in force from
/// `effective` to `end` (open to the right without one).
struct TimelineSegment {
    QString key; ///< the control id
    std::optional<core::Date> announced;
    core::Date effective;
    std::optional<core::Date> end;
    core::ControlKind kind = core::ControlKind::Licence;
    QString tooltip; ///< rich text
    /// Status scheduled: announced, not confirmed by the reference cut-off. Drawn hatched,
    /// apart from confirmed measures, and in force at the marker only while assumed.
    bool scheduled = false;
};

/// A row of the timeline: the measures with the same issuer and the same items (a measure,
/// its suspension and its scheduled resumption share one lane).
struct TimelineLane {
    QString label; ///< "EC14, EC14-R  Export control on lithium batteries…"
    QVector<TimelineSegment> segments;
};

struct TimelineSection {
    QString title;
    QVector<TimelineLane> lanes;
};

/// How the timeline groups its lanes into sections.
enum class TimelineGrouping { Coverage, Issuer, Kind };

/// The timeline's lanes from the workspace's controls: sections in a fixed order, lanes by
/// their first effective date, then id. Measures without items are left out unless
/// `withoutItems`.
QVector<TimelineSection> buildTimelineSections(const core::analysis::Network& net,
                                               TimelineGrouping grouping, bool withoutItems);

/// "Licence", "Prohibition", "Country ban".
QString controlKindText(core::ControlKind kind);

} // namespace chokepoint::ui
