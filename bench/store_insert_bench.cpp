// Store write and scan rates, each beside a plain-SQLite baseline measured in
// the same run on the same rows (issue 4: bulk ingest; issue 5: snapshot load).
//
//   store_insert_bench [--jobs N] [--graduates N] [--dir DIR]
//
// 1. Insert N jobs (15 requirements, 1 certificate each) in batches of 1000:
//    raw prepared INSERTs (no validation, no existence check) vs
//    Store::upsert_many (validation, per-item results, upsert). Then the same
//    jobs again through upsert_many (the replace path).
// 2. Read them back: Store::scan<Job> (merged ordered scans) vs one JOIN.
// 3. Graduates (30 skills, no evidence): scan<Graduate>(with_evidence=false),
//    which builds full entities, vs JOINs that only count rows: without ORDER
//    BY (SQLite walks the child table and looks every parent up), with ORDER
//    BY id, and CROSS JOIN (parent forced outside).
// Variants must agree (row counts, level sums) before any time is printed.
// WAL + synchronous=FULL throughout, on files under --dir (default /tmp).
//
//   store_insert_bench --raw-jobs FILE.jsonl --db FILE [--batch N]
//
// The raw baseline for bench/api_bench.sh on ITS rows: reads the jobs of a
// JSON Lines file (not timed), then inserts them with prepared INSERTs into
// the existing database FILE (which holds their employers, skills ...), N per
// transaction (default 5000, as the HTTP bulk requests), and prints
// "raw_jobs_per_second <rate>" (wall time).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bulk/bulk_reader.hpp"
#include "store/schema.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace tmd = talentmatch;
namespace ts = talentmatch::store;

namespace {

constexpr int kSkills = 2000;
constexpr int kEmployers = 1000;
constexpr std::size_t kBatch = 1000;

// Wall and process CPU time: on a shared machine CPU time is the steadier figure.
struct Stopwatch {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
};
struct Timing {
    double wall = 0;
    double cpu = 0;
};
Timing seconds_since(const Stopwatch& start) {
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start.wall).count(),
            static_cast<double>(std::clock() - start.cpu) / CLOCKS_PER_SEC};
}

std::string skill_id(int i) {
    return "skill." + std::to_string(100000 + i);
}

std::vector<tmd::Job> make_jobs(int n) {
    std::mt19937 rng(1);
    std::vector<tmd::Job> jobs(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        tmd::Job& job = jobs[static_cast<std::size_t>(i)];
        job.id = "job-" + std::to_string(1000000 + i);
        job.employer_id = "emp-" + std::to_string(rng() % kEmployers);
        job.title = "Technician";
        job.cluster = "cluster-" + std::to_string(rng() % 8);
        job.district = "district-" + std::to_string(rng() % 10);
        job.headcount = 1 + static_cast<int>(rng() % 5);
        job.required_certificates = {"cert-1"};
        std::vector<int> picked;
        while (picked.size() < 15) {
            const int s = static_cast<int>(rng() % kSkills);
            bool seen = false;
            for (int p : picked) seen = seen || p == s;
            if (!seen) picked.push_back(s);
        }
        for (int s : picked) {
            job.requirements.push_back({skill_id(s), 1 + static_cast<int>(rng() % 5),
                                        1 + static_cast<int>(rng() % 10), rng() % 4 == 0});
        }
    }
    return jobs;
}

void add_catalog(ts::Store& store) {
    std::vector<tmd::Skill> skills;
    for (int i = 0; i < kSkills; ++i) skills.push_back({skill_id(i), "技能", "skill", "cat", {}});
    store.upsert_many(std::span<const tmd::Skill>(skills), ts::BulkMode::kAllOrNothing);
    store.upsert(
        tmd::Certificate{"cert-1", "证书", "cert", tmd::CertificateKind::kIndustry, "", "", {}});
    std::vector<tmd::Employer> employers;
    for (int i = 0; i < kEmployers; ++i) {
        employers.push_back({"emp-" + std::to_string(i), "Employer", "c", "d", ""});
    }
    store.upsert_many(std::span<const tmd::Employer>(employers), ts::BulkMode::kAllOrNothing);
    store.upsert(tmd::Institution{"inst-1", "Poly", "d", tmd::EducationLevel::kHigherVocational});
    tmd::Program program;
    program.id = "prog-1";
    program.institution_id = "inst-1";
    program.name = "P";
    store.upsert(program);
}

