// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace chokepoint::ui {

class AppState;

/// A page of the main window (SPEC §6: Overview, Materials, Suppliers, …).
///
/// A page receives the session in its constructor, owns its models and widgets, and follows
/// the session through AppState's signals: exposureReady (figures for the current filters are
/// in state().summary() / state().exposure()), selectionChanged (select the item in its
/// charts and tables), workspaceLoaded. It reports user choices back through
/// state().setSelection() and asks for drill-downs with state().requestPage(pageId).
/// It never computes figures: anything not in ExposureResult or Summary belongs in core/.
///
/// Register a page in ui/pages/pageregistry.cpp.
class Page : public QWidget {
    Q_OBJECT
public:
    explicit Page(AppState& state, QWidget* parent = nullptr)
        : QWidget(parent)
        , m_state(state) {}

    /// The name in the page list and window title.
    virtual QString title() const = 0;
    /// True for a placeholder that only says what the page will show.
    virtual bool isComingSoon() const { return false; }
    /// Blocks until the page's own background work is done and delivered (tests, benches).
    virtual void waitForIdle() {}

protected:
    AppState& state() const { return m_state; }

private:
    AppState& m_state;
};

} // namespace chokepoint::ui
