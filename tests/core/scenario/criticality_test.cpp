// SPDX-License-Identifier: MIT
// Criticality (SPEC §4.2) on small networks worked out by hand in the comments, on the
// worked example's expected figures, and as properties on generated networks.
// Unless a test says otherwise: one product `car` with annual_volume 365 (one car a day)
// and unit_price 1000, needing 1 `cell` per car, so need(cell) = 1 per day.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/scenario/criticality.h"
#include "core/scenario/criticalityoutput.h"
#include "core/synth/generator.h"
#include "tests/core/scenario/scenariotestutil.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;

namespace {

const char* kMaterials = "id,name,stage\ncell,Cell,cell\ncathode,Cathode,cathode\n";
const char* kSuppliers = "id,name,owner_country\nsupCN,CN Co,CHN\nsupKR,KR Co,KOR\n"
                         "supJP,JP Co,JPN\n";
const char* kCar = "id,name,annual_volume,unit_price\ncar,Car,365,1000\n";
const char* kCarBom = "product_id,material_id,qty_per_unit\ncar,cell,1\n";

std::unique_ptr<core::analysis::Network>
network(const std::string& sites, const std::string& supply, const std::string& inventory,
        const std::string& alternatives = "", const std::string& recipes = "") {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", kMaterials},
        {"recipes", "material_id,input_material_id,qty_per_unit\n" + recipes},
        {"suppliers", kSuppliers},
        {"sites", "id,supplier_id,country,name,recovery_days\n" + sites},
        {"products", kCar},
        {"product_bom", kCarBom},
        {"supply",
         "buyer_site,material_id,supplier_site,share,annual_spend,lead_time_days\n" + supply},
        {"inventory", "material_id,days_on_hand\n" + inventory},
        {"alternatives", "material_id,site_id,qualification_days,max_share\n" + alternatives},
    });
}

CriticalityResult criticality(const core::analysis::Network& net, int horizon,
                              int defaultRecovery = 90, int threads = 1) {
    CriticalityOptions o;
    o.asOf = core::Date::fromYmd(2025, 8, 1);
    o.horizonDays = horizon;
    o.defaultRecoveryDays = defaultRecovery;
    o.threads = threads;
    return computeCriticality(net, o);
}

const CriticalSite& siteOf(const CriticalityResult& r, const std::string& id) {
    for (const auto& s : r.sites)
        if (s.id == id)
            return s;
    throw std::runtime_error("no site " + id);
}

} // namespace

TEST(Criticality, InventoryThatCoversTheStopExactly) {
    // cnA sells us all our cells (lead 0); 10 days of stock. A stop on days 0..D-1 empties the
    // stock on days 0..9 (day 9 starts with 1 cell: r = 1), so D = 10 loses nothing and
    // D = 11 loses the car of day 10: TTS = 10.
    // TTR 15: cars lost on days 10..14 = 5 → 5,000. Spend 2.5 m on the tier-1 link.
    auto net = network("cnA,supCN,CHN,Cell plant,15\n", ",cell,cnA,1,2500000,0\n", "cell,10\n");
    const auto r = criticality(*net, 30);
    ASSERT_FALSE(r.cancelled);
    ASSERT_EQ(r.sites.size(), 1u);
    const CriticalSite& s = r.sites[0];
    EXPECT_EQ(s.id, "cnA");
    EXPECT_EQ(s.name, "Cell plant");
    EXPECT_EQ(s.supplierId, "supCN");
    EXPECT_EQ(s.supplierName, "CN Co");
    EXPECT_EQ(s.country, "CHN");
    EXPECT_EQ(s.tier, 1);
    EXPECT_DOUBLE_EQ(s.spend, 2500000.0);
    EXPECT_EQ(s.ttsDays, 10);
    EXPECT_EQ(s.ttrDays, 15);
    EXPECT_FALSE(s.ttrAssumed);
    EXPECT_DOUBLE_EQ(s.lostRevenue, 5000.0);
    EXPECT_TRUE(s.atRisk);
}

TEST(Criticality, RecoveryWithinTheStockIsNotAtRisk) {
    // As above with TTR 10 = TTS: the stock outlasts the outage, nothing is lost.
    auto net = network("cnA,supCN,CHN,Cell plant,10\n", ",cell,cnA,1,2500000,0\n", "cell,10\n");
    const auto r = criticality(*net, 30);
    const CriticalSite& s = siteOf(r, "cnA");
    EXPECT_EQ(s.ttsDays, 10);
    EXPECT_FALSE(s.atRisk);
    EXPECT_DOUBLE_EQ(s.lostRevenue, 0.0);
}

