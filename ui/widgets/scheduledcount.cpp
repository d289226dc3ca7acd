// SPDX-License-Identifier: MIT
#include "ui/widgets/scheduledcount.h"

#include <QObject>

#include "core/analysis/controlstate.h"
#include "ui/displayformat.h"
#include "ui/widgets/kpitile.h"

namespace chokepoint::ui {

namespace an = core::analysis;

void setControlsTile(KpiTile* tile, const an::Network& net, core::Date asOf, bool assumeScheduled,
                     const std::vector<an::Index>& counted, const QString& caption) {
    const an::ControlState state(net, asOf, assumeScheduled);
    size_t confirmed = 0, assumed = 0;
    for (const an::Index c : counted)
        (state.status(c).scheduled ? assumed : confirmed) += 1;
    size_t due = 0; // scheduled, dated in force, not counted
    for (size_t c = 0; c < net.controls.size(); ++c) {
        const an::MeasureStatus s = state.status(an::Index(c));
        due += s.scheduled && !s.counted && s.phase == an::ControlStatus::InForce;
    }
    QString line = caption;
    if (assumed > 0)
        line += QObject::tr(" · + %1 scheduled, assumed").arg(assumed);
    else if (due > 0)
        line += QObject::tr(" · %1 scheduled due, unconfirmed, not counted").arg(due);
    tile->setValue(countText(double(confirmed)), line);
}

} // namespace chokepoint::ui
