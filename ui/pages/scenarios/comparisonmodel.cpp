// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/comparisonmodel.h"

#include <cmath>

#include "ui/displayformat.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {

constexpr auto kRight = Qt::AlignRight | Qt::AlignVCenter;

QVector<TableModel::Column> columnsFor(const sc::Comparison& c) {
    // Headers start with the scenario's letter (as in the charts' key): it stays readable
    // when the column is narrower than the name; the tooltip has the whole name.
    QVector<TableModel::Column> columns{{ComparisonModel::tr("Figure")}};
    for (size_t i = 0; i < c.names.size(); ++i) {
        const QString name = QString::fromStdString(c.names[i]);
        columns.push_back(
            {QStringLiteral("%1: %2").arg(ComparisonModel::letter(int(i)), name), kRight, name});
    }
    for (size_t i = 1; i < c.names.size(); ++i)
        columns.push_back({ComparisonModel::tr("\u0394 %1 \u2212 %2")
                               .arg(ComparisonModel::letter(int(i)), ComparisonModel::letter(0)),
                           kRight,
                           ComparisonModel::tr("%1 minus %2")
                               .arg(QString::fromStdString(c.names[i]),
                                    QString::fromStdString(c.names.front()))});
    return columns;
}

} // namespace

ComparisonModel::ComparisonModel(const sc::Comparison& c, QObject* parent)
    : TableModel(columnsFor(c), parent)
    , m_scenarios(int(c.names.size())) {
    QVector<Row> rows;
    for (const auto& r : c.rows) {
        Row row;
        row.key = QString::fromStdString(r.key);
        row.cells << text(QString::fromStdString(r.label));
        for (const auto& v : r.values)
            row.cells << Cell{valueText(r.unit, v), v ? QVariant(*v) : QVariant(), {}};
        for (size_t i = 1; i < r.deltas.size(); ++i)
            row.cells << Cell{deltaText(r.unit, r.deltas[i]),
                              r.deltas[i] ? QVariant(*r.deltas[i]) : QVariant(),
                              {}};
        rows << row;
    }
    setRows(rows);
}

QString ComparisonModel::letter(int i) {
    return i >= 0 && i < 26 ? QString(QChar(u'A' + i)) : QString::number(i + 1);
}

QString ComparisonModel::valueText(sc::FigureUnit unit, const std::optional<double>& v) {
    if (!v)
        return unit == sc::FigureUnit::Day ? tr("none") : missingText();
    switch (unit) {
    case sc::FigureUnit::Money:
        return moneyText(*v);
    case sc::FigureUnit::Units:
        return countText(std::round(*v));
    case sc::FigureUnit::Day:
        return tr("day %1").arg(*v);
    case sc::FigureUnit::Fraction:
        return percentText(*v);
    }
    return {};
}

QString ComparisonModel::deltaText(sc::FigureUnit unit, const std::optional<double>& d) {
    if (!d)
        return missingText();
    if (std::abs(*d) < 1e-9)
        return QStringLiteral("0");
    const QString sign = *d > 0 ? QStringLiteral("+") : QStringLiteral("\u2212");
    const double a = std::abs(*d);
    switch (unit) {
    case sc::FigureUnit::Money:
        return sign + moneyText(a);
    case sc::FigureUnit::Units:
        return sign + countText(std::round(a));
    case sc::FigureUnit::Day:
        return sign + tr("%1 d").arg(a);
    case sc::FigureUnit::Fraction:
        return sign + tr("%1 pp").arg(a * 100.0, 0, 'f', 1);
    }
    return {};
}

} // namespace chokepoint::ui
