// Loads converted models with TensorFlow.js 4.22 itself and runs predict on them: one Node process
// for many models (the converter tests write the job list, read the answers).
//   node tfjs-predict.js jobs.json answers.json
// jobs.json: [{id, model: "/abs/path/model.json", inputs?: [{shape, data}], weights?: true, predict?: false}]
// answers.json: [{id, ok, error?, inputs: [{shape, data}], outputs: [{shape, data}], weights: [{name, shape, dtype, b64}]?}]
// A model is loaded through tf.io.http with a fetch that reads local files, so TF.js's own
// manifest / shard handling is what is tested. Without given inputs, inputs are generated from a
// fixed-seed generator, with the model's input shapes (batch 1, unknown sizes 16).
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

function fileFetch(url) {
  const p = decodeURIComponent(new URL(url).pathname);
  try {
    const bytes = fs.readFileSync(p);
    return Promise.resolve(new Response(bytes, {status: 200, headers: {'content-type':
        p.endsWith('.json') ? 'application/json' : 'application/octet-stream'}}));
  } catch (e) {
    return Promise.resolve(new Response('not found: ' + p, {status: 404}));
  }
}

let seed = 12345;
function rand() {  // LCG, values in [-1, 1)
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) / (1 << 23) - 1;
}

function generatedInput(model, i) {
  const shape = model.inputs[i].shape.map((d, k) => (d == null ? (k === 0 ? 1 : 16) : d));
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  // Embedding inputs are indices: small non-negative integers.
  const first = model.layers.find(l => l.inboundNodes.length && l.getClassName() !== 'InputLayer');
  const indices = first && first.getClassName() === 'Embedding';
  for (let j = 0; j < n; j++) {
    data[j] = indices ? Math.floor((rand() + 1) * 2) : rand();
  }
  return {shape, data: Array.from(data)};
}

// float32 values as base64 of their little-endian bytes (exact, and fast to write and read)
function weightsOf(model) {
  return model.weights.map(w => ({name: w.originalName, shape: w.shape, dtype: w.dtype,
      b64: Buffer.from(new Float32Array(w.read().dataSync()).buffer).toString('base64')}));
}

async function run(job) {
  seed = 12345;  // the same generated inputs for every model
  const handler = tf.io.http('file://' + path.resolve(job.model), {fetchFunc: fileFetch});
  const model = await tf.loadLayersModel(handler);
  if (job.predict === false) {  // load only (and read the weights)
    const answer = {id: job.id, ok: true, inputs: [], outputs: []};
    if (job.weights) {
      answer.weights = weightsOf(model);
    }
    model.dispose();
    return answer;
  }
  const inputs = job.inputs || model.inputs.map((_, i) => generatedInput(model, i));
  const xs = inputs.map((x, i) => tf.tensor(x.data, x.shape, model.inputs[i].dtype === 'int32' ? 'int32' : 'float32'));
  let ys = model.predict(xs.length === 1 ? xs[0] : xs);
  if (!Array.isArray(ys)) ys = [ys];
  const outputs = ys.map(y => ({shape: y.shape, data: Array.from(y.dataSync())}));
  const answer = {id: job.id, ok: true, inputs, outputs};
  if (job.weights) {
    answer.weights = weightsOf(model);
  }
  tf.dispose(xs.concat(ys));
  model.dispose();
  return answer;
}

async function main() {
  const t0 = Date.now();
  const [jobsFile, answersFile] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const jobs = JSON.parse(fs.readFileSync(jobsFile, 'utf8'));
  const answers = [];
  const times = [];
  for (const job of jobs) {
    const t = Date.now();
    try {
      answers.push(await run(job));
    } catch (e) {
      answers.push({id: job.id, ok: false, error: String(e && e.message || e)});
    }
    times.push([Date.now() - t, job.id]);
  }
  times.sort((a, b) => b[0] - a[0]);
  console.log('tfjs-predict: slowest: ' + times.slice(0, 5).map(t => `${t[1]} ${t[0]} ms`).join(', '));
  fs.writeFileSync(answersFile, JSON.stringify(answers));
  console.log(`tfjs-predict: ${jobs.length} models in ${Date.now() - t0} ms`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
