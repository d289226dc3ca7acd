// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QMainWindow>

#include "ui/theme.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace chokepoint::ui {

class AppState;
class DetailsDock;
class FilterBar;
class Page;
class ReferenceBanner;
class WorkspaceActions;

/// The thin shell: page list (from ui/pages/pageregistry.h) and page stack, the global
/// filter bar, the details dock, menus (File via WorkspaceActions; View: pages Ctrl+1…Ctrl+6,
/// dark palette, details), status bar. Window geometry/state, the page and the theme are
/// kept in QSettings. All figures come from the pages; the window holds no data.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppState& state, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows the page with this registry id; false if there is none.
    bool showPage(const QString& id);
    QString currentPageId() const;
    Page* page(const QString& id) const;
    FilterBar* filterBar() const { return m_filterBar; }
    DetailsDock* detailsDock() const { return m_details; }
    WorkspaceActions* workspaceActions() const { return m_actions; }
    ReferenceBanner* referenceBanner() const { return m_banner; }

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    /// Restores geometry, dock layout, page and theme from QSettings.
    void restoreSettings();

    /// The Details dock's width in a window this wide.
    static int dockWidthFor(int windowWidth);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildMenus();
    void updateTitle();
    void updateStatus();
    void styleComingSoonItems();
    QSize defaultSize() const;
    bool fitsScreenAtPreferredSize() const;
    void fitDetailsDock();

    AppState& m_state;
    QListWidget* m_pageList;
    QStackedWidget* m_stack;
    FilterBar* m_filterBar;
    DetailsDock* m_details;
    WorkspaceActions* m_actions;
    ReferenceBanner* m_banner;
    QLabel* m_status;
    std::vector<QString> m_pageIds;
    std::vector<Page*> m_pages;
    Theme m_theme = Theme::Light;
    QAction* m_darkAction = nullptr;
    int m_dockFittedWidth = 0; // the window width fitDetailsDock() last fitted the dock for
};

} // namespace chokepoint::ui
