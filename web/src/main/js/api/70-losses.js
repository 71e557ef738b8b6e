// tf.losses and tf.Reduction.
const LS = N.LossesBridge;

tf.Reduction = {NONE: 0, MEAN: 1, SUM: 2, SUM_BY_NONZERO_WEIGHTS: 3};
['NONE', 'MEAN', 'SUM', 'SUM_BY_NONZERO_WEIGHTS'].forEach((name, i) => {
  tf.Reduction[i] = name;
});

/** A tf.Reduction value: TF.js passes the enum's number; unknown values fail as in TF.js. */
function reductionArg(reduction) {
  if (reduction == null) {
    return tf.Reduction.SUM_BY_NONZERO_WEIGHTS;
  }
  if (reduction !== 0 && reduction !== 1 && reduction !== 2 && reduction !== 3) {
    throw new Error(`Unknown reduction: ${reduction}`);
  }
  return reduction;
}

function weightsArg(weights, fn) {
  return weights == null ? null : convert(weights, 'weights', fn);
}

tf.losses = {};

tf.losses.computeWeightedLoss = (losses, weights, reduction) => scoped('computeWeightedLoss', () => {
  const hl = convert(losses, 'losses', 'computeWeightedLoss');
  const hw = weightsArg(weights, 'computeWeightedLoss');
  return wrap(LS.computeWeightedLoss(hl, hw, reductionArg(reduction)));
});

/** A loss of (labels, predictions, weights, ...extra, reduction) with TF.js's argument names. */
function pairLoss(name, labelsArg, predictionsArg) {
  return (labels, predictions, weights, reduction) => scoped(name, () => {
    const hl = convert(labels, labelsArg, name);
    const hp = convert(predictions, predictionsArg, name);
    const hw = weightsArg(weights, name);
    return wrap(LS[name](hl, hp, hw, reductionArg(reduction)));
  });
}

tf.losses.meanSquaredError = pairLoss('meanSquaredError', 'labels', 'predictions');
tf.losses.absoluteDifference = pairLoss('absoluteDifference', 'labels', 'predictions');
tf.losses.hingeLoss = pairLoss('hingeLoss', 'labels', 'predictions');

tf.losses.softmaxCrossEntropy = (onehotLabels, logits, weights, labelSmoothing = 0, reduction) =>
  scoped('softmaxCrossEntropy', () => {
    const hl = convert(onehotLabels, 'onehotLabels', 'softmaxCrossEntropy');
    const hp = convert(logits, 'logits', 'softmaxCrossEntropy');
    const hw = weightsArg(weights, 'softmaxCrossEntropy');
    return wrap(LS.softmaxCrossEntropy(hl, hp, hw, Number(labelSmoothing), reductionArg(reduction)));
  });

tf.losses.sigmoidCrossEntropy = (multiClassLabels, logits, weights, labelSmoothing = 0, reduction) =>
  scoped('sigmoidCrossEntropy', () => {
    const hl = convert(multiClassLabels, 'multiClassLabels', 'sigmoidCrossEntropy');
    const hp = convert(logits, 'logits', 'sigmoidCrossEntropy');
    const hw = weightsArg(weights, 'sigmoidCrossEntropy');
    return wrap(LS.sigmoidCrossEntropy(hl, hp, hw, Number(labelSmoothing), reductionArg(reduction)));
  });

tf.losses.huberLoss = (labels, predictions, weights, delta = 1.0, reduction) => scoped('huberLoss', () => {
  const hl = convert(labels, 'labels', 'huberLoss');
  const hp = convert(predictions, 'predictions', 'huberLoss');
  const hw = weightsArg(weights, 'huberLoss');
  return wrap(LS.huberLoss(hl, hp, hw, Number(delta), reductionArg(reduction)));
});

tf.losses.logLoss = (labels, predictions, weights, epsilon = 1e-7, reduction) => scoped('logLoss', () => {
  const hl = convert(labels, 'labels', 'logLoss');
  const hp = convert(predictions, 'predictions', 'logLoss');
  const hw = weightsArg(weights, 'logLoss');
  return wrap(LS.logLoss(hl, hp, hw, Number(epsilon), reductionArg(reduction)));
});

tf.losses.cosineDistance = (labels, predictions, axis, weights, reduction) => scoped('cosineDistance', () => {
  const hl = convert(labels, 'labels', 'cosineDistance');
  const hp = convert(predictions, 'predictions', 'cosineDistance');
  const hw = weightsArg(weights, 'cosineDistance');
  return wrap(LS.cosineDistance(hl, hp, axisArg(axis), hw, reductionArg(reduction)));
});
