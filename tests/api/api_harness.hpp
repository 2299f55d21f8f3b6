#pragma once
// Test harness for the API: a real SQLite file in a fresh temp dir, a small
// seeded market, one key per role/tenant, and an ApiServer on an ephemeral
// loopback port served by a real thread. Requests go over the socket with
// cpp-httplib's client.
//
// Seeded market (ids): skills s1..s6, certificate c1; institutions I1, I2;
// programs P1 (I1), P2 (I2); graduates g1, g2 (I1), h1 (I2); employers
// E1 (association A1), E2 (association A2); jobs j1 (E1), j2 (E2).
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "api/api_server.hpp"
#include "models/entities.hpp"

namespace talentmatch::api::testing {

// A unique temp directory removed at destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

struct HttpResult {
    int status = 0;
    std::string content_type;
    std::string body;
    std::map<std::string, std::string> headers;
    nlohmann::json json() const { return nlohmann::json::parse(body); }
};

// Concatenates its arguments (strings, chars, numbers) by appending; avoids
// GCC 12's false -Wrestrict on `"literal" + std::string&&`.
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string out;
    auto add = [&out](const auto& part) {
        if constexpr (std::is_arithmetic_v<std::decay_t<decltype(part)>>) {
            out += std::to_string(part);
        } else {
            out += part;
        }
    };
    (add(parts), ...);
    return out;
}

// Seeds `db` with the market above (through the store, before serving).
void seed_market(const std::string& db);
Job make_job(const std::string& id, const std::string& employer, int s1_level = 3);
Graduate make_graduate(const std::string& id, const std::string& institution,
                       const std::string& program, int s1_level = 3);

class Harness {
  public:
    // Seeds, creates keys, starts the server and waits until it is ready.
    explicit Harness(bool seed = true);
    // The same, with the HTTP options adjusted by `tweak` before each start.
    Harness(bool seed, std::function<void(ServerOptions&)> tweak);
    ~Harness();

    // (Re)starts / stops the server on the same file.
    void start();
    void stop();

    HttpResult get(const std::string& path, const std::string& key = "admin");
    HttpResult del(const std::string& path, const std::string& key = "admin");
    HttpResult put(const std::string& path, const std::string& body,
                   const std::string& key = "admin",
                   const std::string& content_type = "application/json");
    HttpResult post(const std::string& path, const std::string& body,
                    const std::string& key = "admin",
                    const std::string& content_type = "application/json");
    // Any method, raw headers; key "" sends no Authorization.
    HttpResult send(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& key, const std::string& content_type);

    // Keys by name: admin, assoc_A1, assoc_A2, office_I1, office_I2, viewer,
    // research_I1 (the research office of I1).
    const std::string& key(const std::string& name) const { return keys_.at(name); }
    std::map<std::string, std::string>& keys() { return keys_; }
    std::string db() const { return (dir_.path() / "tm.db").string(); }
    ApiServer& server() { return *server_; }
    int port() const { return port_; }
    // Waits until the snapshot reflects every committed write.
    void wait_snapshot_current();

  private:
    TempDir dir_;
    std::function<void(ServerOptions&)> tweak_;
    std::map<std::string, std::string> keys_;
    std::unique_ptr<ApiServer> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace talentmatch::api::testing
