// Convolutions (NHWC).
const CV = N.ConvBridge;
