// SPDX-License-Identifier: MIT
// The worked example of tests/data/small-network: every figure of the expected exposure
// files (computed by a separate implementation), relative tolerance 1e-6.
#include <cmath>
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/analysis/exposureengine.h"
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

class SmallNetwork : public ::testing::TestWithParam<const char*> {};

TEST_P(SmallNetwork, MatchesTheWorkedExample) {
    const std::string lensName = GetParam();
    const std::string dir = dataDir() + "/small-network";
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(
        readFile(dir + "/expected-exposure-" + lensName + "-2025-08-01.json")));
    ASSERT_TRUE(doc.isObject());
    const QJsonObject expected = doc.object();
    ASSERT_EQ(expected["lens"].toString().toStdString(), lensName);

    const Network net(datasetFromFolder(dir + "/data"));
    const ExposureEngine engine(net);
    const auto lens = parseLens(lensName);
    ASSERT_TRUE(lens);
    const auto asOf = core::Date::parse(expected["as_of"].toString().toStdString());
    ASSERT_TRUE(asOf);
    const ExposureResult r = engine.compute(*lens, *asOf);

    size_t compared = 0;
    const QJsonArray materials = expected["materials"].toArray();
    ASSERT_EQ(size_t(materials.size()), r.materials.size());
    for (qsizetype i = 0; i < materials.size(); ++i) {
        const QJsonObject e = materials[i].toObject();
        const MaterialExposure& m = r.materials[size_t(i)];
        const std::string id = net.materials.id(m.material);
        ASSERT_EQ(e["id"].toString().toStdString(), id);
        expectFigure(e["dependence"], m.dependence, id + " dependence");
        expectFigure(e["direct_share"], m.directShare, id + " direct_share");
        expectFigure(e["spend_at_risk"], m.spendAtRisk, id + " spend_at_risk");
        expectFigure(e["hhi"], m.hhi, id + " hhi");
        expectFigure(e["world_hhi"], m.worldHhi, id + " world_hhi");
        compared += 5;
    }
    const QJsonArray products = expected["products"].toArray();
    ASSERT_EQ(size_t(products.size()), r.products.size());
    for (qsizetype i = 0; i < products.size(); ++i) {
        const QJsonObject e = products[i].toObject();
        const ProductExposure& p = r.products[size_t(i)];
        const std::string id = net.products.id(p.product);
        ASSERT_EQ(e["id"].toString().toStdString(), id);
        expectFigure(e["dependence"], p.dependence, id + " dependence");
        expectFigure(e["revenue_at_risk"], p.revenueAtRisk, id + " revenue_at_risk");
        compared += 2;
    }
    const QJsonArray suppliers = expected["suppliers"].toArray();
    ASSERT_EQ(size_t(suppliers.size()), r.suppliers.size());
    for (qsizetype i = 0; i < suppliers.size(); ++i) {
        const QJsonObject e = suppliers[i].toObject();
        const SupplierExposure& s = r.suppliers[size_t(i)];
        const std::string id = net.suppliers.id(s.supplier);
        ASSERT_EQ(e["id"].toString().toStdString(), id);
        expectFigure(e["dependence"], s.dependence, id + " dependence");
        ++compared;
    }
    EXPECT_EQ(compared, size_t(5 * materials.size() + 2 * products.size() + suppliers.size()));
    EXPECT_GT(compared, 40u);
}

INSTANTIATE_TEST_SUITE_P(Lenses, SmallNetwork,
                         ::testing::Values("location", "owned", "controlled"));

} // namespace
} // namespace chokepoint::test
