// SPDX-License-Identifier: MIT
// The Data page on the bundled workspace: every number equals a figure worked out here from
// the Dataset's rows (string maps and a plain recursion, not core::analysis), the lists select
// their items everywhere, and the page follows a reloaded workspace.
#include <algorithm>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <set>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include "core/io/interchange.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/importwizard/importwizard.h"
#include "ui/models/tablemodel.h"
#include "ui/pages/data/workspacecontentmodels.h"
#include "ui/pages/datapage.h"
#include "ui/selectionkey.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

using test::TempDir;
const core::Date kAsOf = core::Date::fromYmd(2026, 6, 30);

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The figures of the Data page, from the raw rows.
struct Expected {
    double tier2Spend = 0, tier2Known = 0;
    std::map<std::string, std::pair<double, double>> tier2; // material -> spend, known spend
    std::map<std::string, double> unknown;                  // our materials
    std::set<std::string> noOwner, noTechnology;
    size_t oldShares = 0;
};

Expected expectedFigures(const core::Dataset& d, core::Date asOf) {
    Expected e;
    std::map<std::string, std::vector<std::string>> inputs;
    for (const auto& r : d.recipes)
        inputs[r.materialId].push_back(r.inputMaterialId);
    // Σ shares and rows per (buyer, material).
    std::map<std::pair<std::string, std::string>, std::vector<const core::SupplyLink*>> links;
    for (const auto& l : d.supply)
        links[{l.buyerSite, l.materialId}].push_back(&l);
    auto declared = [&](const std::string& buyer, const std::string& m) {
        double sum = 0;
        for (const auto* l : links[{buyer, m}])
            sum += l->share;
        return sum;
    };

    // Known tier-2 origin: per tier-1 link with a spend to a material made from inputs.
    for (const auto& l : d.supply) {
        if (!l.buyerSite.empty() || !l.annualSpend || inputs[l.materialId].empty())
            continue;
        double known = 1;
        for (const auto& i : inputs[l.materialId])
            known = std::min(known, std::min(1.0, declared(l.supplierSite, i)));
        e.tier2Spend += *l.annualSpend;
        e.tier2Known += *l.annualSpend * known;
        e.tier2[l.materialId].first += *l.annualSpend;
        e.tier2[l.materialId].second += *l.annualSpend * known;
    }

    // Unknown origin, by recursion over (site, material).
    std::map<std::pair<std::string, std::string>, double> memo;
    std::function<double(const std::string&, const std::string&)> group;
    std::function<double(const std::string&, const std::string&)> node =
        [&](const std::string& site, const std::string& m) {
            const auto key = std::make_pair(site, m);
            if (const auto it = memo.find(key); it != memo.end())
                return it->second;
            double u = 0;
            for (const auto& i : inputs[m])
                u = std::max(u, group(site, i));
            return memo[key] = u;
        };
    group = [&](const std::string& buyer, const std::string& m) {
        double sum = 0, weighted = 0;
        for (const auto* l : links[{buyer, m}]) {
            sum += l->share;
            weighted += l->share * node(l->supplierSite, m);
        }
        return std::clamp(weighted + std::max(0.0, 1 - sum), 0.0, 1.0);
    };
    std::set<std::string> ours;
    for (const auto& b : d.productBom)
        ours.insert(b.materialId);
    for (const auto& l : d.supply)
        if (l.buyerSite.empty())
            ours.insert(l.materialId);
    for (const auto& m : ours)
        e.unknown[m] = group("", m);

    std::set<std::string> withTechnology;
    for (const auto& st : d.siteTechnologies)
        withTechnology.insert(st.siteId);
    for (const auto& s : d.sites)
        if (!withTechnology.count(s.id))
            e.noTechnology.insert(s.id);
    for (const auto& s : d.suppliers)
        if (!s.ownerCountry)
            e.noOwner.insert(s.id);
    for (const auto& w : d.worldShares)
        if (!w.year || asOf.year() - *w.year > 3)
            ++e.oldShares;
    return e;
}

std::set<std::string> keys(const TableModel* m, const QString& prefix) {
    std::set<std::string> out;
    for (int r = 0; r < m->rowCount(); ++r) {
        const QString k = m->key(r);
        EXPECT_TRUE(k.startsWith(prefix)) << k.toStdString();
        out.insert(k.mid(prefix.size()).toStdString());
    }
    return out;
}

struct Fixture {
    TempDir dir;
    std::string path = test::createBundledWorkspace(dir);
    AppState state;
    DataPage page{state};
    Fixture() {
        state.setAsOf(kAsOf);
        state.openWorkspace(qs(path));
        state.waitForIdle();
        page.waitForIdle();
    }
};

