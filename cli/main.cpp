// talentmatch: the command-line entry point. Thin: each subcommand parses its
// options and calls a library layer.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "store/store_error.hpp"

int main(int argc, char** argv) {
    using namespace talentmatch::cli;
    CLI::App app{"talentmatch: talent supply-demand matching for an industry-education alliance"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "talentmatch 0.1.0");
    int exit_code = kExitOk;
    add_generate_command(app, exit_code);
    add_import_command(app, exit_code);
    add_export_command(app, exit_code);
    add_summary_command(app, exit_code);
    add_serve_command(app, exit_code);
    add_batch_command(app, exit_code);
    add_keys_command(app, exit_code);
    add_runs_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    } catch (const talentmatch::store::NotAStoreError& e) {
        std::cerr << "talentmatch: error: " << e.what() << "\n";
        return kExitNotAStore;
    } catch (const std::exception& e) {
        std::cerr << "talentmatch: error: " << e.what() << "\n";
        return kExitFailure;
    }
    return exit_code;
}
