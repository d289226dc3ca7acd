// SPDX-License-Identifier: MIT
#include "ui/models/tablemodel.h"

#include "ui/displayformat.h"

namespace chokepoint::ui {

TableModel::TableModel(QVector<Column> columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns)) {}

int TableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    const Cell* cell = index.column() < row.cells.size() ? &row.cells[index.column()] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return cell ? cell->text : QString();
    case Qt::ToolTipRole:
        return cell && !cell->tooltip.isEmpty() ? QVariant(cell->tooltip) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(m_columns[index.column()].align);
    case SortRole:
        return cell ? (cell->sort.isNull() ? QVariant(cell->text) : cell->sort) : QVariant();
    case KeyRole:
        return row.key;
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns[section].title;
    if (role == Qt::ToolTipRole && !m_columns[section].tooltip.isEmpty())
        return m_columns[section].tooltip;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(m_columns[section].align);
    return {};
}

QString TableModel::key(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].key : QString();
}

int TableModel::rowForKey(const QString& key) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key == key)
            return i;
    return -1;
}

void TableModel::setRows(QVector<Row> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

TableModel::Cell TableModel::text(const QString& text, const QString& tooltip) {
    return {text, text, tooltip};
}

TableModel::Cell TableModel::percent(double fraction) {
    return {percentText(fraction), fraction, {}};
}

TableModel::Cell TableModel::percent(const std::optional<double>& fraction) {
    // Missing values sort below every number.
    return {percentText(fraction), fraction ? QVariant(*fraction) : QVariant(-1.0), {}};
}

TableModel::Cell TableModel::money(const std::optional<double>& amount) {
    return {moneyText(amount), amount ? QVariant(*amount) : QVariant(-1.0), {}};
}

TableModel::Cell TableModel::count(double n) {
    return {countText(n), n, {}};
}

} // namespace chokepoint::ui
