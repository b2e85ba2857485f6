#include "harness/cli/calibration_html.h"
#include "harness/cli/commands.h"

#include "format/model_file.h"
#include "quant/minmax_partial.h"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {

struct MergeMinMaxArgs {
  std::string model, output, html;
  std::vector<std::string> parts;
};

int run_merge_minmax(const MergeMinMaxArgs &args) {
  check_calibration_html(args.html, args.output);
  quant::HashedModel model = quant::read_hashed_model(args.model);
  quant::check_float_model(model.model, args.model);
  std::vector<quant::NamedPartial> parts;
  for (const std::string &file : args.parts)
    parts.push_back({file, quant::read_minmax_partial(file)});
  const quant::MergedRanges merged = quant::merge_minmax_partials(model, args.model, parts);
  quant::apply_ranges(model.model, merged.ranges, merged.options);
  if (merged.skipped > 0)
    std::cerr << "qgold: warning: skipped " << merged.skipped << " record(s) with NaN or Inf inputs\n";
  format::write_model_file(model.model, args.output);
  std::cout << fmt::format("wrote {} ({} records from {} partial{})\n", args.output,
                           merged.ranges.records.size(), parts.size(), parts.size() == 1 ? "" : "s");
  if (!args.html.empty()) {
    write_calibration_html("merge-minmax", model.model, merged.ranges,
                           {args.model, fmt::format("{} ({} partials)", parts.front().partial.dataset, parts.size()),
                            args.output, merged.options, merged.skipped},
                           args.html);
    std::cout << "wrote " << args.html << '\n';
  }
  return kExitOk;
}

} // namespace

void add_merge_minmax_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<MergeMinMaxArgs>();
  CLI::App *command = app.add_subcommand(
      "merge-minmax", "Calibrate from the partials of every record-minmax --shard: the model one run would give");
  command->add_option("model", args->model, "the model the shards calibrated")->required()->check(CLI::ExistingFile);
  command->add_option("parts", args->parts, "the partial of every shard 0..N-1, in any order")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "model to write")->required();
  add_calibration_html_option(*command, args->html);
  command->callback([args, &action] { action = [args] { return run_merge_minmax(*args); }; });
}

} // namespace qgold::cli
