// Stage B (record-minmax, quantization.md §6): float inference over every
// record, reducing each observed tensor to one (min, max) pair per record,
// then to one pair per tensor (percentile, moving average or plain min/max).
// Records may run on several threads, each with its own runner over one
// shared compiled model; per-record results are kept in record order and
// every kernel runs on its worker's thread only, so the recorded ranges are
// identical for any thread count.

#include "interp/fast/program.h"
#include "interp/interpreter.h"
#include "ir/error.h"
#include "quant/fold_converter_constants.h"
#include "quant/primitives.h"
#include "quant/quant.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <utility>

namespace qgold::quant {
namespace {

// (min, max) of one tensor in one record.
using Range = MinMax;

[[noreturn]] void throw_all_nan(const ir::Model &model, int32_t tensor) {
  throw InputError(
      fmt::format("every value of tensor '{}' is NaN", model.tensors[static_cast<size_t>(tensor)].name));
}

// Observes one reference inference and keeps the per-tensor ranges of the current record.
class RangeObserver : public interp::TensorObserver {
public:
  RangeObserver(const ir::Model &model, const std::map<int32_t, size_t> &slots)
      : model_(model), slots_(slots), ranges_(slots.size()) {}

  void observe(int32_t tensor_index, std::span<const float> values) override {
    auto it = slots_.find(tensor_index);
    if (it == slots_.end())
      return;
    Range range;
    bool any = false;
    for (float v : values) {
      if (std::isnan(v)) // ONE skips NaN; +/-Inf count
        continue;
      any = true;
      range.min = std::min(range.min, v);
      range.max = std::max(range.max, v);
    }
    if (!any && !values.empty())
      throw_all_nan(model_, tensor_index);
    ranges_[it->second] = range;
  }

  std::vector<Range> take() { return std::exchange(ranges_, std::vector<Range>(slots_.size())); }

private:
  const ir::Model &model_;
  const std::map<int32_t, size_t> &slots_;
  std::vector<Range> ranges_;
};

// Graph inputs and every op output that is a float activation.
std::map<int32_t, size_t> recorded_tensors(const ir::Model &model) {
  std::map<int32_t, size_t> slots;
  auto add = [&](int32_t t) {
    if (t >= 0 && !model.tensors[t].is_constant() && model.tensors[t].dtype == ir::DType::Float32)
      slots.emplace(t, slots.size());
  };
  for (int32_t t : model.inputs)
    add(t);
  for (const auto &op : model.operators)
    for (int32_t t : op.outputs)
      add(t);
  return slots;
}

std::string nonfinite_message(const data::Record &record, size_t input, const std::string &input_name,
                              float value, size_t index) {
  return fmt::format("{}: input {} ('{}') has the non-finite value {} at index {}", record.where(), input, input_name,
                     value, index);
}

void check_finite(const data::Record &record, size_t input, std::span<const float> values,
                  const std::string &input_name) {
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      throw InputError(nonfinite_message(record, input, input_name, values[i], i));
}

// --skip-nonfinite: passes on only the records whose float32 inputs are all
// finite and reports each record it leaves out. Count and size errors are
// left to the runners.
class FiniteRecords : public data::DatasetReader {
public:
  FiniteRecords(const ir::Model &model, data::DatasetReader &records,
                const std::function<void(const std::string &)> &on_skipped)
      : model_(model), records_(records), on_skipped_(on_skipped) {}

  std::optional<size_t> size() const override { return std::nullopt; }
  bool next(data::Record &record) override {
    while (records_.next(record)) {
      std::optional<std::string> problem = first_nonfinite(record);
      if (!problem)
        return true;
      if (on_skipped_)
        on_skipped_(*problem);
    }
    return false;
  }

private:
  std::optional<std::string> first_nonfinite(const data::Record &record) const {
    for (size_t i = 0; i < record.inputs.size() && i < model_.inputs.size(); ++i) {
      const ir::Tensor &input = model_.tensors[model_.inputs[i]];
      if (input.dtype != ir::DType::Float32)
        continue;
      const auto &bytes = record.inputs[i];
      for (size_t k = 0; k + sizeof(float) <= bytes.size(); k += sizeof(float)) {
        float value;
        std::memcpy(&value, bytes.data() + k, sizeof(float));
        if (!std::isfinite(value))
          return nonfinite_message(record, i, input.name, value, k / sizeof(float));
      }
    }
    return std::nullopt;
  }