// Prepared INSERTs of `jobs` into the file's tables, `batch` jobs per
// transaction, no checks: the raw baseline both modes measure.
Timing insert_raw_jobs(const std::string& path, const std::vector<tmd::Job>& jobs,
                       std::size_t batch) {
    ts::Database db(path);
    ts::configure_connection(db, 10000);
    ts::Statement job_row(db, "INSERT INTO jobs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ts::Statement requirement(db, "INSERT INTO job_requirements VALUES (?1, ?2, ?3, ?4, ?5)");
    ts::Statement certificate(db, "INSERT INTO job_certificates VALUES (?1, ?2)");
    const Stopwatch start;
    for (std::size_t begin = 0; begin < jobs.size(); begin += batch) {
        ts::Transaction txn(db);
        for (std::size_t i = begin; i < std::min(jobs.size(), begin + batch); ++i) {
            const tmd::Job& job = jobs[i];
            job_row.bind(1, job.id)
                .bind(2, job.employer_id)
                .bind(3, job.title)
                .bind(4, job.cluster)
                .bind(5, job.district)
                .bind(6, job.headcount)
                .bind(7, static_cast<int>(job.min_education))
                .bind(8, job.valid_until)
                .run();
            for (const tmd::Requirement& r : job.requirements) {
                requirement.bind(1, job.id)
                    .bind(2, r.skill_id)
                    .bind(3, r.level)
                    .bind(4, r.weight)
                    .bind(5, r.must_have ? 1 : 0)
                    .run();
            }
            for (const std::string& c : job.required_certificates) {
                certificate.bind(1, job.id).bind(2, c).run();
            }
        }
        txn.commit();
    }
    return seconds_since(start);
}

// The raw baseline: the same rows through prepared INSERTs, no checks.
Timing raw_insert(const std::string& path, const std::vector<tmd::Job>& jobs) {
    {
        ts::Store store(path);  // schema + PRAGMAs
        add_catalog(store);
    }
    return insert_raw_jobs(path, jobs, kBatch);
}

Timing store_upsert(ts::Store& store, const std::vector<tmd::Job>& jobs) {
    const Stopwatch start;
    for (std::size_t begin = 0; begin < jobs.size(); begin += kBatch) {
        const std::size_t n = std::min(kBatch, jobs.size() - begin);
        const ts::BulkResult result = store.upsert_many(
            std::span<const tmd::Job>(jobs.data() + begin, n), ts::BulkMode::kCommitValid);
        if (result.applied != n) {
            std::fprintf(stderr, "upsert_many applied %zu of %zu\n", result.applied, n);
            std::exit(1);
        }
    }
    return seconds_since(start);
}

struct ScanTotals {
    long long parents = 0;
    long long rows = 0;
    long long level_sum = 0;
    bool operator==(const ScanTotals&) const = default;
};

ScanTotals join_scan(const std::string& path, const char* sql) {
    ts::Database db(path);
    ts::configure_connection(db, 10000);
    ts::Statement stmt(db, sql);
    ScanTotals totals;
    std::string last;
    while (stmt.step()) {
        if (stmt.column_text(0) != last) {
            last = stmt.column_text(0);
            ++totals.parents;
        }
        ++totals.rows;
        totals.level_sum += stmt.column_int(2);
    }
    return totals;
}

// --raw-jobs: the raw baseline on the caller's rows and file.
int raw_jobs_from_file(const std::string& jsonl, const std::string& path, std::size_t batch) {
    std::vector<tmd::Job> jobs;
    tmd::bulk::for_each_item(jsonl, tmd::bulk::EntityKind::kJobs, tmd::bulk::FileFormat::kJsonLines,
                             [&](tmd::bulk::BulkItem& item) {
                                 if (item.entity) jobs.push_back(std::get<tmd::Job>(*item.entity));
                             });
    const Timing t = insert_raw_jobs(path, jobs, batch);
    std::printf("raw_jobs_per_second %.0f\n", static_cast<double>(jobs.size()) / t.wall);
    return jobs.empty() ? 1 : 0;
}

void report(const char* what, Timing t, double items, const char* unit) {
    std::printf("  %-50s %7.2f s wall %7.2f s cpu %9.0f %s/s (cpu)\n", what, t.wall, t.cpu,
                items / t.cpu, unit);
}

}  // namespace

