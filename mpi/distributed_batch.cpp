#include "mpi/distributed_batch.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "matcher/snapshot.hpp"
#include "store/store.hpp"

namespace talentmatch::mpi {
namespace {

constexpr int kAgreements = 5;  // options, loaded, same data, ranges computed, lists merged

static_assert(std::is_trivially_copyable_v<matcher::IndexedMatch>,
              "match lists travel as bytes between ranks of the same binary");

// Rank r's graduates: whole kernel blocks, contiguous, in rank order.
matcher::BatchRange range_of(std::size_t n, int rank, int ranks) {
    const std::size_t blocks = (n + matcher::kBlockSize - 1) / matcher::kBlockSize;
    const auto edge = [&](int r) {
        return std::min(n, blocks * std::size_t(r) / std::size_t(ranks) * matcher::kBlockSize);
    };
    return {static_cast<matcher::Index>(edge(rank)), static_cast<matcher::Index>(edge(rank + 1))};
}

template <class T>
void put(std::vector<std::byte>& out, const std::vector<T>& v) {
    const std::uint64_t n = v.size();
    const auto* p = reinterpret_cast<const std::byte*>(&n);
    out.insert(out.end(), p, p + sizeof n);
    const auto* d = reinterpret_cast<const std::byte*>(v.data());
    out.insert(out.end(), d, d + n * sizeof(T));
}

template <class T>
std::vector<T> take(const std::vector<std::byte>& in, std::size_t& at) {
    std::uint64_t n = 0;
    if (in.size() - at < sizeof n) throw std::runtime_error("mpi: truncated message");
    std::memcpy(&n, in.data() + at, sizeof n);
    at += sizeof n;
    if ((in.size() - at) / sizeof(T) < n) throw std::runtime_error("mpi: truncated message");
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), in.data() + at, n * sizeof(T));
    at += n * sizeof(T);
    return v;
}

// A rank's figures for rank 0's summary line.
struct RankFigures {
    double seconds = 0;  // its top-k range
    double rss_mib = 0;  // its peak RSS so far
};

double peak_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;  // KiB on Linux
}

std::vector<std::byte> encode(const batch::BothWays& w, const RankFigures& figures) {
    std::vector<std::byte> out;
    put(out, std::vector<double>{figures.seconds, figures.rss_mib});
    put(out, w.jobs_per_candidate.offsets);
    put(out, w.jobs_per_candidate.items);
    put(out, w.candidates_per_job.offsets);
    put(out, w.candidates_per_job.items);
    return out;
}

batch::BothWays decode(const std::vector<std::byte>& in, RankFigures& figures) {
    std::size_t at = 0;
    batch::BothWays w;
    const auto numbers = take<double>(in, at);
    if (numbers.size() != 2) throw std::runtime_error("mpi: malformed message");
    figures = {numbers[0], numbers[1]};
    w.jobs_per_candidate.offsets = take<std::uint32_t>(in, at);
    w.jobs_per_candidate.items = take<matcher::IndexedMatch>(in, at);
    w.candidates_per_job.offsets = take<std::uint32_t>(in, at);
    w.candidates_per_job.items = take<matcher::IndexedMatch>(in, at);
    return w;
}

// Fault injection for the tests: is `variable` set to this rank's number?
bool injected(const char* variable, int rank) {
    const char* value = std::getenv(variable);
    return value != nullptr && std::string(value) == std::to_string(rank);
}

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

bool DistributedBatch::agree(bool ok) {
    ++agreements_;
    return channel_.agree(ok);
}

void DistributedBatch::abandon_if_not_started() {
    if (agreements_ == 0) agree(false);
}

std::optional<batch::BatchResult> DistributedBatch::run(const batch::BatchOptions& options,
                                                        const batch::ProgressCallback& progress) {
    const int rank = channel_.rank();
    if (!agree(true))
        throw std::runtime_error("rank " + std::to_string(rank) +
                                 ": stopped: another rank rejected the command line");
    batch::BatchOptions o = options;
    o.as_of = channel_.broadcast(o.as_of.empty() ? matcher::today_utc() : o.as_of);
    if (rank != 0) {
        worker(o);
        return std::nullopt;
    }
    bool stopped = false;
    try {
        return batch::run_batch(o, progress,
                                [&](const batch::LoadedSnapshot& loaded, std::size_t k_jobs,
                                    std::size_t k_candidates, batch::StageReporter& reporter) {
                                    try {
                                        return gather(loaded, k_jobs, k_candidates, o, reporter);
                                    } catch (...) {
                                        stopped =
                                            true;  // gather agreed every failure with the others
                                        throw;
                                    }
                                });
    } catch (...) {
        // Rank 0 failed before reaching the graduate stage: the workers wait
        // in the "loaded" agreement; release them.
        if (!stopped && agreements_ < kAgreements) agree(false);
        throw;
    }
}

batch::BothWays DistributedBatch::compute_range(
    const batch::LoadedSnapshot& loaded, std::size_t k_jobs, std::size_t k_candidates,
    const batch::BatchOptions& o, const std::function<void(std::uint64_t)>& on_shard) {
    if (injected("TALENTMATCH_MPI_FAIL_RANK", channel_.rank()))
        throw std::runtime_error("rank " + std::to_string(channel_.rank()) +
                                 ": injected failure (TALENTMATCH_MPI_FAIL_RANK)");
    if (injected("TALENTMATCH_MPI_KILL_RANK", channel_.rank())) std::raise(SIGKILL);
    const auto& s = *loaded.snapshot;
    return batch::top_k_range(s, matcher::CandidateKind::kGraduates,
                              range_of(s.graduates.size(), channel_.rank(), channel_.size()),
                              k_jobs, k_candidates, o.shard_graduates, o.score,
                              matcher::ExecutionOptions{o.threads, matcher::Kernel::kAuto},
                              on_shard);
}

