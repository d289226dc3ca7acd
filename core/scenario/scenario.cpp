// SPDX-License-Identifier: MIT
#include "core/scenario/scenario.h"

#include <array>

#include "core/util/jsonwriter.h"

namespace chokepoint::core::scenario {

namespace {
constexpr std::array<std::string_view, 3> kKindNames = {"stop", "capacity", "licence"};

void writeList(JsonWriter& w, std::string_view key,
               const std::optional<std::vector<std::string>>& list) {
    if (!list)
        return;
    w.key(key).beginArray();
    for (const auto& s : *list)
        w.value(s);
    w.endArray();
}

// Whole numbers are written without a fraction so that integer fields read back as such.
void writeNumber(JsonWriter& w, std::string_view key, double v) {
    w.key(key);
    if (v == double(int64_t(v)) && v > -1e15 && v < 1e15)
        w.value(int64_t(v));
    else
        w.value(v);
}
} // namespace

std::string_view toString(ShockKind kind) {
    return kKindNames[size_t(kind)];
}

std::optional<ShockKind> parseShockKind(std::string_view text) {
    for (size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == text)
            return ShockKind(i);
    return std::nullopt;
}

std::string scenarioToJson(const Scenario& s) {
    JsonWriter w;
    w.beginObject();
    w.member("name", s.name);
    if (s.description)
        w.member("description", *s.description);
    if (s.asOf)
        w.member("as_of", s.asOf->toString());
    if (s.assumeScheduled)
        w.member("assume_scheduled", *s.assumeScheduled);
    w.member("horizon_days", s.horizonDays);
    w.member("runs", s.runs);
    if (s.seed)
        w.member("seed", int64_t(*s.seed));
    w.key("shocks").beginArray();
    for (const Shock& k : s.shocks) {
        w.beginObject();
        if (k.label)
            w.member("label", *k.label);
        w.key("select").beginObject();
        writeList(w, "countries", k.select.countries);
        writeList(w, "owner_countries", k.select.ownerCountries);
        writeList(w, "materials", k.select.materials);
        writeList(w, "technologies", k.select.technologies);
        writeList(w, "sites", k.select.sites);
        if (k.select.controlled)
            w.member("controlled", *k.select.controlled);
        w.endObject();
        w.member("kind", toString(k.kind));
        if (k.startDay)
            w.member("start_day", *k.startDay);
        if (k.durationDays)
            w.member("duration_days", *k.durationDays);
        if (k.capacity)
            w.member("capacity", *k.capacity);
        if (k.delayDays) {
            const Delay& d = *k.delayDays;
            if (d.triangular) {
                w.key("delay_days").beginObject();
                writeNumber(w, "min", d.min);
                writeNumber(w, "mode", d.mode);
                writeNumber(w, "max", d.max);
                w.endObject();
            } else {
                writeNumber(w, "delay_days", d.mode);
            }
        }
        if (k.approvalProbability)
            w.member("approval_probability", *k.approvalProbability);
        w.endObject();
    }
    w.endArray();
    if (s.mitigations) {
        w.key("mitigations").beginObject();
        w.key("extra_inventory_days").beginObject();
        for (const auto& [material, days] : s.mitigations->extraInventoryDays)
            writeNumber(w, material, days);
        w.endObject();
        if (s.mitigations->alternatives)
            w.member("alternatives", *s.mitigations->alternatives);
        w.endObject();
    }
    w.endObject();
    return w.str() + "\n";
}

} // namespace chokepoint::core::scenario
