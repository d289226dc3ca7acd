// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <vector>

#include <QString>

class QWidget;

namespace chokepoint::ui {

class AppState;
class Page;

/// One entry of the page list.
struct PageEntry {
    QString id;    ///< stable id for AppState::requestPage() and settings ("materials")
    QString title; ///< shown in the page list
    std::function<Page*(AppState&, QWidget* parent)> create;
};

/// Every page, in page-list order (Ctrl+1 … Ctrl+9 follow this order). The one place to add a
/// page or replace a placeholder: see pageregistry.cpp.
const std::vector<PageEntry>& pageEntries();

/// Ids of the pages (in order).
namespace pageid {
inline const QString overview = QStringLiteral("overview");
inline const QString map = QStringLiteral("map");
inline const QString materials = QStringLiteral("materials");
inline const QString suppliers = QStringLiteral("suppliers");
inline const QString criticality = QStringLiteral("criticality");
inline const QString controls = QStringLiteral("controls");
inline const QString scenarios = QStringLiteral("scenarios");
inline const QString data = QStringLiteral("data");
} // namespace pageid

} // namespace chokepoint::ui
