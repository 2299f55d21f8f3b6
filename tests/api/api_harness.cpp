#include "api_harness.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <tuple>

#include <httplib.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include "batch/nightly_batch.hpp"
#include "store/store.hpp"

namespace talentmatch::api::testing {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() / cat("tm-api-", device(), "-", counter++);
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

Job make_job(const std::string& id, const std::string& employer, int s1_level) {
    Job job;
    job.id = id;
    job.employer_id = employer;
    job.title = "Job " + id;
    job.cluster = "battery";
    job.district = "Nanshan";
    job.headcount = 2;
    job.requirements = {{"s1", s1_level, 5, false}, {"s2", 2, 3, false}};
    return job;
}

Graduate make_graduate(const std::string& id, const std::string& institution,
                       const std::string& program, int s1_level) {
    Graduate g;
    g.id = id;
    g.institution_id = institution;
    g.program_id = program;
    g.graduation_year = 2026;
    g.skills = {{"s1", s1_level, {}}, {"s2", 2, {}}, {"s3", 1, {}}};
    g.preferred_districts = {"Nanshan"};
    return g;
}

void seed_market(const std::string& db) {
    store::Store s(db);
    for (int i = 1; i <= 6; ++i) {
        Skill k;
        k.id = cat("s", i);
        k.name_en = cat("Skill ", i);
        k.category = i <= 3 ? "ict" : "battery";
        s.upsert(k);
    }
    Certificate c;
    c.id = "c1";
    c.name_en = "Certificate 1";
    s.upsert(c);
    for (const char* id : {"I1", "I2"}) {
        Institution inst;
        inst.id = id;
        inst.name = std::string("Institution ") + id;
        inst.district = "Nanshan";
        s.upsert(inst);
    }
    for (const auto& [id, inst] : {std::pair{"P1", "I1"}, std::pair{"P2", "I2"}}) {
        Program p;
        p.id = id;
        p.institution_id = inst;
        p.name = std::string("Program ") + id;
        p.cluster = "battery";
        p.cohort_size = 40;
        p.curriculum = {{"s1", 3}, {"s2", 2}};
        s.upsert(p);
    }
    // One course each, teaching what the program's curriculum already does.
    for (const auto& [id, inst, program] :
         {std::tuple{"K1", "I1", "P1"}, std::tuple{"K2", "I2", "P2"}}) {
        s.upsert(Course{id, inst, program, std::string("Course ") + id, {{"s1", 3}}, {}});
    }
    for (const auto& [id, assoc] : {std::pair{"E1", "A1"}, std::pair{"E2", "A2"}}) {
        Employer e;
        e.id = id;
        e.name = std::string("Employer ") + id;
        e.cluster = "battery";
        e.district = "Nanshan";
        e.association_id = assoc;
        s.upsert(e);
    }
    s.upsert(make_graduate("g1", "I1", "P1", 3));
    s.upsert(make_graduate("g2", "I1", "P1", 2));
    s.upsert(make_graduate("h1", "I2", "P2", 4));
    s.upsert(make_job("j1", "E1", 3));
    s.upsert(make_job("j2", "E2", 2));
}

Harness::Harness(bool seed) : Harness(seed, {}) {}

Harness::Harness(bool seed, std::function<void(ServerOptions&)> tweak) : tweak_(std::move(tweak)) {
    if (seed) seed_market(db());
    {
        store::Store s(db());
        keys_["admin"] = s.create_api_key(store::Role::kAdmin, "", "test admin").plaintext;
        keys_["assoc_A1"] = s.create_api_key(store::Role::kAssociation, "A1", "").plaintext;
        keys_["assoc_A2"] = s.create_api_key(store::Role::kAssociation, "A2", "").plaintext;
        keys_["office_I1"] = s.create_api_key(store::Role::kCareerOffice, "I1", "").plaintext;
        keys_["office_I2"] = s.create_api_key(store::Role::kCareerOffice, "I2", "").plaintext;
        keys_["viewer"] = s.create_api_key(store::Role::kViewer, "", "").plaintext;
        keys_["research_I1"] = s.create_api_key(store::Role::kResearchOffice, "I1", "").plaintext;
    }
    start();
}

Harness::~Harness() {
    stop();
}

void Harness::start() {
    ApiServerOptions options;
    options.db_path = db();
    options.run_launcher = batch::launch_run;
    options.http.port = 0;
    options.http.threads = 16;
    options.http.event_threads = 2;  // the library's thread-pool mode, whatever the cores
    options.http.max_body_bytes = 4 * 1024 * 1024;  // small, so 413 is cheap to test
    if (tweak_) tweak_(options.http);
    // TM_API_TEST_LOG=1 shows the server log (request lines, snapshot faults).
    options.logger = std::getenv("TM_API_TEST_LOG") != nullptr
                         ? spdlog::default_logger()
                         : std::make_shared<spdlog::logger>(
                               "api-test", std::make_shared<spdlog::sinks::null_sink_mt>());
    server_ = std::make_unique<ApiServer>(options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!server_->running() || !server_->snapshots().ready()) {
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("server not ready");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void Harness::stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
}

void Harness::wait_snapshot_current() {
    const auto version = server_->store().data_version();
    if (!server_->snapshots().wait_for_version(version, std::chrono::seconds(10))) {
        throw std::runtime_error("snapshot did not catch up");
    }
}

HttpResult Harness::send(const std::string& method, const std::string& path,
                         const std::string& body, const std::string& key,
                         const std::string& content_type) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    httplib::Headers headers;
    if (!key.empty()) {
        const auto it = keys_.find(key);
        headers.emplace("Authorization", "Bearer " + (it == keys_.end() ? key : it->second));
    }
    auto result = [&] {
        if (method == "GET") return client.Get(path, headers);
        if (method == "DELETE") return client.Delete(path, headers);
        if (method == "PUT") return client.Put(path, headers, body, content_type);
        if (method == "POST") return client.Post(path, headers, body, content_type);
        if (method == "PATCH") return client.Patch(path, headers, body, content_type);
        throw std::invalid_argument("method " + method);
    }();
    if (!result)
        throw std::runtime_error("HTTP request failed: " + httplib::to_string(result.error()));
    HttpResult out;
    out.status = result->status;
    out.content_type = result->get_header_value("Content-Type");
    out.body = result->body;
    for (const auto& [k, v] : result->headers) out.headers[k] = v;
    return out;
}

HttpResult Harness::get(const std::string& path, const std::string& key) {
    return send("GET", path, "", key, "");
}
HttpResult Harness::del(const std::string& path, const std::string& key) {
    return send("DELETE", path, "", key, "");
}
HttpResult Harness::put(const std::string& path, const std::string& body, const std::string& key,
                        const std::string& content_type) {
    return send("PUT", path, body, key, content_type);
}
HttpResult Harness::post(const std::string& path, const std::string& body, const std::string& key,
                         const std::string& content_type) {
    return send("POST", path, body, key, content_type);
}

}  // namespace talentmatch::api::testing
