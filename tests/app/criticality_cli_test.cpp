// SPDX-License-Identifier: MIT
// `chokepoint criticality` through the real executable: the worked example's expected JSON,
// the table and CSV with --top, options and exit codes (SPEC §5).
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

// A workspace holding the small worked-example network.
class CriticalityCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_tmp = new test::TempDir;
        s_ws = s_tmp->file("w.chokepoint");
        ASSERT_EQ(test::runChokepoint({"init", s_ws, "--empty"}), 0);
        ASSERT_EQ(test::runChokepoint({"import", s_ws, test::dataDir() + "/small-network/data"}),
                  0);
    }
    static void TearDownTestSuite() {
        delete s_tmp;
        s_tmp = nullptr;
    }

    static QJsonObject runJson(std::vector<std::string> args) {
        std::string out, err;
        args.insert(args.begin(), {"criticality", s_ws});
        args.insert(args.end(), {"--format", "json"});
        EXPECT_EQ(test::runChokepoint(args, &out, &err), 0) << err;
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << out;
        return doc.object();
    }

    static test::TempDir* s_tmp;
    static std::string s_ws;
};

test::TempDir* CriticalityCli::s_tmp = nullptr;
std::string CriticalityCli::s_ws;

} // namespace

TEST_F(CriticalityCli, JsonMatchesTheWorkedExample) {
    const QJsonObject o = runJson({"--as-of", "2025-08-01", "--horizon", "120"});
    const QJsonObject expected =
        QJsonDocument::fromJson(
            QByteArray::fromStdString(test::readFile(
                test::dataDir() + "/small-network/expected-criticality-2025-08-01-h120.json")))
            .object();
    for (const char* key : {"as_of", "horizon_days", "default_recovery_days"})
        EXPECT_EQ(o[key], expected[key]) << key;
    const QJsonArray sites = o["sites"].toArray(), want = expected["sites"].toArray();
    ASSERT_EQ(sites.size(), want.size());
    for (qsizetype i = 0; i < sites.size(); ++i) {
        const QJsonObject s = sites[i].toObject(), e = want[i].toObject();
        SCOPED_TRACE(e["id"].toString().toStdString());
        for (const char* key : {"id", "name", "supplier_id", "country", "tier", "spend", "tts_days",
                                "ttr_days", "lost_revenue", "at_risk"})
            EXPECT_TRUE(s.contains(QLatin1String(key))) << key;
        EXPECT_EQ(s["id"], e["id"]);
        EXPECT_EQ(s["tier"], e["tier"]);
        EXPECT_NEAR(s["spend"].toDouble(), e["spend"].toDouble(), 1e-6);
        EXPECT_EQ(s["tts_days"], e["tts_days"]);
        EXPECT_EQ(s["ttr_days"], e["ttr_days"]);
        EXPECT_NEAR(s["lost_revenue"].toDouble(), e["lost_revenue"].toDouble(), 1e-6);
        EXPECT_EQ(s["at_risk"], e["at_risk"]);
    }
    // sites.csv of the example: s65 is "Plant 65" of sup65, in Japan.
    EXPECT_EQ(sites[3].toObject()["name"].toString(), "Plant 65");
    EXPECT_EQ(sites[3].toObject()["supplier_id"].toString(), "sup65");
    EXPECT_EQ(sites[3].toObject()["country"].toString(), "JPN");
}

TEST_F(CriticalityCli, TopLimitsTableAndCsvButNotJson) {
    std::string out, err;
    ASSERT_EQ(test::runChokepoint({"criticality", s_ws, "--as-of", "2025-08-01", "--horizon", "120",
                                   "--top", "3", "--format", "csv"},
                                  &out, &err),
              0)
        << err;
    const QStringList lines = QString::fromStdString(out).split("\r\n", Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4); // header + 3
    EXPECT_TRUE(lines[0].startsWith("rank,id,name,supplier_id,country,tier,spend,tts_days"));
    EXPECT_TRUE(lines[1].startsWith("1,s75,")) << lines[1].toStdString();
    EXPECT_TRUE(lines[3].startsWith("3,s17,")) << lines[3].toStdString();

    ASSERT_EQ(test::runChokepoint(
                  {"criticality", s_ws, "--as-of", "2025-08-01", "--horizon", "120", "--top", "2"},
                  &out, &err),
              0);
    EXPECT_NE(out.find("4 would stop some output before they recover"), std::string::npos) << out;
    EXPECT_NE(out.find("s0"), std::string::npos);
    EXPECT_EQ(out.find("s17"), std::string::npos) << "--top 2 shows two sites";

    const QJsonObject o = runJson({"--as-of", "2025-08-01", "--horizon", "120", "--top", "2"});
    EXPECT_GT(o["sites"].toArray().size(), 2);
}

TEST_F(CriticalityCli, RecoveryDaysSetsTheDefaultTtr) {
    // With a default TTR of 50 days: s75 (TTS 47) is still at risk, s0 (TTS 54) and s17
    // (TTS 61) recover before their stock runs out, and so does s65 (TTS 57).
    const QJsonObject o =
        runJson({"--as-of", "2025-08-01", "--horizon", "120", "--recovery-days", "50"});
    EXPECT_EQ(o["default_recovery_days"].toInt(), 50);
    int atRisk = 0;
    for (const auto& v : o["sites"].toArray()) {
        const QJsonObject s = v.toObject();
        EXPECT_EQ(s["ttr_days"].toInt(), 50);
        atRisk += s["at_risk"].toBool();
        if (s["id"] == "s0") {
            EXPECT_EQ(s["lost_revenue"].toDouble(), 0.0);
        }
    }
    EXPECT_EQ(atRisk, 1);
    EXPECT_EQ(o["sites"].toArray()[0].toObject()["id"].toString(), "s75");
}

TEST_F(CriticalityCli, BadUsageAndMissingWorkspace) {
    std::string out, err;
    for (const auto& bad : std::vector<std::vector<std::string>>{{"--horizon", "0"},
                                                                 {"--horizon", "ten"},
                                                                 {"--recovery-days", "-1"},
                                                                 {"--top", "0"},
                                                                 {"--as-of", "2025-13-01"},
                                                                 {"--format", "xml"}}) {
        std::vector<std::string> args = {"criticality", s_ws};
        args.insert(args.end(), bad.begin(), bad.end());
        EXPECT_EQ(test::runChokepoint(args, &out, &err), 2) << bad[0] << " " << bad[1];
        EXPECT_NE(err.find("usage: chokepoint criticality"), std::string::npos) << err;
    }
    EXPECT_EQ(test::runChokepoint({"criticality"}, &out, &err), 2);
    EXPECT_EQ(test::runChokepoint({"criticality", s_tmp->file("none.chokepoint")}, &out, &err), 1);
}
