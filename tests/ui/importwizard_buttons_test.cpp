// SPDX-License-Identifier: MIT
// The import wizard as a person uses it: type or choose a source, wait until Next is enabled,
// click Next, Import and Finish. Nothing here calls QWizard::next() or waits on the session
// directly: the test waits for what a person waits for (a button becoming enabled, a label),
// so a page whose isComplete() is never asked again after the background read (0.1.0: Next
// stayed disabled for ever) fails here even when isComplete() itself would return true.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

#include "tests/ui/importwizardsupport.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/importwizard/checkpage.h"
#include "ui/importwizard/importpage.h"
#include "ui/importwizard/importsession.h"
#include "ui/importwizard/importwizard.h"
#include "ui/importwizard/issuemodel.h"
#include "ui/importwizard/sourcepage.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QAbstractButton* button(ImportWizard& w, QWizard::WizardButton which) {
    return w.button(which);
}

// Waits (running the event loop, as the application does) until `which` is visible and
// enabled; a person would wait about this long at most.
bool waitForEnabled(ImportWizard& w, QWizard::WizardButton which, int ms = 15000) {
    return QTest::qWaitFor(
        [&] { return button(w, which)->isVisible() && button(w, which)->isEnabled(); }, ms);
}

// Clicks `which` with the mouse and waits for the page after it.
void click(ImportWizard& w, QWizard::WizardButton which) {
    QTest::mouseClick(button(w, which), Qt::LeftButton);
}

// Types the source path into the path field and presses Return.
void typeSource(ImportWizard& w, const QString& path) {
    auto* field = w.sourcePage()->findChild<QLineEdit*>(QStringLiteral("sourcePath"));
    ASSERT_NE(field, nullptr);
    field->setFocus();
    QTest::keyClicks(field, path);
    QTest::keyClick(field, Qt::Key_Return);
}

QString sourceStatus(ImportWizard& w) {
    QStringList texts;
    for (auto* l : w.sourcePage()->findChildren<QLabel*>())
        texts << l->text();
    return texts.join(QLatin1Char('|'));
}

// Next, then Import (the check page is the commit page), then wait for Finish.
void importThroughTheButtons(ImportWizard& w) {
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton)) << sourceStatus(w).toStdString();
    click(w, QWizard::NextButton);
    ASSERT_EQ(w.currentId(), ImportWizard::Mapping);
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton));
    click(w, QWizard::NextButton);
    ASSERT_EQ(w.currentId(), ImportWizard::Check);
    ASSERT_TRUE(waitForEnabled(w, QWizard::CommitButton))
        << w.checkPage()->statusLabel()->text().toStdString();
    EXPECT_EQ(button(w, QWizard::CommitButton)->text(), "&Import");
    click(w, QWizard::CommitButton);
    ASSERT_EQ(w.currentId(), ImportWizard::Import);
    ASSERT_TRUE(waitForEnabled(w, QWizard::FinishButton))
        << w.importPage()->resultLabel()->text().toStdString();
    EXPECT_TRUE(w.importPage()->resultLabel()->text().startsWith("<b>Done.</b> Imported "))
        << w.importPage()->resultLabel()->text().toStdString();
    EXPECT_FALSE(button(w, QWizard::BackButton)->isEnabled());
    EXPECT_FALSE(w.importPage()->cancelButton()->isVisible()); // nothing left to cancel
    click(w, QWizard::FinishButton);
    EXPECT_FALSE(w.isVisible());
    EXPECT_EQ(w.result(), QDialog::Accepted);
}

TEST(ImportWizardButtons, NextIsDisabledUntilTheSourceIsReadThenEnabledWithoutAnyOtherEvent) {
    test::WizardSession s;
    ImportWizard w(s.state);
    w.show();
    EXPECT_FALSE(button(w, QWizard::NextButton)->isEnabled()); // nothing chosen yet
    typeSource(w, qs(test::dataDir() + "/erp/purchase-lines.csv"));
    // Reading runs in the background; when it is done, Next is enabled by itself.
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton)) << sourceStatus(w).toStdString();
    EXPECT_TRUE(sourceStatus(w).contains("Read 1 sheet or file. Next: say which table"));
    EXPECT_EQ(w.currentId(), ImportWizard::Source); // Return did not skip the page
}

