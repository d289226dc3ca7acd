// SPDX-License-Identifier: MIT
// The import wizard end to end, offscreen: pick an ERP export, accept the proposed mapping,
// see every problem of a broken file, fix it, import, and find the rows and the new exposure
// in the workspace and in AppState.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include "core/io/columnmapping.h"
#include "tests/ui/importwizardsupport.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/importwizard/checkpage.h"
#include "ui/importwizard/fieldmappingmodel.h"
#include "ui/importwizard/importpage.h"
#include "ui/importwizard/importsession.h"
#include "ui/importwizard/importwizard.h"
#include "ui/importwizard/issuemodel.h"
#include "ui/importwizard/mappingpage.h"
#include "ui/importwizard/previewmodel.h"
#include "ui/importwizard/sourcepage.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;
using test::TempDir;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

using Session = test::WizardSession;
using test::cell;

int fieldRow(const char* field) {
    const auto* spec = core::io::findTableSpec("supply");
    return spec->columnIndex(field);
}

void goNext(ImportWizard& w) {
    w.next();
    w.session().waitForIdle();
}

TEST(ImportWizard, ErpPurchaseLinesBrokenFixedAndImported) {
    Session s;
    const double liBefore = s.dependence("li_hydroxide");
    ASSERT_GE(liBefore, 0.0);
    ASSERT_LT(s.dependence("co_sulphate"), 0.0); // not bought yet
    const std::string file = s.dir.write(
        "purchase-lines.csv", test::readFile(test::dataDir() + "/erp/purchase-lines-broken.csv"));

    ImportWizard w(s.state);
    w.show();
    ASSERT_EQ(w.currentId(), ImportWizard::Source);
    test::ModelChecker fieldCheck(w.mappingPage()->fieldModel());
    test::ModelChecker issueCheck(w.checkPage()->issueModel());

    // 1. Pick the file: one source, four rows.
    w.sourcePage()->setPath(qs(file));
    w.session().waitForIdle();
    ASSERT_TRUE(w.sourcePage()->isComplete()) << w.session().sourceError().toStdString();
    QTreeWidget* list = w.sourcePage()->sourceList();
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(list->topLevelItem(0)->text(0), "purchase-lines.csv");
    EXPECT_EQ(list->topLevelItem(0)->text(1), "4");

    // 2. The proposed mapping: supply, plus the suppliers and sites the lines name.
    goNext(w);
    ASSERT_EQ(w.currentId(), ImportWizard::Mapping);
    QListWidget* targets = w.mappingPage()->targetList();
    ASSERT_EQ(targets->count(), 3);
    EXPECT_EQ(targets->item(0)->text(), "purchase-lines.csv \u2192 supply");
    EXPECT_EQ(targets->item(1)->text(), "purchase-lines.csv \u2192 suppliers (each row once)");
    EXPECT_EQ(targets->item(2)->text(), "purchase-lines.csv \u2192 sites (each row once)");
    EXPECT_EQ(targets->currentRow(), 0);
    const FieldMappingModel* fields = w.mappingPage()->fieldModel();
    using F = FieldMappingModel;
    EXPECT_EQ(cell(fields, fieldRow("buyer_site"), F::Source), "\u2014 not imported \u2014");
    EXPECT_EQ(cell(fields, fieldRow("material_id"), F::Source), "Material");
    EXPECT_EQ(cell(fields, fieldRow("supplier_site"), F::Source), "Plant");
    EXPECT_EQ(cell(fields, fieldRow("share"), F::Source), "Share %");
    EXPECT_EQ(cell(fields, fieldRow("share"), F::Example), "20");
    EXPECT_EQ(fields->index(fieldRow("share"), F::Percent).data(Qt::CheckStateRole).toInt(),
              Qt::Checked);
    EXPECT_EQ(cell(fields, fieldRow("annual_spend"), F::Source), "Annual spend (USD)");
    EXPECT_EQ(cell(fields, fieldRow("lead_time_days"), F::Source), "Lead time (days)");
    EXPECT_TRUE(w.mappingPage()->isComplete());

    // 3. The check lists every problem of the broken file, each at its row and column.
    goNext(w);
    ASSERT_EQ(w.currentId(), ImportWizard::Check);
    CheckPage* check = w.checkPage();
    EXPECT_FALSE(check->isComplete());
    EXPECT_FALSE(w.button(QWizard::CommitButton)->isEnabled());
    const IssueModel* issues = check->issueModel();
    ASSERT_EQ(issues->rowCount(), 3);
    const QString invalidId =
        "invalid material_id 'cobalt sulphate' (ids are 1-64 characters of A-Z a-z 0-9 _ . -)";
    const QStringList expected[] = {
        {"purchase-lines.csv", "3", "5 \u00b7 Material", invalidId},
        {"purchase-lines.csv", "4", "7 \u00b7 Annual spend (USD)",
         "annual_spend '6.1 m' is not a number"},
        {"purchase-lines.csv", "5", "6 \u00b7 Share %", "share '120%' must be between 0 and 1"}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 4; ++c)
            EXPECT_EQ(cell(issues, r, c), expected[r][c]) << r << "," << c;
    EXPECT_TRUE(check->statusLabel()->text().contains("3 problems"));
    ASSERT_EQ(check->previewTabs()->count(), 3);
    EXPECT_EQ(check->previewTabs()->tabText(0),
              "supply \u2190 purchase-lines.csv (4 rows) \u2022 3 problems");

    // The preview shows the values as they will be read; the bad share stays as written.
    PreviewModel* preview = check->previewModel(0);
    test::ModelChecker previewCheck(preview);
    ASSERT_EQ(preview->rowCount(), 4);
    // supply columns: material_id, supplier_site, share, annual_spend, lead_time_days
    ASSERT_EQ(preview->columnCount(), 5);
    EXPECT_EQ(preview->headerData(2, Qt::Horizontal).toString(), "share\n\u2190 Share %");
    EXPECT_EQ(preview->headerData(3, Qt::Vertical).toInt(), 5); // the file's own row
    EXPECT_EQ(cell(preview, 0, 2), "20.0 %");
    EXPECT_EQ(cell(preview, 0, 3), "4000000");
    EXPECT_EQ(cell(preview, 3, 2), "120%");
    EXPECT_TRUE(preview->index(3, 2).data(PreviewModel::IssueRole).toBool());
    EXPECT_FALSE(preview->index(0, 2).data(PreviewModel::IssueRole).toBool());

    // Clicking a problem shows its cell in the preview.
    TableView* issueView = check->issueView();
    const QModelIndex third = issueView->model()->index(2, IssueModel::Message);
    QTest::mouseClick(issueView->viewport(), Qt::LeftButton, {},
                      issueView->visualRect(third).center());
    EXPECT_EQ(check->previewTabs()->currentIndex(), 0);
    EXPECT_EQ(check->previewView(0)->currentIndex().row(), 3);
    EXPECT_EQ(check->previewView(0)->currentIndex().column(), 2);

    // 4. Fix the file and read it again: no problems, the import is possible.
    s.dir.write("purchase-lines.csv", test::readFile(test::dataDir() + "/erp/purchase-lines.csv"));
    QTest::mouseClick(check->rereadButton(), Qt::LeftButton);
    w.session().waitForIdle();
    EXPECT_EQ(issues->rowCount(), 0);
    EXPECT_TRUE(check->isComplete());
    EXPECT_TRUE(w.button(QWizard::CommitButton)->isEnabled());
    // V-2001 and its plant are named twice, the same way: each is read once.
    EXPECT_EQ(check->statusLabel()->text(),
              "<b>No problems.</b> Ready to import 3 rows into suppliers, 3 rows into sites, 4 "
              "rows into supply.");

    // 5. Import; the workspace is reloaded.
    goNext(w);
    ASSERT_EQ(w.currentId(), ImportWizard::Import);
    s.state.waitForIdle();
    EXPECT_TRUE(w.importPage()->isComplete());
    EXPECT_TRUE(w.importPage()->resultLabel()->text().contains(
        "Imported 3 rows into suppliers, 3 into sites, 4 into supply."))
        << w.importPage()->resultLabel()->text().toStdString();
    EXPECT_FALSE(w.button(QWizard::BackButton)->isEnabled());

    const core::Dataset d = s.stored();
    EXPECT_EQ(d.suppliers.size(), 62u + 3u);
    EXPECT_EQ(d.sites.size(), 84u + 3u);
    EXPECT_EQ(d.supply.size(), 176u + 4u);
    bool found = false;
    for (const auto& l : d.supply)
        if (l.buyerSite.empty() && l.materialId == "li_hydroxide" &&
            l.supplierSite == "HLW-CHANGSHA") {
            found = true;
            EXPECT_DOUBLE_EQ(l.share, 0.2);
            EXPECT_EQ(l.annualSpend, 4000000.0);
            EXPECT_EQ(l.leadTimeDays, 60);
        }
    EXPECT_TRUE(found);
    for (const auto& site : d.sites)
        if (site.id == "KC-KOKKOLA") {
            EXPECT_EQ(site.country, "FIN"); // "Finland" in the file
            EXPECT_EQ(site.supplierId, "V-2002");
        }

    // The reloaded workspace shows the new exposure (location lens). li_hydroxide: the 20 %
    // of unknown origin counted at China's world share of 0.68 now comes from a Chinese plant:
    // +0.2 · (1 − 0.68). co_sulphate: 55 % from China; the Finnish plant's cobalt hydroxide is
    // of unknown origin, and China has no world share of it: 0.55.
    EXPECT_NEAR(s.dependence("li_hydroxide") - liBefore, 0.2 * (1 - 0.68), 1e-12);
    EXPECT_NEAR(s.dependence("co_sulphate"), 0.55, 1e-12);

    // The mapping is saved in the workspace under the file's column signature.
    core::io::RawTable header;
    header.header = {"Vendor No.", "Supplier Name", "Country of origin",  "Plant",
                     "Material",   "Share %",       "Annual spend (USD)", "Lead time (days)",
                     "Incoterms"};
    auto ws = core::Workspace::open(s.path);
    ASSERT_TRUE(ws.ok());
    EXPECT_TRUE(ws->meta(core::io::mappingKey(header)).has_value());
}

