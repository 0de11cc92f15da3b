import { icon } from './icons';

export interface SitePage {
  title: string;
  /** Label of the active main-nav entry. */
  active: string;
  body: string;
  /** The page's own behaviour, as an inline script. */
  script: string;
}

const NAV = [
  ['Shop', '/products'],
  ['Docs', '/docs/getting-started'],
  ['Sign up', '/signup'],
  ['Dashboard', '/dashboard'],
  ['Blog', '#blog'],
  ['Pricing', '#pricing'],
] as const;

const FOOTER = {
  Product: ['Features', 'Integrations', 'Pricing', 'Changelog', 'Roadmap', 'Status'],
  Resources: ['Documentation', 'API reference', 'Guides', 'Community', 'Webinars', 'Templates'],
  Company: ['About', 'Careers', 'Press', 'Partners', 'Contact', 'Brand'],
  Legal: ['Privacy', 'Terms', 'Cookies', 'Security', 'DPA', 'Sub-processors'],
} as const;

/** A full HTML document with the shared header, footer and stylesheet around `body`. */
export function renderSitePage(page: SitePage): string {
  const nav = NAV.map(
    ([label, href]) => `<a href="${href}"${label === page.active ? ' class="active"' : ''}>${label}</a>`,
  ).join('');
  const footer = Object.entries(FOOTER)
    .map(
      ([heading, links]) =>
        `<div><h4>${heading}</h4><ul>${links.map((l) => `<li><a href="#${l.toLowerCase().replace(/\W+/g, '-')}">${l}</a></li>`).join('')}</ul></div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Northwind</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header class="site-header"><div class="container">
  <a class="logo" href="/">${icon('logo')}<span>Northwind</span></a>
  <nav class="main-nav">${nav}</nav>
  <div class="header-actions">
    <button class="btn btn-secondary btn-sm" type="button" aria-label="Notifications">${icon('bell')}</button>
    <button class="btn btn-secondary btn-sm" type="button" aria-label="Account">${icon('user')}</button>
    <a class="btn btn-primary btn-sm" href="/products#cart">${icon('cart')}<span id="cart-count">0</span></a>
  </div>
</div></header>
<main class="container">${page.body}</main>
<footer class="site-footer"><div class="container"><div class="columns">${footer}</div>
<p>© 2026 Northwind Trading Co. All rights reserved.</p></div></footer>
<div class="toast-stack" id="toasts"></div>
<script>
function toast(message) {
  const el = document.createElement('div');
  el.className = 'toast';
  el.textContent = message;
  document.getElementById('toasts').appendChild(el);
  setTimeout(() => el.remove(), 2500);
}
${page.script}
</script>
</body>
</html>`;
}
