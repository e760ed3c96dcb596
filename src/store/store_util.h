// Helpers shared by the store backends, ingest and export.
#pragma once

#include <string>
#include <string_view>

#include "dyad/event.h"

namespace dyad::detail {

std::string sha256_hex(std::string_view data);

/// The smallest string greater than every string starting with `prefix`
/// ("FRA" -> "FRB"), for index range scans; empty if none exists.
std::string prefix_end(const std::string& prefix);

/// "" or "FRA:Paris": the place part of the dedup key.
std::string place_key(const Event& e);

/// "166" -> "16"; "" stays "".
std::string cameo_root(const std::string& cameo);

/// "2024-03-14" -> first day of its ISO week ("2024-03-11"), month ("2024-03-01") or itself.
std::string period_start(const std::string& date, const std::string& by);

/// Current UTC time "YYYY-MM-DD HH:MM:SS".
std::string utc_now();

/// True for a bare three-letter upper-case value ("FRA"): matched against the country.
bool is_country_filter(const std::string& v);

}  // namespace dyad::detail
