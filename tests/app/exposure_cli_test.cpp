// SPDX-License-Identifier: MIT
// `chokepoint exposure` and `chokepoint generate` through the real executable.
#include <cmath>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/model/date.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

std::set<std::string> keysOf(const QJsonObject& o) {
    std::set<std::string> keys;
    for (const auto& k : o.keys())
        keys.insert(k.toStdString());
    return keys;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        out.push_back(line);
    }
    return out;
}

class ExposureCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        s_ws = s_dir->file("small.chokepoint");
        std::string err;
        ASSERT_EQ(runChokepoint({"init", s_ws, "--empty"}, nullptr, &err), 0) << err;
        ASSERT_EQ(runChokepoint({"import", s_ws, dataDir() + "/small-network/data"}, nullptr, &err),
                  0)
            << err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static int run(std::vector<std::string> args, std::string* out, std::string* err = nullptr) {
        args.insert(args.begin(), {"exposure", s_ws});
        return runChokepoint(args, out, err);
    }
    static inline TempDir* s_dir = nullptr;
    static inline std::string s_ws;
};

TEST_F(ExposureCli, JsonCarriesExactlyTheSpecKeys) {
    std::string out, err;
    ASSERT_EQ(run({"--lens", "owned", "--as-of", "2025-08-01", "--format", "json"}, &out, &err), 0)
        << err;
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &pe);
    ASSERT_EQ(pe.error, QJsonParseError::NoError) << out;
    const QJsonObject o = doc.object();
    // SPEC §5, plus after_reference_cutoff (docs/json-output.md).
    EXPECT_EQ(keysOf(o), (std::set<std::string>{"lens", "as_of", "reference_cutoff",
                                                "assume_scheduled", "after_reference_cutoff",
                                                "materials", "products", "suppliers"}));
    EXPECT_EQ(o["lens"].toString(), "owned");
    EXPECT_EQ(o["as_of"].toString(), "2025-08-01");
    EXPECT_EQ(o["reference_cutoff"].toString(), "2026-01-31"); // the example's profile
    EXPECT_EQ(o["assume_scheduled"], QJsonValue(false));
    EXPECT_EQ(o["after_reference_cutoff"], QJsonValue(false));
    const auto materials = o["materials"].toArray();
    ASSERT_EQ(materials.size(), 5);
    for (const auto& m : materials) {
        EXPECT_EQ(
            keysOf(m.toObject()),
            (std::set<std::string>{"id", "name", "dependence", "dependence_low", "dependence_high",
                                   "direct_share", "spend_at_risk", "hhi", "world_hhi"}));
        EXPECT_TRUE(m.toObject()["dependence"].isDouble());
    }
    // Figure from the worked example's expected file (tests/data/small-network).
    EXPECT_EQ(materials[1].toObject()["id"].toString(), "m0_1");
    EXPECT_NEAR(materials[1].toObject()["dependence"].toDouble(), 0.9999995888000001, 1e-12);
    EXPECT_EQ(materials[1].toObject()["name"].toString(), "Material m0_1");
    const auto products = o["products"].toArray();
    ASSERT_EQ(products.size(), 2);
    for (const auto& p : products)
        EXPECT_EQ(keysOf(p.toObject()),
                  (std::set<std::string>{"id", "name", "dependence", "dependence_low",
                                         "dependence_high", "revenue_at_risk",
                                         "revenue_at_risk_low", "revenue_at_risk_high"}));
    const auto suppliers = o["suppliers"].toArray();
    ASSERT_EQ(suppliers.size(), 13); // only the tier-1 suppliers
    std::string previous;
    for (const auto& s : suppliers) {
        EXPECT_EQ(keysOf(s.toObject()), (std::set<std::string>{"id", "name", "dependence"}));
        const std::string id = s.toObject()["id"].toString().toStdString();
        EXPECT_LT(previous, id); // plain string order: sup0, sup102, sup114, sup17, ...
        previous = id;
    }
    EXPECT_EQ(suppliers[1].toObject()["id"].toString(), "sup102");
}

