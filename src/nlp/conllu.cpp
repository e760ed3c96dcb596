// CoNLL-U reader and writer.
//
// Offsets: when MISC carries TokenRange=start:end (what dyad writes), spans are
// taken from it. Otherwise they are computed against the text that
// tools/conllu_to_text.py reconstructs for the file (sentences of a paragraph
// joined by one space, paragraphs separated by a blank line), so a gold file
// and its raw text agree on every byte offset.
#include "dyad/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "dyad/error.h"

namespace dyad {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

std::string field(std::string_view v) { return v == "_" ? std::string() : std::string(v); }

bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Splits MISC into TokenRange, SpaceAfter and the rest (kept verbatim).
struct MiscInfo {
  bool has_range = false;
  Span range;
  bool space_after = true;
  std::string rest;
};

MiscInfo parse_misc(std::string_view misc) {
  MiscInfo info;
  if (misc == "_") return info;
  std::size_t start = 0;
  while (start <= misc.size()) {
    std::size_t bar = misc.find('|', start);
    std::string_view item = misc.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (item == "SpaceAfter=No") {
      info.space_after = false;
    } else if (item.starts_with("TokenRange=")) {
      std::string_view r = item.substr(11);
      std::size_t colon = r.find(':');
      int a = 0, b = 0;
      if (colon != std::string_view::npos && parse_int(r.substr(0, colon), a) && parse_int(r.substr(colon + 1), b)) {
        info.has_range = true;
        info.range = {static_cast<std::size_t>(a), static_cast<std::size_t>(b)};
      }
    } else if (!item.empty()) {
      if (!info.rest.empty()) info.rest += '|';
      info.rest += item;
    }
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return info;
}

void read_comment(std::string_view line, Sentence& s) {
  std::string_view c = line.substr(1);
  if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
  if (c.starts_with("sent_id = ")) {
    s.id = std::string(c.substr(10));
  } else if (c.starts_with("text = ")) {
    s.text = std::string(c.substr(7));
  } else if (c.starts_with("newdoc")) {
    s.new_document = true;
    s.new_paragraph = true;
    if (c != "newdoc") s.comments.emplace_back(c);
  } else if (c.starts_with("newpar")) {
    s.new_paragraph = true;
    if (c != "newpar") s.comments.emplace_back(c);
  } else {
    s.comments.emplace_back(c);
  }
}

// Gives every token without TokenRange a span by finding its form in the
// sentence text; falls back to SpaceAfter arithmetic when the text disagrees.
void assign_missing_spans(Sentence& s, std::size_t sentence_start) {
  std::size_t pos = 0;
  auto place = [&](const std::string& form, bool space_after, Span& span) {
    while (pos < s.text.size() && (s.text[pos] == ' ' || s.text[pos] == '\t')) ++pos;
    std::size_t len = form.size();
    if (s.text.compare(pos, len, form) != 0) len = std::min(len, s.text.size() - pos);
    span = {sentence_start + pos, sentence_start + pos + len};
    pos += len;
    if (space_after && pos < s.text.size() && s.text[pos] == ' ') ++pos;
  };
  std::size_t m = 0;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    if (m < s.multiword.size() && s.multiword[m].first == static_cast<int>(i) + 1) {
      MultiwordToken& mwt = s.multiword[m++];
      if (mwt.span.end == 0) place(mwt.form, mwt.space_after, mwt.span);
      for (int w = mwt.first; w <= mwt.last && w <= static_cast<int>(s.words.size()); ++w) {
        s.words[w - 1].span = mwt.span;
      }
      i = mwt.last - 1;
      continue;
    }
    if (s.words[i].span.end == 0) place(s.words[i].form, s.words[i].space_after, s.words[i].span);
  }
}

}  // namespace

ConlluReader::ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

