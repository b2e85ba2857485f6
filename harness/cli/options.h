#pragma once

// Option helpers shared by the quantization subcommands.

#include "data/dataset.h"
#include "ir/dtype.h"
#include "quant/quant.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace qgold::cli {

// Adds a required --dtype restricted to `allowed` (short names: "uint8", ...).
CLI::Option *add_dtype_option(CLI::App &command, const std::string &flag, std::string &value,
                              const std::vector<std::string> &allowed, const std::string &help);
ir::DType to_dtype(const std::string &name);

CLI::Option *add_granularity_option(CLI::App &command, std::string &value,
                                    const std::vector<std::string> &allowed);
quant::Granularity to_granularity(const std::string &name);

// verify's and regen's case patterns and --suite DIR; `layouts` tells which
// suites DIR may be.
void add_suite_options(CLI::App &command, std::vector<std::string> &patterns, std::string &suite,
                       const std::string &layouts);

// --shard K/N of record-minmax, verify and regen: shard K of N, counted from 0.
// The validator accepts "K/N" with 0 <= K < N; parse_shard reads what it accepted.
CLI::Validator shard_validator();
data::Shard parse_shard(const std::string &text);

// The qconf of --config, or nullopt when the option was not given.
std::optional<quant::QConf> load_optional_qconf(const std::string &path);

} // namespace qgold::cli
