// SPDX-License-Identifier: MIT
#include "ui/pages/controls/timelinelanes.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <vector>

#include <QCoreApplication>

#include "core/analysis/network.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("TimelineLanes", text);
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString segmentTooltip(const an::Network& net, size_t c) {
    const core::Control& ctl = net.data().controls[c];
    const an::ControlInfo& info = net.controls[c];
    QString dates = tr("effective %1").arg(dateText(ctl.effective));
    if (ctl.announced)
        dates = tr("announced %1, ").arg(dateText(*ctl.announced)) + dates;
    if (ctl.end)
        dates += tr(", ends %1").arg(dateText(*ctl.end));
    QString text = QStringLiteral("<b>%1</b> %2<br>%3 · %4<br>")
                       .arg(qs(ctl.id).toHtmlEscaped(), qs(ctl.title).toHtmlEscaped(),
                            controlKindText(ctl.kind), dates);
    if (ctl.reference)
        text += qs(*ctl.reference).toHtmlEscaped() + QStringLiteral("<br>");
    text += tr("%1 materials, %2 technologies")
                .arg(info.materials.size())
                .arg(info.technologies.size());
    if (ctl.status == core::ControlStatus::Scheduled)
        text += tr("<br><b>Scheduled, unconfirmed</b>: announced, but not confirmed by the "
                   "reference data; counted only when scheduled measures are assumed");
    return text;
}

// The section of a control under the grouping, and its rank among the sections.
std::pair<int, QString> sectionOf(const an::Network& net, size_t c, TimelineGrouping grouping) {
    const core::Control& ctl = net.data().controls[c];
    const an::ControlInfo& info = net.controls[c];
    switch (grouping) {
    case TimelineGrouping::Issuer: {
        const an::Index country = net.countries.find(ctl.issuer);
        return {int(info.issuer),
                country == an::kNone
                    ? qs(ctl.issuer)
                    : tr("Issued by %1").arg(qs(net.data().countries[size_t(country)].name))};
    }
    case TimelineGrouping::Kind:
        return {int(ctl.kind), controlKindText(ctl.kind)};
    case TimelineGrouping::Coverage:
        break;
    }
    const bool materials = !info.materials.empty();
    const bool technologies = !info.technologies.empty();
    if (materials && technologies)
        return {2, tr("Materials and technologies")};
    if (materials)
        return {0, tr("Materials")};
    if (technologies)
        return {1, tr("Technologies")};
    return {3, tr("No items (frameworks, suspensions, easements)")};
}

// A title without the words every measure starts with, so that the narrow label column shows
// what the measure covers ("Export control on graphite items …" -> "Graphite items …").
QString laneTitle(QString title) {
    for (const QString& prefix :
         {QStringLiteral("Export control on "), QStringLiteral("Export controls on ")})
        if (title.startsWith(prefix, Qt::CaseInsensitive)) {
            title = title.mid(prefix.size());
            if (!title.isEmpty())
                title[0] = title[0].toUpper();
            break;
        }
    return title;
}

} // namespace

QString controlKindText(core::ControlKind kind) {
    switch (kind) {
    case core::ControlKind::Licence:
        return tr("Licence");
    case core::ControlKind::Prohibition:
        return tr("Prohibition");
    case core::ControlKind::CountryBan:
        return tr("Country ban");
    }
    return {};
}

QVector<TimelineSection> buildTimelineSections(const an::Network& net, TimelineGrouping grouping,
                                               bool withoutItems) {
    // Lanes keyed by (section, issuer, sorted items); measures without items get a lane each.
    struct LaneBuild {
        std::vector<size_t> controls;
    };
    using Key =
        std::tuple<int, QString, an::Index, std::vector<an::Index>, std::vector<an::Index>, size_t>;
    std::map<Key, LaneBuild> lanes;
    std::map<int, QString> titles;
    for (size_t c = 0; c < net.controls.size(); ++c) {
        const an::ControlInfo& info = net.controls[c];
        const bool empty = info.materials.empty() && info.technologies.empty();
        if (empty && !withoutItems)
            continue;
        auto [rank, title] = sectionOf(net, c, grouping);
        titles[rank] = title;
        std::vector<an::Index> mats = info.materials, techs = info.technologies;
        std::sort(mats.begin(), mats.end());
        std::sort(techs.begin(), techs.end());
        lanes[Key{rank, title, info.issuer, mats, techs, empty ? c : 0}].controls.push_back(c);
    }

    std::map<int, std::vector<std::pair<std::tuple<int, std::string>, TimelineLane>>> bySection;
    for (auto& [key, build] : lanes) {
        std::sort(build.controls.begin(), build.controls.end(), [&](size_t a, size_t b) {
            return std::tuple(net.data().controls[a].effective.days(),
                              net.controlIds.id(an::Index(a))) <
                   std::tuple(net.data().controls[b].effective.days(),
                              net.controlIds.id(an::Index(b)));
        });
        // Measures with the same items share a lane when their spans do not overlap (a
        // measure, then its resumption); overlapping ones get lanes of their own.
        std::vector<std::vector<size_t>> groups;
        std::vector<int> groupEnd; // end of the last span in each group (INT_MAX: open)
        for (const size_t c : build.controls) {
            const core::Control& ctl = net.data().controls[c];
            const int start = ctl.announced ? std::min(ctl.announced->days(), ctl.effective.days())
                                            : ctl.effective.days();
            const int end =
                ctl.end ? std::max(ctl.end->days(), start) : std::numeric_limits<int>::max();
            size_t g = 0;
            while (g < groups.size() && groupEnd[g] > start)
                ++g;
            if (g == groups.size()) {
                groups.emplace_back();
                groupEnd.push_back(end);
            }
            groups[g].push_back(c);
            groupEnd[g] = end;
        }
        for (const auto& group : groups) {
            TimelineLane lane;
            QStringList ids;
            for (const size_t c : group) {
                const core::Control& ctl = net.data().controls[c];
                ids << qs(ctl.id);
                lane.segments.push_back({qs(ctl.id), ctl.announced, ctl.effective, ctl.end,
                                         ctl.kind, segmentTooltip(net, c),
                                         ctl.status == core::ControlStatus::Scheduled});
            }
            const core::Control& first = net.data().controls[group.front()];
            lane.label = ids.join(QStringLiteral(", ")) + QStringLiteral("  ") +
                         shortName(laneTitle(qs(first.title)), 60);
            bySection[std::get<0>(key)].push_back(
                {{first.effective.days(), first.id}, std::move(lane)});
        }
    }
    QVector<TimelineSection> out;
    for (auto& [rank, entries] : bySection) {
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        TimelineSection section{titles[rank], {}};
        for (auto& e : entries)
            section.lanes.push_back(std::move(e.second));
        out.push_back(std::move(section));
    }
    return out;
}

} // namespace chokepoint::ui
