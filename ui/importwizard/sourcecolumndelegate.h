// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace chokepoint::ui {

/// Edits FieldMappingModel's Source column with a combo box: "— not imported —" and the
/// source's column headers. The choice is committed as soon as it changes.
class SourceColumnDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
};

} // namespace chokepoint::ui
