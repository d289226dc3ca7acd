// SPDX-License-Identifier: MIT
#include "core/synth/generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/synth/sitecoordinates.h"

namespace chokepoint::core::synth {

uint64_t SplitMix64::next() {
    uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double SplitMix64::uniform() {
    return double(next() >> 11) * 0x1.0p-53;
}

uint64_t SplitMix64::below(uint64_t n) {
    // The modulo bias (below 2^-40 for the sizes used here) does not matter for synthetic data.
    return next() % n;
}

namespace {

struct CountryDef {
    const char* iso3;
    const char* name;
    const char* region;
};
constexpr std::array<CountryDef, 20> kCountries = {{
    {"CHN", "China", "Asia"},
    {"AUS", "Australia", "Oceania"},
    {"CHL", "Chile", "Americas"},
    {"COD", "Congo, DR", "Africa"},
    {"IDN", "Indonesia", "Asia"},
    {"ARG", "Argentina", "Americas"},
    {"CAN", "Canada", "Americas"},
    {"USA", "United States", "Americas"},
    {"KOR", "Korea, Republic of", "Asia"},
    {"JPN", "Japan", "Asia"},
    {"DEU", "Germany", "Europe"},
    {"FIN", "Finland", "Europe"},
    {"MAR", "Morocco", "Africa"},
    {"BRA", "Brazil", "Americas"},
    {"IND", "India", "Asia"},
    {"VNM", "Viet Nam", "Asia"},
    {"HUN", "Hungary", "Europe"},
    {"POL", "Poland", "Europe"},
    {"PHL", "Philippines", "Asia"},
    {"ZAF", "South Africa", "Africa"},
}};
constexpr int kNonChina = int(kCountries.size()) - 1; // every country but kCountries[0]

// Stages from the deepest tier up.
constexpr std::array<Stage, 6> kStagesUp = {Stage::Mining,  Stage::Refining, Stage::Precursor,
                                            Stage::Cathode, Stage::Cell,     Stage::Component};

// Floors to 6 decimals so that rounded shares never sum above their total.
double floor6(double x) {
    return std::floor(x * 1e6) / 1e6;
}
double round2(double x) {
    return std::round(x * 100.0) / 100.0;
}

// `n` shares in (0, total], each floored to 1e-6 (so their sum never exceeds total).
std::vector<double> splitShares(SplitMix64& rng, size_t n, double total) {
    std::vector<double> w(n);
    double sum = 0.0;
    for (auto& x : w)
        sum += (x = rng.uniform(0.1, 1.0));
    for (auto& x : w)
        x = std::max(1e-6, floor6(x / sum * total));
    return w;
}

// Picks `n` distinct entries of `from`, skewed towards the front (a few big suppliers).
std::vector<size_t> pickDistinct(SplitMix64& rng, size_t n, size_t from) {
    n = std::min(n, from);
    std::vector<size_t> out;
    out.reserve(n);
    while (out.size() < n) {
        const double u = rng.uniform();
        const size_t k = std::min(from - 1, size_t(u * u * double(from)));
        if (std::find(out.begin(), out.end(), k) == out.end())
            out.push_back(k);
    }
    return out;
}

std::string countryOf(SplitMix64& rng, double chinaShare) {
    if (rng.chance(chinaShare))
        return kCountries[0].iso3;
    return kCountries[1 + rng.below(kNonChina)].iso3;
}

class Builder {
public:
    explicit Builder(const GeneratorOptions& o)
        : m_rng(o.seed)
        , m_sites(std::max(o.sites, kMinSites))
        , m_tiers(std::clamp(o.tiers, kMinTiers, kMaxTiers))
        , m_perTier(std::clamp(m_sites / 2500, 3, 40)) {}

    Dataset build() {
        for (const auto& c : kCountries)
            m_data.countries.push_back({c.iso3, c.name, c.region});
        m_data.sources.push_back({"synthetic", "chokepoint generate", "Synthetic network", 2024,
                                  std::nullopt, std::nullopt});
        materials();
        sites();
        technologies();
        controls();
        supply();
        products();
        stock();
        return std::move(m_data);
    }

private:
    std::string materialId(int tier, int k) const {
        return "m" + std::to_string(tier) + "_" + std::to_string(k);
    }
    Stage stageOf(int tier) const {
        const int depth = m_tiers - 1 - tier;
        return kStagesUp[size_t(std::min(depth, int(kStagesUp.size()) - 1))];
    }
    // Share of sites in China per tier: refining and precursor lead, as in the battery chain.
    double chinaShareOf(int tier) const {
        const Stage s = stageOf(tier);
        return s == Stage::Refining || s == Stage::Precursor ? 0.45 : 0.22;
    }

    void materials() {
        for (int t = 0; t < m_tiers; ++t)
            for (int k = 0; k < m_perTier; ++k) {
                const std::string id = materialId(t, k);
                m_data.materials.push_back({id, "Material " + id, stageOf(t), std::string("t")});
                worldShares(id);
                m_inputs.emplace_back();
                if (t + 1 < m_tiers) {
                    const size_t inputs = 1 + m_rng.below(3);
                    for (size_t i : pickDistinct(m_rng, inputs, size_t(m_perTier))) {
                        m_data.recipes.push_back(
                            {id, materialId(t + 1, int(i)),
                             std::round(m_rng.uniform(0.2, 3.0) * 1000) / 1000});
                        m_inputs.back().push_back((t + 1) * m_perTier + int(i));
                    }
                }
            }
    }

    void worldShares(const std::string& material) {
        const size_t n = 3 + m_rng.below(3);
        std::vector<int> countries;
        if (m_rng.chance(0.7))
            countries.push_back(0);
        while (countries.size() < n) {
            const int c = 1 + int(m_rng.below(kNonChina));
            if (std::find(countries.begin(), countries.end(), c) == countries.end())
                countries.push_back(c);
        }
        const double total = m_rng.chance(0.6) ? 1.0 : m_rng.uniform(0.7, 0.99);
        const auto shares = splitShares(m_rng, countries.size(), total);
        for (size_t i = 0; i < countries.size(); ++i)
            m_data.worldShares.push_back({material, kCountries[size_t(countries[i])].iso3,
                                          std::floor(shares[i] * 1e4) / 1e4, 2024,
                                          std::string("synthetic")});
    }

    void sites() {
        const int nSuppliers = (m_sites + 1) / 2;
        m_tierSites.assign(size_t(m_tiers), {});
        m_suppliersOf.assign(size_t(m_tiers * m_perTier), {});
        m_siteMaterials.assign(size_t(m_sites), {});
        for (int s = 0; s < m_sites; ++s) {
            const int tier = int(int64_t(s) * m_tiers / m_sites);
            const std::string id = "s" + std::to_string(s);
            const std::string country = countryOf(m_rng, chinaShareOf(tier));
            if (s % 2 == 0) {
                // One supplier per two sites; its head office is where its first site is.
                // Some suppliers abroad are owned from China.
                std::optional<std::string> owner = country;
                if (country != "CHN" && m_rng.chance(0.08))
                    owner = "CHN";
                else if (m_rng.chance(0.03))
                    owner = std::nullopt;
                m_data.suppliers.push_back({"sup" + std::to_string(s / 2),
                                            "Supplier " + std::to_string(s / 2), country, owner});
            }
            m_data.sites.push_back({id, "sup" + std::to_string(std::min(s / 2, nSuppliers - 1)),
                                    country, "Plant " + std::to_string(s), std::nullopt,
                                    std::nullopt});
            auto& tierSites = m_tierSites[size_t(tier)];
            // The first sites of a tier cover every material of the tier once.
            const int local = int(tierSites.size());
            tierSites.push_back(s);
            std::vector<int> mats = {local < m_perTier ? local : int(m_rng.below(m_perTier))};
            if (m_rng.chance(0.3)) {
                const int second = int(m_rng.below(m_perTier));
                if (second != mats[0])
                    mats.push_back(second);
            }
            for (int k : mats) {
                m_siteMaterials[size_t(s)].push_back(tier * m_perTier + k);
                m_suppliersOf[size_t(tier * m_perTier + k)].push_back(s);
            }
        }
    }

    void technologies() {
        for (int t = 0; t < 8; ++t)
            m_data.technologies.push_back({"t" + std::to_string(t), "Process t" + std::to_string(t),
                                           stageOf(std::min(m_tiers - 1, t % m_tiers)),
                                           std::nullopt});
        for (int s = 0; s < m_sites; ++s)
            if (m_rng.chance(0.12))
                m_data.siteTechnologies.push_back(
                    {"s" + std::to_string(s), "t" + std::to_string(m_rng.below(8))});
    }

    void addControl(const std::string& id, const std::string& issuer, const char* effective,
                    std::optional<const char*> end, ControlKind kind) {
        Control c;
        c.id = id;
        c.issuer = issuer;
        c.title = "Synthetic control " + id;
        c.announced = Date::parse(effective);
        c.effective = *Date::parse(effective);
        if (end)
            c.end = Date::parse(*end);
        c.kind = kind;
        c.licenceReviewDays = 45;
        c.source = "synthetic";
        m_data.controls.push_back(c);
    }

    void controls() {
        // In force since 2023, ended in 2025, not yet effective in 2025, and a technology
        // licence; plus one control issued by another country.
        addControl("ctl_mat_2023", "CHN", "2023-12-01", std::nullopt, ControlKind::Licence);
        addControl("ctl_mat_suspended", "CHN", "2024-12-03", "2025-11-10",
                   ControlKind::Prohibition);
        addControl("ctl_mat_2026", "CHN", "2026-01-01", std::nullopt, ControlKind::Licence);
        addControl("ctl_tech_2025", "CHN", "2025-07-15", std::nullopt, ControlKind::Licence);
        addControl("ctl_idn_ore", "IDN", "2020-01-01", std::nullopt, ControlKind::CountryBan);
        const char* materialControls[] = {"ctl_mat_2023", "ctl_mat_suspended", "ctl_mat_2026",
                                          "ctl_idn_ore"};
        for (int t = 0; t < m_tiers; ++t)
            for (int k = 0; k < m_perTier; ++k) {
                const bool deep = t >= m_tiers - 2;
                if (m_rng.chance(deep ? 0.35 : 0.1))
                    m_data.controlItems.push_back({materialControls[m_rng.below(deep ? 4 : 3)],
                                                   ItemKind::Material, materialId(t, k)});
            }
        m_data.controlItems.push_back({"ctl_tech_2025", ItemKind::Technology, "t1"});
        m_data.controlItems.push_back({"ctl_tech_2025", ItemKind::Technology, "t4"});
    }

    void addGroup(const std::string& buyer, int material, size_t links, double total,
                  double budget) {
        const auto& from = m_suppliersOf[size_t(material)];
        const auto picked = pickDistinct(m_rng, links, from.size());
        const auto shares = splitShares(m_rng, picked.size(), total);
        const std::string mid = materialId(material / m_perTier, material % m_perTier);
        for (size_t i = 0; i < picked.size(); ++i) {
            SupplyLink l;
            l.buyerSite = buyer;
            l.materialId = mid;
            l.supplierSite = "s" + std::to_string(from[picked[i]]);
            l.share = shares[i];
            if (budget > 0)
                l.annualSpend = round2(budget * shares[i]);
            l.leadTimeDays = int(m_rng.below(61));
            m_data.supply.push_back(std::move(l));
        }
    }

    void supply() {
        // Our own purchases: every tier-0 material, from a few tier-0 sites, with spend.
        for (int k = 0; k < m_perTier; ++k)
            addGroup("", k, 2 + m_rng.below(5), m_rng.chance(0.8) ? 1.0 : 0.9,
                     m_rng.uniform(1e6, 1e8));
        // Each site buys every input of what it makes from the next tier down.
        std::vector<int> inputs;
        for (int s = 0; s < m_sites; ++s) {
            inputs.clear();
            for (int mat : m_siteMaterials[size_t(s)])
                for (int in : m_inputs[size_t(mat)])
                    if (std::find(inputs.begin(), inputs.end(), in) == inputs.end())
                        inputs.push_back(in);
            for (int in : inputs)
                addGroup("s" + std::to_string(s), in, 2 + m_rng.below(8),
                         m_rng.chance(0.75) ? 1.0 : m_rng.uniform(0.5, 0.98), 0.0);
        }
    }

    void products() {
        const int n = std::clamp(m_perTier / 2, 2, 20);
        for (int p = 0; p < n; ++p) {
            const std::string id = "p" + std::to_string(p);
            m_data.products.push_back({id, "Product " + std::to_string(p),
                                       std::round(m_rng.uniform(1e4, 5e5)),
                                       round2(m_rng.uniform(100, 60000))});
            for (size_t k : pickDistinct(m_rng, 1 + m_rng.below(4), size_t(m_perTier)))
                m_data.productBom.push_back(
                    {id, materialId(0, int(k)), std::round(m_rng.uniform(0.1, 50) * 1000) / 1000});
        }
    }

    void stock() {
        for (int k = 0; k < m_perTier; ++k) {
            m_data.inventory.push_back({materialId(0, k), double(10 + m_rng.below(81))});
            const auto& from = m_suppliersOf[size_t(k)];
            if (m_rng.chance(0.3) && !from.empty())
                m_data.alternatives.push_back(
                    {materialId(0, k), "s" + std::to_string(from[m_rng.below(from.size())]),
                     int(30 + m_rng.below(171)), std::floor(m_rng.uniform(0.1, 0.5) * 1000) / 1000,
                     10.0});
        }
    }

    Dataset m_data;
    SplitMix64 m_rng;
    int m_sites, m_tiers, m_perTier;
    std::vector<std::vector<int>> m_tierSites;
    std::vector<std::vector<int>> m_suppliersOf;   // per material (tier * perTier + k)
    std::vector<std::vector<int>> m_siteMaterials; // per site
    std::vector<std::vector<int>> m_inputs;        // recipe inputs per material
};

} // namespace

Dataset generateNetwork(const GeneratorOptions& options) {
    Dataset data = Builder(options).build();
    placeSyntheticSites(data, options.seed);
    return data;
}

} // namespace chokepoint::core::synth
