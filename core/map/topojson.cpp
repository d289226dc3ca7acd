// SPDX-License-Identifier: MIT
#include "core/map/topojson.h"

#include <cmath>
#include <optional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace chokepoint::core::map {

namespace {

struct Decoder {
    std::string source;
    std::vector<GeoRing> arcs; // absolute positions, decoded once
    std::optional<Error> error;

    void fail(const std::string& path, const std::string& message) {
        if (!error)
            error = Error{source + ": " + path + ": " + message};
    }

    static bool number(const QJsonValue& v, double& out) {
        if (!v.isDouble())
            return false;
        out = v.toDouble();
        return std::isfinite(out);
    }

    // Arcs: with a transform, positions are integers relative to the previous position of
    // the same arc (§2.1.4); without one, absolute coordinates.
    void decodeArcs(const QJsonObject& topology) {
        double sx = 1, sy = 1, tx = 0, ty = 0;
        const bool quantised = topology.contains(QStringLiteral("transform"));
        if (quantised) {
            const QJsonObject t = topology.value(QStringLiteral("transform")).toObject();
            const QJsonArray scale = t.value(QStringLiteral("scale")).toArray();
            const QJsonArray translate = t.value(QStringLiteral("translate")).toArray();
            if (scale.size() != 2 || translate.size() != 2 || !number(scale[0], sx) ||
                !number(scale[1], sy) || !number(translate[0], tx) || !number(translate[1], ty))
                return fail("transform", "needs scale and translate, two numbers each");
        }
        const QJsonValue arcsValue = topology.value(QStringLiteral("arcs"));
        if (!arcsValue.isArray())
            return fail("arcs", "missing or not an array");
        const QJsonArray all = arcsValue.toArray();
        arcs.reserve(size_t(all.size()));
        for (qsizetype a = 0; a < all.size(); ++a) {
            const QJsonArray positions = all[a].toArray();
            GeoRing arc;
            arc.reserve(size_t(positions.size()));
            double x = 0, y = 0;
            for (qsizetype i = 0; i < positions.size(); ++i) {
                const QJsonArray p = positions[i].toArray();
                double px = 0, py = 0;
                if (p.size() < 2 || !number(p[0], px) || !number(p[1], py))
                    return fail("arcs[" + std::to_string(a) + "][" + std::to_string(i) + "]",
                                "a position needs two numbers");
                if (quantised) {
                    x += px;
                    y += py;
                    arc.push_back({x * sx + tx, y * sy + ty});
                } else {
                    arc.push_back({px, py});
                }
            }
            if (arc.size() < 2)
                return fail("arcs[" + std::to_string(a) + "]", "an arc needs two positions");
            arcs.push_back(std::move(arc));
        }
    }

    // A ring: its arcs joined, the first position of each arc after the first dropped (it
    // repeats the last position of the one before).
    GeoRing ring(const QJsonArray& indices, const std::string& path) {
        GeoRing out;
        for (const QJsonValue& v : indices) {
            double d = 0;
            if (!number(v, d) || d != std::floor(d))
                return fail(path, "an arc index must be an integer"), GeoRing{};
            const long long i = static_cast<long long>(d);
            const long long arc = i >= 0 ? i : ~i;
            if (arc >= static_cast<long long>(arcs.size()))
                return fail(path, "arc " + std::to_string(arc) + " out of range (" +
                                      std::to_string(arcs.size()) + " arcs)"),
                       GeoRing{};
            const GeoRing& a = arcs[size_t(arc)];
            const size_t skip = out.empty() ? 0 : 1;
            if (i >= 0)
                out.insert(out.end(), a.begin() + long(skip), a.end());
            else
                out.insert(out.end(), a.rbegin() + long(skip), a.rend());
        }
        // A closed ring repeats its first position at the end; keep it once.
        if (out.size() > 1 && out.front() == out.back())
            out.pop_back();
        if (out.size() < 3)
            fail(path, "a ring needs at least three distinct positions");
        return out;
    }

    GeoPolygon polygon(const QJsonArray& rings, const std::string& path) {
        GeoPolygon out;
        for (qsizetype r = 0; r < rings.size() && !error; ++r)
            out.push_back(ring(rings[r].toArray(), path + "[" + std::to_string(r) + "]"));
        if (out.empty())
            fail(path, "a polygon needs an exterior ring");
        return out;
    }

    void geometry(const QJsonObject& g, const std::string& path, std::vector<TopoFeature>& out) {
        const QString type = g.value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("GeometryCollection")) {
            const QJsonArray members = g.value(QStringLiteral("geometries")).toArray();
            for (qsizetype i = 0; i < members.size() && !error; ++i)
                geometry(members[i].toObject(), path + ".geometries[" + std::to_string(i) + "]",
                         out);
            return;
        }
        TopoFeature f;
        const QJsonValue id = g.value(QStringLiteral("id"));
        if (id.isString())
            f.id = id.toString().toStdString();
        else if (id.isDouble())
            f.id = QString::number(id.toDouble(), 'g', 17).toStdString();
        f.name = g.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString()
                     .toStdString();
        const QJsonArray arcsOf = g.value(QStringLiteral("arcs")).toArray();
        const std::string arcsPath = path + ".arcs";
        if (type == QStringLiteral("Polygon")) {
            f.polygons.push_back(polygon(arcsOf, arcsPath));
        } else if (type == QStringLiteral("MultiPolygon")) {
            for (qsizetype p = 0; p < arcsOf.size() && !error; ++p)
                f.polygons.push_back(
                    polygon(arcsOf[p].toArray(), arcsPath + "[" + std::to_string(p) + "]"));
        } else if (!type.isEmpty() && !g.value(QStringLiteral("type")).isNull()) {
            const bool known =
                type == QStringLiteral("Point") || type == QStringLiteral("MultiPoint") ||
                type == QStringLiteral("LineString") || type == QStringLiteral("MultiLineString");
            if (!known)
                return fail(path, "unknown geometry type \"" + type.toStdString() + "\"");
            return; // no area
        }
        out.push_back(std::move(f));
    }
};

// `line:column` (1-based) of a byte offset.
std::string lineColumn(std::string_view text, size_t offset) {
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

} // namespace

Result<std::vector<TopoFeature>> decodeTopoJson(std::string_view json,
                                                const std::string& objectName,
                                                const std::string& sourceName) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(json.data(), qsizetype(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{sourceName + ":" + lineColumn(json, size_t(parseError.offset)) + ": " +
                     parseError.errorString().toStdString()};
    const QJsonObject topology = doc.object();
    if (topology.value(QStringLiteral("type")).toString() != QStringLiteral("Topology"))
        return Error{sourceName + ": not a TopoJSON topology (\"type\": \"Topology\" missing)"};
    const QJsonObject object = topology.value(QStringLiteral("objects"))
                                   .toObject()
                                   .value(QString::fromStdString(objectName))
                                   .toObject();
    if (object.isEmpty())
        return Error{sourceName + ": no object \"" + objectName + "\" in objects"};

    Decoder d{sourceName, {}, {}};
    d.decodeArcs(topology);
    std::vector<TopoFeature> features;
    if (!d.error)
        d.geometry(object, "objects." + objectName, features);
    if (d.error)
        return *d.error;
    return features;
}

} // namespace chokepoint::core::map
