// Reductions over axes, scans and topk.
const R = N.ReductionBridge;

/** tf[name](x, axis = null, keepDims = false), and the tensor method; `parseAs` for tensor-likes. */
function reduceOp(name, parseAs = 'numeric') {
  tf[name] = (x, axis = null, keepDims = false) =>
    scoped(name, () => wrap(R[name](convert(x, 'x', name, parseAs), axisArg(axis), !!keepDims)));
  chain(name);
}

reduceOp('sum');
reduceOp('mean');
reduceOp('prod');
reduceOp('max');
reduceOp('min');
reduceOp('logSumExp');
reduceOp('any', 'bool');
reduceOp('all', 'bool');

// TF.js's euclideanNorm converts its argument inside norm, whose name its messages carry.
tf.euclideanNorm = (x, axis = null, keepDims = false) =>
  scoped('euclideanNorm', () => wrap(R.euclideanNorm(convert(x, 'x', 'norm'), axisArg(axis), !!keepDims)));
chain('euclideanNorm');

tf.argMax = (x, axis = 0) => scoped('argMax', () => wrap(R.argMax(convert(x, 'x', 'argMax'), axisArg(axis))));
tf.argMin = (x, axis = 0) => scoped('argMin', () => wrap(R.argMin(convert(x, 'x', 'argMin'), axisArg(axis))));
chain('argMax', 'argMin');

tf.moments = (x, axis = null, keepDims = false) => scoped('moments', () => {
  const r = R.moments(convert(x, 'x', 'moments'), axisArg(axis), !!keepDims);
  return {mean: wrap(r[0]), variance: wrap(r[1])};
});

tf.norm = (x, ord = 'euclidean', axis = null, keepDims = false) => scoped('norm', () => {
  const $x = convert(x, 'x', 'norm');
  const name = typeof ord === 'number' ? null : String(ord);
  return wrap(R.norm($x, name, typeof ord === 'number' ? ord : 0, axisArg(axis), !!keepDims));
});
chain('norm');

function scanOp(name) {
  tf[name] = (x, axis = 0, exclusive = false, reverse = false) =>
    scoped(name, () => wrap(R[name](convert(x, 'x', name), axis, !!exclusive, !!reverse)));
  chain(name);
}

scanOp('cumsum');
scanOp('cumprod');

tf.topk = (x, k = 1, sorted = true) => scoped('topk', () => {
  const r = R.topk(convert(x, 'x', 'topk'), k, !!sorted);
  return {values: wrap(r[0]), indices: wrap(r[1])};
});
chain('topk');
