// Loads converted models with TensorFlow.js 4.22 itself and runs predict on them: one Node process
// for many models (the converter tests write the job list, read the answers).
//   node tfjs-predict.js jobs.json answers.json
// jobs.json: [{id, model: "/abs/path/model.json", inputs?: [{shape, data}], inputDtypes?}]
// answers.json: [{id, ok, error?, inputs: [{shape, data}], outputs: [{shape, data}], weights: [{name, shape, dtype, data}]?}]
// A model is loaded through tf.io.http with a fetch that reads local files, so TF.js's own
// manifest / shard handling is what is tested. Without given inputs, inputs are generated from a
// fixed-seed generator, with the model's input shapes (batch 2, unknown sizes 16).
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
  const shape = model.inputs[i].shape.map((d, k) => (d == null ? (k === 0 ? 2 : 16) : d));
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

async function run(job) {
  const handler = tf.io.http('file://' + path.resolve(job.model), {fetchFunc: fileFetch});
  const model = await tf.loadLayersModel(handler);
  const inputs = job.inputs || model.inputs.map((_, i) => generatedInput(model, i));
  const xs = inputs.map((x, i) => tf.tensor(x.data, x.shape, model.inputs[i].dtype === 'int32' ? 'int32' : 'float32'));
  let ys = model.predict(xs.length === 1 ? xs[0] : xs);
  if (!Array.isArray(ys)) ys = [ys];
  const outputs = ys.map(y => ({shape: y.shape, data: Array.from(y.dataSync())}));
  const answer = {id: job.id, ok: true, inputs, outputs};
  if (job.weights) {
    answer.weights = model.weights.map(w => ({name: w.originalName, shape: w.shape, dtype: w.dtype,
        data: Array.from(w.read().dataSync())}));
  }
  tf.dispose(xs.concat(ys));
  model.dispose();
  return answer;
}

async function main() {
  const [jobsFile, answersFile] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const jobs = JSON.parse(fs.readFileSync(jobsFile, 'utf8'));
  const answers = [];
  for (const job of jobs) {
    try {
      answers.push(await run(job));
    } catch (e) {
      answers.push({id: job.id, ok: false, error: String(e && e.message || e)});
    }
  }
  fs.writeFileSync(answersFile, JSON.stringify(answers));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
