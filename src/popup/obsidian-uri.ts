/**
 * The `obsidian://new` URI for a note (https://help.obsidian.md/Extending+Obsidian/Obsidian+URI).
 * Obsidian wants every value percent-encoded with %20 for spaces (URLSearchParams' `+` would stay a
 * plus in the note's name), and `clipboard` is a bare flag: it reads the note from the clipboard
 * (Obsidian 1.7.2+), so a long note is not cut short by the length limits of URIs.
 */
export interface ObsidianNote {
  vault: string;
  folder: string;
  /** The note's name without `.md`. */
  name: string;
  markdown: string;
  open: boolean;
}

/** Longer URIs go through the clipboard: some systems cut an external URI near 2 KB. */
export const CONTENT_URI_MAX = 2000;

export type ObsidianLaunch = { uri: string; viaClipboard: boolean };

export function notePath(folder: string, name: string): string {
  const dir = folder.split(/[\\/]+/).map((p) => p.trim()).filter((p) => p && p !== '.' && p !== '..').join('/');
  return dir ? `${dir}/${name}` : name;
}

export function obsidianUri(note: ObsidianNote): ObsidianLaunch {
  const params: string[] = [];
  if (note.vault) params.push(`vault=${encodeURIComponent(note.vault)}`);
  params.push(`file=${encodeURIComponent(notePath(note.folder, note.name))}`);
  if (!note.open) params.push('silent=true');
  const head = `obsidian://new?${params.join('&')}`;
  const withContent = `${head}&content=${encodeURIComponent(note.markdown)}`;
  if (withContent.length <= CONTENT_URI_MAX) return { uri: withContent, viaClipboard: false };
  return { uri: `${head}&clipboard`, viaClipboard: true };
}
