// Event dates from the article date and temporal expressions near the trigger.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::detail {

struct CivilDate {
  int y = 0, m = 0, d = 0;
  bool operator==(const CivilDate&) const = default;
};

/// Days since 1970-01-01 (proleptic Gregorian) and back.
long days_from_civil(CivilDate c);
CivilDate civil_from_days(long days);
/// 0 = Monday ... 6 = Sunday.
int weekday(CivilDate c);
CivilDate add_days(CivilDate c, long n);
/// "YYYY-MM-DD" -> date; nullopt when malformed or not a real day.
std::optional<CivilDate> parse_iso_date(std::string_view s);
std::string format_date(CivilDate c);
int to_yyyymmdd(CivilDate c);

/// A temporal expression found in a sentence: words [first, last].
struct DateCue {
  int first = 0, last = 0;
  CivilDate date;             ///< First day of the period.
  std::string precision;      ///< day | week | month | year
  std::string rule;           ///< e.g. "yesterday = article date - 1 day"
};

/// Finds temporal expressions in lower-cased words. Relative cues ("yesterday",
/// "last week", "on Tuesday", "December 7") need the article date; without it
/// only dates that carry their year ("26 December 2023") are returned.
std::vector<DateCue> find_date_cues(const std::vector<std::string>& words, const std::optional<CivilDate>& article);

/// The cue nearest to word `trigger` (by word distance; ties go to the earlier cue).
const DateCue* nearest_cue(const std::vector<DateCue>& cues, int trigger);

/// A full date in the first bytes of an article ("27 December 2023 15:28"),
/// for texts given without --date.
std::optional<CivilDate> find_dateline(std::string_view text, std::size_t max_bytes = 400);

}  // namespace dyad::detail
