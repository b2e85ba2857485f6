#include "harness/cli/calibration_html.h"
#include "harness/cli/commands.h"
#include "harness/cli/options.h"
#include "harness/cli/record_minmax_shard.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "quant/quant.h"

#include <fmt/format.h>
#include <iostream>
#include <limits>
#include <memory>

namespace qgold::cli {

namespace {
using Mode = quant::RecordMinMaxOptions::Mode;

struct RecordMinMaxArgs {
  std::string input, data, output;
  std::string shard = "0/1", partial, html;
  std::string mode = "percentile";
  std::string backend = "fast";
  quant::RecordMinMaxOptions options;
};

int run_record_minmax(const RecordMinMaxArgs &args) {
  args.options.validate(); // before the dataset is read
  quant::RecordMinMaxOptions options = args.options;
  options.mode = args.mode == "minmax"           ? Mode::MinMax
                 : args.mode == "moving_average" ? Mode::MovingAverage
                                                 : Mode::Percentile;
  options.backend = args.backend == "reference" ? quant::RecordMinMaxOptions::Backend::Reference
                                                : quant::RecordMinMaxOptions::Backend::Fast;
  options.progress = quant::progress_printer(stderr);
  size_t skipped = 0;
  options.on_skipped = [&skipped](const std::string &why) {
    if (skipped++ == 0)
      std::cerr << "qgold: warning: skipping " << why << '\n';
  };
  if (!args.partial.empty())
    return run_record_minmax_shard(args.input, args.data, args.shard, args.partial, options);
  check_calibration_html(args.html, args.output);
  ir::Model model = format::read_model_file(args.input);
  quant::check_float_model(model, args.input);
  auto dataset = data::open_dataset(args.data, data::input_specs(model));
  const quant::RecordedRanges ranges = quant::record_minmax(model, *dataset, options);
  if (skipped > 0)
    std::cerr << "qgold: warning: skipped " << skipped << " record(s) with NaN or Inf inputs\n";
  format::write_model_file(model, args.output);
  std::cout << "wrote " << args.output << '\n';
  if (!args.html.empty()) {
    write_calibration_html("record-minmax", model, ranges, {args.input, args.data, args.output, options, skipped},
                           args.html);
    std::cout << "wrote " << args.html << '\n';
  }
  return kExitOk;
}

// CLI::Range prints its bounds with %f (the upper bound of PositiveNumber
// takes 300 digits); this prints them as they are written.
CLI::Validator within(double min, double max) {
  return CLI::Validator(
      [min, max](std::string &text) {
        double value = 0;
        if (CLI::detail::lexical_cast(text, value) && value >= min && value <= max)
          return std::string();
        return fmt::format("{} is not in [{}, {}]", text, min, max);
      },
      fmt::format("[{} - {}]", min, max));
}
} // namespace

void add_record_minmax_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<RecordMinMaxArgs>();
  args->options.threads = 0; // all cores
  CLI::App *command = app.add_subcommand(
      "record-minmax", "Calibrate: record activation ranges over a dataset (ONE's record-minmax)");
  command->add_option("model", args->input, "model to calibrate")->required()->check(CLI::ExistingFile);
  command->add_option("--data", args->data, "dataset: .h5, folder of .txt or .npy, or one .txt")
      ->required()
      ->check(CLI::ExistingPath);
  CLI::Option *output = command->add_option("-o,--output", args->output, "model to write");
  CLI::Option *partial =
      command->add_option("--partial", args->partial, "write the ranges of --shard K/N here instead of a model")
          ->excludes(output);
  command->add_option("--shard", args->shard, "with --partial: shard K of N, a contiguous block of records")
      ->check(shard_validator())
      ->needs(partial)
      ->capture_default_str();
  command->add_option("--mode", args->mode, "how per-record ranges are reduced")
      ->check(CLI::IsMember({"percentile", "moving_average", "minmax"}))
      ->capture_default_str();
  auto &options = args->options;
  command->add_option("--min-percentile", options.min_percentile, "percentile mode: lower percentile")
      ->check(within(0, 100))
      ->capture_default_str();
  command->add_option("--max-percentile", options.max_percentile, "percentile mode: upper percentile")
      ->check(within(0, 100))
      ->capture_default_str();
  command->add_option("--moving-avg-batch", options.moving_avg_batch, "moving_average mode: batch size")
      ->check(within(1, std::numeric_limits<uint32_t>::max()))
      ->capture_default_str();
  command->add_option("--moving-avg-const", options.moving_avg_const,
                      "moving_average mode: smoothing constant")
      ->check(within(0, 1))
      ->capture_default_str();
  command->add_option("--threads", options.threads,
                      fmt::format("worker threads (0 = all cores; at most {} per core and one "
                                  "per record)",
                                  quant::RecordMinMaxOptions::kMaxThreadsPerCore))
      ->capture_default_str();
  command->add_flag("--skip-nonfinite", options.skip_nonfinite,
                    "leave out records with NaN or Inf inputs (a warning counts them) instead of failing");
  command->add_option("--backend", args->backend, "float kernels: optimized (oneDNN) or the reference interpreter")
      ->check(CLI::IsMember({"fast", "reference"}))
      ->capture_default_str();
  add_calibration_html_option(*command, args->html)->excludes(partial);
  command->callback([args, output, partial, &action] {
    if (output->count() + partial->count() == 0)
      throw CLI::RequiredError("-o (the calibrated model) or --partial (a shard's ranges)");
    if (partial->count() > 0 && args->partial.empty())
      throw CLI::ValidationError("--partial", "needs a file name");
    action = [args] { return run_record_minmax(*args); };
  });
}

} // namespace qgold::cli
