// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/networkpanel.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/pages/suppliers/networkview.h"

namespace chokepoint::ui {

namespace {

enum class Swatch { Exposed, Inputs, Plain, Unknown, Others, Selected };

QPixmap swatch(const NetworkStyle& s, Swatch kind, qreal dpr) {
    QPixmap pm(QSize(26, 14) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(2, 2, 22, 10);
    switch (kind) {
    case Swatch::Exposed:
        p.setPen(QPen(s.exposedBorder, 2.2));
        p.setBrush(s.exposedFill);
        break;
    case Swatch::Inputs:
        p.setPen(QPen(s.inputsBorder, 1.6));
        p.setBrush(s.inputsFill);
        break;
    case Swatch::Plain:
        p.setPen(QPen(s.border, 1.2));
        p.setBrush(s.background);
        break;
    case Swatch::Unknown:
        p.setPen(QPen(s.muted, 1.4, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        break;
    case Swatch::Others:
        p.setPen(QPen(s.muted, 1.4, Qt::DotLine));
        p.setBrush(s.background);
        break;
    case Swatch::Selected:
        p.setPen(QPen(s.highlight, 2.6));
        p.setBrush(s.background);
        break;
    }
    p.drawRoundedRect(r, 3, 3);
    return pm;
}

} // namespace

NetworkPanel::NetworkPanel(QWidget* parent)
    : QWidget(parent)
    , m_material(new QComboBox(this))
    , m_fit(new QToolButton(this))
    , m_fullSize(new QToolButton(this))
    , m_export(new QToolButton(this))
    , m_caption(new QLabel(this))
    , m_unknown(new QCheckBox(tr("Unknown origin"), this))
    , m_others(new QCheckBox(tr("Smaller sites, folded"), this))
    , m_view(new NetworkView(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(6);
    auto* label = new QLabel(tr("<b>Supply network of</b>"), this);
    m_material->setObjectName(QStringLiteral("networkMaterial"));
    // As wide as 30 characters, not as the longest name: the page must fit beside the page
    // list and the details dock on a 1280-pixel screen. The list shows the names whole.
    m_material->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_material->setMinimumContentsLength(30);
    m_material->view()->setTextElideMode(Qt::ElideNone);
    m_material->setToolTip(tr("The material whose supply chain is drawn"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole network, or as much as reads at a legible size "
                         "(the wheel zooms, dragging pans)"));
    m_fullSize->setObjectName(QStringLiteral("networkFullSize"));
    m_fullSize->setText(tr("Full size"));
    m_fullSize->setCheckable(true);
    m_fullSize->setToolTip(tr("Give the network the whole page; click again for the tables"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the network as PNG or SVG"));
    bar->addWidget(label);
    bar->addWidget(m_material);
    bar->addWidget(m_fit);
    bar->addWidget(m_fullSize);
    bar->addWidget(m_export);
    bar->addSpacing(12);
    m_caption->setObjectName(QStringLiteral("networkCaption"));
    m_caption->setWordWrap(true);
    bar->addWidget(m_caption, 1);
    layout->addLayout(bar);

    // Two rows, swatches and the two toggles, so the panel fits a 1280-pixel screen.
    auto* legend = new QHBoxLayout;
    legend->setSpacing(6);
    auto* toggles = new QHBoxLayout;
    toggles->setSpacing(12);
    const QStringList names = {tr("Exposed site"), tr("Dependent through inputs"),
                               tr("Not exposed"),  QString(),
                               QString(),          tr("Selected")};
    for (int i = 0; i < names.size(); ++i) {
        if (i == int(Swatch::Unknown)) {
            toggles->addWidget(m_unknown);
            continue;
        }
        if (i == int(Swatch::Others)) {
            toggles->addWidget(m_others);
            continue;
        }
        auto* icon = new QLabel(this);
        m_swatches << icon;
        legend->addWidget(icon);
        legend->addWidget(new QLabel(names[i], this));
        legend->addSpacing(6);
    }
    legend->addStretch(1);
    toggles->addStretch(1);
    layout->addLayout(legend);
    layout->addLayout(toggles);
    layout->addWidget(m_view, 1);

    m_unknown->setChecked(true);
    m_others->setChecked(true);
    m_unknown->setToolTip(tr("Show the parts bought from no known site (dashed)"));
    m_others->setToolTip(tr("Show the smaller sources folded into one node per purchase "
                            "(dotted)"));
    connect(m_unknown, &QCheckBox::toggled, m_view, &NetworkView::setShowUnknown);
    connect(m_others, &QCheckBox::toggled, m_view, &NetworkView::setShowOthers);
    connect(m_fit, &QToolButton::clicked, m_view, &NetworkView::fitAll);
    connect(m_fullSize, &QToolButton::toggled, this, &NetworkPanel::fullSizeToggled);
    connect(m_export, &QToolButton::clicked, this, &NetworkPanel::exportImage);
    connect(m_material, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_filling && index >= 0)
            Q_EMIT materialChosen(m_material->itemData(index).toString());
    });
    updateLegend();
}

void NetworkPanel::setMaterials(const QVector<QPair<QString, QString>>& materials,
                                const QString& current) {
    m_filling = true;
    m_material->clear();
    for (const auto& [id, label] : materials)
        m_material->addItem(label, id);
    m_material->setCurrentIndex(std::max(0, m_material->findData(current)));
    m_filling = false;
}

void NetworkPanel::setCurrentMaterial(const QString& id) {
    m_filling = true;
    const int i = m_material->findData(id);
    if (i >= 0)
        m_material->setCurrentIndex(i);
    m_filling = false;
}

QString NetworkPanel::currentMaterial() const {
    return m_material->currentData().toString();
}

void NetworkPanel::setCaption(const QString& text) {
    m_caption->setText(text);
}

void NetworkPanel::updateLegend() {
    const NetworkStyle s = NetworkStyle::forPalette(palette());
    const qreal dpr = devicePixelRatioF();
    const Swatch kinds[] = {Swatch::Exposed, Swatch::Inputs, Swatch::Plain, Swatch::Selected};
    for (int i = 0; i < m_swatches.size(); ++i)
        m_swatches[i]->setPixmap(swatch(s, kinds[i], dpr));
    m_unknown->setIcon(QIcon(swatch(s, Swatch::Unknown, dpr)));
    m_others->setIcon(QIcon(swatch(s, Swatch::Others, dpr)));
}

void NetworkPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateLegend();
}

void NetworkPanel::exportImage() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export network"), QStringLiteral("supply-network-%1.png").arg(currentMaterial()),
        tr("PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_view->exportTo(path, &error))
        QMessageBox::warning(this, tr("Export network"), error);
}

} // namespace chokepoint::ui
