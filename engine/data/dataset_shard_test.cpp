#include "data/dataset.h"
#include "data/test_util.h"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <functional>
#include <string>

namespace qgold::data {
namespace {

using testing::as;
using testing::bytes_of;
using testing::input_error;
using testing::TempDir;
using testing::write_file;

const std::vector<InputSpec> kPair = {{"x", ir::DType::Float32, {2}}};
constexpr size_t kRecords = 7;

TEST(ShardBlock, BlocksTileTheDatasetAndDifferByAtMostOne) {
  for (size_t records : {0u, 1u, 5u, 7u, 23u, 1000u})
    for (size_t count : {1u, 2u, 3u, 4u, 7u, 9u}) {
      size_t next = 0, smallest = records, largest = 0;
      for (size_t index = 0; index < count; ++index) {
        const RecordBlock block = shard_block(records, {index, count});
        EXPECT_EQ(block.begin, next) << records << " records, shard " << index << "/" << count;
        next = block.end;
        smallest = std::min(smallest, block.size());
        largest = std::max(largest, block.size());
      }
      EXPECT_EQ(next, records);
      EXPECT_LE(largest - smallest, 1u);
    }
  EXPECT_EQ(shard_block(7, {2, 3}).begin, 4u); // 7*2/3
  EXPECT_EQ(shard_block(7, {2, 3}).end, 7u);
  EXPECT_EQ(input_error([] { shard_block(7, {3, 3}); }), "shard 3/3: the index must be below the shard count");
  EXPECT_THROW(shard_block(7, {0, 0}), InputError);
}

float value_of(size_t record) { return 0.5f * static_cast<float>(record); }

void write_text_dataset(const std::filesystem::path &dir) {
  for (size_t i = 0; i < kRecords; ++i)
    write_file(dir / ("r" + std::to_string(i) + ".txt"),
               std::to_string(value_of(i)) + "," + std::to_string(-value_of(i)) + "\n");
}

void write_npy_stacked(const std::filesystem::path &file) {
  std::vector<float> values;
  for (size_t i = 0; i < kRecords; ++i)
    values.insert(values.end(), {value_of(i), -value_of(i)});
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (7, 2), }";
  while ((10 + header.size() + 1) % 64 != 0)
    header += ' ';
  header += '\n';
  std::string bytes = std::string("\x93NUMPY\x01\x00", 8);
  bytes += static_cast<char>(header.size() & 0xff);
  bytes += static_cast<char>(header.size() >> 8);
  bytes += header;
  const auto data = bytes_of(values);
  bytes.append(data.begin(), data.end());
  write_file(file, bytes);
}

void write_h5_dataset(const std::filesystem::path &file) {
  H5DatasetWriter writer(file, kPair);
  for (size_t i = 0; i < kRecords; ++i)
    writer.append({"", {bytes_of(std::vector<float>{value_of(i), -value_of(i)})}});
  writer.close();
}

struct Layout {
  const char *name;
  std::function<std::filesystem::path(const TempDir &)> make;
};

const Layout kLayouts[] = {
    {"text folder", [](const TempDir &dir) { write_text_dataset(dir.path()); return dir.path(); }},
    {"stacked npy", [](const TempDir &dir) { write_npy_stacked(dir / "all.npy"); return dir / "all.npy"; }},
    {"hdf5", [](const TempDir &dir) { write_h5_dataset(dir / "d.h5"); return dir / "d.h5"; }},
};

TEST(OpenDatasetShard, ShardsConcatenateToTheWholeDatasetForEveryLayout) {
  for (const Layout &layout : kLayouts) {
    TempDir dir;
    const auto path = layout.make(dir);
    const std::vector<Record> all = testing::read_all(*open_dataset(path, kPair));
    ASSERT_EQ(all.size(), kRecords) << layout.name;
    for (size_t count : {1u, 2u, 3u, 7u, 9u}) {
      std::vector<Record> joined;
      for (size_t index = 0; index < count; ++index) {
        auto shard = open_dataset_shard(path, kPair, {index, count});
        EXPECT_EQ(shard->dataset_records(), kRecords);
        EXPECT_EQ(shard->block().begin, shard_block(kRecords, {index, count}).begin);
        EXPECT_EQ(shard->size(), shard->block().size());
        for (const Record &record : testing::read_all(*shard))
          joined.push_back(record);
      }
      ASSERT_EQ(joined.size(), all.size()) << layout.name << ", " << count << " shards";
      for (size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(joined[i].id, all[i].id) << layout.name;
        EXPECT_EQ(as<float>(joined[i].inputs[0]), (std::vector<float>{value_of(i), -value_of(i)}));
      }
    }
  }
}

TEST(OpenDatasetShard, SkipWithinAShardStopsAtItsEnd) {
  TempDir dir;
  write_text_dataset(dir.path());
  auto shard = open_dataset_shard(dir.path(), kPair, {1, 2}); // records 3..6
  shard->skip(1);
  Record record;
  ASSERT_TRUE(shard->next(record));
  EXPECT_EQ(record.id, "r4.txt");
  shard->skip(10);
  EXPECT_FALSE(shard->next(record));
}

// A shard does not read the records of other shards, so a bad record fails
// only the shard that holds it, and names it.
TEST(OpenDatasetShard, ReadsOnlyItsOwnRecords) {
  TempDir text;
  write_text_dataset(text.path());
  write_file(text / "r5.txt", "1,2,3\n"); // record 5: three values for two
  EXPECT_EQ(testing::read_all(*open_dataset_shard(text.path(), kPair, {0, 2})).size(), 3u);
  EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset_shard(text.path(), kPair, {1, 2})); }),
                  (text / "r5.txt").string());

  // HDF5: record 5 loses its input; the crash barrier reads only the shard too.
  TempDir h5;
  const auto file = h5 / "d.h5";
  write_h5_dataset(file);
  {
    const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(id, 0);
    ASSERT_GE(H5Ldelete(id, "/value/5/0", H5P_DEFAULT), 0);
    H5Fclose(id);
  }
  EXPECT_THROW(testing::read_all(*open_dataset(file, kPair)), InputError);
  EXPECT_EQ(testing::read_all(*open_dataset_shard(file, kPair, {0, 2})).size(), 3u);
  EXPECT_CONTAINS(input_error([&] { open_dataset_shard(file, kPair, {1, 2}); }), "record 5");
}

TEST(OpenDatasetShard, RejectsABadShardBeforeReading) {
  EXPECT_EQ(input_error([] { open_dataset_shard("absent.h5", kPair, {2, 2}); }),
            "shard 2/2: the index must be below the shard count");
}

} // namespace
} // namespace qgold::data
