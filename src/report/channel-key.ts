/** A platform's identity in findings, scores and output: kind and quoted name ("微博“灵武民政”", "政府网站"). */
export function channelKey(channel: { readonly kind: string; readonly name: string | null }): string {
  return channel.name ? `${channel.kind}“${channel.name}”` : channel.kind;
}
