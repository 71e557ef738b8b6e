// The playground: runs the editor's code with `tf` = samovar and shows what it prints.
(function() {
  const examples = {
    'Tensors and printing': [
      'const a = tf.tensor([[1, 2, 3], [4, 5, 6]]);',
      'a.print();',
      'tf.tensor([1.5, 2.25, -3]).print(true);',
      'console.log(a.shape, a.dtype, a.size);',
    ].join('\n'),
    'Matrix multiply': [
      'const a = tf.tensor([[1, 2], [3, 4]]);',
      'const b = tf.tensor([[5, 6], [7, 8]]);',
      'tf.matMul(a, b).print();',
      'tf.matMul(a, b, true, false).print();',
    ].join('\n'),
    'Broadcasting': [
      'const x = tf.tensor([[1, 2, 3], [4, 5, 6]]);',
      'x.add(tf.tensor([10, 20, 30])).print();',
      'x.mul(2).sub(1).relu().print();',
      'x.sum(1).print();',
    ].join('\n'),
    'Memory with tidy': [
      'const before = tf.memory().numTensors;',
      'const y = tf.tidy(() => {',
      '  const t = tf.tensor([1, 2, 3]);',
      '  return t.mul(t).add(1);',
      '});',
      'y.print();',
      'console.log("new tensors:", tf.memory().numTensors - before);',
      'y.dispose();',
    ].join('\n'),
    'Errors': [
      '// Bad shapes give the same message as TF.js:',
      'tf.add(tf.ones([2, 3]), tf.ones([4]));',
    ].join('\n'),
  };

  const code = document.getElementById('code');
  const output = document.getElementById('output');
  const status = document.getElementById('status');
  const select = document.getElementById('examples');

  Object.keys(examples).forEach((name) => {
    const opt = document.createElement('option');
    opt.value = name;
    opt.textContent = name;
    select.appendChild(opt);
  });
  select.addEventListener('change', () => {
    code.value = examples[select.value];
  });
  code.value = examples[select.value];

  function format(v) {
    if (v instanceof samovar.Tensor) return v.toString();
    if (typeof v === 'string') return v;
    try {
      return JSON.stringify(v);
    } catch (e) {
      return String(v);
    }
  }

  function append(text, cls) {
    const span = document.createElement('span');
    if (cls) span.className = cls;
    span.textContent = text + '\n';
    output.appendChild(span);
  }

  async function run() {
    output.textContent = '';
    const log = console.log;
    console.log = function() {
      append(Array.prototype.map.call(arguments, format).join(' '));
      log.apply(console, arguments);
    };
    const started = performance.now();
    try {
      const fn = new Function('tf', 'samovar', '"use strict"; return (async () => {\n' + code.value + '\n})();');
      await fn(samovar, samovar);
      status.textContent = `ran in ${(performance.now() - started).toFixed(1)} ms; ` +
          `${samovar.memory().numTensors} tensors alive`;
    } catch (e) {
      append('Error: ' + (e && e.message ? e.message : e), 'err');
      status.textContent = 'failed';
    } finally {
      console.log = log;
    }
  }

  document.getElementById('run').addEventListener('click', run);
  code.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  status.textContent = `samovar ${samovar.version.samovar}, backend ${samovar.getBackend()}`;
})();
