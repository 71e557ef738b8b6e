// Generates the pages of web/ that must not be kept by hand (run by web/pom.xml after samovar.js is
// assembled; `node web/src/build/gen-pages.mjs SAMOVAR_JS README_MD OUT_DIR`):
//   api.html        every function the built samovar.js exports, walked recursively from the
//                   `samovar` namespace (and the methods of its classes), with the parameter list
//                   read from the function's own source text (Function.prototype.toString);
//   from-tfjs.html  README.md's "Coming from TF.js" section (README is the one source).
import {createRequire} from 'node:module';
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {resolve, join} from 'node:path';

const [samovarJs, readmeMd, outDir] = process.argv.slice(2);
if (!samovarJs || !readmeMd || !outDir) {
  console.error('usage: node gen-pages.mjs SAMOVAR_JS README_MD OUT_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const samovar = require(resolve(samovarJs));
mkdirSync(outDir, {recursive: true});

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

// ---- parameter lists --------------------------------------------------------------------------

/** The text between the first '(' of `src` and its matching ')', or null. */
function balancedParens(src, open) {
  let depth = 0;
  let quote = null;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') {
        i++;
      } else if (c === quote) {
        quote = null;
      }
      continue;
    }
    if (c === '"' || c === '\'' || c === '`') {
      quote = c;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        return src.slice(open + 1, i);
      }
    }
  }
  return null;
}

/** The parameter list of `fn` as written in its source ("a, b = 1, {x} = {}"). */
export function paramList(fn) {
  const src = Function.prototype.toString.call(fn).replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*\n/g, '\n');
  if (/\{\s*\[native code\]\s*\}\s*$/.test(src)) {
    return '';
  }
  // Arrow function with one bare parameter: `x => ...` / `async x => ...`.
  const bare = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(src);
  if (bare) {
    return bare[1];
  }
  const open = src.indexOf('(');
  if (open < 0) {
    return '';
  }
  const inner = balancedParens(src, open);
  return inner == null ? '' : inner.replace(/\s+/g, ' ').trim();
}

// ---- walking the namespace --------------------------------------------------------------------

function isClass(fn) {
  if (typeof fn !== 'function' || !fn.prototype) {
    return false;
  }
  const own = Object.getOwnPropertyNames(fn.prototype).filter((k) => k !== 'constructor');
  return own.length > 0 && /^[A-Z]/.test(fn.name || '');
}

/** Walks `ns` and returns {functions, classes, constants}, each keyed by dotted path. */
export function walk(ns, prefix = 'tf') {
  const functions = [];
  const classes = [];
  const constants = [];
  // Objects on the current path only: an object reachable under two names (tf.train is also
  // tf.OptimizerConstructors) is listed under both; only cycles are cut.
  const ancestors = [];
  (function visit(obj, path) {
    if (ancestors.indexOf(obj) >= 0) {
      return;
    }
    ancestors.push(obj);
    for (const key of Object.keys(obj).sort()) {
      const v = obj[key];
      const p = path + '.' + key;
      if (typeof v === 'function') {
        if (isClass(v)) {
          const methods = [];
          for (const m of Object.getOwnPropertyNames(v.prototype).sort()) {
            if (m === 'constructor') {
              continue;
            }
            const d = Object.getOwnPropertyDescriptor(v.prototype, m);
            if (typeof d.value === 'function') {
              methods.push({name: m, params: paramList(d.value)});
            } else if (d.get) {
              methods.push({name: m, getter: true});
            }
          }
          classes.push({path: p, params: paramList(v), methods});
        } else {
          functions.push({path: p, params: paramList(v)});
        }
        // Functions may carry properties of their own (rare); walk them as a namespace.
        if (Object.keys(v).length > 0) {
          visit(v, p);
        }
      } else if (v && typeof v === 'object' && !Array.isArray(v)) {
        const before = functions.length + classes.length;
        visit(v, p);
        if (functions.length + classes.length === before) {
          constants.push({path: p, value: safeJson(v)});
        }
      } else {
        constants.push({path: p, value: safeJson(v)});
      }
    }
    ancestors.pop();
  })(ns, prefix);
  return {functions, classes, constants};
}

function safeJson(v) {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s;
  } catch (e) {
    return String(v);
  }
}

// ---- pages --------------------------------------------------------------------------------------

function page(title, navActive, body, extraHead = '') {
  const nav = [['index.html', 'Home'], ['getting-started.html', 'Getting started'],
    ['playground.html', 'Playground'], ['api.html', 'API'], ['from-tfjs.html', 'Coming from TF.js'],
    ['demos/', 'Demos']];
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(title)} · Samovar</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="style.css">${extraHead}
</head>
<body>
<header class="top">
  <a class="brand" href="index.html">Samovar</a>
  <nav>${nav.map(([h, t]) => `<a href="${h}"${t === navActive ? ' class="active"' : ''}>${t}</a>`).join('')}</nav>
</header>
<main>
${body}
</main>
<footer>Samovar ${esc(samovar.version && samovar.version.samovar || '')} &middot; TF.js-compatible API (${esc(samovar.version && samovar.version.tfjs || '')}) &middot; this page is generated from the build</footer>
</body>
</html>
`;
}

function apiPage() {
  const {functions, classes, constants} = walk(samovar);
  const groups = new Map();
  for (const f of functions) {
    const ns = f.path.slice(0, f.path.lastIndexOf('.'));
    if (!groups.has(ns)) {
      groups.set(ns, []);
    }
    groups.get(ns).push(f);
  }
  const nsOrder = Array.from(groups.keys()).sort((a, b) => (a === 'tf' ? -1 : b === 'tf' ? 1 : a.localeCompare(b)));
  const sig = (name, params) => `<code class="sig"><span class="fn">${esc(name)}</span>(${esc(params)})</code>`;
  let body = `<h1>API reference</h1>
