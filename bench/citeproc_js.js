// citeproc-js (Zotero's CSL processor) as the reference for bench/cite_reference.py:
//   NODE_PATH=DIR/node_modules CSL_LANG=en-US node citeproc_js.js STYLE.csl ITEMS.json LOCALE_DIR [bib|note]
const fs = require('fs'); const path = require('path');
const CSL = require('citeproc');
const [styleFile, itemsFile, localeDir, mode] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const sys = {
  retrieveLocale: lang => { const f = path.join(localeDir, `locales-${lang}.xml`); return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : false; },
  retrieveItem: id => byId[id],
};
const out = [];
for (const it of items) {
  const engine = new CSL.Engine(sys, fs.readFileSync(styleFile, 'utf8'), process.env.CSL_LANG || 'en-US');
  engine.setOutputFormat('text');
  if (mode === 'note') {
    const [, cits] = engine.processCitationCluster({citationItems: [{id: it.id}], properties: {noteIndex: 1}}, [], []);
    out.push(cits[0][1]);
  } else {
    engine.updateItems([it.id]);
    out.push(engine.makeBibliography()[1].join('').trim());
  }
}
console.log(JSON.stringify(out));