TEST(Criticality, DefaultRecoveryBeyondTheHorizonStopsAtTheHorizon) {
    // No recovery_days: TTR = the default. Default 90 > H = 30: the stop covers the whole
    // horizon, cars lost on days 10..29 = 20 → 20,000. With a default of 12: days 10, 11.
    auto net = network("cnA,supCN,CHN,Cell plant,\n", ",cell,cnA,1,2500000,0\n", "cell,10\n");
    const CriticalSite& s = criticality(*net, 30).sites.at(0);
    EXPECT_TRUE(s.ttrAssumed);
    EXPECT_EQ(s.ttrDays, 90);
    EXPECT_DOUBLE_EQ(s.lostRevenue, 20000.0);
    const CriticalSite& shorter = criticality(*net, 30, 12).sites.at(0);
    EXPECT_EQ(shorter.ttrDays, 12);
    EXPECT_DOUBLE_EQ(shorter.lostRevenue, 2000.0);
}

TEST(Criticality, QualifiedAlternativeStretchesTheStock) {
    // Alternative krA for cells: qualified 5 days after supply first falls (day 0), half our
    // need. Stop of cnA on days 0..D-1, 10 days of stock:
    //   days 0..4: S = 0, stock 10 → 5;  from day 5: S = 0.5 while cnA is down, stock -0.5/day.
    //   Day t ≥ 5 starts with 5 − 0.5 (t − 5); r = min(1, 0.5 + that) < 1 from t = 15.
    // So a loss needs cnA still down on day 15: D ≥ 16, TTS = 15.
    // TTR 20: days 15..19 run at r = 0.5 → 2.5 cars → 2,500.
    // krA supplies no link: it is not listed.
    auto net = network("cnA,supCN,CHN,,20\nkrA,supKR,KOR,,\n", ",cell,cnA,1,,0\n", "cell,10\n",
                       "cell,krA,5,0.5\n");
    const auto r = criticality(*net, 30);
    ASSERT_EQ(r.sites.size(), 1u);
    const CriticalSite& s = r.sites[0];
    EXPECT_EQ(s.ttsDays, 15);
    EXPECT_DOUBLE_EQ(s.lostRevenue, 2500.0);
    EXPECT_TRUE(s.atRisk);
    EXPECT_DOUBLE_EQ(s.spend, 0.0); // no annual_spend given

    // A full alternative (max_share 1) covers everything from day 5: never at risk.
    auto covered = network("cnA,supCN,CHN,,20\nkrA,supKR,KOR,,\n", ",cell,cnA,1,,0\n", "cell,10\n",
                           "cell,krA,5,1\n");
    const CriticalSite& c = criticality(*covered, 30).sites.at(0);
    EXPECT_FALSE(c.ttsDays.has_value());
    EXPECT_FALSE(c.atRisk);
    EXPECT_DOUBLE_EQ(c.lostRevenue, 0.0);
}

