#include "harness/cli/commands.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "harness/report/error_report.h"
#include "harness/util/atomic_file.h"
#include "quant/error_report.h"
#include "quant/fold_converter_constants.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct ErrorReportArgs {
  std::string float_model, quantized_model, data, json, html;
  size_t top = 10;
};

int run_error_report(const ErrorReportArgs &args) {
  ir::Model float_model = format::read_model_file(args.float_model);
  ir::Model quantized_model = format::read_model_file(args.quantized_model);
  quant::fold_converter_constants(float_model);
  quant::fold_converter_constants(quantized_model);
  const quant::ErrorReportSources sources{args.float_model, args.quantized_model, args.data};
  // The float model's inputs: float records (the quantized model gets them quantized).
  auto records = data::open_dataset(args.data, data::input_specs(float_model));
  const quant::ErrorReport report =
      quant::error_report(float_model, quantized_model, *records, sources);
  const bool json_to_stdout = args.json == "-";
  (json_to_stdout ? std::cerr : std::cout)
      << harness::report::error_report_text(report, sources, args.top);
  if (!args.json.empty())
    harness::write_file_atomically(json_to_stdout ? "/dev/stdout" : args.json,
                                   harness::report::error_report_json(report, sources));
  if (!args.html.empty())
    harness::report::write_error_report_html(
        report, sources,
        harness::report::make_report_context(QGOLD_VERSION, "error-report",
                                             std::filesystem::path(args.quantized_model).parent_path()),
        args.html);
  return kExitOk;
}
} // namespace

void add_error_report_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<ErrorReportArgs>();
  CLI::App *command = app.add_subcommand(
      "error-report",
      "Compare a quantized model with its float model on a dataset: SQNR, MSE, max error in "
      "quantization steps and cosine similarity of every activation (docs/error-report.md)");
  command->add_option("float_model", args->float_model, "the float model")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("quantized_model", args->quantized_model,
                      "its quantized model (run on qgold's integer interpreter)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--data", args->data,
                      "dataset of float records for the float model's inputs (.h5, folder of .txt "
                      "or .npy, or one .txt); quantized inputs get them quantized with their "
                      "parameters")
      ->required()
      ->check(CLI::ExistingPath);
  command->add_option("--json", args->json,
                      "write every tensor's statistics in graph order as JSON ('-': stdout, the "
                      "summary then goes to stderr)");
  command->add_option("--html", args->html,
                      "write a self-contained HTML report (SQNR along the graph, the table)");
  command->add_option("--top", args->top, "how many of the worst tensors the summary lists (0: all)")
      ->capture_default_str();
  command->callback([args, &action] { action = [args] { return run_error_report(*args); }; });
}

} // namespace qgold::cli
