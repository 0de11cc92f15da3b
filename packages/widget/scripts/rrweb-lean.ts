import { readFile } from 'node:fs/promises';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Cuts from @rrweb/record the code that only runs for options Hindsight never sets, ~6 KB gzip of every
 * visitor's download, and makes edits that cut what it costs the page (EDITS). Sentry's replay strips rrweb the
 * same way at build time (`__RRWEB_EXCLUDE_CANVAS__`, `__RRWEB_EXCLUDE_IFRAME__`). What Hindsight records is
 * unchanged (test/browser/rrweb-lean.test.ts compares it with stock rrweb's): same-origin iframes, shadow roots,
 * styles and every observer it uses stay.
 *
 * Pinned to the exact @rrweb/record version: the build fails loudly if a marker moves.
 */
export const RRWEB_RECORD_VERSION = '2.1.6';

interface Cut {
  /** Why the section can go. */
  why: string;
  /** The section runs from `from` (included) to `to` (kept). */
  from: string;
  to: string;
  replacement: string;
}

const CUTS: Cut[] = [
  {
    why: 'canvas and WebGL recording (`recordCanvas`): it would send pixels of whatever a page draws',
    from: 'var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";\nvar lookup',
    to: '\nclass StylesheetManager {',
    replacement: 'class CanvasManager {\n  reset() {}\n  freeze() {}\n  unfreeze() {}\n  lock() {}\n  unlock() {}\n}\n',
  },
  {
    // Cross-origin iframes are recorded only by an rrweb running inside them (`recordCrossOriginIframes`),
    // which Hindsight's widget never is. Same-origin iframes are attached as before.
    why: 'cross-origin iframe messages and their id mirrors (`recordCrossOriginIframes`)',
    from: 'class CrossOriginIframeMirror {',
    to: 'class ShadowDomManager {',
    replacement: `class IframeManager {
  constructor(options) {
    this.iframes = new WeakMap();
    this.mutationCb = options.mutationCb;
    this.stylesheetManager = options.stylesheetManager;
    this.mirror = options.mirror;
  }
  addIframe(iframeEl) {
    this.iframes.set(iframeEl, true);
  }
  addLoadListener(cb) {
    this.loadListener = cb;
  }
  attachIframe(iframeEl, childSn) {
    this.mutationCb({
      adds: [{ parentId: this.mirror.getId(iframeEl), nextId: null, node: childSn }],
      removes: [],
      texts: [],
      attributes: [],
      isAttachIframe: true
    });
    if (this.loadListener) this.loadListener(iframeEl);
    const doc = iframeEl.contentDocument;
    if (doc && doc.adoptedStyleSheets && doc.adoptedStyleSheets.length > 0)
      this.stylesheetManager.adoptStyleSheets(doc.adoptedStyleSheets, this.mirror.getId(doc));
  }
}
`,
  },
  {
    // Hindsight sets neither option: a canvas's pixels or an image's bytes never go into a snapshot.
    why: 'canvas pixels and inlined images in snapshots (`recordCanvas`, `inlineImages`)',
    from: '  if (tagName === "canvas" && recordCanvas) {',
    to: '  if (["audio", "video"].includes(tagName)) {',
    replacement: '',
  },
  {
    why: 'web font recording (`collectFonts`)',
    from: 'function initFontObserver(',
    to: '\nfunction initSelectionObserver(',
    replacement: 'function initFontObserver() {\n  return () => {};\n}\n',
  },
  {
    // rrdom's virtual nodes exist only in the replayer; a recorded page's nodes are never instances of it.
    why: "rrdom's node class, only tested with instanceof",
    from: 'class BaseRRNode {',
    to: '\nfunction on(',
    replacement: 'class BaseRRNode {\n}\n',
  },
];

interface Edit {
  why: string;
  /** Text found exactly once in the source, replaced by `to`. */
  from: string;
  to: string;
}

const EDITS: Edit[] = [
  {
    // \`delete\` of a property that is not the last one added drops V8's hidden class: every serialized element
    // became a dictionary-mode object, which JSON.stringify takes the slow path for (measured in Chromium 156:
    // a 1.3 MB full snapshot took 16-25 ms to stringify, 7-9 ms with this edit). An undefined property is left
    // out of the JSON just the same, so what is recorded does not change.
    why: 'serialized elements kept in fast mode (needBlock cleared, not deleted)',
    from: 'delete serializedNode.needBlock;',
    to: 'serializedNode.needBlock = void 0;',
  },
  {
    // rrweb checks that the page has not patched the DOM getters it reads, and where it has, takes clean ones
    // from a fresh iframe. `querySelector` and `querySelectorAll` are methods, not getters, so the check for
    // Element always failed and every page built and tore down an iframe (a new document and JS context, ~4 ms
    // on the main thread per page load in Chromium 156) on its first full snapshot. Checked as methods, a page
    // that did patch them still gets the iframe. The fix of rrweb-io/rrweb#1802.
    why: 'Element methods checked as methods (no needless iframe per page)',
    from: '  Element: ["shadowRoot", "querySelector", "querySelectorAll"],\n  MutationObserver: []\n};\nconst testableMethods = {\n  Node: ["contains", "getRootNode"],\n  ShadowRoot: ["getSelection"],\n  Element: [],',
    to: '  Element: ["shadowRoot"],\n  MutationObserver: []\n};\nconst testableMethods = {\n  Node: ["contains", "getRootNode"],\n  ShadowRoot: ["getSelection"],\n  Element: ["querySelector", "querySelectorAll"],',
  },
  {
    // A custom element's name always holds a hyphen (the HTML standard's valid custom element name), so for any
    // other tag the registry lookup, made for every serialized element, can only answer undefined.
    why: 'custom element registry asked only for names that can be one',
    from: 'if (customElements.get(tagName)) isCustomElement = true;',
    to: 'if (tagName.includes("-") && customElements.get(tagName)) isCustomElement = true;',
  },
  // Reading `childNodes` makes Blink build and keep a NodeList for that node, the first time for each: rrweb read
  // it for every node it serialized, added or removed (a full snapshot of the bench's large page built ~12,000 of
  // them, and every sort of its 1,000 rows ~20,000 more). Walking firstChild/nextSibling visits the same nodes in
  // the same order and builds none: measured in Chromium 156 on that page, its first full snapshot took 139 ms
  // instead of 183, and four reorders of its rows 516 ms instead of 695; the recorded events were identical.
  {
    why: 'children walked by sibling (helper)',
    from: '\n  mutationObserverCtor,\n  patch\n};\n',
    to: '\n  mutationObserverCtor,\n  patch\n};\nfunction forEachChild(n, visit) {\n  for (let child = index.firstChild(n); child; child = index.nextSibling(child)) visit(child);\n}\n',
  },
  {
    why: 'children walked by sibling (serializeNodeWithId)',
    from: 'for (const childN of Array.from(index.childNodes(n))) {',
    to: 'for (let childN = index.firstChild(n); childN; childN = index.nextSibling(childN)) {',
  },
  {
    why: 'children walked by sibling (needMaskingText)',
    from: 'if (!index.childNodes(el).length) {',
    to: 'if (!index.firstChild(el)) {',
  },
  {
    why: 'children walked by sibling (genAdds)',
    from: 'index.childNodes(n).forEach((childN) => this.genAdds(childN));',
    to: 'forEachChild(n, (childN) => this.genAdds(childN));',
  },
  {
    why: 'children walked by sibling (deepDelete)',
    from: 'index.childNodes(n).forEach((childN) => deepDelete(addsSet, childN));',
    to: 'forEachChild(n, (childN) => deepDelete(addsSet, childN));',
  },
  {
    why: 'children walked by sibling (processRemoves)',
    from: 'index.childNodes(next).forEach((n2) => queue.push(n2));',
    to: 'forEachChild(next, (n2) => queue.push(n2));',
  },
  {
    why: 'children walked by sibling (Mirror.removeNodeFromMap)',
    from: 'if (n.childNodes) {\n      n.childNodes.forEach(\n        (childNode) => this.removeNodeFromMap(childNode)\n      );\n    }',
    to: 'forEachChild(n, (childNode) => this.removeNodeFromMap(childNode));',
  },
];

/** Applies every cut and edit to @rrweb/record's source; throws unless each marker is found exactly once. */
export function cutRrweb(source: string): string {
  let result = source;
  for (const edit of EDITS) {
    const at = result.indexOf(edit.from);
    if (at < 0 || result.indexOf(edit.from, at + 1) >= 0) {
      throw new Error(`rrweb-lean: the text of "${edit.why}" was not found exactly once`);
    }
    result = result.slice(0, at) + edit.to + result.slice(at + edit.from.length);
  }
  for (const cut of CUTS) {
    const start = result.indexOf(cut.from);
    const end = result.indexOf(cut.to, start);
    if (start < 0 || end < start || result.indexOf(cut.from, start + 1) >= 0 || result.indexOf(cut.to, end + 1) >= 0) {
      throw new Error(`rrweb-lean: the markers of "${cut.why}" were not found exactly once`);
    }
    result = result.slice(0, start) + cut.replacement + result.slice(end);
  }
  return result;
}

export function rrwebLean(): Plugin {
  return {
    name: 'rrweb-lean',
    setup(build) {
      build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
        const manifest = JSON.parse(await readFile(args.path.replace(/dist[\\/]record\.js$/, 'package.json'), 'utf8'));
        if (manifest.version !== RRWEB_RECORD_VERSION) {
          throw new Error(`rrweb-lean expects @rrweb/record ${RRWEB_RECORD_VERSION}, found ${manifest.version}`);
        }
        return { contents: cutRrweb(await readFile(args.path, 'utf8')), loader: 'js' };
      });
    },
  };
}
