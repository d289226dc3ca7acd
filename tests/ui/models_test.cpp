// SPDX-License-Identifier: MIT
// Item models and proxies under QAbstractItemModelTester; sorting by raw numbers; copying.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>

#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"
#include "tests/ui/uitestsupport.h"
#include "ui/models/chokepointmodel.h"
#include "ui/models/tablecopy.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/models/tablemodel.h"
#include "ui/selectionkey.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

// A table with a known content: percent column where text order and number order differ.
class ShareModel : public TableModel {
public:
    ShareModel()
        : TableModel({{QStringLiteral("Name")}, {QStringLiteral("Share"), Qt::AlignRight}}) {}
    void fill(const std::vector<std::pair<QString, double>>& rows) {
        QVector<Row> out;
        for (const auto& [name, share] : rows)
            out.push_back({QStringLiteral("material:") + name, {text(name), percent(share)}});
        setRows(std::move(out));
    }
};

TEST(TableModel, DisplaysTextAndSortsByRawNumber) {
    ShareModel model;
    test::ModelChecker check(&model);
    TableFilterProxy proxy;
    test::ModelChecker checkProxy(&proxy);
    proxy.setSourceModel(&model);
    // "9.5 %" sorts after "10.0 %" as text, before it as a number.
    model.fill(
        {{QStringLiteral("a"), 0.095}, {QStringLiteral("b"), 0.10}, {QStringLiteral("c"), 0.625}});
    EXPECT_EQ(model.index(2, 1).data().toString(), QStringLiteral("62.5 %"));
    EXPECT_DOUBLE_EQ(model.index(2, 1).data(TableModel::SortRole).toDouble(), 0.625);
    EXPECT_EQ(model.index(1, 0).data(TableModel::KeyRole).toString(), QStringLiteral("material:b"));
    EXPECT_EQ(model.rowForKey(QStringLiteral("material:c")), 2);
    EXPECT_EQ(model.rowForKey(QStringLiteral("material:x")), -1);

    proxy.sort(1, Qt::AscendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("a"));
    EXPECT_EQ(proxy.index(1, 0).data().toString(), QStringLiteral("b"));
    proxy.sort(1, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("c"));

    proxy.setFilterText(QStringLiteral("62"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("c"));
    proxy.setFilterText(QString());
    EXPECT_EQ(proxy.rowCount(), 3);

    model.fill({}); // reset to empty under the testers
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(TableCopy, SelectionAsTabSeparatedTextWithHeader) {
    ShareModel model;
    model.fill({{QStringLiteral("a"), 0.095}, {QStringLiteral("b\tx"), 0.5}});
    TableView view;
    view.setModel(&model);
    // Nothing selected: the whole table.
    EXPECT_EQ(selectionToTsv(view), QStringLiteral("Name\tShare\na\t9.5 %\nb x\t50.0 %\n"));
    view.selectKey(QStringLiteral("material:b\tx"));
    EXPECT_EQ(selectionToTsv(view), QStringLiteral("Name\tShare\nb x\t50.0 %\n"));
    EXPECT_EQ(view.currentKey(), QStringLiteral("material:b\tx"));
    copySelection(view);
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("Name\tShare\nb x\t50.0 %\n"));
    EXPECT_FALSE(view.selectKey(QStringLiteral("material:none")));
    EXPECT_FALSE(view.selectionModel()->hasSelection());
}

TEST(SelectionKey, RoundTrip) {
    const Selection s{SelectionKind::Site, QStringLiteral("minjiang_ningde")};
    EXPECT_EQ(selectionKey(s), QStringLiteral("site:minjiang_ningde"));
    EXPECT_EQ(selectionFromKey(selectionKey(s)), s);
    EXPECT_TRUE(selectionFromKey(QStringLiteral("bogus:x")).isEmpty());
    EXPECT_TRUE(selectionFromKey(QStringLiteral("nocolon")).isEmpty());
    EXPECT_EQ(selectionFromKey(QStringLiteral("country:CHN")).kind, SelectionKind::Country);
}

// The chokepoint model on the bundled data, under the tester, through a sorting proxy.
TEST(ChokepointModel, BundledDataUnderModelTester) {
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data.ok());
    const core::analysis::Network net(std::move(*data));
    const core::analysis::ExposureEngine engine(net);
    ChokepointModel model;
    test::ModelChecker check(&model);
    TableFilterProxy proxy;
    test::ModelChecker checkProxy(&proxy);
    proxy.setSourceModel(&model);
    proxy.sort(ChokepointModel::Dependence, Qt::DescendingOrder);
    for (const auto lens : {core::analysis::Lens::Location, core::analysis::Lens::Controlled}) {
        const auto r = engine.compute(lens, *core::Date::parse("2025-08-01"));
        const auto s = core::analysis::summarize(net, r);
        model.setSummary(net, s);
        ASSERT_EQ(size_t(model.rowCount()), s.chokepoints.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto& c = s.chokepoints[size_t(row)];
            EXPECT_DOUBLE_EQ(
                model.index(row, ChokepointModel::Dependence).data(TableModel::SortRole).toDouble(),
                c.dependence);
            EXPECT_EQ(model.index(row, ChokepointModel::Why).data().toString().toStdString(),
                      c.why);
        }
        // Sorted descending by the raw dependence.
        for (int row = 1; row < proxy.rowCount(); ++row)
            EXPECT_GE(proxy.index(row - 1, ChokepointModel::Dependence)
                          .data(TableModel::SortRole)
                          .toDouble(),
                      proxy.index(row, ChokepointModel::Dependence)
                          .data(TableModel::SortRole)
                          .toDouble());
    }
    model.clear();
}

} // namespace
} // namespace chokepoint::ui
