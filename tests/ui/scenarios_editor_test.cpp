// SPDX-License-Identifier: MIT
// The scenario editor: every field round-trips (editor -> JSON -> editor -> JSON identical,
// and equal to scenarioToJson of parseScenario), edits through the widgets give the scenario
// written by hand below, and problems show next to their fields and in the list.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "core/analysis/network.h"
#include "core/io/bundled.h"
#include "core/scenario/scenarioparser.h"
#include "tests/ui/uitestsupport.h"
#include "ui/pages/scenarios/idlistedit.h"
#include "ui/pages/scenarios/scenarioeditor.h"
#include "ui/pages/scenarios/shockform.h"
#include "ui/pages/scenarios/shocklistmodel.h"

namespace chokepoint::ui {
namespace {

namespace sc = core::scenario;

std::shared_ptr<const core::analysis::Network> bundledNetwork() {
    static const auto net = [] {
        auto data = core::io::bundledDataset();
        EXPECT_TRUE(data.ok());
        return std::make_shared<const core::analysis::Network>(std::move(*data));
    }();
    return net;
}

sc::Scenario parse(const std::string& json) {
    auto r = sc::parseScenario(json, *bundledNetwork());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.errorString());
    return r ? *r : sc::Scenario{};
}

// Every key of the file format, with values that differ from the defaults.
const char* kEveryField = R"({
  "name": "Every field",
  "description": "All keys given",
  "as_of": "2025-08-01",
  "horizon_days": 200,
  "runs": 250,
  "seed": 42,
  "shocks": [
    {"label": "licence", "select": {"countries": ["CHN", "KOR"], "owner_countries": ["CHN"],
      "materials": ["anode_material"], "technologies": ["t_lfp_prep"],
      "sites": ["innerrange_changsha"], "controlled": true},
     "kind": "licence", "start_day": 0, "duration_days": 120,
     "delay_days": {"min": 15, "mode": 31, "max": 63}, "approval_probability": 0.6},
    {"select": {"countries": ["CHN"], "controlled": false}, "kind": "capacity",
     "capacity": 0.355, "start_day": 30},
    {"select": {}, "kind": "licence", "delay_days": 45},
    {"select": {"materials": ["nat_graphite"]}, "kind": "stop"}
  ],
  "mitigations": {"extra_inventory_days": {"cell_lfp_prismatic": 45, "cell_ncm_pouch": 12.5},
                  "alternatives": false}
})";

