// SPDX-License-Identifier: MIT
#pragma once

#include <QWizard>

namespace chokepoint::ui {

class AppState;
class CheckPage;
class ImportPage;
class ImportSession;
class MappingPage;
class SourcePage;

/// Brings a company's own data into the workspace: pick a CSV folder, CSV file or Excel
/// workbook; map its sheets and columns to tables and fields (proposed automatically, saved
/// for next time); preview and check; import in one transaction; reload the workspace.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { Source, Mapping, Check, Import };

    /// `source` (optional) is read at once, as if picked on the first page.
    ImportWizard(AppState& state, const QString& source = {}, QWidget* parent = nullptr);
    ~ImportWizard() override;

    /// Opens a wizard that deletes itself when closed (the File menu and the Data page).
    static ImportWizard* open(AppState& state, const QString& source, QWidget* parent);

    ImportSession& session() const { return *m_session; }
    SourcePage* sourcePage() const { return m_source; }
    MappingPage* mappingPage() const { return m_mapping; }
    CheckPage* checkPage() const { return m_check; }
    ImportPage* importPage() const { return m_import; }

    /// Closing while the import runs asks it to stop and closes once it has.
    void reject() override;

private:
    ImportSession* m_session;
    SourcePage* m_source;
    MappingPage* m_mapping;
    CheckPage* m_check;
    ImportPage* m_import;
    bool m_closeWhenDone = false;
};

} // namespace chokepoint::ui