  const ir::Model &model_;
  data::DatasetReader &records_;
  const std::function<void(const std::string &)> &on_skipped_;
};

// One worker's inference engine: feeds a record in and returns its per-tensor ranges in slot order.
class RecordRunner {
public:
  RecordRunner(const ir::Model &model, const std::map<int32_t, size_t> &slots) : model_(model), slots_(slots) {}
  virtual ~RecordRunner() = default;

  std::vector<Range> run(const data::Record &record) {
    if (record.inputs.size() != model_.inputs.size())
      throw InputError(fmt::format("{}: has {} inputs, the model takes {}", record.id, record.inputs.size(),
                                   model_.inputs.size()));
    for (size_t i = 0; i < record.inputs.size(); ++i) {
      const ir::Tensor &input = model_.tensors[model_.inputs[i]];
      if (input.dtype != ir::DType::Float32)
        throw UnsupportedError(fmt::format("input '{}' is {}; record-minmax runs float32 models", input.name,
                                           ir::dtype_name(input.dtype)));
      const auto &bytes = record.inputs[i];
      values_.resize(bytes.size() / sizeof(float));
      if (!bytes.empty())
        std::memcpy(values_.data(), bytes.data(), values_.size() * sizeof(float));
      check_finite(record, i, values_, input.name);
      set_input(i, values_);
    }
    return infer();
  }

protected:
  virtual void set_input(size_t index, std::span<const float> values) = 0;
  virtual std::vector<Range> infer() = 0;

  const ir::Model &model_;
  const std::map<int32_t, size_t> &slots_;

private:
  std::vector<float> values_;
};

class ReferenceRecordRunner : public RecordRunner {
public:
  ReferenceRecordRunner(const ir::Model &model, const std::map<int32_t, size_t> &slots)
      : RecordRunner(model, slots), interpreter_(model), observer_(model, slots) {}

private:
  void set_input(size_t index, std::span<const float> values) override { interpreter_.set_input(index, values); }
  std::vector<Range> infer() override {
    interpreter_.run(&observer_);
    return observer_.take();
  }

  interp::Interpreter interpreter_;
  RangeObserver observer_;
};

// The optimized backend reduces every tensor to its range right after the op writes it.
class FastRecordRunner : public RecordRunner {
public:
  FastRecordRunner(const interp::fast::Program &program, const std::map<int32_t, size_t> &slots)
      : RecordRunner(program.model(), slots), runner_(program), ranges_(program.model().tensors.size()) {}

private:
  void set_input(size_t index, std::span<const float> values) override { runner_.set_input(index, values); }
  std::vector<Range> infer() override {
    runner_.run(ranges_);
    std::vector<Range> ranges(slots_.size());
    for (const auto &[tensor, slot] : slots_) {
      const interp::fast::ValueRange &range = ranges_[static_cast<size_t>(tensor)];
      if (range.empty() && model_.tensors[static_cast<size_t>(tensor)].num_elements() > 0)
        throw_all_nan(model_, tensor);
      ranges[slot] = {range.min, range.max};
    }
    return ranges;
  }

  interp::fast::Runner runner_;
  std::vector<interp::fast::ValueRange> ranges_; // by tensor index
};

using RunnerFactory = std::function<std::unique_ptr<RecordRunner>()>;

float reduce(std::vector<float> values, const RecordMinMaxOptions &options, bool is_min) {
  switch (options.mode) {
  case RecordMinMaxOptions::Mode::Percentile:
    return percentile(std::move(values), is_min ? options.min_percentile : options.max_percentile);
  case RecordMinMaxOptions::Mode::MovingAverage:
    return moving_average(values, options.moving_avg_batch, options.moving_avg_const, is_min);
  case RecordMinMaxOptions::Mode::MinMax:
    return is_min ? *std::min_element(values.begin(), values.end()) : *std::max_element(values.begin(), values.end());
  }
  return 0.0f;
}

// Feeds records from the reader to `threads` workers; results land in record order.
class ParallelRunner {
public:
  ParallelRunner(RunnerFactory make_runner, unsigned threads, const RecordMinMaxOptions &options)
      : make_runner_(std::move(make_runner)), threads_(threads), options_(options) {}