TEST(ScenarioEditor, EveryFieldRoundTrips) {
    const sc::Scenario s = parse(kEveryField);
    const std::string expected = sc::scenarioToJson(s);
    ScenarioEditor editor;
    editor.setNetwork(bundledNetwork());
    editor.setScenario(s);
    EXPECT_TRUE(editor.isValid()) << editor.issues().front().toString();
    // The widgets show the values.
    EXPECT_EQ(editor.nameEdit()->text(), QStringLiteral("Every field"));
    EXPECT_EQ(editor.descriptionEdit()->toPlainText(), QStringLiteral("All keys given"));
    EXPECT_TRUE(editor.asOfCheck()->isChecked());
    EXPECT_EQ(editor.asOfEdit()->date(), QDate(2025, 8, 1));
    EXPECT_EQ(editor.horizonBox()->value(), 200);
    EXPECT_EQ(editor.runsBox()->value(), 250);
    EXPECT_EQ(editor.seedEdit()->text(), QStringLiteral("42"));
    EXPECT_EQ(editor.shockModel()->rowCount(), 4);
    EXPECT_EQ(editor.inventoryTable()->rowCount(), 2);
    EXPECT_FALSE(editor.alternativesCheck()->isChecked());
    ShockForm* form = editor.shockForm();
    EXPECT_EQ(editor.currentShock(), 0);
    EXPECT_EQ(form->labelEdit()->text(), QStringLiteral("licence"));
    EXPECT_EQ(form->idList("countries")->ids(), (QStringList{"CHN", "KOR"}));
    EXPECT_EQ(form->idList("sites")->ids(), (QStringList{"innerrange_changsha"}));
    EXPECT_EQ(form->controlledBox()->currentIndex(), 1);
    EXPECT_EQ(form->durationBox()->value(), 120);
    EXPECT_EQ(form->delayModeBox()->currentIndex(), 1);
    EXPECT_DOUBLE_EQ(form->delayBox(0)->value(), 15.0);
    EXPECT_DOUBLE_EQ(form->delayBox(2)->value(), 63.0);
    EXPECT_DOUBLE_EQ(form->approvalBox()->value(), 60.0);
    EXPECT_TRUE(form->approvalBox()->isVisibleTo(&editor));
    EXPECT_FALSE(form->capacityBox()->isVisibleTo(&editor));
    editor.selectShock(1);
    EXPECT_DOUBLE_EQ(form->capacityBox()->value(), 35.5);
    EXPECT_EQ(form->controlledBox()->currentIndex(), 2);
    EXPECT_EQ(form->startBox()->value(), 30);
    EXPECT_EQ(form->durationBox()->value(), -1); // "to the end of the horizon"
    editor.selectShock(2);
    EXPECT_EQ(form->delayModeBox()->currentIndex(), 0);
    EXPECT_DOUBLE_EQ(form->delayBox(1)->value(), 45.0);

    // editor -> JSON: what scenarioToJson writes for the parsed file.
    EXPECT_EQ(editor.json(), expected);
    // JSON -> editor -> JSON: identical.
    ScenarioEditor again;
    again.setNetwork(bundledNetwork());
    again.setScenario(parse(editor.json()));
    EXPECT_EQ(again.json(), expected);
    EXPECT_EQ(again.scenario(), s);
}

TEST(ScenarioEditor, ExamplesRoundTrip) {
    const auto examples = core::io::bundledScenarios();
    ASSERT_EQ(examples.size(), 5u);
    for (const auto& [file, json] : examples) {
        const sc::Scenario s = parse(json);
        ScenarioEditor editor;
        editor.setNetwork(bundledNetwork());
        editor.setScenario(s);
        EXPECT_TRUE(editor.isValid()) << file;
        EXPECT_EQ(editor.json(), sc::scenarioToJson(s)) << file;
        // Visiting every shock in the form changes nothing.
        for (int i = 0; i < editor.shockModel()->rowCount(); ++i)
            editor.selectShock(i);
        EXPECT_EQ(editor.scenario(), s) << file;
    }
}

