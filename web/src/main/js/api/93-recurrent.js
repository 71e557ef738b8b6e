// Recurrent and sequence layers (dev.samovar.layers.recurrent): tf.layers.simpleRNN / lstm / gru /
// rnn, the cells (simpleRNNCell, lstmCell, gruCell, stackedRNNCells), bidirectional,
// timeDistributed, embedding, masking; resetStates and the properties TF.js's objects have
// (cell, states, forwardLayer, ...). Every rule lives in Java (RecurrentBridge, LayersBridge).
const RB = N.RecurrentBridge;

[
  ['simpleRNN', 'SimpleRNN'], ['lstm', 'LSTM'], ['gru', 'GRU'], ['rnn', 'RNN'],
  ['simpleRNNCell', 'SimpleRNNCell'], ['lstmCell', 'LSTMCell'], ['gruCell', 'GRUCell'],
  ['stackedRNNCells', 'StackedRNNCells'], ['bidirectional', 'Bidirectional'],
  ['timeDistributed', 'TimeDistributed'], ['embedding', 'Embedding'], ['masking', 'Masking'],
  ['convLstm2d', 'ConvLSTM2D'], ['convLstm2dCell', 'ConvLSTM2DCell'],
].forEach((pair) => {
  tf.layers[pair[0]] = layerFactory(pair[1]);
});

/**
 * TF.js's RNN class (tf.RNN, tf.layers.RNN): `new tf.RNN({cell})` is tf.layers.rnn; SimpleRNN,
 * LSTM, GRU and ConvLSTM2D layers are its instances. RNNCell (tf.layers.RNNCell) is the class of
 * the cells.
 */
function RNN(args) {
  const a = toJavaArgs(args === undefined ? {} : args);
  return wrapLayer(LB.create('RNN', a.json, a.refs));
}
RNN.prototype = Object.create(Layer.prototype);
RNN.prototype.constructor = RNN;
RNN.className = 'RNN';

function RNNCell() {
  throw new Error('RNNCell is abstract: make a cell with tf.layers.simpleRNNCell, lstmCell, gruCell or ' +
      'convLstm2dCell (subclassing RNNCell in JavaScript is not supported by samovar)');
}
RNNCell.prototype = Object.create(Layer.prototype);
RNNCell.prototype.constructor = RNNCell;

LAYER_PROTOTYPE_HOOKS.push((handle) => {
  const k = RB.kind(handle);
  return k === 1 ? RNN.prototype : k === 2 ? RNNCell.prototype : null;
});
tf.RNN = RNN;
tf.layers.RNN = RNN;
tf.layers.RNNCell = RNNCell;

/** resetStates(states?): RNN layers reset (or set) their states; other layers fail as in TF.js. */
Layer.prototype.resetStates = function(states) {
  let list = null;
  if (states != null) {
    list = toList((Array.isArray(states) ? states : [states]).map((t) => t._h));
  }
  RB.resetStates(this._l, list);
};

function wrapOrNull(handle) {
  return handle == null ? null : wrap(handle);
}

layerProperty('states', function() {
  const s = RB.states(this._l);
  return s == null ? undefined : Array.from(s, wrapOrNull);
});
layerProperty('cell', function() {
  const c = RB.cell(this._l);
  return c == null ? undefined : wrapLayer(c);
});
layerProperty('cells', function() {
  const c = RB.cells(this._l);
  return c == null ? undefined : Array.from(c, wrapLayer);
});
layerProperty('stateSize', function() {
  const s = RB.stateSize(this._l);
  return s == null ? undefined : JSON.parse(s);
});
layerProperty('layer', function() {
  const l = RB.wrapped(this._l, 0);
  return l == null ? undefined : wrapLayer(l);
});
layerProperty('forwardLayer', function() {
  const l = RB.wrapped(this._l, 1);
  return l == null ? undefined : wrapLayer(l);
});
layerProperty('backwardLayer', function() {
  const l = RB.wrapped(this._l, 2);
  return l == null ? undefined : wrapLayer(l);
});

// kernel / bias of cells and RNN layers, recurrentKernel, embeddings (Dense keeps LayersBridge's).
['kernel', 'bias', 'recurrentKernel', 'embeddings'].forEach((field) => {
  const previous = Object.getOwnPropertyDescriptor(Layer.prototype, field);
  layerProperty(field, function() {
    if (RB.isRecurrent(this._l)) {
      const v = RB.field(this._l, field);
      return v == null ? undefined : wrapLayerVariable(v);
    }
    return previous ? previous.get.call(this) : undefined;
  });
});

/** Config fields that these layers expose as properties (read from getConfig()). */
['returnSequences', 'returnState', 'goBackwards', 'unroll', 'dropout', 'recurrentDropout', 'inputDim',
  'outputDim', 'maskZero', 'maskValue', 'mergeMode', 'inputLength', 'resetAfter', 'unitForgetBias',
  'implementation'].forEach((k) => {
  const previous = Object.getOwnPropertyDescriptor(Layer.prototype, k);
  layerProperty(k, function() {
    if (RB.isRecurrent(this._l) || LB.className(this._l) === 'Masking') {
      return this.getConfig()[k];
    }
    return previous ? previous.get.call(this) : undefined;
  });
});
