// SPDX-License-Identifier: MIT
// Editing export-control measures on the Technologies & Controls page: the form validates as
// you type; add, undo, redo, edit and delete are saved to the workspace at once; reopening the
// workspace shows the same measures; the figures follow (checked against the command line run
// on the saved workspace file).
#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include "core/io/controledit.h"
#include "core/util/format.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/mainwindow.h"
#include "ui/pages/controls/controleditdialog.h"
#include "ui/pages/controls/controleditor.h"
#include "ui/pages/controls/controltimeline.h"
#include "ui/pages/controls/measuretablemodel.h"
#include "ui/pages/controlspage.h"
#include "ui/pages/pageregistry.h"
#include "ui/widgets/kpitile.h"

namespace chokepoint::ui {
namespace {

core::Date day(const char* text) {
    return *core::Date::parse(text);
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// Σ of `key` over the `list` array of `chokepoint exposure WS --lens controlled --as-of
// 2025-08-01 --format json` (products' revenue_at_risk, materials' spend_at_risk).
double cliSum(const std::string& workspace, const char* list, const char* key) {
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"exposure", workspace, "--lens", "controlled", "--as-of",
                                   "2025-08-01", "--format", "json"},
                                  &out, &err),
              0)
        << err;
    double sum = 0;
    const QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
    for (const QJsonValue v : doc.value(QLatin1String(list)).toArray())
        sum += v.toObject().value(QLatin1String(key)).toDouble();
    return sum;
}
double cliRevenueAtRisk(const std::string& workspace) {
    return cliSum(workspace, "products", "revenue_at_risk");
}
double cliSpendAtRisk(const std::string& workspace) {
    return cliSum(workspace, "materials", "spend_at_risk");
}

// A new announcement: China puts ADAS sensor modules under licence from 2025-08-01. Northwind
// buys 30 % of its sensor modules from the Chinese plant in Wuxi, whose flow to Northwind is
// only partly controlled so far (through its germanium), so the measure raises the spend at
// risk on sensor modules under any reading of the controlled lens. (An LFP-cell measure no
// longer does: the bundled Ningde cell plant counts as controlled already when technology
// controls count for every plant, and sensors, cells and motors never set a product's figure
// when they count only for plants abroad.)
core::io::ControlDraft sensorModuleDraft() {
    core::io::ControlDraft d;
    d.id = "EC20";
    d.issuer = "CHN";
    d.title = "Export control on ADAS sensor modules";
    d.reference = "MOFCOM/GAC Announcement No. 99 of 2025";
    d.announced = "2025-07-20";
    d.effective = "2025-08-01";
    d.kind = "licence";
    d.licenceReviewDays = "45";
    d.source = "S038";
    d.items = {{"", core::ItemKind::Material, "sensor_module"}};
    return d;
}

class ControlsEditTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = test::createBundledWorkspace(dir);
        open(state, window);
    }
    void TearDown() override { window.reset(); }

    ControlsPage* open(AppState& s, std::unique_ptr<MainWindow>& w) {
        s.setAsOf(day("2025-08-01"));
        w = std::make_unique<MainWindow>(s);
        w->resize(1600, 1000);
        w->show();
        s.openWorkspace(qs(path));
        s.waitForIdle();
        EXPECT_TRUE(w->showPage(pageid::controls));
        auto* p = qobject_cast<ControlsPage*>(w->page(pageid::controls));
        settle(p);
        return p;
    }
    ControlsPage* page() const {
        return qobject_cast<ControlsPage*>(window->page(pageid::controls));
    }
    static void settle(ControlsPage* p) {
        for (int i = 0; i < 3; ++i) {
            QApplication::processEvents();
            p->waitForIdle();
        }
        QApplication::processEvents();
    }
    core::Dataset load() const {
        auto ws = core::Workspace::open(path);
        EXPECT_TRUE(ws.ok());
        auto d = ws->load();
        EXPECT_TRUE(d.ok());
        return *d;
    }
    static bool hasControl(const core::Dataset& d, const std::string& id) {
        for (const auto& c : d.controls)
            if (c.id == id)
                return true;
        return false;
    }
    // The revenue tile against the command line on the saved workspace.
    void expectRevenueTileMatchesCli(ControlsPage* p) {
        const double atRisk = cliRevenueAtRisk(path);
        EXPECT_TRUE(p->tile(ControlsPage::RevenueDependence)
                        ->captionText()
                        .startsWith(qs(core::formatMoney(atRisk))))
            << p->tile(ControlsPage::RevenueDependence)->captionText().toStdString() << " vs "
            << core::formatMoney(atRisk);
    }

    test::TempDir dir;
    std::string path;
    AppState state;
    std::unique_ptr<MainWindow> window;
};

