// Two tenants creating the same new id at the same moment: the ownership
// check is decided in the same store transaction as the write, so exactly one
// of them is acknowledged and the winner still reads its entity afterwards.
#include <gtest/gtest.h>

#include <barrier>
#include <thread>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

constexpr int kRounds = 150;

struct Contender {
    std::string key;   // harness key name
    std::string body;  // the entity this tenant writes
};

// Races `a` and `b` on PUT `path` kRounds times (fresh id each round, built by
// make(round, tenant)); returns how many rounds acknowledged both writes.
template <class Make>
int race(Harness& h, const std::string& plural, const std::string& key_a, const std::string& key_b,
         Make make) {
    int both = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::string id = cat("race-", plural, "-", round);
        const std::string path = cat("/v1/", plural, "/", id);
        const std::string body_a = make(id, 0);
        const std::string body_b = make(id, 1);
        std::barrier start(2);
        int status_a = 0;
        int status_b = 0;
        std::thread ta([&] {
            start.arrive_and_wait();
            status_a = h.put(path, body_a, key_a).status;
        });
        std::thread tb([&] {
            start.arrive_and_wait();
            status_b = h.put(path, body_b, key_b).status;
        });
        ta.join();
        tb.join();
        const bool ok_a = status_a >= 200 && status_a < 300;
        const bool ok_b = status_b >= 200 && status_b < 300;
        if (ok_a && ok_b) ++both;
        EXPECT_TRUE(ok_a || ok_b) << id << ": " << status_a << " / " << status_b;
        if (ok_a != ok_b) {
            const std::string& winner = ok_a ? key_a : key_b;
            EXPECT_EQ(h.get(path, winner).status, 200) << id;
        }
    }
    return both;
}

TEST(TenancyRace, TwoCareerOfficesCreatingOneGraduateIdAcknowledgeOnlyOne) {
    Harness h;
    const int both =
        race(h, "graduates", "office_I1", "office_I2", [](const std::string& id, int t) {
            return encode(make_graduate(id, t == 0 ? "I1" : "I2", t == 0 ? "P1" : "P2")).dump();
        });
    EXPECT_EQ(both, 0) << both << " of " << kRounds << " rounds acknowledged both tenants";
}

TEST(TenancyRace, TwoAssociationsCreatingOneEmployerIdAcknowledgeOnlyOne) {
    Harness h;
    const int both = race(h, "employers", "assoc_A1", "assoc_A2", [](const std::string& id, int t) {
        Employer e;
        e.id = id;
        e.name = "Raced employer";
        e.cluster = "battery";
        e.district = "Nanshan";
        e.association_id = t == 0 ? "A1" : "A2";
        return encode(e).dump();
    });
    EXPECT_EQ(both, 0) << both << " of " << kRounds << " rounds acknowledged both tenants";
}

TEST(TenancyRace, TwoAssociationsCreatingOneJobIdAcknowledgeOnlyOne) {
    Harness h;
    const int both = race(h, "jobs", "assoc_A1", "assoc_A2", [](const std::string& id, int t) {
        return encode(make_job(id, t == 0 ? "E1" : "E2")).dump();
    });
    EXPECT_EQ(both, 0) << both << " of " << kRounds << " rounds acknowledged both tenants";
}

TEST(TenancyRace, TwoCareerOfficesBulkCreatingOneGraduateIdAcknowledgeOnlyOne) {
    Harness h;
    int both = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::string id = cat("race-bulk-", round);
        const std::string body_a = cat("[", encode(make_graduate(id, "I1", "P1")).dump(), "]");
        const std::string body_b = cat("[", encode(make_graduate(id, "I2", "P2")).dump(), "]");
        std::barrier start(2);
        int applied_a = -1;
        int applied_b = -1;
        std::thread ta([&] {
            start.arrive_and_wait();
            applied_a = h.post("/v1/graduates:bulk", body_a, "office_I1").json()["applied"];
        });
        std::thread tb([&] {
            start.arrive_and_wait();
            applied_b = h.post("/v1/graduates:bulk", body_b, "office_I2").json()["applied"];
        });
        ta.join();
        tb.join();
        if (applied_a == 1 && applied_b == 1) ++both;
        EXPECT_EQ(applied_a + applied_b, 1) << id;
    }
    EXPECT_EQ(both, 0) << both << " of " << kRounds << " rounds acknowledged both tenants";
}

}  // namespace
}  // namespace talentmatch::api::testing
