// Convolutions (NHWC).
const CV = N.conv();
