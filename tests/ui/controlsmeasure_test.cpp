// SPDX-License-Identifier: MIT
// The Technologies & Controls page answers, on the bundled data: which of our flows does the
// July 2025 technology-catalogue revision (EC10) touch, what is at risk if licences take 60
// days, and what changed when the October 2025 measures were suspended. Every figure is
// checked against the command line (`chokepoint exposure` / `chokepoint scenario`, JSON) or
// against the raw rows.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include <QApplication>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

#include "core/scenario/scenarioparser.h"
#include "core/util/format.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/mainwindow.h"
#include "ui/pages/controls/impactmodels.h"
#include "ui/pages/controls/measurepanel.h"
#include "ui/pages/controls/whatchangedpanel.h"
#include "ui/pages/controlspage.h"
#include "ui/pages/pageregistry.h"

namespace chokepoint::ui {
namespace {

core::Date day(const char* text) {
    return *core::Date::parse(text);
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
QString money(double v) {
    return qs(core::formatMoney(v));
}

QJsonObject cliJson(const std::vector<std::string>& args) {
    std::string out, err;
    EXPECT_EQ(test::runChokepoint(args, &out, &err), 0) << err;
    return QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
}

double sumOf(const QJsonObject& doc, const char* list, const char* key) {
    double sum = 0;
    for (const QJsonValue v : doc.value(QLatin1String(list)).toArray())
        sum += v.toObject().value(QLatin1String(key)).toDouble();
    return sum;
}

class ControlsMeasureTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = test::createBundledWorkspace(dir);
        auto data = core::io::bundledDataset();
        ASSERT_TRUE(data.ok());
        raw = *data;
        state.setAsOf(day("2025-07-15"));
        window = std::make_unique<MainWindow>(state);
        window->resize(1600, 1000);
        window->show();
        state.openWorkspace(qs(path));
        state.waitForIdle();
        ASSERT_TRUE(window->showPage(pageid::controls));
        page = qobject_cast<ControlsPage*>(window->page(pageid::controls));
        ASSERT_NE(page, nullptr);
        settle();
    }
    void TearDown() override { window.reset(); }
    void settle() {
        for (int i = 0; i < 3; ++i) {
            QApplication::processEvents();
            page->waitForIdle();
        }
        QApplication::processEvents();
    }
    void selectMeasure(const char* id) {
        state.setSelection({SelectionKind::Control, QLatin1String(id)});
        settle();
    }
    // Flows (site, material) of the network: supplier sites of supply rows and alternatives.
    std::set<std::pair<std::string, std::string>> nodes() const {
        std::set<std::pair<std::string, std::string>> out;
        for (const auto& l : raw.supply)
            out.insert({l.supplierSite, l.materialId});
        for (const auto& a : raw.alternatives)
            out.insert({a.siteId, a.materialId});
        return out;
    }
    // Controls in force at t covering the flow (site -> buyer, material), worked out from the
    // raw rows with the v2 rules (SPEC §3): a material item when the flow is an export of the
    // issuer to a destination the measure reaches; a technology item when the site is outside
    // the issuer, uses it with the issuer as source, and the measure reaches the site's country.
    // Scheduled measures do not count (the panel has no assume-scheduled option).
    std::set<std::string> covering(const std::string& site, const std::string& material,
                                   const std::string& buyer, core::Date t) const {
        auto countryOf = [&](const std::string& id) {
            for (const auto& s : raw.sites)
                if (s.id == id)
                    return s.country;
            return std::string();
        };
        const std::string country = countryOf(site);
        const std::string destination =
            buyer.empty() ? raw.profile.companyCountry.value_or("") : countryOf(buyer);
        auto reaches = [](const core::Control& c, const std::string& d) {
            return c.targetCountries.empty() ||
                   (!d.empty() && std::find(c.targetCountries.begin(), c.targetCountries.end(),
                                            d) != c.targetCountries.end());
        };
        std::set<std::string> out;
        for (const auto& c : raw.controls) {
            if (!(c.effective <= t && (!c.end || *c.end > t)) ||
                c.status != core::ControlStatus::Confirmed)
                continue;
            for (const auto& x : raw.controlItems) {
                if (x.controlId != c.id)
                    continue;
                if (x.itemKind == core::ItemKind::Material && x.itemId == material &&
                    c.issuer == country && destination != c.issuer && reaches(c, destination))
                    out.insert(c.id);
                if (x.itemKind == core::ItemKind::Technology)
                    for (const auto& st : raw.siteTechnologies)
                        if (st.siteId == site && st.technologyId == x.itemId &&
                            st.sourceCountry == c.issuer && country != c.issuer &&
                            reaches(c, country))
                            out.insert(c.id);
            }
        }
        return out;
    }

