/**
 * sentences: text → the pieces read aloud, with their offsets in the text (the reader highlights
 * the piece being spoken). Sentences end at 。！？； and line ends; "." "!" "?" ";" end one only
 * before a space or the end, so 3.5%, 1.2亿 and "U.S. stocks" stay whole. A piece longer than `max`
 * is cut after its last comma that fits: speech engines stall or stop on long utterances (Chrome's
 * network voices stop after about 15 s, some 60 Chinese characters).
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// The end mark with the closing quotes and brackets that belong to its sentence (「好。」).
// A single capital before the dot is an initial (U.S., J. P. Morgan), not a sentence end.
const END = /(?:[。！？；]+|(?<!(?:^|[^A-Za-z])[A-Z])[.!?;]+(?=\s|$))[」』”’"'）)\]】]*|\n/g;
const COMMA = /[，、,：:]/g;
const SPEAKABLE = /[\p{L}\p{N}]/u;
export const MAX_PIECE = 60;

export function splitSentences(text: string, max = MAX_PIECE): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const ends = [...text.matchAll(END)].map((m) => m.index + m[0].length).concat(text.length);
  for (const to of ends) {
    if (to > from) cutLong(text, from, to, max, out);
    from = to;
  }
  return out;
}

function cutLong(text: string, start: number, end: number, max: number, out: Sentence[]): void {
  while (start < end) {
    // Leading and trailing spaces are not part of a sentence.
    while (start < end && /\s/.test(text[start])) start++;
    let stop = end;
    while (stop > start && /\s/.test(text[stop - 1])) stop--;
    if (stop - start > max) stop = cutAt(text, start, start + max);
    const piece = text.slice(start, stop);
    if (SPEAKABLE.test(piece)) out.push({ start, end: start + piece.trimEnd().length, text: piece.trimEnd() });
    start = stop;
  }
}

/** After the last comma before `limit`, else the last space, else at `limit`. */
function cutAt(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  let at = -1;
  for (const m of window.matchAll(COMMA)) if (m.index > 0) at = m.index + 1;
  if (at < 0) at = window.lastIndexOf(' ') + 1;
  return at > 0 ? start + at : limit;
}
