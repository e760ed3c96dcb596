// UTF-8 validation/repair, NFC normalization and case folding.
#include <gtest/gtest.h>

#include <string>

#include "dyad/error.h"
#include "dyad/text.h"

namespace dyad {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string error_of(std::string_view bytes, std::size_t base = 0) {
  try {
    validate_utf8(bytes, base);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(TextUtf8, AcceptsWellFormedText) {
  EXPECT_NO_THROW(validate_utf8("plain ASCII, long enough to use the 8-byte fast path"));
  EXPECT_NO_THROW(validate_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBF"));
  EXPECT_NO_THROW(validate_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point.
  EXPECT_NO_THROW(validate_utf8(""));
}

TEST(TextUtf8, ErrorNamesByteOffsetAndFix) {
  std::string msg = error_of(
      "abc\xFF"
      "def",
      1000);
  EXPECT_NE(msg.find("invalid UTF-8 at byte 1003 (0xff)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("--lenient"), std::string::npos) << msg;
  // Offset counts bytes, not characters, after multibyte text and the fast path.
  msg = error_of("\xC3\xA9\xC3\xA9 twelve bytes\x80");
  EXPECT_NE(msg.find("at byte 17 (0x80)"), std::string::npos) << msg;
}

TEST(TextUtf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  EXPECT_NE(error_of("\xC0\xAF"), "");          // overlong '/'
  EXPECT_NE(error_of("\xC1\xBF"), "");          // overlong
  EXPECT_NE(error_of("\xE0\x80\xAF"), "");      // overlong 3-byte
  EXPECT_NE(error_of("\xF0\x80\x80\xAF"), "");  // overlong 4-byte
  EXPECT_NE(error_of("\xED\xA0\x80"), "");      // U+D800 surrogate
  EXPECT_NE(error_of("\xED\xBF\xBF"), "");      // U+DFFF surrogate
  EXPECT_NE(error_of("\xF4\x90\x80\x80"), "");  // U+110000
  EXPECT_NE(error_of("\xF5\x80\x80\x80"), "");
  EXPECT_NE(error_of("ok \xE2\x82"), "");  // truncated at the end
  EXPECT_NE(error_of("\xE2\x82"
                     "x"),
            "");                    // truncated before ASCII
  EXPECT_NE(error_of("\x80"), "");  // lone continuation byte
}

TEST(TextUtf8, RepairReplacesEachMaximalSubpart) {
  EXPECT_EQ(repair_utf8("a\xE2\x82"
                        "b"),
            "a" + kFffd + "b");  // truncated euro sign: one U+FFFD
  EXPECT_EQ(repair_utf8("\xC0\xAF"), kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xF0\x9F\x98"), kFffd);
  EXPECT_EQ(repair_utf8("ok caf\xC3\xA9"), "ok caf\xC3\xA9");
  EXPECT_NO_THROW(validate_utf8(repair_utf8("\xFF\xFE mixed \xE2\x28\xA1 bytes \xC3")));
}

TEST(TextNormalize, NfcComposes) {
  EXPECT_EQ(normalize_nfc("Cafe\xCC\x81"), "Caf\xC3\xA9");  // e + combining acute
  EXPECT_EQ(normalize_nfc("\xE2\x84\xAB"), "\xC3\x85");     // Angstrom sign -> A ring
  EXPECT_EQ(normalize_nfc("already plain"), "already plain");
  EXPECT_EQ(normalize_nfc("Caf\xC3\xA9"), "Caf\xC3\xA9");
}

TEST(TextNormalize, CaseFoldIsFull) {
  EXPECT_EQ(case_fold("Stra\xC3\x9F"
                      "e"),
            "strasse");                                                          // German sharp s
  EXPECT_EQ(case_fold("\xCE\xA3\xCE\x91\xCE\xA3"), "\xCF\x83\xCE\xB1\xCF\x83");  // Greek capitals
  EXPECT_EQ(case_fold("NATO Summit"), "nato summit");
  EXPECT_EQ(case_fold("\xC3\x89LYS\xC3\x89"
                      "E"),
            "\xC3\xA9lys\xC3\xA9"
            "e");
}

}  // namespace
}  // namespace dyad
