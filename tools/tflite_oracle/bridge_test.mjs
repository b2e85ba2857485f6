// Checks oracle.mjs through its command line against TFLite (called by bridge_test.sh):
// hand-computed outputs, every dtype in and out, --all-tensors, --batch, and exit 2 with the
// file named for every kind of bad input.
// Usage: node bridge_test.mjs RUNTIME_DIR WORK_DIR   (WORK_DIR holds two_ops.tflite,
// two_ops.circle and reshape_int8.tflite built by qgold)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { readModel } from './tflite_model.mjs';

const [runtime, work] = process.argv.slice(2);
const oracle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oracle.mjs');
const file = (name) => path.join(work, name);
let checks = 0;

function run(...args) {
  const result = spawnSync(process.execPath, [oracle, '--runtime', runtime, ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

function writeJson(name, value) {
  fs.writeFileSync(file(name), JSON.stringify(value));
  return file(name);
}

const readJson = (name) => JSON.parse(fs.readFileSync(file(name), 'utf8'));

function check(name, body) {
  try {
    body();
    checks += 1;
  } catch (e) {
    console.error(`FAIL ${name}: ${e.message}`);
    process.exitCode = 1;
  }
}

// Runs the oracle expecting exit 2 and a message naming `named` and containing `says`.
function expectBadInput(name, args, named, says) {
  check(name, () => {
    const { status, stderr } = run(...args);
    assert.equal(status, 2, `exit ${status}, stderr: ${stderr}`);
    assert.match(stderr, /^tflite_oracle: error: /);
    assert.ok(stderr.includes(named), `message does not name ${named}: ${stderr}`);
    assert.ok(stderr.includes(says), `message does not say '${says}': ${stderr}`);
  });
}

const twoOps = file('two_ops.tflite');
const ifm = (values) => ({ name: 'ifm', dtype: 'float32', shape: [1, 1, 2, 3], values });
const goodInputs = writeJson('good.json', { records: [{ id: 'r0', tensors: [ifm([1, 2, 3, 4, 5, 6])] }, { tensors: [ifm([0, 0, 0, -9, 9, 1])] }] });

check('hand-computed outputs and --all-tensors', () => {
  const { status, stderr } = run(twoOps, goodInputs, '-o', file('all.json'), '--all-tensors');
  assert.equal(status, 0, stderr);
  const out = readJson('all.json');
  assert.equal(out.format, 'qgold-tflite-oracle/1');
  assert.equal(out.runtime.version, '0.0.1-alpha.10');
  assert.equal(out.records[0].id, 'r0');
  const byName = (r) => Object.fromEntries(out.records[r].tensors.map((t) => [t.name, t]));
  assert.deepEqual(out.records[0].tensors.map((t) => [t.name, t.kind, t.dtype, t.shape]), [
    ['ofm', 'output', 'float32', [1, 1, 2, 3]],
    ['mid', 'intermediate', 'float32', [1, 1, 2, 3]],
  ]);
  assert.deepEqual(byName(0).mid.values, [1.5, 1, 5, 4.5, 4, 6]);
  assert.deepEqual(byName(0).ofm.values, [3, -1, 2.5, 9, -4, 3]);
  // Second record: the fused RELU6 clamps both ends.
  assert.deepEqual(byName(1).mid.values, [0.5, 0, 2, 0, 6, 3]);
  assert.deepEqual(byName(1).ofm.values, [1, 0, 1, 0, -6, 1.5]); // JSON has no -0: "hex" keeps the sign
  assert.equal(byName(0).ofm.hex, Buffer.from(new Float32Array([3, -1, 2.5, 9, -4, 3]).buffer).toString('hex'));
});

check('without --all-tensors only graph outputs', () => {
  const { status, stderr } = run(twoOps, goodInputs, '-o', file('out.json'));
  assert.equal(status, 0, stderr);
  assert.deepEqual(readJson('out.json').records[1].tensors.map((t) => t.name), ['ofm']);
});

check('an output file fed back as input (its hex wins over its values)', () => {
  const out = readJson('out.json');
  out.records[0].tensors[0].name = 'ifm';
  out.records[0].tensors[0].values = out.records[0].tensors[0].values.map(() => 0);
  const back = writeJson('back.json', { records: [out.records[0]] });
  const { status, stderr } = run(twoOps, back, '-o', file('back_out.json'));
  assert.equal(status, 0, stderr);
  // ifm [3, -1, 2.5, 9, -4, 3] -> mid [3.5, 0, 4.5, 6, 0, 5] -> ofm [7, 0, 2.25, 12, 0, 2.5]
  assert.deepEqual(readJson('back_out.json').records[0].tensors[0].values, [7, 0, 2.25, 12, 0, 2.5]);
});

// Every dtype in and out: reshape_int8 with both tensor types rewritten. Reshape copies the
// bytes, so the output must hold exactly the input's bytes.
const TYPE_CODES = { float32: 0, float64: 10, int8: 9, uint8: 3, int16: 7, int32: 2, int64: 4, bool: 6 };
const EXTREMES = {
  float32: [0, 'NaN', 'Infinity', '-Infinity', 3.4028234663852886e38, -1.401298464324817e-45],
  float64: [1e300, 'NaN', -2.5, 5e-324, 'Infinity', 0.1],
  int8: [-128, 127, 0, -1, 1, 42],
  uint8: [0, 255, 1, 128, 127, 7],
  int16: [-32768, 32767, 0, -1, 256, -300],
  int32: [-2147483648, 2147483647, 0, -1, 65536, 7],
  int64: ['-9223372036854775808', '9223372036854775807', 0, -1, '9007199254740993', 4294967296],
  bool: [true, false, false, true, true, false],
};
const base = fs.readFileSync(file('reshape_int8.tflite'));
const baseModel = readModel(base);
// One batch runs every dtype's model; a second one feeds each output's hex back in.
function runBatch(name, jobs) {
  fs.writeFileSync(file(name), jobs.map((job) => job.join('\t')).join('\n') + '\n');
  return run('--batch', file(name));
}
const dtypes = Object.keys(EXTREMES);
for (const dtype of dtypes) {
  const bytes = new Uint8Array(base);
  for (const t of [baseModel.inputs[0], baseModel.outputs[0]]) bytes[baseModel.tensors[t].typeField] = TYPE_CODES[dtype];
  fs.writeFileSync(file(`reshape_${dtype}.tflite`), bytes);
  writeJson(`${dtype}.json`, { records: [{ tensors: [{ dtype, shape: [2, 3], values: EXTREMES[dtype] }] }] });
}
check('the int8 Reshape has type fields to rewrite', () => {
  for (const t of [baseModel.inputs[0], baseModel.outputs[0]]) assert.notEqual(baseModel.tensors[t].typeField, 0);
});
const first = runBatch('dtypes.tsv', dtypes.map((d) => [`reshape_${d}.tflite`, `${d}.json`, `${d}_out.json`]));
check('every dtype runs', () => assert.equal(first.status, 0, first.stderr));
for (const dtype of dtypes) {
  if (!fs.existsSync(file(`${dtype}_out.json`))) continue;
  const [out] = readJson(`${dtype}_out.json`).records[0].tensors;
  writeJson(`${dtype}_again.json`, { records: [{ tensors: [{ dtype, shape: [2, 3], hex: out.hex }] }] });
}
const second = runBatch('again.tsv', dtypes.map((d) => [`reshape_${d}.tflite`, `${d}_again.json`, `${d}_again_out.json`]));
check('every dtype runs from hex', () => assert.equal(second.status, 0, second.stderr));
for (const dtype of dtypes) {
  check(`dtype ${dtype} through TFLite`, () => {
    const [out] = readJson(`${dtype}_out.json`).records[0].tensors;
    assert.deepEqual([out.name, out.dtype, out.shape], ['ofm', dtype, [6]]);
    const values = EXTREMES[dtype];
    assert.deepEqual(out.values, dtype === 'int64' ? values.map(String) : values);
    // The same bytes again when the hex is read back as input.
    assert.equal(readJson(`${dtype}_again_out.json`).records[0].tensors[0].hex, out.hex);
  });
}

// Bad input: exit 2, naming the file.
const record = (tensor) => ({ records: [{ tensors: [tensor] }] });
fs.writeFileSync(file('garbage.tflite'), 'this is not a model');
fs.writeFileSync(file('not.json'), '{"records": [');
expectBadInput('a Circle model', [file('two_ops.circle'), goodInputs, '-o', file('x.json')], 'two_ops.circle', 'the TFLite runtime refused the model');
expectBadInput('garbage', [file('garbage.tflite'), goodInputs, '-o', file('x.json')], 'garbage.tflite', 'refused the model');
expectBadInput('a missing model', [file('missing.tflite'), goodInputs, '-o', file('x.json')], 'missing.tflite', 'cannot read the model');
// Problems in the input file, all in one batch: each job's OUTPUT.error names the file.
const badInputs = [
  ['not.json', 'not a readable JSON file', null],
  ['dtype.json', "does not match model input 'ifm' (float32 [1, 1, 2, 3])", record({ ...ifm([1, 2, 3, 4, 5, 6]), dtype: 'int32' })],
  ['shape.json', "'ifm' (float32 [6]) does not match", record({ ...ifm([1, 2, 3, 4, 5, 6]), shape: [6] })],
  ['name.json', "named 'x', but model input 0 is 'ifm'", record({ ...ifm([1, 2, 3, 4, 5, 6]), name: 'x' })],
  ['count.json', '"values" holds 2 elements', record(ifm([1, 2]))],
  ['hex.json', '"hex" holds 2 bytes', record({ name: 'ifm', dtype: 'float32', shape: [1, 1, 2, 3], hex: '00ff' })],
  ['oddhex.json', 'hex digit pairs', record({ dtype: 'float32', shape: [1], hex: '0' })],
  ['str.json', '"values"[5]', record(ifm([1, 2, 3, 4, 5, 'six']))],
  ['key.json', 'unknown key "extra"', { records: [], extra: 1 }],
  ['dt.json', '"dtype" must be one of', record({ dtype: 'float16', shape: [1], values: [0] })],
  ['two.json', 'the model has 1 inputs', { records: [{ tensors: [ifm([1, 2, 3, 4, 5, 6]), ifm([1, 2, 3, 4, 5, 6])] }] }],
  ['norecords.json', '"records": expected an array', { format: 'qgold-tflite-oracle/1' }],
];
for (const [name, , value] of badInputs) if (value) writeJson(name, value);
const badBatch = runBatch('bad.tsv', badInputs.map(([name]) => ['two_ops.tflite', name, `${name}.out`]));
check('bad input files: exit 2', () => assert.equal(badBatch.status, 2, badBatch.stderr));
for (const [name, says] of badInputs) {
  check(`bad input file ${name}`, () => {
    assert.ok(!fs.existsSync(file(`${name}.out`)));
    const message = fs.readFileSync(file(`${name}.out.error`), 'utf8');
    assert.ok(message.startsWith(file(name) + ': '), `does not start with the file: ${message}`);
    assert.ok(message.includes(says), `does not say '${says}': ${message}`);
  });
}
check('an int8 value out of range', () => {
  const range = writeJson('range.json', record({ dtype: 'int8', shape: [2, 3], values: [0, 0, 0, 0, 0, 128] }));
  const { status, stderr } = run(file('reshape_int8.tflite'), range, '-o', file('x.json'));
  assert.equal(status, 2);
  assert.ok(stderr.includes(`${range}: record 0, tensor 0: "values"[5]: 128 is out of the int8 range [-128, 127]`), stderr);
});
expectBadInput('an output folder that does not exist', [twoOps, goodInputs, '-o', file('no/such/folder/x.json')], 'no/such/folder/x.json', 'cannot write the outputs');
expectBadInput('no runtime there', ['--runtime', file('nowhere'), twoOps, goodInputs, '-o', file('x.json')], 'nowhere', 'scripts/tflite_oracle.sh');
expectBadInput('usage', [twoOps], 'usage:', 'expected a model, an input file and -o OUTPUT');
check('nothing half-written', () => {
  assert.deepEqual(fs.readdirSync(work).filter((f) => f.includes('partial') || f === 'x.json'), []);
});

check('--batch: a refused job leaves OUTPUT.error, the others run', () => {
  fs.writeFileSync(file('stale.json'), 'an output of an earlier run');
  fs.writeFileSync(file('jobs.tsv'), `two_ops.tflite\tgood.json\tbatch_good.json\ntwo_ops.circle\tgood.json\tstale.json\n`);
  const { status, stderr } = run('--batch', file('jobs.tsv'));
  assert.equal(status, 2, stderr);
  assert.deepEqual(readJson('batch_good.json').records[0].tensors[0].values, [3, -1, 2.5, 9, -4, 3]);
  assert.ok(!fs.existsSync(file('stale.json')), 'the failed job kept an earlier output');
  assert.match(fs.readFileSync(file('stale.json.error'), 'utf8'), /two_ops\.circle: the TFLite runtime refused the model/);
});
expectBadInput('a malformed jobs line', ['--batch', writeJson('badjobs.tsv', 'x')], 'badjobs.tsv:1', 'expected MODEL<TAB>INPUTS<TAB>OUTPUT');

console.log(`bridge_test.mjs: ${checks} checks passed${process.exitCode ? ', some FAILED' : ''}`);
