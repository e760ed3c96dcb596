// PETRARCH2 unit-test benchmark (an accuracy figure, not a timing): codes the
// text of every PETR.UnitTest.records.xml record marked sentence="true"
// through OUR pipeline (Engine: tokenizer, tagger, parser, coder) with the
// records' own PETR.Validate.* dictionaries loaded by --dict petrarch:, and
// scores each record as PETRARCH's validation mode does: the record is
// correct when the set of coded (source, target, event code) triples equals
// the set of its <EventCoding> triples (noevents="True" and error="..."
// records: no event at all). The records' Treebank parses are ignored.
// Absent actors are "---", an agent without a country "---AGENT"
// (PETRARCH's conventions). As PETRARCH's default configuration
// (require_dyad = True), an event whose source or target the text does not
// name is not output (--no-require-dyad keeps it). Usage:
//   petrarch_unit_bench [--records FILE] [--dict SPEC] [--failures FILE] [--model-dir DIR] [--beside]
//                       [--no-require-dyad]
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "dyad/engine.h"
#include "dyad/error.h"

namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

struct Record {
  std::string id, category, date, text, error;
  bool scored = false;
  std::set<Triple> expected;
};

std::string decode(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> kEntities = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  }
  return s;
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::map<std::string, std::string> attributes(const std::string& tag) {
  static const std::regex kAttr(R"re(([A-Za-z_]+)\s*=\s*("([^"]*)"|'([^']*)'))re");
  std::map<std::string, std::string> out;
  for (auto it = std::sregex_iterator(tag.begin(), tag.end(), kAttr); it != std::sregex_iterator(); ++it) {
    out[(*it)[1]] = (*it)[3].matched ? (*it)[3].str() : (*it)[4].str();
  }
  return out;
}

std::vector<Record> read_records(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw dyad::Error("cannot open " + path + " (use --records FILE)");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string xml = ss.str(), clean;
  for (std::size_t p = 0; p < xml.size();) {  // drop <!-- ... --> comments
    std::size_t c = xml.find("<!--", p);
    if (c == std::string::npos) {
      clean += xml.substr(p);
      break;
    }
    clean += xml.substr(p, c - p);
    std::size_t e = xml.find("-->", c + 4);
    p = e == std::string::npos ? xml.size() : e + 3;
  }
  std::vector<Record> out;
  for (std::size_t p = clean.find("<Sentence"); p != std::string::npos; p = clean.find("<Sentence", p + 1)) {
    if (!std::isspace(static_cast<unsigned char>(clean[p + 9]))) continue;  // <Sentences>
    std::size_t tag_end = clean.find('>', p), end = clean.find("</Sentence>", p);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    auto attrs = attributes(clean.substr(p, tag_end - p));
    Record r;
    r.id = attrs["id"];
    r.category = attrs["category"];
    r.date = attrs["date"];
    r.scored = attrs["sentence"] == "true";
    std::string body = clean.substr(tag_end + 1, end - tag_end - 1);
    std::size_t t0 = body.find("<Text>"), t1 = body.find("</Text>");
    if (t0 != std::string::npos && t1 != std::string::npos) r.text = decode(squeeze(body.substr(t0 + 6, t1 - t0 - 6)));
    for (std::size_t q = body.find("<EventCoding"); q != std::string::npos; q = body.find("<EventCoding", q + 1)) {
      auto ev = attributes(body.substr(q, body.find('>', q) - q));
      if (ev.count("error")) r.error = ev["error"];
      if (ev.count("eventcode")) r.expected.insert({ev["sourcecode"], ev["targetcode"], ev["eventcode"]});
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string actor_code(const std::optional<dyad::Actor>& a) {
  if (!a || a->code.empty()) return "---";
  if (a->country.empty() && a->via == "agent" && !a->code.starts_with("---")) return "---" + a->code;
  return a->code;
}

std::string show(const std::set<Triple>& s) {
  std::string out;
  for (const auto& [src, tgt, code] : s) out += (out.empty() ? "" : ", ") + src + "->" + tgt + " " + code;
  return out.empty() ? "(none)" : out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = DYAD_SHARED_DIR;
  std::string records = shared + "/data/petrarch2/text/PETR.UnitTest.records.xml";
  std::string dict = shared + "/data/petrarch2/dictionaries/PETR.Validate";
  std::string failures = "petrarch_unit_failures.txt";
  dyad::PipelineOptions nlp;
  dyad::CoderOptions coder;
  coder.petrarch_only = true;
  bool require_dyad = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--records") records = next();
    else if (a == "--dict") dict = next();
    else if (a == "--failures") failures = next();
    else if (a == "--model-dir") nlp.model_dir = next();
    else if (a == "--beside") coder.petrarch_only = false;
    else if (a == "--no-require-dyad") require_dyad = false;
    else {
      std::cerr << "usage: petrarch_unit_bench [--records FILE] [--dict SPEC] [--failures FILE] [--model-dir DIR] [--beside] [--no-require-dyad]\n";
      return 2;
    }
  }
  try {
    std::vector<Record> recs = read_records(records);
    coder.petrarch_dicts = {dict};
    dyad::Engine engine = dyad::Engine::load(nlp, coder);
    std::ofstream fail(failures);
    std::map<std::string, std::pair<int, int>> by_category;  // correct, total
    int correct = 0, total = 0;
    for (const Record& r : recs) {
      if (!r.scored) continue;
      dyad::Article art;
      art.id = r.id;
      art.text = r.text;
      if (r.date.size() == 8) art.date = r.date.substr(0, 4) + "-" + r.date.substr(4, 2) + "-" + r.date.substr(6, 2);
      dyad::CodedArticle coded = engine.code(art);
      std::set<Triple> got;
      std::string rules;
      for (const dyad::Event& e : coded.events) {
        if (e.cameo == "---") continue;  // null-coded PETRARCH pattern: blocks, codes nothing
        if (require_dyad && (!e.source || !e.target)) continue;
        got.insert({actor_code(e.source), actor_code(e.target), e.cameo});
        rules += "\n    " + actor_code(e.source) + "->" + actor_code(e.target) + " " + e.cameo + " via '" +
                 e.trigger_text + "' " + e.rule;
      }
      bool ok = got == r.expected;
      ++total;
      auto& cat = by_category[r.category];
      ++cat.second;
      if (ok) {
        ++correct;
        ++cat.first;
        continue;
      }
      std::set<Triple> missing, extra;
      for (const Triple& t : r.expected) if (!got.count(t)) missing.insert(t);
      for (const Triple& t : got) if (!r.expected.count(t)) extra.insert(t);
      std::string reason = !r.error.empty() ? "expects PETRARCH error '" + r.error + "' (no events)"
                           : got.empty()    ? "no event coded"
                           : r.expected.empty() ? "expects no event"
                                                : "triples differ";
      for (const Triple& t : r.expected) {
        if (std::get<0>(t).find('"') != std::string::npos || std::get<1>(t).find('"') != std::string::npos) {
          reason += "; expects a new-actor text code";
          break;
        }
      }
      fail << r.id << " [" << r.category << "] " << reason << "\n  text: " << r.text << "\n  expected: " << show(r.expected)
           << "\n  missing: " << show(missing) << "\n  extra: " << show(extra) << "\n  events:" << (rules.empty() ? " (none)" : rules)
           << "\n\n";
    }
    std::cout << "PETRARCH2 unit-test records: " << correct << "/" << total << " correct (PETRARCH2 itself: 88/279)\n";
    for (const auto& [cat, ct] : by_category) std::cout << "  " << cat << ": " << ct.first << "/" << ct.second << "\n";
    std::cout << "failures with reasons: " << failures << "\n";
  } catch (const std::exception& e) {
    std::cerr << "petrarch_unit_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