TEST_F(ExposureCli, JsonAlwaysCarriesAllListsAndDefaultsToLocationToday) {
    std::string out;
    const std::string before = core::Date::today().toString();
    ASSERT_EQ(run({"--format", "json", "--by", "supplier"}, &out), 0);
    const std::string after = core::Date::today().toString();
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
    EXPECT_EQ(o["lens"].toString(), "location");
    const std::string asOf = o["as_of"].toString().toStdString();
    EXPECT_TRUE(asOf == before || asOf == after) << asOf;
    EXPECT_EQ(o["materials"].toArray().size(), 5);
    EXPECT_EQ(o["products"].toArray().size(), 2);
}

TEST_F(ExposureCli, CsvHeadersPerList) {
    std::string out;
    ASSERT_EQ(run({"--as-of", "2025-08-01", "--format", "csv", "--by", "material"}, &out), 0);
    auto l = lines(out);
    ASSERT_EQ(l.size(), 6u);
    EXPECT_EQ(l[0], "id,name,dependence,dependence_low,dependence_high,direct_share,"
                    "spend_at_risk,hhi,world_hhi");
    // The worked example: location, m0_0, 0.9735561951 (0.9356911360 to 1).
    EXPECT_EQ(l[1].rfind("m0_0,Material m0_0,0.97355619513", 0), 0u) << l[1];
    EXPECT_NE(l[1].find(",0.935691136023,1,"), std::string::npos) << l[1];

    ASSERT_EQ(run({"--format", "csv", "--by", "product"}, &out), 0);
    EXPECT_EQ(lines(out)[0], "id,name,dependence,dependence_low,dependence_high,revenue_at_risk,"
                             "revenue_at_risk_low,revenue_at_risk_high");
    ASSERT_EQ(run({"--format", "csv", "--by", "supplier"}, &out), 0);
    l = lines(out);
    EXPECT_EQ(l[0], "id,name,dependence");
    EXPECT_EQ(l.size(), 14u);

    ASSERT_EQ(run({"--format", "csv"}, &out), 0);
    l = lines(out);
    EXPECT_EQ(l[0], "list,id,name,dependence,dependence_low,dependence_high,direct_share,"
                    "spend_at_risk,hhi,world_hhi,revenue_at_risk,revenue_at_risk_low,"
                    "revenue_at_risk_high");
    EXPECT_EQ(l.size(), 1u + 5 + 2 + 13);
    for (size_t i = 1; i < l.size(); ++i)
        EXPECT_EQ(std::count(l[i].begin(), l[i].end(), ','), 12) << l[i];
}

