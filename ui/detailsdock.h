// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class QTextBrowser;

namespace chokepoint::ui {

class AppState;

/// The details dock: whatever is selected (AppState::selection()), with its figures under
/// all three lenses, sources, and the paths that carry its dependence (ui/detailshtml.h).
class DetailsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DetailsDock(AppState& state, QWidget* parent = nullptr);
    /// The dock's text as plain text (tests).
    QString plainText() const;

private:
    void refresh();

    AppState& m_state;
    QTextBrowser* m_browser;
};

} // namespace chokepoint::ui
