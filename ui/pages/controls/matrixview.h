// SPDX-License-Identifier: MIT
#pragma once

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVector>

#include "ui/pages/controls/coveragematrixmodel.h"

namespace chokepoint::ui {

/// The colour of a matrix cell state on the current palette.
QColor matrixStateColor(CoverageMatrixModel::State state, const QPalette& palette);

/// Paints a CoverageMatrixModel cell as a coloured square (StateRole), outlined when selected.
class MatrixDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

/// A horizontal header whose labels run upwards, so long column names fit narrow columns.
class RotatedHeader : public QHeaderView {
    Q_OBJECT
public:
    explicit RotatedHeader(QWidget* parent = nullptr);
    QSize sizeHint() const override;
    void setModel(QAbstractItemModel* model) override;

protected:
    void paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const override;
    /// A cell's width: the text is drawn upwards (QTableView::resizeColumnsToContents() would
    /// otherwise make every column as wide as its name).
    QSize sectionSizeFromContents(int logicalIndex) const override;

    void changeEvent(QEvent* event) override;

private:
    /// Measured once per model reset, header change or font change: it used to be measured
    /// for every section, which made sizing N columns O(N²) (4 minutes at 12,000 columns).
    int headerHeight() const;
    void forgetHeight() { m_height = -1; }
    mutable int m_height = -1;
    QVector<QMetaObject::Connection> m_connections;
};

/// The heat map of a CoverageMatrixModel: square cells, row names on the left, column names
/// rotated on top, tooltips with the exact cell. A click on a cell or a header reports the
/// item keys; selectKey() highlights the row or column of an item selected elsewhere.
class MatrixView : public QTableView {
    Q_OBJECT
public:
    explicit MatrixView(QWidget* parent = nullptr);
    void setMatrixModel(CoverageMatrixModel* model);
    /// Selects the row or column whose key is `key` (no signal); clears otherwise.
    void selectKey(const QString& key);
    QSize sizeHint() const override;

Q_SIGNALS:
    void cellClicked(const QString& rowKey, const QString& columnKey);
    void headerClicked(const QString& key);

private:
    CoverageMatrixModel* m_model = nullptr;
};

/// A row of coloured squares naming the states of a matrix.
class MatrixLegend : public QWidget {
    Q_OBJECT
public:
    explicit MatrixLegend(QVector<CoverageMatrixModel::State> states, QWidget* parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /// The entries wrap onto more lines when the width is short.
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    /// Where each entry (swatch and text) is drawn at `width`.
    QVector<QRect> entryRects(int width) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int lineHeight() const { return fontMetrics().height() + 8; }

    QVector<CoverageMatrixModel::State> m_states;
};

} // namespace chokepoint::ui