TEST(ImportWizard, SavedMappingIsUsedForTheNextExportWithTheSameColumns) {
    Session s;
    const std::string file = test::dataDir() + "/erp/purchase-lines.csv";
    {
        ImportWizard w(s.state, qs(file));
        w.show();
        w.session().waitForIdle();
        EXPECT_FALSE(w.session().usesSavedMapping(0));
        goNext(w);
        // The user tells the wizard not to read the suppliers from these lines.
        w.mappingPage()->selectTarget(0, 1);
        w.mappingPage()->tableCombo()->activated(0); // "— not imported —"
        ASSERT_EQ(w.mappingPage()->targetList()->count(), 2);
        goNext(w);
        // The suppliers are then unknown.
        EXPECT_EQ(w.checkPage()->issueModel()->rowCount(), 3);
        EXPECT_TRUE(cell(w.checkPage()->issueModel(), 0, IssueModel::Message)
                        .startsWith("unknown supplier 'V-2001'"));
    }
    // Import with the supplier table back, then open the same export again.
    ImportWizard w(s.state, qs(file));
    w.show();
    w.session().waitForIdle();
    goNext(w);
    goNext(w);
    ASSERT_TRUE(w.checkPage()->isComplete());
    goNext(w);
    s.state.waitForIdle();
    ASSERT_TRUE(w.session().isImported());

    ImportWizard again(s.state, qs(file));

    again.show();
    again.session().waitForIdle();
    EXPECT_TRUE(again.session().usesSavedMapping(0));
    EXPECT_EQ(again.session().mappings(), w.session().mappings());
}

