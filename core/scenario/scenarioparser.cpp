// SPDX-License-Identifier: MIT
#include "core/scenario/scenarioparser.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "core/analysis/network.h"
#include "core/util/escape.h"

namespace chokepoint::core::scenario {

namespace {

std::string join(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string indexed(const std::string& base, qsizetype i) {
    return base + "[" + std::to_string(i) + "]";
}

std::string typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    default:
        return "undefined";
    }
}

// Reads JSON values into the Scenario, recording type problems. Values that are absent or
// null are "not given"; range checks are left to validateScenario().
class Reader {
public:
    explicit Reader(std::vector<ScenarioIssue>& issues)
        : m_issues(issues) {}

    void add(std::string path, std::string message) {
        m_issues.push_back({escapeControls(path), escapeControls(message)});
    }

    void checkKeys(const QJsonObject& o, const std::string& path,
                   std::initializer_list<const char*> allowed) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&](const char* a) { return key == a; }))
                add(join(path, key), "unknown key");
        }
    }

    // The value if present and not null; reports `required` ones that are missing.
    std::optional<QJsonValue> get(const QJsonObject& o, const char* key, const std::string& path,
                                  bool required = false) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                add(join(path, key), "is required");
            return std::nullopt;
        }
        return v;
    }

    std::optional<std::string> string(const QJsonObject& o, const char* key,
                                      const std::string& path, bool required = false) {
        auto v = get(o, key, path, required);
        if (!v)
            return std::nullopt;
        if (!v->isString()) {
            add(join(path, key), "must be a string, not " + typeName(*v));
            return std::nullopt;
        }
        return v->toString().toStdString();
    }

    std::optional<double> number(const QJsonValue& v, const std::string& path) {
        if (!v.isDouble()) {
            add(path, "must be a number, not " + typeName(v));
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::optional<double> number(const QJsonObject& o, const char* key, const std::string& path,
                                 bool required = false) {
        auto v = get(o, key, path, required);
        return v ? number(*v, join(path, key)) : std::nullopt;
    }

    std::optional<int64_t> whole(const QJsonObject& o, const char* key, const std::string& path,
                                 double lo, double hi) {
        auto d = number(o, key, path);
        if (!d)
            return std::nullopt;
        if (std::floor(*d) != *d) {
            add(join(path, key), "must be a whole number");
            return std::nullopt;
        }
        if (*d < lo || *d > hi) {
            add(join(path, key), "is out of range");
            return std::nullopt;
        }
        return int64_t(*d);
    }

    std::optional<int> integer(const QJsonObject& o, const char* key, const std::string& path) {
        auto v = whole(o, key, path, -2147483648.0, 2147483647.0);
        return v ? std::optional<int>(int(*v)) : std::nullopt;
    }

    std::optional<bool> boolean(const QJsonObject& o, const char* key, const std::string& path) {
        auto v = get(o, key, path);
        if (!v)
            return std::nullopt;
        if (!v->isBool()) {
            add(join(path, key), "must be true or false, not " + typeName(*v));
            return std::nullopt;
        }
        return v->toBool();
    }

    std::optional<QJsonObject> object(const QJsonObject& o, const char* key,
                                      const std::string& path, bool required = false) {
        auto v = get(o, key, path, required);
        if (!v)
            return std::nullopt;
        if (!v->isObject()) {
            add(join(path, key), "must be an object, not " + typeName(*v));
            return std::nullopt;
        }
        return v->toObject();
    }

    std::optional<std::vector<std::string>> stringList(const QJsonObject& o, const char* key,
                                                       const std::string& path) {
        auto v = get(o, key, path);
        if (!v)
            return std::nullopt;
        const std::string p = join(path, key);
        if (!v->isArray()) {
            add(p, "must be an array of ids, not " + typeName(*v));
            return std::nullopt;
        }
        std::vector<std::string> out;
        bool ok = true;
        const QJsonArray a = v->toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString()) {
                add(indexed(p, i), "must be a string, not " + typeName(a[i]));
                ok = false;
            } else {
                out.push_back(a[i].toString().toStdString());
            }
        }
        return ok ? std::optional(std::move(out)) : std::nullopt;
    }

    std::optional<Delay> delay(const QJsonObject& o, const std::string& path) {
        auto v = get(o, "delay_days", path);
        if (!v)
            return std::nullopt;
        const std::string p = join(path, "delay_days");
        if (v->isDouble())
            return Delay::fixed(v->toDouble());
        if (!v->isObject()) {
            add(p, "must be a number or an object {min, mode, max}, not " + typeName(*v));
            return std::nullopt;
        }
        const QJsonObject d = v->toObject();
        checkKeys(d, p, {"min", "mode", "max"});
        auto lo = number(d, "min", p, true);
        auto mode = number(d, "mode", p, true);
        auto hi = number(d, "max", p, true);
        if (!lo || !mode || !hi)
            return std::nullopt;
        return Delay::triangle(*lo, *mode, *hi);
    }

    Selector selector(const QJsonObject& o, const std::string& p) {
        checkKeys(
            o, p,
            {"countries", "owner_countries", "materials", "technologies", "sites", "controlled"});
        Selector s;
        s.countries = stringList(o, "countries", p);
        s.ownerCountries = stringList(o, "owner_countries", p);
        s.materials = stringList(o, "materials", p);
        s.technologies = stringList(o, "technologies", p);
        s.sites = stringList(o, "sites", p);
        s.controlled = boolean(o, "controlled", p);
        return s;
    }

    Shock shock(const QJsonObject& o, const std::string& p) {
        checkKeys(o, p,
                  {"label", "select", "kind", "start_day", "duration_days", "capacity",
                   "delay_days", "approval_probability"});
        Shock k;
        k.label = string(o, "label", p);
        if (auto sel = object(o, "select", p, true))
            k.select = selector(*sel, join(p, "select"));
        if (auto kind = string(o, "kind", p, true)) {
            if (auto parsed = parseShockKind(*kind))
                k.kind = *parsed;
            else
                add(join(p, "kind"), "must be stop, capacity or licence, not '" + *kind + "'");
        }
        k.startDay = integer(o, "start_day", p);
        k.durationDays = integer(o, "duration_days", p);
        k.capacity = number(o, "capacity", p);
        k.delayDays = delay(o, p);
        k.approvalProbability = number(o, "approval_probability", p);
        return k;
    }

    Mitigations mitigations(const QJsonObject& o, const std::string& p) {
        checkKeys(o, p, {"extra_inventory_days", "alternatives"});
        Mitigations m;
        if (auto extra = object(o, "extra_inventory_days", p)) {
            const std::string ep = join(p, "extra_inventory_days");
            for (auto it = extra->begin(); it != extra->end(); ++it)
                if (auto d = number(it.value(), join(ep, it.key().toStdString())))
                    m.extraInventoryDays[it.key().toStdString()] = *d;
        }
        m.alternatives = boolean(o, "alternatives", p);
        return m;
    }

    Scenario scenario(const QJsonObject& o) {
        checkKeys(o, {},
                  {"name", "description", "as_of", "assume_scheduled", "horizon_days", "runs",
                   "seed", "shocks", "mitigations"});
        Scenario s;
        if (auto name = string(o, "name", {}, true))
            s.name = *name;
        s.description = string(o, "description", {});
        if (auto asOf = string(o, "as_of", {})) {
            s.asOf = Date::parse(*asOf);
            if (!s.asOf)
                add("as_of", "'" + *asOf + "' " + Date::parseProblem(*asOf));
        }
        s.assumeScheduled = boolean(o, "assume_scheduled", {});
        if (auto h = integer(o, "horizon_days", {}))
            s.horizonDays = *h;
        if (auto r = integer(o, "runs", {}))
            s.runs = *r;
        if (auto seed = whole(o, "seed", {}, 0.0, double(kMaxSeed)))
            s.seed = uint64_t(*seed);
        if (auto v = get(o, "shocks", {}, true)) {
            if (!v->isArray()) {
                add("shocks", "must be an array, not " + typeName(*v));
            } else {
                const QJsonArray a = v->toArray();
                for (qsizetype i = 0; i < a.size(); ++i) {
                    if (!a[i].isObject()) {
                        add(indexed("shocks", i), "must be an object, not " + typeName(a[i]));
                        s.shocks.emplace_back();
                    } else {
                        s.shocks.push_back(shock(a[i].toObject(), indexed("shocks", i)));
                    }
                }
            }
        }
        if (auto m = object(o, "mitigations", {}))
            s.mitigations = mitigations(*m, "mitigations");
        return s;
    }