TEST_F(ControlsEditTest, TheFormValidatesAsYouType) {
    const core::Dataset data = load();
    ControlEditDialog dialog(data, std::nullopt, day("2025-08-01"));
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    // A new measure starts from today's announcement; it needs an id and a title.
    EXPECT_EQ(dialog.field("announced")->text(), QStringLiteral("2025-08-01"));
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(dialog.field("id"), QStringLiteral("bad id"));
    EXPECT_TRUE(dialog.issuesText().contains(QStringLiteral("id: invalid id")))
        << dialog.issuesText().toStdString();
    dialog.field("id")->clear();
    QTest::keyClicks(dialog.field("id"), QStringLiteral("EC10")); // taken
    EXPECT_TRUE(dialog.issuesText().contains(QStringLiteral("already exists")))
        << dialog.issuesText().toStdString();
    dialog.field("id")->clear();
    QTest::keyClicks(dialog.field("id"), QStringLiteral("EC20"));
    QTest::keyClicks(dialog.field("title"), QStringLiteral("Export control on LFP cells"));
    dialog.field("effective")->clear();
    QTest::keyClicks(dialog.field("effective"), QStringLiteral("2025-02-30"));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(dialog.issuesText().contains(QStringLiteral("effective:")));
    dialog.field("effective")->clear();
    QTest::keyClicks(dialog.field("effective"), QStringLiteral("2025-09-01"));
    EXPECT_TRUE(ok->isEnabled()) << dialog.issuesText().toStdString();
    // No items yet: allowed, with a warning.
    EXPECT_TRUE(dialog.issuesText().contains(QStringLiteral("warning, items")));
    QListWidget* materials = dialog.materialList();
    for (int i = 0; i < materials->count(); ++i)
        if (materials->item(i)->data(Qt::UserRole).toString() ==
            QStringLiteral("cell_lfp_prismatic"))
            materials->item(i)->setCheckState(Qt::Checked);
    EXPECT_FALSE(dialog.issuesText().contains(QStringLiteral("warning, items")));
    ASSERT_TRUE(dialog.check().ok());
    ASSERT_EQ(dialog.check().items.size(), 1u);
    EXPECT_EQ(dialog.check().items[0].itemId, "cell_lfp_prismatic");
    // An unknown issuer is an error again.
    dialog.field("issuer")->setText(QStringLiteral("XYZ"));
    EXPECT_FALSE(ok->isEnabled());
}

