// SPDX-License-Identifier: MIT
// The import wizard lists every error of a source in one check (issue 16), driven through its
// buttons as a person does; clicking each error still shows its row in the preview.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTest>

#include "tests/ui/importwizardsupport.h"
#include "tests/ui/uitestsupport.h"
#include "ui/importwizard/checkpage.h"
#include "ui/importwizard/importwizard.h"
#include "ui/importwizard/issuemodel.h"
#include "ui/importwizard/sourcepage.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

bool waitForEnabled(ImportWizard& w, QWizard::WizardButton which) {
    return QTest::qWaitFor(
        [&] { return w.button(which)->isVisible() && w.button(which)->isEnabled(); }, 15000);
}

void click(ImportWizard& w, QWizard::WizardButton which) {
    QTest::mouseClick(w.button(which), Qt::LeftButton);
}

void typeSource(ImportWizard& w, const QString& path) {
    auto* field = w.sourcePage()->findChild<QLineEdit*>(QStringLiteral("sourcePath"));
    ASSERT_NE(field, nullptr);
    field->setFocus();
    QTest::keyClicks(field, path);
    QTest::keyClick(field, Qt::Key_Return);
}

// Clicks the issue in row `row` of the list, as a person does.
void clickIssue(CheckPage* check, int row) {
    TableView* view = check->issueView();
    const QModelIndex at = view->model()->index(row, IssueModel::Message);
    view->scrollTo(at);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(at).center());
}

TEST(ImportWizardOnePass, ShareRangeUnknownSiteAndRecipeLoopListedTogetherAndEachShown) {
    test::WizardSession s;
    // New ids only: the bundled workspace holds none of them. Worked out by hand:
    // supply.csv line 2, column 4: the share 1.7; line 3, column 3: site xs9 exists nowhere;
    // recipes.csv: xa <- xb (line 2), xb <- xa (line 3). The search starts at "xa" (sorted),
    // walks xa->xb (line 2), and xb->xa (line 3) meets xa on its path: line 3, column 2.
    s.dir.write("src/materials.csv", "id,name,stage\nxa,Test A,refining\nxb,Test B,refining\n");
    s.dir.write("src/recipes.csv", "material_id,input_material_id\nxa,xb\nxb,xa\n");
    s.dir.write("src/suppliers.csv", "id,name\nxsup,Test supplier\n");
    s.dir.write("src/sites.csv", "id,supplier_id,country\nxs1,xsup,CHN\n");
    s.dir.write("src/supply.csv",
                "buyer_site,material_id,supplier_site,share\n,xa,xs1,1.7\n,xb,xs9,0.3\n");
    const core::Dataset before = s.stored();

    ImportWizard w(s.state);
    w.show();
    typeSource(w, QString::fromStdString(s.dir.file("src")));
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton));
    click(w, QWizard::NextButton);
    ASSERT_EQ(w.currentId(), ImportWizard::Mapping);
    ASSERT_TRUE(waitForEnabled(w, QWizard::NextButton));
    click(w, QWizard::NextButton);
    ASSERT_EQ(w.currentId(), ImportWizard::Check);
    CheckPage* check = w.checkPage();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return check->statusLabel()->text().contains("problem"); }, 15000))
        << check->statusLabel()->text().toStdString();

    // All three in one check, in the order the command line gives them.
    const IssueModel* issues = check->issueModel();
    ASSERT_EQ(issues->rowCount(), 3);
    EXPECT_TRUE(check->statusLabel()->text().contains("3 problems"))
        << check->statusLabel()->text().toStdString();
    const QStringList expected[] = {
        {"supply.csv", "2", "4 \u00b7 share", "share '1.7' must be between 0 and 1"},
        {"supply.csv", "3", "3 \u00b7 supplier_site",
         "unknown site 'xs9' (not in the import nor in the workspace)"},
        {"recipes.csv", "3", "2 \u00b7 input_material_id", "recipe cycle: xa -> xb -> xa"}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 4; ++c)
            EXPECT_EQ(test::cell(issues, r, c), expected[r][c]) << r << "," << c;
    EXPECT_TRUE(check->issueView()->isVisible());
    EXPECT_FALSE(w.button(QWizard::CommitButton)->isEnabled());

    // Each error shows its own row and cell. The preview of supply has the mapped columns
    // buyer_site, material_id, supplier_site, share; recipes material_id, input_material_id.
    struct Shown {
        const char* table;
        int row, column;
    };
    const Shown shown[] = {{"supply", 0, 3}, {"supply", 1, 2}, {"recipes", 1, 1}};
    for (int i = 0; i < 3; ++i) {
        clickIssue(check, i);
        const int tab = check->previewTabs()->currentIndex();
        EXPECT_TRUE(check->previewTabs()->tabText(tab).startsWith(shown[i].table))
            << i << ": " << check->previewTabs()->tabText(tab).toStdString();
        EXPECT_EQ(check->previewView(tab)->currentIndex().row(), shown[i].row) << i;
        EXPECT_EQ(check->previewView(tab)->currentIndex().column(), shown[i].column) << i;
    }

    click(w, QWizard::CancelButton);
    const core::Dataset after = s.stored();
    EXPECT_EQ(after.materials.size(), before.materials.size()) << "nothing was written";
    EXPECT_EQ(after.supply.size(), before.supply.size());
}

} // namespace
} // namespace chokepoint::ui