  std::vector<std::vector<Range>> run(data::DatasetReader &dataset) {
    total_ = dataset.size();
    std::vector<std::thread> workers;
    try {
      start(workers);
      produce(dataset);
    } catch (...) {
      fail(std::current_exception()); // the workers already started stop and are joined below
    }
    {
      std::lock_guard lock(mutex_);
      finished_reading_ = true;
    }
    has_work_.notify_all();
    for (auto &worker : workers)
      worker.join();
    if (error_)
      std::rethrow_exception(error_);
    return std::move(results_);
  }

private:
  void start(std::vector<std::thread> &workers) {
    for (unsigned i = 0; i < threads_; ++i) {
      try {
        workers.emplace_back([this] { work(); });
      } catch (const std::system_error &error) {
        const std::string message = fmt::format(
            "record-minmax: cannot start worker thread {} of {}: {}", i + 1, threads_, error.what());
        if (options_.threads != 0) // the count was asked for
          throw InputError(message + "; ask for fewer threads");
        throw std::runtime_error(message);
      }
    }
  }

  void produce(data::DatasetReader &dataset) {
    const size_t capacity = 2 * threads_;
    for (size_t index = 0;; ++index) {
      data::Record record;
      if (!dataset.next(record))
        return;
      std::unique_lock lock(mutex_);
      has_room_.wait(lock, [&] { return queue_.size() < capacity || error_; });
      if (error_)
        return;
      queue_.emplace_back(index, std::move(record));
      results_.emplace_back();
      has_work_.notify_one();
    }
  }

  void work() {
    try {
      const std::unique_ptr<RecordRunner> runner = make_runner_();
      for (;;) {
        std::pair<size_t, data::Record> job;
        {
          std::unique_lock lock(mutex_);
          has_work_.wait(lock, [&] { return !queue_.empty() || finished_reading_ || error_; });
          if (error_ || queue_.empty())
            return;
          job = std::move(queue_.front());
          queue_.pop_front();
        }
        has_room_.notify_one();
        auto ranges = runner->run(job.second);
        std::lock_guard lock(mutex_);
        results_[job.first] = std::move(ranges);
        ++done_;
        if (options_.progress)
          options_.progress(done_, total_);
      }
    } catch (...) {
      fail(std::current_exception());
    }
  }

  void fail(std::exception_ptr error) {
    {
      std::lock_guard lock(mutex_);
      if (!error_)
        error_ = error;
    }
    has_work_.notify_all();
    has_room_.notify_all();
  }

  RunnerFactory make_runner_;
  unsigned threads_;
  const RecordMinMaxOptions &options_;
  std::optional<size_t> total_;
  std::mutex mutex_;
  std::condition_variable has_work_, has_room_;
  std::deque<std::pair<size_t, data::Record>> queue_;
  std::vector<std::vector<Range>> results_; // indexed by record
  size_t done_ = 0;
  bool finished_reading_ = false;
  std::exception_ptr error_;
};

// The requested thread count (0 = one per core) within the caps documented
// for RecordMinMaxOptions::threads.
unsigned worker_count(const RecordMinMaxOptions &options, std::optional<size_t> records) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned cap = RecordMinMaxOptions::kMaxThreadsPerCore * cores;
  unsigned count = options.threads ? std::min(options.threads, cap) : cores;
  if (records)
    count = static_cast<unsigned>(std::min<size_t>(count, std::max<size_t>(*records, 1)));
  return count;
}

std::string format_duration(double seconds) {
  const auto total = static_cast<long>(std::lround(std::max(0.0, seconds)));
  return total >= 3600 ? fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60)
                       : fmt::format("{:02}:{:02}", total / 60, total % 60);
}

} // namespace