TEST(ScenarioEditor, EditsThroughTheWidgets) {
    // A user builds "China stops graphite anode exports for 120 days from next month" with
    // 45 more days of cell stock, field by field.
    ScenarioEditor editor;
    editor.setNetwork(bundledNetwork());
    test::ModelChecker checker(editor.shockModel());
    int edits = 0;
    QObject::connect(&editor, &ScenarioEditor::edited, [&] { ++edits; });
    editor.nameEdit()->setText(QStringLiteral("Graphite anode stop"));
    editor.descriptionEdit()->setPlainText(QStringLiteral("From next month, 120 days"));
    editor.asOfCheck()->setChecked(true);
    editor.asOfEdit()->setDate(QDate(2025, 8, 1));
    editor.horizonBox()->setValue(300);
    editor.runsBox()->setValue(1);
    editor.seedEdit()->setText(QStringLiteral("7"));
    EXPECT_GT(edits, 5);

    // Start from an empty list of shocks: remove the new editor's template shock if any.
    while (editor.shockModel()->rowCount() > 0) {
        editor.selectShock(0);
        editor.removeShockButton()->click();
    }
    editor.addShockButton()->click();
    ASSERT_EQ(editor.shockModel()->rowCount(), 1);
    ShockForm* form = editor.shockForm();
    form->labelEdit()->setText(QStringLiteral("anode export stop"));
    // Typing ids (the completer's popup may open; the text is what counts).
    IdListEdit* materials = form->idList("materials");
    QTest::keyClicks(materials->lineEdit(),
                     QStringLiteral("nat_graphite, spherical_graphite, synthetic_graphite, "
                                    "anode_material"));
    EXPECT_EQ(materials->ids().size(), 4);
    form->startBox()->setValue(31);
    form->durationBox()->setValue(120);

    editor.addInventoryButton()->click(); // the first stocked material, 30 days
    ASSERT_EQ(editor.inventoryTable()->rowCount(), 1);
    auto* combo = qobject_cast<QComboBox*>(editor.inventoryTable()->cellWidget(0, 0));
    auto* days = qobject_cast<QDoubleSpinBox*>(editor.inventoryTable()->cellWidget(0, 1));
    ASSERT_TRUE(combo && days);
    combo->setCurrentIndex(combo->findData(QStringLiteral("cell_lfp_prismatic")));
    days->setValue(45.0);
    editor.addInventoryRow(QStringLiteral("cell_ncm_pouch"), 45.0);
    editor.alternativesCheck()->setChecked(false);
    editor.alternativesCheck()->setChecked(true);

    // A second shock: licence, triangular delay, then moved above the first.
    editor.addShockButton()->click();
    form->kindBox()->setCurrentIndex(form->kindBox()->findData(int(sc::ShockKind::Licence)));
    form->delayModeBox()->setCurrentIndex(1);
    form->delayBox(0)->setValue(15);
    form->delayBox(1)->setValue(31);
    form->delayBox(2)->setValue(63);
    form->approvalBox()->setValue(25.0);
    form->controlledBox()->setCurrentIndex(1);
    QTest::keyClicks(form->idList("owner_countries")->lineEdit(), QStringLiteral("CHN"));
    editor.selectShock(1);
    for (QPushButton* b : editor.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Up"))
            b->click();
    EXPECT_EQ(editor.currentShock(), 0);

    EXPECT_TRUE(editor.isValid()) << editor.issues().front().toString();
    // The scenario written by hand. The added shock starts with countries CHN; the second
    // shock's kind change set a 63-day delay, then replaced by the triangle.
    const sc::Scenario expected = parse(R"({
      "name": "Graphite anode stop", "description": "From next month, 120 days",
      "as_of": "2025-08-01", "horizon_days": 300, "runs": 1, "seed": 7,
      "shocks": [
        {"select": {"countries": ["CHN"], "owner_countries": ["CHN"], "controlled": true},
         "kind": "licence", "delay_days": {"min": 15, "mode": 31, "max": 63},
         "approval_probability": 0.25},
        {"label": "anode export stop",
         "select": {"countries": ["CHN"], "materials": ["nat_graphite", "spherical_graphite",
                    "synthetic_graphite", "anode_material"]},
         "kind": "stop", "start_day": 31, "duration_days": 120}],
      "mitigations": {"extra_inventory_days": {"cell_lfp_prismatic": 45, "cell_ncm_pouch": 45},
                      "alternatives": true}})");
    EXPECT_EQ(editor.scenario(), expected);
    EXPECT_EQ(editor.json(), sc::scenarioToJson(expected));

    ScenarioEditor again;
    again.setNetwork(bundledNetwork());
    again.setScenario(parse(editor.json()));
    EXPECT_EQ(again.json(), editor.json());
}