TEST(DataPage, NumbersEqualFiguresWorkedOutFromTheRows) {
    Fixture f;
    DataPage& page = f.page;
    ASSERT_TRUE(page.quality());
    const core::Dataset& d = f.state.network()->data();
    const Expected e = expectedFigures(d, kAsOf);
    std::vector<std::unique_ptr<test::ModelChecker>> checks;
    for (int i = 0; i < DataPage::kFindingCount; ++i)
        checks.push_back(
            std::make_unique<test::ModelChecker>(page.listModel(DataPage::Finding(i))));
    test::ModelChecker rowsCheck(page.tableRowsModel());
    test::ModelChecker sourcesCheck(page.sourceModel());

    // Rows per table.
    // The profile has one row per key that is set.
    const size_t profileRows = size_t(d.profile.companyName.has_value()) +
                               size_t(d.profile.companyCountry.has_value()) +
                               size_t(d.profile.referenceCutoff.has_value());
    const std::map<std::string, size_t> sizes = {{"countries", d.countries.size()},
                                                 {"profile", profileRows},
                                                 {"sources", d.sources.size()},
                                                 {"materials", d.materials.size()},
                                                 {"recipes", d.recipes.size()},
                                                 {"world_shares", d.worldShares.size()},
                                                 {"technologies", d.technologies.size()},
                                                 {"controls", d.controls.size()},
                                                 {"control_items", d.controlItems.size()},
                                                 {"suppliers", d.suppliers.size()},
                                                 {"sites", d.sites.size()},
                                                 {"site_technologies", d.siteTechnologies.size()},
                                                 {"products", d.products.size()},
                                                 {"product_bom", d.productBom.size()},
                                                 {"supply", d.supply.size()},
                                                 {"inventory", d.inventory.size()},
                                                 {"alternatives", d.alternatives.size()}};
    const TableModel* rows = page.tableRowsModel();
    ASSERT_EQ(rows->rowCount(), 17);
    for (int r = 0; r < rows->rowCount(); ++r) {
        const std::string table =
            rows->index(r, TableRowsModel::Table).data().toString().toStdString();
        ASSERT_TRUE(sizes.count(table)) << table;
        EXPECT_EQ(rows->index(r, TableRowsModel::Rows).data(TableModel::SortRole).toDouble(),
                  double(sizes.at(table)))
            << table;
    }
    EXPECT_EQ(d.supply.size(), 176u); // the CSV's 177 lines less the header

    // Sources: S073 is named by the five lithium-mining world shares.
    const TableModel* sources = page.sourceModel();
    ASSERT_EQ(sources->rowCount(), int(d.sources.size()));
    int s073 = -1;
    for (int r = 0; r < sources->rowCount(); ++r)
        if (sources->index(r, SourceUseModel::Id).data().toString() == "S073")
            s073 = r;
    ASSERT_GE(s073, 0);
    EXPECT_EQ(sources->index(s073, SourceUseModel::CitedBy).data().toString(), "5 world shares");
    EXPECT_TRUE(page.yearsLabel()->text().contains("2024: 25"))
        << page.yearsLabel()->text().toStdString();

    // Known tier-2 origin.
    ASSERT_GT(e.tier2Spend, 0.0);
    EXPECT_EQ(page.tile(DataPage::Tier2)->valueText(), percentText(e.tier2Known / e.tier2Spend));
    EXPECT_NEAR(*page.quality()->knownTier2Share, e.tier2Known / e.tier2Spend, 1e-12);
    const TableModel* tier2 = page.listModel(DataPage::Tier2);
    ASSERT_EQ(tier2->rowCount(), int(e.tier2.size()));
    for (int r = 0; r < tier2->rowCount(); ++r) {
        const std::string m = tier2->key(r).mid(9).toStdString(); // "material:"
        ASSERT_TRUE(e.tier2.count(m)) << m;
        const auto [spend, known] = e.tier2.at(m);
        EXPECT_NEAR(tier2->index(r, 1).data(TableModel::SortRole).toDouble(), spend, 1e-6);
        EXPECT_NEAR(tier2->index(r, 2).data(TableModel::SortRole).toDouble(), known / spend, 1e-12);
    }

    // Materials mostly of unknown origin.
    std::set<std::string> mostly;
    for (const auto& [m, u] : e.unknown)
        if (u > 0.5)
            mostly.insert(m);
    EXPECT_EQ(page.tile(DataPage::UnknownOrigin)->valueText(), countText(double(mostly.size())));
    EXPECT_EQ(keys(page.listModel(DataPage::UnknownOrigin), "material:"), mostly);
    ASSERT_EQ(page.quality()->unknownOrigin.size(), e.unknown.size());
    for (const auto& u : page.quality()->unknownOrigin)
        EXPECT_NEAR(u.unknownShare, e.unknown.at(f.state.network()->materials.id(u.material)),
                    1e-12);

    // Suppliers without owner (none in the bundled data), sites without technologies.
    EXPECT_EQ(page.tile(DataPage::NoOwner)->valueText(), countText(double(e.noOwner.size())));
    EXPECT_EQ(keys(page.listModel(DataPage::NoOwner), "supplier:"), e.noOwner);
    EXPECT_EQ(page.tile(DataPage::NoTechnology)->valueText(),
              countText(double(e.noTechnology.size())));
    EXPECT_EQ(keys(page.listModel(DataPage::NoTechnology), "site:"), e.noTechnology);

    // World shares over three years old at 2026-06-30: those of 2022 and before.
    EXPECT_EQ(page.tile(DataPage::OldShares)->valueText(), countText(double(e.oldShares)));
    EXPECT_EQ(page.listModel(DataPage::OldShares)->rowCount(), int(e.oldShares));
    EXPECT_EQ(e.oldShares, 2u); // hpmsm CHN and JPN, 2022
}