TEST(Criticality, TwoTiersDeepWithLeadTimes) {
    // We buy cells from krA (lead 3, spend 1 m); krA makes a cell from a cathode and buys
    // cathodes half from cnA (lead 4) and half from jpA (lead 2). 6 days of cell stock, H 40.
    // cnA stops on days 0..D-1: krA's cathode supply is 0.5 on days 4..D+3, so is its output,
    // and our cell supply S = 0.5 on days 7..D+6. Day 7 + k starts with 6 − 0.5 k cells;
    // r < 1 once that is < 0.5: k ≥ 12, day 19. Loss iff D + 6 ≥ 19: TTS = 12.
    //   TTR 20: S = 0.5 on days 7..26, short on days 19..26: 8 × 0.5 = 4 cars → 4,000.
    // jpA (lead 2): S = 0.5 on days 5..D+4, short from day 17: again TTS = 12. TTR = default
    //   90 > H: S = 0.5 on days 5..39, short on days 17..39: 23 × 0.5 = 11.5 cars → 11,500.
    // krA: S = 0 on days 3..D+2; the stock lasts days 3..8: loss iff D + 2 ≥ 9, TTS = 6.
    //   TTR 10: S = 0 on days 3..12, short on 9..12: 4 cars → 4,000 (ties with cnA: by id).
    // cnB sells cathodes to krB, which sells nothing to us: no tier, never at risk.
    auto net = network("cnA,supCN,CHN,,20\ncnB,supCN,CHN,,\nkrA,supKR,KOR,,10\n"
                       "krB,supKR,KOR,,\njpA,supJP,JPN,,\n",
                       ",cell,krA,1,1000000,3\nkrA,cathode,cnA,0.5,,4\nkrA,cathode,jpA,0.5,,2\n"
                       "krB,cathode,cnB,1,,0\n",
                       "cell,6\n", "", "cell,cathode,1\n");
    const auto r = criticality(*net, 40);
    ASSERT_EQ(r.sites.size(), 4u);
    EXPECT_EQ(r.sites[0].id, "jpA");
    EXPECT_EQ(r.sites[1].id, "cnA");
    EXPECT_EQ(r.sites[2].id, "krA");
    EXPECT_EQ(r.sites[3].id, "cnB");

    const CriticalSite& jp = r.sites[0];
    EXPECT_EQ(jp.tier, 2);
    EXPECT_EQ(jp.ttsDays, 12);
    EXPECT_EQ(jp.ttrDays, 90);
    EXPECT_DOUBLE_EQ(jp.lostRevenue, 11500.0);
    EXPECT_EQ(jp.customersReached, 1); // krA

    const CriticalSite& cn = r.sites[1];
    EXPECT_EQ(cn.tier, 2);
    EXPECT_DOUBLE_EQ(cn.spend, 0.0);
    EXPECT_EQ(cn.ttsDays, 12);
    EXPECT_DOUBLE_EQ(cn.lostRevenue, 4000.0);
    EXPECT_TRUE(cn.atRisk);

    const CriticalSite& kr = r.sites[2];
    EXPECT_EQ(kr.tier, 1);
    EXPECT_DOUBLE_EQ(kr.spend, 1000000.0);
    EXPECT_EQ(kr.ttsDays, 6);
    EXPECT_DOUBLE_EQ(kr.lostRevenue, 4000.0);
    EXPECT_EQ(kr.customersReached, 0);

    const CriticalSite& off = r.sites[3];
    EXPECT_FALSE(off.tier.has_value());
    EXPECT_FALSE(off.ttsDays.has_value());
    EXPECT_FALSE(off.atRisk);
    EXPECT_DOUBLE_EQ(off.lostRevenue, 0.0);
}

TEST(Criticality, WorkedExampleMatchesTheExpectedFile) {
    const core::analysis::Network net(
        test::datasetFromFolder(test::dataDir() + "/small-network/data"));
    const auto r = criticality(net, 120, 90, 2);
    const QJsonObject expected =
        QJsonDocument::fromJson(
            QByteArray::fromStdString(test::readFile(
                test::dataDir() + "/small-network/expected-criticality-2025-08-01-h120.json")))
            .object();
    EXPECT_EQ(r.asOf.toString(), expected["as_of"].toString().toStdString());
    EXPECT_EQ(r.horizonDays, expected["horizon_days"].toInt());
    EXPECT_EQ(r.defaultRecoveryDays, expected["default_recovery_days"].toInt());
    const QJsonArray sites = expected["sites"].toArray();
    ASSERT_EQ(r.sites.size(), size_t(sites.size()));
    int atRisk = 0;
    for (qsizetype i = 0; i < sites.size(); ++i) {
        const QJsonObject e = sites[i].toObject();
        const CriticalSite& s = r.sites[size_t(i)];
        SCOPED_TRACE("rank " + std::to_string(i) + ", site " + s.id);
        EXPECT_EQ(s.id, e["id"].toString().toStdString());
        if (e["tier"].isNull())
            EXPECT_FALSE(s.tier.has_value());
        else
            EXPECT_EQ(s.tier, e["tier"].toInt());
        EXPECT_NEAR(s.spend, e["spend"].toDouble(), 1e-6);
        if (e["tts_days"].isNull())
            EXPECT_FALSE(s.ttsDays.has_value());
        else
            EXPECT_EQ(s.ttsDays, e["tts_days"].toInt());
        EXPECT_EQ(s.ttrDays, e["ttr_days"].toInt());
        EXPECT_NEAR(s.lostRevenue, e["lost_revenue"].toDouble(), 1e-6);
        EXPECT_EQ(s.atRisk, e["at_risk"].toBool());
        atRisk += s.atRisk;
    }
    EXPECT_EQ(atRisk, 4); // s75, s0, s17 and the tier-2 s65
}

TEST(Criticality, SameNumbersOnOneAndTwoThreads) {
    core::synth::GeneratorOptions g;
    g.sites = 400;
    g.seed = 7;
    const core::analysis::Network net(core::synth::generateNetwork(g));
    const auto one = criticality(net, 365, 250, 1);
    const auto two = criticality(net, 365, 250, 2);
    ASSERT_EQ(one.sites.size(), two.sites.size());
    int atRisk = 0;
    for (size_t i = 0; i < one.sites.size(); ++i) {
        const CriticalSite &a = one.sites[i], &b = two.sites[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.ttsDays, b.ttsDays);
        EXPECT_EQ(a.lostRevenue, b.lostRevenue); // bit for bit
        EXPECT_EQ(a.customersReached, b.customersReached);
        atRisk += a.atRisk;
    }
    EXPECT_GT(atRisk, 0) << "a network where no site matters proves nothing";
    EXPECT_EQ(one.runs, two.runs);
}

