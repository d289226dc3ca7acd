// SPDX-License-Identifier: MIT
// File ▸ Export report…: the dialog on the bundled workspace writes a PDF and an HTML file
// with the chosen scenarios, and previews page one at the chosen paper's proportions.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QProcess>

#include "core/io/bundled.h"
#include "core/store/scenariostore.h"
#include "core/store/workspace.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/report/reportdialog.h"

using namespace chokepoint;

namespace {

// The names of the two example scenarios, read from their JSON here.
QStringList exampleNames() {
    QStringList names;
    for (const auto& [file, json] : core::io::bundledScenarios())
        if (file.rfind("graphite-anode-squeeze", 0) == 0 ||
            file.rfind("tech-licences-july-2025", 0) == 0)
            names << QJsonDocument::fromJson(QByteArray::fromStdString(json))
                         .object()
                         .value(QStringLiteral("name"))
                         .toString();
    return names;
}

std::string pdfText(const std::string& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QString::fromStdString(pdf), QStringLiteral("-")});
    if (!p.waitForStarted()) {
        ADD_FAILURE() << "pdftotext is not installed (poppler-utils)";
        return {};
    }
    p.waitForFinished(60000);
    return p.readAllStandardOutput().toStdString();
}

class ReportDialogTest : public ::testing::Test {
protected:
    void SetUp() override {
        state.openWorkspace(QString::fromStdString(test::createBundledWorkspace(dir)));
        state.waitForIdle();
        dialog = std::make_unique<ui::ReportDialog>(state);
        dialog->setAttribute(Qt::WA_DontShowOnScreen);
        dialog->show();
        auto* asOf = dialog->findChild<QDateEdit*>();
        ASSERT_NE(asOf, nullptr);
        asOf->setDate(QDate(2025, 8, 1));
    }
    test::TempDir dir;
    ui::AppState state;
    std::unique_ptr<ui::ReportDialog> dialog;
};

TEST_F(ReportDialogTest, WritesPdfAndHtmlWithTheChosenScenarios) {
    const QStringList names = exampleNames();
    ASSERT_EQ(names.size(), 2);
    for (const auto& n : names)
        EXPECT_TRUE(dialog->scenarioNames().contains(n)) << n.toStdString();
    dialog->setCheckedScenarios(names);
    EXPECT_EQ(dialog->reportOptions().scenarios.size(), 2u);
    EXPECT_EQ(dialog->reportOptions().asOf.toString(), "2025-08-01");

    const std::string pdf = dir.file("report.pdf");
    dialog->setFormat(QStringLiteral("pdf"));
    dialog->setOutputPath(QString::fromStdString(pdf));
    QString error;
    ASSERT_TRUE(dialog->exportNow(&error)) << error.toStdString();
    const std::string bytes = test::readFile(pdf);
    EXPECT_EQ(bytes.rfind("%PDF-", 0), 0u);
    const std::string text = pdfText(pdf);
    for (const char* title : {"Executive summary", "Stress scenarios", "Methodology and sources"})
        EXPECT_NE(text.find(title), std::string::npos) << title;
    EXPECT_NE(text.find("As of 2025-08-01"), std::string::npos);
    EXPECT_NE(text.find("Graphite and anode licence squeeze"), std::string::npos);

    // HTML: the format switches the path's extension too.
    dialog->setFormat(QStringLiteral("html"));
    EXPECT_EQ(dialog->format(), "html");
    EXPECT_TRUE(dialog->outputPath().endsWith(QStringLiteral(".html")))
        << dialog->outputPath().toStdString();
    ASSERT_TRUE(dialog->exportNow(&error)) << error.toStdString();
    const std::string html = test::readFile(dialog->outputPath().toStdString());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    for (const auto& n : names)
        EXPECT_NE(html.find(n.toStdString()), std::string::npos) << n.toStdString();

    // A folder that does not exist: an error, no file.
    dialog->setOutputPath(QString::fromStdString(dir.file("missing/r.html")));
    EXPECT_FALSE(dialog->exportNow(&error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(ReportDialogTest, PreviewOfPageOneHasThePapersProportions) {
    dialog->refreshPreview();
    dialog->waitForIdle();
    QCoreApplication::processEvents();
    QImage a4 = dialog->previewImage();
    ASSERT_FALSE(a4.isNull());
    EXPECT_NEAR(double(a4.height()) / a4.width(), 297.0 / 210.0, 0.01);
    // Something is drawn: the title in the accent colour, not a white page.
    int dark = 0;
    for (int y = 0; y < a4.height() / 4; y += 2)
        for (int x = 0; x < a4.width(); x += 2)
            dark += qGray(a4.pixel(x, y)) < 128;
    EXPECT_GT(dark, 200);

    auto* paper = dialog->findChild<QComboBox*>();
    int letter = -1;
    for (auto* combo : dialog->findChildren<QComboBox*>())
        if (int i = combo->findText(QStringLiteral("Letter")); i >= 0) {
            paper = combo;
            letter = i;
        }
    ASSERT_GE(letter, 0);
    paper->setCurrentIndex(letter);
    QCoreApplication::processEvents();
    const QImage l = dialog->previewImage();
    EXPECT_NEAR(double(l.height()) / l.width(), 11.0 / 8.5, 0.01);
    EXPECT_EQ(dialog->renderOptions().paper, QPageSize::Letter);
}

} // namespace

namespace {

// A scenario saved in the workspace is offered, ticked, before the bundled examples (0.1.0
// listed only the examples: a saved case reached the report only through a JSON file).
TEST(ReportDialogSaved, ListsTheScenariosSavedInTheWorkspaceTicked) {
    test::TempDir dir;
    const std::string path = test::createBundledWorkspace(dir);
    std::string example;
    for (const auto& [file, json] : core::io::bundledScenarios())
        if (file.rfind("graphite-anode-squeeze", 0) == 0)
            example = json;
    ASSERT_FALSE(example.empty());
    QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(example)).object();
    object.insert(QStringLiteral("name"), QStringLiteral("My graphite case"));
    {
        auto ws = core::Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        core::store::ScenarioStore store(ws->database());
        ASSERT_TRUE(store.add(QJsonDocument(object).toJson().toStdString()).ok());
    }
    ui::AppState state;
    state.openWorkspace(QString::fromStdString(path));
    state.waitForIdle();
    ui::ReportDialog dialog(state);
    auto* list = dialog.findChild<QListWidget*>();
    ASSERT_NE(list, nullptr);
    ASSERT_GT(list->count(), 1);
    EXPECT_EQ(list->item(0)->text(), "My graphite case");
    EXPECT_EQ(list->item(0)->checkState(), Qt::Checked);
    EXPECT_EQ(list->item(1)->checkState(), Qt::Unchecked); // the examples stay unticked
}

} // namespace
