/** Browser, OS and device class read from a User-Agent header; `null` where it cannot tell. */
export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
  device: 'desktop' | 'mobile' | 'tablet' | 'bot' | null;
}

// Order matters: many browsers also claim to be Chrome and Safari, so the specific tokens come first.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bFirefox\/(\d+)|\bFxiOS\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\b(?:Chromium|HeadlessChrome)\/(\d+)/, 'Chromium'],
  [/\bChrome\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

const OPERATING_SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const BOT = /bot|crawler|spider|crawling|Lighthouse|HeadlessChrome|PhantomJS/i;

export function parseUserAgent(userAgent: string | null | undefined): ParsedUserAgent {
  if (!userAgent) return { browser: null, os: null, device: null };
  return { browser: readBrowser(userAgent), os: readOs(userAgent), device: readDevice(userAgent) };
}

function readBrowser(ua: string): string | null {
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      const version = match.slice(1).find((group) => group !== undefined);
      return version ? `${name} ${version}` : name;
    }
  }
  return null;
}

function readOs(ua: string): string | null {
  for (const [pattern, name] of OPERATING_SYSTEMS) if (pattern.test(ua)) return name;
  return null;
}

function readDevice(ua: string): ParsedUserAgent['device'] {
  if (BOT.test(ua)) return 'bot';
  if (/\biPad\b|\bTablet\b/.test(ua) || (/\bAndroid\b/.test(ua) && !/\bMobile\b/.test(ua))) return 'tablet';
  if (/\bMobi|\biPhone\b|\biPod\b/.test(ua)) return 'mobile';
  return 'desktop';
}
