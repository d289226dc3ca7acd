// SPDX-License-Identifier: MIT
// The report's map (SPEC §7): where the supply chain sits and how exposed each place is, with
// the countries carrying the most spend at risk as a table.
#include <algorithm>
#include <cctype>

#include "core/map/mapbuilder.h"
#include "core/map/mapcaption.h"
#include "core/report/reportcontext.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace an = analysis;

namespace {
constexpr size_t kMaxCountryRows = 12;

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}
} // namespace

Section buildMapSection(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    Section sec{SectionId::Map, sectionTitle(SectionId::Map), {}};
    const auto atlas = map::loadBundledWorldAtlas();
    if (!atlas) {
        sec.blocks.push_back(
            Paragraph{"The map cannot be drawn: " + atlas.errorString(), Paragraph::Style::Note});
        return sec;
    }
    // Everything we buy, shaded by spend at risk under the report's lens.
    map::MapRequest request;
    request.flowAll = true;
    request.measure = map::CountryMeasure::SpendAtRisk;
    map::MapScene scene = map::buildMapScene(net, ctx.result(), *atlas, request);
    map::MapCaption caption = map::describeMap(net, scene, request, ctx.options.lens);

    size_t exposed = 0, upstream = 0, centroids = 0;
    std::vector<char> countries(net.countries.size(), 0);
    for (const map::MapSite& s : scene.sites) {
        exposed += s.exposure == map::SiteExposure::Exposed;
        upstream += s.exposure == map::SiteExposure::Upstream;
        centroids += s.atCentroid;
        if (const an::Index c = net.siteCountry[size_t(s.site)]; c != an::kNone)
            countries[size_t(c)] = 1;
    }
    const size_t countryCount = size_t(std::count(countries.begin(), countries.end(), 1));
    std::string lead =
        "Where our supply chain sits: " + formatCount(double(scene.sites.size())) + " sites in " +
        formatCount(double(countryCount)) + " countries, at every tier. " +
        formatCount(double(exposed)) + " are exposed themselves under the " +
        lowercase(lensTitle(ctx.options.lens)) + " lens (" + lensDescription(ctx.options.lens) +
        ") and " + formatCount(double(upstream)) +
        " through their inputs. Countries are shaded by our tier-1 spend at risk; "
        "arcs show how what we buy flows to us, wider where more of our supply "
        "depends on the link; nearby sites are drawn as one ring with their count.";
    if (centroids > 0)
        lead += " " + formatCount(double(centroids)) +
                " sites without coordinates are drawn hollow at their country's centre.";
    sec.blocks.push_back(Paragraph{lead, Paragraph::Style::Lead});

    Chart chart;
    chart.id = "supply-map";
    chart.title = caption.title;
    chart.aspect = 0.66;
    std::string note;
    for (const auto& n : caption.notes)
        note += (note.empty() ? "" : "; ") + n;
    chart.note = note.empty() ? std::string() : note + ".";
    chart.data = MapChart{std::move(scene), std::move(caption)};
    const map::MapScene& drawn = std::get<MapChart>(chart.data).scene;

    // The countries with the most spend at risk, then the most spend.
    std::vector<const map::MapCountry*> rows;
    for (const map::MapCountry& c : drawn.countries)
        if (c.spend > 0 || c.sites > 0)
            rows.push_back(&c);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const map::MapCountry* a, const map::MapCountry* b) {
                         if (a->spendAtRisk != b->spendAtRisk)
                             return a->spendAtRisk > b->spendAtRisk;
                         if (a->spend != b->spend)
                             return a->spend > b->spend;
                         return a->iso3 < b->iso3;
                     });
    sec.blocks.push_back(std::move(chart));

    Table t;
    t.id = "map-countries";
    t.caption = "Countries by tier-1 spend at risk";
    t.addColumn("Country", Align::Left, 2.0);
    t.addColumn("Sites of the chain", Align::Right, 1.0);
    t.addColumn("Tier-1 spend", Align::Right, 1.1);
    t.addColumn("Share of our spend", Align::Right, 1.0);
    t.addColumn("Spend at risk", Align::Right, 1.1);
    for (size_t i = 0; i < rows.size() && i < kMaxCountryRows; ++i) {
        const map::MapCountry& c = *rows[i];
        t.addRow({Cell::ofText(net.data().countries[size_t(c.country)].name),
                  Cell::ofNumber(double(c.sites), NumberFormat::Count),
                  Cell::ofNumber(c.spend, NumberFormat::Money),
                  Cell::ofNumber(c.supplyShare, NumberFormat::Percent),
                  Cell::ofNumber(c.spendAtRisk, NumberFormat::Money)});
    }
    if (rows.size() > kMaxCountryRows)
        t.note = formatCount(double(rows.size() - kMaxCountryRows)) +
                 " more countries with sites or purchases are on the map.";
    sec.blocks.push_back(std::move(t));
    return sec;
}

} // namespace chokepoint::core::report
