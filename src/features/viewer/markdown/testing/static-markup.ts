// Reading renderToStaticMarkup output without a DOM. React escapes <, >, & and quotes inside text
// and attribute values, so every `<name ...>` in the markup is a real element.

export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

export function tagsOf(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((found) => ({
    name: (found[1] as string).toLowerCase(),
    attributes: Object.fromEntries(
      [...(found[2] as string).matchAll(/\s([^\s="/>]+)(?:="([^"]*)")?/g)].map((attribute) => [
        (attribute[1] as string).toLowerCase(),
        decode(attribute[2] ?? ''),
      ]),
    ),
  }));
}

export function tagNames(html: string): string[] {
  return tagsOf(html).map((tag) => tag.name);
}

/** The text a reader sees: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

/** Text inside each element named `name` (having `attribute`, if given), nested ones included. */
export function textsOf(html: string, name: string, attribute?: string): string[] {
  const texts: string[] = [];
  const having = attribute ? `[^>]*\\s${attribute}(?:="[^"]*")?` : '';
  const open = new RegExp(`<${name}\\b${having}[^>]*>`, 'g');
  for (const found of html.matchAll(open)) {
    let depth = 1;
    const tag = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
    tag.lastIndex = found.index + found[0].length;
    for (let next = tag.exec(html); next; next = tag.exec(html)) {
      depth += next[1] ? -1 : 1;
      if (depth === 0) {
        texts.push(visibleText(html.slice(found.index + found[0].length, next.index)));
        break;
      }
    }
  }
  return texts;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
