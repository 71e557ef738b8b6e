// tf.fused: matMul, conv2d and depthwiseConv2d with bias and activation. The option objects are
// read field by field (HtmlUnit's engine has no destructuring parameters); a missing field takes
// TF.js's default.

const FU = N.FusedBridge;
tf.fused = {};

/** args[key], or dflt when it is undefined (as a destructuring default). */
function fusedOpt(args, key, dflt) {
  const v = args[key];
  return v === undefined ? dflt : v;
}

function fusedActivation(activation) {
  return activation == null ? null : String(activation);
}

tf.fused.matMul = (args) => scoped('fusedMatMul', () => {
  const bias = args.bias;
  const prelu = args.preluActivationWeights;
  const alpha = fusedOpt(args, 'leakyreluAlpha', 0.2);
  const ha = convert(args.a, 'a', 'fused matMul');
  const hb = convert(args.b, 'b', 'fused matMul');
  const hbias = bias == null ? null : convert(bias, 'bias', 'fused matMul');
  const hp = prelu == null ? null : convert(prelu, 'prelu weights', 'fused matMul');
  return wrap(FU.matMul(ha, hb, !!fusedOpt(args, 'transposeA', false), !!fusedOpt(args, 'transposeB', false),
      hbias, fusedActivation(fusedOpt(args, 'activation', 'linear')), hp, alpha == null ? NaN : alpha));
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

tf.fused.conv2d = (args) => scoped('fusedConv2d', () => {
  const bias = args.bias;
  const alpha = args.leakyreluAlpha;
  const hx = convert(args.x, 'x', 'conv2d', 'float32');
  const hf = convert(args.filter, 'filter', 'conv2d', 'float32');
  const hbias = bias == null ? null : convert(bias, 'bias', 'fused conv2d');
  const hp = fusedConvPrelu(args.preluActivationWeights, 'fused conv2d');
  const p = convPad(args.pad);
  return wrap(FU.conv2d(hx, hf, convTuple(args.strides), p[0], p[1], p[2], fusedOpt(args, 'dataFormat', 'NHWC'),
      convTuple(fusedOpt(args, 'dilations', [1, 1])), convRounding(args.dimRoundingMode), hbias,
      fusedActivation(fusedOpt(args, 'activation', 'linear')), hp, alpha == null ? NaN : alpha));
});

tf.fused.depthwiseConv2d = (args) => scoped('fusedDepthwiseConv2d', () => {
  const bias = args.bias;
  const prelu = args.preluActivationWeights;
  const alpha = args.leakyreluAlpha;
  const dilations = args.dilations;
  const hx = convert(args.x, 'x', 'depthwiseConv2d', 'float32');
  const hf = convert(args.filter, 'filter', 'depthwiseConv2d', 'float32');
  const hbias = bias == null ? null : convert(bias, 'bias', 'fused conv2d');
  const hp = prelu == null ? null : convert(prelu, 'prelu weights', 'fused depthwiseConv2d');
  const p = convPad(args.pad);
  return wrap(FU.depthwiseConv2d(hx, hf, convTuple(args.strides), p[0], p[1], p[2],
      fusedOpt(args, 'dataFormat', 'NHWC'), dilations == null ? [1, 1] : convTuple(dilations),
      convRounding(args.dimRoundingMode), hbias, fusedActivation(fusedOpt(args, 'activation', 'linear')), hp,
      alpha == null ? NaN : alpha));
});