    test::TempDir dir;
    std::string path;
    core::Dataset raw;
    AppState state;
    std::unique_ptr<MainWindow> window;
    ControlsPage* page = nullptr;
};

// EC10 alone, checked against the command line on a copy of the workspace that holds EC10 as
// its only control: the same "controlled lens with one measure" by another route.
TEST_F(ControlsMeasureTest, WhatTheJulyCatalogueRevisionTouches) {
    selectMeasure("EC10");
    MeasurePanel* panel = page->measurePanel();
    ASSERT_EQ(panel->measureId(), QStringLiteral("EC10"));
    const QString details = panel->detailsText();
    EXPECT_TRUE(details.contains(QStringLiteral("MOFCOM/MOST Announcement No. 28 of 2025")));
    EXPECT_TRUE(details.contains(QStringLiteral("2025-07-15")));
    EXPECT_TRUE(details.contains(QStringLiteral("45 working days")));
    EXPECT_TRUE(details.contains(QStringLiteral("63 days")));
    // Sources: every id of the control's source column with its publisher and URL.
    const core::Control* ec10 = nullptr;
    for (const auto& c : raw.controls)
        if (c.id == "EC10")
            ec10 = &c;
    ASSERT_TRUE(ec10 && ec10->source);
    for (const auto& s : raw.sources) {
        if (ec10->source->find(s.id) == std::string::npos)
            continue;
        EXPECT_TRUE(details.contains(qs(s.publisher))) << s.id;
        if (s.url) {
            EXPECT_TRUE(details.contains(qs(*s.url))) << s.id;
        }
    }
    // Items: its nine technologies by name.
    for (const auto& x : raw.controlItems) {
        if (x.controlId != "EC10")
            continue;
        for (const auto& t : raw.technologies) {
            if (t.id == x.itemId) {
                EXPECT_TRUE(details.contains(qs(t.name))) << t.id;
            }
        }
    }

    // Sites: every flow from a site outside China that depends on one of EC10's technologies
    // with China as its source (EC10 has no target list: it reaches every country).
    std::set<std::string> techs;
    for (const auto& x : raw.controlItems)
        if (x.controlId == "EC10")
            techs.insert(x.itemId);
    std::set<std::string> sites;
    for (const auto& st : raw.siteTechnologies)
        if (techs.count(st.technologyId) && st.sourceCountry == std::string("CHN"))
            for (const auto& site : raw.sites)
                if (site.id == st.siteId && site.country != "CHN")
                    sites.insert(st.siteId);
    EXPECT_FALSE(sites.empty());
    int flows = 0;
    for (const auto& [site, material] : nodes())
        flows += sites.count(site) ? 1 : 0;
    ImpactSiteModel* siteModel = panel->siteModel();
    EXPECT_EQ(siteModel->rowCount(), flows);
    for (int r = 0; r < siteModel->rowCount(); ++r)
        EXPECT_TRUE(sites.count(siteModel->key(r).mid(5).toStdString())) << r;

    // Figures: the command line on a workspace where EC10 is the only control.
    core::Dataset alone = raw;
    std::erase_if(alone.controls, [](const core::Control& c) { return c.id != "EC10"; });
    std::erase_if(alone.controlItems,
                  [](const core::ControlItem& x) { return x.controlId != "EC10"; });
    const std::string other = dir.file("ec10-only.chokepoint");
    {
        auto ws = core::Workspace::create(other);
        ASSERT_TRUE(ws.ok());
        ASSERT_TRUE(ws->write(alone, core::WriteMode::Replace).ok());
    }
    const QJsonObject cli = cliJson(
        {"exposure", other, "--lens", "controlled", "--as-of", "2025-08-01", "--format", "json"});
    const double revenueAtRisk = sumOf(cli, "products", "revenue_at_risk");
    const double spendAtRisk = sumOf(cli, "materials", "spend_at_risk");
    EXPECT_GT(revenueAtRisk, 0.0);
    EXPECT_TRUE(panel->impactText().contains(money(revenueAtRisk)))
        << panel->impactText().toStdString();
    EXPECT_TRUE(panel->impactText().contains(money(spendAtRisk)))
        << panel->impactText().toStdString();
    ImpactProductModel* products = panel->productModel();
    for (const QJsonValue v : cli.value(QStringLiteral("products")).toArray()) {
        const QJsonObject p = v.toObject();
        const int r = products->rowForKey(QStringLiteral("product:") +
                                          p.value(QStringLiteral("id")).toString());
        ASSERT_GE(r, 0);
        EXPECT_NEAR(
            products
                ->data(products->index(r, ImpactProductModel::RevenueAtRisk), TableModel::SortRole)
                .toDouble(),
            p.value(QStringLiteral("revenue_at_risk")).toDouble(), 1e-3);
    }
    ImpactMaterialModel* materials = panel->materialModel();
    int dependent = 0;
    for (const QJsonValue v : cli.value(QStringLiteral("materials")).toArray()) {
        const QJsonObject m = v.toObject();
        const double dep = m.value(QStringLiteral("dependence")).toDouble();
        const int r = materials->rowForKey(QStringLiteral("material:") +
                                           m.value(QStringLiteral("id")).toString());
        if (dep <= 0) {
            EXPECT_LT(r, 0);
            continue;
        }
        ++dependent;
        ASSERT_GE(r, 0);
        EXPECT_NEAR(
            materials
                ->data(materials->index(r, ImpactMaterialModel::Dependence), TableModel::SortRole)
                .toDouble(),
            dep, 1e-12);
    }
    EXPECT_EQ(materials->rowCount(), dependent);
}

// "What is at risk if licences take 60 days": a fixed 60-day delay, one deterministic run, and
// the default Monte Carlo run of the measure, against `chokepoint scenario`. EC10's default
// scenario has the shipped example's technologies, delays, approval and seed
// (tech-licences-july-2025.json) but `controlled: true`: under v2 it reaches only the plants
// abroad using Chinese technology, so its numbers are those of its own JSON.
TEST_F(ControlsMeasureTest, StressTheMeasure) {
    selectMeasure("EC10");
    MeasurePanel* panel = page->measurePanel();
    EXPECT_EQ(panel->delayBox(0)->value(), 15);
    EXPECT_EQ(panel->delayBox(1)->value(), 63);
    EXPECT_EQ(panel->delayBox(2)->value(), 90);

    // The draft goes to the Scenarios page.
    QSignalSpy drafts(&state, &AppState::scenarioDraftRequested);
    QSignalSpy pages(&state, &AppState::pageRequested);
    panel->stressButton()->click();
    ASSERT_EQ(drafts.count(), 1);
    EXPECT_EQ(pages.count(), 1);
    EXPECT_EQ(pages.front().front().toString(), pageid::scenarios);
    const std::string draft = drafts.front().front().toString().toStdString();
    auto parsed = core::scenario::parseScenario(draft, *state.network());
    ASSERT_TRUE(parsed.ok()) << parsed.errorString();
    EXPECT_EQ(parsed->asOf, day("2025-07-15"));
    ASSERT_EQ(parsed->shocks.size(), 1u);
    EXPECT_EQ(parsed->shocks[0].kind, core::scenario::ShockKind::Licence);
    EXPECT_EQ(parsed->shocks[0].delayDays, core::scenario::Delay::triangle(15, 63, 90));
    EXPECT_EQ(parsed->shocks[0].select.controlled, true);
    ASSERT_TRUE(window->showPage(pageid::controls));
    settle();

    // Default (1,000 runs, seed 20250715): the command line on the panel's own scenario.
    const std::string defaults =
        dir.write("ec10-default.json", panel->scenarioJson().toStdString());
    EXPECT_TRUE(panel->scenarioJson().contains(QStringLiteral("\"controlled\": true")));
    panel->runButton()->click();
    settle();
    const QJsonObject shipped = cliJson({"scenario", path, defaults, "--format", "json"});
    for (const char* key : {"total_lost_revenue", "lost_revenue_p90"}) {
        const double v = shipped.value(QLatin1String(key)).toDouble();
        EXPECT_GT(v, 0.0) << key;
        EXPECT_TRUE(panel->runText().contains(money(v))) << key << panel->runText().toStdString();
    }
    EXPECT_TRUE(panel->runText().contains(
        money(shipped.value(QStringLiteral("lost_revenue_p10")).toDouble())));

    // Licences take 60 days: fixed delay, one deterministic run.
    for (int i = 0; i < 3; ++i)
        panel->delayBox(i)->setValue(60);
    panel->runsBox()->setValue(1);
    const QString json = panel->scenarioJson();
    EXPECT_TRUE(json.contains(QStringLiteral("\"delay_days\": 60"))) << json.toStdString();
    const std::string file = dir.write("ec10-60.json", json.toStdString());
    panel->runButton()->click();
    settle();
    const QJsonObject cli = cliJson({"scenario", path, file, "--format", "json"});
    const double lost = cli.value(QStringLiteral("total_lost_revenue")).toDouble();
    EXPECT_GT(lost, 0.0);
    EXPECT_TRUE(panel->runText().contains(money(lost))) << panel->runText().toStdString();
    // The run covers every product whatever the product filter, and says so.
    EXPECT_TRUE(panel->runText().contains(QStringLiteral("<b>all products</b>")));
}

// Around the November 2025 suspension: EC15/EC16 end on 2025-11-07 and EC06 on 2025-11-09;
// EC17/EC18 (the suspensions, no items) start. The flows they covered stay covered by EC01,
// EC09 …: only their covering sets change. A year later, on 2026-11-11, the resumptions
// (EC14-R …) are due, but they are scheduled, not confirmed by the reference cut-off: without
// assume scheduled nothing changes.
TEST_F(ControlsMeasureTest, WhatChangedWithTheSuspension) {
    WhatChangedPanel* changes = page->whatChanged();
    EXPECT_EQ(changes->fromEdit()->date(), QDate(2025, 11, 6));
    EXPECT_EQ(changes->toEdit()->date(), QDate(2025, 11, 11));
    const QString text = changes->summaryText();
    EXPECT_TRUE(text.contains(QStringLiteral("Came into force: EC17, EC18"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Went out of force: EC06, EC15, EC16")))
        << text.toStdString();

    auto check = [&](core::Date from, core::Date to) {
        SCOPED_TRACE(from.toString() + " -> " + to.toString());
        const QString summary = changes->summaryText();
        for (const core::Date d : {from, to}) {
            const QJsonObject cli = cliJson({"exposure", path, "--lens", "controlled", "--as-of",
                                             d.toString(), "--format", "json"});
            EXPECT_TRUE(summary.contains(money(sumOf(cli, "products", "revenue_at_risk"))))
                << summary.toStdString();
            EXPECT_TRUE(summary.contains(money(sumOf(cli, "materials", "spend_at_risk"))))
                << summary.toStdString();
        }
        // Every flow (supply row) whose covering controls differ, from the raw rows, is listed
        // as such.
        std::set<std::pair<std::string, QString>> expected; // ("site/material", change)
        for (const auto& l : raw.supply) {
            const auto a = covering(l.supplierSite, l.materialId, l.buyerSite, from);
            const auto b = covering(l.supplierSite, l.materialId, l.buyerSite, to);
            if (a == b)
                continue;
            expected.insert({l.supplierSite + "/" + l.materialId,
                             a.empty()   ? QStringLiteral("became controlled")
                             : b.empty() ? QStringLiteral("became free")
                                         : QStringLiteral("other controls")});
        }
        DiffFlowModel* model = changes->flowModel();
        std::set<std::pair<std::string, QString>> shown;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString change = model->data(model->index(r, DiffFlowModel::Change)).toString();
            if (change == QStringLiteral("through its inputs"))
                continue;
            const std::string site = model->key(r).mid(5).toStdString();
            std::string material;
            for (const auto& m : raw.materials)
                if (qs(m.name) == model->data(model->index(r, DiffFlowModel::Material)).toString())
                    material = m.id;
            shown.insert({site + "/" + material, change});
        }
        EXPECT_EQ(shown, expected);
        return expected.size();
    };
    EXPECT_GT(check(day("2025-11-06"), day("2025-11-11")), 0u);
    changes->setDates(day("2026-11-10"), day("2026-11-11"));
    settle();
    EXPECT_FALSE(changes->summaryText().contains(QStringLiteral("EC14-R")))
        << changes->summaryText().toStdString();
    EXPECT_EQ(check(day("2026-11-10"), day("2026-11-11")), 0u);
}

} // namespace
} // namespace chokepoint::ui
