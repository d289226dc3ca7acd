// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class QTextBrowser;

namespace chokepoint::ui {

class AppState;

/// The details dock: whatever is selected (AppState::selection()), with its figures under
/// all three lenses, sources, and the paths that carry its dependence (ui/detailshtml.h).
/// Links in the text select the item they name.
///
/// It stays out of the way while there is nothing to show: collapse() hides it while nothing
/// is selected, and the first selection opens it again (autoOpened), unless the user closed
/// it (close button or View menu): then it stays closed until opened from the View menu.
class DetailsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DetailsDock(AppState& state, QWidget* parent = nullptr);
    /// The dock's text as plain text (tests).
    QString plainText() const;
    QTextBrowser* browser() const { return m_browser; }

    /// Opens by itself on a selection (false after the user closed it).
    bool opensOnSelection() const { return m_autoOpen; }
    void setOpensOnSelection(bool on) { m_autoOpen = on; }
    /// Hides the dock while nothing is selected and it opens by itself on a selection.
    void collapse();

Q_SIGNALS:
    /// The dock opened by itself for a selection (the main window gives it its width).
    void autoOpened();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void refresh();
    void openForSelection();

    AppState& m_state;
    QTextBrowser* m_browser;
    bool m_autoOpen = true;
};

} // namespace chokepoint::ui
