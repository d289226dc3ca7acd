// SPDX-License-Identifier: MIT
#include "ui/importwizard/sourcecolumndelegate.h"

#include <QComboBox>

#include "ui/importwizard/fieldmappingmodel.h"

namespace chokepoint::ui {

QWidget* SourceColumnDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                            const QModelIndex& index) const {
    auto* combo = new QComboBox(parent);
    combo->addItem(tr("\u2014 not imported \u2014"), -1);
    const QStringList headers = index.data(FieldMappingModel::HeadersRole).toStringList();
    for (int i = 0; i < headers.size(); ++i)
        combo->addItem(headers[i], i);
    // Commit at once: the mapping, its problems and the example follow the choice.
    connect(combo, &QComboBox::activated, this,
            [this, combo] { Q_EMIT const_cast<SourceColumnDelegate*>(this)->commitData(combo); });
    return combo;
}

void SourceColumnDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    const int i = combo->findData(index.data(Qt::EditRole).toInt());
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

void SourceColumnDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                        const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace chokepoint::ui
