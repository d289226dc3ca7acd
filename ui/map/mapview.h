// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <map>
#include <memory>

#include <QWidget>

#include "core/map/mapmarkers.h"
#include "ui/map/mapcamera.h"
#include "ui/map/maprenderer.h"

namespace chokepoint::ui {

/// What is under a point of the map.
struct MapHit {
    enum class Kind { None, Site, Cluster, Us, Country };
    Kind kind = Kind::None;
    int marker = -1;   ///< for Site and Cluster: index into the current markers
    int32_t site = -1; ///< for Site: the Network site index
    QString country;   ///< for Country: iso3
    bool operator==(const MapHit&) const = default;
};

/// The interactive world map (SPEC §6): draws a core::map::MapScene with MapRenderer, zooms
/// with the wheel (around the cursor) and the keyboard (+, −, arrows, 0 = whole world), pans
/// by dragging, clusters the markers per zoom level (cached, so panning never re-clusters),
/// shows a tooltip for what is under the cursor (text from the page's tip provider), and
/// reports clicks: siteClicked / countryClicked (the page turns them into the linked
/// selection), a click on a cluster zooms into it. The context menu exports PNG or SVG.
class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(std::shared_ptr<const core::map::WorldAtlas> atlas, QWidget* parent = nullptr);

    /// A new scene; keeps the view unless `fit` (then shows the inhabited world).
    void setScene(std::shared_ptr<const core::map::MapScene> scene, bool fit = false);
    const core::map::MapScene* scene() const { return m_scene.get(); }
    void setLegend(MapLegend legend);
    const MapLegend& legend() const { return m_legend; }
    /// Highlights a site (Network index, -1 = none) and a country (iso3, empty = none).
    void setSelection(int32_t site, const QString& country);
    int32_t selectedSite() const { return m_selectedSite; }
    QString selectedCountry() const { return m_selectedCountry; }
    using TipProvider = std::function<QString(const MapHit&)>;
    void setTipProvider(TipProvider provider) { m_tips = std::move(provider); }
    void setExportName(const QString& name) { m_exportName = name; }

    /// View control: the whole inhabited world; an area of the map; every site on the map (and
    /// our company); the selection (a site up close, a country's outline), else every site.
    void fitWorld();
    void fitArea(const core::map::MapRect& area);
    void fitSites();
    void fitSelection();
    /// Zooms by `factor` around a widget point (the centre when null).
    void zoomBy(double factor, QPointF around = {});
    void panBy(QPointF pixels);
    double scale() const { return transform().scale; }
    const MapTransform& transform() const { return m_camera.transform(); }

    /// The markers at the current zoom level (clustered once per level).
    const core::map::MapMarkers& markers() const;
    /// What lies under a widget point; the widget point of a site's marker (for tests and
    /// the page), or a null point when it is not on the map.
    MapHit hitAt(QPointF pos) const;
    QPointF sitePosition(int32_t site) const;
    /// The tooltip shown last (empty when hidden), for tests.
    QString tipText() const { return m_tip; }

    /// Draws the map into `painter` at `size` with this view's framing scaled to it.
    void paintMap(QPainter& painter, const QSize& size) const;
    /// PNG (twice the size) or SVG (text stays text) by the file's extension.
    bool exportTo(const QString& path, QString* error = nullptr);

    QSize sizeHint() const override { return {900, 560}; }
    QSize minimumSizeHint() const override { return {320, 220}; }

Q_SIGNALS:
    void siteClicked(int32_t site);
    void siteActivated(int32_t site);
    void countryClicked(const QString& iso3);
    void usClicked();
    void emptyClicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int levelOf(double scale) const;
    void updateHover(QPointF pos);
    MapHighlight highlight() const;
    void exportDialog();
    /// The base layer (MapRenderer::paintBase) for the current view, with a margin: a pan
    /// within the margin only moves the image; anything else draws it again.
    const QImage& baseLayer();

    MapRenderer m_renderer;
    std::shared_ptr<const core::map::MapScene> m_scene;
    MapLegend m_legend;
    MapPalette m_palette;
    MapCamera m_camera;
    mutable std::map<int, std::shared_ptr<const core::map::MapMarkers>> m_levels;
    int32_t m_selectedSite = -1;
    QString m_selectedCountry;
    MapHit m_hover;
    TipProvider m_tips;
    QString m_tip;
    QString m_exportName = QStringLiteral("map");
    bool m_dragging = false;
    QPointF m_pressPos, m_lastPos;
    struct Layer {
        QImage image;
        MapTransform transform; ///< the view's transform when drawn
        const core::map::MapScene* scene = nullptr;
        QSize size;
        bool dark = false;
        bool valid = false;
    };
    Layer m_layer;
};

} // namespace chokepoint::ui