// "45 more days of anode stock": stock is held of our products' BOM materials only (the
// bundled product_bom.csv lists cells, motors, modules and the 12 V battery, not anode
// material), so extra days of anode material change no figure. The editor says so, and the
// command line confirms it: the same lost revenue with and without those days, and a
// different one when the days go to the LFP cell instead.
TEST(ScenarioEditor, ExtraStockOfANonBomMaterialIsFlagged) {
    ScenarioEditor editor;
    editor.setNetwork(bundledNetwork());
    const std::string base = R"({"name": "Anode stop", "as_of": "2026-12-01", "shocks": [
        {"select": {"countries": ["CHN"], "materials": ["anode_material"]}, "kind": "stop",
         "duration_days": 120}]})";
    editor.setScenario(parse(base));
    EXPECT_TRUE(editor.inventoryNoteText().isEmpty());
    editor.addInventoryRow(QStringLiteral("anode_material"), 45.0);
    const QString note = editor.inventoryNoteText();
    EXPECT_TRUE(note.contains(QStringLiteral("No effect"))) << note.toStdString();
    EXPECT_TRUE(note.contains(QStringLiteral("anode_material"))) << note.toStdString();
    const std::string withAnode = editor.json();

    test::TempDir dir;
    const std::string ws = test::createBundledWorkspace(dir);
    auto lost = [&](const std::string& name, const std::string& json) {
        std::string out, err;
        EXPECT_EQ(test::runChokepoint({"scenario", ws, dir.write(name, json), "--format", "json"},
                                      &out, &err),
                  0)
            << err;
        return QJsonDocument::fromJson(QByteArray::fromStdString(out))
            .object()
            .value(QStringLiteral("total_lost_revenue"))
            .toDouble(-1.0);
    };
    const double without = lost("base.json", base);
    EXPECT_GT(without, 0.0);
    EXPECT_EQ(lost("anode.json", withAnode), without);

    auto* combo = qobject_cast<QComboBox*>(editor.inventoryTable()->cellWidget(0, 0));
    ASSERT_NE(combo, nullptr);
    combo->setCurrentIndex(combo->findData(QStringLiteral("cell_lfp_prismatic")));
    EXPECT_TRUE(editor.inventoryNoteText().isEmpty()) << editor.inventoryNoteText().toStdString();
    EXPECT_LT(lost("cells.json", editor.json()), without);
}

TEST(ScenarioEditor, ProblemsNextToFieldsAndInTheList) {
    ScenarioEditor editor;
    editor.setNetwork(bundledNetwork());
    editor.setScenario(parse(R"({"name": "x", "horizon_days": 365, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop"},
        {"select": {"countries": ["CHN"]}, "kind": "capacity", "capacity": 0.5}]})"));
    ASSERT_TRUE(editor.isValid());
    EXPECT_EQ(editor.issueList()->count(), 0);

    editor.nameEdit()->setText(QString());
    EXPECT_FALSE(editor.isValid());
    EXPECT_TRUE(editor.issueText("name").contains(QStringLiteral("must not be empty")))
        << editor.issueText("name").toStdString();
    ASSERT_EQ(editor.issueList()->count(), 1);
    EXPECT_TRUE(editor.issueList()->item(0)->text().startsWith(QStringLiteral("name: ")));

    // runs × horizon over 20,000,000: next to runs.
    editor.runsBox()->setValue(100000);
    EXPECT_TRUE(editor.issueText("runs").contains(QStringLiteral("20000000")))
        << editor.issueText("runs").toStdString();

    // An unknown country in the second shock: next to the field when that shock is shown,
    // and a warning on its row.
    editor.selectShock(1);
    QLineEdit* countries = editor.shockForm()->idList("countries")->lineEdit();
    countries->clear();
    QTest::keyClicks(countries, QStringLiteral("CHN, XXX"));
    const QString issue = editor.shockForm()->issueText("select.countries");
    EXPECT_TRUE(issue.contains(QStringLiteral("[1]"))) << issue.toStdString();
    EXPECT_TRUE(issue.contains(QStringLiteral("XXX"))) << issue.toStdString();
    const QModelIndex row1 = editor.shockModel()->index(1);
    EXPECT_FALSE(editor.shockModel()->data(row1, Qt::DecorationRole).isNull());
    EXPECT_TRUE(
        editor.shockModel()->data(editor.shockModel()->index(0), Qt::DecorationRole).isNull());
    bool listed = false;
    for (int i = 0; i < editor.issueList()->count(); ++i)
        listed |= editor.issueList()->item(i)->text().startsWith(
            QStringLiteral("shocks[1].select.countries[1]: "));
    EXPECT_TRUE(listed);
    // The first shock's form shows no problem of the second.
    editor.selectShock(0);
    EXPECT_TRUE(editor.shockForm()->issueText("select.countries").isEmpty());

    // Fixing them clears everything.
    editor.selectShock(1);
    countries->clear();
    QTest::keyClicks(countries, QStringLiteral("CHN"));
    editor.runsBox()->setValue(1);
    editor.nameEdit()->setText(QStringLiteral("ok"));
    EXPECT_TRUE(editor.isValid());
    EXPECT_EQ(editor.issueList()->count(), 0);
    EXPECT_TRUE(editor.issueText("name").isEmpty());
}