private:
    std::vector<ScenarioIssue>& m_issues;
};

// A value issue is dropped when its field (or a parent) already has a type issue.
bool covered(const std::string& path, const std::vector<ScenarioIssue>& earlier) {
    static const std::string kindKey = ".kind";
    for (const auto& e : earlier) {
        if (e.path.empty())
            return true;
        // Without a valid kind the kind-specific fields cannot be judged.
        if (e.path.size() > kindKey.size() &&
            e.path.compare(e.path.size() - kindKey.size(), kindKey.size(), kindKey) == 0) {
            const std::string shock = e.path.substr(0, e.path.size() - kindKey.size());
            for (const char* field : {".capacity", ".delay_days", ".approval_probability"})
                if (path.rfind(shock + field, 0) == 0)
                    return true;
        }
        if (path.compare(0, e.path.size(), e.path) == 0 &&
            (path.size() == e.path.size() || path[e.path.size()] == '.' ||
             path[e.path.size()] == '['))
            return true;
    }
    return false;
}

} // namespace

ScenarioParse parseScenarioDetailed(std::string_view json, const analysis::Network* network) {
    ScenarioParse out;
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &error);
    if (error.error != QJsonParseError::NoError) {
        // Report the position as line:column, counted in bytes of the input.
        int line = 1, column = 1;
        for (int i = 0; i < error.offset && size_t(i) < json.size(); ++i) {
            if (json[size_t(i)] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        out.issues.push_back({{},
                              "not valid JSON at line " + std::to_string(line) + ", column " +
                                  std::to_string(column) + ": " +
                                  error.errorString().toStdString()});
        return out;
    }
    if (!doc.isObject()) {
        out.issues.push_back({{}, "the scenario must be a JSON object"});
        return out;
    }
    Reader reader(out.issues);
    Scenario s = reader.scenario(doc.object());
    for (auto& issue : validateScenario(s, network))
        if (!covered(issue.path, out.issues))
            out.issues.push_back(std::move(issue));
    if (out.issues.empty())
        out.scenario = std::move(s);
    return out;
}

Result<Scenario> parseScenario(std::string_view json, const analysis::Network& network) {
    ScenarioParse p = parseScenarioDetailed(json, &network);
    if (p.scenario)
        return std::move(*p.scenario);
    std::string message;
    for (const auto& issue : p.issues)
        message += (message.empty() ? "" : "\n") + issue.toString();
    return Error{message};
}

std::vector<ScenarioIssue> validateScenario(const Scenario& s, const analysis::Network* net) {
    std::vector<ScenarioIssue> issues;
    auto add = [&](std::string path, std::string message) {
        issues.push_back({escapeControls(path), escapeControls(message)});
    };
    auto fraction = [&](const std::string& path, double v) {
        if (!(v >= 0.0 && v <= 1.0))
            add(path, "must be between 0 and 1");
    };
    if (s.name.empty())
        add("name", "must not be empty");
    if (s.horizonDays < 1 || s.horizonDays > kMaxHorizonDays)
        add("horizon_days", "must be between 1 and " + std::to_string(kMaxHorizonDays));
    if (s.runs < 1 || s.runs > kMaxRuns)
        add("runs", "must be between 1 and " + std::to_string(kMaxRuns));
    else if (s.horizonDays >= 1 && int64_t(s.runs) * s.horizonDays > kMaxRunDays)
        add("runs", "runs × horizon_days must not exceed " + std::to_string(kMaxRunDays));
    if (s.seed && *s.seed > kMaxSeed)
        add("seed", "must be a whole number from 0 to 2^53");

    using analysis::IdIndex;
    auto checkIds = [&](const std::string& path, const std::optional<std::vector<std::string>>& ids,
                        const IdIndex* index, const char* what) {
        if (!ids)
            return;
        if (ids->empty())
            add(path, "must not be empty (leave the key out to match any)");
        for (size_t i = 0; i < ids->size(); ++i)
            if (index && index->find((*ids)[i]) == analysis::kNone)
                add(indexed(path, qsizetype(i)),
                    std::string("unknown ") + what + " '" + (*ids)[i] + "'");
    };
    for (size_t i = 0; i < s.shocks.size(); ++i) {
        const Shock& k = s.shocks[i];
        const std::string p = indexed("shocks", qsizetype(i));
        const std::string sel = p + ".select";
        checkIds(sel + ".countries", k.select.countries, net ? &net->countries : nullptr,
                 "country");
        checkIds(sel + ".owner_countries", k.select.ownerCountries, net ? &net->countries : nullptr,
                 "country");
        checkIds(sel + ".materials", k.select.materials, net ? &net->materials : nullptr,
                 "material");
        checkIds(sel + ".technologies", k.select.technologies, net ? &net->technologies : nullptr,
                 "technology");
        checkIds(sel + ".sites", k.select.sites, net ? &net->sites : nullptr, "site");
        if (k.startDay && *k.startDay < 0)
            add(p + ".start_day", "must not be negative");
        if (k.durationDays && *k.durationDays < 0)
            add(p + ".duration_days", "must not be negative");
        if (k.kind == ShockKind::Capacity) {
            if (!k.capacity)
                add(p + ".capacity", "is required for kind capacity");
            else
                fraction(p + ".capacity", *k.capacity);
        } else if (k.capacity) {
            add(p + ".capacity", "applies to kind capacity only");
        }
        if (k.kind == ShockKind::Licence) {
            if (!k.delayDays) {
                add(p + ".delay_days", "is required for kind licence");
            } else {
                const Delay& d = *k.delayDays;
                const std::string dp = p + ".delay_days";
                if (!d.triangular) {
                    if (!(d.mode >= 0.0) || d.mode > kMaxHorizonDays)
                        add(dp, "must be a number of days from 0 to " +
                                    std::to_string(kMaxHorizonDays));
                } else {
                    bool ok = true;
                    for (auto [key, v] :
                         {std::pair{"min", d.min}, {"mode", d.mode}, {"max", d.max}})
                        if (!(v >= 0.0) || v > kMaxHorizonDays) {
                            add(dp + "." + key, "must be a number of days from 0 to " +
                                                    std::to_string(kMaxHorizonDays));
                            ok = false;
                        }
                    if (ok && d.min > d.mode)
                        add(dp + ".mode", "must not be less than min");
                    if (ok && d.mode > d.max)
                        add(dp + ".max", "must not be less than mode");
                }
            }
            if (k.approvalProbability)
                fraction(p + ".approval_probability", *k.approvalProbability);
        } else {
            if (k.delayDays)
                add(p + ".delay_days", "applies to kind licence only");
            if (k.approvalProbability)
                add(p + ".approval_probability", "applies to kind licence only");
        }
    }
    if (s.mitigations) {
        for (const auto& [material, days] : s.mitigations->extraInventoryDays) {
            const std::string p = "mitigations.extra_inventory_days." + material;
            if (net && net->materials.find(material) == analysis::kNone)
                add(p, "unknown material '" + material + "'");
            if (!(days >= 0.0) || days > kMaxHorizonDays)
                add(p, "must be a number of days from 0 to " + std::to_string(kMaxHorizonDays));
        }
    }
    return issues;
}

} // namespace chokepoint::core::scenario
