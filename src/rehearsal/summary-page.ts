/**
 * Step summaries (GitHub-flavoured Markdown with ```mermaid blocks) as HTML pages, for a
 * reviewer's eye and a screenshot: Markdown by `marked` (GFM), every Mermaid block drawn in
 * the page by the `mermaid` package's browser bundle.
 *
 * `mermaid` is a devDependency (its bundle is 5 MB, the package with its dependencies 200 MB,
 * too much for lanekit to ship): a checkout after `npm ci` has it; without it a page shows the
 * charts' source. The page renders the Markdown's HTML as it is (GitHub would sanitize it), so
 * give it summaries lanekit wrote.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Marked } from 'marked';
import { ROOT } from './runner.ts';

/** Set on <body> when every Mermaid block is drawn (`done`) or one failed (`error`). */
export const RENDER_STATUS_ATTRIBUTE = 'data-render-status';

export interface SummaryPageOptions {
  readonly title: string;
  /** Open every <details> so that folded charts are drawn and seen (a screenshot wants this). */
  readonly openDetails?: boolean;
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const markdown = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      // Mermaid reads the block's textContent, so the source is HTML-escaped like any text.
      return lang === 'mermaid' ? `<pre class="mermaid">${escapeHtml(text)}</pre>\n` : false;
    },
  },
});

/** The page's body: the summary's Markdown as HTML, Mermaid blocks as `<pre class="mermaid">`. */
export function summaryBodyHtml(summaryMarkdown: string): string {
  return markdown.parse(summaryMarkdown, { async: false });
}

/** The installed mermaid browser bundle's path, or undefined when mermaid is not installed. */
export function mermaidBundlePath(): string | undefined {
  try {
    return createRequire(join(ROOT, 'package.json')).resolve('mermaid/dist/mermaid.min.js');
  } catch {
    return undefined;
  }
}

/**
 * The mermaid bundle as a data URL, for a page that stands alone: inlined as text it would
 * need escaping, since it holds `<!--`, which changes how HTML parses a <script> element's end.
 */
export function mermaidDataUrl(): string {
  const path = mermaidBundlePath();
  if (path === undefined) throw new Error('mermaid is not installed: run npm ci');
  return `data:text/javascript;base64,${readFileSync(path).toString('base64')}`;
}

/** A page of one summary, Mermaid inlined; it sets RENDER_STATUS_ATTRIBUTE on <body> when drawing ends. */
export function summaryPage(summaryMarkdown: string, options: SummaryPageOptions): string {
  return htmlPage(summaryBodyHtml(summaryMarkdown), { ...options, mermaidSrc: mermaidDataUrl() });
}

/**
 * A page of `bodyHtml` that draws its Mermaid blocks with the script at `mermaidSrc` (none:
 * the blocks stay source, and RENDER_STATUS_ATTRIBUTE says `no-mermaid`).
 */
export function htmlPage(
  bodyHtml: string,
  options: SummaryPageOptions & { readonly mermaidSrc: string | undefined },
): string {
  const body = bodyHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
  body { margin: 0; background: #fff; color: #1f2328; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  main { max-width: 1012px; margin: 0 auto; padding: 24px 32px; }
  h1, h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
  pre.mermaid { background: none; text-align: center; }
  details { margin: 0 0 16px; }
  a { color: #0969da; }
</style>
</head>
<body>
<main>
${body}
</main>
${options.mermaidSrc === undefined ? '' : `<script src="${escapeHtml(options.mermaidSrc)}"></script>`}
<script>
  (async () => {
    const status = (value, message) => {
      document.body.setAttribute(${JSON.stringify(RENDER_STATUS_ATTRIBUTE)}, value);
      if (message) document.body.setAttribute('data-render-error', message);
    };
    if (typeof mermaid === 'undefined') return status('no-mermaid');
    try {
      ${options.openDetails === true ? "document.querySelectorAll('details').forEach((d) => { d.open = true; });" : ''}
      // GitHub draws Mermaid with its default theme and strict security: no scripts, no clicks.
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
      await mermaid.run({ querySelector: 'pre.mermaid' });
      status('done');
    } catch (error) {
      status('error', String(error && error.message || error));
    }
  })();
</script>
</body>
</html>
`;
}