TEST_F(ControlsEditTest, StatusAndSeveralTargetCountries) {
    // A scheduled measure aimed at two destinations: the status is a choice, the targets a
    // ';' list whose last entry the completer fills in.
    const core::Dataset data = load();
    ControlEditDialog dialog(data, std::nullopt, day("2025-08-01"));
    dialog.setAttribute(Qt::WA_DontShowOnScreen);
    dialog.show(); // the completer follows typing in a shown line edit
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(dialog.field("id"), QStringLiteral("EC21"));
    QTest::keyClicks(dialog.field("title"), QStringLiteral("US and Japan only"));
    ASSERT_EQ(dialog.statusBox()->count(), 2);
    EXPECT_EQ(dialog.statusBox()->currentData().toString(), QStringLiteral("confirmed"));
    dialog.statusBox()->setCurrentIndex(dialog.statusBox()->findData(QStringLiteral("scheduled")));
    QLineEdit* targets = dialog.field("target_country");
    QTest::keyClicks(targets, QStringLiteral("USA;"));
    QCompleter* completer = targets->completer();
    ASSERT_TRUE(completer);
    QTest::keyClicks(targets, QStringLiteral("JP"));
    EXPECT_EQ(completer->completionPrefix(), QStringLiteral("USA;JP"));
    // Only JPN starts with "JP"; the completion keeps what was typed before the last ';'.
    ASSERT_EQ(completer->completionCount(), 1);
    EXPECT_EQ(completer->currentCompletion(), QStringLiteral("USA;JPN"));
    EXPECT_TRUE(completer->popup()->isVisible());
    QTest::keyClicks(targets, QStringLiteral("N"));
    EXPECT_EQ(targets->text(), QStringLiteral("USA;JPN"));
    ASSERT_TRUE(ok->isEnabled()) << dialog.issuesText().toStdString();
    ASSERT_TRUE(dialog.check().ok());
    EXPECT_EQ(dialog.check().control->status, core::ControlStatus::Scheduled);
    EXPECT_EQ(dialog.check().control->targetCountries, (std::vector<std::string>{"USA", "JPN"}));
    // An unknown destination is an error at its field.
    targets->setText(QStringLiteral("USA;XYZ"));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(
        dialog.issuesText().contains(QStringLiteral("target_country: unknown country 'XYZ'")))
        << dialog.issuesText().toStdString();

    // Editing an existing measure starts from its status and list.
    core::Dataset withScheduled = data;
    for (auto& c : withScheduled.controls)
        if (c.id == "EC06-R") {
            c.status = core::ControlStatus::Scheduled;
            c.targetCountries = {"USA", "JPN"};
        }
    ControlEditDialog edit(withScheduled, std::string("EC06-R"), day("2025-08-01"));
    EXPECT_EQ(edit.statusBox()->currentData().toString(), QStringLiteral("scheduled"));
    EXPECT_EQ(edit.field("target_country")->text(), QStringLiteral("USA;JPN"));
    ASSERT_TRUE(edit.check().ok()) << edit.issuesText().toStdString();
}

TEST_F(ControlsEditTest, AddUndoRedoSaveAndReopen) {
    ControlsPage* p = page();
    const double before = cliRevenueAtRisk(path);
    const double spendBefore = cliSpendAtRisk(path);
    expectRevenueTileMatchesCli(p);
    const int lanes = p->timeline()->laneCount();

    const auto check = core::io::checkControlDraft(sensorModuleDraft(), load());
    ASSERT_TRUE(check.ok());
    ASSERT_TRUE(p->editor()->addControl({*check.control, check.items}));
    settle(p);
    // Saved at once: the file has it, the figures changed, the page shows and selects it.
    // Our spend on Wuxi's sensor modules is 350,000 modules a year (120,000 + 3 · 60,000 +
    // 2 · 25,000) · USD 150 · 30 % = USD 15.75 m; the Wuxi link was at most 96 % controlled
    // (90 % of its germanium from Lincang, the rest unknown at China's 60 %), so at least
    // 4 % of it (USD 0.63 m) becomes spend at risk.
    EXPECT_TRUE(hasControl(load(), "EC20"));
    const double added = cliRevenueAtRisk(path);
    EXPECT_GE(added, before);
    EXPECT_GT(cliSpendAtRisk(path), spendBefore + 0.6e6);
    expectRevenueTileMatchesCli(p);
    EXPECT_GE(p->measureModel()->rowForKey(QStringLiteral("control:EC20")), 0);
    EXPECT_EQ(p->timeline()->laneCount(), lanes + 1);
    EXPECT_EQ(state.selection().id, QStringLiteral("EC20"));
    EXPECT_EQ(state.network()->data(), load()); // memory and file agree

    QUndoStack* stack = p->editor()->undoStack();
    stack->undo();
    settle(p);
    EXPECT_FALSE(hasControl(load(), "EC20"));
    EXPECT_NEAR(cliRevenueAtRisk(path), before, 1e-6);
    EXPECT_NEAR(cliSpendAtRisk(path), spendBefore, 1e-3);
    expectRevenueTileMatchesCli(p);
    EXPECT_LT(p->measureModel()->rowForKey(QStringLiteral("control:EC20")), 0);
    EXPECT_EQ(state.network()->data(), load());

    stack->redo();
    settle(p);
    EXPECT_TRUE(hasControl(load(), "EC20"));
    expectRevenueTileMatchesCli(p);
    EXPECT_EQ(state.network()->data(), load());

    // Reopen the workspace in a new window: the measure is there, the figures too.
    AppState second;
    std::unique_ptr<MainWindow> other;
    ControlsPage* reopened = open(second, other);
    EXPECT_GE(reopened->measureModel()->rowForKey(QStringLiteral("control:EC20")), 0);
    EXPECT_NEAR(cliRevenueAtRisk(path), added, 1e-6);
    expectRevenueTileMatchesCli(reopened);
    other.reset();
}

