// talentmatch batch --db FILE --out DIR [--k K] [--threads N] ...
//
// Runs the nightly batch (batch/nightly_batch.hpp): progress on stderr
// (redrawn on a terminal, plain lines otherwise), then a short summary on
// stdout ending with the run directory and report.html's path.
// Exit codes: 0 published; 2 bad options (the flag is named) or --db not a
// talentmatch store; 1 any other
// failure (store, data the matcher rejects, I/O) — the previous run stays
// published and the run is marked failed in the store's history.
#include <unistd.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "batch/nightly_batch.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "models/field_error.hpp"
#include "store/store_error.hpp"

namespace talentmatch::cli {
namespace {

// The command-line flag of a BatchOptions field a ValidationError names.
std::string flag_of(const std::string& field) {
    if (field == "assignment_depth") return "depth";
    if (field == "assignment_min_coverage") return "min-coverage";
    if (field == "shard_graduates") return "shard";
    if (field == "as_of") return "as-of";
    return field;
}

void print_summary(const batch::BatchResult& result) {
    const auto s = nlohmann::json::parse(result.summary_json);
    const auto& c = s.at("counts");
    const auto& a = s.at("assignment");
    std::cout
        << "batch run " << result.run_id << " published in "
        << batch::format_duration(result.seconds) << "\n  graduates "
        << batch::format_count(c.at("graduates").get<double>()) << " (seeking "
        << batch::format_count(c.at("seeking_graduates").get<double>()) << "), jobs "
        << batch::format_count(c.at("jobs").get<double>()) << ", openings "
        << batch::format_count(c.at("openings").get<double>()) << ", programs "
        << batch::format_count(c.at("programs").get<double>()) << "; expired on "
        << s.at("as_of").get<std::string>() << ": "
        << batch::format_count(c.at("expired_jobs").get<double>()) << " jobs ("
        << batch::format_count(c.at("expired_openings").get<double>()) << " openings), left out"
        << "\n  assignment: " << batch::format_count(a.at("filled_openings").get<double>())
        << " openings filled, " << batch::format_count(a.at("unfilled_openings").get<double>())
        << " unfilled, " << batch::format_count(a.at("unplaced_seeking_graduates").get<double>())
        << " seeking graduates unplaced, blocking pairs (every eligible pair, "
        << (a.at("blocking_pairs_check").at("method").get<std::string>().starts_with("exact")
                ? "exact"
                : "sampled ") +
               (a.at("blocking_pairs_check").at("method").get<std::string>().starts_with("exact")
                    ? std::string()
                    : std::to_string(
                          a.at("blocking_pairs_check").at("graduates_checked").get<long long>()) +
                          " graduates")
        << ") " << a.at("blocking_pairs").get<long long>() << ", score "
        << batch::format_count(a.at("weight").get<double>()) << " of at most "
        << batch::format_count(a.at("max_weight_upper_bound").get<double>())
        << "\n  supply-demand: " << s.at("supply_demand").at("shortage_skills").get<long long>()
        << " shortage skills of " << s.at("supply_demand").at("skills_in_demand").get<long long>()
        << " in demand\n  results: " << result.run_dir.string()
        << "\n  report:  " << (result.run_dir / "report.html").string() << "\n";
}

}  // namespace

void add_batch_command(CLI::App& app, int& exit_code) {
    add_batch_command(app, exit_code,
                      [](const batch::BatchOptions& o, const batch::ProgressCallback& progress) {
                          return std::optional<batch::BatchResult>(batch::run_batch(o, progress));
                      });
}

void add_batch_command(CLI::App& app, int& exit_code, BatchRunner runner) {
    auto* cmd = app.add_subcommand("batch", "Run the nightly batch: top-k, assignment, reports");
    auto options = std::make_shared<batch::BatchOptions>();
    auto db = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    cmd->add_option("--db", *db, "SQLite database file")->required();
    cmd->add_option("--out", *out, "output directory (runs/ and the latest symlink)")->required();
    cmd->add_option("--k", options->k, "top-k in every direction")->capture_default_str();
    cmd->add_option("--threads", options->threads, "worker threads, 0 = every core")
        ->capture_default_str();
    cmd->add_option("--depth", options->assignment_depth,
                    "jobs of each graduate's list taken from the top-k pass; the assignment "
                    "fetches the rest of a list from the engine when it is needed (it always "
                    "covers every eligible job: this changes time and memory, not the result)")
        ->capture_default_str();
    cmd->add_option("--as-of", options->as_of,
                    "the run's date YYYY-MM-DD: jobs past valid_until on it are left out "
                    "(default: today, UTC)");
    cmd->add_option("--min-coverage", options->assignment_min_coverage,
                    "minimum coverage of an assignment pair")
        ->capture_default_str();
    cmd->add_option("--shard", options->shard_graduates, "graduates per top-k shard")
        ->capture_default_str();
    cmd->callback([&exit_code, options, db, out, runner] {
        options->db_path = *db;
        options->out_dir = *out;
        try {
            batch::validate(*options);
        } catch (const ValidationError& e) {
            for (const auto& f : e.errors())
                std::cerr << "talentmatch batch: --" << flag_of(f.path) << ": " << f.message
                          << "\n";
            exit_code = kExitUsage;
            return;
        }
        batch::ProgressPrinter printer(std::cerr, batch::is_terminal(STDERR_FILENO));
        try {
            const auto result =
                runner(*options, [&printer](const batch::ProgressEvent& e) { printer(e); });
            if (result) print_summary(*result);
            exit_code = kExitOk;
        } catch (const ValidationError& e) {
            std::cerr << "\ntalentmatch batch: the data was rejected:\n";
            for (const auto& f : e.errors()) std::cerr << "  " << to_string(f) << "\n";
            exit_code = kExitFailure;
        } catch (const store::NotAStoreError& e) {
            std::cerr << "\ntalentmatch batch: " << e.what() << "\n";
            exit_code = kExitNotAStore;
        } catch (const std::exception& e) {
            std::cerr << "\ntalentmatch batch: " << e.what() << "\n";
            exit_code = kExitFailure;
        }
    });
}

}  // namespace talentmatch::cli
