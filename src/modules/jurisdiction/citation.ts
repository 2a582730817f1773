// A citation of the law's article and point in the reader's language. The profile writes citations the Russian
// way ("Закон РК № 94-V, ст. 24 п. 1 пп. 1", "152-ФЗ, ст. 14 ч. 7"); a letter in Kazakh cites
// "ҚР № 94-V Заңының 24-бабының 1-тармағының 1) тармақшасы", one in English "Law … No. 94-V, Art. 24(1)(1)".
import type { Lang } from '../register/register.retention.js';
import type { SubjectRights } from './profile.schema.js';

const ARTICLE = /^ст\. ([\d-]+)(?: (п|ч)\. (\d+))?(?: пп\. (\d+))?(?: \(.*\))?$/;

interface Parts {
  article: string;
  kind?: 'п' | 'ч';
  point?: string;
  subpoint?: string;
}

function kazakh(law: string, { article, kind, point, subpoint }: Parts): string {
  const pointWord = kind === 'ч' ? 'бөлігі' : 'тармағы';
  const pointGenitive = kind === 'ч' ? 'бөлігінің' : 'тармағының';
  if (!point) return `${law} ${article}-бабы`;
  if (!subpoint) return `${law} ${article}-бабының ${point}-${pointWord}`;
  return `${law} ${article}-бабының ${point}-${pointGenitive} ${subpoint}) тармақшасы`;
}

function english(law: string, { article, point, subpoint }: Parts): string {
  return `${law}, Art. ${article}${point ? `(${point})` : ''}${subpoint ? `(${subpoint})` : ''}`;
}

/**
 * "ст. 24 п. 1 пп. 1" (an article of the law the profile names) in the given language. A parenthesised note
 * after the point ("(в ред. Закона № 231-VIII …)") is kept in Russian only.
 */
export function citeArticle(rights: SubjectRights, citation: string, lang: Lang): string {
  const match = ARTICLE.exec(citation);
  if (lang === 'ru' || !match) return `${rights.cite_as.ru}, ${citation}`;
  const parts: Parts = {
    article: match[1]!,
    kind: match[2] as Parts['kind'],
    point: match[3],
    subpoint: match[4],
  };
  const law = rights.cite_as[lang] ?? rights.cite_as.ru;
  return lang === 'kk' ? kazakh(law, parts) : english(law, parts);
}

/**
 * A citation the profile wrote in full ("Закон РК № 94-V, ст. 25 п. 2 пп. 8", as its deadline rules begin) in
 * the given language; one that does not name the profile's law and a single article stays as written.
 */
export function localizeCitation(rights: SubjectRights | undefined, citation: string, lang: Lang): string {
  const prefix = rights ? `${rights.cite_as.ru}, ` : undefined;
  if (!rights || !prefix || lang === 'ru' || !citation.startsWith(prefix)) return citation;
  const article = citation.slice(prefix.length);
  return ARTICLE.test(article) ? citeArticle(rights, article, lang) : citation;
}
