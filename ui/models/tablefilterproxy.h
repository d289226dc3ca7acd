// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace chokepoint::ui {

/// Sorts by TableModel::SortRole (raw numbers, so "9.5 %" sorts below "10.0 %") and keeps the
/// rows whose text in any column contains the filter text (case-insensitive).
class TableFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TableFilterProxy(QObject* parent = nullptr);
    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};

} // namespace chokepoint::ui
