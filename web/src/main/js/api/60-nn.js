// softmax, logSoftmax, batchNorm, localResponseNormalization.
const NN = N.NnBridge;

tf.softmax = (logits, dim = -1) => scoped('softmax', () =>
  wrap(NN.softmax(convert(logits, 'logits', 'softmax', 'float32'), dim)));

tf.logSoftmax = (logits, axis = -1) => scoped('logSoftmax', () =>
  wrap(NN.logSoftmax(convert(logits, 'logits', 'logSoftmax'), axis)));

/** tf.batchNorm (rank 0) and tf.batchNorm2d / 3d / 4d. */
function nnBatchNorm(rank, name) {
  return (x, mean, variance, offset, scale, varianceEpsilon) => scoped(name, () => {
    const hx = convert(x, 'x', 'batchNorm');
    const hm = convert(mean, 'mean', 'batchNorm');
    const hv = convert(variance, 'variance', 'batchNorm');
    const hs = scale == null ? null : convert(scale, 'scale', 'batchNorm');
    const ho = offset == null ? null : convert(offset, 'offset', 'batchNorm');
    const eps = varianceEpsilon == null ? 0.001 : varianceEpsilon;
    return wrap(NN.batchNorm(rank, hx, hm, hv, ho, hs, eps));
  });
}
tf.batchNorm = nnBatchNorm(0, 'batchNorm');
tf.batchNorm2d = nnBatchNorm(2, 'batchNorm2d');
tf.batchNorm3d = nnBatchNorm(3, 'batchNorm3d');
tf.batchNorm4d = nnBatchNorm(4, 'batchNorm4d');

tf.localResponseNormalization = (x, depthRadius = 5, bias = 1, alpha = 1, beta = 0.5) =>
  scoped('localResponseNormalization', () => wrap(NN.localResponseNormalization(
      convert(x, 'x', 'localResponseNormalization'), depthRadius, bias, alpha, beta)));

chain('softmax', 'logSoftmax', 'batchNorm', 'localResponseNormalization');
