/**
 * A card as readable text, for terminals and scripts (`npm run ask`): what a host without any
 * card support would show. Charts are read through their fallbacks.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function inline(element: Json): string {
  switch (element['type']) {
    case 'TextBlock':
      return str(element['text']);
    case 'RichTextBlock':
      return list(element['inlines'])
        .map((i) => str(i['text']))
        .join('');
    case 'ColumnSet':
      return list(element['columns'])
        .map((c) => lines(list(c['items'])).join(' — '))
        .filter((t) => t !== '')
        .join(' | ');
    case 'ActionSet':
      return buttons(list(element['actions']));
    default:
      return '';
  }
}

function buttons(actions: Json[]): string {
  return actions.map((a) => `[${str(a['title'])}]`).join(' ');
}

function lines(elements: Json[]): string[] {
  const out: string[] = [];
  for (const e of elements) {
    const type = str(e['type']);
    if (type.startsWith('Chart.')) {
      if (isObject(e['fallback'])) out.push(...lines([e['fallback']]));
      continue;
    }
    if (type === 'Container') {
      out.push(...lines(list(e['items'])));
      continue;
    }
    if (type === 'FactSet') {
      for (const f of list(e['facts'])) out.push(`${str(f['title'])}: ${str(f['value'])}`);
      continue;
    }
    const text = inline(e);
    if (text !== '') out.push(text);
  }
  return out;
}

export function cardToText(card: unknown): string {
  if (!isObject(card)) return '';
  const out = lines(list(card['body']));
  const actions = list(card['actions']);
  if (actions.length > 0) out.push(buttons(actions));
  return out.join('\n');
}
