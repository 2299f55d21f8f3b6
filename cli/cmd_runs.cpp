// talentmatch runs list|show --db FILE
//
// The batch run history the store keeps (store/batch_runs.hpp). Both first
// mark the runs whose process is gone as failed (interrupted), as `serve`
// and `batch` do when they start, so the history never shows a dead run as
// running. `list` prints one line per run, newest first; `show ID` prints one
// run with its error or its summary JSON.
// Exit codes: 0 ok; 1 no such run or a store fault; 2 bad options or --db not
// a talentmatch store.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/open_store.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

struct RunsOptions {
    std::string db;
    std::size_t limit = 50;
    std::int64_t id = 0;
};

// "failed (interrupted)" for a run whose process is gone, else the status.
std::string status_text(const store::BatchRun& run) {
    std::string text(store::to_string(run.status));
    if (run.status == store::RunStatus::kFailed &&
        run.error.rfind(store::kInterruptedRunError, 0) == 0)
        text += " (interrupted)";
    return text;
}

int list(const RunsOptions& o) {
    store::Store db(o.db, existing_store());
    db.mark_interrupted_runs();
    std::cout << "id\tstatus\tstarted_at\tfinished_at\tstage\tprogress\tout_dir\n";
    for (const auto& run : db.list_batch_runs(o.limit)) {
        std::cout << run.id << "\t" << status_text(run) << "\t" << run.started_at << "\t"
                  << run.finished_at.value_or("-") << "\t" << (run.stage.empty() ? "-" : run.stage)
                  << "\t" << static_cast<int>(run.progress * 100 + 0.5) << "%\t" << run.out_dir
                  << "\n";
    }
    return kExitOk;
}

int show(const RunsOptions& o) {
    store::Store db(o.db, existing_store());
    db.mark_interrupted_runs();
    const auto run = db.get_batch_run(o.id);
    if (!run) {
        std::cerr << "talentmatch runs show: no run " << o.id << "\n";
        return kExitFailure;
    }
    std::cout << "run " << run->id << "\nstatus: " << status_text(*run)
              << "\nstarted_at: " << run->started_at
              << "\nfinished_at: " << run->finished_at.value_or("-") << "\nstage: " << run->stage
              << "\nprogress: " << static_cast<int>(run->progress * 100 + 0.5)
              << "%\nout_dir: " << run->out_dir << "\n";
    if (!run->error.empty()) std::cout << "error: " << run->error << "\n";
    if (!run->summary_json.empty()) std::cout << "summary: " << run->summary_json << "\n";
    return kExitOk;
}

}  // namespace

void add_runs_command(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<RunsOptions>();
    auto* runs = app.add_subcommand("runs", "Show the batch run history");
    runs->require_subcommand(1);

    auto* l = runs->add_subcommand("list", "One line per run, newest first");
    l->add_option("--db", o->db, "talentmatch store file")->required();
    l->add_option("--limit", o->limit, "at most this many runs")->capture_default_str();
    l->callback([o, &exit_code] { exit_code = list(*o); });

    auto* s = runs->add_subcommand("show", "One run: status, stage, error or summary");
    s->add_option("--db", o->db, "talentmatch store file")->required();
    s->add_option("id", o->id, "the run id shown by list")->required();
    s->callback([o, &exit_code] { exit_code = show(*o); });
}

}  // namespace talentmatch::cli