// Every expected exposure file of the worked example through the command line: every key and
// figure (1e-6 relative), null where it is null.
TEST_F(ExposureCli, MatchesEveryExpectedFileOfTheWorkedExample) {
    struct Case {
        const char* file;
        std::vector<std::string> args;
    };
    const std::vector<Case> cases = {
        {"expected-exposure-location-2025-08-01.json",
         {"--lens", "location", "--as-of", "2025-08-01"}},
        {"expected-exposure-owned-2025-08-01.json", {"--lens", "owned", "--as-of", "2025-08-01"}},
        {"expected-exposure-controlled-2025-08-01.json",
         {"--lens", "controlled", "--as-of", "2025-08-01"}},
        {"expected-exposure-controlled-2026-12-07.json",
         {"--lens", "controlled", "--as-of", "2026-12-07"}},
        {"expected-exposure-controlled-2026-12-07-assume-scheduled.json",
         {"--lens", "controlled", "--as-of", "2026-12-07", "--assume-scheduled"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        std::vector<std::string> args = c.args;
        args.insert(args.end(), {"--format", "json"});
        std::string out, err;
        ASSERT_EQ(run(args, &out, &err), 0) << err;
        const QJsonObject actual = QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
        const QJsonObject expected =
            QJsonDocument::fromJson(
                QByteArray::fromStdString(readFile(dataDir() + "/small-network/" + c.file)))
                .object();
        const bool assumed = c.args.back() == "--assume-scheduled";
        EXPECT_EQ(actual["assume_scheduled"], QJsonValue(assumed));
        EXPECT_EQ(actual["after_reference_cutoff"],
                  QJsonValue(c.args[3] == "2026-12-07")); // cut-off 2026-01-31
        size_t figures = 0;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QJsonValue a = actual[it.key()];
            if (!it.value().isArray()) {
                EXPECT_EQ(a, it.value()) << it.key().toStdString();
                continue;
            }
            const QJsonArray e = it.value().toArray(), got = a.toArray();
            ASSERT_EQ(got.size(), e.size()) << it.key().toStdString();
            for (qsizetype i = 0; i < e.size(); ++i) {
                const QJsonObject eo = e[i].toObject(), ao = got[i].toObject();
                for (auto f = eo.begin(); f != eo.end(); ++f) {
                    const std::string what = it.key().toStdString() + "[" +
                                             eo["id"].toString().toStdString() + "]." +
                                             f.key().toStdString();
                    ASSERT_TRUE(ao.contains(f.key())) << what;
                    if (f.value().isDouble()) {
                        ASSERT_TRUE(ao[f.key()].isDouble()) << what;
                        const double x = f.value().toDouble(), y = ao[f.key()].toDouble();
                        EXPECT_NEAR(y, x, 1e-6 * std::max(1.0, std::fabs(x))) << what;
                        ++figures;
                    } else {
                        EXPECT_EQ(ao[f.key()], f.value()) << what;
                    }
                }
            }
        }
        EXPECT_GE(figures, 60u);
    }
}

TEST_F(ExposureCli, TableReadsWellInATerminal) {
    std::string out;
    ASSERT_EQ(run({"--as-of", "2025-08-01"}, &out), 0);
    EXPECT_NE(out.find("lens location, as of 2025-08-01"), std::string::npos);
    EXPECT_NE(out.find("Materials"), std::string::npos);
    EXPECT_NE(out.find("Products"), std::string::npos);
    EXPECT_NE(out.find("suppliers"), std::string::npos);
    // m0_0's location dependence 0.97355... and spend at risk $155.23 m (expected file)
    EXPECT_NE(out.find("97.4 %"), std::string::npos) << out;
    EXPECT_NE(out.find("$155.2 m"), std::string::npos) << out;

    ASSERT_EQ(run({"--as-of", "2025-08-01", "--by", "product"}, &out), 0);
    EXPECT_EQ(out.find("Materials"), std::string::npos);
    EXPECT_NE(out.find("Products"), std::string::npos);
    // Aligned: the header and every row of the product table have the same width here.
    const auto l = lines(out);
    size_t header = 0;
    while (header < l.size() && l[header].rfind("Product ", 0) != 0)
        ++header;
    ASSERT_LT(header + 3, l.size());
    EXPECT_EQ(l[header].size(), l[header + 1].size());
    EXPECT_EQ(l[header + 2].size(), l[header + 1].size());
}

TEST_F(ExposureCli, BadUsageIsExitCodeTwo) {
    std::string out, err;
    EXPECT_EQ(run({"--lens", "nearby"}, &out, &err), 2);
    EXPECT_NE(err.find("unknown lens 'nearby'"), std::string::npos) << err;
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(run({"--as-of", "2025-02-30"}, &out, &err), 2);
    EXPECT_NE(err.find("--as-of '2025-02-30' is not a date (YYYY-MM-DD)"), std::string::npos)
        << err;
    EXPECT_EQ(run({"--as-of", "yesterday"}, &out, &err), 2);
    // Year 0 does not exist in QDate: charts that step through months never ended (issue 17).
    for (const char* outside : {"0000-01-01", "1899-12-31", "2201-01-01"}) {
        EXPECT_EQ(run({"--as-of", outside}, &out, &err), 2) << outside;
        EXPECT_NE(err.find("is outside the supported range 1900-01-01 to 2200-12-31"),
                  std::string::npos)
            << err;
    }
    EXPECT_EQ(run({"--as-of", "2200-12-31"}, &out, &err), 0) << err;
    EXPECT_EQ(run({"--by", "country"}, &out, &err), 2);
    EXPECT_NE(err.find("--by"), std::string::npos) << err;
    EXPECT_EQ(run({"--format", "xml"}, &out, &err), 2);
    EXPECT_NE(err.find("unknown format 'xml'"), std::string::npos) << err;
    EXPECT_EQ(run({"--colour"}, &out, &err), 2);
    EXPECT_EQ(runChokepoint({"exposure"}, &out, &err), 2);
}

TEST_F(ExposureCli, UnopenableWorkspaceIsExitCodeOne) {
    TempDir dir;
    std::string out, err;
    EXPECT_EQ(runChokepoint({"exposure", dir.file("missing.chokepoint")}, &out, &err), 1);
    EXPECT_FALSE(err.empty());
    const std::string garbage = dir.write("garbage.chokepoint", "this is not a database");
    EXPECT_EQ(runChokepoint({"exposure", garbage}, &out, &err), 1);
    EXPECT_NE(err.find("garbage.chokepoint"), std::string::npos) << err;
}

TEST(GenerateCli, WritesAnImportableFolder) {
    TempDir dir;
    std::string out, err;
    ASSERT_EQ(runChokepoint(
                  {"generate", dir.file("net"), "--sites", "200", "--tiers", "3", "--seed", "9"},
                  &out, &err),
              0)
        << err;
    EXPECT_NE(out.find("200 sites"), std::string::npos) << out;
    const std::string first = readFile(dir.file("net/supply.csv"));
    EXPECT_GT(std::count(first.begin(), first.end(), '\n'), 1000);
    ASSERT_EQ(runChokepoint(
                  {"generate", dir.file("again"), "--sites", "200", "--tiers", "3", "--seed", "9"}),
              0);
    EXPECT_EQ(readFile(dir.file("again/supply.csv")), first); // same seed, same files
    ASSERT_EQ(runChokepoint({"init", dir.file("ws.chokepoint"), "--empty"}), 0);
    ASSERT_EQ(runChokepoint({"import", dir.file("ws.chokepoint"), dir.file("net")}, &out, &err), 0)
        << err;
    ASSERT_EQ(runChokepoint({"exposure", dir.file("ws.chokepoint"), "--lens", "controlled",
                             "--as-of", "2025-08-01", "--format", "json"},
                            &out, &err),
              0)
        << err;
    EXPECT_FALSE(QJsonDocument::fromJson(QByteArray::fromStdString(out))
                     .object()["materials"]
                     .toArray()
                     .isEmpty());
}

TEST(GenerateCli, BadUsageIsExitCodeTwo) {
    TempDir dir;
    std::string err;
    EXPECT_EQ(runChokepoint({"generate", dir.file("x")}, nullptr, &err), 2);
    EXPECT_NE(err.find("--sites"), std::string::npos) << err;
    EXPECT_EQ(runChokepoint({"generate", dir.file("x"), "--sites", "many"}, nullptr, &err), 2);
    EXPECT_EQ(runChokepoint({"generate", dir.file("x"), "--sites", "3"}, nullptr, &err), 2);
    EXPECT_EQ(
        runChokepoint({"generate", dir.file("x"), "--sites", "100", "--tiers", "1"}, nullptr, &err),
        2);
    EXPECT_EQ(
        runChokepoint({"generate", dir.file("x"), "--sites", "100", "--seed", "-1"}, nullptr, &err),
        2);
}

} // namespace
} // namespace chokepoint::test