TEST(ImportWizardButtons, CsvFolderFromTheFirstPageToImported) {
    // An empty workspace and a whole CSV folder (all tables, reference data included).
    test::TempDir dir;
    const std::string path = dir.file("empty.chokepoint");
    ASSERT_TRUE(core::Workspace::create(path).ok());
    AppState state;
    state.openWorkspace(qs(path));
    state.waitForIdle();
    ASSERT_TRUE(state.network());
    ASSERT_EQ(state.network()->suppliers.size(), 0u);

    const std::string folder = test::dataDir() + "/small-network/data";
    ImportWizard w(state);
    w.show();
    typeSource(w, qs(folder));
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton)) << sourceStatus(w).toStdString();
    // 16 files in the folder (ls tests/data/small-network/data | wc -l), the profile with them.
    EXPECT_EQ(w.sourcePage()->sourceList()->topLevelItemCount(), 16);
    importThroughTheButtons(w);
    state.waitForIdle();

    // Row counts: `wc -l` of each file less its header line.
    auto ws = core::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    const core::Dataset d = ws->load().value();
    EXPECT_EQ(d.suppliers.size(), 120u);
    EXPECT_EQ(d.sites.size(), 120u);
    EXPECT_EQ(d.supply.size(), 348u);
    EXPECT_EQ(d.materials.size(), 15u);
    EXPECT_EQ(d.products.size(), 2u);
    ASSERT_TRUE(state.network());
    EXPECT_EQ(state.network()->suppliers.size(), 120u); // the dashboard shows the new data
}

TEST(ImportWizardButtons, ErpWorkbookFromTheFileMenuToImported) {
    // File ▸ Import ▸ Excel opens the wizard with the chosen workbook.
    test::WizardSession s;
    ImportWizard w(s.state, qs(test::dataDir() + "/erp/northwind-erp.xlsx"));
    w.show();
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton)) << sourceStatus(w).toStdString();
    ASSERT_EQ(w.sourcePage()->sourceList()->topLevelItemCount(), 2); // Vendors, Purchase lines
    importThroughTheButtons(w);
    s.state.waitForIdle();
    // make_erp.py writes 3 vendors, 3 plants and 4 purchase lines; the bundled data has 62
    // suppliers, 84 sites and 176 supply links.
    const core::Dataset d = s.stored();
    EXPECT_EQ(d.suppliers.size(), 62u + 3u);
    EXPECT_EQ(d.sites.size(), 84u + 3u);
    EXPECT_EQ(d.supply.size(), 176u + 4u);
}

TEST(ImportWizardButtons, BrokenErpWorkbookShowsItsIssuesAndCannotBeImported) {
    test::WizardSession s;
    ImportWizard w(s.state);
    w.show();
    typeSource(w, qs(test::dataDir() + "/erp/northwind-erp-broken.xlsx"));
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton)) << sourceStatus(w).toStdString();
    click(w, QWizard::NextButton);
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton));
    click(w, QWizard::NextButton);
    ASSERT_EQ(w.currentId(), ImportWizard::Check);
    CheckPage* check = w.checkPage();
    // The check runs in the background: wait for its verdict, as a person reads it.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return check->statusLabel()->text().contains("problem"); }, 15000))
        << check->statusLabel()->text().toStdString();
    // The four mistakes make_erp.py puts into the clean workbook (its MISTAKES list).
    EXPECT_EQ(check->issueModel()->rowCount(), 4);
    EXPECT_TRUE(check->statusLabel()->text().contains("4 problems"));
    EXPECT_TRUE(check->issueView()->isVisible());
    // Import stays disabled; clicking it anyway does nothing.
    QAbstractButton* import = button(w, QWizard::CommitButton);
    EXPECT_TRUE(import->isVisible());
    EXPECT_FALSE(import->isEnabled());
    click(w, QWizard::CommitButton);
    QTest::qWait(50);
    EXPECT_EQ(w.currentId(), ImportWizard::Check);
    click(w, QWizard::CancelButton);
    EXPECT_FALSE(w.isVisible());
    const core::Dataset d = s.stored();
    EXPECT_EQ(d.suppliers.size(), 62u);
    EXPECT_EQ(d.sites.size(), 84u);
    EXPECT_EQ(d.supply.size(), 176u);
}

} // namespace
} // namespace chokepoint::ui