batch::BothWays DistributedBatch::gather(const batch::LoadedSnapshot& loaded, std::size_t k_jobs,
                                         std::size_t k_candidates, const batch::BatchOptions& o,
                                         batch::StageReporter& reporter) {
    if (!agree(true))
        throw std::runtime_error("another rank could not read the store (its error is above)");
    channel_.broadcast(loaded.data_hash);
    if (!agree(true))
        throw std::runtime_error(
            "another rank read other data than rank 0 (the store changed while the ranks read "
            "it): run again");
    const auto& s = *loaded.snapshot;
    const std::uint64_t n = s.graduates.size();
    const int ranks = channel_.size();
    reporter.begin("top-k graduates", n, "graduates");
    const auto t0 = std::chrono::steady_clock::now();
    batch::BothWays out;
    std::string error;
    try {
        // Rank 0's range starts at 0: its progress times the rank count
        // estimates the whole job's.
        out = compute_range(loaded, k_jobs, k_candidates, o, [&](std::uint64_t done) {
            reporter.advance(std::min<std::uint64_t>(n, done * std::uint64_t(ranks)));
        });
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!agree(error.empty()))
        throw std::runtime_error(error.empty() ? "another rank failed its graduate range (its "
                                                 "error is above)"
                                               : error);
    // Every rank's lists are received even after a failure (a rank blocked
    // in its send could not be told); the failure is then agreed.
    std::vector<RankFigures> figures(std::size_t(ranks), RankFigures{since(t0), peak_rss_mib()});
    for (int r = 1; r < ranks; ++r) {
        std::vector<std::byte> bytes;
        try {
            bytes = channel_.receive(r);
        } catch (...) {
            must_abort_ = true;  // ranks from r on are blocked sending: no agreement reaches them
            throw;
        }
        if (!error.empty()) continue;
        try {
            batch::BothWays theirs = decode(bytes, figures[std::size_t(r)]);
            if (std::getenv("TALENTMATCH_MPI_FAIL_GATHER") != nullptr)
                throw std::runtime_error(
                    "rank 0: injected failure while merging (TALENTMATCH_MPI_FAIL_GATHER)");
            batch::append_rows(out.jobs_per_candidate, theirs.jobs_per_candidate);
            const std::array<matcher::TopKLists, 2> both{std::move(out.candidates_per_job),
                                                         std::move(theirs.candidates_per_job)};
            out.candidates_per_job = matcher::merge_candidate_lists(both, k_candidates);
        } catch (const std::exception& e) {
            error = e.what();
        }
    }
    if (error.empty() && out.jobs_per_candidate.rows() != n)
        error = "mpi: the ranks' ranges do not cover the graduates";
    if (!agree(error.empty())) throw std::runtime_error(error);
    out.pairs = n * s.jobs.size();
    reporter.advance(n);
    reporter.end();
    std::cerr << "\nmpi: " << ranks << " ranks; graduates per rank";
    for (int r = 0; r < ranks; ++r) {
        const auto range = range_of(n, r, ranks);
        std::cerr << " " << (range.end - range.begin);
    }
    std::cerr << "; top-k seconds per rank";
    for (const auto& f : figures) std::cerr << " " << f.seconds;
    std::cerr << "; peak RSS MiB per rank";
    for (const auto& f : figures) std::cerr << " " << std::lround(f.rss_mib);
    std::cerr << "; rank 0 received " << channel_.bytes_received() << " bytes, largest message "
              << channel_.largest_message() << " bytes\n";
    return out;
}

void DistributedBatch::worker(const batch::BatchOptions& o) {
    const std::string me = "rank " + std::to_string(channel_.rank()) + ": ";
    batch::LoadedSnapshot loaded;
    std::string error;
    try {
        store::StoreOptions existing;
        existing.create = false;
        store::Store store(o.db_path.string(), existing);
        batch::StageReporter quiet({{"snapshot", 1}}, {}, {});
        loaded = batch::load_snapshot(store, quiet, o.as_of);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!agree(error.empty()))
        throw std::runtime_error(me + (error.empty() ? "stopped: another rank failed" : error));
    const std::string hash = channel_.broadcast("");
    if (!agree(hash == loaded.data_hash))
        throw std::runtime_error(me + (hash == loaded.data_hash
                                           ? "stopped: another rank read other data"
                                           : "read other data than rank 0 (the store changed "
                                             "while the ranks read it)"));
    const auto t0 = std::chrono::steady_clock::now();
    batch::BothWays mine;
    try {
        mine = compute_range(loaded, std::max(o.k, o.assignment_depth), o.k, o, {});
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!agree(error.empty())) throw std::runtime_error(error.empty() ? me + "stopped" : error);
    const auto bytes = encode(mine, {since(t0), peak_rss_mib()});
    channel_.send(0, bytes);
    if (!agree(true)) throw std::runtime_error(me + "stopped: rank 0 failed merging the lists");
}

}  // namespace talentmatch::mpi
