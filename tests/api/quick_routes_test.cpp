// Quick routes (RouteSpec::quick) run on the event thread: they are answered
// while every worker is busy, and a route that is not quick waits for one.
// Real HttpServer on loopback with its own small router; every wait bounded.
#include <chrono>
#include <future>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "api/http_server.hpp"

namespace talentmatch::api {
namespace {

using namespace std::chrono_literals;

Response text(std::string body) {
    Response res;
    res.content_type = "text/plain";
    res.body = std::move(body);
    return res;
}

int get(int port, const std::string& path, std::chrono::seconds timeout) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(timeout);
    const auto result = client.Get(path);
    return result ? result->status : -1;
}

class QuickRoutes : public ::testing::Test {
  protected:
    void SetUp() override {
        Router router;
        // Holds the only worker until released.
        router.add("GET", "/hold", [this](Request&) {
            held_.set_value();
            release_.wait_for(30s);
            return text("released");
        });
        router.add(
            "GET", "/quick", [](Request&) { return text("quick"); }, {}, /*quick=*/true);
        router.add("GET", "/pooled", [](Request&) { return text("pooled"); });
        ServerOptions options;
        options.port = 0;
        options.threads = 1;
        options.event_threads = 1;
        server_ = std::make_unique<HttpServer>(std::move(router), options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->listen(); });
    }
    void TearDown() override {
        release_promise_.set_value();
        if (holder_.valid()) holder_.wait();
        server_->stop();
        thread_.join();
    }
    // Starts a request that occupies the only worker, and waits until it does.
    void occupy_the_worker() {
        holder_ = std::async(std::launch::async, [this] { return get(port_, "/hold", 60s); });
        ASSERT_EQ(held_future_.wait_for(20s), std::future_status::ready);
    }

    std::promise<void> held_;
    std::future<void> held_future_ = held_.get_future();
    std::promise<void> release_promise_;
    std::shared_future<void> release_ = release_promise_.get_future().share();
    std::future<int> holder_;
    std::unique_ptr<HttpServer> server_;
    int port_ = 0;
    std::thread thread_;
};

TEST_F(QuickRoutes, AQuickRouteIsAnsweredWhileEveryWorkerIsBusy) {
    occupy_the_worker();
    EXPECT_EQ(get(port_, "/quick", 10s), 200);
}

TEST_F(QuickRoutes, ARouteThatIsNotQuickWaitsForAWorker) {
    occupy_the_worker();
    EXPECT_EQ(get(port_, "/pooled", 1s), -1);  // read timeout: still queued
}

TEST(QuickRouteTable, AQuickRouteWithABodyIsRefused) {
    Router router;
    EXPECT_THROW(router.add(
                     "POST", "/x", [](Request&) { return Response{}; }, {}, true),
                 std::invalid_argument);
}

}  // namespace
}  // namespace talentmatch::api