TEST(ImportWizard, WorkbookOfSupplierListAndPurchaseLinesReplacesCompanyData) {
    Session s;
    ImportWizard w(s.state, qs(test::dataDir() + "/erp/northwind-erp.xlsx"));
    w.show();
    w.session().waitForIdle();
    ASSERT_EQ(w.sourcePage()->sourceList()->topLevelItemCount(), 2);
    goNext(w);
    QListWidget* targets = w.mappingPage()->targetList();
    ASSERT_EQ(targets->count(), 3);
    EXPECT_EQ(targets->item(0)->text(), "Vendors \u2192 suppliers");
    EXPECT_EQ(targets->item(1)->text(), "Purchase lines \u2192 supply");
    EXPECT_EQ(targets->item(2)->text(), "Purchase lines \u2192 sites (each row once)");
    goNext(w);
    // Replace: company data goes, reference data stays.
    QTest::mouseClick(w.checkPage()->replaceButton(), Qt::LeftButton);
    w.session().waitForIdle();
    ASSERT_TRUE(w.session().replace());
    ASSERT_TRUE(w.checkPage()->isComplete()) << w.checkPage()->statusLabel()->text().toStdString();
    goNext(w);
    s.state.waitForIdle();
    ASSERT_TRUE(w.session().isImported()) << w.session().importMessage().toStdString();

    const core::Dataset d = s.stored();
    EXPECT_EQ(d.suppliers.size(), 3u);
    EXPECT_EQ(d.sites.size(), 3u);
    EXPECT_EQ(d.supply.size(), 4u);
    EXPECT_TRUE(d.products.empty());
    EXPECT_EQ(d.materials.size(), 41u);
    EXPECT_EQ(d.worldShares.size(), 47u);
    ASSERT_EQ(d.suppliers[1].id, "V-2002");
    EXPECT_EQ(d.suppliers[1].hqCountry, "FIN");
    EXPECT_EQ(d.suppliers[1].ownerCountry, "JPN"); // "Japan"
    EXPECT_FALSE(d.suppliers[2].ownerCountry.has_value());
    // Only our 20 % from the Chinese plant is known; the other 80 % of lithium hydroxide is
    // of unknown origin, at China's world share of 0.68.
    EXPECT_NEAR(s.dependence("li_hydroxide"), 0.2 + 0.8 * 0.68, 1e-12);
}

