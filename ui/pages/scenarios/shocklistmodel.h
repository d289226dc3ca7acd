// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QAbstractListModel>

#include "core/scenario/scenario.h"

namespace chokepoint::ui {

/// The shocks of the scenario being edited, one row each: a one-line summary ("licence ·
/// CHN · 4 materials · from day 0"), the row's problems as tooltip and a warning icon.
class ShockListModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit ShockListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    const std::vector<core::scenario::Shock>& shocks() const { return m_shocks; }
    void setShocks(std::vector<core::scenario::Shock> shocks);
    void setShock(int row, const core::scenario::Shock& shock);
    void insertShock(int row, const core::scenario::Shock& shock);
    void removeShock(int row);
    /// Swaps rows `row` and `row + 1`.
    void moveDown(int row);
    /// Problems per row (empty: none); rows beyond the list are ignored.
    void setIssues(const std::vector<QStringList>& issues);

    static QString summary(const core::scenario::Shock& shock);

private:
    std::vector<core::scenario::Shock> m_shocks;
    std::vector<QStringList> m_issues;
};

} // namespace chokepoint::ui
