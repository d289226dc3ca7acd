// SPDX-License-Identifier: MIT
#include "ui/importwizard/importwizard.h"

#include "ui/importwizard/checkpage.h"
#include "ui/importwizard/importpage.h"
#include "ui/importwizard/importsession.h"
#include "ui/importwizard/mappingpage.h"
#include "ui/importwizard/sourcepage.h"

namespace chokepoint::ui {

ImportWizard::ImportWizard(AppState& state, const QString& source, QWidget* parent)
    : QWizard(parent)
    , m_session(new ImportSession(state, this))
    , m_source(new SourcePage(*m_session, this))
    , m_mapping(new MappingPage(*m_session, this))
    , m_check(new CheckPage(*m_session, this))
    , m_import(new ImportPage(*m_session, this)) {
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import data"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(Source, m_source);
    setPage(Mapping, m_mapping);
    setPage(Check, m_check);
    setPage(Import, m_import);
    resize(1060, 720);
    connect(m_session, &ImportSession::importFinished, this, [this] {
        if (m_closeWhenDone)
            QWizard::reject();
    });
    if (!source.isEmpty())
        m_source->setPath(source);
}

ImportWizard::~ImportWizard() = default;

ImportWizard* ImportWizard::open(AppState& state, const QString& source, QWidget* parent) {
    auto* wizard = new ImportWizard(state, source, parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    wizard->show();
    return wizard;
}

void ImportWizard::reject() {
    if (m_session->isImporting()) {
        m_closeWhenDone = true;
        m_session->cancelImport();
        return;
    }
    QWizard::reject();
}

} // namespace chokepoint::ui
