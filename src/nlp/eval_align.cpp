// Word alignment of conll18_ud_eval.py (align_words and its helpers).
//
// Design note: outside multiword tokens, a gold and a system word align when
// their character spans are identical. Where either side has a multiword token,
// the script grows a "multiword span" until both sides reach a common boundary
// (extending it whenever a multiword token crosses the current end), then aligns
// the words inside by the longest common subsequence of their lowercased forms,
// walking the LCS table greedily from the front. The control flow below follows
// the script line by line, because any deviation changes the numbers.
#include <algorithm>

#include "nlp/eval_internal.h"

namespace dyad::detail {
namespace {

using Words = std::vector<UdWord>;

bool beyond_end(const Words& words, std::size_t i, std::size_t multiword_span_end) {
  if (i >= words.size()) return true;
  if (words[i].is_multiword) return words[i].span.start >= multiword_span_end;
  return words[i].span.end > multiword_span_end;
}

std::size_t extend_end(const UdWord& word, std::size_t multiword_span_end) {
  if (word.is_multiword && word.span.end > multiword_span_end) return word.span.end;
  return multiword_span_end;
}

struct Region {
  std::size_t gs, ss, gi, si;  // gold [gs, gi) and system [ss, si)
};

// Precondition: gold[gi] or system[si] is part of a multiword token.
Region find_multiword_span(const Words& gold, const Words& system, std::size_t gi, std::size_t si) {
  std::size_t end;
  if (gold[gi].is_multiword) {
    end = gold[gi].span.end;
    if (!system[si].is_multiword && system[si].span.start < gold[gi].span.start) ++si;
  } else {
    end = system[si].span.end;
    if (!gold[gi].is_multiword && gold[gi].span.start < system[si].span.start) ++gi;
  }
  Region r{gi, si, gi, si};
  while (!beyond_end(gold, r.gi, end) || !beyond_end(system, r.si, end)) {
    if (r.gi < gold.size() && (r.si >= system.size() || gold[r.gi].span.start <= system[r.si].span.start)) {
      end = extend_end(gold[r.gi++], end);
    } else {
      end = extend_end(system[r.si++], end);
    }
  }
  return r;
}

// lcs[g][s] = LCS length of gold[gs+g..gi) and system[ss+s..si), row-major with
// one extra row and column of zeros so the script's bounds checks disappear.
std::vector<std::size_t> compute_lcs(const Words& gold, const Words& system, const Region& r) {
  const std::size_t rows = r.gi - r.gs, cols = r.si - r.ss, width = cols + 1;
  std::vector<std::size_t> lcs((rows + 1) * width, 0);
  for (std::size_t g = rows; g-- > 0;) {
    for (std::size_t s = cols; s-- > 0;) {
      std::size_t& cell = lcs[g * width + s];
      if (gold[r.gs + g].form_lower == system[r.ss + s].form_lower) cell = 1 + lcs[(g + 1) * width + s + 1];
      cell = std::max({cell, lcs[(g + 1) * width + s], lcs[g * width + s + 1]});
    }
  }
  return lcs;
}

void align_region(const Words& gold, const Words& system, const Region& r, UdAlignment& a) {
  if (r.si <= r.ss || r.gi <= r.gs) return;
  const std::vector<std::size_t> lcs = compute_lcs(gold, system, r);
  const std::size_t rows = r.gi - r.gs, cols = r.si - r.ss, width = cols + 1;
  std::size_t g = 0, s = 0;
  while (g < rows && s < cols) {
    if (gold[r.gs + g].form_lower == system[r.ss + s].form_lower) {
      a.matched.emplace_back(r.gs + g, r.ss + s);
      a.system_to_gold[r.ss + s] = static_cast<long>(r.gs + g);
      ++g;
      ++s;
    } else if (lcs[g * width + s] == lcs[(g + 1) * width + s]) {
      ++g;
    } else {
      ++s;
    }
  }
}

}  // namespace

UdAlignment align_ud_words(const Words& gold, const Words& system) {
  UdAlignment a;
  a.system_to_gold.assign(system.size(), kUdNotAligned);
  std::size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].is_multiword || system[si].is_multiword) {
      Region r = find_multiword_span(gold, system, gi, si);
      align_region(gold, system, r, a);
      gi = r.gi;
      si = r.si;
    } else if (gold[gi].span.start == system[si].span.start && gold[gi].span.end == system[si].span.end) {
      a.matched.emplace_back(gi, si);
      a.system_to_gold[si] = static_cast<long>(gi);
      ++gi;
      ++si;
    } else if (gold[gi].span.start <= system[si].span.start) {
      ++gi;
    } else {
      ++si;
    }
  }
  return a;
}

}  // namespace dyad::detail
