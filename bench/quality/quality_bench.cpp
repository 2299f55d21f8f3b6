// quality_bench --db FILE --out FILE [--k K]
//
// The ranking half of bench/quality.sh: opens a store that holds the O*NET
// import and its worker profiles (`talentmatch generate --onet` then
// `talentmatch import`), builds the snapshot the server builds
// (api::build_snapshot) and asks, for every worker profile
// ("onet-worker-<code>"), the graduate-facing query the API's
// GET /v1/graduates/{id}/matches runs (matcher::top_jobs_for_graduates, the
// default ScoreConfig, no filter), with k = every job so the whole list of
// eligible jobs is written. Output, one line per (worker, rank):
//   <worker O*NET-SOC code> TAB <rank, 1-based> TAB <job O*NET-SOC code>
// and a header line "# jobs N workers M". Reads no judge: scoring the lists
// against expert judgement is bench/quality/quality_metric.py's job.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "api/snapshot_holder.hpp"
#include "matcher/query/match_query.hpp"
#include "store/store.hpp"

namespace {

constexpr std::string_view kJobPrefix = "onet-";
constexpr std::string_view kWorkerPrefix = "onet-worker-";

std::string code_of(const std::string& id, std::string_view prefix) {
    return id.substr(prefix.size());
}

}  // namespace

int main(int argc, char** argv) {
    using namespace talentmatch;
    std::string db, out;
    std::size_t k = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--db")
            db = argv[i + 1];
        else if (flag == "--out")
            out = argv[i + 1];
        else if (flag == "--k")
            k = std::strtoull(argv[i + 1], nullptr, 10);
        else {
            std::cerr << "quality_bench: unknown option " << flag << "\n";
            return 2;
        }
    }
    if (db.empty() || out.empty()) {
        std::cerr << "usage: quality_bench --db FILE --out FILE [--k K]\n";
        return 2;
    }
    try {
        store::Store store(db);
        const auto snapshot = api::build_snapshot(store);
        std::vector<std::string> workers;
        for (const auto& id : snapshot->graduates.ids.all()) {
            if (id.starts_with(kWorkerPrefix)) workers.push_back(id);
        }
        if (workers.empty())
            throw std::runtime_error("no worker profiles (onet-worker-*) in " + db);
        if (k == 0) k = snapshot->jobs.size();
        const auto lists =
            matcher::top_jobs_for_graduates(*snapshot, workers, k, {}, matcher::ScoreConfig{});
        std::ofstream file(out);
        file << "# jobs " << snapshot->jobs.size() << " workers " << workers.size() << "\n";
        for (std::size_t w = 0; w < workers.size(); ++w) {
            const std::string worker = code_of(workers[w], kWorkerPrefix);
            for (std::size_t r = 0; r < lists[w].size(); ++r) {
                file << worker << '\t' << r + 1 << '\t' << code_of(lists[w][r].id, kJobPrefix)
                     << '\n';
            }
        }
        if (!file.flush()) throw std::runtime_error("cannot write " + out);
    } catch (const std::exception& e) {
        std::cerr << "quality_bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
