// Placeholder until the layer behind it lands; replaced by its owner.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace talentmatch::cli {

void add_export_command(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("export", "(not built yet)");
    cmd->callback([&exit_code] {
        std::cerr << "talentmatch export: not built yet\n";
        exit_code = kExitFailure;
    });
}

}  // namespace talentmatch::cli
