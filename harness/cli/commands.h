#pragma once

// One qgold subcommand per file. Each add_*_command registers its options and,
// when the subcommand is chosen, stores its work in `action`; main runs the
// action after parsing, so parse errors and command errors exit differently.

#include <CLI/CLI.hpp>

#include <functional>

namespace qgold::cli {

using Action = std::function<int()>;

inline constexpr int kExitOk = 0;
inline constexpr int kExitMismatch = 1;
inline constexpr int kExitBadInput = 2;

void add_build_command(CLI::App &app, Action &action);
void add_inspect_command(CLI::App &app, Action &action);
void add_run_command(CLI::App &app, Action &action);
void add_convert_recipe_command(CLI::App &app, Action &action);
void add_fake_quant_command(CLI::App &app, Action &action);
void add_record_minmax_command(CLI::App &app, Action &action);
void add_merge_minmax_command(CLI::App &app, Action &action);
void add_gen_data_command(CLI::App &app, Action &action);
void add_quantize_command(CLI::App &app, Action &action);
void add_quantize_weights_command(CLI::App &app, Action &action);
void add_dump_command(CLI::App &app, Action &action);
void add_verify_command(CLI::App &app, Action &action);
void add_regen_command(CLI::App &app, Action &action);
void add_merge_reports_command(CLI::App &app, Action &action);
void add_error_report_command(CLI::App &app, Action &action);

} // namespace qgold::cli
