// SPDX-License-Identifier: MIT
#pragma once

#include <QPair>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QToolButton;

namespace chokepoint::ui {

class NetworkView;

/// The network view with its controls: which material's supply chain it shows, Fit and
/// Export buttons, and a legend whose unknown-origin and folded-sites entries toggle those
/// nodes.
class NetworkPanel : public QWidget {
    Q_OBJECT
public:
    explicit NetworkPanel(QWidget* parent = nullptr);

    NetworkView* view() const { return m_view; }
    QComboBox* materialBox() const { return m_material; }
    QCheckBox* unknownToggle() const { return m_unknown; }
    QCheckBox* othersToggle() const { return m_others; }
    QToolButton* fitButton() const { return m_fit; }
    /// Checkable: the network takes the whole page (the page hides its tables and chart).
    QToolButton* fullSizeButton() const { return m_fullSize; }

    /// The material choices as (id, label); keeps `current` chosen. Emits nothing.
    void setMaterials(const QVector<QPair<QString, QString>>& materials, const QString& current);
    void setCurrentMaterial(const QString& id);
    QString currentMaterial() const;
    void setCaption(const QString& text);

Q_SIGNALS:
    /// The user picked a material in the box.
    void materialChosen(const QString& id);
    /// The Full size button was toggled.
    void fullSizeToggled(bool on);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateLegend();
    void exportImage();

    QComboBox* m_material;
    QToolButton* m_fit;
    QToolButton* m_fullSize;
    QToolButton* m_export;
    QLabel* m_caption;
    QVector<QLabel*> m_swatches;
    QCheckBox* m_unknown;
    QCheckBox* m_others;
    NetworkView* m_view;
    bool m_filling = false;
};

} // namespace chokepoint::ui