TEST(Criticality, AgreesWithPlainScenarioRunsOnGeneratedNetworks) {
    // Properties, checked through runScenario() on scenario JSON (the path a user takes):
    // at_risk ⟺ lost revenue > 0 (every generated product has a price); a stop of TTS days
    // loses nothing and one of TTS + 1 days loses output; a stop of TTR days loses exactly
    // lost_revenue (0 when not at risk); without a TTS even the whole horizon loses nothing.
    for (const uint64_t seed : {3u, 11u}) {
        core::synth::GeneratorOptions g;
        g.sites = 120;
        g.seed = seed;
        g.tiers = 3;
        const core::analysis::Network net(core::synth::generateNetwork(g));
        for (size_t p = 0; p < net.products.size(); ++p)
            ASSERT_GT(net.productPrice[p], 0.0);
        const int h = 200;
        const auto r = criticality(net, h, 150, 2);
        auto stop = [&](const std::string& site, int days) {
            const std::string json = R"({"name": "k", "as_of": "2025-08-01", "horizon_days": )" +
                                     std::to_string(h) + R"(, "shocks": [{"select": {"sites": [")" +
                                     site + R"("]}, "kind": "stop", "duration_days": )" +
                                     std::to_string(days) + "}]}";
            return test::runJson(net, json);
        };
        int atRisk = 0, survives = 0, unharmed = 0;
        for (const CriticalSite& s : r.sites) {
            SCOPED_TRACE("seed " + std::to_string(seed) + ", site " + s.id);
            EXPECT_EQ(s.atRisk, s.lostRevenue > 0.0);
            EXPECT_EQ(s.atRisk, s.ttsDays && *s.ttsDays < s.ttrDays);
            if (s.ttsDays) {
                if (*s.ttsDays > 0) {
                    EXPECT_EQ(stop(s.id, *s.ttsDays).totalLostRevenue, 0.0);
                }
                EXPECT_GT(stop(s.id, *s.ttsDays + 1).totalLostRevenue, 0.0);
                EXPECT_NEAR(stop(s.id, std::min(s.ttrDays, h)).totalLostRevenue, s.lostRevenue,
                            1e-9 * s.lostRevenue);
                (s.atRisk ? atRisk : survives) += 1;
            } else if (unharmed++ < 15) {
                EXPECT_EQ(stop(s.id, h).totalLostRevenue, 0.0);
            }
        }
        EXPECT_GT(atRisk, 0);
        EXPECT_GT(survives + unharmed, 0);
    }
}

TEST(Criticality, StopRequestCancels) {
    core::synth::GeneratorOptions g;
    g.sites = 200;
    const core::analysis::Network net(core::synth::generateNetwork(g));
    std::stop_source source;
    CriticalityOptions o;
    o.asOf = core::Date::fromYmd(2025, 8, 1);
    o.threads = 2;
    o.stop = source.get_token();
    int calls = 0;
    o.progress = [&](int done, int total) {
        ++calls;
        EXPECT_LE(done, total);
        if (done == 5)
            source.request_stop();
    };
    const auto r = computeCriticality(net, o);
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.sites.empty());
    EXPECT_GE(calls, 5);
}

TEST(Criticality, JsonCarriesTheSpecKeys) {
    auto net = network("cnA,supCN,CHN,Cell plant,15\n", ",cell,cnA,1,2500000,0\n", "cell,10\n");
    const auto json = criticalityToJson(criticality(*net, 30));
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    EXPECT_EQ(o["as_of"].toString(), "2025-08-01");
    EXPECT_EQ(o["horizon_days"].toInt(), 30);
    EXPECT_EQ(o["default_recovery_days"].toInt(), 90);
    const QJsonObject s = o["sites"].toArray().at(0).toObject();
    for (const char* key : {"id", "name", "supplier_id", "country", "tier", "spend", "tts_days",
                            "ttr_days", "lost_revenue", "at_risk"})
        EXPECT_TRUE(s.contains(key)) << key;
    EXPECT_EQ(s["tts_days"].toInt(), 10);
    EXPECT_DOUBLE_EQ(s["lost_revenue"].toDouble(), 5000.0);
    EXPECT_TRUE(s["at_risk"].toBool());
}
