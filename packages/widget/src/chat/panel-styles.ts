/** The panel's styles, shipped with the lazy chat bundle. */
export const PANEL_CSS = `
[data-hs=panel]{all:initial;box-sizing:border-box;position:absolute;bottom:68px;right:0;width:360px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;color:#111827;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.22);overflow:hidden;font:inherit}
:host([data-side=left]) [data-hs=panel]{right:auto;left:0}
.hs-head{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--hs-accent);color:#fff}
.hs-title{flex:1;font-weight:600}
.hs-head button,.hs-form button{all:initial;font:inherit;cursor:pointer;border-radius:8px;padding:6px 10px}
.hs-head button{color:#fff;background:rgba(255,255,255,.16)}
.hs-head button:focus-visible,.hs-form button:focus-visible,.hs-form textarea:focus-visible{outline:2px solid #111827;outline-offset:2px}
.hs-list{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f9fafb}
.hs-msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.hs-visitor{align-self:flex-end;background:var(--hs-accent);color:#fff}
.hs-assistant,.hs-operator,.hs-system{align-self:flex-start;background:#fff;border:1px solid #e5e7eb}
.hs-note{align-self:center;font-size:12px;color:#6b7280}
.hs-error{align-self:stretch;font-size:13px;color:#991b1b;background:#fef2f2;border-radius:8px;padding:8px}
.hs-form{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb}
.hs-form textarea{all:initial;box-sizing:border-box;font:inherit;flex:1;resize:none;min-height:38px;max-height:120px;padding:8px 10px;border:1px solid #d1d5db;border-radius:8px;background:#fff;color:#111827}
.hs-form button{background:var(--hs-accent);color:#fff;font-weight:600}
.hs-form button[disabled]{opacity:.5;cursor:default}
@media (max-width:480px){[data-hs=panel]{position:fixed;inset:0;width:auto;max-width:none;height:auto;max-height:none;border-radius:0}}`;
