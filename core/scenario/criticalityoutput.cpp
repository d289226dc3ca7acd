// SPDX-License-Identifier: MIT
#include "core/scenario/criticalityoutput.h"

#include <algorithm>
#include <sstream>

#include "core/io/csv.h"
#include "core/util/format.h"
#include "core/util/jsonwriter.h"

namespace chokepoint::core::scenario {

namespace {

size_t shown(const CriticalityResult& r, int top) {
    return top > 0 ? std::min(r.sites.size(), size_t(top)) : r.sites.size();
}

void csvLine(std::string& out, const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        io::appendCsvField(line, fields[i]);
    }
    out += line + "\r\n";
}

std::string optionalInt(const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string();
}

} // namespace

std::string ttsText(const CriticalSite& site, int horizonDays) {
    return site.ttsDays ? formatDays(*site.ttsDays) : "> " + formatDays(horizonDays);
}

std::string criticalityToJson(const CriticalityResult& r) {
    JsonWriter w;
    w.beginObject();
    w.member("as_of", r.asOf.toString());
    w.member("horizon_days", r.horizonDays);
    w.member("default_recovery_days", r.defaultRecoveryDays);
    w.member("cancelled", r.cancelled);
    w.key("sites").beginArray();
    for (const CriticalSite& c : r.sites) {
        w.beginObject();
        w.member("id", c.id);
        if (c.name.empty())
            w.key("name").null();
        else
            w.member("name", c.name);
        w.member("supplier_id", c.supplierId);
        w.member("country", c.country);
        w.member("tier", c.tier);
        w.member("spend", c.spend);
        w.member("tts_days", c.ttsDays);
        w.member("ttr_days", c.ttrDays);
        w.member("ttr_assumed", c.ttrAssumed);
        w.member("lost_revenue", c.lostRevenue);
        w.member("at_risk", c.atRisk);
        w.member("customers_reached", c.customersReached);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str() + "\n";
}

std::string criticalityToCsv(const CriticalityResult& r, int top) {
    std::string out;
    csvLine(out, {"rank", "id", "name", "supplier_id", "country", "tier", "spend", "tts_days",
                  "ttr_days", "ttr_assumed", "lost_revenue", "at_risk"});
    for (size_t i = 0; i < shown(r, top); ++i) {
        const CriticalSite& c = r.sites[i];
        csvLine(out, {std::to_string(i + 1), c.id, c.name, c.supplierId, c.country,
                      optionalInt(c.tier), io::formatNumber(c.spend), optionalInt(c.ttsDays),
                      std::to_string(c.ttrDays), c.ttrAssumed ? "true" : "false",
                      io::formatNumber(c.lostRevenue), c.atRisk ? "true" : "false"});
    }
    return out;
}

std::string criticalityToTable(const CriticalityResult& r, int top) {
    std::ostringstream s;
    const auto atRisk = std::count_if(r.sites.begin(), r.sites.end(),
                                      [](const CriticalSite& c) { return c.atRisk; });
    s << "Criticality as of " << r.asOf.toString() << ", horizon " << formatDays(r.horizonDays)
      << ", default time to recover " << formatDays(r.defaultRecoveryDays) << "\n";
    s << r.sites.size() << " supplying sites; " << atRisk
      << " would stop some output before they recover\n\n";
    TextTable t;
    t.addColumn("#", TextTable::Align::Right);
    t.addColumn("site");
    t.addColumn("name");
    t.addColumn("supplier");
    t.addColumn("country");
    t.addColumn("tier", TextTable::Align::Right);
    t.addColumn("spend", TextTable::Align::Right);
    t.addColumn("TTS", TextTable::Align::Right);
    t.addColumn("TTR", TextTable::Align::Right);
    t.addColumn("lost revenue", TextTable::Align::Right);
    t.addColumn("at risk");
    for (size_t i = 0; i < shown(r, top); ++i) {
        const CriticalSite& c = r.sites[i];
        t.addRow({std::to_string(i + 1), c.id, c.name, c.supplierId, c.country,
                  c.tier ? std::to_string(*c.tier) : "-", c.tier == 1 ? formatMoney(c.spend) : "-",
                  ttsText(c, r.horizonDays),
                  formatDays(c.ttrDays) + (c.ttrAssumed ? " (default)" : ""),
                  formatMoney(c.lostRevenue), c.atRisk ? "yes" : "no"});
    }
    s << t.render();
    if (shown(r, top) < r.sites.size())
        s << "(" << r.sites.size() - shown(r, top) << " more sites; --top to show more)\n";
    return s.str();
}

std::string criticalSiteSentence(const CriticalSite& c, int horizonDays) {
    std::string s = c.name.empty() ? c.id : c.name;
    s += " (";
    if (!c.supplierName.empty())
        s += c.supplierName + ", ";
    s += c.country;
    s += c.tier ? ", tier " + std::to_string(*c.tier) : std::string(", not in our chain");
    s += "): ";
    if (c.tier == 1 && c.customersReached == 0)
        s += "sells to us directly";
    else if (c.tier == 1)
        s += "sells to us directly and feeds " + std::to_string(c.customersReached) +
             " of our tier-1 suppliers";
    else
        s += "feeds " + std::to_string(c.customersReached) + " of our tier-1 supplier" +
             (c.customersReached == 1 ? "" : "s");
    s += "; survives " + ttsText(c, horizonDays) + ", recovers in " + formatDays(c.ttrDays);
    if (c.ttrAssumed)
        s += " (assumed)";
    s += ": " + formatMoney(c.lostRevenue) + " lost";
    return s;
}

std::vector<char> sitesExposed(const analysis::Network& net, const analysis::ExposureResult& r) {
    // A site is exposed under the lens when one of its flows is (SPEC §3 v2 decides per flow).
    std::vector<char> out(net.sites.size(), 0);
    if (r.linkExposed.empty())
        return out;
    for (size_t g = 0; g < net.groups.size(); ++g)
        for (const analysis::Link& l : net.links(analysis::Index(g)))
            if (r.exposed(net, l))
                out[size_t(net.nodes[size_t(l.supplierNode)].site)] = 1;
    return out;
}

Scenario siteStopScenario(const CriticalityResult& result, const CriticalSite& site) {
    Scenario s;
    s.name = "Stop of " + (site.name.empty() ? site.id : site.name);
    s.description = "Criticality: " + site.id + " stops from day 0 for its time to recover (" +
                    formatDays(site.ttrDays) + (site.ttrAssumed ? ", the default" : "") + ").";
    s.asOf = result.asOf;
    s.horizonDays = result.horizonDays;
    Shock stop;
    stop.select.sites = std::vector<std::string>{site.id};
    stop.kind = ShockKind::Stop;
    stop.durationDays = std::max(1, std::min(site.ttrDays, result.horizonDays));
    stop.label = "stop of " + site.id;
    s.shocks.push_back(std::move(stop));
    return s;
}

} // namespace chokepoint::core::scenario
