// softmax, logSoftmax, batchNorm, localResponseNormalization.
const NN = N.NnBridge;
