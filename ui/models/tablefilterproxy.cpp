// SPDX-License-Identifier: MIT
#include "ui/models/tablefilterproxy.h"

#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

TableFilterProxy::TableFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(TableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TableFilterProxy::setFilterText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool TableFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_text.isEmpty())
        return true;
    const auto* model = sourceModel();
    for (int c = 0; c < model->columnCount(sourceParent); ++c)
        if (model->index(sourceRow, c, sourceParent)
                .data(Qt::DisplayRole)
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace chokepoint::ui
