// Builds the page's assets into the Python package (src/eventwire/web/static/),
// so that `eventwire serve` needs no Node and no network at run time.
// Run: cd web && npm ci && npm run build
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'eventwire', 'web', 'static');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true, minify: true, format: 'iife', target: ['es2020'], outdir: out,
  legalComments: 'eof', logLevel: 'info',
});
await build({
  entryPoints: { app: join(here, 'src', 'style.css') },
  bundle: true, minify: true, outdir: out, loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'img/[name]', logLevel: 'info',
});
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
// The base map: Natural Earth 1:50m country outlines as TopoJSON (public domain data).
copyFileSync(join(here, 'node_modules', 'world-atlas', 'countries-50m.json'), join(out, 'countries-50m.json'));

// Third-party notices for the bundled code and data.
const notices = ['leaflet', 'topojson-client', 'world-atlas'].map((name) => {
  const pkg = JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8'));
  const license = readFileSync(join(here, 'node_modules', name, 'LICENSE'), 'utf8').trim();
  return `${name} ${pkg.version} (${pkg.license})\n\n${license}\n`;
});
writeFileSync(join(out, 'THIRD_PARTY_LICENSES.txt'),
  `Bundled into app.js, app.css and countries-50m.json by web/build.mjs.\n\n${notices.join('\n---\n\n')}`);
