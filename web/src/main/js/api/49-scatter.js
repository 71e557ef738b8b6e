// Segment, scatter and search ops: unsortedSegmentSum, scatterND, sparseToDense,
// tensorScatterUpdate, searchSorted, lowerBound, upperBound, bincount, denseBincount.
const SC = N.ScatterBridge;

/** TF.js's assertNonNegativeIntegerDimensions. */
function checkDims(shape) {
  shape.forEach((d) => assert(Number.isInteger(d) && d >= 0,
      () => `Tensor must have a shape comprised of positive integers but got shape [${shape}].`));
  return Array.from(shape);
}

tf.unsortedSegmentSum = (x, segmentIds, numSegments) => scoped('unsortedSegmentSum', () => {
  const hx = convert(x, 'x', 'unsortedSegmentSum');
  const hs = convert(segmentIds, 'segmentIds', 'unsortedSegmentSum', 'int32');
  assert(numSegments % 1 === 0, 'numSegments must be of dtype int');
  return wrap(SC.unsortedSegmentSum(hx, hs, numSegments));
});
chain('unsortedSegmentSum');

tf.scatterND = (indices, updates, shape) => scoped('scatterND', () => {
  shape = checkDims(shape);
  const hi = convert(indices, 'indices', 'scatterND', 'int32');
  const hu = convert(updates, 'updates', 'scatterND');
  return wrap(SC.scatterND(hi, hu, shape));
});

tf.sparseToDense = (sparseIndices, sparseValues, outputShape, defaultValue = 0) => scoped('sparseToDense', () => {
  outputShape = checkDims(outputShape);
  const hi = convert(sparseIndices, 'sparseIndices', 'sparseToDense', 'int32');
  const hv = convert(sparseValues, 'sparseValues', 'sparseToDense', 'string_or_numeric');
  const hd = convert(defaultValue, 'defaultValue', 'sparseToDense', wrap(hv).dtype);
  return wrap(SC.sparseToDense(hi, hv, outputShape, hd));
});

tf.tensorScatterUpdate = (tensor, indices, updates) => scoped('tensorScatterUpdate', () => {
  const ht = convert(tensor, 'tensor', 'tensorScatterupdate');
  const hi = convert(indices, 'indices', 'tensorScatterupdate', 'int32');
  const hu = convert(updates, 'updates', 'tensorScatterupdate');
  return wrap(SC.tensorScatterUpdate(ht, hi, hu));
});

tf.searchSorted = (sortedSequence, values, side = 'left') => scoped('searchSorted', () => {
  const hs = convert(sortedSequence, 'sortedSequence', 'searchSorted');
  const hv = convert(values, 'values', 'searchSorted');
  return wrap(SC.searchSorted(hs, hv, side));
});

tf.lowerBound = (sortedSequence, values) => tf.searchSorted(sortedSequence, values, 'left');
tf.upperBound = (sortedSequence, values) => tf.searchSorted(sortedSequence, values, 'right');

tf.bincount = (x, weights, size) => scoped('bincount', () => {
  const hx = convert(x, 'x', 'bincount');
  const hw = convert(weights, 'weights', 'bincount');
  return wrap(SC.bincount(hx, hw, size));
});

tf.denseBincount = (x, weights, size, binaryOutput = false) => scoped('denseBincount', () => {
  const hx = convert(x, 'x', 'denseBincount');
  const hw = convert(weights, 'weights', 'denseBincount');
  return wrap(SC.denseBincount(hx, hw, size, !!binaryOutput));
});
