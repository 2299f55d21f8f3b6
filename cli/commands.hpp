#pragma once
// Each subcommand lives in its own file and adds itself to the app here. A
// command's callback stores the process exit code (exit_codes.hpp) in
// `exit_code`; main() returns it.
#include <CLI/CLI.hpp>

namespace talentmatch::cli {

void add_generate_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_summary_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_batch_command(CLI::App& app, int& exit_code);
void add_keys_command(CLI::App& app, int& exit_code);
void add_runs_command(CLI::App& app, int& exit_code);

}  // namespace talentmatch::cli
