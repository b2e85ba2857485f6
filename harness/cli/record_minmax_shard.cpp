#include "harness/cli/record_minmax_shard.h"

#include "harness/cli/commands.h"
#include "harness/cli/options.h"

#include "data/dataset.h"
#include "format/output_file.h"
#include "ir/error.h"
#include "quant/minmax_partial.h"

#include <filesystem>
#include <fmt/format.h>
#include <iostream>

namespace qgold::cli {

int run_record_minmax_shard(const std::string &model_file, const std::string &data, const std::string &shard_text,
                            const std::string &partial_file, const quant::RecordMinMaxOptions &options) {
  namespace fs = std::filesystem;
  const data::Shard shard = parse_shard(shard_text);
  if (partial_file == "-")
    throw InputError("--partial -: a partial is binary; name a file");
  format::check_output_folder(partial_file);
  const quant::HashedModel model = quant::read_hashed_model(model_file);
  quant::check_float_model(model.model, model_file);
  const auto reader = data::open_dataset_shard(data, data::input_specs(model.model), shard);
  quant::MinMaxPartial partial;
  partial.model_sha256 = model.sha256;
  partial.dataset = fs::weakly_canonical(fs::absolute(data)).string();
  partial.dataset_records = reader->dataset_records();
  partial.shard = shard;
  partial.block = reader->block();
  partial.options = options;
  partial.ranges = quant::record_ranges(model.model, *reader, options);
  const size_t recorded = partial.ranges.records.size();
  if (recorded < partial.block.size())
    std::cerr << "qgold: warning: skipped " << partial.block.size() - recorded
              << " record(s) with NaN or Inf inputs\n";
  quant::write_minmax_partial(partial_file, partial);
  std::cout << fmt::format("wrote {} (shard {}/{}: records [{}, {}) of {}, {} recorded)\n", partial_file,
                           shard.index, shard.count, partial.block.begin, partial.block.end,
                           partial.dataset_records, recorded);
  return kExitOk;
}

} // namespace qgold::cli
