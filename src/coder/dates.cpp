// Date resolution. Design: a small hand-written scanner over lower-cased words
// (no regex): each position is tried against the cue shapes below, longest
// first. Relative cues are resolved against the article date; years missing
// from "December 7" are chosen so the date falls between 300 days before and
// 60 days after the article date (news mostly reports the recent past).
// Weeks are represented by their Monday, months and years by their first day.
#include "coder/dates.h"

#include <array>
#include <cstdlib>

namespace dyad::detail {
namespace {

const std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                   "july",    "august",   "september", "october", "november", "december"};
const std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};

int month_of(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i]) return i + 1;
    if (w.size() >= 3 && w.size() <= 4 && kMonths[i].substr(0, w.size()) == w && w != "may" && w != "mar") return i + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

int weekday_of(std::string_view w) {
  for (int i = 0; i < 7; ++i) {
    if (w == kWeekdays[i]) return i;
  }
  return -1;
}

// "7", "7th", "26," -> day number, else 0.
int day_of(std::string_view w) {
  if (!w.empty() && w.back() == ',') w.remove_suffix(1);
  if (w.size() > 2 && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"))) {
    w.remove_suffix(2);
  }
  if (w.empty() || w.size() > 2) return 0;
  int d = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    d = d * 10 + (c - '0');
  }
  return d >= 1 && d <= 31 ? d : 0;
}

int year_of(std::string_view w) {
  if (w.size() != 4) return 0;
  int y = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  return y >= 1900 && y <= 2100 ? y : 0;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

int number_word(std::string_view w) {
  static const std::array<std::string_view, 11> kNum = {"zero", "one", "two",   "three", "four", "five",
                                                        "six",  "seven", "eight", "nine",  "ten"};
  for (int i = 0; i < 11; ++i) {
    if (w == kNum[i]) return i;
  }
  if (w == "a" || w == "an") return 1;
  if (w.size() <= 2 && !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) return std::atoi(std::string(w).c_str());
  return 0;
}

CivilDate add_months(CivilDate c, int n) {
  int total = c.y * 12 + (c.m - 1) + n;
  return CivilDate{total / 12, total % 12 + 1, 1};
}

// Picks the year for a month/day without one, near the article date.
CivilDate infer_year(const CivilDate& article, int m, int d) {
  CivilDate c{article.y, m, d};
  long delta = days_from_civil(c) - days_from_civil(article);
  if (delta > 60) c.y -= 1;
  else if (delta < -300) c.y += 1;
  return c;
}

class Scanner {
 public:
  Scanner(const std::vector<std::string>& w, const std::optional<CivilDate>& a) : w_(w), a_(a) {}

  std::vector<DateCue> run() {
    for (int i = 0; i < n(); ) {
      std::optional<DateCue> c = at(i);
      if (c) {
        out_.push_back(*c);
        i = c->last + 1;
      } else {
        ++i;
      }
    }
    return out_;
  }

 private:
  int n() const { return static_cast<int>(w_.size()); }
  std::string_view w(int i) const { return i >= 0 && i < n() ? std::string_view(w_[i]) : std::string_view(); }

  static DateCue cue(int first, int last, CivilDate d, const char* precision, std::string rule) {
    return DateCue{first, last, d, precision, std::move(rule)};
  }

  std::optional<DateCue> at(int i) {
    if (auto c = absolute(i)) return c;
    if (!a_) return std::nullopt;
    return relative(i);
  }

  // "26 December 2023", "December 26, 2023", "2023-12-26", "December 7", "7 December",
  // "in (early|mid|late) December [2023]", "in 2023".
  std::optional<DateCue> absolute(int i) {
    if (auto iso = parse_iso_date(w(i))) return cue(i, i, *iso, "day", "ISO date");
    int d = day_of(w(i)), m = month_of(w(i + 1));
    if (d && m) {
      int skip = w(i + 2) == "," ? 1 : 0;
      if (int y = year_of(w(i + 2 + skip)); y && d <= days_in_month(y, m)) return cue(i, i + 2 + skip, {y, m, d}, "day", "explicit date");
      if (a_) return cue(i, i + 1, infer_year(*a_, m, d), "day", "day and month, year from the article date");
    }
    m = month_of(w(i));
    if (m && !(w(i) == "may" && w(i + 1) != "" && !day_of(w(i + 1)))) {
      d = day_of(w(i + 1));
      if (d) {
        int skip = w(i + 2) == "," ? 1 : 0;
        if (int y = year_of(w(i + 2 + skip)); y && d <= days_in_month(y, m)) return cue(i, i + 2 + skip, {y, m, d}, "day", "explicit date");
        if (a_) return cue(i, i + 1, infer_year(*a_, m, d), "day", "month and day, year from the article date");
      }
    }
    // in [early|mid|late] December [2023]
    if (w(i) == "in" || w(i) == "since" || w(i) == "until" || w(i) == "during") {
      int j = i + 1;
      if (w(j) == "early" || w(j) == "mid" || w(j) == "late" || w(j) == "mid-") ++j;
      if (int mm = month_of(w(j)); mm && w(j).size() > 3) {
        if (int y = year_of(w(j + 1))) return cue(i, j + 1, {y, mm, 1}, "month", "month and year");
        if (a_) return cue(i, j, infer_year(*a_, mm, 1), "month", "month, year from the article date");
      }
      if (int y = year_of(w(j))) return cue(i, j, {y, 1, 1}, "year", "year");
    }
    return std::nullopt;
  }

  std::optional<DateCue> relative(int i) {
    const CivilDate& a = *a_;
    std::string_view x = w(i);
    if (x == "yesterday") return cue(i, i, add_days(a, -1), "day", "yesterday = article date - 1 day");
    if (x == "today" || x == "tonight") return cue(i, i, a, "day", std::string(x) + " = article date");
    if (x == "tomorrow") return cue(i, i, add_days(a, 1), "day", "tomorrow = article date + 1 day");
    bool last = x == "last" || x == "past" || x == "previous";
    bool next = x == "next" || x == "coming";
    bool self = x == "this";
    int unit_at = (last || next || self) ? i + 1 : -1;
    if (unit_at > 0) {
      std::string_view u = w(unit_at);
      if (u == "week") {
        CivilDate monday = add_days(a, -weekday(a));
        return cue(i, unit_at, add_days(monday, last ? -7 : next ? 7 : 0), "week", std::string(x) + " week");
      }
      if (u == "month") return cue(i, unit_at, add_months(a, last ? -1 : next ? 1 : 0), "month", std::string(x) + " month");
      if (u == "year") return cue(i, unit_at, {a.y + (last ? -1 : next ? 1 : 0), 1, 1}, "year", std::string(x) + " year");
      if (int wd = weekday_of(u); wd >= 0) return weekday_cue(i, unit_at, wd, last ? -1 : next ? 1 : 0);
    }
    if ((x == "earlier" || x == "later") && w(i + 1) == "this") {
      std::string_view u = w(i + 2);
      if (u == "week") return cue(i, i + 2, add_days(a, -weekday(a)), "week", "earlier this week");
      if (u == "month") return cue(i, i + 2, {a.y, a.m, 1}, "month", "earlier this month");
      if (u == "year") return cue(i, i + 2, {a.y, 1, 1}, "year", "earlier this year");
    }
    if (int wd = weekday_of(x); wd >= 0) return weekday_cue(i, i, wd, 0);
    // "two days ago", "3 weeks ago"
    if (int k = number_word(x); k > 0 && w(i + 2) == "ago") {
      std::string_view u = w(i + 1);
      if (u == "day" || u == "days") return cue(i, i + 2, add_days(a, -k), "day", "N days ago");
      if (u == "week" || u == "weeks") return cue(i, i + 2, add_days(add_days(a, -7L * k), -weekday(a)), "week", "N weeks ago");
      if (u == "month" || u == "months") return cue(i, i + 2, add_months(a, -k), "month", "N months ago");
      if (u == "year" || u == "years") return cue(i, i + 2, {a.y - k, 1, 1}, "year", "N years ago");
    }
    return std::nullopt;
  }

  // "on Tuesday" = the most recent Tuesday up to the article date (direction 0/-1),
  // or the next one after it (direction +1).
  std::optional<DateCue> weekday_cue(int first, int last, int wd, int direction) {
    const CivilDate& a = *a_;
    int diff = weekday(a) - wd;
    long delta = direction > 0 ? (wd - weekday(a) + 7) % 7 : -((diff + 7) % 7);
    if (direction > 0 && delta == 0) delta = 7;
    if (direction < 0 && delta == 0) delta = -7;
    if (w(first - 1) == "on") --first;
    return cue(first, last, add_days(a, delta), "day", "weekday relative to the article date");
  }

  const std::vector<std::string>& w_;
  const std::optional<CivilDate>& a_;
  std::vector<DateCue> out_;
};

}  // namespace

