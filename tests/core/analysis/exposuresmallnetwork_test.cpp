// SPDX-License-Identifier: MIT
// The worked example of tests/data/small-network: every figure of the expected exposure
// files (computed by a separate implementation), relative tolerance 1e-6.
#include <cmath>
#include <gtest/gtest.h>
#include <map>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/analysis/exposureengine.h"
#include "tests/core/analysis/exposurereference.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

using namespace core::analysis;

void expectFigure(const QJsonValue& expected, const std::optional<double>& actual,
                  const std::string& what) {
    if (expected.isNull() || expected.isUndefined()) {
        EXPECT_FALSE(actual) << what << " should be null";
        return;
    }
    ASSERT_TRUE(expected.isDouble()) << what;
    ASSERT_TRUE(actual) << what << " is missing";
    const double e = expected.toDouble();
    EXPECT_LE(std::fabs(*actual - e), 1e-6 * std::max(std::fabs(e), std::fabs(*actual)) + 1e-12)
        << what << ": expected " << e << ", got " << *actual;
}

// One expected file: its name and the options that produced it.
struct Case {
    const char* file;
    bool assumeScheduled;
};

class SmallNetwork : public ::testing::TestWithParam<Case> {
protected:
    QJsonObject expectedFile() const {
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromStdString(readFile(dataDir() + "/small-network/" + GetParam().file)));
        EXPECT_TRUE(doc.isObject());
        return doc.object();
    }
};

// Every key of every entry of the expected file is checked (an unknown key fails).
TEST_P(SmallNetwork, MatchesTheWorkedExample) {
    const QJsonObject expected = expectedFile();
    const core::Dataset data = datasetFromFolder(dataDir() + "/small-network/data");
    const Network net(data);
    const ExposureEngine engine(net);
    const auto lens = parseLens(expected["lens"].toString().toStdString());
    ASSERT_TRUE(lens);
    const auto asOf = core::Date::parse(expected["as_of"].toString().toStdString());
    ASSERT_TRUE(asOf);
    const ExposureResult r = engine.compute(*lens, *asOf, GetParam().assumeScheduled);
    // The slow reference of SPEC §3 must agree with the expected file too.
    const auto ref = reference::exposure(data, expected["lens"].toString().toStdString(), *asOf,
                                         GetParam().assumeScheduled);

    size_t compared = 0, expectedCount = 0;
    auto check = [&](const QJsonObject& e, const std::string& id,
                     const std::map<std::string, std::optional<double>>& engineFigures,
                     const std::map<std::string, std::optional<double>>& referenceFigures) {
        for (auto it = e.begin(); it != e.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (key == "id" || key == "name")
                continue;
            ++expectedCount;
            const auto f = engineFigures.find(key);
            if (f == engineFigures.end()) {
                ADD_FAILURE() << id << ": expected key " << key << " is not checked";
                continue;
            }
            expectFigure(it.value(), f->second, id + " " + key);
            if (const auto g = referenceFigures.find(key); g != referenceFigures.end())
                expectFigure(it.value(), g->second, id + " " + key + " (reference)");
            ++compared;
        }
    };

    const QJsonArray materials = expected["materials"].toArray();
    ASSERT_EQ(size_t(materials.size()), r.materials.size());
    for (qsizetype i = 0; i < materials.size(); ++i) {
        const QJsonObject e = materials[i].toObject();
        const MaterialExposure& m = r.materials[size_t(i)];
        const std::string id = net.materials.id(m.material);
        ASSERT_EQ(e["id"].toString().toStdString(), id);
        const auto& rm = ref.materials.at(id);
        check(e, id,
              {{"dependence", m.dependence},
               {"dependence_low", m.dependenceLow},
               {"dependence_high", m.dependenceHigh},
               {"direct_share", m.directShare},
               {"spend_at_risk", m.spendAtRisk},
               {"hhi", m.hhi},
               {"world_hhi", m.worldHhi}},
              {{"dependence", rm.dependence},
               {"dependence_low", rm.dependenceLow},
               {"dependence_high", rm.dependenceHigh},
               {"direct_share", rm.directShare},
               {"spend_at_risk", rm.spendAtRisk},
               {"hhi", rm.hhi},
               {"world_hhi", rm.worldHhi}});
    }
    const QJsonArray products = expected["products"].toArray();
    ASSERT_EQ(size_t(products.size()), r.products.size());
    for (qsizetype i = 0; i < products.size(); ++i) {
        const QJsonObject e = products[i].toObject();
        const ProductExposure& p = r.products[size_t(i)];
        const std::string id = net.products.id(p.product);
        ASSERT_EQ(e["id"].toString().toStdString(), id);
        const auto& rp = ref.products.at(id);
        check(e, id,
              {{"dependence", p.dependence},
               {"dependence_low", p.dependenceLow},
               {"dependence_high", p.dependenceHigh},
               {"revenue_at_risk", p.revenueAtRisk},
               {"revenue_at_risk_low", p.revenueAtRiskLow},
               {"revenue_at_risk_high", p.revenueAtRiskHigh}},
              {{"dependence", rp.dependence},
               {"dependence_low", rp.dependenceLow},
               {"dependence_high", rp.dependenceHigh},
               {"revenue_at_risk", rp.revenueAtRisk},
               {"revenue_at_risk_low", rp.revenueAtRiskLow},
               {"revenue_at_risk_high", rp.revenueAtRiskHigh}});
    }
    const QJsonArray suppliers = expected["suppliers"].toArray();
    ASSERT_EQ(size_t(suppliers.size()), r.suppliers.size());
    for (qsizetype i = 0; i < suppliers.size(); ++i) {
        const QJsonObject e = suppliers[i].toObject();
        const SupplierExposure& s = r.suppliers[size_t(i)];
        const std::string id = net.suppliers.id(s.supplier);
        ASSERT_EQ(e["id"].toString().toStdString(), id);
        check(e, id, {{"dependence", s.dependence}}, {{"dependence", ref.suppliers.at(id)}});
    }
    EXPECT_EQ(compared, expectedCount);
    // 5 materials · 7 + 2 products · 6 + 13 suppliers.
    EXPECT_EQ(compared, 60u);
}

