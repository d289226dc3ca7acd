// SPDX-License-Identifier: MIT
// `chokepoint scenario` through the real executable: exit codes, JSON keys (SPEC §5).
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

// A workspace holding the small worked-example network.
class ScenarioCli : public ::testing::Test {
protected:
    void SetUp() override {
        ws = tmp.file("w.chokepoint");
        ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
        ASSERT_EQ(test::runChokepoint({"import", ws, test::dataDir() + "/small-network/data"}), 0);
        chinaStop = test::dataDir() + "/small-network/scenario-china-stop.json";
    }

    QJsonObject runJson(std::vector<std::string> args) {
        std::string out, err;
        args.insert(args.begin(), {"scenario", ws});
        args.insert(args.end(), {"--format", "json"});
        EXPECT_EQ(test::runChokepoint(args, &out, &err), 0) << err;
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << out;
        return doc.object();
    }

    test::TempDir tmp;
    std::string ws, chinaStop;
};

} // namespace

TEST_F(ScenarioCli, JsonHasTheKeysOfSpec5) {
    const QJsonObject o = runJson({chinaStop});
    for (const char* key :
         {"name", "runs", "seed", "horizon_days", "total_lost_revenue", "lost_revenue_p10",
          "lost_revenue_p50", "lost_revenue_p90", "products", "materials", "daily_output"})
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
    EXPECT_EQ(o["runs"].toInt(), 1);
    EXPECT_EQ(o["horizon_days"].toInt(), 150);
    EXPECT_EQ(o["daily_output"].toArray().size(), 150);
    const QJsonArray products = o["products"].toArray();
    ASSERT_EQ(products.size(), 2);
    for (const char* key : {"id", "lost_units", "lost_revenue"})
        EXPECT_TRUE(products[0].toObject().contains(QLatin1String(key))) << key;
    const QJsonArray materials = o["materials"].toArray();
    ASSERT_EQ(materials.size(), 2); // the BOM materials m0_0 and m0_3, by id
    EXPECT_EQ(materials[0].toObject()["id"].toString(), "m0_0");
    EXPECT_EQ(materials[0].toObject()["first_shortfall_day"].toInt(), 90);
    EXPECT_TRUE(materials[0].toObject()["recovery_day"].isNull());
    EXPECT_TRUE(materials[1].toObject()["first_shortfall_day"].isNull());
    // Expected figure of tests/data/small-network (computed independently).
    EXPECT_NEAR(o["total_lost_revenue"].toDouble(), 282609507.03006774, 1e-6 * 282609507.0);
}

TEST_F(ScenarioCli, FlowLevelLicenceOfTheWorkedExample) {
    // Expected figure of tests/data/small-network (computed independently): licences on
    // every flow the controlled lens counts, 60 days, then refused (approval 0.5 < 1).
    const QJsonObject o =
        runJson({test::dataDir() + "/small-network/scenario-controlled-licence.json"});
    EXPECT_EQ(o["assume_scheduled"], QJsonValue(false));
    EXPECT_NEAR(o["total_lost_revenue"].toDouble(), 425433031.8045239, 1e-6 * 425433031.8);
}

TEST_F(ScenarioCli, AssumeScheduledWidensControlledSelectors) {
    // A scheduled measure on m0_0 (a tier-1 material, from 2026-11-10): after it, a stop of
    // the controlled flows of m0_0 hits the Chinese exporters of m0_0 only when scheduled
    // measures are assumed; without, only what the technology control already covers.
    const std::string extra = tmp.file("extra");
    tmp.write("extra/controls.csv",
              "id,issuer,title,effective,kind,status\n"
              "ctl_s,CHN,Scheduled m0_0 measure,2026-11-10,licence,scheduled\n");
    tmp.write("extra/control_items.csv", "control_id,item_kind,item_id\nctl_s,material,m0_0\n");
    ASSERT_EQ(test::runChokepoint({"import", ws, extra}), 0);
    const std::string s = tmp.write("sched.json", R"({"name": "sched", "as_of": "2026-12-07",
        "horizon_days": 150, "shocks": [{"select": {"controlled": true, "materials": ["m0_0"]},
        "kind": "stop"}]})");
    const QJsonObject off = runJson({s});
    const QJsonObject on = runJson({s, "--assume-scheduled"});
    EXPECT_EQ(off["assume_scheduled"], QJsonValue(false));
    EXPECT_EQ(on["assume_scheduled"], QJsonValue(true));
    EXPECT_GT(on["total_lost_revenue"].toDouble(), off["total_lost_revenue"].toDouble());
    // The same through the scenario's own key.
    const std::string keyed = tmp.write("sched2.json", R"({"name": "sched", "as_of": "2026-12-07",
        "assume_scheduled": true, "horizon_days": 150, "shocks": [{"select": {"controlled": true,
        "materials": ["m0_0"]}, "kind": "stop"}]})");
    EXPECT_EQ(runJson({keyed})["total_lost_revenue"], on["total_lost_revenue"]);
}

