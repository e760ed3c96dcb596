// Ingest: reader thread -> N coding workers -> one writer (the calling thread).
//
// Why this shape: coding (tagging, parsing) is the expensive, embarrassingly
// parallel part; SQLite takes one writer at a time, so a single writer that
// commits whatever finished articles are queued (up to max_batch, each article
// whole) keeps transactions large when coding is fast and small when it is
// slow. Progress is reported only after COMMIT, so every article reported as
// stored survives kill -9. The reader asks a second, read-only connection
// whether a content hash is stored already, so a rerun codes only what is
// missing.
#include "dyad/ingest.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "common/parallel.h"
#include "dyad/error.h"
#include "store/article_source.h"

namespace dyad {
namespace {

struct Done {
  std::optional<Article> article;
  CodedArticle coded;
  std::optional<IngestProblem> problem;
  bool already = false;
  std::uint64_t bytes = 0;
};

template <class T>
class Queue {
 public:
  Queue(std::size_t cap, int producers) : cap_(cap), producers_(producers) {}
  bool push(T v) {
    std::unique_lock lk(m_);
    not_full_.wait(lk, [&] { return q_.size() < cap_ || aborted_; });
    if (aborted_) return false;
    q_.push_back(std::move(v));
    not_empty_.notify_one();
    return true;
  }
  // Blocks for one item; false when drained and all producers are done.
  bool pop(T& v) {
    std::unique_lock lk(m_);
    not_empty_.wait(lk, [&] { return !q_.empty() || producers_ == 0 || aborted_; });
    if (q_.empty() || aborted_) return false;
    v = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return true;
  }
  bool try_pop(T& v) {
    std::lock_guard lk(m_);
    if (q_.empty() || aborted_) return false;
    v = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void producer_done() {
    std::lock_guard lk(m_);
    if (--producers_ == 0) not_empty_.notify_all();
  }
  void abort() {
    std::lock_guard lk(m_);
    aborted_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex m_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> q_;
  std::size_t cap_;
  int producers_;
  bool aborted_ = false;
};

struct Work {
  Article article;
  std::uint64_t bytes = 0;
};

void read_inputs(const IngestOptions& o, const std::string& url, Queue<Work>& work, Queue<Done>& done,
                 std::uint64_t& total_bytes_out, std::atomic<bool>& total_known) {
  std::unique_ptr<EventStore> store = EventStore::open(url);
  detail::ArticleSource source(o.paths, o.max_file_bytes);
  total_bytes_out = source.total_bytes();
  total_known = true;
  detail::SourceItem item;
  while (source.next(item)) {
    if (!item.article) {
      Done d;
      d.bytes = item.bytes;
      if (!item.error.empty()) d.problem = IngestProblem{item.where, item.error};
      if (!done.push(std::move(d))) break;
      continue;
    }
    if (store->has_article(article_content_hash(*item.article))) {
      Done d;
      d.already = true;
      d.bytes = item.bytes;
      if (!done.push(std::move(d))) break;
      continue;
    }
    if (!work.push(Work{std::move(*item.article), item.bytes})) break;
  }
}

void code_articles(const CodeFunction& code, Queue<Work>& work, Queue<Done>& done) {
  Work w;
  while (work.pop(w)) {
    Done d;
    d.bytes = w.bytes;
    try {
      d.coded = code(w.article);
      d.article = std::move(w.article);
    } catch (const std::exception& e) {
      d.problem = IngestProblem{w.article.id, std::string("coding failed: ") + e.what()};
    }
    if (!done.push(std::move(d))) return;
  }
}

}  // namespace

IngestSummary ingest(const std::string& url, const CodeFunction& code, const IngestOptions& o) {
  std::unique_ptr<EventStore> store = EventStore::open(url);  // creates / migrates before the reader opens
  int jobs = o.jobs > 0 ? o.jobs : static_cast<int>(detail::usable_cores());
  Queue<Work> work(static_cast<std::size_t>(jobs) * 4, 1);
  Queue<Done> done(static_cast<std::size_t>(jobs) * 4 + o.max_batch, jobs + 1);
  std::uint64_t total_bytes = 0;
  std::atomic<bool> total_known{false};
  std::exception_ptr reader_error;
  std::thread reader([&] {
    try {
      read_inputs(o, url, work, done, total_bytes, total_known);
    } catch (...) {
      reader_error = std::current_exception();
    }
    work.producer_done();
    done.producer_done();
  });
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      code_articles(code, work, done);
      done.producer_done();
    });
  }
  auto stop = [&] {
    work.abort();
    done.abort();
    reader.join();
    for (auto& t : workers) t.join();
  };

  IngestSummary sum;
  IngestProgress& p = sum.totals;
  auto start = std::chrono::steady_clock::now();
  try {
    if (o.bulk) store->begin_bulk_load();
    Done d;
    while (done.pop(d)) {
      std::vector<Done> batch;
      batch.push_back(std::move(d));
      while (batch.size() < o.max_batch && done.try_pop(d)) batch.push_back(std::move(d));
      std::vector<const Article*> arts;
      std::vector<const CodedArticle*> coded;
      for (Done& b : batch) {
        p.bytes_done += b.bytes;
        if (b.problem) {
          ++p.skipped;
          ++sum.bad;
          sum.problems.push_back(*b.problem);
          if (o.on_problem) o.on_problem(*b.problem);
        } else if (b.already) {
          ++p.read;
          ++p.skipped;
          ++sum.already_stored;
        } else if (b.article) {
          ++p.read;
          arts.push_back(&*b.article);
          coded.push_back(&b.coded);
        }
      }
      if (!arts.empty()) {
        for (const StoreResult& r : store->add_articles(arts, coded)) {
          if (r.stored) {
            ++p.stored;
            p.events += static_cast<std::int64_t>(r.events);
          } else {
            ++p.skipped;
            ++sum.already_stored;
          }
        }
      }
      if (total_known) p.bytes_total = total_bytes;
      p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (o.on_progress) o.on_progress(p);
    }
    // Not on the error path: the next writer rebuilds the indexes (EventStore::begin_bulk_load).
    if (o.bulk) store->end_bulk_load();
  } catch (...) {
    stop();
    throw;
  }
  stop();
  if (reader_error) std::rethrow_exception(reader_error);
  return sum;
}

}  // namespace dyad
