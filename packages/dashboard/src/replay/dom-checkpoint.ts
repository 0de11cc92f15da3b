/**
 * Checkpoints of a replayed page: a copy of the replay iframe's DOM at a moment, with the rrweb node id (and
 * mirror meta) of every node, so a replayer can be put back into that state without re-applying every event
 * since the last full snapshot. rrweb has none (rrweb-io/rrweb#6 proposed them in 2018): its seek replays
 * everything from the last full snapshot (rrweb-io/rrweb#1281).
 *
 * The copy stays a detached tree of the (sandboxed) replay iframe's document and is only ever inserted into
 * another replay iframe: recorded content never enters the dashboard's own document.
 */

/** The slice of rrweb's Mirror a checkpoint needs (rrweb-player bundles its own class). */
export interface MirrorLike {
  getMeta(node: Node): { id: number } | null;
  add(node: Node, meta: { id: number }): void;
  reset(): void;
}

export interface DomCheckpoint {
  /** Every event with a timestamp below this one is applied in the copy. */
  timestamp: number;
  root: Element;
  /** Mirror meta per node, in `walk` order (null: a node rrweb does not track, e.g. its own injected styles). */
  metas: ({ id: number } | null)[];
  documentMeta: { id: number } | null;
  doctypeMeta: { id: number } | null;
  /** Form values, checkedness and scroll offsets by node index (not all of them survive cloning). */
  values: [index: number, value: string, checked: boolean][];
  scrolls: [index: number, top: number, left: number][];
  windowScroll: [x: number, y: number];
  nodeCount: number;
}

/** Visits a node, then its (open) shadow root's children, then its children: the order ids are kept in. */
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  const shadow = (node as Element).shadowRoot;
  if (shadow) for (let c = shadow.firstChild; c; c = c.nextSibling) walk(c, visit);
  for (let c = node.firstChild; c; c = c.nextSibling) walk(c, visit);
}

const isFormField = (node: Node): node is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
  node.nodeName === 'INPUT' || node.nodeName === 'TEXTAREA' || node.nodeName === 'SELECT';

/** Copies the replayed document's state. */
export function captureCheckpoint(doc: Document, mirror: MirrorLike, timestamp: number): DomCheckpoint | null {
  const html = doc.documentElement;
  if (!html) return null;
  const metas: DomCheckpoint['metas'] = [];
  const values: DomCheckpoint['values'] = [];
  const scrolls: DomCheckpoint['scrolls'] = [];
  const clone = (node: Node): Node => {
    const index = metas.length;
    metas.push(mirror.getMeta(node));
    const copy = node.cloneNode(false);
    if (isFormField(node)) values.push([index, node.value, (node as HTMLInputElement).checked === true]);
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.scrollTop || element.scrollLeft) scrolls.push([index, element.scrollTop, element.scrollLeft]);
      if (element.shadowRoot) {
        // Clonable, so importing the copy later brings the shadow tree along.
        const shadow = (copy as Element).attachShadow({ mode: 'open', clonable: true } as ShadowRootInit);
        for (let c = element.shadowRoot.firstChild; c; c = c.nextSibling) shadow.appendChild(clone(c));
      }
    }
    for (let c = node.firstChild; c; c = c.nextSibling) copy.appendChild(clone(c));
    // Rules added through the CSSOM (insertRule) are not in the style element's text: write them in.
    if (node.nodeName === 'STYLE' && copy.firstChild?.nodeType === 3) {
      const rules = (node as HTMLStyleElement).sheet?.cssRules;
      if (rules) (copy.firstChild as Text).data = Array.from(rules, (rule) => rule.cssText).join('\n');
    }
    return copy;
  };
  const root = clone(html) as Element;
  const view = doc.defaultView;
  return {
    timestamp,
    root,
    metas,
    documentMeta: mirror.getMeta(doc),
    doctypeMeta: doc.doctype ? mirror.getMeta(doc.doctype) : null,
    values,
    scrolls,
    windowScroll: [view?.scrollX ?? 0, view?.scrollY ?? 0],
    nodeCount: metas.length,
  };
}

/** Puts a document (a replay iframe's) into a checkpoint's state and points the mirror at the new nodes. */
export function restoreCheckpoint(doc: Document, mirror: MirrorLike, checkpoint: DomCheckpoint): void {
  const root = doc.importNode(checkpoint.root, true);
  if (doc.documentElement) doc.replaceChild(root, doc.documentElement);
  else doc.appendChild(root);
  mirror.reset();
  if (checkpoint.documentMeta) mirror.add(doc, checkpoint.documentMeta);
  if (checkpoint.doctypeMeta && doc.doctype) mirror.add(doc.doctype, checkpoint.doctypeMeta);
  const nodes: Node[] = [];
  walk(root, (node) => {
    const meta = checkpoint.metas[nodes.length];
    nodes.push(node);
    if (meta) mirror.add(node, meta);
  });
  for (const [index, value, checked] of checkpoint.values) {
    const field = nodes[index] as HTMLInputElement | undefined;
    if (!field) continue;
    field.value = value;
    if (field.nodeName === 'INPUT') field.checked = checked;
  }
  for (const [index, top, left] of checkpoint.scrolls) {
    const element = nodes[index] as Element | undefined;
    if (element) element.scrollTo?.(left, top);
  }
  doc.defaultView?.scrollTo(checkpoint.windowScroll[0], checkpoint.windowScroll[1]);
}
