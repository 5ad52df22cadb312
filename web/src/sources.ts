// Citations: the list of sources under a text. A source's title is given as the source itself gives it (in its
// own language, sometimes with an English gloss), so each item carries the language of its title's script.
import type { Source } from './data';
import { h } from './dom';

/** The language a citation's title is written in, by its script: kana or kanji, Cyrillic, else Latin. */
export function citationLang(title: string): 'ja' | 'ru' | 'en' {
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(title)) return 'ja';
  if (/[\u0400-\u04ff]/.test(title)) return 'ru';
  return 'en';
}

export function sourceList(sources: Source[]): HTMLUListElement {
  return h(
    'ul',
    { class: 'sources' },
    sources.map((src) =>
      h(
        'li',
        { lang: citationLang(src.title) },
        src.url ? h('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer' }, src.title) : h('span', {}, src.title),
        ` — ${src.publisher}`,
        src.citation ? h('span', { class: 'citation' }, ` (${src.citation})`) : null,
      ),
    ),
  );
}
