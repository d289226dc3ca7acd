// SPDX-License-Identifier: MIT
#include "core/map/worldatlas.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <QFile>

#include "core/io/csv.h"

namespace chokepoint::core::map {

namespace {

constexpr const char* kPrefix = ":/chokepoint/map/";

// Reads a small CSV resource table into rows keyed by header name.
struct Table {
    io::RawTable raw;
    int column(const std::string& name) const {
        const auto it = std::find(raw.header.begin(), raw.header.end(), name);
        return it == raw.header.end() ? -1 : int(it - raw.header.begin());
    }
};

Result<Table> parseTable(std::string_view text, const std::string& file,
                         const std::vector<std::string>& columns) {
    Table t;
    t.raw.file = file;
    io::IssueList issues;
    if (!io::parseCsv(text, t.raw, issues) || !issues.empty())
        return Error{issues.empty() ? file + ": cannot read the table" : issues.toString()};
    for (const auto& c : columns)
        if (t.column(c) < 0)
            return Error{file + ": column \"" + c + "\" missing"};
    return t;
}

// "004", "4" and 4.0 name the same ISO numeric code.
std::string numericKey(std::string_view id) {
    std::string digits(id);
    if (const auto dot = digits.find('.'); dot != std::string::npos)
        digits.resize(dot);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    return std::to_string(std::stoi(digits));
}

MapPolygon project(const GeoPolygon& polygon) {
    MapPolygon out;
    out.reserve(polygon.size());
    for (const auto& ring : polygon) {
        MapRing r;
        r.reserve(ring.size());
        for (const GeoPoint& p : ring)
            r.push_back(equalEarth(p));
        out.push_back(std::move(r));
    }
    return out;
}

Result<QByteArray> readResource(const char* name) {
    QFile f(QString::fromLatin1(kPrefix) + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        return Error{std::string("the bundled map file ") + name + " is missing from this build"};
    return f.readAll();
}

std::string_view view(const QByteArray& bytes) {
    return {bytes.constData(), size_t(bytes.size())};
}

} // namespace

bool AtlasCountry::contains(MapPoint p) const {
    if (!bounds.contains(p))
        return false;
    return std::any_of(polygons.begin(), polygons.end(),
                       [&](const MapPolygon& poly) { return polygonContains(poly, p); });
}

Result<WorldAtlas> WorldAtlas::build(std::string_view topoJson, std::string_view isoNumericCsv,
                                     std::string_view unnumberedCsv,
                                     std::string_view smallCentroidsCsv) {
    auto iso = parseTable(isoNumericCsv, "iso3166-numeric.csv", {"numeric", "iso3", "name"});
    if (!iso)
        return iso.error();
    auto unnumbered =
        parseTable(unnumberedCsv, "unnumbered-features.csv", {"atlas_name", "iso3", "reason"});
    if (!unnumbered)
        return unnumbered.error();
    auto small =
        parseTable(smallCentroidsCsv, "small-country-centroids.csv", {"iso3", "lat", "lon"});
    if (!small)
        return small.error();
    auto features = decodeTopoJson(topoJson, "countries", "countries-110m.json");
    if (!features)
        return features.error();

    WorldAtlas atlas;
    std::unordered_map<std::string, std::string> byNumeric, byName;
    {
        const int n = iso->column("numeric"), c = iso->column("iso3"), name = iso->column("name");
        for (size_t r = 0; r < iso->raw.rowCount(); ++r) {
            const std::string code(iso->raw.cell(r, size_t(c)));
            byNumeric[numericKey(iso->raw.cell(r, size_t(n)))] = code;
            atlas.m_isoNames[code] = std::string(iso->raw.cell(r, size_t(name)));
        }
    }
    {
        const int n = unnumbered->column("atlas_name"), c = unnumbered->column("iso3");
        for (size_t r = 0; r < unnumbered->raw.rowCount(); ++r)
            byName[std::string(unnumbered->raw.cell(r, size_t(n)))] =
                std::string(unnumbered->raw.cell(r, size_t(c)));
    }
    for (auto& f : *features) {
        std::string iso3;
        if (const auto it = byNumeric.find(numericKey(f.id));
            !f.id.empty() && it != byNumeric.end())
            iso3 = it->second;
        else if (const auto jt = byName.find(f.name); jt != byName.end())
            iso3 = jt->second;
        else
            return Error{"countries-110m.json: feature \"" + f.name + "\" (id \"" + f.id +
                         "\") is in neither iso3166-numeric.csv nor unnumbered-features.csv"};
        auto [it, added] = atlas.m_index.try_emplace(iso3, atlas.m_countries.size());
        if (added) {
            AtlasCountry c;
            c.iso3 = iso3;
            c.name = f.name;
            atlas.m_countries.push_back(std::move(c));
        }
        AtlasCountry& c = atlas.m_countries[it->second];
        for (const auto& poly : f.polygons)
            for (const auto& part : splitAtAntimeridian(poly))
                c.polygons.push_back(project(part));
    }
    for (AtlasCountry& c : atlas.m_countries) {
        double largest = -1;
        const MapPolygon* largestPolygon = nullptr;
        for (const MapPolygon& poly : c.polygons) {
            for (const MapPoint& p : poly.front())
                c.bounds.add(p);
            const RingMoments m = polygonMoments(poly);
            c.area += m.area;
            if (m.area > largest) {
                largest = m.area;
                largestPolygon = &poly;
                c.centroid = m.centroid;
            }
        }
        if (largestPolygon) // a bent country's centroid may fall outside it (Vietnam)
            c.centroid = pointInside(*largestPolygon, c.centroid);
        c.centroidGeo = equalEarthInverse(c.centroid).value_or(GeoPoint{});
        atlas.m_bounds.add(c.bounds);
        if (c.iso3 != "ATA")
            atlas.m_inhabited.add(c.bounds);
    }
    {
        const int c = small->column("iso3"), la = small->column("lat"), lo = small->column("lon");
        for (size_t r = 0; r < small->raw.rowCount(); ++r) {
            const std::string code(small->raw.cell(r, size_t(c)));
            double lat = 0, lon = 0;
            try {
                lat = std::stod(std::string(small->raw.cell(r, size_t(la))));
                lon = std::stod(std::string(small->raw.cell(r, size_t(lo))));
            } catch (const std::exception&) {
                return Error{small->raw.locate(r, size_t(la)).toString() + ": not a number"};
            }
            atlas.m_smallCentroids[code] = equalEarth({lon, lat});
        }
    }
    return atlas;
}

const AtlasCountry* WorldAtlas::find(std::string_view iso3) const {
    const auto it = m_index.find(std::string(iso3));
    return it == m_index.end() ? nullptr : &m_countries[it->second];
}

bool WorldAtlas::centroid(std::string_view iso3, MapPoint& out) const {
    if (const AtlasCountry* c = find(iso3)) {
        out = c->centroid;
        return true;
    }
    const auto it = m_smallCentroids.find(std::string(iso3));
    if (it == m_smallCentroids.end())
        return false;
    out = it->second;
    return true;
}

std::string WorldAtlas::missingReason(std::string_view iso3) const {
    if (find(iso3))
        return {};
    const std::string code(iso3);
    if (m_smallCentroids.count(code))
        return "too small for the 1:110m outlines: drawn as a point at its centroid";
    if (m_isoNames.count(code))
        return "no outline or centroid of its own in Natural Earth (it may be drawn as part of "
               "another country): sites there without coordinates are not drawn";
    return "not an ISO 3166-1 alpha-3 code: sites there without coordinates are not drawn";
}

std::string WorldAtlas::isoName(std::string_view iso3) const {
    const auto it = m_isoNames.find(std::string(iso3));
    return it == m_isoNames.end() ? std::string() : it->second;
}

const AtlasCountry* WorldAtlas::countryAt(MapPoint p) const {
    for (const AtlasCountry& c : m_countries)
        if (c.contains(p))
            return &c;
    return nullptr;
}

Result<WorldAtlas> loadBundledWorldAtlas() {
    auto topo = readResource("countries-110m.json");
    auto iso = readResource("iso3166-numeric.csv");
    auto unnumbered = readResource("unnumbered-features.csv");
    auto small = readResource("small-country-centroids.csv");
    for (const auto* r : {&topo, &iso, &unnumbered, &small})
        if (!*r)
            return r->error();
    return WorldAtlas::build(view(*topo), view(*iso), view(*unnumbered), view(*small));
}

} // namespace chokepoint::core::map
