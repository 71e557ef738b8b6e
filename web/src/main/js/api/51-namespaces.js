// tf.linalg (bandPart, gramSchmidt, qr), tf.math (confusionMatrix) and tf.sparse
// (sparseFillEmptyRows, sparseReshape, sparseSegmentMean, sparseSegmentSum).
const NS = N.NamespaceOpsBridge;

tf.linalg = tf.linalg || {};
tf.math = tf.math || {};
tf.sparse = tf.sparse || {};

tf.linalg.bandPart = (a, numLower, numUpper) => scoped('bandPart', () => {
  const h = convert(a, 'a', 'bandPart');
  const lowerIsNumber = typeof numLower === 'number';
  const upperIsNumber = typeof numUpper === 'number';
  if (!lowerIsNumber) {
    assert(numLower instanceof Tensor && numLower.dtype === 'int32', 'bandPart(): numLower\'s dtype must be an int32.');
  }
  if (!upperIsNumber) {
    assert(numUpper instanceof Tensor && numUpper.dtype === 'int32', 'bandPart(): numUpper\'s dtype must be an int32.');
  }
  return wrap(NS.bandPart(h, lowerIsNumber, lowerIsNumber ? numLower : 0, lowerIsNumber ? null : numLower._h,
      upperIsNumber, upperIsNumber ? numUpper : 0, upperIsNumber ? null : numUpper._h));
});

tf.linalg.gramSchmidt = (xs) => scoped('gramSchmidt', () => {
  if (Array.isArray(xs)) {
    return wrapAll(NS.gramSchmidtList(toList(xs.map((x) => x._h))));
  }
  return wrap(NS.gramSchmidt(xs._h));
});

tf.linalg.qr = (x, fullMatrices = false) => scoped('qr', () => {
  if (!(x instanceof Tensor)) {
    throw new Error(`qr() requires input tensor to have a rank >= 2, but got rank ${x == null ? x : x.rank}`);
  }
  return wrapAll(NS.qr(x._h, !!fullMatrices));
});

tf.math.confusionMatrix = (labels, predictions, numClasses) => scoped('confusionMatrix', () => {
  const hl = convert(labels, 'labels', 'confusionMatrix');
  const hp = convert(predictions, 'predictions', 'confusionMatrix');
  if (numClasses != null && typeof numClasses !== 'number') {
    throw new Error(`If provided, numClasses must be a positive integer, but got ${numClasses}`);
  }
  return wrap(NS.confusionMatrix(hl, hp, numClasses != null, numClasses == null ? 0 : numClasses));
});

tf.sparse.sparseFillEmptyRows = (indices, values, denseShape, defaultValue) => scoped('sparseFillEmptyRows', () => {
  const hi = convert(indices, 'indices', 'sparseFillEmptyRows', 'int32');
  const hv = convert(values, 'values', 'sparseFillEmptyRows');
  const hs = convert(denseShape, 'denseShape', 'sparseFillEmptyRows', 'int32');
  const hd = convert(defaultValue, 'defaultValue', 'sparseFillEmptyRows', wrap(hv).dtype);
  const r = wrapAll(NS.sparseFillEmptyRows(hi, hv, hs, hd));
  return {outputIndices: r[0], outputValues: r[1], emptyRowIndicator: r[2], reverseIndexMap: r[3]};
});

tf.sparse.sparseReshape = (inputIndices, inputShape, newShape) => scoped('sparseReshape', () => {
  const hi = convert(inputIndices, 'inputIndices', 'sparseReshape', 'int32');
  const hs = convert(inputShape, 'inputShape', 'sparseReshape', 'int32');
  const hn = convert(newShape, 'newShape', 'sparseReshape', 'int32');
  const r = wrapAll(NS.sparseReshape(hi, hs, hn));
  return {outputIndices: r[0], outputShape: r[1]};
});

function sparseSegmentOp(name) {
  tf.sparse[name] = (data, indices, segmentIds) => scoped(name, () => {
    const hd = convert(data, 'data', name);
    const hi = convert(indices, 'indices', name, 'int32');
    const hs = convert(segmentIds, 'segmentIds', name, 'int32');
    return wrap(NS[name](hd, hi, hs));
  });
}
sparseSegmentOp('sparseSegmentMean');
sparseSegmentOp('sparseSegmentSum');
