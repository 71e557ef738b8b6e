// tf.signal: frame, hannWindow, hammingWindow (stft needs complex64, which Samovar lacks).
const SG = N.NnBridge;

tf.signal = tf.signal || {};

tf.signal.hannWindow = (windowLength) => scoped('hannWindow', () => wrap(SG.hannWindow(windowLength)));

tf.signal.hammingWindow = (windowLength) => scoped('hammingWindow', () => wrap(SG.hammingWindow(windowLength)));

// As in TF.js, a signal that is not a Tensor has no size: the result is then a [0, frameLength] tensor.
tf.signal.frame = (signal, frameLength, frameStep, padEnd = false, padValue = 0) => scoped('frame', () => {
  if (!(signal instanceof Tensor)) {
    return tf.tensor2d([], [0, frameLength]);
  }
  return wrap(SG.signalFrame(convert(signal, 'x', 'slice'), frameLength, frameStep, !!padEnd, padValue));
});

// signal_ops_util's exports (plain functions in TF.js, no op scope).
tf.cosineWindow = (windowLength, a, b) => wrap(SG.cosineWindow(windowLength, a, b));

tf.enclosingPowerOfTwo = (value) => SG.enclosingPowerOfTwo(value);
