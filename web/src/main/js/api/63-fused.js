// tf.fused: matMul, conv2d and depthwiseConv2d with bias and activation.
const FU = N.fused();
tf.fused = {};

tf.fused.matMul = ({a, b, transposeA = false, transposeB = false, bias, activation = 'linear',
  preluActivationWeights, leakyreluAlpha = 0.2}) => scoped('fusedMatMul', () => {
  const ha = convert(a, 'a', 'fused matMul');
  const hb = convert(b, 'b', 'fused matMul');
  const hbias = bias == null ? null : convert(bias, 'bias', 'fused matMul');
  const hp = preluActivationWeights == null ? null :
    convert(preluActivationWeights, 'prelu weights', 'fused matMul');
  return wrap(FU.matMul(ha, hb, !!transposeA, !!transposeB, hbias, activation == null ? null : String(activation),
      hp, leakyreluAlpha == null ? NaN : leakyreluAlpha));
});

/** The PReLU weights of fused convolutions: TF.js reads their shape before converting them. */
function fusedConvPrelu(w, op) {
  if (w == null) {
    return null;
  }
  if (!(w instanceof Tensor)) {
    throw new TypeError('Cannot read properties of undefined (reading \'length\')');
  }
  return convert(w, 'prelu weights', op);
}

tf.fused.conv2d = ({x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1], dimRoundingMode, bias,
  activation = 'linear', preluActivationWeights, leakyreluAlpha}) => scoped('fusedConv2d', () => {
  const hx = convert(x, 'x', 'conv2d', 'float32');
  const hf = convert(filter, 'filter', 'conv2d', 'float32');
  const hbias = bias == null ? null : convert(bias, 'bias', 'fused conv2d');
  const hp = fusedConvPrelu(preluActivationWeights, 'fused conv2d');
  const p = convPad(pad);
  return wrap(FU.conv2d(hx, hf, convTuple(strides), p[0], p[1], p[2], dataFormat, convTuple(dilations),
      convRounding(dimRoundingMode), hbias, activation == null ? null : String(activation), hp,
      leakyreluAlpha == null ? NaN : leakyreluAlpha));
});

tf.fused.depthwiseConv2d = ({x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1],
  dimRoundingMode, bias, activation = 'linear', preluActivationWeights, leakyreluAlpha}) =>
  scoped('fusedDepthwiseConv2d', () => {
    const hx = convert(x, 'x', 'depthwiseConv2d', 'float32');
    const hf = convert(filter, 'filter', 'depthwiseConv2d', 'float32');
    const hbias = bias == null ? null : convert(bias, 'bias', 'fused conv2d');
    const hp = preluActivationWeights == null ? null :
      convert(preluActivationWeights, 'prelu weights', 'fused depthwiseConv2d');
    const p = convPad(pad);
    return wrap(FU.depthwiseConv2d(hx, hf, convTuple(strides), p[0], p[1], p[2], dataFormat,
        dilations == null ? [1, 1] : convTuple(dilations), convRounding(dimRoundingMode), hbias,
        activation == null ? null : String(activation), hp, leakyreluAlpha == null ? NaN : leakyreluAlpha));
  });
