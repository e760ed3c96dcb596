// Tokenizer::segment: paragraphs -> sentences -> words with byte spans.
//
// Design: paragraphs are runs of non-blank lines. Each paragraph is scanned
// into RawTokens (scanner.cpp), sentence ends are marked
// (sentence_splitter.cpp), and only then are Sentence/Word objects built, so
// the hot loops touch plain structs. Spans always point at the original
// bytes; a form is NFC-normalized only when its bytes are not already NFC.
#include <string>

#include "dyad/text.h"
#include "text/normalize.h"
#include "text/scanner.h"
#include "text/sentence_model.h"
#include "text/sentence_splitter.h"

namespace dyad {
namespace {

using detail::RawToken;

bool is_blank_line(std::string_view line) {
  for (char c : line) {
    if (!(c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')) return false;
  }
  return true;
}

std::string make_form(std::string_view bytes) {
  return detail::is_nfc(bytes) ? std::string(bytes) : normalize_nfc(bytes);
}

class SentenceBuilder {
 public:
  SentenceBuilder(std::string_view text, std::size_t base) : text_(text), base_(base) {}

  Sentence build(const std::vector<RawToken>& toks, std::size_t a, std::size_t b) const {
    Sentence s;
    s.span = {base_ + toks[a].start, base_ + toks[b].end};
    s.text = std::string(text_.substr(toks[a].start, toks[b].end - toks[a].start));
    // "# text" is one CoNLL-U line: show line breaks and tabs as spaces,
    // byte for byte, so offsets within the text still match the span.
    for (char& c : s.text) {
      if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') c = ' ';
    }
    s.words.reserve(b - a + 2);
    for (std::size_t k = a; k <= b; ++k) {
      const RawToken& t = toks[k];
      if (t.detachable_period && t.sentence_end) {
        add_word(s, t.start, t.end - 1, false);
        add_word(s, t.end - 1, t.end, t.space_after);
      } else if (t.nwords > 1) {
        add_multiword(s, t);
      } else {
        add_word(s, t.start, t.end, t.space_after);
      }
    }
    return s;
  }

 private:
  void add_word(Sentence& s, std::size_t start, std::size_t end, bool space_after) const {
    Word w;
    w.form = make_form(text_.substr(start, end - start));
    w.span = {base_ + start, base_ + end};
    w.space_after = space_after;
    s.words.push_back(std::move(w));
  }

  void add_multiword(Sentence& s, const RawToken& t) const {
    MultiwordToken mwt;
    mwt.first = static_cast<int>(s.words.size()) + 1;
    mwt.last = mwt.first + t.nwords - 1;
    mwt.form = make_form(text_.substr(t.start, t.end - t.start));
    mwt.span = {base_ + t.start, base_ + t.end};
    mwt.space_after = t.space_after;
    std::size_t cuts[4] = {t.start, t.start + t.cut[0], t.start + t.cut[1], t.end};
    if (t.nwords == 2) cuts[2] = t.end;
    for (int k = 0; k < t.nwords; ++k) {
      Word w;
      w.form = make_form(text_.substr(cuts[k], cuts[k + 1] - cuts[k]));
      w.span = mwt.span;
      w.space_after = k + 1 == t.nwords ? t.space_after : false;
      s.words.push_back(std::move(w));
    }
    s.multiword.push_back(std::move(mwt));
  }

  std::string_view text_;
  std::size_t base_;
};

void segment_paragraph(std::string_view text, std::size_t begin, std::size_t end, std::size_t base,
                       const detail::SentenceModel* model, std::vector<RawToken>& toks,
                       std::vector<Sentence>& out) {
  toks.clear();
  detail::scan_tokens(text, begin, end, toks);
  if (toks.empty()) return;
  detail::split_sentences(text, toks, model);
  SentenceBuilder builder(text, base);
  std::size_t a = 0;
  bool first = true;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (!toks[k].sentence_end) continue;
    out.push_back(builder.build(toks, a, k));
    out.back().new_paragraph = first;
    first = false;
    a = k + 1;
  }
}

}  // namespace

Tokenizer::Tokenizer() = default;

Tokenizer Tokenizer::load(const std::string& splitter_model_path) {
  Tokenizer t;
  t.model_ = std::make_shared<const detail::SentenceModel>(
      detail::SentenceModel::load(splitter_model_path));
  return t;
}

void train_sentence_splitter(const std::vector<Sentence>& gold, const std::string& path,
                             const std::string& description, int epochs, std::uint64_t seed) {
  detail::SentenceModel::train(gold, epochs, seed).save(path, description);
}

std::vector<Sentence> Tokenizer::segment(std::string_view text, std::size_t base_offset) const {
  std::vector<Sentence> out;
  std::vector<RawToken> toks;
  std::size_t par_begin = 0, par_end = 0;
  bool in_par = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    if (is_blank_line(text.substr(pos, line_end - pos))) {
      if (in_par) segment_paragraph(text, par_begin, par_end, base_offset, model_.get(), toks, out);
      in_par = false;
    } else {
      if (!in_par) par_begin = pos;
      in_par = true;
      par_end = line_end;
    }
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  if (in_par) segment_paragraph(text, par_begin, par_end, base_offset, model_.get(), toks, out);
  return out;
}

}  // namespace dyad
