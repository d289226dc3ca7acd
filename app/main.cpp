// SPDX-License-Identifier: MIT
#include <filesystem>
#include <iostream>

#include <QApplication>
#include <QCoreApplication>

#include "app/commandline.h"
#include "ui/application.h"

namespace {

// Two messages every headless `report` run prints on the offscreen platform, that say nothing
// about the report; every other message goes through as before.
QtMessageHandler g_previousHandler = nullptr;
void quietOffscreenNoise(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (type == QtWarningMsg &&
        (text.startsWith(QLatin1String("This plugin does not support propagateSizeHints()")) ||
         text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, text);
}

bool looksLikeWorkspace(const std::string& arg) {
    std::error_code ec;
    return std::filesystem::is_regular_file(arg, ec) ||
           (arg.size() > 11 && arg.compare(arg.size() - 11, 11, ".chokepoint") == 0);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || (args.size() == 1 && looksLikeWorkspace(args[0])))
        return chokepoint::ui::runGui(argc, argv, args.empty() ? std::string() : args[0]);

    // Headless sub-commands. `report` draws charts, so it needs a GUI application, but never
    // a display: it uses the offscreen platform unless told otherwise.
    if (args[0] == "report") {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        g_previousHandler = qInstallMessageHandler(quietOffscreenNoise);
        QApplication app(argc, argv);
        return chokepoint::app::runCommandLine(args, std::cout, std::cerr);
    }
    QCoreApplication app(argc, argv);
    return chokepoint::app::runCommandLine(args, std::cout, std::cerr);
}
