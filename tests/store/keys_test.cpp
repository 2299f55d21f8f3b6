#include <gtest/gtest.h>

#include "store/sha256.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using KeysTest = testing::TempDirTest;

TEST(Sha256, MatchesTheFipsTestVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_F(KeysTest, OnlyTheHashIsStoredAndThePlaintextFindsTheKey) {
    Store store(db_path());
    const NewApiKey created = store.create_api_key(Role::kAssociation, "assoc-1", "battery assoc");
    EXPECT_EQ(created.plaintext.size(), 3u + 64u);
    EXPECT_EQ(created.key.key_hash, sha256_hex(created.plaintext));
    const auto found = store.find_api_key(created.plaintext);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, created.key.id);
    EXPECT_EQ(found->role, Role::kAssociation);
    EXPECT_EQ(found->org_id, "assoc-1");
    EXPECT_TRUE(found->active());
    EXPECT_FALSE(store.find_api_key(created.plaintext + "x"));
    for (const ApiKey& key : store.list_api_keys()) {
        EXPECT_EQ(key.key_hash.find(created.plaintext), std::string::npos);
    }
}

TEST_F(KeysTest, RevocationTakesEffectAtOnceAndOnlyOnce) {
    Store store(db_path());
    const NewApiKey a = store.create_api_key(Role::kAdmin, "", "ops");
    const NewApiKey b = store.create_api_key(Role::kViewer, "", "dashboard");
    EXPECT_NE(a.plaintext, b.plaintext);
    EXPECT_TRUE(store.revoke_api_key(a.key.id));
    EXPECT_FALSE(store.revoke_api_key(a.key.id));
    EXPECT_FALSE(store.revoke_api_key("key_unknown"));
    EXPECT_FALSE(store.find_api_key(a.plaintext)->active());
    EXPECT_TRUE(store.find_api_key(b.plaintext)->active());
    EXPECT_EQ(store.list_api_keys().size(), 2u);
}

// Lookups run on pooled reader connections with prepared statements, and
// cache nothing: a revocation through another connection (as by
// `talentmatch keys revoke` in another process) shows on the next lookup.
TEST_F(KeysTest, RevocationByAnotherConnectionShowsOnTheNextLookup) {
    Store server(db_path());
    const NewApiKey key = server.create_api_key(Role::kAdmin, "", "ops");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(server.find_api_key(key.plaintext)->active());
    {
        Store other(db_path());
        ASSERT_TRUE(other.revoke_api_key(key.key.id));
    }
    const auto found = server.find_api_key_by_hash(key.key.key_hash);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->active());
    // And a key created elsewhere is found at once too.
    Store other(db_path());
    const NewApiKey fresh = other.create_api_key(Role::kViewer, "", "late");
    const auto late = server.find_api_key(fresh.plaintext);
    ASSERT_TRUE(late);
    EXPECT_EQ(late->id, fresh.key.id);
    EXPECT_TRUE(late->active());
}

TEST_F(KeysTest, TenantRolesNeedAnOrgAndOthersMustNotHaveOne) {
    Store store(db_path());
    EXPECT_THROW(store.create_api_key(Role::kCareerOffice, "", "x"), ValidationError);
    EXPECT_THROW(store.create_api_key(Role::kResearchOffice, "", "x"), ValidationError);
    EXPECT_THROW(store.create_api_key(Role::kViewer, "inst-1", "x"), ValidationError);
    EXPECT_TRUE(store.list_api_keys().empty());
}

TEST(Roles, WireNamesRoundTrip) {
    for (Role role : kAllRoles) EXPECT_EQ(parse_role(to_string(role)), role);
    EXPECT_EQ(to_string(Role::kResearchOffice), "research_office");
    EXPECT_FALSE(parse_role("root"));
}

}  // namespace
}  // namespace talentmatch::store
