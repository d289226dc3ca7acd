// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/appstate.h"
#include "ui/detailsdock.h"
#include "ui/displayformat.h"
#include "ui/filterbar.h"
#include "ui/importwizard/importwizard.h"
#include "ui/pages/page.h"
#include "ui/pages/pageregistry.h"
#include "ui/widgets/referencebanner.h"
#include "ui/workspaceactions.h"

namespace chokepoint::ui {

namespace {
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kDetailsAutoOpen = QStringLiteral("mainWindow/detailsOpenOnSelection");
const QString kPage = QStringLiteral("mainWindow/page");
const QString kDark = QStringLiteral("view/dark");
} // namespace

MainWindow::MainWindow(AppState& state, QWidget* parent)
    : QMainWindow(parent)
    , m_state(state)
    , m_pageList(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_filterBar(new FilterBar(state, this))
    , m_details(new DetailsDock(state, this))
    , m_actions(new WorkspaceActions(state, this))
    , m_banner(new ReferenceBanner(state, this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    resize(defaultSize());

    // The reference cut-off banner above the page list and the pages, when the date is after it.
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    auto* layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    column->addLayout(layout, 1);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setFixedWidth(190);
    m_pageList->setFrameShape(QFrame::NoFrame);
    m_pageList->setSpacing(2);
    QFont listFont = m_pageList->font();
    listFont.setPointSizeF(listFont.pointSizeF() * 1.08);
    m_pageList->setFont(listFont);
    layout->addWidget(m_pageList);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    for (const PageEntry& entry : pageEntries()) {
        Page* page = entry.create(state, m_stack);
        m_pages.push_back(page);
        m_pageIds.push_back(entry.id);
        m_stack->addWidget(page);
        auto* item = new QListWidgetItem(entry.title, m_pageList);
        item->setSizeHint(QSize(0, 34));
        item->setToolTip(page->isComingSoon() ? tr("%1 (coming)").arg(entry.title) : entry.title);
    }
    styleComingSoonItems();
    connect(m_pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stack->setCurrentIndex(row);
        updateTitle();
    });
    m_pageList->setCurrentRow(0);

    auto* filters = new QToolBar(tr("Filters"), this);
    filters->setObjectName(QStringLiteral("filterToolBar"));
    filters->setMovable(false);
    filters->addWidget(m_filterBar);
    addToolBar(Qt::TopToolBarArea, filters);

    addDockWidget(Qt::RightDockWidgetArea, m_details);
    fitDetailsDock();
    // Nothing is selected yet: the pages get the whole width until something is.
    m_details->collapse();
    connect(m_details, &DetailsDock::autoOpened, this,
            [this] { resizeDocks({m_details}, {dockWidthFor(width())}, Qt::Horizontal); });
    m_status->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_status, 1);

    buildMenus();
    m_actions->setImportHandler([this](const QString& s) { ImportWizard::open(m_state, s, this); });
    connect(&state, &AppState::pageRequested, this, [this](const QString& id) { showPage(id); });
    connect(&state, &AppState::workspaceLoaded, this, &MainWindow::updateTitle);
    connect(&state, &AppState::workspaceLoading, this, &MainWindow::updateStatus);
    connect(&state, &AppState::busyChanged, this, &MainWindow::updateStatus);
    connect(&state, &AppState::exposureReady, this, &MainWindow::updateStatus);
    connect(&state, &AppState::workspaceFailed, this, &MainWindow::updateStatus);
    connect(&state, &AppState::filtersChanged, this, &MainWindow::updateStatus);
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    m_actions->populateFileMenu(menuBar()->addMenu(tr("&File")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (size_t i = 0; i < m_pageIds.size(); ++i) {
        QAction* a = view->addAction(m_pageList->item(int(i))->text(), this,
                                     [this, i] { m_pageList->setCurrentRow(int(i)); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        addAction(a); // shortcuts work while the menu bar is hidden too
    }
    view->addSeparator();
    m_darkAction = view->addAction(tr("&Dark palette"));
    m_darkAction->setCheckable(true);
    m_darkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_darkAction, &QAction::toggled, this,
            [this](bool dark) { setTheme(dark ? Theme::Dark : Theme::Light); });
    view->addAction(m_details->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chokepoint"), this, [this] {
        QMessageBox::about(this, tr("About Chokepoint"),
                           tr("<b>Chokepoint %1</b><p>Where a company's supply chain depends on "
                              "China, which flows export controls touch, and what stress "
                              "scenarios would do.</p>")
                               .arg(QStringLiteral(CHOKEPOINT_VERSION)));
    });
}

// The window at 1440 x 900 where the screen has room for it and its frame; otherwise as large as
// the available screen (restoreSettings() maximises it then).
QSize MainWindow::defaultSize() const {
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QSize preferred(1440, 900);
    if (!s)
        return preferred;
    const QSize frame(16, 40); // title bar and borders of a typical window manager
    return preferred.boundedTo(s->availableGeometry().size() - frame);
}

bool MainWindow::fitsScreenAtPreferredSize() const {
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    return !s || defaultSize() == QSize(1440, 900);
}

// About a fifth of the window, 300 px at least (0.1.0: 360 px whatever the window, a quarter of a
// 1280 px screen even while empty). Hidden until the first selection (DetailsDock::collapse),
// then fitted when the window width changes, not when the selection does: a click on a bar
// must not move the bars under the mouse more than once. A width the user drags to is kept
// until the window is resized.
void MainWindow::fitDetailsDock() {
    if (!m_details || m_details->isFloating() || width() == m_dockFittedWidth)
        return;
    m_dockFittedWidth = width();
    resizeDocks({m_details}, {dockWidthFor(width())}, Qt::Horizontal);
}

int MainWindow::dockWidthFor(int windowWidth) {
    return std::clamp(int(windowWidth * 0.21), 300, 340); // 300: the details read unbroken
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    fitDetailsDock();
}

bool MainWindow::showPage(const QString& id) {
    for (size_t i = 0; i < m_pageIds.size(); ++i)
        if (m_pageIds[i] == id) {
            m_pageList->setCurrentRow(int(i));
            return true;
        }
    return false;
}

QString MainWindow::currentPageId() const {
    const int row = m_pageList->currentRow();
    return row >= 0 && size_t(row) < m_pageIds.size() ? m_pageIds[size_t(row)] : QString();
}

Page* MainWindow::page(const QString& id) const {
    for (size_t i = 0; i < m_pageIds.size(); ++i)
        if (m_pageIds[i] == id)
            return m_pages[i];
    return nullptr;
}

void MainWindow::setTheme(Theme theme) {
    m_theme = theme;
    applyTheme(theme);
    if (m_darkAction && m_darkAction->isChecked() != (theme == Theme::Dark))
        m_darkAction->setChecked(theme == Theme::Dark);
    styleComingSoonItems();
    QSettings().setValue(kDark, theme == Theme::Dark);
}

// Pages not built yet read as muted and italic in the list.
void MainWindow::styleComingSoonItems() {
    QColor muted = QApplication::palette().color(QPalette::Text);
    muted.setAlphaF(0.5);
    for (int i = 0; i < m_pageList->count(); ++i) {
        if (!m_pages[size_t(i)]->isComingSoon())
            continue;
        QListWidgetItem* item = m_pageList->item(i);
        item->setForeground(muted);
        QFont f = m_pageList->font();
        f.setItalic(true);
        item->setFont(f);
    }
}

void MainWindow::restoreSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        if (!fitsScreenAtPreferredSize())
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    restoreState(settings.value(kState).toByteArray());
    m_details->setOpensOnSelection(settings.value(kDetailsAutoOpen, true).toBool());
    fitDetailsDock();
    m_details->collapse();
    showPage(settings.value(kPage, pageid::overview).toString());
    setTheme(settings.value(kDark, false).toBool() ? Theme::Dark : Theme::Light);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    settings.setValue(kDetailsAutoOpen, m_details->opensOnSelection());
    settings.setValue(kPage, currentPageId());
    QMainWindow::closeEvent(event);
}

void MainWindow::updateTitle() {
    const QString path = m_state.workspacePath();
    const int row = m_pageList->currentRow();
    const QString page = row >= 0 ? m_pageList->item(row)->text() : QString();
    if (path.isEmpty())
        setWindowTitle(tr("Chokepoint"));
    else if (m_state.isBundledExample()) // the example's company data is invented
        setWindowTitle(tr("%1 — %2 — fictional example data — Chokepoint")
                           .arg(page, QFileInfo(path).fileName()));
    else
        setWindowTitle(tr("%1 — %2 — Chokepoint").arg(page, QFileInfo(path).fileName()));
}

void MainWindow::updateStatus() {
    QString text = m_state.workspacePath().isEmpty()
                       ? tr("No workspace")
                       : tr("Workspace: %1").arg(QDir::toNativeSeparators(m_state.workspacePath()));
    if (const auto net = m_state.network()) {
        const auto& d = net->data();
        text += tr("  ·  %1 suppliers, %2 sites, %3 supply links")
                    .arg(d.suppliers.size())
                    .arg(d.sites.size())
                    .arg(d.supply.size());
        // Up to when the reference data was checked (SPEC §3); the vintage year only without
        // a cut-off.
        if (const auto& cutoff = d.profile.referenceCutoff) {
            text += tr("  ·  reference data checked up to %1").arg(dateText(*cutoff));
            if (m_state.filters().asOf > *cutoff)
                text += m_state.filters().assumeScheduled ? tr(" (scheduled measures assumed)")
                                                          : tr(" (scheduled measures not counted)");
        } else if (const auto v = d.referenceVintage()) {
            text += tr("  ·  reference data %1").arg(*v);
        }
    }
    if (m_state.isBusy())
        text += tr("  ·  updating…");
    m_status->setText(text);
}

} // namespace chokepoint::ui
