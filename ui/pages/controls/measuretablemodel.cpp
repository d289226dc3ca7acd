// SPDX-License-Identifier: MIT
#include "ui/pages/controls/measuretablemodel.h"

#include "core/analysis/timeline.h"
#include "ui/displayformat.h"
#include "ui/pages/controls/timelinelanes.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

TableModel::Cell dateCell(const std::optional<core::Date>& d) {
    return d ? TableModel::Cell{dateText(*d), d->days(), {}}
             : TableModel::Cell{missingText(), -1000000, {}};
}

} // namespace

QString controlStatusText(const core::Control& control, core::Date date) {
    // A scheduled measure (announced, not confirmed by the reference cut-off) is never shown
    // as "in force", whether or not the figures assume it (SPEC §3).
    const bool scheduled = control.status == core::ControlStatus::Scheduled;
    switch (an::controlStatus(control, date)) {
    case an::ControlStatus::NotAnnounced:
        return MeasureTableModel::tr("not announced yet");
    case an::ControlStatus::Announced:
        return scheduled ? MeasureTableModel::tr("scheduled, not yet due")
                         : MeasureTableModel::tr("announced, not yet in force");
    case an::ControlStatus::InForce:
        return scheduled ? MeasureTableModel::tr("scheduled, unconfirmed")
                         : MeasureTableModel::tr("in force");
    case an::ControlStatus::Ended:
        return MeasureTableModel::tr("ended (suspended or lifted)");
    case an::ControlStatus::NeverInForce:
        return MeasureTableModel::tr("suspended before it took effect");
    }
    return {};
}

MeasureTableModel::MeasureTableModel(QObject* parent)
    : TableModel({{tr("Id")},
                  {tr("Title")},
                  {tr("Kind")},
                  {tr("Announced")},
                  {tr("Effective")},
                  {tr("End"), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Suspended or lifted from this day on")},
                  {tr("Status at as-of date")},
                  {tr("Items"), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Materials and technologies covered")},
                  {tr("Review"), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Licence review time, working days")}},
                 parent) {}

void MeasureTableModel::setMeasures(const an::Network& net, core::Date asOf) {
    QVector<Row> rows;
    const auto& d = net.data();
    for (size_t c = 0; c < d.controls.size(); ++c) {
        const core::Control& ctl = d.controls[c];
        const an::ControlInfo& info = net.controls[c];
        const QString title = QString::fromStdString(ctl.title);
        Row row;
        row.key = selectionKey({SelectionKind::Control, QString::fromStdString(ctl.id)});
        const an::ControlStatus status = an::controlStatus(ctl, asOf);
        row.cells << text(QString::fromStdString(ctl.id)) << text(title, title)
                  << text(controlKindText(ctl.kind)) << dateCell(ctl.announced)
                  << dateCell(ctl.effective) << dateCell(ctl.end)
                  << Cell{controlStatusText(ctl, asOf), int(status), {}}
                  << count(double(info.materials.size() + info.technologies.size()))
                  << (ctl.licenceReviewDays ? count(*ctl.licenceReviewDays)
                                            : Cell{missingText(), -1, {}});
        rows << row;
    }
    setRows(std::move(rows));
}

} // namespace chokepoint::ui
