// SPDX-License-Identifier: MIT
#include "ui/detailsdock.h"

#include <QAction>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QUrl>

#include "ui/appstate.h"
#include "ui/detailshtml.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

DetailsDock::DetailsDock(AppState& state, QWidget* parent)
    : QDockWidget(tr("Details"), parent)
    , m_state(state)
    , m_browser(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("detailsDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                QDockWidget::DockWidgetClosable);
    // "select:<key>" links select that item everywhere (the dock follows); others open in
    // the browser.
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("select")) {
            const Selection sel = selectionFromKey(
                QUrl::fromPercentEncoding(url.toString(QUrl::FullyEncoded).mid(7).toLatin1()));
            if (!sel.isEmpty())
                m_state.setSelection(sel);
            return;
        }
        QDesktopServices::openUrl(url);
    });
    m_browser->setMinimumWidth(200); // narrow while nothing is selected (MainWindow)
    // The text wraps to the dock's width; a line reaching a pixel into the document margin
    // (fonts differ between machines) must not bring up a horizontal scroll bar.
    m_browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_browser->document()->setIndentWidth(14); // nested paths stay readable in a narrow dock
    setWidget(m_browser);
    connect(toggleViewAction(), &QAction::triggered, this, [this](bool on) { m_autoOpen = on; });
    connect(&state, &AppState::selectionChanged, this, &DetailsDock::openForSelection);
    connect(&state, &AppState::selectionChanged, this, &DetailsDock::refresh);
    connect(&state, &AppState::exposureReady, this, &DetailsDock::refresh);
    connect(&state, &AppState::workspaceLoaded, this, &DetailsDock::refresh);
    refresh();
}

void DetailsDock::collapse() {
    if (m_autoOpen && m_state.selection().isEmpty() && !isFloating())
        hide();
}

void DetailsDock::openForSelection() {
    if (!m_autoOpen || m_state.selection().isEmpty() || !isHidden())
        return;
    // Open once the click that selected is over: the page gets narrower when the dock opens,
    // and a table under a pressed button would take that for a drag onto another row.
    if (QGuiApplication::mouseButtons() != Qt::NoButton) {
        QTimer::singleShot(30, this, &DetailsDock::openForSelection);
        return;
    }
    show();
    Q_EMIT autoOpened();
}

void DetailsDock::closeEvent(QCloseEvent* event) {
    m_autoOpen = false; // the close button: the user wants it away
    QDockWidget::closeEvent(event);
}

QString DetailsDock::plainText() const {
    return m_browser->toPlainText();
}

void DetailsDock::refresh() {
    const auto exposure = m_state.exposure();
    const auto summary = m_state.summary();
    const auto engine = m_state.engine();
    if (!exposure || !summary || !engine || exposure->network != m_state.network()) {
        m_browser->setHtml(tr("<p>Loading…</p>"));
        return;
    }
    // Describe what the figures were computed for (the filters may be newer while a
    // recomputation runs).
    Filters shown = m_state.filters();
    shown.asOf = exposure->asOf;
    shown.lens = summary->lens;
    m_browser->setHtml(detailsHtml(m_state.selection(), *exposure, *engine, *summary, shown));
}

} // namespace chokepoint::ui