TEST_F(ControlsEditTest, EditAndDeleteWithUndo) {
    ControlsPage* p = page();
    const core::Dataset original = load();
    const double before = cliRevenueAtRisk(path);
    const double spendBefore = cliSpendAtRisk(path);

    // EC10 suspended from 2025-07-20: at 2025-08-01 it is no longer in force.
    core::io::ControlDraft d;
    for (const auto& c : original.controls)
        if (c.id == "EC10")
            d = core::io::draftFromControl(c, core::io::itemsOfControl(original, "EC10"));
    d.end = "2025-07-20";
    const auto check = core::io::checkControlDraft(d, original, std::string("EC10"));
    ASSERT_TRUE(check.ok());
    ASSERT_TRUE(p->editor()->editControl("EC10", {*check.control, check.items}));
    settle(p);
    // EC10 restricts the lithium processing technologies: lithium carbonate and hydroxide
    // lose their controlled dependence, so spend at risk falls. Revenue at risk does not move:
    // each product's dependence is the max over its inputs (SPEC §3), and the cells and motors
    // under EC01/EC02/EC09 are more dependent than lithium in every product.
    const double suspended = cliRevenueAtRisk(path);
    EXPECT_NEAR(suspended, before, 1e-6);
    EXPECT_LT(cliSpendAtRisk(path), spendBefore - 1e6);
    expectRevenueTileMatchesCli(p);
    const int row = p->measureModel()->rowForKey(QStringLiteral("control:EC10"));
    EXPECT_EQ(p->measureModel()
                  ->data(p->measureModel()->index(row, MeasureTableModel::Status))
                  .toString(),
              QStringLiteral("ended (suspended or lifted)"));

    ASSERT_TRUE(p->deleteMeasure(QStringLiteral("EC10"), false));
    settle(p);
    EXPECT_FALSE(hasControl(load(), "EC10"));
    EXPECT_NEAR(cliRevenueAtRisk(path), suspended, 1e-6); // it was not in force anyway
    QUndoStack* stack = p->editor()->undoStack();
    stack->undo(); // the deletion
    stack->undo(); // the edit
    settle(p);
    EXPECT_EQ(load().controls, original.controls); // same rows, same order
    EXPECT_NEAR(cliRevenueAtRisk(path), before, 1e-6);
    EXPECT_NEAR(cliSpendAtRisk(path), spendBefore, 1e-3);
    expectRevenueTileMatchesCli(p);
}

// The whole path through the dialog: New measure…, fill in, OK.
TEST_F(ControlsEditTest, AddThroughTheDialog) {
    ControlsPage* p = page();
    bool filled = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ControlEditDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->setDraft(sensorModuleDraft());
        filled = dialog->canAccept();
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    EXPECT_TRUE(p->openEditDialog({}));
    EXPECT_TRUE(filled);
    settle(p);
    const core::Dataset saved = load();
    ASSERT_TRUE(hasControl(saved, "EC20"));
    EXPECT_EQ(core::io::itemsOfControl(saved, "EC20").size(), 1u);
    expectRevenueTileMatchesCli(p);
    EXPECT_EQ(p->editor()->undoStack()->count(), 1);
}

} // namespace
} // namespace chokepoint::ui
