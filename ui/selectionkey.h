// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "ui/appstate.h"

namespace chokepoint::ui {

/// "material:li_raw": a Selection as one string, the key of table rows and chart items.
QString selectionKey(const Selection& selection);
/// The inverse; an empty Selection for an unknown key.
Selection selectionFromKey(const QString& key);

} // namespace chokepoint::ui
