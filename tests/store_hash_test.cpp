// The content hash that makes ingest idempotent: SHA-256, pinned to the
// digests every store already holds (a different hash would make a store
// take every re-ingested article for a new one).
#include <gtest/gtest.h>

#include <string>

#include "dyad/store.h"
#include "store/store_util.h"

namespace dyad {
namespace {

// FIPS 180-2 / hashlib digests, at the lengths where the padding changes:
// the length field fits in the last block (<= 55 bytes), needs one more
// (56-63), and whole blocks (64, 120).
TEST(ContentHash, Sha256MatchesKnownDigests) {
  const struct {
    std::size_t n;
    const char* hex;
  } cases[] = {
      {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
      {56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
      {63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
      {64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
      {65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
      {119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
      {120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
  };
  for (const auto& c : cases) EXPECT_EQ(detail::sha256_hex(std::string(c.n, 'x')), c.hex) << c.n << " bytes";
  EXPECT_EQ(detail::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(detail::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// outlet, a NUL, then the text: the definition stores written since the first
// schema hold; changing it would break re-ingest deduplication.
TEST(ContentHash, ArticleHashIsOutletNulText) {
  Article a;
  a.outlet = "Trend";
  a.text = "Azerbaijan expelled two French diplomats.";
  a.id = "ignored";
  a.url = "https://example.org/ignored";
  EXPECT_EQ(article_content_hash(a), "77a757084b7c529c4152a029239bc965a9f57b28a5800719165904ac7d88bc83");
}

}  // namespace
}  // namespace dyad
