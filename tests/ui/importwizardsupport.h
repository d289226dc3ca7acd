// SPDX-License-Identifier: MIT
// What the import wizard's tests share: the bundled workspace opened in an AppState at a fixed
// date, with the figures they check after an import, and a model cell as text.
#pragma once

#include <string>

#include <QAbstractItemModel>

#include "core/store/workspace.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"

namespace chokepoint::test {

struct WizardSession {
    TempDir dir;
    std::string path = createBundledWorkspace(dir);
    ui::AppState state;
    WizardSession() {
        state.setAsOf(core::Date::fromYmd(2025, 8, 1));
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
    }
    /// The location-lens dependence of `material`, or -1 when it is not one of ours.
    double dependence(const std::string& material) {
        const auto& net = *state.network();
        const core::analysis::Index m = net.materials.find(material);
        for (const auto& e : state.exposure()->forLens(core::analysis::Lens::Location).materials)
            if (e.material == m)
                return e.dependence;
        return -1.0;
    }
    /// What the workspace file holds now.
    core::Dataset stored() {
        auto ws = core::Workspace::open(path);
        EXPECT_TRUE(ws.ok());
        return ws->load().value();
    }
};

inline QString cell(const QAbstractItemModel* m, int row, int column) {
    return m->index(row, column).data().toString();
}

} // namespace chokepoint::test