TEST_F(ScenarioCli, MonteCarloOptionsAndDeterminism) {
    // A Chinese licence of 30-120 days from day 10: the China stop of the worked example
    // costs revenue from day 90 on, so the lost revenue depends on the drawn delay.
    const std::string s = tmp.write("mc.json", R"({"name": "mc", "as_of": "2025-08-01",
        "horizon_days": 150, "shocks": [{"select": {"countries": ["CHN"]}, "kind": "licence",
        "start_day": 10, "delay_days": {"min": 30, "mode": 60, "max": 120},
        "approval_probability": 0.8}]})");
    const QJsonObject a = runJson({s, "--runs", "40", "--seed", "3", "--threads", "1"});
    const QJsonObject b = runJson({s, "--runs", "40", "--seed", "3", "--threads", "2"});
    EXPECT_EQ(a, b);
    EXPECT_EQ(a["runs"].toInt(), 40);
    EXPECT_EQ(a["seed"].toInt(), 3);
    EXPECT_LE(a["lost_revenue_p10"].toDouble(), a["lost_revenue_p50"].toDouble());
    EXPECT_LE(a["lost_revenue_p50"].toDouble(), a["lost_revenue_p90"].toDouble());
    EXPECT_LT(a["lost_revenue_p10"].toDouble(), a["lost_revenue_p90"].toDouble());
    EXPECT_EQ(a["daily_output_p10"].toArray().size(), 150);
    const QJsonObject c = runJson({s, "--runs", "40", "--seed", "4"});
    EXPECT_NE(a["lost_revenue_p50"], c["lost_revenue_p50"]);
}

TEST_F(ScenarioCli, TableIsReadable) {
    std::string out, err;
    ASSERT_EQ(test::runChokepoint({"scenario", ws, chinaStop}, &out, &err), 0) << err;
    EXPECT_NE(out.find("China stop for 60 days from day 10"), std::string::npos) << out;
    EXPECT_NE(out.find("Lost revenue: $282.6 m"), std::string::npos) << out;
    EXPECT_NE(out.find("m0_0"), std::string::npos);
    EXPECT_NE(out.find("day 90"), std::string::npos);
}

TEST_F(ScenarioCli, InvalidScenarioExitsThreeListingEveryProblem) {
    const std::string bad = tmp.write("bad.json", R"({"name": "bad", "horizon_days": 0,
        "shocks": [{"select": {"countries": ["XXX"]}, "kind": "capacity", "capacity": 2}]})");
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"scenario", ws, bad}, &out, &err), 3);
    EXPECT_NE(err.find("horizon_days"), std::string::npos) << err;
    EXPECT_NE(err.find("shocks[0].select.countries[0]: unknown country 'XXX'"), std::string::npos)
        << err;
    EXPECT_NE(err.find("shocks[0].capacity"), std::string::npos) << err;
    EXPECT_NE(err.find("3 problem(s)"), std::string::npos) << err;
    EXPECT_TRUE(out.empty());
    const std::string syntax = tmp.write("syntax.json", "{\"name\": ");
    EXPECT_EQ(test::runChokepoint({"scenario", ws, syntax}, &out, &err), 3);
    // --runs making runs × horizon too large is reported the same way.
    const std::string year = tmp.write("year.json", R"({"name": "y", "horizon_days": 365,
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop"}]})");
    EXPECT_EQ(test::runChokepoint({"scenario", ws, year, "--runs", "100000"}, &out, &err), 3);
    EXPECT_NE(err.find("runs"), std::string::npos) << err;
}

TEST_F(ScenarioCli, BadUsageExitsTwo) {
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"scenario", ws}, &out, &err), 2);
    EXPECT_EQ(test::runChokepoint({"scenario", ws, chinaStop, "--format", "xml"}, &out, &err), 2);
    EXPECT_NE(err.find("--format"), std::string::npos) << err;
    EXPECT_EQ(test::runChokepoint({"scenario", ws, chinaStop, "--runs", "0"}, &out, &err), 2);
    EXPECT_EQ(test::runChokepoint({"scenario", ws, chinaStop, "--runs", "ten"}, &out, &err), 2);
    EXPECT_EQ(test::runChokepoint({"scenario", ws, chinaStop, "--seed", "-1"}, &out, &err), 2);
    EXPECT_EQ(test::runChokepoint({"scenario", ws, chinaStop, "--lens", "owned"}, &out, &err), 2);
}

TEST_F(ScenarioCli, MissingFilesExitOne) {
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"scenario", tmp.file("nope.chokepoint"), chinaStop}, &out, &err),
              1);
    EXPECT_EQ(test::runChokepoint({"scenario", ws, tmp.file("nope.json")}, &out, &err), 1);
    EXPECT_NE(err.find("cannot read"), std::string::npos) << err;
}
