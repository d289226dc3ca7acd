// SPDX-License-Identifier: MIT
// Regression check of `chokepoint exposure` on the bundled data set against
// tests/data/golden/bundled-exposure-<lens>-2025-08-01.json. The golden files are written
// deliberately with tools/update_golden.sh (after checking the change is intended); while one
// is missing its case is skipped.
#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

// Same structure, same strings and nulls, numbers within 1e-9 relative.
void expectSameJson(const QJsonValue& golden, const QJsonValue& actual, const std::string& path) {
    ASSERT_EQ(golden.type(), actual.type()) << path;
    switch (golden.type()) {
    case QJsonValue::Double: {
        const double g = golden.toDouble(), a = actual.toDouble();
        EXPECT_LE(std::fabs(g - a), 1e-9 * std::max({1.0, std::fabs(g), std::fabs(a)}))
            << path << ": golden " << g << ", now " << a;
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray ga = golden.toArray(), aa = actual.toArray();
        ASSERT_EQ(ga.size(), aa.size()) << path;
        for (qsizetype i = 0; i < ga.size(); ++i)
            expectSameJson(ga[i], aa[i], path + "[" + std::to_string(i) + "]");
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject go = golden.toObject(), ao = actual.toObject();
        EXPECT_EQ(go.keys(), ao.keys()) << path;
        for (const auto& k : go.keys())
            if (ao.contains(k))
                expectSameJson(go[k], ao[k], path + "." + k.toStdString());
        break;
    }
    default:
        EXPECT_EQ(golden, actual) << path;
    }
}

class BundledGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(BundledGolden, ExposureMatchesTheGoldenFile) {
    const std::string lens = GetParam();
    const std::string golden = dataDir() + "/golden/bundled-exposure-" + lens + "-2025-08-01.json";
    if (!std::filesystem::exists(golden))
        GTEST_SKIP() << golden << " does not exist yet; create it with tools/update_golden.sh";

    TempDir dir;
    const std::string ws = dir.file("bundled.chokepoint");
    std::string out, err;
    ASSERT_EQ(runChokepoint({"init", ws}, nullptr, &err), 0) << err;
    ASSERT_EQ(
        runChokepoint({"exposure", ws, "--lens", lens, "--as-of", "2025-08-01", "--format", "json"},
                      &out, &err),
        0)
        << err;
    QJsonParseError pe;
    const auto expected = QJsonDocument::fromJson(QByteArray::fromStdString(readFile(golden)), &pe);
    ASSERT_EQ(pe.error, QJsonParseError::NoError) << golden;
    const auto actual = QJsonDocument::fromJson(QByteArray::fromStdString(out), &pe);
    ASSERT_EQ(pe.error, QJsonParseError::NoError) << out;
    expectSameJson(expected.object(), actual.object(), lens);
}

INSTANTIATE_TEST_SUITE_P(Lenses, BundledGolden,
                         ::testing::Values("location", "owned", "controlled"));

} // namespace
} // namespace chokepoint::test
