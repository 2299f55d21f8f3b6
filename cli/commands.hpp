#pragma once
// Each subcommand lives in its own file and adds itself to the app here. A
// command's callback stores the process exit code (exit_codes.hpp) in
// `exit_code`; main() returns it.
#include <functional>
#include <optional>

#include <CLI/CLI.hpp>

#include "batch/nightly_batch.hpp"

namespace talentmatch::cli {

void add_generate_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_summary_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_batch_command(CLI::App& app, int& exit_code);
// The same command with another runner (talentmatch-mpi: mpi/): it gets the
// validated options and returns the result to print, or nothing (a rank other
// than 0); its exceptions map to exit codes as run_batch's do.
using BatchRunner = std::function<std::optional<batch::BatchResult>(
    const batch::BatchOptions&, const batch::ProgressCallback&)>;
void add_batch_command(CLI::App& app, int& exit_code, BatchRunner runner);
void add_keys_command(CLI::App& app, int& exit_code);
void add_runs_command(CLI::App& app, int& exit_code);

}  // namespace talentmatch::cli
