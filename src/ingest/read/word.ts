/**
 * A Word file (.docx) as HTML, with mammoth: headings, lists, tables and footnotes as Word marks them,
 * for the same HTML parser as a saved web page. Word numbers headings itself (a numbered heading style);
 * mammoth leaves that numbering out, so it is counted here and written before each heading's text
 * ("2.1 Unge i arbeid"), as the printed letter shows it.
 */
import mammoth from 'mammoth';

type Paragraph = { type: 'paragraph'; styleId?: string; styleName?: string; numbering?: { level: string; isOrdered: boolean } | null; children: Element[] };
type Element = { type: string; children?: Element[]; value?: string; [key: string]: unknown };

/** Heading styles in English and Norwegian Word, with their level. */
const HEADING_STYLE = /^(?:heading|overskrift)\s*([1-6])$/i;

export async function readWord(bytes: Uint8Array): Promise<string> {
  const counters: number[] = [];
  const numberHeading = (paragraph: Paragraph): Paragraph => {
    const style = HEADING_STYLE.exec(paragraph.styleName ?? paragraph.styleId ?? '');
    if (!style || !paragraph.numbering?.isOrdered) return paragraph;
    const level = Number(paragraph.numbering.level);
    counters.length = level + 1;
    counters[level] = (counters[level] ?? 0) + 1;
    for (let i = 0; i < level; i++) counters[i] ??= 1;
    return { ...paragraph, children: [{ type: 'run', children: [{ type: 'text', value: `${counters.join('.')} ` }] }, ...paragraph.children] };
  };
  try {
    // Depth first, in document order: the counters count headings as they are printed.
    const transform = (element: Element): Element =>
      element.type === 'paragraph' ? (numberHeading(element as Paragraph) as Element) : element.children ? { ...element, children: element.children.map(transform) } : element;
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument: transform });
    return value;
  } catch (error) {
    throw new Error(`the Word file cannot be read (${(error as Error).message})`, { cause: error });
  }
}
