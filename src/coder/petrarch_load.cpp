// PETRARCH dictionary loading: file discovery, the shared line reader and the
// merge with our own dictionary. Design: every PETRARCH file is read into the
// same detail::Dictionary our loader fills, then the indexes are rebuilt once,
// so the coder never knows which format a pattern or actor came from.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "coder/petrarch_dict.h"
#include "dyad/error.h"

namespace dyad::detail {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  std::size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

std::string file_kind(const std::string& name) {
  std::string n = lower(name);
  if (n.find("verb") != std::string::npos || n.starts_with("cameo.")) return "verbs";
  if (n.find("actor") != std::string::npos) return "actors";
  if (n.find("agent") != std::string::npos) return "agents";
  if (n.find("discard") != std::string::npos) return "discards";
  return {};
}

void classify(const std::vector<fs::path>& paths, PetrarchFiles& out) {
  for (const fs::path& p : paths) {
    std::string kind = file_kind(p.filename().string());
    if (kind == "verbs") out.verbs.push_back(p.string());
    else if (kind == "actors") out.actors.push_back(p.string());
    else if (kind == "agents") out.agents.push_back(p.string());
    else if (kind == "discards") out.discards.push_back(p.string());
  }
}

template <typename F>
void timed(PetrarchReport& report, const std::string& kind, F&& load) {
  auto t0 = std::chrono::steady_clock::now();
  std::size_t before = report.files.size();
  load();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (report.files.size() > before) {
    report.files.back().ms = ms;
    report.files.back().kind = kind;
  }
}

}  // namespace

void PetrarchReport::warn(const std::string& file, std::size_t line, const std::string& why) {
  warnings.push_back(file + ":" + std::to_string(line) + ": " + why);
}

std::string PetrarchReport::summary() const {
  std::ostringstream out;
  for (const File& f : files) {
    out << f.kind << " " << f.path << ":";
    for (const auto& [k, v] : f.counts) out << " " << k << "=" << v;
    out << " (" << static_cast<int>(f.ms + 0.5) << " ms)\n";
  }
  out << warnings.size() << " line(s) skipped with a warning";
  out << (warnings.empty() ? "\n" : ":\n");
  for (const std::string& w : warnings) out << "  " << w << "\n";
  if (!lossy.empty()) {
    out << "conversion losses (docs/petrarch.md):\n";
    for (const auto& [k, v] : lossy) out << "  " << v << " x " << k << "\n";
  }
  return out.str();
}

std::vector<PetrarchLine> read_petrarch_lines(const std::string& path, PetrarchReport& report) {
  std::ifstream in(path);
  if (!in) throw Error("cannot open PETRARCH dictionary " + path);
  std::vector<PetrarchLine> out;
  std::string raw;
  std::size_t n = 0, comment_start = 0;
  bool in_comment = false;
  while (std::getline(in, raw)) {
    ++n;
    if (in_comment) {
      if (raw.find("-->") != std::string::npos) in_comment = false;
      continue;
    }
    std::string t = trim(raw);
    // <!-- ... --> comments may span lines; other markup lines (<ISSUE ...>) are skipped like PETRARCH does.
    if (t.starts_with("<")) {
      if (t.starts_with("<!") && t.find("-->") == std::string::npos) {
        in_comment = true;
        comment_start = n;
      }
      continue;
    }
    // '#' starts a comment except inside a [code] ("[###]" is a TABARI code).
    int depth = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '[') ++depth;
      else if (t[i] == ']' && depth > 0) --depth;
      else if (t[i] == '#' && depth == 0) {
        t = trim(t.substr(0, i));
        break;
      }
    }
    if (t.empty()) continue;
    out.push_back({t, n});
  }
  if (in_comment) report.warn(path, comment_start, "<!-- comment never closed with --> (rest of file ignored)");
  return out;
}

