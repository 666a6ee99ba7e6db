import { escapeHtml } from './escape-html.js';

// Self-contained pages: nothing may be fetched, only inline style, script and data: images run.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** The opening of a self-contained HTML page, up to and including <body>. */
export function htmlDocumentHead(title: string, style: string, language: 'zh' | 'en' = 'en'): string[] {
  return [
    '<!doctype html>',
    `<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
  ];
}
