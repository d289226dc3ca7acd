// SPDX-License-Identifier: MIT
#pragma once

#include <QHeaderView>

namespace chokepoint::ui {

/// A horizontal table header whose labels wrap at word boundaries instead of being cut
/// ("Output short fror"): a column narrower than its label shows it on two or more lines,
/// and the header grows to the tallest label. minimumWidth() is the width below which a
/// label's longest word would be cut.
class WrapHeader : public QHeaderView {
    Q_OBJECT
public:
    explicit WrapHeader(QWidget* parent = nullptr);
    QSize sizeHint() const override;
    /// The narrowest the section can be with every word of its label whole.
    int minimumWidth(int logicalIndex) const;
    /// The section's label as the model gives it.
    QString label(int logicalIndex) const;

protected:
    void initStyleOptionForIndex(QStyleOptionHeader* option, int logicalIndex) const override;

private:
    int textRoom(int logicalIndex, int sectionWidth) const;
    int labelHeight(int logicalIndex) const;
};

} // namespace chokepoint::ui