int main(int argc, char** argv) {
    int n_jobs = 100000;
    int n_graduates = 100000;
    std::filesystem::path dir = std::filesystem::temp_directory_path();
    std::string raw_jobs_file, raw_db;
    std::size_t raw_batch = 5000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--raw-jobs")
            raw_jobs_file = argv[i + 1];
        else if (flag == "--db")
            raw_db = argv[i + 1];
        else if (flag == "--batch")
            raw_batch = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else if (flag == "--jobs")
            n_jobs = std::atoi(argv[i + 1]);
        else if (flag == "--graduates")
            n_graduates = std::atoi(argv[i + 1]);
        else if (flag == "--dir")
            dir = argv[i + 1];
        else {
            std::fprintf(stderr,
                         "usage: %s [--jobs N] [--graduates N] [--dir DIR]\n"
                         "       %s --raw-jobs FILE.jsonl --db FILE [--batch N]\n",
                         argv[0], argv[0]);
            return 2;
        }
    }
    if (!raw_jobs_file.empty()) return raw_jobs_from_file(raw_jobs_file, raw_db, raw_batch);
    const std::string raw_path = (dir / "tm-bench-raw.db").string();
    const std::string store_path = (dir / "tm-bench-store.db").string();
    for (const auto& p : {raw_path, store_path}) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p + suffix);
    }
    const std::vector<tmd::Job> jobs = make_jobs(n_jobs);
    std::printf(
        "store_insert_bench: %d jobs x 15 requirements, batches of %zu, WAL + "
        "synchronous=FULL, files in %s\n",
        n_jobs, kBatch, dir.c_str());

    const Timing raw_seconds = raw_insert(raw_path, jobs);
    ts::Store store(store_path);
    add_catalog(store);
    const Timing upsert_seconds = store_upsert(store, jobs);
    const Timing replace_seconds = store_upsert(store, jobs);

    // Variants agree before any time is printed.
    const char* job_join =
        "SELECT j.id, r.skill_id, r.level FROM jobs j JOIN job_requirements r ON r.job_id = j.id "
        "ORDER BY j.id, r.skill_id";
    const ScanTotals raw_totals = join_scan(raw_path, job_join);
    Stopwatch start;
    const ScanTotals join_totals = join_scan(store_path, job_join);
    const Timing job_join_seconds = seconds_since(start);
    ScanTotals merged;
    start = Stopwatch{};
    store.scan<tmd::Job>({}, [&](const tmd::Job& job) {
        ++merged.parents;
        for (const tmd::Requirement& r : job.requirements) {
            ++merged.rows;
            merged.level_sum += r.level;
        }
    });
    const Timing job_scan_seconds = seconds_since(start);
    if (!(raw_totals == join_totals && join_totals == merged) || merged.parents != n_jobs) {
        std::fprintf(stderr, "variants disagree: raw %lld/%lld store %lld/%lld merged %lld/%lld\n",
                     raw_totals.parents, raw_totals.rows, join_totals.parents, join_totals.rows,
                     merged.parents, merged.rows);
        return 1;
    }
    std::printf("\njobs (all variants: %lld jobs, %lld requirement rows, level sum %lld)\n",
                merged.parents, merged.rows, merged.level_sum);
    report("raw SQLite INSERTs (baseline)", raw_seconds, n_jobs, "jobs");
    report("Store::upsert_many, new ids", upsert_seconds, n_jobs, "jobs");
    report("Store::upsert_many, same ids again (replace)", replace_seconds, n_jobs, "jobs");
    std::printf("  rate upsert_many / raw: %.2f (cpu), %.2f (wall)\n",
                raw_seconds.cpu / upsert_seconds.cpu, raw_seconds.wall / upsert_seconds.wall);
    report("scan: JOIN (baseline)", job_join_seconds, n_jobs, "jobs");
    report("scan: Store::scan<Job> (merged)", job_scan_seconds, n_jobs, "jobs");

    {
        // Point reads, the API's GET /v1/jobs/{id} path when not served from a snapshot.
        std::mt19937 rng(3);
        const int reads = 20000;
        long long found = 0;
        start = Stopwatch{};
        for (int i = 0; i < reads; ++i) {
            const auto job = store.get<tmd::Job>(jobs[rng() % jobs.size()].id);
            found += job ? static_cast<long long>(job->requirements.size()) : 0;
        }
        const Timing get_seconds = seconds_since(start);
        if (found != 15LL * reads) {
            std::fprintf(stderr, "get<Job> found %lld requirement rows\n", found);
            return 1;
        }
        report("Store::get<Job>, random ids", get_seconds, reads, "gets");
    }

    if (n_graduates > 0) {
        std::mt19937 rng(2);
        std::vector<tmd::Graduate> batch;
        start = Stopwatch{};
        for (int i = 0; i < n_graduates; ++i) {
            tmd::Graduate g;
            g.id = "g-" + std::to_string(10000000 + i);
            g.institution_id = "inst-1";
            g.program_id = "prog-1";
            g.graduation_year = 2026;
            const int first = static_cast<int>(rng() % (kSkills - 30));
            for (int s = 0; s < 30; ++s) {
                g.skills.push_back({skill_id(first + s), 1 + static_cast<int>(rng() % 5), {}});
            }
            batch.push_back(std::move(g));
            if (batch.size() == kBatch || i + 1 == n_graduates) {
                store.upsert_many(std::span<const tmd::Graduate>(batch),
                                  ts::BulkMode::kCommitValid);
                batch.clear();
            }
        }
        const Timing graduate_insert_seconds = seconds_since(start);
        const ScanTotals plain =
            join_scan(store_path,
                      "SELECT g.id, s.skill_id, s.level FROM graduates g JOIN graduate_skills s "
                      "ON s.graduate_id = g.id ORDER BY g.id, s.skill_id");
        start = Stopwatch{};
        join_scan(store_path,
                  "SELECT g.id, s.skill_id, s.level FROM graduates g JOIN graduate_skills s "
                  "ON s.graduate_id = g.id ORDER BY g.id, s.skill_id");
        const Timing plain_seconds = seconds_since(start);
        start = Stopwatch{};
        const ScanTotals naive =
            join_scan(store_path,
                      "SELECT g.id, s.skill_id, s.level FROM graduates g JOIN graduate_skills s "
                      "ON s.graduate_id = g.id");
        const Timing naive_seconds = seconds_since(start);
        start = Stopwatch{};
        const ScanTotals cross = join_scan(
            store_path,
            "SELECT g.id, s.skill_id, s.level FROM graduates g CROSS JOIN graduate_skills s "
            "ON s.graduate_id = g.id ORDER BY g.id, s.skill_id");
        const Timing cross_seconds = seconds_since(start);
        ScanTotals scanned;
        ts::ScanOptions options;
        options.with_evidence = false;
        start = Stopwatch{};
        store.scan<tmd::Graduate>(options, [&](const tmd::Graduate& g) {
            ++scanned.parents;
            for (const tmd::GraduateSkill& s : g.skills) {
                ++scanned.rows;
                scanned.level_sum += s.level;
            }
        });
        const Timing merged_seconds = seconds_since(start);
        if (!(plain == cross && cross == scanned && naive == scanned)) {
            std::fprintf(stderr, "graduate scans disagree\n");
            return 1;
        }
        std::printf("\ngraduates (all variants: %lld graduates, %lld skill rows, level sum %lld)\n",
                    scanned.parents, scanned.rows, scanned.level_sum);
        report("Store::upsert_many (30 skills, no evidence)", graduate_insert_seconds, n_graduates,
               "graduates");
        report("scan: JOIN, no ORDER BY (child table outside)", naive_seconds, n_graduates,
               "graduates");
        report("scan: JOIN ORDER BY id (planner puts parent outside)", plain_seconds, n_graduates,
               "graduates");
        report("scan: CROSS JOIN (parent outside)", cross_seconds, n_graduates, "graduates");
        report("scan: Store::scan<Graduate> (merged, full entities)", merged_seconds, n_graduates,
               "graduates");
        std::printf("  speed merged / JOIN without ORDER BY: %.2f (cpu), %.2f (wall)\n",
                    naive_seconds.cpu / merged_seconds.cpu,
                    naive_seconds.wall / merged_seconds.wall);
        std::printf("  speed merged / CROSS JOIN: %.2f (cpu), %.2f (wall)\n",
                    cross_seconds.cpu / merged_seconds.cpu,
                    cross_seconds.wall / merged_seconds.wall);
    }
    std::printf("\nfiles: %s (%.1f MB), %s (%.1f MB)\n", raw_path.c_str(),
                static_cast<double>(std::filesystem::file_size(raw_path)) / 1e6, store_path.c_str(),
                static_cast<double>(std::filesystem::file_size(store_path)) / 1e6);
    return 0;
}
