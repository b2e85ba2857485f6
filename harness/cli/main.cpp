// qgold: golden-data harness for post-training quantization (ONE-compatible).
// Exit status: 0 ok, 1 verification mismatch, 2 bad input or usage, 3 internal error.

#include "harness/cli/commands.h"
#include "harness/cli/outputs.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <exception>
#include <iostream>
#include <string>

namespace {

constexpr int kExitInternal = 3;

int fail(const std::string &message, int status) {
  std::cerr << "qgold: error: " << message << '\n';
  return status;
}

// CLI11 would report a mistyped command as a missing one.
bool is_unknown_command(const CLI::App &app, const std::string &arg) {
  return !arg.starts_with("-") &&
         app.get_subcommands([&](const CLI::App *command) { return command->check_name(arg); })
             .empty();
}

} // namespace

int main(int argc, char **argv) {
  using namespace qgold::cli;
  CLI::App app{"qgold: reproduces Samsung ONE's post-training quantization and checks golden data"};
  app.set_version_flag("--version", QGOLD_VERSION);
  app.require_subcommand(1);
  Action action;
  add_build_command(app, action);
  add_inspect_command(app, action);
  add_run_command(app, action);
  add_convert_recipe_command(app, action);
  add_fake_quant_command(app, action);
  add_record_minmax_command(app, action);
  add_merge_minmax_command(app, action);
  add_gen_data_command(app, action);
  add_quantize_command(app, action);
  add_quantize_weights_command(app, action);
  add_dump_command(app, action);
  add_verify_command(app, action);
  add_regen_command(app, action);
  add_merge_reports_command(app, action);
  add_error_report_command(app, action);

  if (argc > 1 && is_unknown_command(app, argv[1]))
    return fail(fmt::format("unknown command '{}'; run qgold --help", argv[1]), kExitBadInput);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &error) {
    if (error.get_exit_code() == 0)
      return app.exit(error); // --help, --version
    std::cerr << "qgold: error: " << error.what() << "\nRun with --help for more information.\n";
    return kExitBadInput;
  }

  try {
    check_output_paths(*app.get_subcommands().front());
    return action();
  } catch (const qgold::InputError &error) {
    return fail(error.what(), kExitBadInput);
  } catch (const std::exception &error) {
    return fail(error.what(), kExitInternal);
  } catch (...) {
    return fail("unknown internal error", kExitInternal);
  }
}
