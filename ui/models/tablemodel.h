// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QString>
#include <QVariant>
#include <QVector>

namespace chokepoint::ui {

/// Base of the dashboard's read-only tables: rows of ready-made cells built from core
/// results. Qt::DisplayRole carries formatted text ("62.5 %", "$1.2 bn"), SortRole the raw
/// number (or text), KeyRole the row's item key (e.g. "material:li_raw") for the linked
/// selection. Subclasses only build rows and call setRows(); the Qt overrides are final.
class TableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, KeyRole };

    struct Column {
        Column(QString t, Qt::Alignment a = Qt::AlignLeft | Qt::AlignVCenter, QString tip = {})
            : title(std::move(t))
            , align(a)
            , tooltip(std::move(tip)) {}
        QString title;
        Qt::Alignment align;
        QString tooltip;
    };
    struct Cell {
        QString text;
        QVariant sort; ///< raw value; the text when null
        QString tooltip;
    };
    struct Row {
        QString key;
        QVector<Cell> cells;
    };

    explicit TableModel(QVector<Column> columns, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    QString key(int row) const;
    /// The row holding `key`, or -1.
    int rowForKey(const QString& key) const;

    // Cell makers: formatted text for display, the raw number for sorting.
    static Cell text(const QString& text, const QString& tooltip = {});
    static Cell percent(double fraction);
    static Cell percent(const std::optional<double>& fraction);
    static Cell money(const std::optional<double>& amount);
    static Cell count(double n);

protected:
    void setRows(QVector<Row> rows);

private:
    QVector<Column> m_columns;
    QVector<Row> m_rows;
};

} // namespace chokepoint::ui
