// samovar-ui.js: the small UI pieces the pages and demos share (no dependency, global `samovarUI`):
//   samovarUI.progress(parent, label)  a labelled progress bar: set(fraction, text), busy(text),
//                                      done(text), fail(text); model download, shader warm-up;
//   samovarUI.showError(err, where?)   an error box in the page (not only in the console);
//   samovarUI.catchErrors()            routes uncaught errors and rejected promises to showError;
//   samovarUI.guard(fn)                wraps an event handler (sync or async) so errors are shown;
//   samovarUI.loadWithProgress(label, parent, load)  runs load(onProgress) under a progress bar.
(function(root) {
  'use strict';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  function resolveParent(parent) {
    if (typeof parent === 'string') {
      return document.getElementById(parent) || document.querySelector(parent);
    }
    return parent || document.querySelector('main') || document.body;
  }

  /** A progress bar appended to `parent`; its state is also in data-state / data-value for tests. */
  function progress(parent, label) {
    const box = el('div', 'sv-progress');
    box.setAttribute('data-state', 'running');
    box.setAttribute('data-value', '0');
    const head = el('div', 'sv-progress-head');
    const name = el('span', 'sv-progress-label', label);
    const text = el('span', 'sv-progress-text', '');
    head.appendChild(name);
    head.appendChild(text);
    const track = el('div', 'sv-progress-track');
    const fill = el('div', 'sv-progress-fill');
    track.appendChild(fill);
    box.appendChild(head);
    box.appendChild(track);
    resolveParent(parent).appendChild(box);
    const api = {
      element: box,
      set(fraction, message) {
        const f = Math.max(0, Math.min(1, Number(fraction) || 0));
        box.classList.remove('busy');
        fill.style.width = (f * 100).toFixed(1) + '%';
        box.setAttribute('data-value', String(f));
        text.textContent = message != null ? message : Math.round(f * 100) + '%';
        return api;
      },
      busy(message) {
        box.classList.add('busy');
        text.textContent = message || '';
        return api;
      },
      done(message) {
        box.classList.remove('busy');
        fill.style.width = '100%';
        box.setAttribute('data-value', '1');
        box.setAttribute('data-state', 'done');
        box.classList.add('done');
        text.textContent = message || 'done';
        return api;
      },
      fail(message) {
        box.classList.remove('busy');
        box.setAttribute('data-state', 'failed');
        box.classList.add('failed');
        text.textContent = message || 'failed';
        return api;
      },
    };
    return api;
  }

  function errorText(err) {
    if (err == null) {
      return 'Unknown error';
    }
    if (typeof err === 'string') {
      return err;
    }
    const msg = err.message || String(err);
    return (err.name && err.name !== 'Error' ? err.name + ': ' : '') + msg;
  }

  let errorArea = null;

  /** Shows `err` in a dismissible red box at the top of `where` (default: the page's main). */
  function showError(err, where) {
    const parent = resolveParent(where);
    if (!errorArea || !errorArea.isConnected) {
      errorArea = el('div', 'sv-errors');
      errorArea.setAttribute('role', 'alert');
      parent.insertBefore(errorArea, parent.firstChild);
    }
    const box = el('div', 'sv-error');
    const close = el('button', 'sv-error-close', '\u00d7');
    close.title = 'Dismiss';
    close.addEventListener('click', () => box.remove());
    box.appendChild(close);
    box.appendChild(el('strong', null, 'Error: '));
    box.appendChild(el('span', 'sv-error-message', errorText(err)));
    if (err && err.stack && typeof err.stack === 'string') {
      const details = el('details');
      details.appendChild(el('summary', null, 'details'));
      details.appendChild(el('pre', null, err.stack));
      box.appendChild(details);
    }
    errorArea.appendChild(box);
    return box;
  }

  function catchErrors() {
    root.addEventListener('error', (e) => {
      showError(e.error || e.message);
    });
    root.addEventListener('unhandledrejection', (e) => {
      showError(e.reason);
    });
  }

  /** fn wrapped so that a thrown error or a rejected promise is shown in the page. */
  function guard(fn) {
    return function() {
      try {
        const r = fn.apply(this, arguments);
        if (r && typeof r.then === 'function') {
          return r.then(undefined, (e) => {
            showError(e);
          });
        }
        return r;
      } catch (e) {
        showError(e);
        return undefined;
      }
    };
  }

  /**
   * Runs `load(onProgress)` (e.g. `p => tf.loadLayersModel(url, {onProgress: p})`) under a progress
   * bar; the bar completes when the promise resolves and shows the failure when it rejects.
   */
  function loadWithProgress(label, parent, load) {
    const bar = progress(parent, label);
    bar.busy('starting');
    const t0 = performance.now();
    return Promise.resolve().then(() => load((f) => bar.set(f))).then((v) => {
      bar.done('done in ' + ((performance.now() - t0) / 1000).toFixed(1) + ' s');
      return v;
    }, (e) => {
      bar.fail('failed');
      throw e;
    });
  }

  root.samovarUI = {progress, showError, catchErrors, guard, loadWithProgress, errorText};
})(typeof window !== 'undefined' ? window : this);
