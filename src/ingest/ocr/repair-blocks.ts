/**
 * OCR repair of a scan read into blocks by its layout (a scanned PDF, an image): every piece of text
 * the blocks hold is repaired as one text, each piece its own stretch of context, and put back where it
 * was — so a heading, a list item and a table cell are repaired as surely as running text.
 */
import type { Block } from '../parse/blocks.js';
import { textsOf, withTexts } from '../parse/blocks.js';
import type { Language } from './language.js';
import { repairOcr, type RepairedText } from './repair.js';

/** A blank line between pieces: repair reads no word context across it and never joins words over it. */
const BETWEEN = '\n\n';

export function repairBlocks(blocks: Block[], { model, lexicon }: Language): Omit<RepairedText, 'text'> & { blocks: Block[] } {
  const texts = textsOf(blocks).map((t) => t.replace(/\n{2,}/g, '\n'));
  const { text, ...repaired } = repairOcr(texts.join(BETWEEN), model, lexicon);
  const back = text.split(BETWEEN);
  if (back.length !== texts.length) throw new Error(`OCR repair changed the layout: ${texts.length} pieces of text became ${back.length}`);
  return { ...repaired, blocks: withTexts(blocks, back) };
}