<p class="lead">Everything <code>samovar.js</code> exports, generated from the built file: the build loads it,
walks the <code>samovar</code> namespace (used as <code>tf</code>) and lists every function with the parameters
its source declares. ${functions.length} functions, ${classes.length} classes
(${classes.reduce((n, c) => n + c.methods.length, 0)} methods and properties). The names, arguments and defaults
follow TensorFlow.js 4.22; see <a href="https://js.tensorflow.org/api/4.22.0/">its documentation</a> for what each does.</p>
<p><input id="api-filter" type="search" placeholder="Filter, e.g. conv or losses." autocomplete="off"></p>
<nav class="toc">${nsOrder.map((ns) => `<a href="#ns-${esc(ns)}">${esc(ns)}</a>`).join(' ')}
${classes.length ? '<a href="#classes">classes</a>' : ''} <a href="#constants">constants</a></nav>
`;
  for (const ns of nsOrder) {
    body += `<h2 id="ns-${esc(ns)}">${esc(ns)}</h2>\n<ul class="api">\n`;
    for (const f of groups.get(ns)) {
      body += `  <li class="api-entry" id="${esc(f.path)}" data-path="${esc(f.path)}">${sig(f.path, f.params)}</li>\n`;
    }
    body += '</ul>\n';
  }
  if (classes.length) {
    body += '<h2 id="classes">Classes</h2>\n';
    for (const c of classes) {
      body += `<h3 class="api-entry" id="${esc(c.path)}" data-path="${esc(c.path)}">${sig(c.path, c.params)}</h3>\n<ul class="api">\n`;
      for (const m of c.methods) {
        const p = c.path + '.prototype.' + m.name;
        body += m.getter ?
          `  <li class="api-entry" id="${esc(p)}" data-path="${esc(p)}"><code class="sig"><span class="fn">.${esc(m.name)}</span></code> <span class="muted">property</span></li>\n` :
          `  <li class="api-entry" id="${esc(p)}" data-path="${esc(p)}">${sig('.' + m.name, m.params)}</li>\n`;
      }
      body += '</ul>\n';
    }
  }
  body += '<h2 id="constants">Constants</h2>\n<ul class="api">\n';
  for (const k of constants) {
    body += `  <li class="api-entry" id="${esc(k.path)}" data-path="${esc(k.path)}"><code>${esc(k.path)}</code> = <code>${esc(k.value)}</code></li>\n`;
  }
  body += `</ul>
<script>
  (function() {
    var input = document.getElementById('api-filter');
    input.addEventListener('input', function() {
      var q = input.value.toLowerCase();
      document.querySelectorAll('.api-entry').forEach(function(el) {
        el.style.display = !q || el.getAttribute('data-path').toLowerCase().indexOf(q) >= 0 ? '' : 'none';
      });
    });
  })();
</script>`;
  return page('API reference', 'API', body);
}

// ---- a small Markdown subset (what README uses) -------------------------------------------------

function inline(s) {
  let out = '';
  const parts = s.split(/(`[^`]*`)/);
  for (const part of parts) {
    if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) {
      out += '<code>' + esc(part.slice(1, -1)) + '</code>';
    } else {
      out += esc(part).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
          .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
    }
  }
  return out;
}

export function markdown(md) {
  const lines = md.split('\n');
  let html = '';
  let para = [];
  let list = null;
  const flushPara = () => {
    if (para.length) {
      html += '<p>' + inline(para.join(' ')) + '</p>\n';
      para = [];
    }
  };
  const flushList = () => {
    if (list) {
      html += '<ul>\n' + list.map((item) => '  <li>' + inline(item) + '</li>\n').join('') + '</ul>\n';
      list = null;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flushPara();
      flushList();
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) {
        code.push(lines[i]);
      }
      html += '<pre><code>' + esc(code.join('\n')) + '</code></pre>\n';
      continue;
    }
    const h = /^(#{2,4})\s+(.*)$/.exec(line);
    if (h) {
      flushPara();
      flushList();
      const level = h[1].length;
      html += `<h${level}>${inline(h[2])}</h${level}>\n`;
      continue;
    }
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (item) {
      flushPara();
      list = list || [];
      list.push(item[1]);
      continue;
    }
    if (!line.trim()) {
      flushPara();
      flushList();
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list[list.length - 1] += ' ' + line.trim();
      continue;
    }
    flushList();
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return html;
}

/** README's section `## title` up to the next `## ` heading. */
export function section(md, title) {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.trim() === '## ' + title);
  if (start < 0) {
    throw new Error(readmeMd + ': no "## ' + title + '" section (the Coming from TF.js page is generated from it)');
  }
  let end = start + 1;
  while (end < lines.length && !/^## /.test(lines[end])) {
    end++;
  }
  return lines.slice(start + 1, end).join('\n');
}

function fromTfjsPage() {
  const md = readFileSync(readmeMd, 'utf8');
  const body = `<h1>Coming from TF.js</h1>
<p class="lead">Existing TensorFlow.js code runs with <code>const tf = samovar;</code>. What is the same and what
differs (this page is generated from the README, so both say the same).</p>
${markdown(section(md, 'Coming from TF.js'))}
<p>Every exported name with its parameters: <a href="api.html">API reference</a>.</p>`;
  return page('Coming from TF.js', 'Coming from TF.js', body);
}

writeFileSync(join(outDir, 'api.html'), apiPage());
writeFileSync(join(outDir, 'from-tfjs.html'), fromTfjsPage());
const {functions, classes} = walk(samovar);
console.log(`gen-pages: api.html (${functions.length} functions, ${classes.length} classes), from-tfjs.html -> ${outDir}`);
