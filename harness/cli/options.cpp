#include "harness/cli/options.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>

namespace qgold::cli {

CLI::Option *add_dtype_option(CLI::App &command, const std::string &flag, std::string &value,
                              const std::vector<std::string> &allowed, const std::string &help) {
  return command.add_option(flag, value, help)->check(CLI::IsMember(allowed));
}

ir::DType to_dtype(const std::string &name) {
  auto dtype = ir::dtype_from_name(name);
  if (!dtype)
    throw InputError(fmt::format("unknown dtype '{}'", name));
  return *dtype;
}

CLI::Option *add_granularity_option(CLI::App &command, std::string &value,
                                    const std::vector<std::string> &allowed) {
  return command.add_option("--granularity", value, "quantization granularity")
      ->check(CLI::IsMember(allowed));
}

quant::Granularity to_granularity(const std::string &name) {
  auto granularity = quant::granularity_from_name(name);
  if (!granularity)
    throw InputError(fmt::format("unknown granularity '{}'", name));
  return *granularity;
}

void add_suite_options(CLI::App &command, std::vector<std::string> &patterns, std::string &suite,
                       const std::string &layouts) {
  command.add_option("patterns", patterns,
                     "globs on case ids (Conv2D_001/channel/uint8) or names; default: all");
  command
      .add_option("--suite", suite,
                  layouts + "; default: the suite the working directory is in (a folder with "
                            "suite.tsv, or with recipes/ and harness/), else the checkout "
                            "holding this qgold")
      ->check(CLI::ExistingDirectory);
}

namespace {
std::optional<data::Shard> read_shard(const std::string &text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos)
    return std::nullopt;
  data::Shard shard;
  const char *end = text.data() + text.size();
  const auto index = std::from_chars(text.data(), text.data() + slash, shard.index);
  const auto count = std::from_chars(text.data() + slash + 1, end, shard.count);
  if (index.ec != std::errc() || index.ptr != text.data() + slash || count.ec != std::errc() ||
      count.ptr != end || shard.index >= shard.count)
    return std::nullopt;
  return shard;
}
} // namespace

CLI::Validator shard_validator() {
  return CLI::Validator(
      [](std::string &text) -> std::string {
        if (read_shard(text))
          return {};
        return fmt::format("'{}' is not K/N with 0 <= K < N (shard K of N, counted from 0)", text);
      },
      "K/N");
}

data::Shard parse_shard(const std::string &text) {
  if (auto shard = read_shard(text))
    return *shard;
  throw InputError(fmt::format("--shard '{}' is not K/N with 0 <= K < N", text));
}

std::optional<quant::QConf> load_optional_qconf(const std::string &path) {
  if (path.empty())
    return std::nullopt;
  return quant::load_qconf(path);
}

} // namespace qgold::cli