std::vector<std::string> petrarch_words(const std::string& phrase) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : phrase) {
    if (c == '_' || c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

std::string petrarch_plural(const std::string& w) {
  if (w.empty()) return w;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  if (w.ends_with("ss") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with("x")) return w + "es";
  return w + "s";
}

PetrarchFiles find_petrarch_files(const std::string& spec) {
  PetrarchFiles out;
  fs::path p(spec);
  std::vector<fs::path> paths;
  if (fs::is_regular_file(p)) {
    paths.push_back(p);
  } else if (fs::is_directory(p)) {
    for (const auto& e : fs::directory_iterator(p)) {
      std::string name = e.path().filename().string();
      if (e.is_regular_file() && e.path().extension() == ".txt" && !name.starts_with("PETR.Validate")) {
        paths.push_back(e.path());
      }
    }
  } else {
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::string prefix = p.filename().string();
    if (fs::is_directory(dir)) {
      for (const auto& e : fs::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().filename().string().starts_with(prefix)) paths.push_back(e.path());
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  classify(paths, out);
  // A directory of Phoenix dictionaries holds both verb formats; they are
  // alternatives, not parts: prefer the newer CAMEO.2.0.
  if (out.verbs.size() > 1) {
    auto it = std::find_if(out.verbs.begin(), out.verbs.end(),
                           [](const std::string& v) { return v.ends_with("CAMEO.2.0.txt"); });
    if (it != out.verbs.end()) out.verbs = {*it};
  }
  if (out.verbs.empty() && out.actors.empty() && out.agents.empty() && out.discards.empty()) {
    throw Error("--dict petrarch:" + spec +
                ": no PETRARCH dictionary found (give a directory of *.verbs/*.actors/*.agents/*.discards "
                "files, one such file, or a file-name prefix such as DIR/PETR.Validate)");
  }
  return out;
}

void add_petrarch_dictionary(Dictionary& d, const std::string& spec, PetrarchReport& report) {
  PetrarchFiles files = find_petrarch_files(spec);
  // Agents and actors first: nothing depends on order, but counts read better.
  for (const std::string& f : files.actors) timed(report, "actors", [&] { load_petrarch_actors(f, d, report); });
  for (const std::string& f : files.agents) timed(report, "agents", [&] { load_petrarch_agents(f, d, report); });
  for (const std::string& f : files.discards) {
    timed(report, "discards", [&] { load_petrarch_discards(f, d, report); });
  }
  for (const std::string& f : files.verbs) timed(report, "verbs", [&] { load_petrarch_verbs(f, d, report); });
  d.files += files.verbs.size() + files.actors.size() + files.agents.size() + files.discards.size();
  finish_dictionary(d);
}

void finish_dictionary(Dictionary& d) {
  d.patterns_by_lemma.clear();
  for (std::size_t i = 0; i < d.patterns.size(); ++i) {
    d.patterns_by_lemma[d.patterns[i].lemma].push_back(static_cast<int>(i));
  }
  for (auto& [lemma, ids] : d.patterns_by_lemma) {
    std::stable_sort(ids.begin(), ids.end(),
                     [&](int a, int b) { return d.patterns[a].specificity > d.patterns[b].specificity; });
  }
  d.discard_by_first.clear();
  for (std::size_t i = 0; i < d.discards.size(); ++i) {
    for (std::size_t t = 0; t < d.discards[i].terms.size(); ++t) {
      const auto& term = d.discards[i].terms[t];
      if (!term.empty()) d.discard_by_first[term.front()].emplace_back(static_cast<int>(i), static_cast<int>(t));
    }
  }
  d.phrases.by_first.clear();
  for (std::size_t i = 0; i < d.phrases.entries.size(); ++i) {
    d.phrases.by_first[d.phrases.entries[i].words.front()].push_back(static_cast<int>(i));
  }
  for (auto& [first, ids] : d.phrases.by_first) {
    std::stable_sort(ids.begin(), ids.end(), [&](int a, int b) {
      return d.phrases.entries[a].words.size() > d.phrases.entries[b].words.size();
    });
  }
}

Dictionary load_coder_dictionary(const std::string& our_dir, const std::vector<std::string>& petrarch_specs,
                                 bool petrarch_only, PetrarchReport* report) {
  if (petrarch_specs.empty()) return load_dictionary(our_dir);
  PetrarchReport local;
  PetrarchReport& rep = report ? *report : local;
  Dictionary d;
  if (!petrarch_only) {
    d = load_dictionary(our_dir);
  } else if (fs::is_directory(fs::path(our_dir) / "events")) {
    // Only the code table: PETRARCH codes gain our labels, PLOVER types and Goldstein scores.
    Dictionary ours = load_dictionary(our_dir);
    d.codes = std::move(ours.codes);
  }
  for (const std::string& spec : petrarch_specs) add_petrarch_dictionary(d, spec, rep);
  return d;
}

}  // namespace dyad::detail