std::function<void(size_t, std::optional<size_t>)> progress_printer(std::FILE *stream) {
  using Clock = std::chrono::steady_clock;
  struct State {
    Clock::time_point start = Clock::now(), last_print = Clock::now();
  };
  const bool terminal = isatty(fileno(stream)) == 1;
  return [stream, terminal, state = std::make_shared<State>()](size_t done, std::optional<size_t> total) {
    const auto now = Clock::now();
    const bool finished = total && done >= *total;
    const auto interval = terminal ? std::chrono::milliseconds(100) : std::chrono::milliseconds(10000);
    if (!finished && now - state->last_print < interval)
      return;
    state->last_print = now;
    const double elapsed = std::chrono::duration<double>(now - state->start).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
    std::string line;
    if (total && *total > 0) {
      const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(*total));
      const std::string eta = rate > 0 ? format_duration(static_cast<double>(*total - std::min(done, *total)) / rate) : "--:--";
      if (terminal) {
        constexpr int kWidth = 30;
        const auto filled = static_cast<int>(fraction * kWidth);
        line = fmt::format("\r[{}{}] {}/{} {:.1f} records/s ETA {}", std::string(filled, '#'),
                           std::string(kWidth - filled, '.'), done, *total, rate, eta);
      } else {
        line = fmt::format("record-minmax: {}/{} records ({:.0f}%), {:.1f} records/s, ETA {}\n", done, *total,
                           100.0 * fraction, rate, eta);
      }
    } else {
      line = fmt::format("{}record-minmax: {} records, {:.1f} records/s{}", terminal ? "\r" : "", done, rate,
                         terminal ? "" : "\n");
    }
    if (terminal && finished)
      line += '\n';
    std::fputs(line.c_str(), stream);
    std::fflush(stream);
  };
}

std::vector<int32_t> recorded_tensor_indices(const ir::Model &model) {
  const auto slots = recorded_tensors(model);
  std::vector<int32_t> tensors(slots.size());
  for (const auto &[tensor, slot] : slots)
    tensors[slot] = tensor;
  return tensors;
}

RecordedRanges record_minmax(ir::Model &model, data::DatasetReader &dataset, const RecordMinMaxOptions &options) {
  fold_converter_constants(model);
  RecordedRanges ranges = record_ranges(model, dataset, options);
  apply_ranges(model, ranges, options);
  return ranges;
}

RecordedRanges record_ranges(const ir::Model &model, data::DatasetReader &all_records,
                             const RecordMinMaxOptions &options) {
  options.validate();
  check_float_model(model);
  std::optional<FiniteRecords> finite_records;
  if (options.skip_nonfinite)
    finite_records.emplace(model, all_records, options.on_skipped);
  data::DatasetReader &dataset = finite_records ? *finite_records : all_records;
  const auto slots = recorded_tensors(model);
  // Skipping records only lowers the count, so the reader's own size still caps the workers.
  const unsigned threads = worker_count(options, all_records.size());
  // Compiled once (weights reordered once), shared read-only by every worker.
  std::unique_ptr<interp::fast::Program> program;
  RunnerFactory make_runner;
  if (options.backend == RecordMinMaxOptions::Backend::Fast) {
    program = std::make_unique<interp::fast::Program>(model);
    make_runner = [&] { return std::make_unique<FastRecordRunner>(*program, slots); };
  } else {
    make_runner = [&] { return std::make_unique<ReferenceRecordRunner>(model, slots); };
  }
  std::vector<std::vector<Range>> per_record;
  if (threads == 1) {
    const std::unique_ptr<RecordRunner> runner = make_runner();
    data::Record record;
    const auto total = dataset.size();
    while (dataset.next(record)) {
      per_record.push_back(runner->run(record));
      if (options.progress)
        options.progress(per_record.size(), total);
    }
  } else {
    per_record = ParallelRunner(make_runner, threads, options).run(dataset);
  }
  return {recorded_tensor_indices(model), std::move(per_record)};
}

std::vector<MinMax> reduce_ranges(const RecordedRanges &ranges, const RecordMinMaxOptions &options) {
  if (ranges.records.empty())
    throw InputError("the dataset has no records");
  std::vector<MinMax> reduced(ranges.tensors.size());
  for (size_t slot = 0; slot < ranges.tensors.size(); ++slot) {
    std::vector<float> mins, maxs;
    for (const auto &record : ranges.records) {
      mins.push_back(record[slot].min);
      maxs.push_back(record[slot].max);
    }
    reduced[slot] = {reduce(mins, options, true), reduce(maxs, options, false)};
  }
  return reduced;
}

void apply_ranges(ir::Model &model, const RecordedRanges &ranges, const RecordMinMaxOptions &options) {
  const std::vector<MinMax> reduced = reduce_ranges(ranges, options);
  for (size_t slot = 0; slot < ranges.tensors.size(); ++slot) {
    ir::QuantParams params;
    params.min = {reduced[slot].min};
    params.max = {reduced[slot].max};
    model.tensors[ranges.tensors[slot]].quant = params;
  }
}

} // namespace qgold::quant
