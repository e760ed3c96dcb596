// Builds the representation conll18_ud_eval.py's load_conllu() makes, from our
// Sentence objects instead of a file.
//
// Design note: the script works on *characters* (Python code points) with the
// whitespace inside forms (Unicode category Zs) deleted, so gold and system can be
// compared whatever their tokenization. Every token (a multiword token, or a word
// outside one) appends its FORM's characters; a token's span is its character
// range; all words of a multiword token share that span and are flagged
// is_multiword. Sentences are character spans too. Columns are normalised here,
// once, exactly as the script's UDWord constructor does, so the metrics compare
// plain strings. An empty field in our model is the CoNLL-U "_".
//
// The script refuses input that is not a tree with one root per sentence; so do
// we, with the sentence named. Our model has no word IDs, so the script's
// ID checks become checks of the multiword-token ranges.
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "dyad/error.h"
#include "nlp/eval_internal.h"

namespace dyad::detail {
namespace {

// The script's UNIVERSAL_FEATURES, CONTENT_DEPRELS and FUNCTIONAL_DEPRELS.
constexpr std::array<std::string_view, 21> kUniversalFeatures = {
    "PronType", "NumType", "Poss",     "Reflex",   "Foreign", "Abbr",   "Gender",
    "Animacy",  "Number",  "Case",     "Definite", "Degree",  "VerbForm", "Mood",
    "Tense",    "Aspect",  "Voice",    "Evident",  "Polarity", "Person", "Polite"};
constexpr std::array<std::string_view, 29> kContentDeprels = {
    "nsubj", "obj",    "iobj",      "csubj",    "ccomp",    "xcomp",      "obl",  "vocative",
    "expl",  "dislocated", "advcl", "advmod",   "discourse", "nmod",      "appos", "nummod",
    "acl",   "amod",   "conj",      "fixed",    "flat",     "compound",   "list", "parataxis",
    "orphan", "goeswith", "reparandum", "root", "dep"};
constexpr std::array<std::string_view, 7> kFunctionalDeprels = {"aux", "cop", "mark", "det",
                                                                "clf", "case", "cc"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

std::string where(const char* side, std::size_t sentence_index, const Sentence& s) {
  std::string w = std::string(side) + " sentence " + std::to_string(sentence_index + 1);
  if (!s.id.empty()) w += " (sent_id " + s.id + ")";
  return w;
}

std::u32string decode_utf8(const std::string& s, const std::string& context) {
  std::u32string out;
  out.reserve(s.size());
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    if (c < 0) throw Error(context + ": FORM '" + s + "' is not valid UTF-8; repair the input");
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::u32string strip_space_separators(std::u32string s) {
  std::erase_if(s, [](char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR; });
  return s;
}

std::string encode_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

// Python's str.lower(): full Unicode lowercasing, which ICU's root locale matches.
std::string lowercase(const std::string& s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out = s;
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  std::string out;
  icu::UnicodeString::fromUTF8(s).toLower(icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

std::string or_underscore(const std::string& s) { return s.empty() ? "_" : s; }

UdWord make_word(const Word& w, UdSpan span, bool is_multiword, const std::string& form) {
  UdWord u;
  u.span = span;
  u.is_multiword = is_multiword;
  u.form_lower = lowercase(form);
  u.lemma = or_underscore(w.lemma);
  u.upos = or_underscore(w.upos);
  u.xpos = or_underscore(w.xpos);
  u.feats = universal_features(w.feats);
  std::string deprel = or_underscore(w.deprel);
  u.deprel = deprel.substr(0, deprel.find(':'));
  u.is_content = contains(kContentDeprels, u.deprel);
  u.is_functional = contains(kFunctionalDeprels, u.deprel);
  return u;
}

void check_multiword_ranges(const Sentence& s, const std::string& loc) {
  int previous_last = 0;
  for (const MultiwordToken& m : s.multiword) {
    if (m.first <= previous_last || m.last < m.first || m.last > static_cast<int>(s.words.size())) {
      throw Error(loc + ": multiword token '" + m.form + "' covers words " + std::to_string(m.first) +
                  "-" + std::to_string(m.last) + ", which overlap another token or lie outside the " +
                  std::to_string(s.words.size()) + " words; fix the ranges");
    }
    previous_last = m.last;
  }
}

// Appends one token's characters; returns its span. Mirrors the script's
// "Delete spaces from FORM" and its empty-FORM check.
UdSpan append_token(UdRepresentation& ud, const std::string& form, const std::string& loc,
                    std::u32string* stripped) {
  *stripped = strip_space_separators(decode_utf8(form, loc));
  if (stripped->empty()) {
    throw Error(loc + ": There is an empty FORM in the CoNLL-U file (token '" + form +
                "'); every token needs a non-space form");
  }
  UdSpan span{ud.characters.size(), ud.characters.size() + stripped->size()};
  ud.characters += *stripped;
  ud.tokens.push_back(span);
  return span;
}

void append_tokens_and_words(UdRepresentation& ud, const Sentence& s, const std::string& loc) {
  std::size_t next_mwt = 0;
  std::u32string stripped;
  for (std::size_t i = 0; i < s.words.size();) {
    if (next_mwt < s.multiword.size() && s.multiword[next_mwt].first == static_cast<int>(i) + 1) {
      const MultiwordToken& m = s.multiword[next_mwt++];
      UdSpan span = append_token(ud, m.form, loc, &stripped);
      // The script keeps the words' own forms (spaces included) for the LCS.
      for (int k = m.first; k <= m.last; ++k) ud.words.push_back(make_word(s.words[k - 1], span, true, s.words[k - 1].form));
      i = static_cast<std::size_t>(m.last);
    } else {
      UdSpan span = append_token(ud, s.words[i].form, loc, &stripped);
      ud.words.push_back(make_word(s.words[i], span, false, encode_utf8(stripped)));
      ++i;
    }
  }
}

// The script's process_word(): heads in range, no cycles, then exactly one root.
void link_tree(UdRepresentation& ud, const Sentence& s, std::size_t first_word, const std::string& loc) {
  const std::size_t n = s.words.size();
  for (std::size_t i = 0; i < n; ++i) {
    int head = s.words[i].head;
    if (head < 0 || static_cast<std::size_t>(head) > n) {
      throw Error(loc + ", word " + std::to_string(i + 1) + " '" + s.words[i].form + "': HEAD '" +
                  (head < 0 ? std::string("_") : std::to_string(head)) +
                  "' points outside of the sentence; the evaluation needs a full parse");
    }
    ud.words[first_word + i].parent = head == 0 ? kUdRoot : static_cast<long>(first_word) + head - 1;
  }
  std::size_t roots = 0;
  for (std::size_t i = 0; i < n; ++i) {
    long at = static_cast<long>(first_word + i);
    for (std::size_t steps = 0; at != kUdRoot; ++steps) {
      if (steps > n) throw Error(loc + ": There is a cycle in a sentence (through word " + std::to_string(i + 1) + ")");
      at = ud.words[static_cast<std::size_t>(at)].parent;
    }
    if (ud.words[first_word + i].parent == kUdRoot) ++roots;
  }
  if (roots != 1) {
    throw Error(loc + ": There are multiple roots in a sentence (" + std::to_string(roots) +
                " words have HEAD 0; exactly one must)");
  }
  for (std::size_t i = first_word; i < first_word + n; ++i) {
    const UdWord& w = ud.words[i];
    if (w.parent != kUdRoot && w.is_functional) {
      ud.words[static_cast<std::size_t>(w.parent)].functional_children.push_back(i);
    }
  }
}

}  // namespace

std::string universal_features(const std::string& feats) {
  std::vector<std::string> kept;
  std::size_t start = 0;
  while (start <= feats.size()) {
    std::size_t bar = feats.find('|', start);
    if (bar == std::string::npos) bar = feats.size();
    std::string feat = feats.substr(start, bar - start);
    if (contains(kUniversalFeatures, feat.substr(0, feat.find('=')))) kept.push_back(std::move(feat));
    start = bar + 1;
  }
  std::sort(kept.begin(), kept.end());  // UTF-8 byte order is code point order, as Python sorts.
  std::string out;
  for (const std::string& f : kept) out += (out.empty() ? "" : "|") + f;
  return out;
}

UdRepresentation load_ud_representation(const std::vector<Sentence>& sentences, const char* side) {
  UdRepresentation ud;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    const std::string loc = where(side, si, s);
    if (s.words.empty()) throw Error(loc + ": There are multiple roots in a sentence (it has no words)");
    check_multiword_ranges(s, loc);
    const std::size_t first_word = ud.words.size();
    const std::size_t start = ud.characters.size();
    append_tokens_and_words(ud, s, loc);
    link_tree(ud, s, first_word, loc);
    ud.sentences.push_back({start, ud.characters.size()});
  }
  return ud;
}

}  // namespace dyad::detail
