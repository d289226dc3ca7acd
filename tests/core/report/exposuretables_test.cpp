// SPDX-License-Identifier: MIT
// The report's exposure tables on a network small enough to work out by hand: each product row
// shows its own per-lens figures, whatever order products come in, and a world share the data
// does not have reads "unknown", not 0 %.
#include <gtest/gtest.h>

#include "core/analysis/network.h"
#include "core/report/reportbuilder.h"
#include "tests/core/report/reporttestutil.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

namespace rp = core::report;

// Products in data order z_motor, a_sensor (the reverse of their id order). We buy:
//   magnet from cn (a Chinese site, 100 %), under a Chinese material licence in force;
//   chip from de_owned (German site of a Chinese-owned supplier, 50 %) and de (50 %).
// z_motor needs magnet: location 1, owned 1, controls 1.
// a_sensor needs chip:  location 0, owned 0.5 (only de_owned counts), controls 0.
// No supply is of unknown origin (shares sum to 1), so world shares change no dependence.
// World shares: magnet CHN 0.9; chip only DEU 0.4 (China's share unknown).
core::Dataset twoProducts() {
    return datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\n"},
        {"profile", "key,value\ncompany_country,DEU\n"},
        {"materials", "id,name,stage\nmagnet,Magnet,magnet\nchip,Chip,component\n"},
        {"world_shares", "material_id,country,share\nmagnet,CHN,0.9\nchip,DEU,0.4\n"},
        {"controls", "id,issuer,title,effective,kind\nc1,CHN,Magnet licence,2024-01-01,licence\n"},
        {"control_items", "control_id,item_kind,item_id\nc1,material,magnet\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn_sup,CN,CHN,CHN\n"
                      "cn_owned,Owned,DEU,CHN\nde_sup,DE,DEU,DEU\n"},
        {"sites", "id,supplier_id,country\ncn,cn_sup,CHN\nde_owned,cn_owned,DEU\nde,de_sup,DEU\n"},
        {"products", "id,name,annual_volume,unit_price\nz_motor,Motor,100,10\n"
                     "a_sensor,Sensor,200,5\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\nz_motor,magnet,1\n"
                        "a_sensor,chip,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",magnet,cn,1,100\n,chip,de_owned,0.5,50\n,chip,de,0.5,50\n"},
    });
}

class ExposureTables : public ::testing::Test {
protected:
    void SetUp() override {
        net = std::make_unique<core::analysis::Network>(twoProducts());
        rp::ReportOptions options;
        options.asOf = core::Date::fromYmd(2025, 8, 1);
        options.sections = {rp::SectionId::Products, rp::SectionId::Materials};
        auto built = rp::buildReport(*net, options);
        ASSERT_TRUE(built.ok()) << built.errorString();
        doc = std::move(*built);
    }
    // The row of the table whose first cell reads `name`.
    const std::vector<rp::Cell>* row(const rp::Table& t, const std::string& name) const {
        for (const auto& r : t.rows)
            if (!r.empty() && r[0].display() == name)
                return &r;
        ADD_FAILURE() << "no row " << name;
        return nullptr;
    }
    int column(const rp::Table& t, const std::string& title) const {
        for (size_t c = 0; c < t.columns.size(); ++c)
            if (t.columns[c].title == title)
                return int(c);
        ADD_FAILURE() << "no column " << title;
        return 0;
    }

    std::unique_ptr<core::analysis::Network> net;
    rp::ReportDocument doc;
};

TEST_F(ExposureTables, EachProductRowShowsItsOwnLensFigures) {
    const rp::Table& t = table(doc, rp::SectionId::Products, "products");
    ASSERT_EQ(t.rows.size(), 2u);
    const int location = column(t, "Location"), owned = column(t, "Ownership"),
              controls = column(t, "Controls");
    const auto* motor = row(t, "Motor");
    const auto* sensor = row(t, "Sensor");
    ASSERT_TRUE(motor && sensor);
    EXPECT_EQ((*motor)[size_t(location)].number, 1.0);
    EXPECT_EQ((*motor)[size_t(owned)].number, 1.0);
    EXPECT_EQ((*motor)[size_t(controls)].number, 1.0);
    EXPECT_EQ((*sensor)[size_t(location)].number, 0.0);
    EXPECT_EQ((*sensor)[size_t(owned)].number, 0.5);
    EXPECT_EQ((*sensor)[size_t(controls)].number, 0.0);
    for (const auto* r : {motor, sensor})
        for (const int c : {location, owned, controls})
            EXPECT_TRUE((*r)[size_t(c)].isNumeric());
}

TEST_F(ExposureTables, AMissingWorldShareIsUnknownNotZero) {
    const rp::Table& t = table(doc, rp::SectionId::Materials, "materials");
    const int share = column(t, "China's world share");
    const auto* magnet = row(t, "Magnet");
    const auto* chip = row(t, "Chip");
    ASSERT_TRUE(magnet && chip);
    EXPECT_EQ((*magnet)[size_t(share)].number, 0.9);
    EXPECT_EQ((*magnet)[size_t(share)].display(), "90.0 %");
    // Only Germany's share of chips is known: China's is unknown, not 0 %.
    EXPECT_EQ((*chip)[size_t(share)].display(), "unknown");
    EXPECT_FALSE((*chip)[size_t(share)].isNumeric());
}

} // namespace
} // namespace chokepoint::test