bool ConlluReader::next(Sentence& s) {
  s = Sentence();
  std::string line;
  bool any = false;
  auto fail = [&](const std::string& why) -> void {
    throw Error(name_ + ":" + std::to_string(line_no_) + ": " + why);
  };
  while (std::getline(in_, line)) {
    ++line_no_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any) break;
      continue;
    }
    any = true;
    if (line[0] == '#') {
      read_comment(line, s);
      continue;
    }
    std::vector<std::string_view> c = split_tabs(line);
    if (c.size() != 10) fail("expected 10 tab-separated columns, found " + std::to_string(c.size()));
    std::string_view id = c[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node: enhanced graphs only
    MiscInfo misc = parse_misc(c[9]);
    if (std::size_t dash = id.find('-'); dash != std::string_view::npos) {
      MultiwordToken mwt;
      if (!parse_int(id.substr(0, dash), mwt.first) || !parse_int(id.substr(dash + 1), mwt.last) ||
          mwt.first > mwt.last || mwt.first != static_cast<int>(s.words.size()) + 1) {
        fail("bad multiword token range '" + std::string(id) + "'");
      }
      mwt.form = std::string(c[1]);
      mwt.space_after = misc.space_after;
      mwt.misc = misc.rest;
      if (misc.has_range) mwt.span = misc.range;
      s.multiword.push_back(std::move(mwt));
      continue;
    }
    int index = 0;
    if (!parse_int(id, index) || index != static_cast<int>(s.words.size()) + 1) {
      fail("word id '" + std::string(id) + "' is not " + std::to_string(s.words.size() + 1));
    }
    Word w;
    w.form = std::string(c[1]);
    w.lemma = c[2] == "_" && c[1] != "_" ? std::string() : std::string(c[2]);
    w.upos = field(c[3]);
    w.xpos = field(c[4]);
    w.feats = field(c[5]);
    if (c[6] != "_" && (!parse_int(c[6], w.head) || w.head < 0)) fail("bad HEAD '" + std::string(c[6]) + "'");
    w.deprel = field(c[7]);
    w.deps = field(c[8]);
    w.misc = misc.rest;
    w.space_after = misc.space_after;
    if (misc.has_range) w.span = misc.range;
    s.words.push_back(std::move(w));
  }
  if (!any) return false;
  if (s.words.empty()) fail("sentence without words");
  for (const Word& w : s.words) {
    if (w.head > static_cast<int>(s.words.size())) fail("HEAD " + std::to_string(w.head) + " is beyond the sentence");
  }
  if (s.text.empty()) {
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      s.text += s.words[i].form;
      if (s.words[i].space_after && i + 1 < s.words.size()) s.text += ' ';
    }
  }
  // Position of this sentence in the reconstructed document text.
  if (started_) doc_offset_ += s.new_paragraph ? 2 : 1;
  started_ = true;
  s.span = {doc_offset_, doc_offset_ + s.text.size()};
  assign_missing_spans(s, doc_offset_);
  doc_offset_ += s.text.size();
  return true;
}

std::vector<Sentence> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open " + path + ": no such file or not readable");
  ConlluReader reader(in, path);
  std::vector<Sentence> out;
  Sentence s;
  while (reader.next(s)) out.push_back(std::move(s));
  return out;
}

namespace {

std::string misc_column(const std::string& rest, bool space_after, const Span* span) {
  std::string m = rest;
  auto add = [&m](const std::string& item) {
    if (!m.empty()) m += '|';
    m += item;
  };
  if (!space_after) add("SpaceAfter=No");
  if (span) add("TokenRange=" + std::to_string(span->start) + ":" + std::to_string(span->end));
  return m.empty() ? "_" : m;
}

const std::string& or_underscore(const std::string& s) {
  static const std::string kUnderscore = "_";
  return s.empty() ? kUnderscore : s;
}

}  // namespace

void write_conllu(std::ostream& out, const Sentence& s) {
  if (s.new_document) out << "# newdoc\n";
  if (s.new_paragraph && !s.new_document) out << "# newpar\n";
  if (!s.id.empty()) out << "# sent_id = " << s.id << '\n';
  out << "# text = " << s.text << '\n';
  for (const std::string& c : s.comments) out << "# " << c << '\n';
  std::size_t m = 0;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    int id = static_cast<int>(i) + 1;
    bool inside_mwt = false;
    while (m < s.multiword.size() && s.multiword[m].first == id) {
      const MultiwordToken& t = s.multiword[m++];
      out << t.first << '-' << t.last << '\t' << t.form << "\t_\t_\t_\t_\t_\t_\t_\t"
          << misc_column(t.misc, t.space_after, t.span.end ? &t.span : nullptr) << '\n';
    }
    for (const MultiwordToken& t : s.multiword) inside_mwt |= id >= t.first && id <= t.last;
    out << id << '\t' << w.form << '\t' << or_underscore(w.lemma) << '\t' << or_underscore(w.upos) << '\t'
        << or_underscore(w.xpos) << '\t' << or_underscore(w.feats) << '\t';
    if (w.head >= 0) out << w.head; else out << '_';
    out << '\t' << or_underscore(w.deprel) << '\t' << or_underscore(w.deps) << '\t'
        << (inside_mwt ? (w.misc.empty() ? "_" : w.misc)
                       : misc_column(w.misc, w.space_after, w.span.end ? &w.span : nullptr))
        << '\n';
  }
  out << '\n';
}

}  // namespace dyad
