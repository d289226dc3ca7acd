// SPDX-License-Identifier: MIT
// The Technologies × sites matrix at scale: its rotated header is measured once, not once per
// column (0.1.0 froze the window for four minutes on 12,000 columns), and more sites than a
// matrix can show are grouped by country, with the grouping said in words.
#include <gtest/gtest.h>

#include <QAbstractTableModel>
#include <QTableView>

#include "core/io/bundled.h"
#include "tests/ui/uitestsupport.h"
#include "ui/pages/controls/coveragematrixmodel.h"
#include "ui/pages/controls/matrixview.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;
using S = CoverageMatrixModel::State;

// One row, `columns` columns; counts how often the view asks for a column's name.
class CountingModel : public QAbstractTableModel {
public:
    explicit CountingModel(int columns)
        : m_columns(columns) {}
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 1; }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : m_columns;
    }
    QVariant data(const QModelIndex&, int) const override { return {}; }
    QVariant headerData(int section, Qt::Orientation o, int role) const override {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        ++asked;
        return QStringLiteral("Plant number %1").arg(section);
    }
    void reset(int columns) {
        beginResetModel();
        m_columns = columns;
        endResetModel();
    }
    mutable long long asked = 0;

private:
    int m_columns;
};

TEST(RotatedHeader, MeasuresTheNamesOncePerModelNotOncePerColumn) {
    const int n = 3000;
    CountingModel model(n);
    QTableView view;
    auto* header = new RotatedHeader(&view);
    view.setHorizontalHeader(header);
    view.setModel(&model);
    view.resize(800, 400);
    view.show();
    view.resizeColumnsToContents(); // what 0.1.0's page did: N sections × N names
    (void)view.grab();
    // A handful of passes over the names at most (the measure, painting the visible ones).
    EXPECT_LT(model.asked, 4LL * n);
    const int height = header->sizeHint().height();
    // "Plant number 2999" is the longest name; a longer one after a reset makes it taller.
    model.reset(10);
    EXPECT_LE(header->sizeHint().height(), height);
    EXPECT_GE(header->sizeHint().height(), 40);
}

class CoverageMatrixScale : public ::testing::Test {
protected:
    void SetUp() override {
        auto data = core::io::bundledDataset();
        ASSERT_TRUE(data.ok());
        raw = std::move(*data);
        ASSERT_GE(raw.technologies.size(), 2u);
        a = raw.technologies[0].id;
        b = raw.technologies[1].id;
    }
    // 180 new sites in China and 120 in Germany, all with technology a; every second German
    // site also with b. The bundled sites' own technologies are dropped.
    void addSites(int chinese, int german) {
        raw.siteTechnologies.clear();
        for (int i = 0; i < chinese + german; ++i) {
            const std::string id = "x" + std::to_string(i);
            const bool cn = i < chinese;
            raw.sites.push_back({id,
                                 raw.suppliers[0].id,
                                 cn ? "CHN" : "DEU",
                                 "Extra plant " + std::to_string(i),
                                 {},
                                 {},
                                 {}});
            raw.siteTechnologies.push_back({id, a, {}});
            if (!cn && (i - chinese) % 2 == 0)
                raw.siteTechnologies.push_back({id, b, {}});
        }
    }
    QString countryName(const std::string& iso3) const {
        for (const auto& c : raw.countries)
            if (c.iso3 == iso3)
                return QString::fromStdString(c.name);
        return QString::fromStdString(iso3);
    }
    core::Dataset raw;
    std::string a, b;
};

TEST_F(CoverageMatrixScale, MoreSitesThanColumnsAreGroupedByCountry) {
    addSites(180, 120); // 300 > kMaxSiteColumns (250)
    const an::Network net{core::Dataset(raw)};
    CoverageMatrixModel model(CoverageMatrixModel::Mode::TechnologiesBySites);
    test::ModelChecker check(&model);
    model.setNetwork(net, core::Date::fromYmd(2025, 8, 1));
    ASSERT_EQ(model.columnCount(), 2); // China (180 sites) first, then Germany (120)
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnKey(0), "country:CHN");
    EXPECT_EQ(model.columnKey(1), "country:DEU");
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(),
              countryName("CHN") + QStringLiteral(" · 180 sites"));
    const int ra = model.rowForKey(QString::fromStdString("technology:" + a));
    const int rb = model.rowForKey(QString::fromStdString("technology:" + b));
    ASSERT_GE(ra, 0);
    ASSERT_GE(rb, 0);
    EXPECT_NE(model.state(ra, 0), S::Empty);
    EXPECT_NE(model.state(ra, 1), S::Empty);
    EXPECT_EQ(model.state(rb, 0), S::Empty); // no Chinese site has b
    EXPECT_NE(model.state(rb, 1), S::Empty);
    // 60 of the 120 German sites have b (every second one).
    const QString tip = model.data(model.index(rb, 1), Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("60 of 120 sites in ") + countryName("DEU")))
        << tip.toStdString();
    EXPECT_TRUE(model.data(model.index(ra, 0), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("180 of 180 sites in ") + countryName("CHN")));
    EXPECT_TRUE(model.note().contains(QStringLiteral("300 sites")));
    EXPECT_TRUE(model.note().contains(QStringLiteral("one column per country")));
}

TEST_F(CoverageMatrixScale, UpToTheLimitEverySiteHasItsColumn) {
    addSites(150, 100); // exactly kMaxSiteColumns
    const an::Network net{core::Dataset(raw)};
    const auto m = CoverageMatrixModel::build(CoverageMatrixModel::Mode::TechnologiesBySites, net,
                                              core::Date::fromYmd(2025, 8, 1));
    EXPECT_EQ(m.columnLabels.size(), 250);
    EXPECT_TRUE(m.columnKeys.first().startsWith(QStringLiteral("site:")));
    EXPECT_TRUE(m.note.isEmpty());
}

} // namespace
} // namespace chokepoint::ui
