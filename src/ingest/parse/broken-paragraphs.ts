/**
 * A paragraph cut by a page break (and the footnotes printed at the foot of that page) goes on in the
 * next text block when its sentence had not ended and the next block starts in lower case.
 */
import type { Block } from './blocks.js';
import { joinWrappedLines } from '../../text/wrap.js';

const ENDS_SENTENCE = /[.!?:;]["»”)]?$/u;

export function mergeBrokenParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'text' && /^[\p{Ll}]/u.test(block.text)) {
      let k = out.length - 1;
      while (k >= 0 && out[k]!.kind === 'footnote') k--;
      const previous = out[k];
      if (previous?.kind === 'text' && !ENDS_SENTENCE.test(previous.text)) {
        previous.text = joinWrappedLines([previous.text, block.text]);
        continue;
      }
    }
    out.push(block);
  }
  return out;
}