TEST(ScenarioEditor, KindChangeKeepsTheShockValid) {
    ScenarioEditor editor;
    editor.setNetwork(bundledNetwork());
    editor.setScenario(parse(R"({"name": "k", "shocks": [{"select": {}, "kind": "stop"}]})"));
    ShockForm* form = editor.shockForm();
    form->kindBox()->setCurrentIndex(form->kindBox()->findData(int(sc::ShockKind::Capacity)));
    EXPECT_TRUE(editor.isValid());
    EXPECT_EQ(editor.scenario().shocks[0].capacity, 0.5);
    form->kindBox()->setCurrentIndex(form->kindBox()->findData(int(sc::ShockKind::Licence)));
    EXPECT_TRUE(editor.isValid());
    EXPECT_FALSE(editor.scenario().shocks[0].capacity);
    EXPECT_EQ(editor.scenario().shocks[0].delayDays, sc::Delay::fixed(63));
    form->kindBox()->setCurrentIndex(form->kindBox()->findData(int(sc::ShockKind::Stop)));
    EXPECT_TRUE(editor.isValid());
    EXPECT_FALSE(editor.scenario().shocks[0].delayDays);
}

TEST(ScenarioEditor, ShockListModelUnderTheModelTester) {
    ShockListModel model;
    test::ModelChecker checker(&model);
    sc::Shock a, b;
    b.kind = sc::ShockKind::Capacity;
    b.capacity = 0.25;
    model.setShocks({a});
    model.insertShock(1, b);
    model.insertShock(0, b);
    model.moveDown(0);
    model.setIssues({{}, {QStringLiteral("capacity: bad")}});
    EXPECT_EQ(model.data(model.index(1), Qt::ToolTipRole).toString(),
              QStringLiteral("capacity: bad"));
    model.removeShock(1);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_TRUE(model.data(model.index(1), Qt::DisplayRole)
                    .toString()
                    .startsWith(QStringLiteral("capacity 25 %")))
        << model.data(model.index(1), Qt::DisplayRole).toString().toStdString();
}

TEST(IdListEdit, PickListAndCompletion) {
    IdListEdit edit;
    edit.setChoices({{QStringLiteral("CHN"), QStringLiteral("China")},
                     {QStringLiteral("KOR"), QStringLiteral("Korea")}});
    int edited = 0;
    QObject::connect(&edit, &IdListEdit::idsEdited, [&] { ++edited; });
    edit.setIds({QStringLiteral("KOR"), QStringLiteral("ZZZ")});
    EXPECT_EQ(edited, 0);
    EXPECT_EQ(edit.ids(), (QStringList{"KOR", "ZZZ"}));
    edit.showPickList();
    ASSERT_NE(edit.popup(), nullptr);
    auto* list = edit.popup()->findChild<QListWidget*>(QStringLiteral("idPickList"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->count(), 2);
    EXPECT_EQ(list->item(1)->checkState(), Qt::Checked);
    list->item(0)->setCheckState(Qt::Checked);
    // The unknown id typed by hand stays; the checks follow.
    EXPECT_EQ(edit.ids(), (QStringList{"ZZZ", "CHN", "KOR"}));
    EXPECT_GE(edited, 1);
    edit.popup()->close();
}

TEST(IdListEdit, ALongListReadsFromItsFirstId) {
    IdListEdit edit;
    edit.resize(160, 30);
    edit.setIds({QStringLiteral("natural_graphite"), QStringLiteral("synthetic_graphite"),
                 QStringLiteral("anode_material")});
    EXPECT_EQ(edit.lineEdit()->cursorPosition(), 0);
    EXPECT_TRUE(edit.lineEdit()->toolTip().contains(QStringLiteral("anode_material")));
}

} // namespace
} // namespace chokepoint::ui