TEST(ImportWizard, CancelWritesNothingAndTryAgainImports) {
    Session s;
    ImportWizard w(s.state, qs(test::dataDir() + "/erp/purchase-lines.csv"));
    w.show();
    w.session().waitForIdle();
    goNext(w);
    goNext(w);
    ASSERT_TRUE(w.checkPage()->isComplete()) << w.checkPage()->statusLabel()->text().toStdString();
    {
        // Another writer holds the workspace: the import waits for it after its first step,
        // which makes the moment of the cancel certain.
        auto other = core::Workspace::open(s.path);
        ASSERT_TRUE(other.ok());
        core::sql::Transaction hold(other->database());
        ASSERT_TRUE(hold.begun());
        w.next(); // starts the import
        ASSERT_EQ(w.currentId(), ImportWizard::Import);
        QTest::mouseClick(w.importPage()->cancelButton(), Qt::LeftButton);
    }
    w.session().waitForIdle();
    EXPECT_FALSE(w.session().isImported());
    EXPECT_EQ(w.importPage()->resultLabel()->text(),
              "The import was cancelled; nothing was written.");
    EXPECT_FALSE(w.importPage()->isComplete());
    EXPECT_EQ(s.stored().supply.size(), 176u);

    auto* retry = w.importPage()->findChild<QPushButton*>();
    for (auto* b : w.importPage()->findChildren<QPushButton*>())
        if (b->text() == "Try again")
            retry = b;
    ASSERT_TRUE(retry && retry->isVisibleTo(w.importPage()));
    QTest::mouseClick(retry, Qt::LeftButton);
    w.session().waitForIdle();
    s.state.waitForIdle();
    EXPECT_TRUE(w.importPage()->isComplete());
    EXPECT_EQ(s.stored().supply.size(), 180u);
}

TEST(ImportWizard, MappingEditsShowProblemsAndKeepTheWizardFromGoingOn) {
    Session s;
    ImportWizard w(s.state, qs(test::dataDir() + "/erp/purchase-lines.csv"));
    w.show();
    w.session().waitForIdle();
    goNext(w);
    FieldMappingModel* fields = w.mappingPage()->fieldModel();
    test::ModelChecker checker(fields);
    const QModelIndex share = fields->index(fieldRow("share"), FieldMappingModel::Source);
    // No column for the share: a problem, and no way on.
    ASSERT_TRUE(fields->setData(share, -1));
    EXPECT_EQ(cell(fields, share.row(), FieldMappingModel::Source), "\u2014 not imported \u2014");
    EXPECT_FALSE(w.mappingPage()->isComplete());
    EXPECT_FALSE(w.button(QWizard::NextButton)->isEnabled());
    EXPECT_TRUE(w.mappingPage()->problemLabel()->text().contains(
        "purchase-lines.csv \u2192 supply: no column for the required field 'share'"));
    // Column 5 is "Share %"; untick percent: 20 then reads as 2000 %, which the check refuses.
    ASSERT_TRUE(fields->setData(share, 5));
    EXPECT_TRUE(w.mappingPage()->isComplete());
    const QModelIndex percent = fields->index(fieldRow("share"), FieldMappingModel::Percent);
    ASSERT_TRUE(fields->setData(percent, Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_FALSE(w.session().mappings()[0].tables[0].fields[size_t(fieldRow("share"))].percent);
    // Only share fields can be ticked.
    EXPECT_FALSE(fields->setData(fields->index(fieldRow("material_id"), FieldMappingModel::Percent),
                                 Qt::Checked, Qt::CheckStateRole));
    goNext(w);
    EXPECT_EQ(w.checkPage()->issueModel()->rowCount(), 4);
    EXPECT_EQ(cell(w.checkPage()->issueModel(), 0, IssueModel::Message),
              "share '20' must be between 0 and 1");
}

TEST(ImportWizard, UnreadableSourceIsExplainedOnTheFirstPage) {
    Session s;
    ImportWizard w(s.state);
    w.sourcePage()->setPath(qs(test::dataDir() + "/xlsx/not-a-zip.xlsx"));
    w.session().waitForIdle();
    EXPECT_FALSE(w.sourcePage()->isComplete());
    EXPECT_FALSE(w.session().sourceError().isEmpty());
    EXPECT_EQ(w.sourcePage()->sourceList()->topLevelItemCount(), 0);
}

} // namespace
} // namespace chokepoint::ui
