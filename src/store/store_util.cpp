// Store helpers: SHA-256 (content hashes), key and period functions.
#include "store/store_util.h"

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

#include "dyad/error.h"
#include "dyad/store.h"

namespace dyad {
namespace detail {
namespace {

// Days since 1970-01-01 <-> civil date (H. Hinnant's algorithms).
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace

// OpenSSL's SHA-256 (SHA-NI or AVX2 code picked at run time): a store hashes
// every article it is given, and the portable C version this replaced was 3%
// of a bulk load's instructions. The digest is fetched once: OpenSSL 3 would
// otherwise look the algorithm up in its provider tables on every call.
std::string sha256_hex(std::string_view data) {
  static const std::unique_ptr<EVP_MD, void (*)(EVP_MD*)> md(EVP_MD_fetch(nullptr, "SHA256", nullptr), EVP_MD_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!md || EVP_Digest(data.data(), data.size(), digest, &len, md.get(), nullptr) != 1 || len != 32) {
    throw Error("sha256: OpenSSL's SHA-256 is unavailable (libssl3 installed without its default provider?)");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (unsigned i = 0; i < 32; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

std::string prefix_end(const std::string& prefix) {
  std::string s = prefix;
  while (!s.empty()) {
    auto c = static_cast<unsigned char>(s.back());
    if (c < 0xff) {
      s.back() = static_cast<char>(c + 1);
      return s;
    }
    s.pop_back();
  }
  return s;
}

std::string place_key(const Event& e) {
  if (!e.location) return "";
  return e.location->country + ":" + e.location->text;
}

std::string cameo_root(const std::string& cameo) { return cameo.substr(0, 2); }

std::string period_start(const std::string& date, const std::string& by) {
  if (by == "day") return date;
  if (date.size() < 10) throw Error("timeline: bad event date '" + date + "' (expected YYYY-MM-DD)");
  if (by == "month") return date.substr(0, 8) + "01";
  if (by != "week") throw Error("timeline: --by must be day, week or month, not '" + by + "'");
  int y = std::stoi(date.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  long days = days_from_civil(y, m, d);
  long weekday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  return civil_from_days(days - weekday);
}

std::string utc_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

bool is_country_filter(const std::string& v) {
  if (v.size() != 3) return false;
  for (char c : v) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace detail

std::string article_content_hash(const Article& article) {
  std::string data = article.outlet;
  data += '\0';
  data += article.text;
  return detail::sha256_hex(data);
}

void set_dyad(EventFilter& filter, const std::string& dyad) {
  auto colon = dyad.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == dyad.size()) {
    throw Error("--dyad expects SOURCE:TARGET (e.g. AZE:FRA), got '" + dyad + "'");
  }
  filter.source = dyad.substr(0, colon);
  filter.target = dyad.substr(colon + 1);
}

const std::vector<std::string>& dedup_key_names() {
  static const std::vector<std::string> names = {"source", "target", "cameo", "root", "date", "place",
                                                 "modality", "plover", "source_country", "target_country",
                                                 "outlet", "article"};
  return names;
}

}  // namespace dyad
