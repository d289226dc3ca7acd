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
/// "technology:…", "material:…", "control:…", "country:…"). Header ToolTipRole gives full
/// names.
///
/// More than kMaxSiteColumns sites cannot be read one column each (a 100,000-site network
/// has some 12,000): the columns are then the sites' countries, a cell counts the sites of
/// that country depending on the technology, and note() says so.
///
/// build() makes the cells from a network and runs on any thread; setMatrix() shows them.
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
    static constexpr int kMaxSiteColumns = 250;

    /// The cells of one matrix, ready to show.
    struct Matrix {
        QStringList rowLabels, rowTips, rowKeys;
        QStringList columnLabels, columnTips, columnKeys;
        QVector<State> states; // row-major
        QStringList tips;      // row-major
        QString note;          // how the columns were grouped, when they were
    };

    explicit CoverageMatrixModel(Mode mode, QObject* parent = nullptr);
    Mode mode() const { return m_mode; }

    /// The matrix of `mode` for `net` at `asOf`; thread-safe (no model, no widget).
    static Matrix build(Mode mode, const core::analysis::Network& net, core::Date asOf);
    void setMatrix(Matrix matrix);
    /// build() and setMatrix() on the calling thread.
    void setNetwork(const core::analysis::Network& net, core::Date asOf);
    void clear();
    /// Empty, or how the columns were grouped ("one column per country…").
    QString note() const { return m_m.note; }

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    State state(int row, int column) const;
    QString rowKey(int row) const { return m_m.rowKeys.value(row); }
    QString columnKey(int column) const { return m_m.columnKeys.value(column); }
    int rowForKey(const QString& key) const { return int(m_m.rowKeys.indexOf(key)); }
    int columnForKey(const QString& key) const { return int(m_m.columnKeys.indexOf(key)); }
    /// The states that occur, for the legend.
    QVector<State> statesUsed() const;

    static QString stateText(State state);

private:
    static Matrix buildTechnologies(const core::analysis::Network& net, core::Date asOf);
    static Matrix buildTechnologiesByCountry(const core::analysis::Network& net, core::Date asOf,
                                             const std::vector<core::analysis::Index>& sites);
    static Matrix buildItems(const core::analysis::Network& net, core::Date asOf);

    Mode m_mode;
    Matrix m_m;
};

} // namespace chokepoint::ui