long days_from_civil(CivilDate c) {
  int y = c.y - (c.m <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (c.m + (c.m > 2 ? -3 : 9)) + 2) / 5 + c.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(CivilDate c) {
  long z = days_from_civil(c);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

CivilDate add_days(CivilDate c, long n) { return civil_from_days(days_from_civil(c) + n); }

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  CivilDate c{std::atoi(std::string(s.substr(0, 4)).c_str()), std::atoi(std::string(s.substr(5, 2)).c_str()),
              std::atoi(std::string(s.substr(8, 2)).c_str())};
  if (c.m < 1 || c.m > 12 || c.d < 1 || c.d > days_in_month(c.y, c.m)) return std::nullopt;
  return c;
}

std::string format_date(CivilDate c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

int to_yyyymmdd(CivilDate c) { return c.y * 10000 + c.m * 100 + c.d; }

std::vector<DateCue> find_date_cues(const std::vector<std::string>& words, const std::optional<CivilDate>& article) {
  return Scanner(words, article).run();
}

const DateCue* nearest_cue(const std::vector<DateCue>& cues, int trigger) {
  const DateCue* best = nullptr;
  int best_dist = 1 << 30;
  for (const DateCue& c : cues) {
    int dist = trigger < c.first ? c.first - trigger : trigger > c.last ? trigger - c.last : 0;
    if (dist < best_dist) {
      best = &c;
      best_dist = dist;
    }
  }
  return best;
}

std::optional<CivilDate> find_dateline(std::string_view text, std::size_t max_bytes) {
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < text.size() && i < max_bytes; ++i) {
    char c = text[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  for (const DateCue& c : find_date_cues(words, std::nullopt)) {
    if (c.precision == "day") return c.date;
  }
  return std::nullopt;
}

}  // namespace dyad::detail