TEST(DataPage, ListsSelectTheirItemsEverywhere) {
    Fixture f;
    DataPage& page = f.page;
    page.resize(1100, 900);
    page.show();
    QApplication::processEvents();

    // Clicking a tile shows its list; clicking a row selects the item.
    QTest::mouseClick(page.tile(DataPage::NoTechnology), Qt::LeftButton);
    EXPECT_EQ(page.findingTabs()->currentIndex(), int(DataPage::NoTechnology));
    TableView* sites = page.list(DataPage::NoTechnology);
    QApplication::processEvents();
    const QModelIndex first = sites->model()->index(0, 0);
    QTest::mouseClick(sites->viewport(), Qt::LeftButton, {}, sites->visualRect(first).center());
    EXPECT_EQ(f.state.selection().kind, SelectionKind::Site);
    EXPECT_EQ(selectionKey(f.state.selection()), first.data(TableModel::KeyRole).toString());

    // A material selected elsewhere is selected in the unknown-origin list.
    const TableModel* unknown = page.listModel(DataPage::UnknownOrigin);
    ASSERT_GT(unknown->rowCount(), 1);
    const QString key = unknown->key(1);
    f.state.setSelection({SelectionKind::Material, key.mid(9)});
    EXPECT_EQ(page.list(DataPage::UnknownOrigin)->currentKey(), key);
    EXPECT_TRUE(sites->selectionModel()->selectedRows().isEmpty());
}

TEST(DataPage, FollowsTheReloadedWorkspaceAndOpensTheWizard) {
    Fixture f;
    DataPage& page = f.page;
    ASSERT_EQ(page.tile(DataPage::NoOwner)->valueText(), countText(0));
    {
        // A supplier without owner country, imported through core.
        TempDir in;
        in.write("suppliers.csv", "id,name,hq_country\nnew_sup,New Supplier,DEU\n");
        std::vector<core::io::RawTable> tables;
        core::io::IssueList issues;
        ASSERT_TRUE(core::io::readSource(in.path(), tables, issues));
        auto ws = core::Workspace::open(f.path);
        ASSERT_TRUE(ws.ok());
        ASSERT_TRUE(core::io::importTables(*ws, tables, {}, issues).ok()) << issues.toString();
    }
    f.state.reload();
    f.state.waitForIdle();
    page.waitForIdle();
    EXPECT_EQ(page.tile(DataPage::NoOwner)->valueText(), countText(1));
    EXPECT_EQ(page.listModel(DataPage::NoOwner)->key(0), "supplier:new_sup");
    EXPECT_EQ(page.listModel(DataPage::NoOwner)->index(0, 2).data().toString(), "Germany");

    // A later as-of date makes more world shares old: in 2027 those of 2023 too.
    size_t old2027 = 0;
    for (const auto& w : f.state.network()->data().worldShares)
        old2027 += !w.year || 2027 - *w.year > 3 ? 1 : 0;
    f.state.setAsOf(core::Date::fromYmd(2027, 1, 1));
    page.waitForIdle();
    EXPECT_EQ(page.tile(DataPage::OldShares)->valueText(), countText(double(old2027)));
    EXPECT_EQ(old2027, 17u); // 2 of 2022 and 15 of 2023

    ASSERT_TRUE(page.importButton()->isEnabled());
    QTest::mouseClick(page.importButton(), Qt::LeftButton);
    ImportWizard* wizard = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* iw = qobject_cast<ImportWizard*>(w); iw && iw->isVisible())
            wizard = iw;
    ASSERT_TRUE(wizard);
    EXPECT_EQ(wizard->currentId(), ImportWizard::Source);
    wizard->close();
    QApplication::processEvents();
}

} // namespace
} // namespace chokepoint::ui
