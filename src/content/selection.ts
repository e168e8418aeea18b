/** The current selection as HTML (for "Copy selection as Markdown"); empty when nothing is selected. */
export function selectionHtml(doc: Document): string {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed) return '';
  const box = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}
