/**
 * Escaped text with every tab in `<span class="tab">`: report table rows are tab-separated cells,
 * and in a proportional font "564\t984\t4185" ran together. The page's CSS gives each span at
 * least 2em (`.tab { display: inline-block; min-width: 2em; }`). Pass text already escaped.
 */
export function spanTabs(escapedText: string): string {
  return escapedText.replace(/\t/g, '<span class="tab">\t</span>');
}