INSTANTIATE_TEST_SUITE_P(
    Files, SmallNetwork,
    ::testing::Values(Case{"expected-exposure-location-2025-08-01.json", false},
                      Case{"expected-exposure-owned-2025-08-01.json", false},
                      Case{"expected-exposure-controlled-2025-08-01.json", false},
                      Case{"expected-exposure-controlled-2026-12-07.json", false},
                      Case{"expected-exposure-controlled-2026-12-07-assume-scheduled.json", true}),
    [](const auto& info) {
        std::string n = info.param.file;
        n = n.substr(std::string("expected-exposure-").size());
        n = n.substr(0, n.size() - std::string(".json").size());
        for (char& c : n)
            if (c == '-')
                c = '_';
        return n;
    });

// After the cut-off (2026-01-31) the scheduled resumption ctl_c_r (due 2026-11-10) counts
// only when assumed. Its only item is m1_0, which no site buys and of which China has no world
// share, so U(m1_0, d) = 0 either way: the two expected files hold the same figures, and the
// measure's state is what differs.
TEST(SmallNetworkCutoff, TheScheduledResumptionCountsOnlyWhenAssumed) {
    auto read = [](const char* f) {
        return QJsonDocument::fromJson(
                   QByteArray::fromStdString(readFile(dataDir() + "/small-network/" + f)))
            .object();
    };
    const QJsonObject off = read("expected-exposure-controlled-2026-12-07.json");
    const QJsonObject on = read("expected-exposure-controlled-2026-12-07-assume-scheduled.json");
    EXPECT_EQ(off["materials"], on["materials"]);
    const Network net(datasetFromFolder(dataDir() + "/small-network/data"));
    ASSERT_TRUE(net.referenceCutoff());
    EXPECT_EQ(net.referenceCutoff()->toString(), "2026-01-31");
    const Index resumption = net.controlIds.find("ctl_c_r");
    const auto day = *core::Date::parse("2026-12-07");
    EXPECT_TRUE(afterReferenceCutoff(net, day));
    EXPECT_FALSE(ControlState(net, day).inForce(resumption));
    EXPECT_TRUE(ControlState(net, day, true).inForce(resumption));
    EXPECT_FALSE(ControlState(net, *core::Date::parse("2026-11-09"), true).inForce(resumption));
}

} // namespace
} // namespace chokepoint::test
