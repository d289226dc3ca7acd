// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

#include "core/analysis/network.h"
#include "core/model/date.h"

namespace chokepoint::ui {

/// A heat map as a table model (drawn by MatrixView):
/// - TechnologiesBySites: technologies × the sites that depend on them; a cell is Controlled
///   when a control in force at the as-of date covers the technology, Free when none does;
/// - ItemsByMeasures: the covered materials and technologies × the measures with items; a
///   cell is the measure's status at the as-of date when it covers the item.
/// DisplayRole carries the cell's state in words (for copying), ToolTipRole the exact cell,
/// StateRole the State, RowKeyRole / ColumnKeyRole the selection keys ("site:…",
/// "technology:…", "material:…", "control:…"). Header ToolTipRole gives full names.
class CoverageMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Mode { TechnologiesBySites, ItemsByMeasures };
    enum class State {
        Empty,
        Free,
        Controlled,
        NotAnnounced,
        Announced,
        InForce,
        Ended,
        NeverInForce
    };
    enum Role { StateRole = Qt::UserRole + 1, RowKeyRole, ColumnKeyRole };

    explicit CoverageMatrixModel(Mode mode, QObject* parent = nullptr);
    Mode mode() const { return m_mode; }

    void setNetwork(const core::analysis::Network& net, core::Date asOf);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    State state(int row, int column) const;
    QString rowKey(int row) const { return m_rowKeys.value(row); }
    QString columnKey(int column) const { return m_columnKeys.value(column); }
    int rowForKey(const QString& key) const { return int(m_rowKeys.indexOf(key)); }
    int columnForKey(const QString& key) const { return int(m_columnKeys.indexOf(key)); }
    /// The states that occur, for the legend.
    QVector<State> statesUsed() const;

    static QString stateText(State state);

private:
    void buildTechnologies(const core::analysis::Network& net, core::Date asOf);
    void buildItems(const core::analysis::Network& net, core::Date asOf);

    Mode m_mode;
    QStringList m_rowLabels, m_rowTips, m_rowKeys;
    QStringList m_columnLabels, m_columnTips, m_columnKeys;
    QVector<State> m_states; // row-major
    QStringList m_tips;      // row-major
};

} // namespace chokepoint::ui
