// Reductions over axes.
const R = N.ReductionBridge;

tf.sum = (x, axis = null, keepDims = false) =>
  scoped('sum', () => wrap(R.sum(convert(x, 'x', 'sum'), axisArg(axis), !!keepDims)));
chain('sum');
