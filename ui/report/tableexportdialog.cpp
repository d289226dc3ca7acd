// SPDX-License-Identifier: MIT
#include "ui/report/tableexportdialog.h"

#include <cmath>

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTableView>

#include "core/report/tableexport.h"
#include "ui/displayformat.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

namespace rp = core::report;

namespace {

bool isNumber(const QVariant& v) {
    switch (v.metaType().id()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

rp::NumberFormat formatOf(const QString& text, double value) {
    const QString t = text.trimmed();
    if (t.endsWith(QLatin1Char('%')))
        return rp::NumberFormat::Percent;
    if (t.contains(QLatin1Char('$')))
        return rp::NumberFormat::Money;
    if (t.endsWith(QStringLiteral(" days")) || t.endsWith(QStringLiteral(" day")))
        return rp::NumberFormat::Days;
    return value == std::floor(value) ? rp::NumberFormat::Count : rp::NumberFormat::Plain;
}

rp::Cell cellOf(const QModelIndex& index) {
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty() || text == missingText())
        return rp::Cell::missing();
    const QVariant sort = index.data(TableModel::SortRole);
    if (isNumber(sort)) {
        const double v = sort.toDouble();
        if (std::isfinite(v))
            return rp::Cell::ofNumber(v, formatOf(text, v));
    }
    static const QRegularExpression date(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    if (date.match(text).hasMatch())
        if (const auto d = core::Date::parse(text.toStdString()))
            return rp::Cell::ofDate(*d);
    return rp::Cell::ofText(text.toStdString());
}

} // namespace

rp::Table tableFromView(const QTableView& view) {
    rp::Table table;
    const QAbstractItemModel* model = view.model();
    table.id = view.objectName().isEmpty() ? "table" : view.objectName().toStdString();
    if (!model)
        return table;
    std::vector<int> columns;
    for (int v = 0; v < view.horizontalHeader()->count(); ++v) {
        const int c = view.horizontalHeader()->logicalIndex(v); // the order shown
        if (view.isColumnHidden(c))
            continue;
        columns.push_back(c);
        const Qt::Alignment align =
            Qt::Alignment(model->headerData(c, Qt::Horizontal, Qt::TextAlignmentRole).toInt());
        table.addColumn(model->headerData(c, Qt::Horizontal).toString().toStdString(),
                        align & Qt::AlignRight ? rp::Align::Right : rp::Align::Left);
    }
    for (int r = 0; r < model->rowCount(); ++r) {
        if (view.isRowHidden(r))
            continue;
        std::vector<rp::Cell> row;
        for (const int c : columns)
            row.push_back(cellOf(model->index(r, c)));
        table.addRow(std::move(row));
    }
    return table;
}

bool exportTableDialog(QTableView& view) {
    QString selected;
    const QString base = view.objectName().isEmpty() ? QStringLiteral("table") : view.objectName();
    QString path = QFileDialog::getSaveFileName(
        &view, QObject::tr("Export table"), base + QStringLiteral(".xlsx"),
        QObject::tr("Excel workbook (*.xlsx);;CSV file (*.csv)"), &selected);
    if (path.isEmpty())
        return false;
    if (!core::report::tableFormatForPath(path.toStdString()))
        path += selected.contains(QStringLiteral("csv")) ? QStringLiteral(".csv")
                                                         : QStringLiteral(".xlsx");
    rp::Table table = tableFromView(view);
    table.caption = QFileInfo(path).completeBaseName().toStdString();
    const auto result = rp::writeTable(table, path.toStdString());
    if (!result) {
        QMessageBox::warning(&view, QObject::tr("Export table"),
                             QString::fromStdString(result.errorString()));
        return false;
    }
    return true;
}

} // namespace chokepoint::ui
