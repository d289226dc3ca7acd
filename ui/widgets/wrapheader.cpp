// SPDX-License-Identifier: MIT
#include "ui/widgets/wrapheader.h"

#include <algorithm>

#include <QRegularExpression>
#include <QStyle>
#include <QStyleOptionHeader>

namespace chokepoint::ui {

namespace {
constexpr int kSortArrowRoom = 18; // the sort indicator takes this much of the label's width
}

WrapHeader::WrapHeader(QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent) {
    // Resizing a section can change how many lines its label needs.
    connect(this, &QHeaderView::sectionResized, this, [this] { updateGeometry(); });
}

QString WrapHeader::label(int logicalIndex) const {
    return model() ? model()->headerData(logicalIndex, Qt::Horizontal).toString() : QString();
}

int WrapHeader::textRoom(int, int sectionWidth) const {
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
    return std::max(8, sectionWidth - 2 * margin - kSortArrowRoom);
}

int WrapHeader::minimumWidth(int logicalIndex) const {
    int widest = 0;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (const QString& word : label(logicalIndex).split(space, Qt::SkipEmptyParts))
        widest = std::max(widest, fontMetrics().horizontalAdvance(word));
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
    return std::max(minimumSectionSize(), widest + 2 * margin + kSortArrowRoom + 2);
}

int WrapHeader::labelHeight(int logicalIndex) const {
    const QRect room(0, 0, textRoom(logicalIndex, sectionSize(logicalIndex)), 10000);
    return fontMetrics().boundingRect(room, Qt::TextWordWrap, label(logicalIndex)).height();
}

QSize WrapHeader::sizeHint() const {
    QSize hint = QHeaderView::sizeHint();
    if (!model())
        return hint;
    const int oneLine = fontMetrics().height();
    int tallest = oneLine;
    for (int c = 0; c < count(); ++c)
        if (!isSectionHidden(c))
            tallest = std::max(tallest, labelHeight(c));
    hint.setHeight(hint.height() + tallest - oneLine);
    return hint;
}

void WrapHeader::initStyleOptionForIndex(QStyleOptionHeader* option, int logicalIndex) const {
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    option->textAlignment = Qt::Alignment(int(option->textAlignment) | Qt::TextWordWrap);
    if (auto* v2 = qstyleoption_cast<QStyleOptionHeaderV2*>(option))
        v2->textElideMode = Qt::ElideNone; // wrapped, not cut
}

} // namespace chokepoint::ui
